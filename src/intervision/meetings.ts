import { and, asc, desc, eq, gte, inArray, lt, notInArray, or, sql, type Placeholder, type SQL } from 'drizzle-orm';
import {
  groupMembers,
  intervisionGroups,
  meetings,
  meetingVisibility,
  organisations,
  registrations,
  users,
  type MeetingKind,
  type MeetingMethod,
  type PlaceKind,
  type Visibility,
} from '../../db/schema';
import { prepared, writeTx, type DB, type Queryable, type Tx } from '../db';
import { hasRole, holdsRoleSql } from '../orgs/orgs';
import type { Membership } from '../types';
import { paging, type Paging } from '../lib/paging';
import { locationClosures, type LocationClosed } from '../desks/rules';
import { localDateOf } from '../lib/time';
import { versionedCache } from '../lib/versioned';

export type Meeting = typeof meetings.$inferSelect;

/** What a facilitator fills in; instants already converted from Amsterdam wall-clock time. */
export type MeetingInput = {
  orgId: number;
  title: string;
  kind: MeetingKind;
  method: MeetingMethod;
  description: string;
  startsAt: Date;
  endsAt: Date;
  placeKind: PlaceKind;
  /** A desks location of a partner organisation, when the meeting takes place there. */
  locationId?: number | null;
  placeName: string | null;
  address: string | null;
  town: string | null;
  onlineUrl: string | null;
  minParticipants: number;
  maxParticipants: number;
  maxPerOrg: number | null;
  signupOpensAt: Date;
  signupClosesAt: Date;
  cancelDeadlineAt: Date;
  visibility: Visibility;
  visibleOrgIds: number[];
};

/**
 * The rule "may see this meeting", for a person belonging to `orgIds`: open to all, organised by
 * one of their organisations, or shown to one of them. Someone without an organisation sees none.
 * One definition for ad-hoc queries and prepared ones (`orgIds` as a JSON array, bound or a placeholder).
 */
function visibleToJson(orgIds: Placeholder | string): SQL {
  return and(
    sql`json_array_length(${orgIds}) > 0`,
    or(
      eq(meetings.visibility, 'all'),
      sql`${meetings.orgId} in (select value from json_each(${orgIds}))`,
      sql`exists (select 1 from ${meetingVisibility} where ${meetingVisibility.meetingId} = ${meetings.id} and ${meetingVisibility.orgId} in (select value from json_each(${orgIds})))`,
    ),
  )!;
}

export function visibleTo(orgIds: number[]): SQL {
  return visibleToJson(JSON.stringify(orgIds));
}

/**
 * The rule "may manage this meeting": its facilitator while they still hold the facilitator role in
 * the organising organisation (a facilitator whose role was taken away no longer sees names or
 * attendance), or an org admin of the organising organisation. `isManager` is the same rule for a
 * meeting already loaded.
 */
function managedBy(userId: string, adminOrgIds: number[]): SQL {
  const asFacilitator = and(eq(meetings.facilitatorId, userId), holdsRoleSql(meetings.facilitatorId, meetings.orgId, 'facilitator'))!;
  return adminOrgIds.length ? or(asFacilitator, inArray(meetings.orgId, adminOrgIds))! : asFacilitator;
}

const registeredCount = sql<number>`(select count(*) from ${registrations} where ${registrations.meetingId} = ${meetings.id} and ${registrations.status} = 'registered')`;
/** Who waits for a place: the meeting's own waiting list, and for a closed group's meeting the group's (its meetings have no list of their own). */
const waitlistCount = sql<number>`((select count(*) from ${registrations} where ${registrations.meetingId} = ${meetings.id} and ${registrations.status} = 'waitlisted')
  + (select count(*) from ${groupMembers} where ${groupMembers.groupId} = ${meetings.groupId} and ${groupMembers.status} = 'waitlisted'
     and exists (select 1 from ${intervisionGroups} where ${intervisionGroups.id} = ${meetings.groupId} and ${intervisionGroups.closed} = 1)))`;

export function getVisibleMeeting(db: Queryable, id: number, orgIds: number[]): Meeting | undefined {
  return db
    .select()
    .from(meetings)
    .where(and(eq(meetings.id, id), visibleTo(orgIds)))
    .get();
}

export function getManagedMeeting(db: Queryable, id: number, userId: string, adminOrgIds: number[]): Meeting | undefined {
  return db
    .select()
    .from(meetings)
    .where(and(eq(meetings.id, id), managedBy(userId, adminOrgIds)))
    .get();
}

/** The same rule for a meeting or a group already loaded. */
export function isManager(m: Pick<Meeting, 'orgId' | 'facilitatorId'>, userId: string, ms: Membership[]): boolean {
  return hasRole(ms, m.orgId, 'org_admin') || (m.facilitatorId === userId && hasRole(ms, m.orgId, 'facilitator'));
}

