import { and, asc, eq, gte, inArray, isNull, lte, sql } from 'drizzle-orm';
import { ACTIVE_STATUSES, bookings, closures, locations, organisations } from '../../db/schema';
import { prepared, writeTx, type DB, type Queryable } from '../db';
import { versionedCache } from '../lib/versioned';
import { isoWeekday } from '../lib/time';
import { cancelClosedHours, cancelHolidayHours, countClosedHours, countHolidayHours } from '../consults/closures';
import { countMeetingsAt, countMeetingsOnHolidays } from '../intervision/locations';
import { formatHolidaySet, type HolidayKey } from './holidays';
import { weekdayBit } from './rules';
import { noticeBookings } from './notices';
import { holidayUnder, type ClosureEffect, type ClosureReach, type HolidayTarget } from './reach';

/**
 * Closures of every location of an organisation (scope 'org', by its org admin) or of the whole
 * network (scope 'network', by a network admin), and an organisation's choice of closing
 * holidays. A location's own closures stay in desks.ts (`addClosure`); all of them are read by
 * one rule, `closuresFor` in rules.ts.
 */

/** Whose closure: an organisation's (orgId) or the network's (orgId null). */
export type WideScope = { scope: 'org'; orgId: number } | { scope: 'network'; orgId: null };
export type WideClosureInput = { startDate: string; endDate: string; reason: string };

/** The locations a wide closure closes, for the consult hours and meetings there. */
const reachOf = (s: WideScope): ClosureReach => (s.scope === 'org' ? { orgId: s.orgId } : 'network');

function scopeWhere(s: WideScope) {
  return s.scope === 'org' ? and(eq(closures.scope, 'org'), eq(closures.orgId, s.orgId)) : eq(closures.scope, 'network');
}

export function listWideClosures(db: Queryable, s: WideScope, today: string) {
  return db
    .select({ id: closures.id, startDate: closures.startDate, endDate: closures.endDate, reason: closures.reason })
    .from(closures)
    .where(and(scopeWhere(s), gte(closures.endDate, today)))
    .orderBy(asc(closures.startDate), asc(closures.id))
    .all();
}

/** The bookings that hold a desk in [start, end] at the locations a wide closure covers. */
function affectedWhere(s: WideScope, input: WideClosureInput) {
  return and(
    s.scope === 'org' ? eq(bookings.orgId, s.orgId) : undefined,
    gte(bookings.date, input.startDate),
    lte(bookings.date, input.endDate),
    inArray(bookings.status, ACTIVE_STATUSES),
  );
}

/** How many bookings and consult hours closing would cancel, and the meetings it leaves standing: shown before the admin confirms. */
export function countAffected(db: Queryable, s: WideScope, input: WideClosureInput, now: Date): ClosureEffect {
  return {
    bookings: db.select({ n: sql<number>`count(*)` }).from(bookings).where(affectedWhere(s, input)).get()?.n ?? 0,
    ...countClosedHours(db, reachOf(s), input, now),
    meetings: countMeetingsAt(db, reachOf(s), input, now),
  };
}

/**
 * Closes every location of the organisation (or the network) for the range: one transaction that
 * inserts the closure, cancels the bookings holding a desk in it and the consult hours at those
 * locations, and tells each booker (and expert) in their own language (transactional outbox), as
 * a single location's closure does. Meetings there are counted, not cancelled.
 */
export function addWideClosure(db: DB, s: WideScope, input: WideClosureInput, now: Date, baseUrl?: string): ClosureEffect {
  return writeTx(db, (tx): ClosureEffect => {
    tx.insert(closures)
      .values({ scope: s.scope, orgId: s.orgId, locationId: null, spaceId: null, ...input })
      .run();
    const cancelled = tx
      .update(bookings)
      .set({ status: 'cancelled', updatedAt: now })
      .where(affectedWhere(s, input))
      .returning({ id: bookings.id, userId: bookings.userId })
      .all();
    for (const b of cancelled) noticeBookings(tx, b.userId, [b.id], 'closure', now, { reason: input.reason, baseUrl });
    return {
      bookings: cancelled.length,
      ...cancelClosedHours(tx, reachOf(s), input, input.reason, now, baseUrl),
      meetings: countMeetingsAt(tx, reachOf(s), input, now),
    };
  });
}

