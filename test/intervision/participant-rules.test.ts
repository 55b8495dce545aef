import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { meetings, registrations } from '../../db/schema';
import { listMyActiveRegistrations, removeParticipant, signUp } from '../../src/intervision/registrations';
import { createUser, html, text } from '../helpers';
import { DEFAULT_MEETING, lists, mailsTo, makeMeeting, member, network, statusOf } from './fixtures';

/**
 * A participant's place as the facilitator and the participant see it: taking a waiting person
 * off the list, and "Jij: …" on the meeting list (issue 11; survivors of registrations.ts in
 * docs/quality.md). The clock stands at 2026-11-23; sign-up is open.
 */
const at = new Date(DEFAULT_MEETING().signupOpensAt.getTime() + 60_000);

describe('removing a participant', () => {
  it('remove participant: the facilitator takes a waiting person off the list; they are told, and the registered places do not change', async () => {
    const n = await network();
    const { db, orgs, facilitator } = n;
    const m = makeMeeting(db, facilitator.id, orgs.icare.id, { maxParticipants: 1, minParticipants: 1 });
    const a = await createUser(db, { orgId: orgs.ggd.id, name: 'Anna Aangemeld' });
    const w = await createUser(db, { orgId: orgs.cjg.id, name: 'Wim Wachtend' });
    expect(signUp(db, { meetingId: m, userId: a.id, orgId: orgs.ggd.id, bringsCase: false }, at)).toEqual({ ok: true, status: 'registered' });
    expect(signUp(db, { meetingId: m, userId: w.id, orgId: orgs.cjg.id, bringsCase: false }, at)).toEqual({ ok: true, status: 'waitlisted' });
    const reg = db
      .select()
      .from(registrations)
      .where(and(eq(registrations.meetingId, m), eq(registrations.userId, w.id)))
      .get()!;
    const meeting = db.select().from(meetings).where(eq(meetings.id, m)).get()!;
    expect(mailsTo(db, w.email)).toHaveLength(0);
    expect(removeParticipant(db, meeting, reg.id, at, '')).toBe(true);
    expect(statusOf(db, m, w.id)).toBe('removed');
    expect(lists(db, m)).toEqual({ registered: ['Anna Aangemeld'], waiting: [] });
    expect(mailsTo(db, w.email)).toHaveLength(1);
    // Taken off once: a second time finds nobody to remove.
    expect(removeParticipant(db, meeting, reg.id, at, '')).toBe(false);
  });
});

describe('my registrations on the meeting list', () => {
  it('my status: the list says "Jij: Aangemeld" or "Jij: Op de wachtlijst" on the meetings I am in, and nothing on the others', async () => {
    const n = await network();
    const { db, orgs, facilitator } = n;
    const full = makeMeeting(db, facilitator.id, orgs.icare.id, { title: 'Vol overleg', maxParticipants: 1, minParticipants: 1 });
    const open = makeMeeting(db, facilitator.id, orgs.icare.id, { title: 'Open overleg' });
    const other = makeMeeting(db, facilitator.id, orgs.icare.id, { title: 'Ander overleg' });
    const first = await createUser(db, { orgId: orgs.lokalis.id });
    signUp(db, { meetingId: full, userId: first.id, orgId: orgs.lokalis.id, bringsCase: false }, at);
    const me = await member(n, orgs.ggd.id, 'Sanne de Vries');
    expect(signUp(db, { meetingId: open, userId: me.id, orgId: orgs.ggd.id, bringsCase: false }, at)).toEqual({ ok: true, status: 'registered' });
    expect(signUp(db, { meetingId: full, userId: me.id, orgId: orgs.ggd.id, bringsCase: false }, at)).toEqual({ ok: true, status: 'waitlisted' });
    const doc = await html(await me.client.get('/meetings'));
    const card = (id: number) => text(doc.querySelector(`#meeting-${id}-link`)?.closest('article'));
    expect(card(open)).toContain('Jij: Aangemeld');
    expect(card(full)).toContain('Jij: Op de wachtlijst');
    expect(card(other)).not.toContain('Jij:');
    expect(listMyActiveRegistrations(db, me.id, [open, full, other])).toEqual(
      new Map([
        [open, 'registered'],
        [full, 'waitlisted'],
      ]),
    );
    expect(listMyActiveRegistrations(db, me.id, [other])).toEqual(new Map());
  });
});
