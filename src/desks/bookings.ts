import { aliasedTable, and, asc, desc, eq, gte, inArray, isNull, ne, not, or, sql, type SQL } from 'drizzle-orm';
import { ACTIVE_STATUSES, bookings, locations, memberships, organisations, spaces, users, type BookingStatus, type Daypart } from '../../db/schema';
import { prepared, writeTx, type DB, type Queryable } from '../db';
import { addDays, isoWeekday, localToday } from '../lib/time';
import { newId } from '../lib/tokens';
import { noticeBookings, noticeRequestToHosts } from './notices';
import { recordDemand } from '../insight/demand';
import {
  accessRefusal,
  closuresFor,
  colleagueRefusal,
  checkinDeadline,
  colleaguesOf,
  countActive,
  dayRefusal,
  daypartEnded,
  daypartOver,
  countOrgShare,
  hasActiveBooking,
  inDayOrder,
  isHostOf,
  isUniqueViolation,
  loadSpaceForRules,
  localMoment,
  memberOrgIds,
  requestDeadline,
  requestExpired,
  shareRefusal,
  slotRefusal,
  withRuleFunctions,
  type ClosedReason,
  type Refusal,
} from './rules';

export type BookInput = {
  spaceId: number;
  userId: string;
  guestOrgId: number | null;
  date: string;
  dayparts: Daypart[];
  note: string | null;
  /** Who books, when booking for a colleague (`userId` is the colleague, the booker of record). */
  bookedBy?: string | null;
  /**
   * A walk-in registered at the desk by `bookedBy`, a host of the space's organisation: today
   * only, arrived at once, even after the dagdeel's check-in time but not once the dagdeel has
   * ended (`daypartEnded`), and the places held for own staff are the host's to give (ADR 012).
   */
  walkIn?: boolean;
  seriesId?: string | null;
  /** For links in the confirmation; the confirmation is skipped when false (a series sends one summary). */
  baseUrl?: string;
  notify?: boolean;
};

export type BookResult =
  | { ok: true; status: 'confirmed' | 'pending'; ids: number[] }
  | { ok: false; reason: Refusal; horizonWeeks: number; daypart?: Daypart; closed?: ClosedReason };

/**
 * Books one or both dagdelen of a space. Every rule is checked and the bookings inserted inside
 * one BEGIN IMMEDIATE transaction, so the capacity count cannot go stale between check and insert,
 * not even across processes; "hele dag" is all or nothing. The partial unique index on
 * (user_id, date, daypart) is the last word on "one place per daypart".
 */
