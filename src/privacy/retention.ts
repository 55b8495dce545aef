import { and, eq, inArray, isNotNull, lt, or, sql } from 'drizzle-orm';
import {
  accessLog,
  accessLogSubjects,
  attendanceChanges,
  bookings,
  consultBookings,
  consultHours,
  staffPresence,
  loginFailures,
  meetings,
  notifications,
  outbox,
  registrations,
  statements,
} from '../../db/schema';
import { writeTx, type DB } from '../db';
import { addMonths, localToday } from '../lib/time';

/**
 * How long personal data is kept (issue #13; the processing register, src/privacy/register.ts,
 * states the same periods). The first three are configurable per network (RETENTION_* in
 * src/config.ts); the login throttle and the access log are fixed.
 */
export type Retention = { bookingsMonths: number; notificationsDays: number; intervisionYears: number };
export const DEFAULT_RETENTION: Retention = { bookingsMonths: 12, notificationsDays: 90, intervisionYears: 5 };
export const THROTTLE_HOURS = 24;
/** Also enforced by the access log's triggers (migration 0010), which refuse to delete a younger row. */
export const ACCESS_LOG_YEARS = 2;
export const RETENTION_BATCH = 500;

export type RetentionCounts = {
  bookings: number;
  notifications: number;
  emails: number;
  throttle: number;
  registrations: number;
  statements: number;
  accessLog: number;
};

const DAY_MS = 86_400_000;
const yearsBefore = (now: Date, years: number) => new Date(`${addMonths(localToday(now), -12 * years)}T00:00:00Z`);

/**
 * One pass of the retention rules, each in its own immediate transaction of at most `batch` rows,
 * so a large backlog never holds the write lock long; the job runs again at once while a batch
 * comes back full. Every rule selects only rows that still hold what it removes, so a second run
 * (or a second process) finds nothing more to do: each row is handled once.
 */
export function applyRetention(db: DB, now: Date, retention: Retention = DEFAULT_RETENTION, batch = RETENTION_BATCH): RetentionCounts {
  const today = localToday(now);
  return {
    bookings:
      anonymiseBookings(db, addMonths(today, -retention.bookingsMonths), now, batch) +
      anonymiseConsults(db, addMonths(today, -retention.bookingsMonths), batch),
    notifications: deleteOlder(db, 'notifications', new Date(now.getTime() - retention.notificationsDays * DAY_MS), batch),
    emails: deleteOlder(db, 'outbox', new Date(now.getTime() - retention.notificationsDays * DAY_MS), batch),
    throttle: deleteOlder(db, 'throttle', new Date(now.getTime() - THROTTLE_HOURS * 3_600_000), batch),
    registrations: anonymiseRegistrations(db, yearsBefore(now, retention.intervisionYears), batch),
    statements: anonymiseStatements(db, yearsBefore(now, retention.intervisionYears), now, batch),
    accessLog: deleteOldAccessLog(db, yearsBefore(now, ACCESS_LOG_YEARS), batch),
  };
}

/** The job: runs the rules and reports the total; a full batch somewhere makes the runner go again. */
export function retentionJob(db: DB, now: Date, ctx: { retention?: Retention; log?: (counts: RetentionCounts) => void }): number {
  const counts = applyRetention(db, now, ctx.retention);
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  if (total > 0) ctx.log?.(counts);
  // Report a full batch when any single rule filled one, so the runner schedules the next pass.
  return Object.values(counts).some((n) => n >= RETENTION_BATCH) ? Math.max(total, RETENTION_BATCH) : total;
}

/**
 * Desk bookings and guest-list entries dated before `before` keep their place, dates, status and
 * organisations (the counts for Inzicht) and lose everything that names a person.
 */
function anonymiseBookings(db: DB, before: string, now: Date, batch: number): number {
  return writeTx(db, (tx) => {
    const due = tx
      .select({ id: bookings.id })
      .from(bookings)
      .where(
        and(
          lt(bookings.date, before),
          or(
            isNotNull(bookings.userId),
            isNotNull(bookings.bookedBy),
            isNotNull(bookings.visitorName),
            isNotNull(bookings.visitorOrg),
            isNotNull(bookings.note),
          ),
        ),
      )
      .limit(batch);
    return tx
      .update(bookings)
      .set({ userId: null, bookedBy: null, visitorName: null, visitorOrg: null, note: null, updatedAt: now })
      .where(inArray(bookings.id, due))
      .run().changes;
  });
}

