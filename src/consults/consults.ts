import { aliasedTable, and, asc, count, eq, gt, gte, inArray, isNull, lte, ne, sql, type SQL } from 'drizzle-orm';
import { consultBookings, consultHours, expertiseTags, locations, locationShares, memberships, organisations, users } from '../../db/schema';
import { writeTx, type DB, type Queryable } from '../db';
import { isUniqueViolation, locationClosures, memberOrgIds, sharedOrgIdsOf, type LocationClosed } from '../desks/rules';
import { addDays, localToday } from '../lib/time';
import { noticeConsultBooked, noticeConsultCancelled, noticeHoursClosed, type HoursCancelCause } from './notices';
import { slotEnd, slotStart } from './slots';

/**
 * Consult hours (spreekuur, issue #15 part 3, ADR 017): someone with the expert role publishes
 * hours at a location of their organisation or online; whoever may see that place books one slot
 * with an expertise tag as the only topic (no free text: no client data). Capacity 1 per slot is
 * the partial unique index `consult_bookings_slot_unique`, checked first inside one BEGIN
 * IMMEDIATE transaction, as desks do.
 *
 * Who sees (and books) which hours, the one rule (`maySeeHours`, repeated in SQL by `VISIBLE`):
 * - online hours: every member of any organisation in the network;
 * - hours at a location: the staff of the expert's organisation (whose location it is), and the
 *   organisations that location admits for desks (sharing 'all': everyone; 'list': the partners
 *   on its list), as long as the location is not archived.
 * Anyone else gets a 404, so hours at a location not shared with them do not reveal they exist.
 */

export type ConsultHour = {
  id: number;
  expertId: string;
  orgId: number;
  locationId: number | null;
  onlineUrl: string | null;
  date: string;
  startTime: string;
  slotMinutes: number;
  slots: number;
  status: 'open' | 'cancelled';
};

function isMemberWithRole(tx: Queryable, userId: string, orgId: number, role: 'expert' | 'org_admin'): boolean {
  return !!tx
    .select({ one: sql`1` })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.userId, userId), eq(memberships.orgId, orgId), eq(memberships.role, role), isNull(users.deactivatedAt)))
    .get();
}

function loadHour(tx: Queryable, hourId: number): ConsultHour | undefined {
  return tx
    .select({
      id: consultHours.id,
      expertId: consultHours.expertId,
      orgId: consultHours.orgId,
      locationId: consultHours.locationId,
      onlineUrl: consultHours.onlineUrl,
      date: consultHours.date,
      startTime: consultHours.startTime,
      slotMinutes: consultHours.slotMinutes,
      slots: consultHours.slots,
      status: consultHours.status,
    })
    .from(consultHours)
    .where(eq(consultHours.id, hourId))
    .get();
}

/** What the visibility rule looks at for one set of hours. */
export type HoursAccess = {
  orgId: number;
  locationId: number | null;
  sharing: 'all' | 'list' | null;
  archivedAt: Date | null;
  sharedOrgIds: readonly number[];
};

/** May a person with these organisations see (and book) these hours? See the module comment. */
export function maySeeHours(h: HoursAccess, orgIds: readonly number[]): boolean {
  if (orgIds.length === 0) return false;
  if (h.locationId === null) return true;
  if (orgIds.includes(h.orgId)) return true;
  if (h.archivedAt) return false;
  return h.sharing === 'all' || orgIds.some((id) => h.sharedOrgIds.includes(id));
}

function accessOf(tx: Queryable, h: Pick<ConsultHour, 'orgId' | 'locationId'>): HoursAccess {
  if (h.locationId === null) return { orgId: h.orgId, locationId: null, sharing: null, archivedAt: null, sharedOrgIds: [] };
  const loc = tx.select({ sharing: locations.sharing, archivedAt: locations.archivedAt }).from(locations).where(eq(locations.id, h.locationId)).get();
  return {
    orgId: h.orgId,
    locationId: h.locationId,
    sharing: loc?.sharing ?? null,
    archivedAt: loc?.archivedAt ?? null,
    sharedOrgIds: sharedOrgIdsOf(tx, h.locationId),
  };
}

/** `maySeeHours` as SQL over `consult_hours left join locations`, for the list. */
function visibleSql(orgIds: readonly number[]): SQL {
  if (orgIds.length === 0) return sql`0`;
  const ids = sql.join(
    orgIds.map((id) => sql`${id}`),
    sql`, `,
  );
  return sql`(${consultHours.locationId} is null or ${consultHours.orgId} in (${ids}) or (${locations.archivedAt} is null and (${locations.sharing} = 'all' or exists (select 1 from ${locationShares} where ${locationShares.locationId} = ${consultHours.locationId} and ${locationShares.orgId} in (${ids})))))`;
}