export function bookSpace(db: DB, input: BookInput, now: Date): BookResult {
  const at = localMoment(now);
  try {
    return writeTx(db, (tx): BookResult => {
      const space = loadSpaceForRules(tx, input.spaceId);
      if (!space) return { ok: false, reason: 'inactive', horizonWeeks: 0 };
      const refuse = (reason: Refusal, daypart?: Daypart, closed?: ClosedReason): BookResult => ({
        ok: false,
        reason,
        horizonWeeks: space.horizonWeeks,
        daypart,
        closed,
      });
      const bookedBy = input.bookedBy && input.bookedBy !== input.userId ? input.bookedBy : null;
      if (input.walkIn) {
        if (!bookedBy || !isHostOf(tx, bookedBy, space.orgId)) return { ok: false, reason: 'inactive', horizonWeeks: 0 };
        if (input.date !== at.today) return refuse('past');
        if (input.guestOrgId === null || colleaguesOf(tx, input.guestOrgId, input.userId).length !== 1) return refuse('not_member');
      } else if (bookedBy && colleagueRefusal(tx, bookedBy, input.userId, input.guestOrgId)) return refuse('not_colleague');
      const access = accessRefusal(space, { orgIds: memberOrgIds(tx, input.userId), asOrgId: input.guestOrgId });
      if (access) return refuse(access);
      // A month back as well: the request deadline counts working days before the date.
      const closed = closuresFor(tx, space, addDays(input.date, -31), input.date);
      for (const dp of input.dayparts) {
        const slot = input.walkIn
          ? dayRefusal(space, input.date, at.today, (d) => closed(d) !== null)
          : slotRefusal(space, input.date, dp, at, (d) => closed(d) !== null);
        if (slot) return refuse(slot, dp, slot === 'closed' ? (closed(input.date) ?? undefined) : undefined);
        if (input.walkIn && daypartEnded(input.date, dp, at)) return refuse('daypart_ended', dp);
      }
      for (const dp of input.dayparts) {
        if (hasActiveBooking(tx, input.userId, input.date, dp)) return refuse('already_booked', dp);
        if (countActive(tx, space.id, input.date, dp) >= space.capacity) {
          // Demand that found nothing, for Inzicht (kept with the refusal: this transaction commits).
          recordDemand(tx, 'refused_full', input.date, space.locationId);
          return refuse('full', dp);
        }
      }
      const orgUsed = space.guestShareMax === null ? 0 : countOrgShare(tx, space.locationId, input.guestOrgId!, space.guestSharePer, input.date);
      const share = shareRefusal(
        input.walkIn ? { ...space, reservedForStaff: 0 } : space,
        input.date,
        input.dayparts,
        (dp) => countActive(tx, space.id, input.date, dp),
        orgUsed,
        now,
      );
      if (share) {
        recordDemand(tx, 'refused_full', input.date, space.locationId);
        return refuse(share);
      }
      const status = space.approvalRequired && !input.walkIn ? ('pending' as const) : ('confirmed' as const);
      const respondBy = status === 'pending' ? requestDeadline(space, input.date, input.dayparts[0]!, now, (d) => closed(d) !== null) : null;
      const ids = input.dayparts.map(
        (daypart) =>
          tx
            .insert(bookings)
            .values({
              spaceId: space.id,
              locationId: space.locationId,
              orgId: space.orgId,
              userId: input.userId,
              guestOrgId: input.guestOrgId!,
              date: input.date,
              daypart,
              status,
              note: input.note,
              bookedBy,
              arrivedAt: input.walkIn ? now : null,
              seriesId: input.seriesId ?? null,
              respondBy,
              createdAt: now,
              updatedAt: now,
            })
            .returning({ id: bookings.id })
            .get().id,
      );
      if (input.notify !== false) {
        const byName = bookedBy ? tx.select({ name: users.name }).from(users).where(eq(users.id, bookedBy)).get()?.name : undefined;
        // Booked by the person themself: a confirmation e-mail, no in-app notice (booked for them by a colleague or a host: both).
        const own = !bookedBy && !input.walkIn;
        noticeBookings(tx, input.userId, ids, status === 'pending' ? 'requested' : 'confirmed', now, { baseUrl: input.baseUrl, bookedBy: byName, own });
        if (status === 'pending') noticeRequestToHosts(tx, ids, { baseUrl: input.baseUrl }, now);
      }
      return { ok: true, status, ids };
    });
  } catch (err) {
    if (isUniqueViolation(err)) return { ok: false, reason: 'already_booked', horizonWeeks: 0 };
    throw err;
  }
}

export type VisitorInput = { spaceId: number; hostUserId: string; name: string; organisation: string; date: string; daypart: Daypart };
export type VisitorResult = { ok: true; id: number } | { ok: false; reason: Refusal; closed?: ClosedReason; daypart?: Daypart };

/**
 * A host registers a visitor without an account who walks in today (ADR 012): name and
 * organisation only, kept as long as the rest of the guest list. The visitor takes a desk like any
 * booking (capacity, closures and the space's calendar, a dagdeel that has not ended, in one immediate transaction); places held
 * for own staff are the host's to give, and there is no guest organisation whose share to count.
 * Nobody is told: the visitor has no account.
 */
export function registerVisitor(db: DB, input: VisitorInput, now: Date): VisitorResult {
  const at = localMoment(now);
  return writeTx(db, (tx): VisitorResult => {
    const space = loadSpaceForRules(tx, input.spaceId);
    if (!space || !isHostOf(tx, input.hostUserId, space.orgId)) return { ok: false, reason: 'inactive' };
    if (!space.active || space.archivedAt) return { ok: false, reason: 'inactive' };
    if (input.date !== at.today) return { ok: false, reason: 'past' };
    const closed = closuresFor(tx, space, input.date, input.date);
    const day = dayRefusal(space, input.date, at.today, (d) => closed(d) !== null);
    if (day) return { ok: false, reason: day, closed: closed(input.date) ?? undefined };
    if (daypartEnded(input.date, input.daypart, at)) return { ok: false, reason: 'daypart_ended', daypart: input.daypart };
    if (countActive(tx, space.id, input.date, input.daypart) >= space.capacity) return { ok: false, reason: 'full' };
    const id = tx
      .insert(bookings)
      .values({
        spaceId: space.id,
        locationId: space.locationId,
        orgId: space.orgId,
        userId: null,
        guestOrgId: null,
        visitorName: input.name,
        visitorOrg: input.organisation,
        bookedBy: input.hostUserId,
        date: input.date,
        daypart: input.daypart,
        status: 'confirmed',
        note: null,
        arrivedAt: now,
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: bookings.id })
      .get().id;
    return { ok: true, id };
  });
}

