import { and, asc, eq, gte, inArray, isNull, lte, sql } from 'drizzle-orm';
import {
  ACTIVE_STATUSES,
  bookings,
  closures,
  locations,
  locationShares,
  organisations,
  spaces,
  type Amenity,
  type Daypart,
  type SharePeriod,
  type Sharing,
  type SpaceKind,
} from '../../db/schema';
import { prepared, writeTx, type DB, type Queryable } from '../db';
import { addDays, isoWeekday } from '../lib/time';
import { paging, type Paging } from '../lib/paging';
import { versionedCache } from '../lib/versioned';
import { noticeBookings } from './notices';
import { cancelForHolidays, cancelForWeekdays, holidayCancellations, storedHolidaySet, weekdayCancellations } from './closures';
import { cancelClosedHours, countClosedHours } from '../consults/closures';
import { countMeetingsAt } from '../intervision/locations';
import type { ClosureEffect, ClosureReach } from './reach';
import {
  amenitiesToMask,
  closuresFor,
  countOrgShare,
  daypartOver,
  daysBetween,
  inDayOrder,
  loadSpaceForRules,
  localMoment,
  maySee,
  reservedNow,
  sharedOrgIdsOf,
  shareRefusal,
  weekdayBit,
  withRuleFunctions,
  type CheckinDeadlines,
  type ClosedReason,
  type GuestShareSetting,
  type ShareRefusal,
} from './rules';
import { holidaysOn } from './holidays';

// ——— Locations (host) ———

export type LocationInput = {
  name: string;
  street: string;
  postcode: string;
  town: string;
  accessibility: string | null;
  openWeekdays: number;
  guestInstructions: string | null;
  houseRules: string | null;
  contactPerson: string | null;
  sharing: Sharing;
  approvalRequired: boolean;
  horizonWeeks: number;
  checkinDeadlineMorning: string;
  checkinDeadlineAfternoon: string;
  /** Own choice of closing holidays ("a,b"); null: as the organisation chooses. */
  closedHolidays: string | null;
  requestDeadlineDays: number;
  requestDeadlineTime: string;
  guestShareMax: number | null;
  guestSharePer: SharePeriod;
  reservedForStaff: number;
  reservedUntilHours: number;
  sharedOrgIds: number[];
};

export function listHostLocations(db: Queryable, hostOrgIds: number[]) {
  if (hostOrgIds.length === 0) return [];
  return db
    .select({
      id: locations.id,
      name: locations.name,
      street: locations.street,
      town: locations.town,
      orgId: locations.orgId,
      orgName: organisations.name,
      spaceCount: sql<number>`(select count(*) from ${spaces} where ${spaces.locationId} = ${locations.id})`,
    })
    .from(locations)
    .innerJoin(organisations, eq(organisations.id, locations.orgId))
    .where(and(inArray(locations.orgId, hostOrgIds), isNull(locations.archivedAt)))
    .orderBy(asc(organisations.name), asc(locations.name))
    .all();
}

/** A location of one of the host's organisations; another organisation's id gives undefined (→ 404). */
export function getHostLocation(db: Queryable, locationId: number, hostOrgIds: number[]) {
  if (hostOrgIds.length === 0) return undefined;
  return db
    .select()
    .from(locations)
    .where(and(eq(locations.id, locationId), inArray(locations.orgId, hostOrgIds)))
    .get();
}

export type Location = NonNullable<ReturnType<typeof getHostLocation>>;

export function listShares(db: Queryable, locationId: number): number[] {
  return sharedOrgIdsOf(db, locationId);
}

export function listPartnerOrgs(db: Queryable) {
  return db.select({ id: organisations.id, name: organisations.name }).from(organisations).orderBy(asc(organisations.name)).all();
}

function locationValues(input: LocationInput) {
  const { sharedOrgIds: _ignored, ...values } = input;
  return values;
}

function replaceShares(tx: Queryable, locationId: number, input: LocationInput) {
  tx.delete(locationShares).where(eq(locationShares.locationId, locationId)).run();
  if (input.sharing !== 'list') return;
  for (const orgId of new Set(input.sharedOrgIds)) tx.insert(locationShares).values({ locationId, orgId }).run();
}

export function createLocation(db: DB, orgId: number, input: LocationInput): number {
  return writeTx(db, (tx) => {
    const { id } = tx
      .insert(locations)
      .values({ ...locationValues(input), orgId })
      .returning({ id: locations.id })
      .get();
    replaceShares(tx, id, input);
    return id;
  });
}

/**
 * Saves a location's settings; a holiday choice that now closes booked days cancels those
 * bookings and the consult hours on them and tells each guest (and expert), in the same
 * transaction. Null: not one of the host's locations.
 */
