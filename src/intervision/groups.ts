import { and, asc, eq, gt, inArray, sql } from 'drizzle-orm';
import { groupMembers, intervisionGroups, meetings, organisations, registrations, users } from '../../db/schema';
import type { Queryable, Tx } from '../db';
import { addDays, instantOf, localDateOf, localTimeOf } from '../lib/time';
import { mailGroupMovedUp } from './mails';
import { insertMeeting, visibleTo, type Meeting, type MeetingInput } from './meetings';
import { placeRegistration, promote } from './registrations';

export type Group = typeof intervisionGroups.$inferSelect;
export type GroupInput = MeetingInput & { cadenceWeeks: number; count: number; closed: boolean };

/** Moves an instant by whole weeks on the Amsterdam wall clock (14:00 stays 14:00 across DST). */
function shiftWeeks(instant: Date, weeks: number): Date {
  return instantOf(addDays(localDateOf(instant), weeks * 7), localTimeOf(instant));
}

/**
 * Creates a group and its meetings: every `cadenceWeeks` weeks, `count` times, at the same local
 * time. Sign-up for all of them opens together; closing and cancellation deadlines keep the same
 * distance to each meeting's start as for the first.
 */
export function createGroup(tx: Tx, input: GroupInput & { facilitatorId: string }, now: Date): number {
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
  for (let i = 0; i < input.count; i++) {
    const w = i * input.cadenceWeeks;
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
}

export function getGroup(db: Queryable, id: number): Group | undefined {
  return db.select().from(intervisionGroups).where(eq(intervisionGroups.id, id)).get();
}

/** A group is visible when one of its meetings is. */
export function getVisibleGroup(db: Queryable, id: number, orgIds: number[]): Group | undefined {
  return db
    .select()
    .from(intervisionGroups)
    .where(and(eq(intervisionGroups.id, id), sql`exists (select 1 from ${meetings} where ${meetings.groupId} = ${intervisionGroups.id} and ${visibleTo(orgIds)})`))
    .get();
}

export function listGroupMeetings(db: Queryable, groupId: number): Meeting[] {
  return db.select().from(meetings).where(eq(meetings.groupId, groupId)).orderBy(asc(meetings.startsAt)).all();
}

export type GroupMember = typeof groupMembers.$inferSelect;

export function getMember(db: Queryable, groupId: number, userId: string): GroupMember | undefined {
  return db.select().from(groupMembers).where(and(eq(groupMembers.groupId, groupId), eq(groupMembers.userId, userId))).get();
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

function countMembers(tx: Queryable, groupId: number, orgId?: number): number {
  const conds = [eq(groupMembers.groupId, groupId), eq(groupMembers.status, 'registered')];
  if (orgId !== undefined) conds.push(eq(groupMembers.orgId, orgId));
  return tx.select({ n: sql<number>`count(*)` }).from(groupMembers).where(and(...conds)).get()?.n ?? 0;
}

function groupFits(tx: Queryable, g: Group, orgId: number): boolean {
  if (countMembers(tx, g.id) >= g.maxParticipants) return false;
  if (g.maxPerOrg !== null && countMembers(tx, g.id, orgId) >= g.maxPerOrg) return false;
  return true;
}

export function groupWaitPosition(db: Queryable, m: GroupMember | undefined): number | null {
  if (!m || m.status !== 'waitlisted') return null;
  const n = db
    .select({ n: sql<number>`count(*)` })
    .from(groupMembers)
    .where(and(eq(groupMembers.groupId, m.groupId), eq(groupMembers.status, 'waitlisted'), sql`${groupMembers.queueSeq} < ${m.queueSeq}`))
    .get()?.n;
  return (n ?? 0) + 1;
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

export type JoinResult = { ok: true; status: 'registered' | 'waitlisted' } | { ok: false; reason: 'not-found' | 'open-group' | 'already' };

/** Joining a closed group: a place in the group (and every future meeting), or its waiting list. */
export function joinGroup(tx: Tx, groupId: number, userId: string, orgId: number, now: Date): JoinResult {
  const g = getVisibleGroup(tx, groupId, [orgId]);
  if (!g) return { ok: false, reason: 'not-found' };
  if (!g.closed) return { ok: false, reason: 'open-group' };
  const existing = getMember(tx, groupId, userId);
  if (existing && existing.status !== 'left') return { ok: false, reason: 'already' };
  const status = groupFits(tx, g, orgId) ? 'registered' : 'waitlisted';
  const seq = (tx.select({ n: sql<number>`coalesce(max(${groupMembers.queueSeq}), 0)` }).from(groupMembers).where(eq(groupMembers.groupId, groupId)).get()?.n ?? 0) + 1;
  const values = { orgId, status, queueSeq: seq, queuedAt: now, joinedAt: status === 'registered' ? now : null } as const;
  if (existing) tx.update(groupMembers).set(values).where(eq(groupMembers.id, existing.id)).run();
  else tx.insert(groupMembers).values({ groupId, userId, ...values }).run();
  if (status === 'registered') registerForFutureMeetings(tx, groupId, userId, orgId, now);
  return { ok: true, status };
}

/** Leaving a closed group: future places are given up and the group's waiting list moves up. */
export function leaveGroup(tx: Tx, groupId: number, userId: string, now: Date, baseUrl: string): boolean {
  const m = getMember(tx, groupId, userId);
  if (!m || m.status === 'left') return false;
  tx.update(groupMembers).set({ status: 'left' }).where(eq(groupMembers.id, m.id)).run();
  if (m.status === 'registered') {
    const future = tx
      .select({ meetingId: registrations.meetingId })
      .from(registrations)
      .innerJoin(meetings, eq(meetings.id, registrations.meetingId))
      .where(and(eq(meetings.groupId, groupId), eq(registrations.userId, userId), gt(meetings.startsAt, now), inArray(registrations.status, ['registered', 'waitlisted'])))
      .all();
    for (const f of future) {
      tx.update(registrations)
        .set({ status: 'cancelled', queueSeq: null, updatedAt: now })
        .where(and(eq(registrations.meetingId, f.meetingId), eq(registrations.userId, userId)))
        .run();
      promote(tx, f.meetingId, now, baseUrl);
    }
    promoteGroup(tx, groupId, now, baseUrl);
  }
  return true;
}

/** The group's own waiting list: same rule as for a meeting (first who fits moves up, and is told). */
export function promoteGroup(tx: Tx, groupId: number, now: Date, baseUrl: string): string[] {
  const g = getGroup(tx, groupId);
  if (!g) return [];
  const moved: string[] = [];
  for (;;) {
    if (countMembers(tx, groupId) >= g.maxParticipants) break;
    const waiting = tx
      .select()
      .from(groupMembers)
      .where(and(eq(groupMembers.groupId, groupId), eq(groupMembers.status, 'waitlisted')))
      .orderBy(asc(groupMembers.queueSeq))
      .all();
    const next = waiting.find((w) => groupFits(tx, g, w.orgId));
    if (!next) break;
    tx.update(groupMembers).set({ status: 'registered', joinedAt: now }).where(eq(groupMembers.id, next.id)).run();
    registerForFutureMeetings(tx, groupId, next.userId, next.orgId, now);
    mailGroupMovedUp(tx, next.userId, groupId, now, baseUrl);
    moved.push(next.userId);
  }
  return moved;
}
