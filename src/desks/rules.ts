import { and, eq, gte, inArray, isNull, lte, ne, or, sql } from 'drizzle-orm';
import {
  ACTIVE_STATUSES,
  AMENITIES,
  type SharePeriod,
  bookings,
  closures,
  locations,
  locationShares,
  memberships,
  organisations,
  spaces,
  users,
  type Amenity,
  type Daypart,
  type Sharing,
} from '../../db/schema';
import { prepared, type DB, type Queryable } from '../db';
import { versionedCache } from '../lib/versioned';
import { addDays, instantMsOf, instantOf, isoWeekday, localTimeOf, localToday } from '../lib/time';
import { dayOff, holidayClosure, type HolidayKey } from './holidays';

/**
 * The booking rules, each defined once. Used by the booking transaction, the week view (to
 * say why a day is not bookable) and the recurring booking.
 */
export type Refusal =
  | 'past'
  | 'daypart_over'
  | 'daypart_ended'
  | 'closed'
  | 'closed_weekday'
  | 'beyond_horizon'
  | 'not_shared'
  | 'own_org'
  | 'inactive'
  | 'full'
  | 'already_booked'
  | 'no_org'
  | 'not_colleague'
  | 'not_member'
  | ShareRefusal;

/** Wall-clock times of a dagdeel, used for the calendar file. */
export const DAYPART_TIMES: Record<Daypart, { start: string; end: string }> = {
  morning: { start: '09:00', end: '12:30' },
  afternoon: { start: '13:00', end: '17:00' },
};

/**
 * ORDER BY a booking's dagdeel in the order of the day: ochtend before middag. The column sorts as
 * text the other way round ('afternoon' < 'morning'). A whole day is its two rows, so it lists as
 * ochtend, then middag. No index serves a booking list's order by dagdeel (each list first narrows
 * by person or by location and date), so the expression costs no index.
 */
export const inDayOrder = sql`case ${bookings.daypart} when 'morning' then 0 else 1 end`;

export const weekdayBit = (isoWd: number) => 1 << (isoWd - 1);

export function weekdaysToMask(days: number[]): number {
  return days.reduce((m, d) => m | weekdayBit(d), 0);
}

export function maskToWeekdays(mask: number): number[] {
  return [1, 2, 3, 4, 5, 6, 7].filter((d) => (mask & weekdayBit(d)) !== 0);
}

export function amenitiesToMask(list: readonly Amenity[]): number {
  return list.reduce((m, a) => m | (1 << AMENITIES.indexOf(a)), 0);
}

export function maskToAmenities(mask: number): Amenity[] {
  return AMENITIES.filter((_, i) => (mask & (1 << i)) !== 0);
}

/** Days between two local dates (b − a). */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

/** Monday of the ISO week that holds a local date. */
export function mondayOf(date: string): string {
  return addDays(date, 1 - isoWeekday(date));
}

export type CheckinDeadlines = { checkinDeadlineMorning: string; checkinDeadlineAfternoon: string };

/** An instant as the desks rules compare it: the Amsterdam date and wall-clock HH:MM. */
export type LocalMoment = { today: string; time: string };

export function localMoment(now: Date): LocalMoment {
  return { today: localToday(now), time: localTimeOf(now) };
}

export function checkinDeadline(loc: CheckinDeadlines, daypart: Daypart): string {
  return daypart === 'morning' ? loc.checkinDeadlineMorning : loc.checkinDeadlineAfternoon;
}

/**
 * "This dagdeel is over": its location's check-in deadline has passed (Amsterdam wall clock, HH:MM
 * compared as text; every earlier date is over). From that moment the no-show release frees
 * unclaimed desks, so it can no longer be booked, and search and week view show it as past. The
 * release runs this same function inside its SQL (`daypart_over`, see `withRuleFunctions`).
 */
