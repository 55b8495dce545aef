import { addDays, addMonths, instantOf, isoWeekday, localToday } from '../lib/time';
import type { DB } from '../db';
import { closuresFor } from '../desks/rules';
import { NO_SPACE } from '../desks/desks';

/**
 * *Inzicht* (issue #14): what the network does, as aggregates only — who hosts whom, how full the
 * places are, how reliable bookings are, how many people learn together, and the trend. Every
 * figure is a count of rows in the period; names of people never appear, and `shown()`
 * (src/insight/present.ts) hides counts of fewer than 5 at the edge (page and CSV alike).
 *
 * Scope: a network admin sees everything; an org admin sees the details of their own organisation
 * (as host and as guest) and network totals, never another organisation's own figures.
 */

export type InsightScope = { kind: 'network' } | { kind: 'org'; orgId: number };
export type Period = { from: string; to: string };
export type InsightFilters = Period & { locationId: number | null; town: string | null };

/** The default period: the last three months up to yesterday. */
export function defaultPeriod(today: string): Period {
  return { from: addMonths(today, -3), to: addDays(today, -1) };
}

/** The period of the same length right before `p`, for comparison. */
export function previousPeriod(p: Period): Period {
  const days = Math.round((Date.parse(`${p.to}T00:00:00Z`) - Date.parse(`${p.from}T00:00:00Z`)) / 86_400_000);
  const to = addDays(p.from, -1);
  return { from: addDays(to, -days), to };
}

const HELD = `('confirmed','no_show')`;

type Params = Record<string, string | number | null>;

/** Bookings in the period at the filtered locations, as SQL text with named parameters. */
function bookingsWhere(f: InsightFilters, alias = 'b') {
  const parts = [`${alias}.date between @from and @to`];
  if (f.locationId !== null) parts.push(`${alias}.location_id = @locationId`);
  if (f.town !== null) parts.push(`${alias}.location_id in (select id from locations where lower(town) = lower(@town))`);
  return parts.join(' and ');
}

const params = (f: InsightFilters): Params => ({ from: f.from, to: f.to, locationId: f.locationId, town: f.town });

// ——— Who hosts whom, and reliability: one pass over the period's bookings ———

/** Every booking of the period by host × guest organisation, with what became of it. */
type PairFigures = {
  hostOrgId: number;
  guestOrgId: number;
  total: number;
  held: number;
  noShow: number;
  lateCancel: number;
  declined: number;
  expired: number;
};

/**
 * One scan of the period's bookings, grouped by host and guest organisation, serves both "who
 * hosts whom" and "reliability" (each would otherwise read the same rows again). A late
 * cancellation is one made on the day before or the day itself; `day_start_ms` is only called
 * for cancelled rows (CASE is evaluated lazily).
 */
function pairFigures(db: DB, f: InsightFilters): PairFigures[] {
  withDayStart(db);
  return db.$client
    .prepare(
      `select b.org_id as hostOrgId, b.guest_org_id as guestOrgId, count(*) as total,
              sum(b.status in ${HELD}) as held, sum(b.status = 'no_show') as noShow,
              sum(case when b.status = 'cancelled' then b.updated_at >= day_start_ms(b.date) - 86400000 else 0 end) as lateCancel,
              sum(b.status = 'declined') as declined, sum(b.status = 'expired') as expired
       from bookings b where ${bookingsWhere(f)} and b.guest_org_id is not null
       group by b.org_id, b.guest_org_id`,
    )
    .all(params(f)) as PairFigures[];
}

function orgNames(db: DB): Map<number, string> {
  return new Map((db.$client.prepare('select id, name from organisations').all() as { id: number; name: string }[]).map((o) => [o.id, o.name]));
}

export type HostingPair = { guestOrgId: number; guestOrg: string; hostOrgId: number; hostOrg: string; dagdelen: number };
export type Hosting = { pairs: HostingPair[]; dagdelen: number; orgsAway: number; previous: { dagdelen: number; orgsAway: number } };

function hostingTotals(pairs: PairFigures[]) {
  const held = pairs.filter((p) => p.held > 0);
  return { dagdelen: held.reduce((a, p) => a + p.held, 0), orgsAway: new Set(held.map((p) => p.guestOrgId)).size };
}