/** One wide closure of this scope, shown before it is removed; another organisation's (or scope's) id gives undefined (→ 404). */
export function getWideClosure(db: Queryable, closureId: number, s: WideScope) {
  return db
    .select({ id: closures.id, startDate: closures.startDate, endDate: closures.endDate, reason: closures.reason })
    .from(closures)
    .where(and(eq(closures.id, closureId), scopeWhere(s)))
    .get();
}

/** Removes a wide closure of this scope; another organisation's (or scope's) id gives false (→ 404). */
export function deleteWideClosure(db: DB, closureId: number, s: WideScope): boolean {
  return writeTx(
    db,
    (tx) =>
      tx
        .delete(closures)
        .where(and(eq(closures.id, closureId), scopeWhere(s)))
        .run().changes > 0,
  );
}

/**
 * Closures of whole organisations or the network on a date, by name, for the search. On every
 * search page, so kept per date while the 'desks' change counter (closures, organisations) is
 * unchanged (src/lib/versioned.ts).
 */
export function wideClosuresOn(db: DB, date: string): { reason: string; orgName: string | null }[] {
  return wideClosuresKept(db, date, 0, () => ({ value: readWideClosuresOn(db, date) }));
}

const wideClosuresKept = versionedCache<{ reason: string; orgName: string | null }[]>('desks', 400);

function readWideClosuresOn(db: DB, date: string) {
  return prepared(db, 'closures.wideOn', (q) =>
    q
      .select({ reason: closures.reason, orgName: organisations.name })
      .from(closures)
      .leftJoin(organisations, eq(organisations.id, closures.orgId))
      .where(and(isNull(closures.locationId), lte(closures.startDate, sql.placeholder('date')), gte(closures.endDate, sql.placeholder('date'))))
      .orderBy(asc(closures.startDate), asc(closures.id))
      .limit(10)
      .prepare(),
  ).all({ date });
}

/** The organisation's stored choice of closing holidays; null: the default set. */
export function orgHolidaySet(db: Queryable, orgId: number): string | null {
  return db.select({ set: organisations.closedHolidays }).from(organisations).where(eq(organisations.id, orgId)).get()?.set ?? null;
}

/**
 * The bookings holding a desk from `today` on that a new holiday choice would close: for an
 * organisation, at its locations that inherit its choice; for a location, with its own choice
 * (null: back to the organisation's). `holidayClosure` is the rule, as for booking and search.
 */
export function holidayCancellations(db: Queryable, target: HolidayTarget, proposed: string | null, today: string) {
  const rows = db
    .select({ id: bookings.id, userId: bookings.userId, date: bookings.date, locationSet: locations.closedHolidays, orgSet: organisations.closedHolidays })
    .from(bookings)
    .innerJoin(locations, eq(locations.id, bookings.locationId))
    .innerJoin(organisations, eq(organisations.id, locations.orgId))
    .where(
      and(
        target.locationId === undefined ? eq(bookings.orgId, target.orgId) : eq(bookings.locationId, target.locationId),
        gte(bookings.date, today),
        inArray(bookings.status, ACTIVE_STATUSES),
      ),
    )
    .all();
  return rows.flatMap((r) => {
    const holiday = holidayUnder(target, proposed, r.date, r.locationSet, r.orgSet);
    return holiday ? [{ id: r.id, userId: r.userId, holiday }] : [];
  });
}

/** The holiday choice stored now for the target (an organisation's, or a location's own), before it changes. */
export function storedHolidaySet(db: Queryable, target: HolidayTarget): string | null {
  if (target.locationId === undefined) return orgHolidaySet(db, target.orgId);
  return db.select({ set: locations.closedHolidays }).from(locations).where(eq(locations.id, target.locationId)).get()?.set ?? null;
}