/** Latest start of consult hours and the latest their last slot may end (Amsterdam wall clock). */
export const EARLIEST_START = '07:00';
export const LATEST_END = '22:00';
/** How far ahead hours may be published. */
export const PUBLISH_HORIZON_DAYS = 365;

export type PublishInput = {
  expertId: string;
  /** Null: online, then `onlineUrl` (https). */
  locationId: number | null;
  onlineUrl: string | null;
  date: string;
  startTime: string;
  slotMinutes: number;
  slots: number;
};

export type PublishRefusal = 'forbidden' | 'location' | 'past' | 'horizon' | 'too_late' | 'overlap';
export type PublishResult = { ok: true; id: number } | { ok: false; reason: PublishRefusal } | { ok: false; reason: 'closed'; closed: LocationClosed };

/** The organisations in which a person holds the expert role (active account). */
export function expertOrgIds(db: Queryable, userId: string): number[] {
  return db
    .select({ orgId: memberships.orgId })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.userId, userId), eq(memberships.role, 'expert'), isNull(users.deactivatedAt)))
    .orderBy(asc(memberships.orgId))
    .all()
    .map((m) => m.orgId);
}

const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/**
 * Publishes consult hours. The expert role decides where: a location of an organisation in which
 * the person holds the role (that organisation is the hours' own), or online (the first such
 * organisation). Not in the past, not over a year ahead, within 07:00–22:00, not on a day the
 * location is closed (a weekday it does not open, a holiday or closure: the desks' rule,
 * `locationClosures`), and not overlapping the expert's own open hours that day.
 */
export function publishConsultHours(db: DB, input: PublishInput, now: Date): PublishResult {
  return writeTx(db, (tx): PublishResult => {
    const orgIds = expertOrgIds(tx, input.expertId);
    if (orgIds.length === 0) return { ok: false, reason: 'forbidden' };
    let orgId = orgIds[0]!;
    if (input.locationId !== null) {
      const loc = tx
        .select({ orgId: locations.orgId })
        .from(locations)
        .where(and(eq(locations.id, input.locationId), inArray(locations.orgId, orgIds), isNull(locations.archivedAt)))
        .get();
      if (!loc) return { ok: false, reason: 'location' };
      orgId = loc.orgId;
    } else if (!input.onlineUrl?.startsWith('https://')) return { ok: false, reason: 'location' };
    if (slotStart(input, 0) <= now) return { ok: false, reason: 'past' };
    if (input.date > addDays(localToday(now), PUBLISH_HORIZON_DAYS)) return { ok: false, reason: 'horizon' };
    const from = minutesOf(input.startTime);
    const to = from + input.slots * input.slotMinutes;
    if (from < minutesOf(EARLIEST_START) || to > minutesOf(LATEST_END)) return { ok: false, reason: 'too_late' };
    const closed = input.locationId === null ? null : locationClosures(tx, input.locationId, input.date, input.date)(input.date);
    if (closed) return { ok: false, reason: 'closed', closed };
    const sameDay = tx
      .select({ startTime: consultHours.startTime, slots: consultHours.slots, slotMinutes: consultHours.slotMinutes })
      .from(consultHours)
      .where(and(eq(consultHours.expertId, input.expertId), eq(consultHours.date, input.date), eq(consultHours.status, 'open')))
      .all();
    if (sameDay.some((h) => minutesOf(h.startTime) < to && from < minutesOf(h.startTime) + h.slots * h.slotMinutes)) return { ok: false, reason: 'overlap' };
    const id = tx
      .insert(consultHours)
      .values({
        expertId: input.expertId,
        orgId,
        locationId: input.locationId,
        onlineUrl: input.locationId === null ? input.onlineUrl : null,
        date: input.date,
        startTime: input.startTime,
        slotMinutes: input.slotMinutes,
        slots: input.slots,
        status: 'open',
        createdAt: now,
      })
      .returning({ id: consultHours.id })
      .get().id;
    return { ok: true, id };
  });
}

/** Who may cancel hours (and see its bookings): the expert, or an org admin of the hours' organisation. */
export function mayManageHours(db: Queryable, h: Pick<ConsultHour, 'expertId' | 'orgId'>, userId: string): boolean {
  return h.expertId === userId || isMemberWithRole(db, userId, h.orgId, 'org_admin');
}