/**
 * Desk-dagdelen used (confirmed or no-show: the desk was held) by guest organisation × host
 * organisation. An org admin gets the pairs their organisation is part of, and the network totals.
 */
export function hosting(db: DB, scope: InsightScope, f: InsightFilters, all = pairFigures(db, f), names = orgNames(db)): Hosting {
  const mine = (p: PairFigures) => scope.kind === 'network' || p.hostOrgId === scope.orgId || p.guestOrgId === scope.orgId;
  const pairs = all
    .filter((p) => p.held > 0 && mine(p))
    .map((p) => ({
      guestOrgId: p.guestOrgId,
      guestOrg: names.get(p.guestOrgId) ?? '',
      hostOrgId: p.hostOrgId,
      hostOrg: names.get(p.hostOrgId) ?? '',
      dagdelen: p.held,
    }))
    .sort((x, y) => y.dagdelen - x.dagdelen || x.guestOrg.localeCompare(y.guestOrg) || x.hostOrg.localeCompare(y.hostOrg));
  const previous = db.$client
    .prepare(
      `select count(*) as dagdelen, count(distinct b.guest_org_id) as orgsAway from bookings b
       where ${bookingsWhere(f)} and b.status in ${HELD} and b.guest_org_id is not null`,
    )
    .get(params({ ...f, ...previousPeriod(f) })) as { dagdelen: number; orgsAway: number };
  return { pairs, ...hostingTotals(all), previous };
}

// ——— Occupancy ———

export type OccupancyCell = { weekday: number; daypart: 'morning' | 'afternoon'; booked: number; available: number };
export type LocationOccupancy = {
  locationId: number;
  location: string;
  town: string;
  hostOrg: string;
  booked: number;
  available: number;
  cells: OccupancyCell[];
};
export type Occupancy = {
  locations: LocationOccupancy[];
  alwaysFull: { location: string; weekday: number; daypart: 'morning' | 'afternoon'; booked: number; available: number }[];
  neverUsed: string[];
  demand: { emptySearches: number; refusedFull: number };
};

/** A cell counts as always full from this share of its places booked. */
export const FULL_FROM = 0.9;

/**
 * Booked vs available desk-dagdelen per location, weekday and dagdeel. Available: the capacity of
 * its active spaces on each open day of the period (its weekdays, minus holidays and closures:
 * the booking's own `closuresFor`). An org admin sees their own locations.
 */
export function occupancy(db: DB, scope: InsightScope, f: InsightFilters): Occupancy {
  const where = [
    'l.archived_at is null',
    f.locationId !== null ? 'l.id = @locationId' : '',
    f.town !== null ? 'lower(l.town) = lower(@town)' : '',
    scope.kind === 'org' ? 'l.org_id = @org' : '',
  ]
    .filter(Boolean)
    .join(' and ');
  const locs = db.$client
    .prepare(
      `select l.id as id, l.name as name, l.town as town, o.name as hostOrg, l.open_weekdays as openWeekdays,
              coalesce((select sum(s.capacity) from spaces s where s.location_id = l.id and s.active = 1), 0) as capacity
       from locations l join organisations o on o.id = l.org_id where ${where} order by l.town, l.name`,
    )
    .all({ ...params(f), org: scope.kind === 'org' ? scope.orgId : null }) as {
    id: number;
    name: string;
    town: string;
    hostOrg: string;
    openWeekdays: number;
    capacity: number;
  }[];
  const booked = db.$client
    .prepare(
      `select b.location_id as locationId, cast(strftime('%w', b.date) as integer) as wd, b.daypart as daypart, count(*) as n
       from bookings b where ${bookingsWhere(f)} and b.status in ('confirmed','no_show','pending')
       group by b.location_id, wd, b.daypart`,
    )
    .all(params(f)) as { locationId: number; wd: number; daypart: 'morning' | 'afternoon'; n: number }[];
  const bookedAt = new Map(booked.map((r) => [`${r.locationId}:${r.wd === 0 ? 7 : r.wd}:${r.daypart}`, r.n]));
  const dates: string[] = [];
  for (let d = f.from; d <= f.to; d = addDays(d, 1)) dates.push(d);
  const locations = locs.map((l) => {
    const closed = closuresFor(db, { id: NO_SPACE, locationId: l.id }, f.from, f.to);
    const openDays = new Map<number, number>();
    for (const d of dates) {
      const wd = isoWeekday(d);
      if ((l.openWeekdays & (1 << (wd - 1))) !== 0 && closed(d) === null) openDays.set(wd, (openDays.get(wd) ?? 0) + 1);
    }
    const cells: OccupancyCell[] = [];
    for (let wd = 1; wd <= 7; wd++) {
      if ((l.openWeekdays & (1 << (wd - 1))) === 0) continue;
      for (const daypart of ['morning', 'afternoon'] as const)
        cells.push({ weekday: wd, daypart, booked: bookedAt.get(`${l.id}:${wd}:${daypart}`) ?? 0, available: (openDays.get(wd) ?? 0) * l.capacity });
    }
    const sum = (k: 'booked' | 'available') => cells.reduce((a, c) => a + c[k], 0);
    return { locationId: l.id, location: l.name, town: l.town, hostOrg: l.hostOrg, booked: sum('booked'), available: sum('available'), cells };
  });
  const alwaysFull = locations.flatMap((l) =>
    l.cells
      .filter((c) => c.available > 0 && c.booked / c.available >= FULL_FROM)
      .map((c) => ({ location: l.location, weekday: c.weekday, daypart: c.daypart, booked: c.booked, available: c.available })),
  );
  const ids = locs.map((l) => l.id);
  return {
    locations,
    alwaysFull,
    neverUsed: locations.filter((l) => l.booked === 0 && l.available > 0).map((l) => l.location),
    demand: demand(db, scope, f, ids),
  };
}

