import { and, count, eq, gte, inArray, lte } from 'drizzle-orm';
import { consultBookings, consultHours, locations, organisations } from '../../db/schema';
import type { Queryable } from '../db';
import type { ClosureReason } from '../desks/notices';
import { holidayUnder, reaches, type ClosureReach, type HolidayTarget } from '../desks/reach';
import { cancelHoursWithBookings } from './consults';
import { slotEnd } from './slots';

/**
 * Consult hours at a location that closes (ADR 017, amendment 2026-12): a closure of the location,
 * of its organisation or of the network, or a holiday choice that closes the day, cancels the open
 * hours there that have not ended, with the consequences of the expert cancelling them
 * (`cancelHoursWithBookings`), in the transaction that closes. Online hours have no location and
 * are never reached; a closure of one space leaves the location, and its hours, open.
 */

export type HoursCancelled = { hours: number; slots: number };

const hourFields = {
  id: consultHours.id,
  date: consultHours.date,
  startTime: consultHours.startTime,
  slotMinutes: consultHours.slotMinutes,
  slots: consultHours.slots,
};

/** Open hours the closure reaches in [startDate, endDate] that have not ended yet (hours already over stay as they were). */
function hoursClosedBy(db: Queryable, reach: ClosureReach, range: { startDate: string; endDate: string }, now: Date): number[] {
  return db
    .select(hourFields)
    .from(consultHours)
    .where(
      and(
        eq(consultHours.status, 'open'),
        reaches(consultHours.locationId, reach),
        gte(consultHours.date, range.startDate),
        lte(consultHours.date, range.endDate),
      ),
    )
    .all()
    .filter((h) => slotEnd(h, h.slots - 1) > now)
    .map((h) => h.id);
}

function bookedIn(db: Queryable, hourIds: number[]): number {
  if (hourIds.length === 0) return 0;
  return (
    db
      .select({ n: count() })
      .from(consultBookings)
      .where(and(inArray(consultBookings.hourId, hourIds), eq(consultBookings.status, 'booked')))
      .get()?.n ?? 0
  );
}

/** How many hours (and booked slots in them) the closure would cancel: shown before the host confirms. */
export function countClosedHours(db: Queryable, reach: ClosureReach | null, range: { startDate: string; endDate: string }, now: Date): HoursCancelled {
  if (reach === null) return { hours: 0, slots: 0 };
  const ids = hoursClosedBy(db, reach, range, now);
  return { hours: ids.length, slots: bookedIn(db, ids) };
}

/** Cancels the hours the closure reaches, telling each booker and the expert; inside the closure's transaction. */
export function cancelClosedHours(
  tx: Queryable,
  reach: ClosureReach | null,
  range: { startDate: string; endDate: string },
  reason: ClosureReason,
  now: Date,
  baseUrl?: string,
): HoursCancelled {
  if (reach === null) return { hours: 0, slots: 0 };
  const ids = hoursClosedBy(tx, reach, range, now);
  let slots = 0;
  for (const id of ids) slots += cancelHoursWithBookings(tx, id, { by: 'closure', reason }, now, baseUrl);
  return { hours: ids.length, slots };
}

/** The open hours from `today` on that a new holiday choice closes, with the holiday (`holidayUnder`, as for desk bookings). */
function hoursOnHolidays(db: Queryable, target: HolidayTarget, proposed: string | null, today: string, now: Date) {
  return db
    .select({ ...hourFields, locationSet: locations.closedHolidays, orgSet: organisations.closedHolidays })
    .from(consultHours)
    .innerJoin(locations, eq(locations.id, consultHours.locationId))
    .innerJoin(organisations, eq(organisations.id, locations.orgId))
    .where(and(eq(consultHours.status, 'open'), reaches(consultHours.locationId, target), gte(consultHours.date, today)))
    .all()
    .flatMap((h) => {
      const holiday = holidayUnder(target, proposed, h.date, h.locationSet, h.orgSet);
      return holiday && slotEnd(h, h.slots - 1) > now ? [{ id: h.id, holiday }] : [];
    });
}

/** How many hours (and booked slots) a new holiday choice would cancel. */
export function countHolidayHours(db: Queryable, target: HolidayTarget, proposed: string | null, today: string, now: Date): HoursCancelled {
  const ids = hoursOnHolidays(db, target, proposed, today, now).map((h) => h.id);
  return { hours: ids.length, slots: bookedIn(db, ids) };
}

/** Cancels the hours a new holiday choice closes, naming the holiday in each recipient's language; in the transaction that stores the choice. */
export function cancelHolidayHours(tx: Queryable, target: HolidayTarget, stored: string | null, today: string, now: Date, baseUrl?: string): HoursCancelled {
  const closed = hoursOnHolidays(tx, target, stored, today, now);
  let slots = 0;
  for (const h of closed) slots += cancelHoursWithBookings(tx, h.id, { by: 'closure', reason: (t) => t.closures.holidays[h.holiday] }, now, baseUrl);
  return { hours: closed.length, slots };
}
