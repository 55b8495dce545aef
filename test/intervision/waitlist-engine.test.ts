import { describe, expect, it } from 'vitest';
import { writeTx } from '../../src/db';
import { meetingWaitlist, promote } from '../../src/intervision/registrations';
import { promoteWaiting } from '../../src/intervision/waitlist';
import { lists, makeMeeting, member, network } from './fixtures';

/** The waiting-list engine (src/intervision/waitlist.ts) called directly: what it promises its callers. */
async function fullMeetingWithTwoWaiting() {
  const ta = await network();
  const id = makeMeeting(ta.db, ta.facilitator.id, ta.orgs.icare.id, { maxParticipants: 1, minParticipants: 1 });
  const people = [];
  for (const [org, name] of [
    [ta.orgs.ggd.id, 'Anna'],
    [ta.orgs.cjg.id, 'Bart'],
    [ta.orgs.lokalis.id, 'Cor'],
  ] as const) {
    const p = await member(ta, org, name);
    expect((await p.client.post(`/meetings/${id}/signup`)).status).toBe(303);
    ta.clock.advance(1000);
    people.push(p);
  }
  expect(lists(ta.db, id)).toEqual({ registered: ['Anna'], waiting: ['Bart', 'Cor'] });
  return { ta, id, people };
}

describe('waiting-list engine', () => {
  it('move-up returns the people moved up, in ticket order, and nobody when no place is free', async () => {
    const { ta, id, people } = await fullMeetingWithTwoWaiting();
    expect(writeTx(ta.db, (tx) => promote(tx, id, ta.clock.now(), ''))).toEqual([]);
    ta.db.$client.prepare('update meetings set max_participants = 3 where id = ?').run(id);
    expect(writeTx(ta.db, (tx) => promote(tx, id, ta.clock.now(), ''))).toEqual([people[1]!.id, people[2]!.id]);
    expect(lists(ta.db, id)).toEqual({ registered: ['Anna', 'Bart', 'Cor'], waiting: [] });
  });

  it('a move-up that does not take the place fails loudly instead of looping, and changes nothing', async () => {
    const { ta, id } = await fullMeetingWithTwoWaiting();
    ta.db.$client.prepare('update meetings set max_participants = 2 where id = ?').run(id);
    expect(() => writeTx(ta.db, (tx) => promoteWaiting(tx, meetingWaitlist(id), { maxParticipants: 2, maxPerOrg: null }, () => {}))).toThrow(
      'waitlist: moveUp must register the person moved up',
    );
    expect(lists(ta.db, id)).toEqual({ registered: ['Anna'], waiting: ['Bart', 'Cor'] });
  });
});
