import { and, asc, eq, gt, inArray, sql } from 'drizzle-orm';
import { groupMembers, intervisionGroups, meetings, organisations, registrations, users } from '../../db/schema';
import { writeTx, type DB, type Queryable, type Tx } from '../db';
import { addDays, instantOf, localDateOf, localTimeOf } from '../lib/time';
import { mailGroupMovedUp, mailGroupRemoved } from './mails';
import { insertMeeting, placeClosedOn, visibleTo, type Meeting, type MeetingInput, type PlaceClosed } from './meetings';
import { placeRegistration, promote, removeParticipant } from './registrations';
import { fits, nextTicket, positionOf, promoteWaiting, type Waitlist } from './waitlist';

export type Group = typeof intervisionGroups.$inferSelect;
export type GroupInput = MeetingInput & { cadenceWeeks: number; count: number; closed: boolean };

/** Moves an instant by whole weeks on the Amsterdam wall clock (14:00 stays 14:00 across DST). */
function shiftWeeks(instant: Date, weeks: number): Date {
  return instantOf(addDays(localDateOf(instant), weeks * 7), localTimeOf(instant));
}

/** How many weeks after the first each meeting of a series is: 0, cadence, 2 × cadence, … (`count` of them). */
export function seriesWeeks(g: Pick<GroupInput, 'cadenceWeeks' | 'count'>): number[] {
  return Array.from({ length: g.count }, (_, i) => i * g.cadenceWeeks);
}

export type PublishGroupResult = { ok: true; id: number } | { ok: false; placeClosed: PlaceClosed };

/**
 * A facilitator publishes a group: no meeting of the series at a partner location on a day it is
 * closed (the first such meeting is named), then `createGroup`, in one transaction.
 */
export function publishGroup(db: DB, input: GroupInput & { facilitatorId: string }, now: Date): PublishGroupResult {
  return writeTx(db, (tx): PublishGroupResult => {
    const first = localDateOf(input.startsAt);
    const placeClosed = placeClosedOn(
      tx,
      input.locationId,
      seriesWeeks(input).map((w) => addDays(first, w * 7)),
    );
    if (placeClosed) return { ok: false, placeClosed };
    return { ok: true, id: createGroup(tx, input, now) };
  });
}

/**
 * Creates a group and its meetings: every `cadenceWeeks` weeks, `count` times, at the same local
 * time. Sign-up for all of them opens together; closing and cancellation deadlines keep the same
 * distance to each meeting's start as for the first.
 */
export function createGroup(db: DB | Tx, input: GroupInput & { facilitatorId: string }, now: Date): number {
  return writeTx(db, (tx) => {
    const g = tx
      .insert(intervisionGroups)
      .values({
        orgId: input.orgId,
        facilitatorId: input.facilitatorId,
        title: input.title,
        closed: input.closed,
        cadenceWeeks: input.cadenceWeeks,
        count: input.count,
        maxParticipants: input.maxParticipants,
        maxPerOrg: input.maxPerOrg,
        createdAt: now,
      })
      .returning({ id: intervisionGroups.id })
      .get();
    for (const w of seriesWeeks(input)) {
      insertMeeting(
        tx,
        {
          ...input,
          startsAt: shiftWeeks(input.startsAt, w),
          endsAt: shiftWeeks(input.endsAt, w),
          signupClosesAt: shiftWeeks(input.signupClosesAt, w),
          cancelDeadlineAt: shiftWeeks(input.cancelDeadlineAt, w),
          facilitatorId: input.facilitatorId,
          groupId: g.id,
        },
        now,
      );
    }
    return g.id;
  });
}

export function getGroup(db: Queryable, id: number): Group | undefined {
  return db.select().from(intervisionGroups).where(eq(intervisionGroups.id, id)).get();
}

/** A group is visible when one of its meetings is. */
export function getVisibleGroup(db: Queryable, id: number, orgIds: number[]): Group | undefined {
  return db
    .select()
    .from(intervisionGroups)
    .where(
      and(eq(intervisionGroups.id, id), sql`exists (select 1 from ${meetings} where ${meetings.groupId} = ${intervisionGroups.id} and ${visibleTo(orgIds)})`),
    )
    .get();
}

export function listGroupMeetings(db: Queryable, groupId: number): Meeting[] {
  return db.select().from(meetings).where(eq(meetings.groupId, groupId)).orderBy(asc(meetings.startsAt)).all();
}

export type GroupMember = typeof groupMembers.$inferSelect;

export function getMember(db: Queryable, groupId: number, userId: string): GroupMember | undefined {
  return db
    .select()
    .from(groupMembers)
    .where(and(eq(groupMembers.groupId, groupId), eq(groupMembers.userId, userId)))
    .get();
}