export type SeriesInput = {
  spaceId: number;
  userId: string;
  guestOrgId: number | null;
  weekday: number;
  daypart: Daypart | 'whole';
  weeks: number;
  startDate: string;
  note: string | null;
  /** Who books, when booking for a colleague (`userId` is the colleague); each date checks it (`colleagueRefusal`). */
  bookedBy?: string | null;
  baseUrl?: string;
};

export type SeriesResult = {
  booked: { date: string; status: 'confirmed' | 'pending' }[];
  skipped: { date: string; reason: Refusal; horizonWeeks: number; closed?: ClosedReason }[];
};

/**
 * "Every Tuesday morning for 6 weeks": one transaction per occurrence, so a full or closed date
 * is skipped (and reported) without undoing the others.
 */
export function bookSeries(db: DB, input: SeriesInput, now: Date): SeriesResult {
  const seriesId = newId();
  const dayparts: Daypart[] = input.daypart === 'whole' ? ['morning', 'afternoon'] : [input.daypart];
  const first = addDays(input.startDate, (input.weekday - isoWeekday(input.startDate) + 7) % 7);
  const result: SeriesResult = { booked: [], skipped: [] };
  const ids: number[] = [];
  for (let i = 0; i < input.weeks; i++) {
    const date = addDays(first, i * 7);
    const r = bookSpace(
      db,
      {
        spaceId: input.spaceId,
        userId: input.userId,
        bookedBy: input.bookedBy,
        guestOrgId: input.guestOrgId,
        date,
        dayparts,
        note: input.note,
        seriesId,
        notify: false,
      },
      now,
    );
    if (r.ok) {
      result.booked.push({ date, status: r.status });
      ids.push(...r.ids);
    } else result.skipped.push({ date, reason: r.reason, horizonWeeks: r.horizonWeeks, closed: r.closed });
  }
  // One summary message with every occurrence in one calendar file, instead of one mail per week.
  const kind = result.booked.some((b) => b.status === 'pending') ? 'requested' : 'confirmed';
  if (ids.length)
    writeTx(db, (tx) => {
      const bookedBy = input.bookedBy && input.bookedBy !== input.userId ? input.bookedBy : null;
      const byName = bookedBy ? tx.select({ name: users.name }).from(users).where(eq(users.id, bookedBy)).get()?.name : undefined;
      noticeBookings(tx, input.userId, ids, kind, now, { baseUrl: input.baseUrl, bookedBy: byName, own: !bookedBy });
      if (kind === 'requested') noticeRequestToHosts(tx, ids, { baseUrl: input.baseUrl }, now);
    });
  return result;
}

const guestOrg = aliasedTable(organisations, 'guest_org');
const bookedByUser = aliasedTable(users, 'booked_by_user');

const bookingColumns = {
  id: bookings.id,
  date: bookings.date,
  daypart: bookings.daypart,
  status: bookings.status,
  note: bookings.note,
  checkedInAt: bookings.checkedInAt,
  arrivedAt: bookings.arrivedAt,
  spaceId: spaces.id,
  spaceName: spaces.name,
  locationId: locations.id,
  locationName: locations.name,
  street: locations.street,
  postcode: locations.postcode,
  town: locations.town,
  guestInstructions: locations.guestInstructions,
  houseRules: locations.houseRules,
  contactPerson: locations.contactPerson,
  deadlineMorning: locations.checkinDeadlineMorning,
  deadlineAfternoon: locations.checkinDeadlineAfternoon,
  hostOrgName: organisations.name,
  /** The colleague who booked this for its owner; null when the owner booked it. */
  bookedByName: bookedByUser.name,
  createdAt: bookings.createdAt,
  updatedAt: bookings.updatedAt,
};

export type MyBooking = NonNullable<ReturnType<typeof getMyBooking>>;