/** What a new holiday choice would cancel (bookings, consult hours) and the meetings on the days it newly closes: shown before saving. */
export function holidayEffect(db: Queryable, target: HolidayTarget, proposed: string | null, today: string, now: Date): ClosureEffect {
  return {
    bookings: holidayCancellations(db, target, proposed, today).length,
    ...countHolidayHours(db, target, proposed, today, now),
    meetings: countMeetingsOnHolidays(db, target, { from: storedHolidaySet(db, target), to: proposed }, now),
  };
}

/**
 * The bookings from `today` on at a location that fall on a weekday it would no longer be open
 * (`openWeekdays`, a bit per ISO weekday), with that weekday: what narrowing its opening days
 * cancels (asked before, as a closure is).
 */
export function weekdayCancellations(db: Queryable, locationId: number, openWeekdays: number, today: string) {
  return db
    .select({ id: bookings.id, userId: bookings.userId, date: bookings.date })
    .from(bookings)
    .where(and(eq(bookings.locationId, locationId), gte(bookings.date, today), inArray(bookings.status, ACTIVE_STATUSES)))
    .all()
    .flatMap((b) => {
      const weekday = isoWeekday(b.date);
      return (openWeekdays & weekdayBit(weekday)) === 0 ? [{ ...b, weekday }] : [];
    });
}

/** Cancels what narrowing the opening days closes and tells each booker which day closed; in the transaction that stores them. */
export function cancelForWeekdays(tx: Queryable, locationId: number, openWeekdays: number, today: string, now: Date, baseUrl?: string): number {
  const affected = weekdayCancellations(tx, locationId, openWeekdays, today);
  for (const b of affected) {
    tx.update(bookings).set({ status: 'cancelled', updatedAt: now }).where(eq(bookings.id, b.id)).run();
    noticeBookings(tx, b.userId, [b.id], 'closure', now, { reason: (t) => t.closures.weekdayClosed(t.desks.weekdays[b.weekday - 1]!), baseUrl });
  }
  return affected.length;
}

/**
 * Cancels what a new holiday choice closes — bookings and consult hours — and tells each booker
 * (and expert), naming the holiday in their own language; called in the transaction that stores
 * the choice (a closure does the same), after storing it. Meetings on the days it newly closes
 * (`from`: the choice before) are counted, not cancelled; counted only when newly closed, so that
 * saving the same choice again does not ask again about a meeting the host already passed on.
 */
export function cancelForHolidays(
  tx: Queryable,
  target: HolidayTarget,
  change: { from: string | null; to: string | null },
  today: string,
  now: Date,
  baseUrl?: string,
): ClosureEffect {
  const stored = change.to;
  const affected = holidayCancellations(tx, target, stored, today);
  for (const b of affected) {
    tx.update(bookings).set({ status: 'cancelled', updatedAt: now }).where(eq(bookings.id, b.id)).run();
    noticeBookings(tx, b.userId, [b.id], 'closure', now, { reason: (t) => t.closures.holidays[b.holiday], baseUrl });
  }
  return {
    bookings: affected.length,
    ...cancelHolidayHours(tx, target, stored, today, now, baseUrl),
    meetings: countMeetingsOnHolidays(tx, target, change, now),
  };
}

/** Stores the organisation's choice and cancels what it closes, in one transaction. */
export function setOrgHolidays(db: DB, orgId: number, keys: HolidayKey[], today: string, now: Date, baseUrl?: string): ClosureEffect {
  return writeTx(db, (tx) => {
    const stored = formatHolidaySet(keys);
    const from = orgHolidaySet(tx, orgId);
    tx.update(organisations).set({ closedHolidays: stored }).where(eq(organisations.id, orgId)).run();
    return cancelForHolidays(tx, { orgId }, { from, to: stored }, today, now, baseUrl);
  });
}