export function daypartOver(loc: CheckinDeadlines, date: string, daypart: Daypart, at: LocalMoment): boolean {
  return date < at.today || (date === at.today && checkinDeadline(loc, daypart) <= at.time);
}

/**
 * "This dagdeel has ended": its wall-clock end (`DAYPART_TIMES`, the times the calendar file
 * gives it: the morning until 12:30, the afternoon until 17:00) has come, or the date is past.
 * Later than `daypartOver`: a walk-in registered at the desk may come after the check-in deadline,
 * but not after the dagdeel itself (ADR 012).
 */
export function daypartEnded(date: string, daypart: Daypart, at: LocalMoment): boolean {
  return date < at.today || (date === at.today && DAYPART_TIMES[daypart].end <= at.time);
}

/** A location's check-in deadlines unless its host changes them (the defaults of `locations`). */
export const DEFAULT_CHECKIN_DEADLINES: CheckinDeadlines = { checkinDeadlineMorning: '10:00', checkinDeadlineAfternoon: '14:00' };

/**
 * The dagdeel the search opens on when none is asked for: on `date`, the first dagdeel that is
 * not over by the usual check-in deadlines (`daypartOver`); the morning when both are over.
 */
export function defaultDaypartOn(date: string, at: LocalMoment): Daypart {
  return daypartOver(DEFAULT_CHECKIN_DEADLINES, date, 'morning', at) && !daypartOver(DEFAULT_CHECKIN_DEADLINES, date, 'afternoon', at)
    ? 'afternoon'
    : 'morning';
}

/**
 * The next bookable dagdeel, where the search opens without a date: the first dagdeel not over
 * (`daypartOver`, usual deadlines) on a working day (`dayOff`: no weekend, no holiday on which
 * locations close by default). In the evening that is tomorrow's (or Monday's) morning.
 */
export function nextBookableDaypart(at: LocalMoment): { date: string; daypart: Daypart } {
  for (let i = 0; i < 14; i++) {
    const date = addDays(at.today, i);
    if (dayOff(date)) continue;
    for (const daypart of ['morning', 'afternoon'] as const) if (!daypartOver(DEFAULT_CHECKIN_DEADLINES, date, daypart, at)) return { date, daypart };
  }
  return { date: addDays(at.today, 1), daypart: 'morning' };
}

const ruleFunctionsOn = new WeakSet<object>();

/**
 * Registers the rules SQL needs as SQLite functions on this connection (once), so a query calls
 * the TypeScript definition instead of repeating it: `daypart_over(date, daypart,
 * deadline_morning, deadline_afternoon, today, time)` is `daypartOver`.
 */
export function withRuleFunctions(db: DB): DB {
  const sqlite = db.$client;
  if (ruleFunctionsOn.has(sqlite)) return db;
  sqlite.function('daypart_over', { deterministic: true }, (date, daypart, morning, afternoon, today, time) =>
    daypartOver({ checkinDeadlineMorning: String(morning), checkinDeadlineAfternoon: String(afternoon) }, String(date), daypart as Daypart, {
      today: String(today),
      time: String(time),
    })
      ? 1
      : 0,
  );
  sqlite.function('holiday_closed', { deterministic: true }, (date, locationSet, orgSet) =>
    holidayClosure(String(date), locationSet === null ? null : String(locationSet), orgSet === null ? null : String(orgSet)) ? 1 : 0,
  );
  ruleFunctionsOn.add(sqlite);
  return db;
}

export type SpaceForRules = {
  id: number;
  orgId: number;
  locationId: number;
  active: boolean;
  capacity: number;
  archivedAt: Date | null;
  sharing: 'all' | 'list';
  openWeekdays: number;
  horizonWeeks: number;
  approvalRequired: boolean;
} & GuestShareSetting;

/** A space with everything the booking rules look at: access, calendar, deadlines and whom its location admits. */
export type BookableSpace = SpaceForRules & CheckinDeadlines & RequestDeadlineSetting & { sharedOrgIds: number[] };