export function countBooked(db: Queryable, hourId: number): number {
  return (
    db
      .select({ n: count() })
      .from(consultBookings)
      .where(and(eq(consultBookings.hourId, hourId), eq(consultBookings.status, 'booked')))
      .get()?.n ?? 0
  );
}

export type CancelHoursResult = { ok: true; cancelled: number } | { ok: false; reason: 'not_found' | 'not_cancellable' };

/** Cancels consult hours and every booking in them; each booker is told, with a CANCEL .ics. */
export function cancelConsultHours(db: DB, hourId: number, userId: string, now: Date, baseUrl?: string): CancelHoursResult {
  return writeTx(db, (tx): CancelHoursResult => {
    const h = loadHour(tx, hourId);
    if (!h || !mayManageHours(tx, h, userId)) return { ok: false, reason: 'not_found' };
    if (h.status !== 'open' || slotEnd(h, h.slots - 1) <= now) return { ok: false, reason: 'not_cancellable' };
    return { ok: true, cancelled: cancelHoursWithBookings(tx, hourId, { by: 'expert' }, now, baseUrl) };
  });
}

/**
 * What cancelled hours bring about, one definition for the expert's cancel and a closure of the
 * location (src/consults/closures.ts): the hours and every booked slot in them are cancelled and
 * each booker is told why, with a CANCEL .ics; on a closure the expert is told too, as they did not
 * do it. Inside the caller's transaction; returns the number of booked slots cancelled.
 */
export function cancelHoursWithBookings(tx: Queryable, hourId: number, cause: HoursCancelCause, now: Date, baseUrl?: string): number {
  const booked = tx
    .select({ id: consultBookings.id })
    .from(consultBookings)
    .where(and(eq(consultBookings.hourId, hourId), eq(consultBookings.status, 'booked')))
    .all()
    .map((b) => b.id);
  tx.update(consultHours).set({ status: 'cancelled' }).where(eq(consultHours.id, hourId)).run();
  if (booked.length) {
    tx.update(consultBookings).set({ status: 'cancelled', updatedAt: now }).where(inArray(consultBookings.id, booked)).run();
    for (const id of booked) noticeConsultCancelled(tx, id, cause, now, baseUrl);
  }
  if (cause.by === 'closure') noticeHoursClosed(tx, hourId, booked, cause.reason, now, baseUrl);
  return booked.length;
}

export type ConsultRefusal = 'not_found' | 'not_member' | 'cancelled' | 'own' | 'slot' | 'past' | 'no_tag' | 'not_confirmed' | 'already' | 'taken';

export type BookConsultInput = { hourId: number; slot: number; userId: string; tagId: number | null; noClientData: boolean };
export type BookConsultResult = { ok: true; id: number } | { ok: false; reason: ConsultRefusal };

/**
 * Books one slot. Every rule is checked and the row inserted inside one BEGIN IMMEDIATE
 * transaction; the partial unique indexes (one booking per slot, one per person in these hours)
 * are the last word, also across processes. The booker's organisation of record is the hours'
 * own organisation when they work there, else one the location admits, else their first. Hours
 * the person may not see are 'not_found', as if they did not exist.
 */