/** One of the user's own bookings; another person's id gives undefined (→ 404). */
/** A booking with what the person's own lists show of it: space, location, host and who booked it. */
function bookingRows(db: Queryable) {
  return db
    .select(bookingColumns)
    .from(bookings)
    .innerJoin(spaces, eq(spaces.id, bookings.spaceId))
    .innerJoin(locations, eq(locations.id, bookings.locationId))
    .innerJoin(organisations, eq(organisations.id, bookings.orgId))
    .leftJoin(bookedByUser, eq(bookedByUser.id, bookings.bookedBy));
}

export function getMyBooking(db: Queryable, bookingId: number, userId: string) {
  return bookingRows(db)
    .where(and(eq(bookings.id, bookingId), eq(bookings.userId, userId)))
    .get();
}

/**
 * "Mijn reserveringen", grouped: today (confirmed, today), upcoming (confirmed, later), requests
 * (pending, today or later) and earlier: every earlier date, and whatever no longer holds a place
 * (cancelled, declined, expired, no-show), also today's and future ones.
 */
export function listMyBookings(db: Queryable, userId: string, today: string) {
  const holding = and(eq(bookings.userId, userId), gte(bookings.date, today), inArray(bookings.status, ACTIVE_STATUSES));
  const active = bookingRows(db).where(holding).orderBy(asc(bookings.date), inDayOrder, asc(bookings.id)).limit(200).all();
  const earlier = bookingRows(db)
    .where(and(eq(bookings.userId, userId), not(holding!)))
    .orderBy(desc(bookings.date), inDayOrder, desc(bookings.id))
    .limit(50)
    .all();
  const confirmed = active.filter((b) => b.status === 'confirmed');
  return {
    today: confirmed.filter((b) => b.date === today),
    upcoming: confirmed.filter((b) => b.date > today),
    requests: active.filter((b) => b.status === 'pending'),
    earlier,
  };
}

/** The colleague a booking was made for by `bookerId` (not their own); undefined otherwise. */
export function bookedForColleague(db: Queryable, bookingId: number, bookerId: string): { ownerName: string } | undefined {
  return db
    .select({ ownerName: users.name })
    .from(bookings)
    .innerJoin(users, eq(users.id, bookings.userId))
    .where(and(eq(bookings.id, bookingId), eq(bookings.bookedBy, bookerId), ne(bookings.userId, bookerId)))
    .get();
}

/** Upcoming bookings the user made for colleagues (they are its owners): what "Voor collega's geboekt" lists. */
export function listBookedForColleagues(db: Queryable, userId: string, today: string) {
  return db
    .select({ ...bookingColumns, ownerName: users.name })
    .from(bookings)
    .innerJoin(spaces, eq(spaces.id, bookings.spaceId))
    .innerJoin(locations, eq(locations.id, bookings.locationId))
    .innerJoin(organisations, eq(organisations.id, bookings.orgId))
    .leftJoin(bookedByUser, eq(bookedByUser.id, bookings.bookedBy))
    .innerJoin(users, eq(users.id, bookings.userId))
    .where(and(eq(bookings.bookedBy, userId), ne(bookings.userId, userId), gte(bookings.date, today), inArray(bookings.status, ACTIVE_STATUSES)))
    .orderBy(asc(bookings.date), inDayOrder, asc(bookings.id))
    .limit(200)
    .all();
}

/**
 * The user's own bookings today at one location: what the check-in link on the location's poster
 * opens (the person scanning it sees only their own bookings; checking in is `checkIn`).
 */
export function listMyBookingsAt(db: Queryable, userId: string, locationId: number, today: string) {
  return bookingRows(db)
    .where(and(eq(bookings.userId, userId), eq(bookings.locationId, locationId), eq(bookings.date, today)))
    .orderBy(inDayOrder, asc(bookings.id))
    .all();
}

/** Characters a walk-in search needs before it looks: one letter would list half the network. */
export const PARTNER_QUERY_MIN = 2;

/**
 * People a host may register as a walk-in: members of a partner organisation (not the host's
 * own) with an active account, found by part of their name (at least `PARTNER_QUERY_MIN`
 * characters) or their whole e-mail address; one row per person and organisation, at most 10.
 */