/** Demand that found nothing: searches without a result (network-wide) and bookings refused as full (at the locations shown). */
function demand(db: DB, scope: InsightScope, f: InsightFilters, locationIds: number[]) {
  const empty =
    scope.kind === 'network' && f.locationId === null
      ? ((
          db.$client.prepare("select coalesce(sum(n), 0) as n from desk_demand where kind = 'search_empty' and day between @from and @to").get(params(f)) as {
            n: number;
          }
        ).n ?? 0)
      : 0;
  const refused = (
    db.$client
      .prepare(
        "select coalesce(sum(n), 0) as n from desk_demand where kind = 'refused_full' and day between @from and @to and location_id in (select value from json_each(@ids))",
      )
      .get({ ...params(f), ids: JSON.stringify(locationIds) }) as { n: number }
  ).n;
  return { emptySearches: empty, refusedFull: refused };
}

// ——— Reliability ———

export type ReliabilityRow = {
  orgId: number | null;
  org: string | null;
  role: 'host' | 'guest' | 'network';
  total: number;
  noShow: number;
  lateCancel: number;
  declined: number;
  expired: number;
};

/**
 * No-shows, late cancellations (on the day before or the day itself), declined and expired
 * requests, per host and per guest organisation, with the totals over the whole network. An org
 * admin gets their own organisation's two rows and the network row.
 */
export function reliability(db: DB, scope: InsightScope, f: InsightFilters, all = pairFigures(db, f), names = orgNames(db)): ReliabilityRow[] {
  const keys = ['total', 'noShow', 'lateCancel', 'declined', 'expired'] as const;
  type Sums = Record<(typeof keys)[number], number>;
  const add = (into: Map<number, Sums>, id: number, p: PairFigures) => {
    const sums = into.get(id) ?? { total: 0, noShow: 0, lateCancel: 0, declined: 0, expired: 0 };
    for (const k of keys) sums[k] += p[k];
    into.set(id, sums);
  };
  const hosts = new Map<number, Sums>();
  const guests = new Map<number, Sums>();
  const network = new Map<number, Sums>();
  for (const p of all) {
    add(hosts, p.hostOrgId, p);
    add(guests, p.guestOrgId, p);
    add(network, 0, p);
  }
  const by = (role: 'host' | 'guest') =>
    [...(role === 'host' ? hosts : guests)]
      .filter(([o]) => scope.kind === 'network' || o === scope.orgId)
      .map(([o, sums]) => ({ orgId: o, org: names.get(o) ?? '', role, ...sums }))
      .sort((x, y) => x.org.localeCompare(y.org, 'nl'));
  const total = network.get(0);
  return [...by('host'), ...by('guest'), ...(total ? [{ orgId: null, org: null, role: 'network' as const, ...total }] : [])];
}