/** One member row of a group (any status), with the person's name; undefined when not of this group. */
export function groupMemberById(db: Queryable, groupId: number, memberId: number): { userId: string; name: string } | undefined {
  return db
    .select({ userId: groupMembers.userId, name: users.name })
    .from(groupMembers)
    .innerJoin(users, eq(users.id, groupMembers.userId))
    .where(and(eq(groupMembers.id, memberId), eq(groupMembers.groupId, groupId)))
    .get();
}

export function listGroupMembers(db: Queryable, groupId: number) {
  return db
    .select({ id: groupMembers.id, name: users.name, orgName: organisations.name, status: groupMembers.status, queueSeq: groupMembers.queueSeq })
    .from(groupMembers)
    .innerJoin(users, eq(users.id, groupMembers.userId))
    .innerJoin(organisations, eq(organisations.id, groupMembers.orgId))
    .where(and(eq(groupMembers.groupId, groupId), inArray(groupMembers.status, ['registered', 'waitlisted'])))
    .orderBy(asc(groupMembers.queueSeq))
    .all();
}

/** Whether someone of this organisation would get a place in the group now, and how many wait. */
export function roomInGroup(db: Queryable, group: Group, orgId: number): { fits: boolean; waiting: number } {
  const list = groupWaitlist(group.id);
  const waiting = db
    .select({ n: sql<number>`count(*)` })
    .from(groupMembers)
    .where(and(list.of, eq(groupMembers.status, 'waitlisted')))
    .get()?.n;
  return { fits: fits(db, list, group, orgId), waiting: waiting ?? 0 };
}

/** The closed group a meeting belongs to, with the group's waiting list in order; null for other meetings. */
export function closedGroupOf(db: Queryable, meeting: Meeting): { id: number; waiting: { name: string; orgName: string }[] } | null {
  const group = meeting.groupId === null ? undefined : getGroup(db, meeting.groupId);
  if (!group?.closed) return null;
  return { id: group.id, waiting: listGroupMembers(db, group.id).filter((m) => m.status === 'waitlisted') };
}

/** A closed group's own waiting list: its members (the engine is src/intervision/waitlist.ts). */
export function groupWaitlist(groupId: number): Waitlist {
  return {
    table: groupMembers,
    of: eq(groupMembers.groupId, groupId),
    columns: { id: groupMembers.id, userId: groupMembers.userId, orgId: groupMembers.orgId, status: groupMembers.status, queueSeq: groupMembers.queueSeq },
  };
}

export function groupWaitPosition(db: Queryable, m: GroupMember | undefined): number | null {
  if (m?.status !== 'waitlisted') return null;
  return positionOf(db, groupWaitlist(m.groupId), m.queueSeq);
}

/** Registers a group member for every future meeting of the group. */
function registerForFutureMeetings(tx: Tx, groupId: number, userId: string, orgId: number, now: Date) {
  const future = tx
    .select()
    .from(meetings)
    .where(and(eq(meetings.groupId, groupId), eq(meetings.status, 'scheduled'), gt(meetings.startsAt, now)))
    .all();
  for (const m of future) {
    const reg = tx
      .select({ status: registrations.status })
      .from(registrations)
      .where(and(eq(registrations.meetingId, m.id), eq(registrations.userId, userId)))
      .get();
    if (reg?.status === 'registered' || reg?.status === 'waitlisted') continue;
    placeRegistration(tx, m, userId, orgId, false, now);
  }
}

export type JoinResult = { ok: true; status: 'registered' | 'waitlisted' } | { ok: false; reason: 'not-found' | 'open-group' | 'already' | 'removed' };

/** Joining a closed group: a place in the group (and every future meeting), or its waiting list. */
export function joinGroup(db: DB | Tx, groupId: number, userId: string, orgId: number, now: Date): JoinResult {
  return writeTx(db, (tx) => {
    const g = getVisibleGroup(tx, groupId, [orgId]);
    if (!g) return { ok: false, reason: 'not-found' };
    if (!g.closed) return { ok: false, reason: 'open-group' };
    const existing = getMember(tx, groupId, userId);
    if (existing?.status === 'removed') return { ok: false, reason: 'removed' };
    if (existing && existing.status !== 'left') return { ok: false, reason: 'already' };
    const list = groupWaitlist(groupId);
    const status = fits(tx, list, g, orgId) ? 'registered' : 'waitlisted';
    const values = { orgId, status, queueSeq: nextTicket(tx, list), queuedAt: now, joinedAt: status === 'registered' ? now : null } as const;
    if (existing) tx.update(groupMembers).set(values).where(eq(groupMembers.id, existing.id)).run();
    else
      tx.insert(groupMembers)
        .values({ groupId, userId, ...values })
        .run();
    if (status === 'registered') registerForFutureMeetings(tx, groupId, userId, orgId, now);
    return { ok: true, status };
  });
}