export function loadSpaceForRules(db: Queryable, spaceId: number): BookableSpace | undefined {
  const row = prepared(db, 'rules.spaceForRules', (q) =>
    q
      .select({
        id: spaces.id,
        orgId: spaces.orgId,
        locationId: spaces.locationId,
        active: spaces.active,
        capacity: spaces.capacity,
        archivedAt: locations.archivedAt,
        sharing: locations.sharing,
        openWeekdays: locations.openWeekdays,
        horizonWeeks: locations.horizonWeeks,
        approvalRequired: locations.approvalRequired,
        checkinDeadlineMorning: locations.checkinDeadlineMorning,
        checkinDeadlineAfternoon: locations.checkinDeadlineAfternoon,
        requestDeadlineDays: locations.requestDeadlineDays,
        requestDeadlineTime: locations.requestDeadlineTime,
        guestShareMax: locations.guestShareMax,
        guestSharePer: locations.guestSharePer,
        reservedForStaff: locations.reservedForStaff,
        reservedUntilHours: locations.reservedUntilHours,
      })
      .from(spaces)
      .innerJoin(locations, eq(locations.id, spaces.locationId))
      .where(eq(spaces.id, sql.placeholder('spaceId')))
      .prepare(),
  ).get({ spaceId });
  return row && { ...row, sharedOrgIds: sharedOrgIdsOf(db, row.locationId) };
}

/** The partner organisations a location admits when its sharing is 'list'. */
export function sharedOrgIdsOf(db: Queryable, locationId: number): number[] {
  return prepared(db, 'rules.sharedOrgIds', (q) =>
    q
      .select({ orgId: locationShares.orgId })
      .from(locationShares)
      .where(eq(locationShares.locationId, sql.placeholder('locationId')))
      .prepare(),
  )
    .all({ locationId })
    .map((r) => r.orgId);
}

export function memberOrgIds(db: Queryable, userId: string): number[] {
  return prepared(db, 'rules.memberOrgIds', (q) =>
    q
      .selectDistinct({ orgId: memberships.orgId })
      .from(memberships)
      .where(eq(memberships.userId, sql.placeholder('userId')))
      .prepare(),
  )
    .all({ userId })
    .map((r) => r.orgId);
}

/**
 * The colleagues a worker may book for on behalf of `orgId`: members of that organisation whose
 * account is not deactivated, by name (`onlyUserId`: just that person, if they qualify). The
 * booking form lists them and `colleagueRefusal` asks the same query, so the two cannot differ.
 */
export function colleaguesOf(
  db: Queryable,
  orgId: number,
  onlyUserId?: string,
  opts: { email?: string; exceptUserId?: string; limit?: number } = {},
): { id: string; name: string }[] {
  const q = db
    .selectDistinct({ id: users.id, name: users.name })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(
      and(
        eq(memberships.orgId, orgId),
        isNull(users.deactivatedAt),
        onlyUserId === undefined ? undefined : eq(users.id, onlyUserId),
        opts.email === undefined ? undefined : eq(users.email, opts.email),
        opts.exceptUserId === undefined ? undefined : ne(users.id, opts.exceptUserId),
      ),
    )
    .orderBy(users.name, users.id);
  return opts.limit === undefined ? q.all() : q.limit(opts.limit).all();
}

/** More colleagues than this and the forms ask for a colleague's e-mail address instead of listing them all. */
export const COLLEAGUE_LIST_MAX = 50;

/**
 * The colleagues a form lists for `orgId` (`colleaguesOf`, without the user), or 'many' when there
 * are more than COLLEAGUE_LIST_MAX: then the form asks for a colleague's e-mail address instead (a
 * national organisation has thousands). Every search page asks this, so the organisation's list is
 * kept per process while the 'people' change counter (memberships, names, deactivation; migration
 * 0022) is unchanged: a membership or account change in any process is seen at the next request.
 */