export function bookConsultSlot(db: DB, input: BookConsultInput, now: Date, baseUrl?: string): BookConsultResult {
  try {
    return writeTx(db, (tx): BookConsultResult => {
      const h = loadHour(tx, input.hourId);
      if (!h) return { ok: false, reason: 'not_found' };
      const orgIds = tx
        .select({ orgId: memberships.orgId })
        .from(memberships)
        .innerJoin(users, eq(users.id, memberships.userId))
        .where(and(eq(memberships.userId, input.userId), isNull(users.deactivatedAt)))
        .orderBy(asc(memberships.orgId))
        .all()
        .map((m) => m.orgId);
      if (orgIds.length === 0) return { ok: false, reason: 'not_member' };
      const access = accessOf(tx, h);
      if (!maySeeHours(access, orgIds)) return { ok: false, reason: 'not_found' };
      if (h.status !== 'open') return { ok: false, reason: 'cancelled' };
      if (h.expertId === input.userId) return { ok: false, reason: 'own' };
      if (!Number.isInteger(input.slot) || input.slot < 0 || input.slot >= h.slots) return { ok: false, reason: 'slot' };
      if (slotStart(h, input.slot) <= now) return { ok: false, reason: 'past' };
      const tag =
        input.tagId === null
          ? undefined
          : tx
              .select({ id: expertiseTags.id })
              .from(expertiseTags)
              .where(and(eq(expertiseTags.id, input.tagId), eq(expertiseTags.active, true)))
              .get();
      if (!tag) return { ok: false, reason: 'no_tag' };
      if (!input.noClientData) return { ok: false, reason: 'not_confirmed' };
      const mine = tx
        .select({ id: consultBookings.id })
        .from(consultBookings)
        .where(and(eq(consultBookings.hourId, h.id), eq(consultBookings.userId, input.userId), eq(consultBookings.status, 'booked')))
        .get();
      if (mine) return { ok: false, reason: 'already' };
      const taken = tx
        .select({ id: consultBookings.id })
        .from(consultBookings)
        .where(and(eq(consultBookings.hourId, h.id), eq(consultBookings.slot, input.slot), eq(consultBookings.status, 'booked')))
        .get();
      if (taken) return { ok: false, reason: 'taken' };
      const id = tx
        .insert(consultBookings)
        .values({
          hourId: h.id,
          slot: input.slot,
          userId: input.userId,
          orgId: orgIds.includes(h.orgId) ? h.orgId : (orgIds.find((id) => access.sharedOrgIds.includes(id)) ?? orgIds[0]!),
          tagId: tag.id,
          status: 'booked',
          createdAt: now,
          updatedAt: now,
        })
        .returning({ id: consultBookings.id })
        .get().id;
      noticeConsultBooked(tx, id, now, baseUrl);
      return { ok: true, id };
    });
  } catch (err) {
    // The indexes name their columns: "UNIQUE constraint failed: consult_bookings.hour_id, consult_bookings.user_id".
    if (isUniqueViolation(err)) return { ok: false, reason: String((err as Error).message).includes('user_id') ? 'already' : 'taken' };
    throw err;
  }
}

export type CancelConsultResult = { ok: true } | { ok: false; reason: 'not_found' | 'not_cancellable' };

/** The booker cancels their own slot until it starts; the slot is free at once and the expert is told. */
export function cancelConsultBooking(db: DB, bookingId: number, userId: string, now: Date, baseUrl?: string): CancelConsultResult {
  return writeTx(db, (tx): CancelConsultResult => {
    const b = tx
      .select({
        status: consultBookings.status,
        slot: consultBookings.slot,
        date: consultHours.date,
        startTime: consultHours.startTime,
        slotMinutes: consultHours.slotMinutes,
      })
      .from(consultBookings)
      .innerJoin(consultHours, eq(consultHours.id, consultBookings.hourId))
      .where(and(eq(consultBookings.id, bookingId), eq(consultBookings.userId, userId)))
      .get();
    if (!b) return { ok: false, reason: 'not_found' };
    if (b.status !== 'booked' || slotStart(b, b.slot) <= now) return { ok: false, reason: 'not_cancellable' };
    tx.update(consultBookings).set({ status: 'cancelled', updatedAt: now }).where(eq(consultBookings.id, bookingId)).run();
    noticeConsultCancelled(tx, bookingId, 'booker', now, baseUrl);
    return { ok: true };
  });
}

const expert = aliasedTable(users, 'expert');

const hourColumns = {
  id: consultHours.id,
  expertId: consultHours.expertId,
  orgId: consultHours.orgId,
  locationId: consultHours.locationId,
  onlineUrl: consultHours.onlineUrl,
  date: consultHours.date,
  startTime: consultHours.startTime,
  slotMinutes: consultHours.slotMinutes,
  slots: consultHours.slots,
  status: consultHours.status,
  expertName: expert.name,
  orgName: organisations.name,
  locationName: locations.name,
  street: locations.street,
  postcode: locations.postcode,
  town: locations.town,
};

function hourRows(db: Queryable) {
  return db
    .select(hourColumns)
    .from(consultHours)
    .innerJoin(expert, eq(expert.id, consultHours.expertId))
    .innerJoin(organisations, eq(organisations.id, consultHours.orgId))
    .leftJoin(locations, eq(locations.id, consultHours.locationId));
}

export type ConsultHourRow = Awaited<ReturnType<ReturnType<typeof hourRows>['all']>>[number];
export type ListedHour = ConsultHourRow & { free: number };

/** How many consult hours the list shows ahead of its start date. */
export const LIST_DAYS = 14;

