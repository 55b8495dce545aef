import { and, eq, inArray, sql } from 'drizzle-orm';
import { intervisionGroups, meetings, registrations } from '../../db/schema';
import { prepared, writeTx, type DB, type Queryable, type Tx } from '../db';
import { mailMovedUp, mailRegistered, mailRemoved, mailWaitlisted } from './mails';
import { visibleTo, type Meeting } from './meetings';
import { fits as placeFits, nextTicket, noPlaceFor, positionOf, promoteWaiting, type NoPlace, type Waitlist } from './waitlist';

export type Registration = typeof registrations.$inferSelect;

/** The active registration (registered or waiting) of a person for a meeting, if any. */
export function getRegistration(db: Queryable, meetingId: number, userId: string): Registration | undefined {
  return db
    .select()
    .from(registrations)
    .where(and(eq(registrations.meetingId, meetingId), eq(registrations.userId, userId)))
    .get();
}

/** A meeting's waiting list: its registrations (the engine is src/intervision/waitlist.ts). */
export function meetingWaitlist(meetingId: number): Waitlist {
  return {
    table: registrations,
    of: eq(registrations.meetingId, meetingId),
    columns: { id: registrations.id, userId: registrations.userId, orgId: registrations.orgId, status: registrations.status, queueSeq: registrations.queueSeq },
  };
}

/** The rule "a place is free for someone of this organisation", for a meeting. */
export function fits(tx: Queryable, meeting: Meeting, orgId: number): boolean {
  return placeFits(tx, meetingWaitlist(meeting.id), meeting, orgId);
}

/**
 * Why signing up for this organisation now leads to the waiting list (the same rule as `fits`):
 * 'full', or 'org_full' when places are free but the organisation's maximum is reached; null when
 * there is a place. Shown before someone signs up, and while they wait.
 */
export function waitingReason(db: Queryable, meeting: Meeting, orgId: number): NoPlace | null {
  return noPlaceFor(db, meetingWaitlist(meeting.id), meeting, orgId);
}

/** 1-based position on the waiting list, or null when not waiting. */
export function waitlistPosition(db: Queryable, reg: Registration | undefined): number | null {
  if (reg?.status !== 'waitlisted' || reg.queueSeq === null) return null;
  return positionOf(db, meetingWaitlist(reg.meetingId), reg.queueSeq);
}

/**
 * Registers the person when a place fits, else puts them at the end of the waiting list. Reuses
 * an earlier cancelled row, so a person has one registration per meeting. No window checks: the
 * callers (sign-up, joining a closed group) check their own rules first.
 */
export function placeRegistration(tx: Tx, meeting: Meeting, userId: string, orgId: number, bringsCase: boolean, now: Date): 'registered' | 'waitlisted' {
  const status = fits(tx, meeting, orgId) ? 'registered' : 'waitlisted';
  const values = {
    orgId,
    status,
    bringsCase,
    queueSeq: nextTicket(tx, meetingWaitlist(meeting.id)),
    queuedAt: now,
    registeredAt: status === 'registered' ? now : null,
    presence: null,
    minutesPresent: null,
    updatedAt: now,
  } as const;
  const existing = getRegistration(tx, meeting.id, userId);
  if (existing) tx.update(registrations).set(values).where(eq(registrations.id, existing.id)).run();
  else
    tx.insert(registrations)
      .values({ meetingId: meeting.id, userId, ...values })
      .run();
  return status;
}

export type SignUpResult =
  | { ok: true; status: 'registered' | 'waitlisted' }
  | { ok: false; reason: 'not-found' | 'cancelled' | 'not-open' | 'closed' | 'already' | 'removed' | 'closed-group' };

