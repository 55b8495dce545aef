import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { meetings, registrations } from '../../db/schema';
import { joinGroup, leaveGroup, listGroupMembers } from '../../src/intervision/groups';
import { createUser } from '../helpers';
import { DEFAULT_MEETING, makeGroup, network } from './fixtures';

/**
 * Joining and leaving a closed group, each refusal and each consequence by name, at the domain
 * function (issue 11; these are the surviving mutants of groups.ts in docs/quality.md).
 */
const at = new Date(DEFAULT_MEETING().signupOpensAt.getTime() + 60_000);

describe('closed group: joining', () => {
  it('refused when the organisation may not see it or it does not exist (not found), when the group is open, and when already in or waiting; a member who left may join again', async () => {
    const n = await network();
    const { db, orgs, facilitator } = n;
    const a = await createUser(db, { orgId: orgs.ggd.id });
    const closed = makeGroup(db, facilitator.id, orgs.icare.id, { maxParticipants: 1, minParticipants: 1 });
    const hidden = makeGroup(db, facilitator.id, orgs.icare.id, { visibility: 'list', visibleOrgIds: [orgs.cjg.id] });
    const open = makeGroup(db, facilitator.id, orgs.icare.id, { closed: false });
    expect(joinGroup(db, hidden, a.id, orgs.ggd.id, at)).toEqual({ ok: false, reason: 'not-found' });
    expect(joinGroup(db, 999_999, a.id, orgs.ggd.id, at)).toEqual({ ok: false, reason: 'not-found' });
    expect(joinGroup(db, open, a.id, orgs.ggd.id, at)).toEqual({ ok: false, reason: 'open-group' });
    expect(joinGroup(db, closed, a.id, orgs.ggd.id, at)).toEqual({ ok: true, status: 'registered' });
    expect(joinGroup(db, closed, a.id, orgs.ggd.id, at)).toEqual({ ok: false, reason: 'already' });
    const b = await createUser(db, { orgId: orgs.cjg.id });
    expect(joinGroup(db, closed, b.id, orgs.cjg.id, at)).toEqual({ ok: true, status: 'waitlisted' });
    expect(joinGroup(db, closed, b.id, orgs.cjg.id, at)).toEqual({ ok: false, reason: 'already' });
    expect(leaveGroup(db, closed, b.id, at, '')).toBe(true);
    expect(listGroupMembers(db, closed).map((m) => m.status)).toEqual(['registered']);
    expect(joinGroup(db, closed, b.id, orgs.cjg.id, at)).toEqual({ ok: true, status: 'waitlisted' });
  });

  it('a new member is registered for every future, scheduled meeting of the group, not for a cancelled one', async () => {
    const n = await network();
    const { db, orgs, facilitator } = n;
    const groupId = makeGroup(db, facilitator.id, orgs.icare.id, { count: 3, minParticipants: 1 });
    const ids = db
      .select({ id: meetings.id })
      .from(meetings)
      .where(eq(meetings.groupId, groupId))
      .orderBy(meetings.startsAt)
      .all()
      .map((m) => m.id);
    db.update(meetings).set({ status: 'cancelled' }).where(eq(meetings.id, ids[2]!)).run();
    const a = await createUser(db, { orgId: orgs.ggd.id });
    joinGroup(db, groupId, a.id, orgs.ggd.id, at);
    const regs = db
      .select({ meetingId: registrations.meetingId, status: registrations.status })
      .from(registrations)
      .where(eq(registrations.userId, a.id))
      .all();
    expect(regs.map((r) => r.meetingId).sort()).toEqual([ids[0], ids[1]].sort());
    expect(regs.every((r) => r.status === 'registered')).toBe(true);
  });
});

describe('closed group: leaving', () => {
  it('nobody to leave is false; a registered member gives up future places only, and the first waiting moves up; a waiting member leaving changes no meeting', async () => {
    const n = await network();
    const { db, orgs, facilitator } = n;
    const groupId = makeGroup(db, facilitator.id, orgs.icare.id, { count: 2, maxParticipants: 1, minParticipants: 1 });
    const ids = db
      .select({ id: meetings.id, startsAt: meetings.startsAt })
      .from(meetings)
      .where(eq(meetings.groupId, groupId))
      .orderBy(meetings.startsAt)
      .all();
    const a = await createUser(db, { orgId: orgs.ggd.id });
    const b = await createUser(db, { orgId: orgs.cjg.id });
    const c = await createUser(db, { orgId: orgs.lokalis.id });
    expect(leaveGroup(db, groupId, a.id, at, '')).toBe(false);
    joinGroup(db, groupId, a.id, orgs.ggd.id, at);
    joinGroup(db, groupId, b.id, orgs.cjg.id, at);
    joinGroup(db, groupId, c.id, orgs.lokalis.id, at);
    const statusIn = (meetingId: number, userId: string) =>
      db
        .select({ s: registrations.status })
        .from(registrations)
        .where(and(eq(registrations.meetingId, meetingId), eq(registrations.userId, userId)))
        .get()?.s;

    // c waits; leaving the waiting list changes no meeting and moves nobody.
    expect(leaveGroup(db, groupId, c.id, at, '')).toBe(true);
    expect(leaveGroup(db, groupId, c.id, at, '')).toBe(false);
    expect(listGroupMembers(db, groupId).map((m) => m.status)).toEqual(['registered', 'waitlisted']);

    // After the first meeting started, a leaves: the past meeting keeps a, the future one moves b up.
    const afterFirst = new Date(ids[0]!.startsAt.getTime() + 60_000);
    expect(leaveGroup(db, groupId, a.id, afterFirst, '')).toBe(true);
    expect(statusIn(ids[0]!.id, a.id)).toBe('registered');
    expect(statusIn(ids[1]!.id, a.id)).toBe('cancelled');
    expect(statusIn(ids[1]!.id, b.id)).toBe('registered');
    expect(listGroupMembers(db, groupId).map((m) => m.status)).toEqual(['registered']);
  });
});