export function updateLocation(
  db: DB,
  locationId: number,
  hostOrgIds: number[],
  input: LocationInput,
  at: { today: string; now: Date; baseUrl?: string },
): ClosureEffect | null {
  if (hostOrgIds.length === 0) return null;
  return writeTx(db, (tx) => {
    const from = storedHolidaySet(tx, { locationId });
    const res = tx
      .update(locations)
      .set(locationValues(input))
      .where(and(eq(locations.id, locationId), inArray(locations.orgId, hostOrgIds)))
      .run();
    if (res.changes === 0) return null;
    replaceShares(tx, locationId, input);
    // Days it no longer opens, then holidays it now closes for: each booking cancelled once, its guest told why.
    const weekdays = cancelForWeekdays(tx, locationId, input.openWeekdays, at.today, at.now, at.baseUrl);
    const effect = cancelForHolidays(tx, { locationId }, { from, to: input.closedHolidays }, at.today, at.now, at.baseUrl);
    return { ...effect, bookings: effect.bookings + weekdays };
  });
}

/** How many bookings saving `input` would cancel: on weekdays no longer open, or holidays now closed (each once). */
export function closedDayCancellations(db: Queryable, locationId: number, input: LocationInput, today: string): number {
  const ids = new Set([
    ...weekdayCancellations(db, locationId, input.openWeekdays, today).map((b) => b.id),
    ...holidayCancellations(db, { locationId }, input.closedHolidays, today).map((b) => b.id),
  ]);
  return ids.size;
}

// ——— Spaces (host) ———

export type SpaceInput = { name: string; kind: SpaceKind; capacity: number; amenities: Amenity[]; active: boolean };

export function listSpacesOf(db: Queryable, locationId: number) {
  return db.select().from(spaces).where(eq(spaces.locationId, locationId)).orderBy(asc(spaces.name)).all();
}

export function addSpace(db: DB, locationId: number, hostOrgIds: number[], input: SpaceInput): number | null {
  return writeTx(db, (tx) => {
    const loc = getHostLocation(tx, locationId, hostOrgIds);
    if (!loc) return null;
    return tx
      .insert(spaces)
      .values({
        locationId,
        orgId: loc.orgId,
        name: input.name,
        kind: input.kind,
        capacity: input.capacity,
        amenities: amenitiesToMask(input.amenities),
        active: input.active,
      })
      .returning({ id: spaces.id })
      .get().id;
  });
}

export function getHostSpace(db: Queryable, spaceId: number, hostOrgIds: number[]) {
  if (hostOrgIds.length === 0) return undefined;
  return db
    .select({ space: spaces, locationName: locations.name })
    .from(spaces)
    .innerJoin(locations, eq(locations.id, spaces.locationId))
    .where(and(eq(spaces.id, spaceId), inArray(spaces.orgId, hostOrgIds)))
    .get();
}

export type CapacityConflict = { date: string; daypart: Daypart; n: number };
/** `kept`: switched off while bookings from today on stand (they stay; a closure would cancel them). */
export type UpdateSpaceResult =
  | { ok: true; kept?: number }
  | { ok: false; reason: 'not_found' }
  | { ok: false; reason: 'capacity'; conflicts: CapacityConflict[] };

/**
 * Capacity may not drop below the bookings already holding a desk on a future date: the host is
 * told which dates and dagdelen are affected instead (checked in the same transaction as the write).
 */
export function updateSpace(db: DB, spaceId: number, hostOrgIds: number[], input: SpaceInput, today: string): UpdateSpaceResult {
  if (hostOrgIds.length === 0) return { ok: false, reason: 'not_found' };
  return writeTx(db, (tx): UpdateSpaceResult => {
    const found = getHostSpace(tx, spaceId, hostOrgIds);
    if (!found) return { ok: false, reason: 'not_found' };
    if (input.capacity < found.space.capacity) {
      const conflicts = tx
        .select({ date: bookings.date, daypart: bookings.daypart, n: sql<number>`count(*)` })
        .from(bookings)
        .where(and(eq(bookings.spaceId, spaceId), gte(bookings.date, today), inArray(bookings.status, ACTIVE_STATUSES)))
        .groupBy(bookings.date, bookings.daypart)
        .having(sql`count(*) > ${input.capacity}`)
        .orderBy(asc(bookings.date), inDayOrder)
        .all();
      if (conflicts.length > 0) return { ok: false, reason: 'capacity', conflicts };
    }
    tx.update(spaces)
      .set({ name: input.name, kind: input.kind, capacity: input.capacity, amenities: amenitiesToMask(input.amenities), active: input.active })
      .where(and(eq(spaces.id, spaceId), inArray(spaces.orgId, hostOrgIds)))
      .run();
    if (found.space.active && !input.active) {
      const kept =
        tx
          .select({ n: sql<number>`count(*)` })
          .from(bookings)
          .where(and(eq(bookings.spaceId, spaceId), gte(bookings.date, today), inArray(bookings.status, ACTIVE_STATUSES)))
          .get()?.n ?? 0;
      if (kept > 0) return { ok: true, kept };
    }
    return { ok: true };
  });
}