/** Sign-up: inside the window, for a meeting visible to the person's organisation, at most once. */
export function signUp(db: DB | Tx, input: { meetingId: number; userId: string; orgId: number; bringsCase: boolean }, now: Date, baseUrl = ''): SignUpResult {
  return writeTx(db, (tx) => {
    const meeting = tx
      .select()
      .from(meetings)
      .where(and(eq(meetings.id, input.meetingId), visibleTo([input.orgId])))
      .get();
    if (!meeting) return { ok: false, reason: 'not-found' };
    if (meeting.status === 'cancelled') return { ok: false, reason: 'cancelled' };
    if (meeting.groupId !== null) {
      const group = tx.select({ closed: intervisionGroups.closed }).from(intervisionGroups).where(eq(intervisionGroups.id, meeting.groupId)).get();
      if (group?.closed) return { ok: false, reason: 'closed-group' };
    }
    if (now < meeting.signupOpensAt) return { ok: false, reason: 'not-open' };
    if (now >= meeting.signupClosesAt) return { ok: false, reason: 'closed' };
    const existing = getRegistration(tx, meeting.id, input.userId);
    if (existing?.status === 'registered' || existing?.status === 'waitlisted') return { ok: false, reason: 'already' };
    if (existing?.status === 'removed') return { ok: false, reason: 'removed' };
    const status = placeRegistration(tx, meeting, input.userId, input.orgId, input.bringsCase, now);
    if (status === 'registered') mailRegistered(tx, input.userId, meeting, now, baseUrl);
    else mailWaitlisted(tx, input.userId, meeting, waitlistPosition(tx, getRegistration(tx, meeting.id, input.userId)) ?? 1, now);
    return { ok: true, status };
  });
}

export type CancelResult = { ok: true; was: 'registered' | 'waitlisted' } | { ok: false; reason: 'not-found' | 'deadline' };

/**
 * Cancellation by the participant. A registered place can be given up until the cancellation
 * deadline; leaving the waiting list harms nobody and is possible until the start.
 */
export function cancelRegistration(db: DB | Tx, meetingId: number, userId: string, now: Date, baseUrl: string): CancelResult {
  return writeTx(db, (tx) => {
    const meeting = tx.select().from(meetings).where(eq(meetings.id, meetingId)).get();
    const reg = getRegistration(tx, meetingId, userId);
    if (!meeting || !reg || (reg.status !== 'registered' && reg.status !== 'waitlisted')) return { ok: false, reason: 'not-found' };
    const deadline = reg.status === 'registered' ? meeting.cancelDeadlineAt : meeting.startsAt;
    if (now >= deadline) return { ok: false, reason: 'deadline' };
    tx.update(registrations).set({ status: 'cancelled', queueSeq: null, updatedAt: now }).where(eq(registrations.id, reg.id)).run();
    if (reg.status === 'registered') promote(tx, meetingId, now, baseUrl);
    return { ok: true, was: reg.status };
  });
}

/** The facilitator takes someone off the meeting (registered or waiting); they are told. */
export function removeParticipant(db: DB | Tx, meeting: Meeting, registrationId: number, now: Date, baseUrl: string): boolean {
  return writeTx(db, (tx) => {
    const reg = tx
      .select()
      .from(registrations)
      .where(and(eq(registrations.id, registrationId), eq(registrations.meetingId, meeting.id), inArray(registrations.status, ['registered', 'waitlisted'])))
      .get();
    if (!reg) return false;
    tx.update(registrations).set({ status: 'removed', queueSeq: null, updatedAt: now }).where(eq(registrations.id, reg.id)).run();
    mailRemoved(tx, reg.userId, meeting, now, baseUrl);
    if (reg.status === 'registered') promote(tx, meeting.id, now, baseUrl);
    return true;
  });
}

/**
 * Fills free places from the meeting's waiting list (first who fits, by ticket; `promoteWaiting`)
 * and tells each person moved up. Run inside the transaction that freed the place; nothing moves
 * for a cancelled meeting or once it has started. Returns the user ids moved up, in order.
 */
export function promote(tx: Tx, meetingId: number, now: Date, baseUrl: string): string[] {
  const meeting = tx.select().from(meetings).where(eq(meetings.id, meetingId)).get();
  if (meeting?.status !== 'scheduled' || now >= meeting.startsAt) return [];
  return promoteWaiting(tx, meetingWaitlist(meetingId), meeting, (next) => {
    tx.update(registrations).set({ status: 'registered', registeredAt: now, updatedAt: now }).where(eq(registrations.id, next.id)).run();
    mailMovedUp(tx, next.userId, meeting, now, baseUrl);
  });
}

export function listMyActiveRegistrations(db: Queryable, userId: string, meetingIds: number[]): Map<number, Registration['status']> {
  if (meetingIds.length === 0) return new Map();
  const query = prepared(db, 'registrations.mineAmong', (q) =>
    q
      .select({ meetingId: registrations.meetingId, status: registrations.status })
      .from(registrations)
      .where(
        and(eq(registrations.userId, sql.placeholder('userId')), sql`${registrations.meetingId} in (select value from json_each(${sql.placeholder('ids')}))`),
      )
      .prepare(),
  );
  const rows = query.all({ userId, ids: JSON.stringify(meetingIds) });
  return new Map(rows.map((r) => [r.meetingId, r.status]));
}
