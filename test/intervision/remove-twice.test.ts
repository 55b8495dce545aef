import { describe, expect, it } from 'vitest';
import { html, loginAs, text } from '../helpers';
import { lists, mailsTo, makeMeeting, network, oneTakenOneWaiting } from './fixtures';

/**
 * Removing a participant who is no longer on the list (a second click, another facilitator, or
 * they cancelled meanwhile) says so and changes nothing, instead of a "page not found"; a
 * registration of another meeting stays a 404.
 */
describe('facilitator removes a participant who is already off the list', () => {
  async function setup() {
    const ta = await network();
    const { db, facilitator } = ta;
    const { id, a, w } = await oneTakenOneWaiting(ta);
    const regOf = (userId: string) =>
      (db.$client.prepare('select id from registrations where user_id = ? and meeting_id = ?').get(userId, id) as { id: number }).id;
    const fac = await loginAs(ta.app, facilitator.email);
    return { ta, db, id, a, w, regOf, fac };
  }

  it('a second remove: 303 back to the meeting, "A staat al niet meer op de lijst.", no second mail, nobody else moved', async () => {
    const { db, id, a, w, regOf, fac } = await setup();
    const path = `/facilitate/meetings/${id}/participants/${regOf(a.id)}/remove`;
    expect((await fac.post(path)).status).toBe(303);
    const again = await fac.post(path);
    expect(again.status).toBe(303);
    expect(again.headers.get('location')).toBe(`/facilitate/meetings/${id}`);
    const shown = await html(await fac.get(again.headers.get('location')!));
    expect(text(shown.querySelector('[role="status"]'))).toBe('A staat al niet meer op de lijst.');
    expect(lists(db, id)).toEqual({ registered: ['W'], waiting: [] });
    expect(mailsTo(db, a.email).filter((m) => m.subject.includes('Afgemeld door de begeleider'))).toHaveLength(1);
    expect(mailsTo(db, w.email).filter((m) => m.subject.includes('doorgeschoven'))).toHaveLength(1);
  });

  it('someone who cancelled meanwhile: said the same way, nothing changes', async () => {
    const { db, id, w, regOf, fac } = await setup();
    await w.client.post(`/meetings/${id}/cancel-registration`, { confirm: 'yes' });
    const res = await fac.post(`/facilitate/meetings/${id}/participants/${regOf(w.id)}/remove`);
    expect(res.status).toBe(303);
    expect(text((await html(await fac.get(res.headers.get('location')!))).querySelector('[role="status"]'))).toBe('W staat al niet meer op de lijst.');
    expect(lists(db, id)).toEqual({ registered: ['A'], waiting: [] });
  });

  it('a registration of another meeting, through this meeting’s path: 404, whatever its status', async () => {
    const { ta, id, a, fac } = await setup();
    const other = makeMeeting(ta.db, ta.facilitator.id, ta.orgs.icare.id, { maxParticipants: 3, minParticipants: 1 });
    await a.client.post(`/meetings/${other}/signup`);
    const otherReg = (ta.db.$client.prepare('select id from registrations where user_id = ? and meeting_id = ?').get(a.id, other) as { id: number }).id;
    expect((await fac.post(`/facilitate/meetings/${id}/participants/${otherReg}/remove`)).status).toBe(404);
    expect((await fac.post(`/facilitate/meetings/${other}/participants/${otherReg}/remove`)).status).toBe(303);
    expect((await fac.post(`/facilitate/meetings/${id}/participants/${otherReg}/remove`)).status).toBe(404);
  });
});