// ——— Closures (host) ———

export function listClosures(db: Queryable, locationId: number, today: string) {
  return db
    .select({ id: closures.id, startDate: closures.startDate, endDate: closures.endDate, reason: closures.reason, spaceName: spaces.name })
    .from(closures)
    .leftJoin(spaces, eq(spaces.id, closures.spaceId))
    .where(and(eq(closures.locationId, locationId), gte(closures.endDate, today)))
    .orderBy(asc(closures.startDate))
    .all();
}

export type ClosureInput = { spaceId: number | null; startDate: string; endDate: string; reason: string };
export type AddClosureResult = ({ ok: true } & ClosureEffect) | { ok: false; reason: 'not_found' | 'bad_space' };

/** The bookings that hold a desk in [start, end] at the location (or only its one space). */
function closureAffectedWhere(locationId: number, input: ClosureInput) {
  return and(
    eq(bookings.locationId, locationId),
    gte(bookings.date, input.startDate),
    lte(bookings.date, input.endDate),
    inArray(bookings.status, ACTIVE_STATUSES),
    input.spaceId === null ? undefined : eq(bookings.spaceId, input.spaceId),
  );
}

/** The space a closure is for: `{ name: null }` for the whole location, undefined for a space that is not this location's. */
function closureSpace(db: Queryable, locationId: number, spaceId: number | null): { name: string | null } | undefined {
  if (spaceId === null) return { name: null };
  return db
    .select({ name: spaces.name })
    .from(spaces)
    .where(and(eq(spaces.id, spaceId), eq(spaces.locationId, locationId)))
    .get();
}

export type CountClosureResult = { ok: true; effect: ClosureEffect; spaceName: string | null } | { ok: false; reason: 'not_found' | 'bad_space' };

/** The whole location closes, with its consult hours (and meetings); a closure of one space reaches no location. */
const closureReach = (locationId: number, input: ClosureInput): ClosureReach | null => (input.spaceId === null ? { locationId } : null);

/**
 * What the closure would cancel (bookings, consult hours) and the meetings it leaves standing, and
 * the space it is for (null: the whole location): shown to the host before they confirm.
 */
export function countClosureAffected(db: Queryable, locationId: number, hostOrgIds: number[], input: ClosureInput, now: Date): CountClosureResult {
  if (!getHostLocation(db, locationId, hostOrgIds)) return { ok: false, reason: 'not_found' };
  const space = closureSpace(db, locationId, input.spaceId);
  if (!space) return { ok: false, reason: 'bad_space' };
  const n = db.select({ n: sql<number>`count(*)` }).from(bookings).where(closureAffectedWhere(locationId, input)).get()?.n ?? 0;
  const reach = closureReach(locationId, input);
  return {
    ok: true,
    effect: { bookings: n, ...countClosedHours(db, reach, input, now), meetings: countMeetingsAt(db, reach, input, now) },
    spaceName: space.name,
  };
}

/**
 * Adds a closure and, in the same transaction, cancels the bookings that hold a desk in it and
 * (a whole location) the consult hours there, and queues an e-mail to each booker and expert in
 * their own language (transactional outbox). Meetings there are counted, not cancelled.
 */
export function addClosure(db: DB, locationId: number, hostOrgIds: number[], input: ClosureInput, now: Date, baseUrl?: string): AddClosureResult {
  return writeTx(db, (tx): AddClosureResult => {
    const loc = getHostLocation(tx, locationId, hostOrgIds);
    if (!loc) return { ok: false, reason: 'not_found' };
    if (!closureSpace(tx, locationId, input.spaceId)) return { ok: false, reason: 'bad_space' };
    tx.insert(closures)
      .values({ locationId, orgId: loc.orgId, spaceId: input.spaceId, startDate: input.startDate, endDate: input.endDate, reason: input.reason })
      .run();
    const affected = tx.select({ id: bookings.id, userId: bookings.userId }).from(bookings).where(closureAffectedWhere(locationId, input)).all();
    for (const b of affected) {
      tx.update(bookings).set({ status: 'cancelled', updatedAt: now }).where(eq(bookings.id, b.id)).run();
      noticeBookings(tx, b.userId, [b.id], 'closure', now, { reason: input.reason, baseUrl });
    }
    const reach = closureReach(locationId, input);
    return {
      ok: true,
      bookings: affected.length,
      ...cancelClosedHours(tx, reach, input, input.reason, now, baseUrl),
      meetings: countMeetingsAt(tx, reach, input, now),
    };
  });
}