const dayStartOn = new WeakSet<object>();
/** `day_start_ms(date)`: the instant 00:00 Amsterdam of a local date (daylight saving included), for SQL. */
function withDayStart(db: DB) {
  if (dayStartOn.has(db.$client)) return;
  const starts = new Map<string, number>();
  db.$client.function('day_start_ms', { deterministic: true }, (d) => {
    const date = String(d);
    let ms = starts.get(date);
    if (ms === undefined) starts.set(date, (ms = instantOf(date, '00:00').getTime()));
    return ms;
  });
  dayStartOn.add(db.$client);
}

// ——— Learning together ———

export type Learning = {
  held: number;
  cancelledTooFew: number;
  participants: { orgId: number; org: string; present: number }[];
  presentTotal: number;
  threeOrMoreOrgs: number;
  waitlistedNotIn: number;
  reflectionHours: number;
  previous: { held: number; presentTotal: number };
};

/**
 * Intervision in the period (by start): meetings held (scheduled and ended), cancelled for too few
 * sign-ups (the under-minimum warning went out and nobody confirmed), participants present per
 * organisation, meetings with participants from three or more organisations, people still on a
 * waiting list when the meeting began, and the hours of reflection attended. An org admin gets
 * their own organisation's participants and the network totals.
 */
export function learning(db: DB, scope: InsightScope, f: InsightFilters, now: Date): Learning {
  const range = (p: Period) => ({ start: instantOf(p.from, '00:00').getTime(), end: Math.min(instantOf(addDays(p.to, 1), '00:00').getTime(), now.getTime()) });
  const held = (p: Period) => {
    const r = range(p);
    return db.$client
      .prepare(
        `select count(*) as held,
                (select count(*) from registrations x join meetings y on y.id = x.meeting_id
                  where y.status = 'scheduled' and y.starts_at >= @start and y.ends_at <= @end and x.presence = 'present') as presentTotal
         from meetings m where m.status = 'scheduled' and m.starts_at >= @start and m.ends_at <= @end`,
      )
      .get(r) as { held: number; presentTotal: number };
  };
  const r = range(f);
  const heldNow = held(f);
  const one = (sql: string) => (db.$client.prepare(sql).get(r) as { n: number | null }).n ?? 0;
  const inPeriod = `m.status = 'scheduled' and m.starts_at >= @start and m.ends_at <= @end`;
  return {
    ...heldNow,
    cancelledTooFew: one(
      `select count(*) as n from meetings m where m.status = 'cancelled' and m.starts_at >= @start and m.starts_at < @end
       and m.min_warning_sent_at is not null and m.min_confirmed_at is null`,
    ),
    participants: db.$client
      .prepare(
        `select r.org_id as orgId, o.name as org, count(*) as present from registrations r join meetings m on m.id = r.meeting_id
         join organisations o on o.id = r.org_id where ${inPeriod} and r.presence = 'present' ${scope.kind === 'org' ? 'and r.org_id = @org' : ''}
         group by r.org_id order by present desc, o.name`,
      )
      .all({ ...r, org: scope.kind === 'org' ? scope.orgId : null }) as Learning['participants'],
    threeOrMoreOrgs: one(
      `select count(*) as n from (select m.id from meetings m join registrations r on r.meeting_id = m.id
       where ${inPeriod} and r.presence = 'present' group by m.id having count(distinct r.org_id) >= 3)`,
    ),
    waitlistedNotIn: one(`select count(*) as n from registrations r join meetings m on m.id = r.meeting_id where ${inPeriod} and r.status = 'waitlisted'`),
    reflectionHours:
      Math.round(
        (one(
          `select sum(coalesce(r.minutes_present, (m.ends_at - m.starts_at) / 60000)) as n from registrations r join meetings m on m.id = r.meeting_id
           where ${inPeriod} and r.presence = 'present' ${scope.kind === 'org' ? `and r.org_id = ${Number(scope.orgId)}` : ''}`,
        ) /
          60) *
          10,
      ) / 10,
    previous: held(previousPeriod(f)),
  };
}

// ——— Trend ———