/**
 * Open consult hours from `from` for LIST_DAYS days that this person may see (`maySeeHours`),
 * not their own, optionally in one town ('online': online only), with the number of slots still
 * free and not yet started; hours without a free slot are left out.
 */
export function listOpenConsultHours(db: Queryable, userId: string, q: { from: string; days?: number; town?: string | null }, now: Date): ListedHour[] {
  const to = addDays(q.from, (q.days ?? LIST_DAYS) - 1);
  const orgIds = memberOrgIds(db, userId);
  const rows = hourRows(db)
    .where(
      and(
        eq(consultHours.status, 'open'),
        ne(consultHours.expertId, userId),
        gte(consultHours.date, [q.from, localToday(now)].sort()[1]!),
        lte(consultHours.date, to),
        q.town === 'online' ? isNull(consultHours.locationId) : q.town ? sql`lower(coalesce(${locations.town}, '')) = lower(${q.town})` : undefined,
        visibleSql(orgIds),
      ),
    )
    .orderBy(asc(consultHours.date), asc(consultHours.startTime), asc(consultHours.id))
    .limit(200)
    .all();
  const taken = bookedSlots(
    db,
    rows.map((r) => r.id),
  );
  return rows
    .map((r) => {
      let free = 0;
      for (let s = 0; s < r.slots; s++) if (!taken.get(r.id)?.has(s) && slotStart(r, s) > now) free++;
      return { ...r, free };
    })
    .filter((r) => r.free > 0);
}

/**
 * The first date after `after` with open consult hours this person may book (not their own), for
 * "the next one is on …" when a period shows none; null when there is none up to the horizon.
 */
export function nextConsultDate(db: Queryable, userId: string, q: { after: string; town?: string | null }): string | null {
  const row = hourRows(db)
    .where(
      and(
        eq(consultHours.status, 'open'),
        ne(consultHours.expertId, userId),
        gt(consultHours.date, q.after),
        q.town === 'online' ? isNull(consultHours.locationId) : q.town ? sql`lower(coalesce(${locations.town}, '')) = lower(${q.town})` : undefined,
        visibleSql(memberOrgIds(db, userId)),
      ),
    )
    .orderBy(asc(consultHours.date))
    .limit(1)
    .get();
  return row?.date ?? null;
}

/** Booked slot numbers per hour. */
function bookedSlots(db: Queryable, hourIds: number[]): Map<number, Map<number, string | null>> {
  const byHour = new Map<number, Map<number, string | null>>();
  if (hourIds.length === 0) return byHour;
  const rows = db
    .select({ hourId: consultBookings.hourId, slot: consultBookings.slot, userId: consultBookings.userId })
    .from(consultBookings)
    .where(and(inArray(consultBookings.hourId, hourIds), eq(consultBookings.status, 'booked')))
    .all();
  for (const r of rows) {
    const m = byHour.get(r.hourId) ?? new Map<number, string | null>();
    m.set(r.slot, r.userId);
    byHour.set(r.hourId, m);
  }
  return byHour;
}

/** The towns that have open consult hours this person may see at a location, for the list's filter. */
export function consultTowns(db: Queryable, userId: string, today: string): string[] {
  return db
    .selectDistinct({ town: locations.town })
    .from(consultHours)
    .innerJoin(locations, eq(locations.id, consultHours.locationId))
    .where(and(eq(consultHours.status, 'open'), gte(consultHours.date, today), visibleSql(memberOrgIds(db, userId))))
    .orderBy(asc(locations.town))
    .all()
    .map((r) => r.town);
}

export type SlotState = 'free' | 'taken' | 'mine' | 'past';
export type SlotView = { slot: number; start: Date; end: Date; state: SlotState; bookingId: number | null };

/** Consult hours as this person may see them (the expert always), else undefined (→ 404). */
export function getConsultHours(db: Queryable, hourId: number, userId: string) {
  const h = hourRows(db).where(eq(consultHours.id, hourId)).get();
  if (!h) return undefined;
  if (h.expertId === userId || maySeeHours(accessOf(db, h), memberOrgIds(db, userId))) return h;
  return undefined;
}