/**
 * A location's own closure at one of the host's organisations. Only scope 'location': the closures
 * of a whole organisation or the network are its org admin's or network admin's (/closures), even
 * though an organisation's closure carries the same org id.
 */
function hostClosureWhere(closureId: number, hostOrgIds: number[]) {
  return and(eq(closures.id, closureId), eq(closures.scope, 'location'), inArray(closures.orgId, hostOrgIds));
}

/** One closure of a host's location, shown before it is removed; undefined for anyone else's (→ 404). */
export function getHostClosure(db: Queryable, closureId: number, hostOrgIds: number[]) {
  if (hostOrgIds.length === 0) return undefined;
  return db
    .select({
      id: closures.id,
      locationId: locations.id,
      locationName: locations.name,
      spaceName: spaces.name,
      startDate: closures.startDate,
      endDate: closures.endDate,
      reason: closures.reason,
    })
    .from(closures)
    .innerJoin(locations, eq(locations.id, closures.locationId))
    .leftJoin(spaces, eq(spaces.id, closures.spaceId))
    .where(hostClosureWhere(closureId, hostOrgIds))
    .get();
}

/** Deletes a closure of one of the host's locations; returns its location id, or null (→ 404). */
export function deleteClosure(db: DB, closureId: number, hostOrgIds: number[]): number | null {
  if (hostOrgIds.length === 0) return null;
  return writeTx(db, (tx) => {
    const row = tx.delete(closures).where(hostClosureWhere(closureId, hostOrgIds)).returning({ locationId: closures.locationId }).get();
    return row?.locationId ?? null;
  });
}

// ——— Search and week view (worker) ———

/** Who searches: all their organisations, and the one they book on behalf of (null: none). */
export type Viewer = { userId: string; userOrgIds: number[]; guestOrgId: number | null };
/** `host`: part of the host organisation's name (any case), as typed in the search form. */
export type SearchParams = { date: string; town: string | null; amenities: Amenity[]; host: string | null; spaceId?: number };

export type SpaceResult = {
  spaceId: number;
  spaceName: string;
  kind: SpaceKind;
  capacity: number;
  amenities: number;
  locationId: number;
  locationName: string;
  street: string;
  town: string;
  hostOrgId: number;
  hostOrgName: string;
  approvalRequired: number;
  takenMorning: number;
  takenAfternoon: number;
  /** The dagdeel is over on the searched date (`daypartOver`): shown as past, not bookable. */
  overMorning: boolean;
  overAfternoon: boolean;
  /** Desks of each dagdeel still held for the host's own staff (`reservedNow`); not free for guests. */
  reserved: number;
  /** `shareRefusal` for the searching organisation, per dagdeel and for the whole day. */
  share: Record<Daypart | 'whole', ShareRefusal | null>;
};

/** Free places of a search result for one dagdeel, or the fewer of the two for a whole day; places held for the host's staff are not free. */
export function freePlaces(r: SpaceResult, daypart: Daypart | 'whole'): number {
  const one = (d: Daypart) => Math.max(0, r.capacity - r.reserved - (d === 'morning' ? r.takenMorning : r.takenAfternoon));
  return daypart === 'whole' ? Math.min(one('morning'), one('afternoon')) : one(daypart);
}

/** Could the searcher book any of these results for the dagdeel asked for (free, not over, within their organisation's share)? */
export function anyBookable(rows: SpaceResult[], daypart: Daypart | 'whole'): boolean {
  const over = (r: SpaceResult) => (daypart === 'whole' ? r.overMorning || r.overAfternoon : daypart === 'morning' ? r.overMorning : r.overAfternoon);
  return rows.some((r) => freePlaces(r, daypart) > 0 && !over(r) && r.share[daypart] === null);
}

/** Results per page of the desk search (a page of 20 cards is ~25 KiB; the next page is one link away). */
export const SEARCH_PAGE_SIZE = 20;

/**
 * The open locations (`l`) a guest organisation (@guestOrgId) may book at: not archived, shared
 * with everyone or with that organisation. Part of SEARCH_ACCESS; the search form's suggestions
 * use it alone.
 */
const OPEN_TO_GUEST = `l.archived_at is null
      and (l.sharing = 'all' or exists (select 1 from location_shares ls where ls.location_id = l.id and ls.org_id = @guestOrgId))`;

/**
 * `accessRefusal` (rules.ts) as SQL over `spaces s join locations l`: booking on behalf of one of
 * the viewer's own organisations, not the own organisation's space, space active and location
 * not archived, location shared with all or with that organisation. A copy for speed; the
 * table-driven test in test/desks/access-rule.test.ts compares it with the function for every
 * combination, so a change to one without the other fails.
 */