/** Leaving a closed group: future places are given up and the group's waiting list moves up. */
export function leaveGroup(db: DB | Tx, groupId: number, userId: string, now: Date, baseUrl: string): boolean {
  return writeTx(db, (tx) => {
    const m = getMember(tx, groupId, userId);
    if (!m || (m.status !== 'registered' && m.status !== 'waitlisted')) return false;
    tx.update(groupMembers).set({ status: 'left' }).where(eq(groupMembers.id, m.id)).run();
    if (m.status === 'registered') giveUpFuturePlaces(tx, groupId, userId, 'cancelled', now, baseUrl);
    return true;
  });
}

/**
 * The facilitator (or an org admin of the organising organisation) takes someone out of a closed
 * group: out of every future meeting of it, or off its waiting list; they are told, the group's
 * waiting list moves up, and joining again is refused (they may ask the facilitator).
 */
export function removeMember(db: DB | Tx, groupId: number, userId: string, now: Date, baseUrl: string): boolean {
  return writeTx(db, (tx) => {
    const m = getMember(tx, groupId, userId);
    if (!m || (m.status !== 'registered' && m.status !== 'waitlisted')) return false;
    tx.update(groupMembers).set({ status: 'removed' }).where(eq(groupMembers.id, m.id)).run();
    if (m.status === 'registered') giveUpFuturePlaces(tx, groupId, userId, 'removed', now, baseUrl);
    mailGroupRemoved(tx, userId, groupId, now, baseUrl);
    return true;
  });
}

/**
 * A facilitator's "remove" on a meeting. In a closed group a place belongs to the group, so it
 * takes the person out of the group (this and every later meeting), and the group's waiting list
 * moves up; elsewhere it takes them off this meeting only. `false`: they were not on it (any more).
 */
export function removeFromMeeting(db: DB | Tx, meeting: Meeting, registrationId: number, now: Date, baseUrl: string): 'meeting' | 'group' | false {
  return writeTx(db, (tx) => {
    const group = meeting.groupId === null ? undefined : getGroup(tx, meeting.groupId);
    if (group?.closed) {
      const reg = tx
        .select({ userId: registrations.userId })
        .from(registrations)
        .where(and(eq(registrations.id, registrationId), eq(registrations.meetingId, meeting.id), inArray(registrations.status, ['registered', 'waitlisted'])))
        .get();
      if (reg?.userId && removeMember(tx, group.id, reg.userId, now, baseUrl)) return 'group';
    }
    return removeParticipant(tx, meeting, registrationId, now, baseUrl) ? 'meeting' : false;
  });
}

/** A member's places in the group's future meetings are given up (`as`: cancelled by them, removed by the facilitator). */
function giveUpFuturePlaces(tx: Tx, groupId: number, userId: string, as: 'cancelled' | 'removed', now: Date, baseUrl: string) {
  const future = tx
    .select({ meetingId: registrations.meetingId })
    .from(registrations)
    .innerJoin(meetings, eq(meetings.id, registrations.meetingId))
    .where(
      and(
        eq(meetings.groupId, groupId),
        eq(registrations.userId, userId),
        gt(meetings.startsAt, now),
        inArray(registrations.status, ['registered', 'waitlisted']),
      ),
    )
    .all();
  for (const f of future) {
    tx.update(registrations)
      .set({ status: as, queueSeq: null, updatedAt: now })
      .where(and(eq(registrations.meetingId, f.meetingId), eq(registrations.userId, userId)))
      .run();
    promote(tx, f.meetingId, now, baseUrl);
  }
  promoteGroup(tx, groupId, now, baseUrl);
}

/** The group's own waiting list: the same engine as a meeting's; moving up places the member in every future meeting. */
export function promoteGroup(tx: Tx, groupId: number, now: Date, baseUrl: string): string[] {
  const g = getGroup(tx, groupId);
  if (!g) return [];
  return promoteWaiting(tx, groupWaitlist(groupId), g, (next) => {
    tx.update(groupMembers).set({ status: 'registered', joinedAt: now }).where(eq(groupMembers.id, next.id)).run();
    registerForFutureMeetings(tx, groupId, next.userId, next.orgId, now);
    mailGroupMovedUp(tx, next.userId, groupId, now, baseUrl);
  });
}
