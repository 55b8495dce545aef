import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { meetings, registrations } from '../../db/schema';
import { joinGroup, leaveGroup } from '../../src/intervision/groups';
import { createUser } from '../helpers';
import { DEFAULT_MEETING, makeGroup, network } from './fixtures';

/**
 * What joining and leaving a closed group does to the member's places in the group's meetings
 * (issue 11; the survivors of groups.ts in docs/quality.md). The clock stands at 2026-11-23.
 */
const at = new Date(DEFAULT_MEETING().signupOpensAt.getTime() + 60_000);

async function groupWorld(over: Parameters<typeof makeGroup>[3] = {}) {
  const n = await network();
  const { db, orgs, facilitator } = n;
  const groupId = makeGroup(db, facilitator.id, orgs.icare.id, { count: 2, minParticipants: 1, ...over });
  const meetingIds = db
    .select({ id: meetings.id })
    .from(meetings)
    .where(eq(meetings.groupId, groupId))
    .orderBy(meetings.startsAt)
    .all()
    .map((m) => m.id);
  const reg = (meetingId: number, userId: string) =>
    db
      .select()
      .from(registrations)
      .where(and(eq(registrations.meetingId, meetingId), eq(registrations.userId, userId)))
      .get();
  return { ...n, groupId, meetingIds, reg };
}

describe('closed group: places in its meetings', () => {
  it('group places: a new member is placed in the group’s meetings without a case to bring (they can say so per meeting)', async () => {
    const w = await groupWorld();
    const a = await createUser(w.db, { orgId: w.orgs.ggd.id });
    expect(joinGroup(w.db, w.groupId, a.id, w.orgs.ggd.id, at)).toEqual({ ok: true, status: 'registered' });
    for (const id of w.meetingIds) expect(w.reg(id, a.id), `meeting ${id}`).toMatchObject({ status: 'registered', bringsCase: false });
  });

  it('group places: joining keeps a place the member already holds in a meeting as it is (their case, their ticket and when they registered)', async () => {
    const w = await groupWorld();
    const a = await createUser(w.db, { orgId: w.orgs.ggd.id });
    const [first, second] = w.meetingIds as [number, number];
    // A place given before joining (for instance by the facilitator); no sign-up route makes one for a closed group.
    const earlier = new Date(at.getTime() - 86_400_000);
    w.db
      .insert(registrations)
      .values({
        meetingId: first,
        userId: a.id,
        orgId: w.orgs.ggd.id,
        status: 'registered',
        bringsCase: true,
        queueSeq: 7,
        queuedAt: earlier,
        registeredAt: earlier,
        updatedAt: earlier,
      })
      .run();
    w.db
      .insert(registrations)
      .values({
        meetingId: second,
        userId: a.id,
        orgId: w.orgs.ggd.id,
        status: 'waitlisted',
        bringsCase: true,
        queueSeq: 9,
        queuedAt: earlier,
        updatedAt: earlier,
      })
      .run();
    expect(joinGroup(w.db, w.groupId, a.id, w.orgs.ggd.id, at)).toEqual({ ok: true, status: 'registered' });
    expect(w.reg(first, a.id)).toMatchObject({ status: 'registered', bringsCase: true, queueSeq: 7, registeredAt: earlier });
    expect(w.reg(second, a.id)).toMatchObject({ status: 'waitlisted', bringsCase: true, queueSeq: 9, registeredAt: null });
  });

  it('group places: a member who leaves gives up a place on a meeting’s waiting list as well as a registered one', async () => {
    const w = await groupWorld();
    const a = await createUser(w.db, { orgId: w.orgs.ggd.id });
    joinGroup(w.db, w.groupId, a.id, w.orgs.ggd.id, at);
    const [first, second] = w.meetingIds as [number, number];
    // In the second meeting the member waits (its places were taken otherwise).
    w.db
      .update(registrations)
      .set({ status: 'waitlisted', registeredAt: null })
      .where(and(eq(registrations.meetingId, second), eq(registrations.userId, a.id)))
      .run();
    expect(leaveGroup(w.db, w.groupId, a.id, at, '')).toBe(true);
    expect(w.reg(first, a.id)).toMatchObject({ status: 'cancelled', queueSeq: null });
    expect(w.reg(second, a.id)).toMatchObject({ status: 'cancelled', queueSeq: null });
  });
});