const SEARCH_ACCESS = `@guestOrgId in (select value from json_each(@ownOrgIds))
      and l.org_id not in (select value from json_each(@ownOrgIds))
      and s.active = 1 and ${OPEN_TO_GUEST}`;

/**
 * The rules of the search as SQL over `spaces s join locations l` (the same rules as rules.ts), as
 * plain text with named parameters: better-sqlite3 keeps one prepared statement per text (db.ts),
 * so a search only binds values. Building the statement with drizzle's sql template on every
 * request cost more than running it. Filters that pick an index (town, host organisation, one
 * space) are in the text only when set, so the planner still uses those indexes.
 */
/**
 * The closures part of `closuresFor` (rules.ts) as SQL: a closure of the space, its location, its
 * organisation or the network covering @date. Compared with the function in
 * test/desks/holidays.test.ts. Holidays are not copied: `holiday_closed` is `holidayClosure`
 * itself, registered on the connection (`withRuleFunctions`), and runs only on a holiday.
 */
const SEARCH_CLOSED = `not exists (select 1 from closures c where c.location_id = l.id and (c.space_id is null or c.space_id = s.id)
                      and c.start_date <= @date and c.end_date >= @date)
      and not exists (select 1 from closures c where c.location_id is null and (c.scope = 'network' or (c.scope = 'org' and c.org_id = l.org_id))
                      and c.start_date <= @date and c.end_date >= @date)
      and (@holiday = 0 or holiday_closed(@date, l.closed_holidays, (select o.closed_holidays from organisations o where o.id = l.org_id)) = 0)`;

/** A part of the search's rules that `whyNoResults` leaves out, to find the one that excluded everything. */
type SearchPart = 'weekday' | 'horizon' | 'closed' | 'filters';

function searchFrom(p: SearchParams, ...without: SearchPart[]): string {
  const filters = !without.includes('filters');
  return `from spaces s join locations l on l.id = s.location_id
    where ${SEARCH_ACCESS}
      ${without.includes('weekday') ? '' : 'and (l.open_weekdays & @weekdayBit) != 0'}
      ${without.includes('horizon') ? '' : 'and l.horizon_weeks * 7 >= @daysAhead'}
      ${filters ? 'and (s.amenities & @mask) = @mask' : ''}
      ${without.includes('closed') ? '' : `and ${SEARCH_CLOSED}`}
      ${filters && p.town ? 'and lower(l.town) = lower(@town)' : ''}
      ${filters && p.host ? "and l.org_id in (select o.id from organisations o where o.name like @host escape '\\')" : ''}
      ${p.spaceId ? 'and s.id = @spaceId' : ''}`;
}

/**
 * Why a search found no space at all, when one rule explains it: leaving out that rule alone
 * (same SQL, `searchFrom(p, without)`) would find spaces. In this order: the weekday (the weekend,
 * or a weekday the locations are closed), a holiday or closure, the booking horizon (with the last
 * date that can be booked). When the calendar rules exclude everything only together (a Sunday
 * beyond the horizon, a holiday on a weekend), the date is still the reason: beyond the horizon
 * when even an open day would be, else the weekend or closed. Then the filters; 'nothing_shared'
 * when even without filters no space is open to the organisation; null when the filters and the
 * date together exclude everything.
 */
export type NoResults = { kind: 'weekend' | 'closed_weekday' | 'closed' | 'filters' | 'nothing_shared' } | { kind: 'beyond_horizon'; lastDate: string };

export function whyNoResults(db: DB, p: SearchParams, viewer: Viewer, at: Date): NoResults | null {
  const sqlite = withRuleFunctions(db).$client;
  const today = localMoment(at).today;
  const values = searchValues(p, viewer, today);
  const count = (...without: SearchPart[]) =>
    (sqlite
      .prepare(`select count(*) ${searchFrom(p, ...without)}`)
      .pluck()
      .get(values) as number) > 0;
  const beyondHorizon = (...without: SearchPart[]): NoResults => {
    const weeks = sqlite
      .prepare(`select max(l.horizon_weeks) ${searchFrom(p, 'horizon', ...without)}`)
      .pluck()
      .get(values) as number;
    return { kind: 'beyond_horizon', lastDate: addDays(today, weeks * 7) };
  };
  const weekend = isoWeekday(p.date) > 5;
  if (count('weekday')) return { kind: weekend ? 'weekend' : 'closed_weekday' };
  if (count('closed')) return { kind: 'closed' };
  if (count('horizon')) return beyondHorizon();
  if (count('weekday', 'closed', 'horizon')) {
    if (!count('weekday', 'closed')) return beyondHorizon('weekday', 'closed');
    return { kind: weekend ? 'weekend' : count('weekday', 'horizon') ? 'closed_weekday' : 'closed' };
  }
  if (p.town || p.host || p.amenities.length) return count('filters') ? { kind: 'filters' } : null;
  const anyShared = sqlite
    .prepare(`select count(*) from spaces s join locations l on l.id = s.location_id where ${SEARCH_ACCESS}`)
    .pluck()
    .get(values) as number;
  return anyShared === 0 ? { kind: 'nothing_shared' } : null;
}