export function colleaguesToList(db: DB, orgId: number, exceptUserId: string): { id: string; name: string }[] | 'many' {
  const members = colleagueLists(db, String(orgId), 0, () => ({ value: listableMembers(db, orgId) }));
  if (members === 'many') return 'many';
  const others = members.filter((m) => m.id !== exceptUserId);
  return others.length > COLLEAGUE_LIST_MAX ? 'many' : others;
}

const colleagueLists = versionedCache<{ id: string; name: string }[] | 'many'>('people', 1000);

/** An organisation's members by name (`colleaguesOf`) when the user's colleagues among them can be few enough to list; else 'many'. */
function listableMembers(db: DB, orgId: number): { id: string; name: string }[] | 'many' {
  // First, unsorted, whether there are more than a list can hold with the user left out: sorting a
  // national organisation's thousands by name only to find that out cost a third of a search page (bench, 2026-12-01).
  const some = prepared(db, 'rules.someMembers', (q) =>
    q
      .select({ id: users.id })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(and(eq(memberships.orgId, sql.placeholder('orgId')), eq(memberships.role, 'member'), isNull(users.deactivatedAt)))
      .limit(COLLEAGUE_LIST_MAX + 2)
      .prepare(),
  ).all({ orgId });
  return some.length > COLLEAGUE_LIST_MAX + 1 ? 'many' : colleaguesOf(db, orgId, undefined, { limit: COLLEAGUE_LIST_MAX + 2 });
}

/** A colleague found by e-mail address (the same rule as `colleaguesOf`). */
export function colleagueByEmail(db: Queryable, orgId: number, email: string): { id: string; name: string } | undefined {
  return colleaguesOf(db, orgId, undefined, { email: email.trim().toLowerCase(), limit: 1 })[0];
}

/** Is this person a host of this organisation? */
export function isHostOf(db: Queryable, userId: string, orgId: number): boolean {
  return !!db
    .select({ one: sql`1` })
    .from(memberships)
    .where(and(eq(memberships.userId, userId), eq(memberships.orgId, orgId), eq(memberships.role, 'host')))
    .get();
}

/** May `byUserId` book for `forUserId` on behalf of `orgId`? Both belong to it and the colleague's account is active. */
export function colleagueRefusal(db: Queryable, byUserId: string, forUserId: string, orgId: number | null): 'not_colleague' | null {
  if (byUserId === forUserId) return null;
  if (orgId === null || !memberOrgIds(db, byUserId).includes(orgId)) return 'not_colleague';
  return colleaguesOf(db, orgId, forUserId).length === 1 ? null : 'not_colleague';
}

/** What the access rule looks at: whose space it is, whether it is open, and whom its location admits. */
export type SpaceAccess = { orgId: number; active: boolean; archivedAt: Date | null; sharing: Sharing; sharedOrgIds: readonly number[] };

/** A person looking for a desk: all their organisations, and the one they book on behalf of (null: none). */
export type Guest = { orgIds: readonly number[]; asOrgId: number | null };

/**
 * May this person, booking on behalf of `asOrgId`, book this space? The one definition of the
 * rule: the booking, the space page (`maySee`) and the week view use it; the search repeats it
 * in SQL for speed (`SEARCH_ACCESS` in desks.ts), and test/desks/access-rule.test.ts checks that
 * copy against this function for every combination.
 */
export function accessRefusal(space: SpaceAccess, guest: Guest): Refusal | null {
  if (guest.asOrgId === null || !guest.orgIds.includes(guest.asOrgId)) return 'no_org';
  if (guest.orgIds.includes(space.orgId)) return 'own_org';
  if (!space.active || space.archivedAt) return 'inactive';
  if (space.sharing === 'list' && !space.sharedOrgIds.includes(guest.asOrgId)) return 'not_shared';
  return null;
}

export function mayBook(space: SpaceAccess, guest: Guest): boolean {
  return accessRefusal(space, guest) === null;
}

