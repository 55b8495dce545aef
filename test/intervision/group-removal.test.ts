import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { registrations } from '../../db/schema';
import { html, loginAs, text } from '../helpers';
import { groupLists, groupMeetingIds, mailsTo, makeGroup, member, network } from './fixtures';

/**
 * A closed group's places belong to the group: a facilitator who removes someone from one of its
 * meetings takes them out of the group, and the group's waiting list moves up (found by a review:
 * the place stayed empty while two people waited for the group). The group page shows it is full
 * before one joins, and lets the facilitator take members out.
 */
async function fullGroup() {
  const ta = await network();
  const { db, orgs, facilitator } = ta;
  const groupId = makeGroup(db, facilitator.id, orgs.icare.id, { maxParticipants: 2, minParticipants: 1, count: 2 });
  const meetingIds = groupMeetingIds(db, groupId);
  const julia = await member(ta, orgs.ggd.id, 'Julia Brouwer');
  const kees = await member(ta, orgs.cjg.id, 'Kees Jansen');
  const bram = await member(ta, orgs.lokalis.id, 'Bram Vos');
  const sanne = await member(ta, orgs.ggd.id, 'Sanne de Vries');
  for (const p of [julia, kees, bram, sanne]) expect((await p.client.post(`/groups/${groupId}/join`)).status).toBe(303);
  const fac = await loginAs(ta.app, facilitator.email);
  const statusIn = (meetingId: number, userId: string) =>
    db
      .select({ status: registrations.status })
      .from(registrations)
      .where(and(eq(registrations.meetingId, meetingId), eq(registrations.userId, userId)))
      .get()?.status;
  const regId = (meetingId: number, userId: string) =>
    db
      .select({ id: registrations.id })
      .from(registrations)
      .where(and(eq(registrations.meetingId, meetingId), eq(registrations.userId, userId)))
      .get()!.id;
  return { ...ta, groupId, meetingIds, julia, kees, bram, sanne, fac, statusIn, regId };
}

describe('closed group: the facilitator takes someone out', () => {
  it('remove on a meeting of the group: out of the group and its later meetings, told; the first waiting moves up into every meeting', async () => {
    const w = await fullGroup();
    expect(groupLists(w.db, w.groupId)).toEqual({ registered: ['Julia Brouwer', 'Kees Jansen'], waiting: ['Bram Vos', 'Sanne de Vries'] });
    const [first, second] = w.meetingIds as [number, number];
    // The facilitator's page of the meeting shows the group's waiting list, and says what remove does.
    const manage = await html(await w.fac.get(`/facilitate/meetings/${first}`));
    expect(text(manage)).toContain('Wachtlijst van de groep');
    expect(manage.querySelectorAll('ol.participants li').map((li) => text(li))).toEqual(['Bram Vos (Lokalis Utrecht)', 'Sanne de Vries (GGD NOG)']);
    expect(text(manage)).toContain('Julia Brouwer uit de vaste groep halen?');
    const res = await w.fac.post(`/facilitate/meetings/${first}/participants/${w.regId(first, w.julia.id)}/remove`);
    expect(res.status).toBe(303);
    const after = await html(await w.fac.get(res.headers.get('location')!));
    expect(text(after.querySelector('[role=status]'))).toBe('Julia Brouwer is uit de groep gehaald.');
    expect(groupLists(w.db, w.groupId)).toEqual({ registered: ['Bram Vos', 'Kees Jansen'], waiting: ['Sanne de Vries'] });
    for (const id of [first, second]) {
      expect(w.statusIn(id, w.julia.id), `meeting ${id}`).toBe('removed');
      expect(w.statusIn(id, w.bram.id), `meeting ${id}`).toBe('registered');
    }
    expect(mailsTo(w.db, w.julia.email).map((m) => m.subject)).toContain('Uit de intervisiegroep gehaald: Intervisie jeugdverpleegkundigen');
    expect(mailsTo(w.db, w.bram.email).map((m) => m.subject)).toContain('Je bent doorgeschoven in de intervisiegroep: Intervisie jeugdverpleegkundigen');
    // Joining again is refused with the reason; the meeting list counts the group's waiting list.
    const again = await w.julia.client.post(`/groups/${w.groupId}/join`);
    expect(again.status).toBe(409);
    expect(text((await html(again)).querySelector('.error-summary'))).toContain('De begeleider heeft je uit deze groep gehaald.');
    expect(text((await html(await w.sanne.client.get(`/meetings/${first}`))).querySelector('.places'))).toContain('1 persoon op de wachtlijst');
    // A second click on the old page: said as the outcome it is.
    const twice = await w.fac.post(`/facilitate/meetings/${first}/participants/${w.regId(first, w.julia.id)}/remove`);
    expect(text((await html(await w.fac.get(twice.headers.get('location')!))).querySelector('[role=status]'))).toContain('Julia Brouwer');
    expect(groupLists(w.db, w.groupId).registered).toEqual(['Bram Vos', 'Kees Jansen']);
  });

  it('on the group page: the facilitator takes a waiting member off the list (nobody moves up); others cannot (404), nothing changes', async () => {
    const w = await fullGroup();
    const page = await html(await w.fac.get(`/groups/${w.groupId}`));
    const form = page.querySelectorAll('form').find((f) => text(f).includes('Sanne de Vries uit de groep halen?'));
    expect(form).toBeDefined();
    const action = form!.getAttribute('action')!;
    const other = await member(w, w.orgs.ggd.id, 'Andere begeleider', { roles: ['facilitator'] });
    for (const who of [other.client, w.kees.client, w.sanne.client]) expect((await who.post(action)).status).toBe(404);
    expect(groupLists(w.db, w.groupId).waiting).toEqual(['Bram Vos', 'Sanne de Vries']);
    const res = await w.fac.post(action);
    expect(res.status).toBe(303);
    expect(text((await html(await w.fac.get(res.headers.get('location')!))).querySelector('[role=status]'))).toBe('Sanne de Vries is uit de groep gehaald.');
    expect(groupLists(w.db, w.groupId)).toEqual({ registered: ['Julia Brouwer', 'Kees Jansen'], waiting: ['Bram Vos'] });
    const twice = await w.fac.post(action);
    expect(text((await html(await w.fac.get(twice.headers.get('location')!))).querySelector('[role=status]'))).toBe(
      'Sanne de Vries is al geen lid meer van de groep.',
    );
    // Members see no such button.
    expect(text(await html(await w.kees.client.get(`/groups/${w.groupId}`)))).not.toContain('uit de groep halen');
  });

  it('a full group says so before one joins: the button puts one on its waiting list', async () => {
    const w = await fullGroup();
    const newcomer = await member(w, w.orgs.cjg.id, 'Nieuwe collega');
    const page = await html(await newcomer.client.get(`/groups/${w.groupId}`));
    expect(text(page)).toContain('De groep is vol (2 leden); 2 personen staan op de wachtlijst.');
    expect(text(page.querySelector(`form[action="/groups/${w.groupId}/join"] button`))).toBe('Op de wachtlijst van de groep');
    // With room, the plain button and no notice.
    await w.julia.client.post(`/groups/${w.groupId}/leave`);
    await w.bram.client.post(`/groups/${w.groupId}/leave`);
    await w.sanne.client.post(`/groups/${w.groupId}/leave`);
    const open = await html(await newcomer.client.get(`/groups/${w.groupId}`));
    expect(text(open)).not.toContain('De groep is vol');
    expect(text(open.querySelector(`form[action="/groups/${w.groupId}/join"] button`))).toBe('Aanmelden voor de groep');
  });
});