/** Spaces were found, but none of those not over has a place for the searcher (full, or their organisation's share used). */
export function allFull(rows: SpaceResult[], daypart: Daypart | 'whole'): boolean {
  const over = (r: SpaceResult) => (daypart === 'whole' ? r.overMorning || r.overAfternoon : daypart === 'morning' ? r.overMorning : r.overAfternoon);
  return rows.some((r) => !over(r)) && !anyBookable(rows, daypart);
}

function searchValues(p: SearchParams, viewer: Viewer, today: string) {
  return {
    date: p.date,
    holiday: holidaysOn(p.date).length > 0 ? 1 : 0,
    weekdayBit: weekdayBit(isoWeekday(p.date)),
    daysAhead: daysBetween(today, p.date),
    mask: amenitiesToMask(p.amenities),
    ownOrgIds: JSON.stringify(viewer.userOrgIds),
    guestOrgId: viewer.guestOrgId,
    ...(p.town ? { town: p.town } : {}),
    ...(p.host ? { host: likeContaining(p.host) } : {}),
    ...(p.spaceId ? { spaceId: p.spaceId } : {}),
  };
}

/**
 * The spaces a worker may book on a date, as one page of cards plus the number found in all.
 * One pass over the candidates yields every matching id in result order (town, location, space;
 * a few thousand integers at most); only the page's ids get the card columns (kept per page while
 * the 'desks' counter holds) and the places taken, one grouped count answered from the covering
 * index bookings_slot_idx (space_id, date, daypart, status), so the cost grows with the spaces
 * shown, not with the bookings. All statements read one snapshot (a read transaction), so the
 * count and the cards agree.
 *
 * `at` is the moment of the request, which says which dagdelen of today are over.
 */
export function searchSpaces(
  db: DB,
  p: SearchParams,
  viewer: Viewer,
  at: Date,
  page: { requested: number; size: number } = { requested: 1, size: SEARCH_PAGE_SIZE },
): { rows: SpaceResult[]; paging: Paging } {
  const sqlite = withRuleFunctions(db).$client;
  const moment = localMoment(at);
  const today = moment.today;
  return sqlite.transaction(() => {
    const matching = () =>
      sqlite
        .prepare(`select s.id ${searchFrom(p)} order by l.town, l.name, s.name, s.id`)
        .pluck()
        .all(searchValues(p, viewer, today)) as number[];
    // Which spaces match depends only on tables behind the 'desks' change counter (never on bookings),
    // so the list is kept per search while none of them changed; the free places below are always read fresh.
    const ids: number[] =
      p.date < today
        ? []
        : p.spaceId
          ? matching()
          : matchingSpaces(db, JSON.stringify([p.date, today, p.town, p.host, p.amenities, viewer.guestOrgId, viewer.userOrgIds]), 0, () => ({
              value: matching(),
            }));
    const pg = paging(page.requested, ids.length, page.size);
    const shown = ids.slice(pg.offset, pg.offset + pg.size);
    if (!shown.length) return { rows: [], paging: pg };
    const idsJson = JSON.stringify(shown);
    // What a card says about its space, location and host (all behind the 'desks' counter) is kept
    // per page of ids; the places taken are counted fresh for every search.
    const cards = spaceCardsCache(db, idsJson, 0, () => ({ value: spaceCards(sqlite, idsJson) }));
    const taken = takenPlaces(sqlite, idsJson, p.date);
    const orgUsed = new Map<number, number>();
    const rows = cards.map((card): SpaceResult => {
      const takenMorning = taken.get(`${card.spaceId} morning`) ?? 0;
      const takenAfternoon = taken.get(`${card.spaceId} afternoon`) ?? 0;
      const over = (dp: Daypart) => daypartOver(card, p.date, dp, moment);
      // The booking's own rule (rules.ts) for the cards shown, not a copy of it in SQL.
      if (card.guestShareMax !== null && viewer.guestOrgId !== null && !orgUsed.has(card.locationId))
        orgUsed.set(card.locationId, countOrgShare(db, card.locationId, viewer.guestOrgId, card.guestSharePer, p.date));
      const used = orgUsed.get(card.locationId) ?? 0;
      const takenOf = (dp: Daypart) => (dp === 'morning' ? takenMorning : takenAfternoon);
      const share = (dps: Daypart[]) => shareRefusal(card, p.date, dps, takenOf, used, at);
      // Field by field: spreading a better-sqlite3 row costs ~4 µs (measured, issue #18), this ~0.1.
      return {
        spaceId: card.spaceId,
        spaceName: card.spaceName,
        kind: card.kind,
        capacity: card.capacity,
        amenities: card.amenities,
        locationId: card.locationId,
        locationName: card.locationName,
        street: card.street,
        town: card.town,
        hostOrgId: card.hostOrgId,
        hostOrgName: card.hostOrgName,
        approvalRequired: card.approvalRequired,
        takenMorning,
        takenAfternoon,
        overMorning: over('morning'),
        overAfternoon: over('afternoon'),
        reserved: reservedNow(card, p.date, at),
        share: { morning: share(['morning']), afternoon: share(['afternoon']), whole: share(['morning', 'afternoon']) },
      };
    });
    return { rows, paging: pg };
  })();
}

