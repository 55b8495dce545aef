import { and, asc, count, eq, gt, gte, isNull, lt, sql } from 'drizzle-orm';
import { locations, locationShares, meetings, organisations } from '../../db/schema';
import type { Queryable } from '../db';
import { holidayUnder, reaches, type ClosureReach, type HolidayTarget } from '../desks/reach';
import { addDays, instantOf, localDateOf } from '../lib/time';

/** A desks location where a meeting can take place, and which of the asking organisations may use it. */
export type MeetingLocation = { id: number; name: string; street: string; postcode: string; town: string; orgName: string; openTo: number[] };

type Row = Omit<MeetingLocation, 'openTo'> & { ownerOrgId: number; sharing: 'all' | 'list'; sharedWith: string };

/**
 * Whether organisation `orgId` may hold a meeting at a location: its own location, or one the host
 * shares with it — shared with all partners, or with a list that names it. The second half is the
 * desk search's rule for "location shared with organisation X" (searchFrom in src/desks/desks.ts;
 * test/security/hardening.test.ts checks the two agree for every combination). A meeting publishes
 * the address to everyone who sees it, so a location shared with a list of partners is offered only
 * to meetings of those partners.
 */
export function locationOpenTo(loc: { ownerOrgId: number; sharing: 'all' | 'list'; sharedWith: number[] }, orgId: number): boolean {
  return loc.ownerOrgId === orgId || loc.sharing === 'all' || loc.sharedWith.includes(orgId);
}

/** The active locations open to at least one of `orgIds` (the organisations the facilitator may organise for). */
export function meetingLocations(db: Queryable, orgIds: number[]): MeetingLocation[] {
  if (orgIds.length === 0) return [];
  const rows = db
    .select({
      id: locations.id,
      name: locations.name,
      street: locations.street,
      postcode: locations.postcode,
      town: locations.town,
      orgName: organisations.name,
      ownerOrgId: locations.orgId,
      sharing: locations.sharing,
      sharedWith: sql<string>`(select json_group_array(${locationShares.orgId}) from ${locationShares} where ${locationShares.locationId} = ${locations.id})`,
    })
    .from(locations)
    .innerJoin(organisations, eq(organisations.id, locations.orgId))
    .where(isNull(locations.archivedAt))
    .orderBy(asc(locations.town), asc(locations.name))
    .all() as Row[];
  return rows.flatMap(({ ownerOrgId, sharing, sharedWith, ...loc }) => {
    const openTo = orgIds.filter((orgId) => locationOpenTo({ ownerOrgId, sharing, sharedWith: JSON.parse(sharedWith) as number[] }, orgId));
    return openTo.length ? [{ ...loc, openTo }] : [];
  });
}

/**
 * Scheduled meetings not yet over at the locations a closure reaches, starting on a day in
 * [startDate, endDate] (Amsterdam). A closure does not cancel them (their facilitator may move
 * them); the host is told how many, to pass on (ADR 010, amendment 2026-12).
 */
export function countMeetingsAt(db: Queryable, reach: ClosureReach | null, range: { startDate: string; endDate: string }, now: Date): number {
  if (reach === null) return 0;
  return (
    db
      .select({ n: count() })
      .from(meetings)
      .where(
        and(
          eq(meetings.status, 'scheduled'),
          reaches(meetings.locationId, reach),
          gte(meetings.startsAt, instantOf(range.startDate, '00:00')),
          lt(meetings.startsAt, instantOf(addDays(range.endDate, 1), '00:00')),
          gt(meetings.endsAt, now),
        ),
      )
      .get()?.n ?? 0
  );
}

/** Scheduled meetings not yet over on a day a holiday choice newly closes (`holidayUnder` with `to`, not with `from`), for the same remark. */
export function countMeetingsOnHolidays(db: Queryable, target: HolidayTarget, change: { from: string | null; to: string | null }, now: Date): number {
  return db
    .select({ startsAt: meetings.startsAt, locationSet: locations.closedHolidays, orgSet: organisations.closedHolidays })
    .from(meetings)
    .innerJoin(locations, eq(locations.id, meetings.locationId))
    .innerJoin(organisations, eq(organisations.id, locations.orgId))
    .where(and(eq(meetings.status, 'scheduled'), reaches(meetings.locationId, target), gt(meetings.endsAt, now)))
    .all()
    .filter((m) => {
      const date = localDateOf(m.startsAt);
      return (
        holidayUnder(target, change.to, date, m.locationSet, m.orgSet) !== null && holidayUnder(target, change.from, date, m.locationSet, m.orgSet) === null
      );
    }).length;
}