/** Each slot of the hours as the viewer sees it: free, taken (by whom is not shown), their own, or past. */
export function slotViews(db: Queryable, h: ConsultHourRow, userId: string, now: Date): SlotView[] {
  const rows = db
    .select({ id: consultBookings.id, slot: consultBookings.slot, userId: consultBookings.userId })
    .from(consultBookings)
    .where(and(eq(consultBookings.hourId, h.id), eq(consultBookings.status, 'booked')))
    .all();
  return Array.from({ length: h.slots }, (_, slot) => {
    const b = rows.find((r) => r.slot === slot);
    const start = slotStart(h, slot);
    const state: SlotState = b?.userId === userId ? 'mine' : b ? 'taken' : start <= now || h.status !== 'open' ? 'past' : 'free';
    return { slot, start, end: slotEnd(h, slot), state, bookingId: b?.userId === userId ? b.id : null };
  });
}

/** The active expertise tags, the only topics a booker may choose. */
export function listActiveTags(db: Queryable) {
  return db
    .select({ id: expertiseTags.id, name: expertiseTags.name })
    .from(expertiseTags)
    .where(eq(expertiseTags.active, true))
    .orderBy(asc(sql`lower(${expertiseTags.name})`))
    .all();
}

const booker = aliasedTable(users, 'booker');
const bookerOrg = aliasedTable(organisations, 'booker_org');

const myConsultColumns = {
  ...hourColumns,
  id: consultBookings.id,
  hourId: consultHours.id,
  hourStatus: consultHours.status,
  slot: consultBookings.slot,
  status: consultBookings.status,
  tagName: expertiseTags.name,
};

function myConsultRows(db: Queryable) {
  return db
    .select(myConsultColumns)
    .from(consultBookings)
    .innerJoin(consultHours, eq(consultHours.id, consultBookings.hourId))
    .innerJoin(expert, eq(expert.id, consultHours.expertId))
    .innerJoin(organisations, eq(organisations.id, consultHours.orgId))
    .leftJoin(locations, eq(locations.id, consultHours.locationId))
    .leftJoin(expertiseTags, eq(expertiseTags.id, consultBookings.tagId));
}

export type MyConsult = NonNullable<ReturnType<typeof getMyConsult>>;

/** One of the person's own consult bookings; another person's id gives undefined (→ 404). */
export function getMyConsult(db: Queryable, bookingId: number, userId: string) {
  return myConsultRows(db)
    .where(and(eq(consultBookings.id, bookingId), eq(consultBookings.userId, userId)))
    .get();
}

/** The person's booked consults that have not ended, for "Mijn reserveringen". */
export function listMyConsults(db: Queryable, userId: string, now: Date): MyConsult[] {
  return myConsultRows(db)
    .where(and(eq(consultBookings.userId, userId), eq(consultBookings.status, 'booked'), gte(consultHours.date, localToday(now))))
    .orderBy(asc(consultHours.date), asc(consultHours.startTime), asc(consultBookings.slot))
    .limit(100)
    .all()
    .filter((c) => slotEnd(c, c.slot) > now);
}

/** The expert's own hours from today on, with who booked which slot and on which topic. */
export function listMyConsultHours(db: Queryable, expertId: string, today: string) {
  const hours = hourRows(db)
    .where(and(eq(consultHours.expertId, expertId), gte(consultHours.date, today)))
    .orderBy(asc(consultHours.date), asc(consultHours.startTime))
    .limit(100)
    .all();
  if (hours.length === 0) return [];
  const rows = db
    .select({
      id: consultBookings.id,
      hourId: consultBookings.hourId,
      slot: consultBookings.slot,
      name: booker.name,
      orgName: bookerOrg.name,
      tagName: expertiseTags.name,
    })
    .from(consultBookings)
    .leftJoin(booker, eq(booker.id, consultBookings.userId))
    .innerJoin(bookerOrg, eq(bookerOrg.id, consultBookings.orgId))
    .leftJoin(expertiseTags, eq(expertiseTags.id, consultBookings.tagId))
    .where(
      and(
        inArray(
          consultBookings.hourId,
          hours.map((h) => h.id),
        ),
        eq(consultBookings.status, 'booked'),
      ),
    )
    .orderBy(asc(consultBookings.slot))
    .all();
  return hours.map((h) => ({ ...h, bookings: rows.filter((r) => r.hourId === h.id) }));
}

export type MyConsultHours = ReturnType<typeof listMyConsultHours>[number];

/** The expert's organisations (where they hold the role) with their active locations, for the publish form. */
export function expertPlaces(db: Queryable, orgIds: number[]) {
  if (orgIds.length === 0) return [];
  return db
    .select({ id: locations.id, name: locations.name, orgId: locations.orgId })
    .from(locations)
    .where(and(inArray(locations.orgId, orgIds), isNull(locations.archivedAt)))
    .orderBy(asc(locations.name))
    .all();
}