export function findPartnerPeople(db: Queryable, hostOrgIds: number[], query: string) {
  const q = query.trim().toLowerCase();
  if (q.length < PARTNER_QUERY_MIN || hostOrgIds.length === 0) return [];
  const pattern = `%${q.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
  return db
    .selectDistinct({ userId: users.id, name: users.name, orgId: organisations.id, orgName: organisations.name })
    .from(users)
    .innerJoin(memberships, eq(memberships.userId, users.id))
    .innerJoin(organisations, eq(organisations.id, memberships.orgId))
    .where(
      and(
        isNull(users.deactivatedAt),
        sql`${memberships.orgId} not in (select value from json_each(${JSON.stringify(hostOrgIds)}))`,
        sql`(lower(${users.name}) like ${pattern} escape '\\' or lower(${users.email}) = ${q})`,
      ),
    )
    .orderBy(asc(users.name), asc(organisations.name))
    .limit(10)
    .all();
}

/** The user's active bookings on a date, per space, to mark "booked by you" in results. */
export function myActiveOn(db: Queryable, userId: string, from: string, to: string) {
  const query = prepared(db, 'bookings.myActiveOn', (q) =>
    q
      .select({ spaceId: bookings.spaceId, date: bookings.date, daypart: bookings.daypart })
      .from(bookings)
      .where(
        and(
          eq(bookings.userId, sql.placeholder('userId')),
          sql`${bookings.date} between ${sql.placeholder('from')} and ${sql.placeholder('to')}`,
          inArray(bookings.status, ACTIVE_STATUSES),
        ),
      )
      .prepare(),
  );
  return query.all({ userId, from, to });
}

export type CancelResult = { ok: true } | { ok: false; reason: 'not_found' | 'not_cancellable' };

/** Cancelling frees the desk at once: the capacity count only sees confirmed and pending. */
/**
 * Cancelling an upcoming booking: by its owner, or by the colleague who booked it for them (ADR
 * 012; the owner is told who cancelled it). Anyone else's id is not found.
 */
export function cancelBooking(db: DB, bookingId: number, userId: string, now: Date, baseUrl?: string): CancelResult {
  const today = localToday(now);
  return writeTx(db, (tx) => {
    const b = tx
      .select({
        status: bookings.status,
        date: bookings.date,
        daypart: bookings.daypart,
        owner: bookings.userId,
        checkedInAt: bookings.checkedInAt,
        arrivedAt: bookings.arrivedAt,
        checkinDeadlineMorning: locations.checkinDeadlineMorning,
        checkinDeadlineAfternoon: locations.checkinDeadlineAfternoon,
      })
      .from(bookings)
      .innerJoin(locations, eq(locations.id, bookings.locationId))
      .where(and(eq(bookings.id, bookingId), or(eq(bookings.userId, userId), eq(bookings.bookedBy, userId))))
      .get();
    if (!b) return { ok: false, reason: 'not_found' } as const;
    if (!(ACTIVE_STATUSES as readonly string[]).includes(b.status) || b.date < today) return { ok: false, reason: 'not_cancellable' } as const;
    // Been there (checked in, marked arrived), or the dagdeel is over: a record now, not a booking to give up.
    if (b.checkedInAt || b.arrivedAt || daypartOver(b, b.date, b.daypart, localMoment(now))) return { ok: false, reason: 'not_cancellable' } as const;
    tx.update(bookings).set({ status: 'cancelled', updatedAt: now }).where(eq(bookings.id, bookingId)).run();
    const own = b.owner === userId;
    const by = own ? undefined : tx.select({ name: users.name }).from(users).where(eq(users.id, userId)).get()?.name;
    noticeBookings(tx, b.owner, [bookingId], 'cancelled', now, { baseUrl, own, cancelledBy: by });
    return { ok: true } as const;
  });
}

export type CheckInResult = { ok: true } | { ok: false; reason: 'not_found' | 'not_checkinable' | 'released' };

/** Checking in: a confirmed booking of today. One already released as a no-show stays released ('released'): its desk may be taken. */
export function checkIn(db: DB, bookingId: number, userId: string, now: Date): CheckInResult {
  const today = localToday(now);
  return writeTx(db, (tx) => {
    const b = tx
      .select({ status: bookings.status, date: bookings.date, checkedInAt: bookings.checkedInAt })
      .from(bookings)
      .where(and(eq(bookings.id, bookingId), eq(bookings.userId, userId)))
      .get();
    if (!b) return { ok: false, reason: 'not_found' } as const;
    if (b.status === 'no_show' && b.date === today) return { ok: false, reason: 'released' } as const;
    if (b.status !== 'confirmed' || b.date !== today) return { ok: false, reason: 'not_checkinable' } as const;
    if (!b.checkedInAt) tx.update(bookings).set({ checkedInAt: now, updatedAt: now }).where(eq(bookings.id, bookingId)).run();
    return { ok: true } as const;
  });
}

/** How far back the release looks, so that a server that was down for a while catches up. */
const RELEASE_LOOKBACK_DAYS = 7;

/** Bookings released per transaction: a big catch-up (after a restart) must not stall requests. */
export const RELEASE_BATCH = 50;

/**
 * No-show release: confirmed bookings not checked in (by the guest) nor marked arrived (by the
 * host) once their dagdeel is over (`daypartOver`: the location's check-in deadline has passed)
 * become 'no_show' (kept, not deleted), which frees the desk. One UPDATE of at most `batch`
 * bookings in one immediate transaction: running it twice, late, or from two processes changes
 * nothing extra. The job runner runs it again at once while it returns a full batch, letting
 * requests in between.
 */
export function releaseNoShows(db: DB, now: Date, ctx: { baseUrl?: string } = {}, batch = RELEASE_BATCH): number {
  const { today, time } = localMoment(now);
  const from = addDays(today, -RELEASE_LOOKBACK_DAYS);
  return writeTx(withRuleFunctions(db), (tx) => {
    const over = sql`(select daypart_over(${bookings.date}, ${bookings.daypart}, l.checkin_deadline_morning, l.checkin_deadline_afternoon, ${today}, ${time}) from ${locations} l where l.id = ${bookings.locationId})`;
    const due = tx
      .select({ id: bookings.id })
      .from(bookings)
      .where(
        and(
          eq(bookings.status, 'confirmed'),
          gte(bookings.date, from),
          sql`${bookings.date} <= ${today}`,
          isNull(bookings.checkedInAt),
          isNull(bookings.arrivedAt),
          sql`${over} = 1`,
        ),
      )
      .limit(batch);
    const released = tx
      .update(bookings)
      .set({ status: 'no_show', updatedAt: now })
      .where(inArray(bookings.id, due))
      .returning({ id: bookings.id, userId: bookings.userId, date: bookings.date })
      .all();
    // Only today's releases are worth a message; a late catch-up of earlier days stays silent.
    for (const r of released) if (r.date === today) noticeBookings(tx, r.userId, [r.id], 'no_show', now, { baseUrl: ctx.baseUrl });
    return released.length;
  });
}

/** May this user see a location's guest instructions? Hosts of its organisation, and people with an active booking there. */
export function canSeeInstructions(db: Queryable, userId: string, location: { id: number; orgId: number }, hostOrgIds: number[], today: string): boolean {
  if (hostOrgIds.includes(location.orgId)) return true;
  return !!prepared(db, 'bookings.heldAtLocation', (q) =>
    q
      .select({ one: sql`1` })
      .from(bookings)
      .where(
        and(
          eq(bookings.userId, sql.placeholder('userId')),
          eq(bookings.locationId, sql.placeholder('locationId')),
          gte(bookings.date, sql.placeholder('today')),
          inArray(bookings.status, ACTIVE_STATUSES),
        ),
      )
      .prepare(),
  ).get({ userId, locationId: location.id, today });
}

// ——— Host side ———

/** What a host sees of a guest's booking (guest list row). */
const guestColumns = {
  id: bookings.id,
  daypart: bookings.daypart,
  status: bookings.status,
  note: bookings.note,
  checkedInAt: bookings.checkedInAt,
  arrivedAt: bookings.arrivedAt,
  date: bookings.date,
  locationId: bookings.locationId,
  /** The guest's account; null for a visitor without one (or once anonymised). */
  userId: bookings.userId,
  /** The account holder's name, else the visitor's (null once anonymised). */
  name: sql<string | null>`coalesce(${users.name}, ${bookings.visitorName})`,
  orgName: sql<string | null>`coalesce(${guestOrg.name}, ${bookings.visitorOrg})`,
  visitor: sql<boolean>`${bookings.visitorName} is not null`.mapWith(Boolean),
  spaceName: spaces.name,
  /** The location's check-in deadline of this dagdeel (HH:MM): before it nobody is a no-show yet. */
  checkinDeadline: sql<string>`case when ${bookings.daypart} = 'morning' then ${locations.checkinDeadlineMorning} else ${locations.checkinDeadlineAfternoon} end`,
};

/** Guests of one location and date, scoped to the host's organisations in the query. */
function guestQuery(db: Queryable, hostOrgIds: number[], where: SQL | undefined) {
  return db
    .select(guestColumns)
    .from(bookings)
    .leftJoin(users, eq(users.id, bookings.userId))
    .leftJoin(guestOrg, eq(guestOrg.id, bookings.guestOrgId))
    .innerJoin(spaces, eq(spaces.id, bookings.spaceId))
    .innerJoin(locations, eq(locations.id, bookings.locationId))
    .where(and(where, inArray(bookings.orgId, hostOrgIds)));
}

export function listGuests(db: Queryable, locationId: number, hostOrgIds: number[], date: string) {
  if (hostOrgIds.length === 0) return [];
  return guestQuery(db, hostOrgIds, and(eq(bookings.locationId, locationId), eq(bookings.date, date)))
    .orderBy(inDayOrder, asc(guestColumns.name), asc(bookings.id))
    .all();
}

export type GuestRow = ReturnType<typeof listGuests>[number];

export function getGuest(db: Queryable, bookingId: number, hostOrgIds: number[]) {
  if (hostOrgIds.length === 0) return undefined;
  return guestQuery(db, hostOrgIds, eq(bookings.id, bookingId)).get();
}

export type HostAction = 'arrived' | 'no-show' | 'approve' | 'decline';
export type HostActionResult =
  | { ok: true; locationId: number; date: string }
  | { ok: false; reason: 'not_found' | 'not_allowed' | 'present' | 'released' }
  /** A no-show before the dagdeel's check-in deadline: the guest may still come (PRODUCT: "not checked in by a set time"). */
  | { ok: false; reason: 'too_early'; deadline: string };

/**
 * Actions of a host on a guest's booking; scoped to the host's organisations in the query. A guest
 * who checked in or was marked arrived is there, so never a no-show ('present'); a booking already
 * a no-show has given up its desk, so it cannot be marked arrived afterwards ('released': the host
 * registers the guest as a walk-in, which checks that a desk is still free). Nobody is a no-show
 * before the dagdeel's check-in deadline ('too_early'): until then the guest may still come.
 */
export function hostBookingAction(db: DB, bookingId: number, hostOrgIds: number[], action: HostAction, now: Date): HostActionResult {
  const today = localToday(now);
  if (hostOrgIds.length === 0) return { ok: false, reason: 'not_found' };
  return writeTx(db, (tx): HostActionResult => {
    const b = tx
      .select({
        status: bookings.status,
        date: bookings.date,
        daypart: bookings.daypart,
        arrivedAt: bookings.arrivedAt,
        checkedInAt: bookings.checkedInAt,
        locationId: bookings.locationId,
        userId: bookings.userId,
        respondBy: bookings.respondBy,
        checkinDeadlineMorning: locations.checkinDeadlineMorning,
        checkinDeadlineAfternoon: locations.checkinDeadlineAfternoon,
      })
      .from(bookings)
      .innerJoin(locations, eq(locations.id, bookings.locationId))
      .where(and(eq(bookings.id, bookingId), inArray(bookings.orgId, hostOrgIds)))
      .get();
    if (!b) return { ok: false, reason: 'not_found' };
    let status: BookingStatus = b.status;
    const set: Partial<typeof bookings.$inferInsert> = { updatedAt: now };
    if (action === 'arrived') {
      if (b.status === 'no_show') return { ok: false, reason: 'released' };
      if (b.status !== 'confirmed' || b.date > today) return { ok: false, reason: 'not_allowed' };
      set.arrivedAt = b.arrivedAt ?? now;
    } else if (action === 'no-show') {
      if (b.status === 'confirmed' && (b.checkedInAt || b.arrivedAt)) return { ok: false, reason: 'present' };
      if (b.status !== 'confirmed' || b.date > today) return { ok: false, reason: 'not_allowed' };
      if (!daypartOver(b, b.date, b.daypart, localMoment(now))) return { ok: false, reason: 'too_early', deadline: checkinDeadline(b, b.daypart) };
      status = 'no_show';
    } else {
      if (b.status !== 'pending' || b.date < today || requestExpired(b, now)) return { ok: false, reason: 'not_allowed' };
      // Approving takes no new desk: a pending request already holds one (ADR 004).
      status = action === 'approve' ? 'confirmed' : 'declined';
    }
    tx.update(bookings)
      .set({ ...set, status })
      .where(eq(bookings.id, bookingId))
      .run();
    if (action === 'approve' || action === 'decline') noticeBookings(tx, b.userId, [bookingId], action === 'approve' ? 'approved' : 'declined', now);
    // Released by the host: the guest is told, as by the release job (the desk may be taken now).
    if (action === 'no-show') noticeBookings(tx, b.userId, [bookingId], 'no_show', now);
    return { ok: true, locationId: b.locationId, date: b.date };
  });
}

/** Requests expired per transaction, as for the no-show release. */
export const EXPIRE_BATCH = 50;

/**
 * Expires the pending requests whose deadline has passed (`requestExpired`: respond_by ≤ now;
 * requests made before deadlines existed, without one, once their date is past): the desk is
 * freed and the guest told, so they can book elsewhere. One UPDATE … WHERE status = 'pending' in
 * one immediate transaction claims each request once; a host who approves at the same moment
 * either wins (the request is no longer pending) or is refused.
 */
export function expireRequests(db: DB, now: Date, ctx: { baseUrl?: string } = {}, batch = EXPIRE_BATCH): number {
  const today = localToday(now);
  return writeTx(db, (tx) => {
    const due = tx
      .select({ id: bookings.id })
      .from(bookings)
      .where(
        and(
          eq(bookings.status, 'pending'),
          sql`(${bookings.respondBy} <= ${now.getTime()} or (${bookings.respondBy} is null and ${bookings.date} < ${today}))`,
        ),
      )
      .orderBy(asc(bookings.respondBy), asc(bookings.id))
      .limit(batch);
    const expired = tx
      .update(bookings)
      .set({ status: 'expired', updatedAt: now })
      .where(and(inArray(bookings.id, due), eq(bookings.status, 'pending')))
      .returning({ id: bookings.id, userId: bookings.userId, date: bookings.date })
      .all();
    // One message per person and date: a whole day expires as one request.
    const groups = new Map<string, { userId: string | null; ids: number[] }>();
    for (const r of expired) {
      const key = `${r.userId}:${r.date}`;
      groups.set(key, { userId: r.userId, ids: [...(groups.get(key)?.ids ?? []), r.id] });
    }
    for (const g of groups.values()) noticeBookings(tx, g.userId, g.ids, 'expired', now, { baseUrl: ctx.baseUrl });
    return expired.length;
  });
}

function requestQuery(db: Queryable, hostOrgIds: number[], where: SQL | undefined) {
  return db
    .select({ ...guestColumns, respondBy: bookings.respondBy, createdAt: bookings.createdAt, locationName: locations.name, hostOrgId: bookings.orgId })
    .from(bookings)
    .innerJoin(users, eq(users.id, bookings.userId))
    .innerJoin(guestOrg, eq(guestOrg.id, bookings.guestOrgId))
    .innerJoin(spaces, eq(spaces.id, bookings.spaceId))
    .innerJoin(locations, eq(locations.id, bookings.locationId))
    .where(and(where, inArray(bookings.orgId, hostOrgIds)));
}

/** The pending requests of the host's organisations, oldest first (the "Open verzoeken" view). */
export function listOpenRequests(db: Queryable, hostOrgIds: number[], today: string) {
  if (hostOrgIds.length === 0) return [];
  return requestQuery(db, hostOrgIds, and(eq(bookings.status, 'pending'), gte(bookings.date, today)))
    .orderBy(asc(bookings.createdAt), asc(bookings.id))
    .limit(200)
    .all();
}

/** One request as the open-requests view shows it, in whatever state it is now; another organisation's id gives undefined. */
export function getRequest(db: Queryable, bookingId: number, hostOrgIds: number[]) {
  if (hostOrgIds.length === 0) return undefined;
  return requestQuery(db, hostOrgIds, eq(bookings.id, bookingId)).get();
}

export type OpenRequest = ReturnType<typeof listOpenRequests>[number];

/** How many requests wait for the host (the count in the navigation). */
export function countOpenRequests(db: Queryable, hostOrgIds: number[], today: string): number {
  if (hostOrgIds.length === 0) return 0;
  return (
    db
      .select({ n: sql<number>`count(*)` })
      .from(bookings)
      .where(and(eq(bookings.status, 'pending'), gte(bookings.date, today), inArray(bookings.orgId, hostOrgIds)))
      .get()?.n ?? 0
  );
}