export type TrendMonth = { month: string; dagdelen: number; noShow: number; meetings: number; present: number };

/** Monthly figures for the twelve months up to the period's end (for an org admin: their own organisation as host or guest, and its participants). */
export function trend(db: DB, scope: InsightScope, f: InsightFilters): TrendMonth[] {
  const lastMonth = f.to.slice(0, 7);
  const first = addMonths(`${lastMonth}-01`, -11);
  const end = addDays(addMonths(`${lastMonth}-01`, 1), -1);
  const own = scope.kind === 'org' ? 'and (b.org_id = @org or b.guest_org_id = @org)' : '';
  const desks = db.$client
    .prepare(
      `select substr(b.date, 1, 7) as month, sum(b.status in ${HELD}) as dagdelen, sum(b.status = 'no_show') as noShow
       from bookings b where ${bookingsWhere({ ...f, from: first, to: end })} and b.guest_org_id is not null ${own} group by month`,
    )
    .all({ ...params({ ...f, from: first, to: end }), org: scope.kind === 'org' ? scope.orgId : null }) as {
    month: string;
    dagdelen: number;
    noShow: number;
  }[];
  const meetingsByMonth = db.$client
    .prepare(
      `select month_of(m.starts_at) as month, count(distinct m.id) as meetings,
              sum(r.presence = 'present' ${scope.kind === 'org' ? 'and r.org_id = @org' : ''}) as present
       from meetings m left join registrations r on r.meeting_id = m.id
       where m.status = 'scheduled' and m.starts_at >= @start and m.starts_at < @end group by month`,
    )
    .all({
      start: instantOf(first, '00:00').getTime(),
      end: instantOf(addDays(end, 1), '00:00').getTime(),
      org: scope.kind === 'org' ? scope.orgId : null,
    }) as { month: string; meetings: number; present: number | null }[];
  const out: TrendMonth[] = [];
  for (let m = first; m <= end; m = addMonths(m, 1)) {
    const key = m.slice(0, 7);
    const d = desks.find((x) => x.month === key);
    const i = meetingsByMonth.find((x) => x.month === key);
    out.push({ month: key, dagdelen: d?.dagdelen ?? 0, noShow: d?.noShow ?? 0, meetings: i?.meetings ?? 0, present: i?.present ?? 0 });
  }
  return out;
}

const monthOn = new WeakSet<object>();
/** `month_of(ms)`: the Amsterdam month (YYYY-MM) of an instant, for SQL. */
export function withInsightFunctions(db: DB): DB {
  withDayStart(db);
  if (!monthOn.has(db.$client)) {
    db.$client.function('month_of', { deterministic: true }, (ms) => localToday(new Date(Number(ms))).slice(0, 7));
    monthOn.add(db.$client);
  }
  return db;
}

export type Insight = {
  scope: InsightScope;
  filters: InsightFilters;
  previous: Period;
  hosting: Hosting;
  occupancy: Occupancy;
  reliability: ReliabilityRow[];
  learning: Learning;
  trend: TrendMonth[];
};

/** Every section for the filters, read in one transaction so the figures agree with each other. */
export function insight(db: DB, scope: InsightScope, f: InsightFilters, now: Date): Insight {
  withInsightFunctions(db);
  return db.$client.transaction(() => {
    const pairs = pairFigures(db, f);
    const names = orgNames(db);
    return {
      scope,
      filters: f,
      previous: previousPeriod(f),
      hosting: hosting(db, scope, f, pairs, names),
      occupancy: occupancy(db, scope, f),
      reliability: reliability(db, scope, f, pairs, names),
      learning: learning(db, scope, f, now),
      trend: trend(db, scope, f),
    };
  })();
}

/** The towns and locations the filter form offers: the whole network's open locations, or the organisation's own. */
export function insightOptions(db: DB, scope: InsightScope): { towns: string[]; locations: { id: number; name: string; town: string }[] } {
  const locations = db.$client
    .prepare(`select id, name, town from locations where archived_at is null ${scope.kind === 'org' ? 'and org_id = @org' : ''} order by town, name`)
    .all({ org: scope.kind === 'org' ? scope.orgId : null }) as { id: number; name: string; town: string }[];
  return { towns: [...new Set(locations.map((l) => l.town))], locations };
}