/**
 * May this person open the space's page? Whoever may book it, and the host organisation's own
 * staff, who look without booking. Anyone else gets a 404, so a space not shared with them does
 * not reveal that it exists.
 */
export function maySee(space: SpaceAccess, guest: Guest): boolean {
  return guest.orgIds.includes(space.orgId) || mayBook(space, guest);
}

/** May this date be booked (calendar rules only, not capacity)? `closed` holds the closures already loaded. */
export function dayRefusal(space: SpaceForRules, date: string, today: string, closedDates: (d: string) => boolean): Refusal | null {
  if (date < today) return 'past';
  if ((space.openWeekdays & weekdayBit(isoWeekday(date))) === 0) return 'closed_weekday';
  if (daysBetween(today, date) > space.horizonWeeks * 7) return 'beyond_horizon';
  if (closedDates(date)) return 'closed';
  return null;
}

/**
 * May this dagdeel be booked (calendar rules, not capacity)? The date's rules, then whether the
 * dagdeel is already over. Used by the booking and by the week view's cells.
 */
export function slotRefusal(
  space: SpaceForRules & CheckinDeadlines,
  date: string,
  daypart: Daypart,
  at: LocalMoment,
  closedDates: (d: string) => boolean,
): Refusal | null {
  return dayRefusal(space, date, at.today, closedDates) ?? (daypartOver(space, date, daypart, at) ? 'daypart_over' : null);
}

/** Why a date is closed: a public holiday the location closes for, or a closure with its reason. */
export type ClosedReason = { kind: 'holiday'; holiday: HolidayKey } | { kind: 'closure'; reason: string };

/**
 * What closes a space on each date of [from, to]: a closure of the space, its location, its
 * organisation or the whole network (the search repeats this as SQL, `SEARCH_CLOSED` in desks.ts),
 * or a public holiday its location closes for (`holidayClosure`, which the search calls too).
 */
export function closuresFor(db: Queryable, space: { id: number; locationId: number }, from: string, to: string): (d: string) => ClosedReason | null {
  const loc = prepared(db, 'rules.closureSettings', (q) =>
    q
      .select({ orgId: locations.orgId, locationSet: locations.closedHolidays, orgSet: organisations.closedHolidays })
      .from(locations)
      .innerJoin(organisations, eq(organisations.id, locations.orgId))
      .where(eq(locations.id, sql.placeholder('locationId')))
      .prepare(),
  ).get({ locationId: space.locationId });
  const rows = prepared(db, 'rules.closures', (q) =>
    q
      .select({ start: closures.startDate, end: closures.endDate, reason: closures.reason })
      .from(closures)
      .where(
        and(
          or(
            and(eq(closures.locationId, sql.placeholder('locationId')), or(isNull(closures.spaceId), eq(closures.spaceId, sql.placeholder('spaceId')))),
            and(eq(closures.scope, 'org'), eq(closures.orgId, sql.placeholder('orgId'))),
            eq(closures.scope, 'network'),
          ),
          lte(closures.startDate, sql.placeholder('to')),
          gte(closures.endDate, sql.placeholder('from')),
        ),
      )
      .orderBy(closures.startDate, closures.id)
      .prepare(),
  ).all({ locationId: space.locationId, spaceId: space.id, orgId: loc?.orgId ?? -1, from, to });
  return (d) => {
    const c = rows.find((r) => r.start <= d && d <= r.end);
    if (c) return { kind: 'closure', reason: c.reason };
    const holiday = loc ? holidayClosure(d, loc.locationSet, loc.orgSet) : null;
    return holiday ? { kind: 'holiday', holiday } : null;
  };
}

/** For `closuresFor` of a whole location: no space id matches, so only whole-location closures count. */
export const NO_SPACE = 0;

/** Why a whole location takes no one on a date: a weekday it does not open (1 = Monday), or a holiday or closure. */
export type LocationClosed = ClosedReason | { kind: 'weekday'; weekday: number };

