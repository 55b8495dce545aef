import { eq, isNotNull, sql, type SQL } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import { locations } from '../../db/schema';
import { holidayClosure, type HolidayKey } from './holidays';

/**
 * Which locations a closure closes as a whole, for what else happens there: consult hours are
 * cancelled, intervision meetings are counted for the host (ADR 010, amendment 2026-12). One
 * location (its own closure without a space), every location of an organisation (scope 'org') or
 * every location in the network. A closure of one space closes no location, so it reaches nothing.
 */
export type ClosureReach = { locationId: number; orgId?: undefined } | { orgId: number; locationId?: undefined } | 'network';

/** `column` (a location id) is a location the closure reaches; null (online) never is. */
export function reaches(column: SQLiteColumn, r: ClosureReach): SQL {
  if (r === 'network') return isNotNull(column);
  if (r.locationId !== undefined) return eq(column, r.locationId);
  return sql`${column} in (select ${locations.id} from ${locations} where ${locations.orgId} = ${r.orgId})`;
}

/** What a closure (or a holiday choice) cancels, and the meetings it leaves to their facilitators: shown before and after. */
export type ClosureEffect = { bookings: number; hours: number; slots: number; meetings: number };

/** Does the host have to confirm? Anything cancelled, or a meeting they should tell its facilitator about. */
export function needsConfirmation(e: ClosureEffect): boolean {
  return e.bookings + e.hours + e.meetings > 0;
}

/** Whose holiday choice changes: an organisation's (its locations that inherit it) or one location's own. */
export type HolidayTarget = Exclude<ClosureReach, 'network'>;

/**
 * The holiday a new choice closes `date` for, at a location with these stored sets: for an
 * organisation's choice, at its locations that inherit it; for a location's own choice (null: back
 * to the organisation's). `holidayClosure` is the rule, as for booking and search.
 */
export function holidayUnder(
  target: HolidayTarget,
  proposed: string | null,
  date: string,
  locationSet: string | null,
  orgSet: string | null,
): HolidayKey | null {
  return target.locationId === undefined ? holidayClosure(date, locationSet, proposed) : holidayClosure(date, proposed, orgSet);
}