/** What a card shows of its space, location and host, and the location's rules: no bookings in it. */
type SpaceCard = Omit<SpaceResult, 'takenMorning' | 'takenAfternoon' | 'overMorning' | 'overAfternoon' | 'reserved' | 'share'> &
  CheckinDeadlines &
  GuestShareSetting;

/** The card columns of the spaces `idsJson` (a JSON array of ids), in result order. */
function spaceCards(sqlite: DB['$client'], idsJson: string): SpaceCard[] {
  return sqlite
    .prepare(
      `select s.id as spaceId, s.name as spaceName, s.kind as kind, s.capacity as capacity, s.amenities as amenities,
              l.id as locationId, l.name as locationName, l.street as street, l.town as town,
              o.id as hostOrgId, o.name as hostOrgName, l.approval_required as approvalRequired,
              l.checkin_deadline_morning as checkinDeadlineMorning, l.checkin_deadline_afternoon as checkinDeadlineAfternoon,
              l.guest_share_max as guestShareMax, l.guest_share_per as guestSharePer,
              l.reserved_for_staff as reservedForStaff, l.reserved_until_hours as reservedUntilHours
       from spaces s
       join locations l on l.id = s.location_id
       join organisations o on o.id = l.org_id
       where s.id in (select value from json_each(@ids))
       order by l.town, l.name, s.name, s.id`,
    )
    .all({ ids: idsJson }) as SpaceCard[];
}

/**
 * Desks taken (confirmed or pending) per space and dagdeel on `date`, keyed `"<spaceId> <daypart>"`:
 * one grouped read of the covering index bookings_slot_idx (space_id, date, daypart, status).
 */
function takenPlaces(sqlite: DB['$client'], idsJson: string, date: string): Map<string, number> {
  const counts = sqlite
    .prepare(
      `select space_id, daypart, count(*) from bookings
       where space_id in (select value from json_each(@ids)) and date = @date and status in ('confirmed','pending')
       group by space_id, daypart`,
    )
    .raw()
    .all({ ids: idsJson, date }) as [number, Daypart, number][];
  return new Map(counts.map(([spaceId, daypart, n]) => [`${spaceId} ${daypart}`, n]));
}

/** Card columns per page of ids (a JSON array), while no space, location or organisation changed; at most 500 pages. */
const spaceCardsCache = versionedCache<SpaceCard[]>('desks', 500);

const searchTownsCache = versionedCache<string[]>('filters');

/** The ids of the spaces a search finds, in result order, per search (ADR 019); at most 500 searches are kept. */
const matchingSpaces = versionedCache<number[]>('desks', 500);