/**
 * The desks' closed days of a whole location, for what is held there that is not a desk booking (an
 * intervision meeting, consult hours): a weekday it is not open, then `closuresFor` without a space
 * (closures of the location, its organisation or the network, and the holidays it closes for).
 */
export function locationClosures(db: Queryable, locationId: number, from: string, to: string): (d: string) => LocationClosed | null {
  const loc = db.select({ openWeekdays: locations.openWeekdays }).from(locations).where(eq(locations.id, locationId)).get();
  const closed = closuresFor(db, { id: NO_SPACE, locationId }, from, to);
  return (d) => {
    const weekday = isoWeekday(d);
    if (loc && (loc.openWeekdays & weekdayBit(weekday)) === 0) return { kind: 'weekday', weekday };
    return closed(d);
  };
}

/** `closuresFor` as a date predicate, for `slotRefusal`. */
export function closedDatesFor(db: Queryable, space: { id: number; locationId: number }, from: string, to: string): (d: string) => boolean {
  const closed = closuresFor(db, space, from, to);
  return (d) => closed(d) !== null;
}

/** A location's fair-share setting (ADR 011). */
export type GuestShareSetting = { guestShareMax: number | null; guestSharePer: SharePeriod; reservedForStaff: number; reservedUntilHours: number };

export type ShareRefusal = 'org_share_full' | 'reserved_for_staff';

/**
 * The moment the places kept for the host's own staff are released to guests: `reservedUntilHours`
 * before the start (00:00, Amsterdam) of the booked day.
 */
export function reservationLapse(loc: GuestShareSetting, date: string): Date {
  return new Date(reservationLapseMs(loc, date));
}

const reservationLapseMs = (loc: GuestShareSetting, date: string): number => instantMsOf(date, '00:00') - loc.reservedUntilHours * 3_600_000;

/** Desks of each space-dagdeel still held for the host's own staff at `now` (0 once lapsed). */
export function reservedNow(loc: GuestShareSetting & { capacity: number }, date: string, now: Date): number {
  // In milliseconds: a search asks this four times per card (issue #18).
  return now.getTime() < reservationLapseMs(loc, date) ? Math.min(loc.reservedForStaff, loc.capacity) : 0;
}

/**
 * The fair-share rule, defined once: may a guest organisation that already holds `orgUsed`
 * dagdelen at this location (on the date, or in its ISO week: `countOrgShare`) take `dayparts`
 * of this space, whose dagdelen hold `taken(dp)` desks? Before the lapse the last
 * `reservedForStaff` desks of each dagdeel are not for guests; an organisation may hold at most
 * `guestShareMax` dagdelen per period. Called by `bookSpace` inside its immediate transaction and
 * by the search for the cards it shows (so a card never offers what the booking refuses).
 * Capacity itself ('full') is checked before this.
 */
export function shareRefusal(
  loc: GuestShareSetting & { capacity: number },
  date: string,
  dayparts: readonly Daypart[],
  taken: (dp: Daypart) => number,
  orgUsed: number,
  now: Date,
): ShareRefusal | null {
  const forGuests = loc.capacity - reservedNow(loc, date, now);
  if (dayparts.some((dp) => taken(dp) < loc.capacity && taken(dp) >= forGuests)) return 'reserved_for_staff';
  if (loc.guestShareMax !== null && orgUsed + dayparts.length > loc.guestShareMax) return 'org_share_full';
  return null;
}

/** The dates a share period covers: the day itself, or Monday to Sunday of its ISO week. */
export function sharePeriod(per: SharePeriod, date: string): { from: string; to: string } {
  if (per === 'day') return { from: date, to: date };
  const monday = mondayOf(date);
  return { from: monday, to: addDays(monday, 6) };
}