export type MeetingFilters = { kind?: MeetingKind; method?: MeetingMethod; town?: string; online?: boolean; orgId?: number; from?: Date };

export type MeetingCard = Meeting & { orgName: string; facilitatorName: string; registered: number; waiting: number };

/** What a card in the meeting list shows: the meeting's own columns it needs, not all of them. */
export type MeetingListCard = Pick<MeetingCard, keyof typeof listCardColumns>;

/**
 * The list's columns, flat. Reading a whole meeting row (28 columns, description and online link
 * included) cost better-sqlite3 and drizzle ~8 µs a row more than these 16 (issue #18).
 */
const listCardColumns = {
  id: meetings.id,
  title: meetings.title,
  startsAt: meetings.startsAt,
  endsAt: meetings.endsAt,
  placeKind: meetings.placeKind,
  placeName: meetings.placeName,
  address: meetings.address,
  town: meetings.town,
  kind: meetings.kind,
  method: meetings.method,
  maxParticipants: meetings.maxParticipants,
  status: meetings.status,
  orgName: organisations.name,
  facilitatorName: users.name,
  registered: registeredCount,
  waiting: waitlistCount,
};

const cardColumns = {
  meeting: meetings,
  orgName: organisations.name,
  facilitatorName: users.name,
  registered: registeredCount,
  waiting: waitlistCount,
};

function toCard(r: { meeting: Meeting; orgName: string; facilitatorName: string; registered: number; waiting: number }): MeetingCard {
  // The row's own meeting object, completed in place: copying it (`{ ...r.meeting }`, 28 fields
  // added one by one by drizzle) cost ~6 µs a card (issue #18).
  return Object.assign(r.meeting, { orgName: r.orgName, facilitatorName: r.facilitatorName, registered: r.registered, waiting: r.waiting });
}

/** Meetings per page of the meeting list. */
export const MEETINGS_PAGE_SIZE = 20;

/**
 * The list's filters as one statement with placeholders (prepared once, see `prepared` in db.ts):
 * an empty filter is null and matches everything; the person's organisations come as a JSON array.
 */
function upcomingWhere(): SQL {
  const p = sql.placeholder;
  return and(
    eq(meetings.status, 'scheduled'),
    gte(meetings.startsAt, p('from')),
    visibleToJson(p('orgIds')),
    sql`(${p('kind')} is null or ${meetings.kind} = ${p('kind')})`,
    sql`(${p('method')} is null or ${meetings.method} = ${p('method')})`,
    sql`(${p('orgId')} is null or ${meetings.orgId} = ${p('orgId')})`,
    sql`(${p('online')} = 0 or ${meetings.placeKind} = 'online')`,
    sql`(${p('town')} is null or lower(${meetings.town}) = lower(${p('town')}))`,
  )!;
}

function upcomingValues(orgIds: number[], f: MeetingFilters, now: Date) {
  return {
    from: (f.from && f.from > now ? f.from : now).getTime(),
    orgIds: JSON.stringify(orgIds),
    kind: f.kind ?? null,
    method: f.method ?? null,
    orgId: f.orgId ?? null,
    online: f.online ? 1 : 0,
    town: f.online ? null : (f.town ?? null),
  };
}

/**
 * One page of the upcoming, not cancelled meetings the person may see, with the filters of the
 * list page, soonest first, and the number found in all. Count and page read one snapshot (a read
 * transaction) at one instant, so they agree.
 */
export function listUpcoming(
  db: DB,
  orgIds: number[],
  f: MeetingFilters,
  now: Date,
  page: { requested: number; size: number } = { requested: 1, size: MEETINGS_PAGE_SIZE },
): { cards: MeetingListCard[]; paging: Paging } {
  const count = prepared(db, 'meetings.countUpcoming', (q) => q.select({ n: sql<number>`count(*)` }).from(meetings).where(upcomingWhere()).prepare());
  // The page's ids first (from the covering index), then the cards of those 20 only: with the
  // joins and counts in the filtering query, SQLite built every skipped row too (page 30 took
  // 1.4 ms instead of 0.3; issue #18).
  const list = prepared(db, 'meetings.listUpcoming', (q) => {
    const pageIds = q
      .select({ id: meetings.id })
      .from(meetings)
      .where(upcomingWhere())
      .orderBy(asc(meetings.startsAt), asc(meetings.id))
      .limit(sql.placeholder('limit'))
      .offset(sql.placeholder('offset'));
    return q
      .select(listCardColumns)
      .from(meetings)
      .innerJoin(organisations, eq(organisations.id, meetings.orgId))
      .innerJoin(users, eq(users.id, meetings.facilitatorId))
      .where(inArray(meetings.id, pageIds))
      .orderBy(asc(meetings.startsAt), asc(meetings.id))
      .prepare();
  });
  const values = upcomingValues(orgIds, f, now);
  return db.$client.transaction(() => {
    const pg = paging(page.requested, count.get(values)!.n, page.size);
    const cards = pg.total === 0 ? [] : list.all({ ...values, limit: pg.size, offset: pg.offset });
    return { cards, paging: pg };
  })();
}