/** A LIKE pattern matching `text` anywhere (`%` and `_` typed by the user match themselves). */
const likeContaining = (text: string) => `%${text.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;

/**
 * Towns of the open locations a guest organisation may book at (shared with everyone, or with
 * that organisation): a location shared with a list of partners is not advertised to others.
 * Cached per guest organisation while no organisation or location changed (a change counter
 * kept by triggers; src/lib/versioned.ts).
 */
function townsOpenTo(db: DB, guestOrgId: number): string[] {
  return searchTownsCache(db, String(guestOrgId), 0, () => ({
    value: db.$client.prepare(`select distinct l.town from locations l where ${OPEN_TO_GUEST} order by l.town`).pluck().all({ guestOrgId }) as string[],
  }));
}

/** The towns to suggest while typing in the search form's town field: those containing `text` (any case), at most SUGGESTIONS. */
export function townSuggestions(db: DB, guestOrgId: number, text: string | null): string[] {
  const typed = (text ?? '').toLocaleLowerCase('nl');
  return townsOpenTo(db, guestOrgId)
    .filter((town) => town.toLocaleLowerCase('nl').includes(typed))
    .slice(0, SUGGESTIONS);
}

/** How many towns or organisations the search form suggests at a time. */
const SUGGESTIONS = 20;

/**
 * Host organisations to suggest while typing in the search form's organisation field: those with
 * an open location the guest organisation may book at (in `town`, when given), whose name contains
 * `text`, never the searcher's own organisations (own staff do not book their own guest desks).
 * At most SUGGESTIONS, by name: a national network has hundreds, too many for the page itself.
 */
export function hostSuggestions(db: DB, guestOrgId: number, ownOrgIds: number[], town: string | null, text: string | null): string[] {
  return db.$client
    .prepare(
      `select o.name from organisations o
       where o.id not in (select value from json_each(@own)) and o.name like @text escape '\\'
         and exists (select 1 from locations l where l.org_id = o.id and ${OPEN_TO_GUEST} and (@town is null or lower(l.town) = lower(@town)))
       order by o.name limit ${SUGGESTIONS}`,
    )
    .pluck()
    .all({ guestOrgId, own: JSON.stringify(ownOrgIds), town, text: likeContaining(text ?? '') }) as string[];
}

/**
 * A space as a worker sees it, or undefined (→ 404) when `maySee` says no: the worker's
 * organisation is not admitted. Staff of the host organisation may look at their own spaces
 * (without booking them). `rules` is what the booking rules need (`mayBook`, `slotRefusal`).
 */
export function getVisibleSpace(db: Queryable, spaceId: number, userOrgIds: number[], guestOrgId: number | null) {
  const rules = loadSpaceForRules(db, spaceId);
  if (!rules || !maySee(rules, { orgIds: userOrgIds, asOrgId: guestOrgId })) return undefined;
  const row = prepared(db, 'desks.visibleSpace', (q) =>
    q
      .select({
        id: spaces.id,
        name: spaces.name,
        kind: spaces.kind,
        capacity: spaces.capacity,
        amenities: spaces.amenities,
        active: spaces.active,
        location: locations,
        orgName: organisations.name,
      })
      .from(spaces)
      .innerJoin(locations, eq(locations.id, spaces.locationId))
      .innerJoin(organisations, eq(organisations.id, locations.orgId))
      .where(eq(spaces.id, sql.placeholder('spaceId')))
      .prepare(),
  ).get({ spaceId });
  return row && { ...row, rules };
}

export type VisibleSpace = NonNullable<ReturnType<typeof getVisibleSpace>>;

/** Desks held per date and dagdeel in [from, to], keyed "YYYY-MM-DD:daypart". One grouped query. */
export function takenBetween(db: Queryable, spaceId: number, from: string, to: string): Map<string, number> {
  const rows = prepared(db, 'desks.takenBetween', (q) =>
    q
      .select({ date: bookings.date, daypart: bookings.daypart, n: sql<number>`count(*)` })
      .from(bookings)
      .where(
        and(
          eq(bookings.spaceId, sql.placeholder('spaceId')),
          gte(bookings.date, sql.placeholder('from')),
          sql`${bookings.date} <= ${sql.placeholder('to')}`,
          inArray(bookings.status, ACTIVE_STATUSES),
        ),
      )
      .groupBy(bookings.date, bookings.daypart)
      .prepare(),
  ).all({ spaceId, from, to });
  return new Map(rows.map((r) => [`${r.date}:${r.daypart}`, r.n]));
}

export type ClosedRun = { from: string; to: string; closed: ClosedReason };

/**
 * The days a space is closed from `today` to the end of its booking horizon (holidays its location
 * closes for and closures of the space, location, organisation or network), as runs of
 * consecutive open weekdays with the same reason ("24 december t/m 1 januari: Kerstsluiting"), for
 * the recurring-booking form: the worker sees beforehand which dates the series will skip.
 */
export function closedRunsAhead(
  db: Queryable,
  space: { id: number; locationId: number; openWeekdays: number; horizonWeeks: number },
  today: string,
): ClosedRun[] {
  const to = addDays(today, space.horizonWeeks * 7);
  const closed = closuresFor(db, space, today, to);
  const runs: ClosedRun[] = [];
  let inRun = false;
  for (let d = today; d <= to; d = addDays(d, 1)) {
    if ((space.openWeekdays & weekdayBit(isoWeekday(d))) === 0) continue;
    const why = closed(d);
    const last = runs.at(-1);
    if (why && inRun && last && JSON.stringify(last.closed) === JSON.stringify(why)) last.to = d;
    else if (why) runs.push({ from: d, to: d, closed: why });
    inRun = why !== null;
  }
  return runs;
}