/** Dagdelen a guest organisation holds at a location in the share period of `date` (the statuses that hold a desk). */
export function countOrgShare(db: Queryable, locationId: number, guestOrgId: number, per: SharePeriod, date: string): number {
  const { from, to } = sharePeriod(per, date);
  const row = prepared(db, 'rules.orgShare', (q) =>
    q
      .select({ n: sql<number>`count(*)` })
      .from(bookings)
      .where(
        and(
          eq(bookings.locationId, sql.placeholder('locationId')),
          eq(bookings.guestOrgId, sql.placeholder('guestOrgId')),
          gte(bookings.date, sql.placeholder('from')),
          lte(bookings.date, sql.placeholder('to')),
          inArray(bookings.status, ACTIVE_STATUSES),
        ),
      )
      .prepare(),
  ).get({ locationId, guestOrgId, from, to });
  return row?.n ?? 0;
}

export function countActive(db: Queryable, spaceId: number, date: string, daypart: Daypart): number {
  const row = prepared(db, 'rules.countActive', (q) =>
    q
      .select({ n: sql<number>`count(*)` })
      .from(bookings)
      .where(
        and(
          eq(bookings.spaceId, sql.placeholder('spaceId')),
          eq(bookings.date, sql.placeholder('date')),
          eq(bookings.daypart, sql.placeholder('daypart')),
          inArray(bookings.status, ACTIVE_STATUSES),
        ),
      )
      .prepare(),
  ).get({ spaceId, date, daypart });
  return row?.n ?? 0;
}

export function hasActiveBooking(db: Queryable, userId: string, date: string, daypart: Daypart): boolean {
  return !!prepared(db, 'rules.hasActive', (q) =>
    q
      .select({ one: sql`1` })
      .from(bookings)
      .where(
        and(
          eq(bookings.userId, sql.placeholder('userId')),
          eq(bookings.date, sql.placeholder('date')),
          eq(bookings.daypart, sql.placeholder('daypart')),
          inArray(bookings.status, ACTIVE_STATUSES),
        ),
      )
      .prepare(),
  ).get({ userId, date, daypart });
}

/** better-sqlite3 raises SQLITE_CONSTRAINT_UNIQUE; drizzle may wrap it in an error with a cause. */
export function isUniqueViolation(err: unknown): boolean {
  for (let e = err as { code?: string; cause?: unknown } | undefined, i = 0; e && i < 4; e = e.cause as typeof e, i++) {
    if (e.code === 'SQLITE_CONSTRAINT_UNIQUE' || e.code === 'SQLITE_CONSTRAINT_PRIMARYKEY') return true;
  }
  return false;
}

export type RequestDeadlineSetting = { requestDeadlineDays: number; requestDeadlineTime: string; openWeekdays: number };

/**
 * When a request for `date` must be answered: at the location's time, that many working days
 * before the date (a working day is Monday to Friday, a weekday the location is open and not
 * closed, `closed` holding its closures and holidays). Default: the working day before, 16:00.
 * A request made after that moment gets until the dagdeel's check-in deadline on the day itself,
 * so the host can still answer it and the guest is never left waiting past the dagdeel.
 */
export function requestDeadline(
  loc: RequestDeadlineSetting & CheckinDeadlines,
  date: string,
  daypart: Daypart,
  now: Date,
  closed: (d: string) => boolean,
): Date {
  let day = date;
  for (let n = loc.requestDeadlineDays, guard = 0; n > 0 && guard < 60; guard++) {
    day = addDays(day, -1);
    const wd = isoWeekday(day);
    if (wd <= 5 && (loc.openWeekdays & weekdayBit(wd)) !== 0 && !closed(day)) n--;
  }
  const deadline = instantOf(day, loc.requestDeadlineTime);
  return deadline > now ? deadline : instantOf(date, checkinDeadline(loc, daypart));
}

/** A pending request past its deadline can no longer be answered: the expiry job frees its desk. */
export function requestExpired(b: { status: string; respondBy: Date | null }, now: Date): boolean {
  return b.status === 'pending' && b.respondBy !== null && b.respondBy <= now;
}