export function getMeetingCard(db: Queryable, id: number): MeetingCard | undefined {
  const r = db
    .select(cardColumns)
    .from(meetings)
    .innerJoin(organisations, eq(organisations.id, meetings.orgId))
    .innerJoin(users, eq(users.id, meetings.facilitatorId))
    .where(eq(meetings.id, id))
    .get();
  return r ? toCard(r) : undefined;
}

/** Meetings a person manages: upcoming first, then the last 60 days (for attendance). */
export function listManaged(db: Queryable, userId: string, adminOrgIds: number[], now: Date): MeetingCard[] {
  return db
    .select(cardColumns)
    .from(meetings)
    .innerJoin(organisations, eq(organisations.id, meetings.orgId))
    .innerJoin(users, eq(users.id, meetings.facilitatorId))
    .where(and(managedBy(userId, adminOrgIds), gte(meetings.endsAt, new Date(now.getTime() - 60 * 86_400_000))))
    .orderBy(asc(meetings.startsAt))
    .limit(300)
    .all()
    .map(toCard);
}

const townOrder = new Intl.Collator('nl').compare;

/**
 * What the list's filters offer: the towns and the organising organisations of the upcoming
 * meetings this person may see (not every organisation in the network). One scan of the covering
 * index gives the (organisation, town) pairs; the organisations' names are read for those ids only.
 */
export function listFilterOptions(db: DB, orgIds: number[], now: Date): { towns: string[]; orgs: { id: number; name: string }[] } {
  // Cached per set of organisations while no organisation, location or meeting changed, and only
  // until the first of these meetings starts (then it drops out of the list, and maybe its town).
  return filterOptionsCache(db, orgIds.join(','), now.getTime(), () => computeFilterOptions(db, orgIds, now));
}

const filterOptionsCache = versionedCache<{ towns: string[]; orgs: { id: number; name: string }[] }>('filters');

function computeFilterOptions(db: DB, orgIds: number[], now: Date) {
  const pairs = prepared(db, 'meetings.filterPairs', (q) =>
    q
      .select({ orgId: meetings.orgId, town: meetings.town, firstStart: sql<number>`min(${meetings.startsAt})`.mapWith(Number) })
      .from(meetings)
      .where(and(eq(meetings.status, 'scheduled'), gte(meetings.startsAt, sql.placeholder('now')), visibleToJson(sql.placeholder('orgIds'))))
      .groupBy(meetings.orgId, meetings.town)
      .prepare(),
  );
  const names = prepared(db, 'meetings.filterOrgNames', (q) =>
    q
      .select({ id: organisations.id, name: organisations.name })
      .from(organisations)
      .where(sql`${organisations.id} in (select value from json_each(${sql.placeholder('ids')}))`)
      .orderBy(asc(organisations.name))
      .prepare(),
  );
  const rows = pairs.all({ now: now.getTime(), orgIds: JSON.stringify(orgIds) });
  const towns = [...new Set(rows.map((r) => r.town).filter((t): t is string => !!t))].sort(townOrder);
  const ids = [...new Set(rows.map((r) => r.orgId))];
  const orgs = ids.length ? names.all({ ids: JSON.stringify(ids) }) : [];
  return { value: { towns, orgs }, validUntil: Math.min(...rows.map((r) => r.firstStart)) };
}

export function listVisibleOrgIds(db: Queryable, meetingId: number): number[] {
  return db
    .select({ orgId: meetingVisibility.orgId })
    .from(meetingVisibility)
    .where(eq(meetingVisibility.meetingId, meetingId))
    .all()
    .map((r) => r.orgId);
}

/** A meeting (of a series: the `index`-th) on a day its partner location is closed, and why. */
export type PlaceClosed = { index: number; date: string; closed: LocationClosed };

/**
 * The first of `dates` on which the partner location `locationId` takes no one: a weekday it is not
 * open, a holiday it closes for, or a closure (the desks' rule, `locationClosures`). Null for an own
 * address or online (no location id), or when it is open on every date.
 */
export function placeClosedOn(db: Queryable, locationId: number | null | undefined, dates: string[]): PlaceClosed | null {
  if (!locationId || dates.length === 0) return null;
  const sorted = [...dates].sort();
  const closed = locationClosures(db, locationId, sorted[0]!, sorted.at(-1)!);
  for (const [index, date] of dates.entries()) {
    const why = closed(date);
    if (why) return { index, date, closed: why };
  }
  return null;
}