/** Consult bookings and "ik ben er vandaag" dated before `before`: the person goes, the count stays. */
function anonymiseConsults(db: DB, before: string, batch: number): number {
  return writeTx(db, (tx) => {
    const due = tx
      .select({ id: consultBookings.id })
      .from(consultBookings)
      .innerJoin(consultHours, eq(consultHours.id, consultBookings.hourId))
      .where(and(lt(consultHours.date, before), isNotNull(consultBookings.userId)))
      .limit(batch);
    const n = tx.update(consultBookings).set({ userId: null, tagId: null }).where(inArray(consultBookings.id, due)).run().changes;
    return n + tx.delete(staffPresence).where(lt(staffPresence.date, before)).run().changes;
  });
}

function deleteOlder(db: DB, what: 'notifications' | 'outbox' | 'throttle', before: Date, batch: number): number {
  return writeTx(db, (tx) => {
    if (what === 'notifications') {
      const due = tx.select({ id: notifications.id }).from(notifications).where(lt(notifications.createdAt, before)).limit(batch);
      return tx.delete(notifications).where(inArray(notifications.id, due)).run().changes;
    }
    if (what === 'outbox') {
      // Only mail that is done with: sent, or given up on. Mail still being tried is never dropped unsent.
      const due = tx
        .select({ id: outbox.id })
        .from(outbox)
        .where(and(lt(outbox.createdAt, before), inArray(outbox.status, ['sent', 'failed'])))
        .limit(batch);
      return tx.delete(outbox).where(inArray(outbox.id, due)).run().changes;
    }
    const due = tx.select({ key: loginFailures.key }).from(loginFailures).where(lt(loginFailures.windowStart, before)).limit(batch);
    return tx.delete(loginFailures).where(inArray(loginFailures.key, due)).run().changes;
  });
}

/**
 * Sign-ups of meetings that ended before `before` lose the person (and the facilitator's name in
 * the change log); organisation, presence and minutes stay, as other participants' statements count them.
 */
function anonymiseRegistrations(db: DB, before: Date, batch: number): number {
  return writeTx(db, (tx) => {
    const due = tx
      .select({ id: registrations.id })
      .from(registrations)
      .innerJoin(meetings, eq(meetings.id, registrations.meetingId))
      .where(and(lt(meetings.endsAt, before), isNotNull(registrations.userId)))
      .limit(batch)
      .all()
      .map((r) => r.id);
    if (due.length === 0) return 0;
    tx.update(attendanceChanges).set({ changedBy: null }).where(inArray(attendanceChanges.registrationId, due)).run();
    return tx.update(registrations).set({ userId: null, bringsCase: false }).where(inArray(registrations.id, due)).run().changes;
  });
}

/** Statements whose period ended before `before` still verify, without the holder's name. */
function anonymiseStatements(db: DB, before: Date, now: Date, batch: number): number {
  const lastDay = before.toISOString().slice(0, 10);
  return writeTx(db, (tx) => {
    const due = tx
      .select({ id: statements.id })
      .from(statements)
      .where(and(lt(statements.toDate, lastDay), sql`${statements.anonymisedAt} is null`))
      .limit(batch);
    return tx.update(statements).set({ holderName: null, anonymisedAt: now }).where(inArray(statements.id, due)).run().changes;
  });
}

/**
 * Access-log entries older than two years. The triggers refuse to delete a younger row by the
 * database's own clock, so the cut-off is the earlier of the two: a clock set ahead in a test or
 * a drill never makes the job fail.
 */
function deleteOldAccessLog(db: DB, before: Date, batch: number): number {
  return writeTx(db, (tx) => {
    const cutoff = sql`min(${before.getTime()}, unixepoch('now', '-2 years') * 1000)`;
    const due = tx
      .select({ id: accessLog.id })
      .from(accessLog)
      .where(sql`${accessLog.at} < ${cutoff}`)
      .limit(batch)
      .all()
      .map((r) => r.id);
    if (due.length === 0) return 0;
    tx.delete(accessLogSubjects).where(inArray(accessLogSubjects.logId, due)).run();
    return tx.delete(accessLog).where(inArray(accessLog.id, due)).run().changes;
  });
}