export type PublishMeetingResult = { ok: true; id: number } | { ok: false; placeClosed: PlaceClosed };

/** A facilitator publishes a meeting: not at a partner location on a day it is closed, then stored, in one transaction. */
export function publishMeeting(db: DB, input: MeetingInput & { facilitatorId: string }, now: Date): PublishMeetingResult {
  return writeTx(db, (tx): PublishMeetingResult => {
    const placeClosed = placeClosedOn(tx, input.locationId, [localDateOf(input.startsAt)]);
    if (placeClosed) return { ok: false, placeClosed };
    return { ok: true, id: insertMeeting(tx, input, now) };
  });
}

export function insertMeeting(db: DB | Tx, input: MeetingInput & { facilitatorId: string; groupId?: number | null }, now: Date): number {
  return writeTx(db, (tx) => {
    const { visibleOrgIds, ...row } = input;
    const m = tx
      .insert(meetings)
      .values({ ...row, groupId: input.groupId ?? null, createdAt: now, updatedAt: now })
      .returning({ id: meetings.id })
      .get();
    setVisibility(tx, m.id, input.visibility, visibleOrgIds);
    return m.id;
  });
}

/** Who may see a meeting besides everyone ('all') or its own organisation: the list of organisations, for 'list'. */
export function setVisibility(tx: Tx, meetingId: number, visibility: Visibility, orgIds: number[]) {
  tx.delete(meetingVisibility).where(eq(meetingVisibility.meetingId, meetingId)).run();
  if (visibility !== 'list') return;
  for (const orgId of new Set(orgIds)) tx.insert(meetingVisibility).values({ meetingId, orgId }).run();
}

/** The facilitator goes ahead despite fewer sign-ups than the minimum. */
export function confirmGoAhead(db: DB | Tx, meetingId: number, now: Date): void {
  writeTx(db, (tx) => {
    tx.update(meetings).set({ minConfirmedAt: now, updatedAt: now }).where(eq(meetings.id, meetingId)).run();
  });
}

export type Participant = {
  registrationId: number;
  userId: string;
  name: string;
  orgId: number;
  orgName: string;
  status: 'registered' | 'waitlisted' | 'cancelled' | 'removed';
  bringsCase: boolean;
  presence: 'present' | 'absent' | 'excused' | null;
  minutesPresent: number | null;
};

/** Registered people (by name) and the waiting list (in order) of one meeting. */
export function listParticipants(db: Queryable, meetingId: number): { registered: Participant[]; waiting: Participant[] } {
  const rows = db
    .select({
      registrationId: registrations.id,
      // Joined with users: never an anonymised (null) registration.
      userId: sql<string>`${registrations.userId}`,
      name: users.name,
      orgId: registrations.orgId,
      orgName: organisations.name,
      status: registrations.status,
      bringsCase: registrations.bringsCase,
      presence: registrations.presence,
      minutesPresent: registrations.minutesPresent,
      queueSeq: registrations.queueSeq,
    })
    .from(registrations)
    .innerJoin(users, eq(users.id, registrations.userId))
    .innerJoin(organisations, eq(organisations.id, registrations.orgId))
    .where(and(eq(registrations.meetingId, meetingId), inArray(registrations.status, ['registered', 'waitlisted'])))
    .orderBy(asc(registrations.queueSeq), asc(users.name))
    .all();
  const registered = rows.filter((r) => r.status === 'registered').sort((a, b) => a.name.localeCompare(b.name, 'nl'));
  const waiting = rows.filter((r) => r.status === 'waitlisted');
  return { registered, waiting };
}

/**
 * The name of someone whose registration for this meeting is no longer active (they cancelled, or
 * were removed already): what a second "remove" is told. Undefined for a registration of another
 * meeting, an active one, or one without a person.
 */
export function formerParticipant(db: Queryable, meetingId: number, registrationId: number): { name: string } | undefined {
  return db
    .select({ name: users.name })
    .from(registrations)
    .innerJoin(users, eq(users.id, registrations.userId))
    .where(and(eq(registrations.id, registrationId), eq(registrations.meetingId, meetingId), notInArray(registrations.status, ['registered', 'waitlisted'])))
    .get();
}

/** Meetings whose sign-up has closed with fewer than the minimum registered and no warning sent yet. */
export function listUnderMinimumAtClose(db: Queryable, now: Date) {
  return db
    .select({ meeting: meetings, registered: registeredCount })
    .from(meetings)
    .where(
      and(
        eq(meetings.status, 'scheduled'),
        lt(meetings.signupClosesAt, new Date(now.getTime() + 1)),
        gte(meetings.startsAt, now),
        sql`${meetings.minWarningSentAt} is null`,
        sql`${registeredCount} < ${meetings.minParticipants}`,
      ),
    )
    .orderBy(desc(meetings.signupClosesAt))
    .limit(200)
    .all();
}
