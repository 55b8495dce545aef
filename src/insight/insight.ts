import { addDays, addMonths, instantOf, isoWeekday, localDateOf } from '../lib/time';
import type { DB } from '../db';
import { holidayClosure } from '../desks/holidays';

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
 * Every pair of the period read from the bookings, grouped by host and guest organisation: for a
 * location or town filter (the rollups are per organisation) and for the CSV, which lists every
 * pair. A late cancellation is one made on the day before or the day itself; `day_start_ms` is
 * only called for cancelled rows (CASE is evaluated lazily). `org`: only that organisation's pairs.
 */
function pairFigures(db: DB, f: InsightFilters, org?: number): PairFigures[] {
  withDayStart(db);
  return db.$client
    .prepare(
      `select b.org_id as hostOrgId, b.guest_org_id as guestOrgId, count(*) as total,
              sum(b.status in ${HELD}) as held, sum(b.status = 'no_show') as noShow,
              sum(case when b.status = 'cancelled' then b.updated_at >= day_start_ms(b.date) - 86400000 else 0 end) as lateCancel,
              sum(b.status = 'declined') as declined, sum(b.status = 'expired') as expired
       from bookings b where ${bookingsWhere(f)} and b.guest_org_id is not null ${org === undefined ? '' : 'and (b.org_id = @org or b.guest_org_id = @org)'}
       group by b.org_id, b.guest_org_id`,
    )
    .all({ ...params(f), org: org ?? null }) as PairFigures[];
}

function orgNames(db: DB): Map<number, string> {
  return new Map((db.$client.prepare('select id, name from organisations').all() as { id: number; name: string }[]).map((o) => [o.id, o.name]));
}

export type HostingPair = { guestOrgId: number; guestOrg: string; hostOrgId: number; hostOrg: string; dagdelen: number };
/** The matrix of the page: the organisations with the most dagdelen on each side (of the pairs shown to the scope), and their pairs' dagdelen. */
export type HostingMatrix = { guests: string[]; hosts: string[]; guestIds: number[]; hostIds: number[]; dagdelen: number[][]; max: number };
export type Hosting = {
  /** The pairs, largest first; only the first `limit` when the page asks for fewer (the CSV has them all). */
  pairs: HostingPair[];
  matrix: HostingMatrix;
  dagdelen: number;
  orgsAway: number;
  previous: { dagdelen: number; orgsAway: number };
};

/** Organisations per side of the matrix. */
export const MATRIX_SIZE = 8;

const byPairOrder = (x: HostingPair, y: HostingPair) => y.dagdelen - x.dagdelen || x.guestOrg.localeCompare(y.guestOrg) || x.hostOrg.localeCompare(y.hostOrg);

/** The largest sums per side (ties by name), from per-organisation sums of held dagdelen. */
function topOrgs(sums: Map<number, number>, names: Map<number, string>): number[] {
  return [...sums]
    .filter(([, n]) => n > 0)
    .map(([id, n]) => ({ id, n, name: names.get(id) ?? '' }))
    .sort((a, b) => b.n - a.n || a.name.localeCompare(b.name))
    .slice(0, MATRIX_SIZE)
    .map((o) => o.id);
}

function matrixOf(guests: number[], hosts: number[], pair: (h: number, g: number) => number, max: number, names: Map<number, string>): HostingMatrix {
  return {
    guests: guests.map((g) => names.get(g) ?? ''),
    hosts: hosts.map((h) => names.get(h) ?? ''),
    guestIds: guests,
    hostIds: hosts,
    dagdelen: guests.map((g) => hosts.map((h) => pair(h, g))),
    max,
  };
}

/** Hosting from every pair (the filtered and the CSV case). */
function hostingFromPairs(scope: InsightScope, all: PairFigures[], names: Map<number, string>, previous: Hosting['previous']): Hosting {
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
    .sort(byPairOrder);
  const bySide = (key: 'guestOrgId' | 'hostOrgId') => {
    const sums = new Map<number, number>();
    for (const x of pairs) sums.set(x[key], (sums.get(x[key]) ?? 0) + x.dagdelen);
    return sums;
  };
  const count = new Map(pairs.map((x) => [`${x.hostOrgId}:${x.guestOrgId}`, x.dagdelen]));
  const matrix = matrixOf(
    topOrgs(bySide('guestOrgId'), names),
    topOrgs(bySide('hostOrgId'), names),
    (h, g) => count.get(`${h}:${g}`) ?? 0,
    pairs[0]?.dagdelen ?? 0,
    names,
  );
  const held = all.filter((p) => p.held > 0);
  return { pairs, matrix, dagdelen: held.reduce((a, p) => a + p.held, 0), orgsAway: new Set(held.map((p) => p.guestOrgId)).size, previous };
}

/** An organisation's bookings on one side (host or guest) in a period, from the daily rollups. */
type SideSums = { id: number; total: number; held: number; noShow: number; declined: number; expired: number };
/** Side sums already read while reading one page (`insight()`): hosting and reliability need the same. Lives for one call, never across requests. */
type Reading = Map<string, SideSums[]>;

function sideSums(db: DB, side: 'host' | 'guest', p: Period, reading?: Reading): SideSums[] {
  const key = `${side}:${p.from}:${p.to}`;
  let rows = reading?.get(key);
  if (!rows) {
    rows = db.$client
      .prepare(
        `select ${side}_org_id as id, sum(total) as total, sum(held) as held, sum(no_show) as noShow, sum(declined) as declined, sum(expired) as expired
         from insight_${side}_days where day between @from and @to group by ${side}_org_id`,
      )
      .all({ from: p.from, to: p.to }) as SideSums[];
    reading?.set(key, rows);
  }
  return rows;
}

/** Held dagdelen and organisations away in a period, from the rollup (no location filter) or the bookings. */
function hostingTotals(db: DB, f: InsightFilters, reading?: Reading): { dagdelen: number; orgsAway: number } {
  if (!filtered(f)) {
    const away = sideSums(db, 'guest', f, reading).filter((r) => r.held > 0);
    return { dagdelen: away.reduce((a, r) => a + r.held, 0), orgsAway: away.length };
  }
  return db.$client
    .prepare(
      `select count(*) as dagdelen, count(distinct b.guest_org_id) as orgsAway from bookings b
       where ${bookingsWhere(f)} and b.status in ${HELD} and b.guest_org_id is not null`,
    )
    .get(params(f)) as { dagdelen: number; orgsAway: number };
}

/**
 * Desk-dagdelen used (confirmed or no-show: the desk was held) by guest organisation × host
 * organisation. An org admin gets the pairs their organisation is part of, and the network totals.
 * `limit`: how many of the largest pairs are needed (the page); without it every pair (the CSV).
 */
export function hosting(db: DB, scope: InsightScope, f: InsightFilters, limit?: number, names = orgNames(db), reading?: Reading): Hosting {
  const previous = hostingTotals(db, { ...f, ...previousPeriod(f) }, reading);
  if (filtered(f) || limit === undefined) return hostingFromPairs(scope, pairFigures(db, f), names, previous);
  if (scope.kind === 'org') return { ...hostingFromPairs(scope, pairFigures(db, f, scope.orgId), names, previous), ...hostingTotals(db, f, reading) };
  // The whole network without a location filter: the largest pairs from the monthly bound, the
  // matrix from per-organisation sums, the totals from the daily rollup.
  const sums = (side: 'host' | 'guest') => new Map(sideSums(db, side, f, reading).map((r) => [r.id, r.held]));
  const guests = topOrgs(sums('guest'), names);
  const hosts = topOrgs(sums('host'), names);
  // The matrix's cells are counted exactly with the candidate pairs, in the same pass.
  const { pairs, counts: cells } = largestPairs(
    db,
    f,
    limit,
    names,
    guests.flatMap((g) => hosts.map((h): [number, number] => [h, g])),
  );
  return {
    pairs,
    matrix: matrixOf(guests, hosts, (h, g) => cells.get(`${h}:${g}`) ?? 0, pairs[0]?.dagdelen ?? 0, names),
    ...hostingTotals(db, f, reading),
    previous,
  };
}

/** A location or town filter: the rollups (per organisation) cannot answer, the bookings can. */
const filtered = (f: InsightFilters) => f.locationId !== null || f.town !== null;

/** The months (YYYY-MM) a period touches, and for each the days of it inside the period. */
function monthsOf(f: Period): { month: string; from: string; to: string; whole: boolean }[] {
  const out: { month: string; from: string; to: string; whole: boolean }[] = [];
  for (let m = `${f.from.slice(0, 7)}-01`; m <= f.to; m = addMonths(m, 1)) {
    const last = addDays(addMonths(m, 1), -1);
    const from = m < f.from ? f.from : m;
    // biome-ignore lint/complexity/useMathMinMax: ISO dates are strings, not numbers.
    const to = last > f.to ? f.to : last;
    out.push({ month: m.slice(0, 7), from, to, whole: from === m && to === last });
  }
  return out;
}

/**
 * A period as whole months and days to add or subtract: a partly covered month is its days in the
 * period or, when those are the larger part, the whole month less the days outside (so at most
 * about half a month of days is read per end of the period).
 */
function monthParts(f: Period): { months: string[]; days: { from: string; to: string; sign: 1 | -1 }[] } {
  const months: string[] = [];
  const days: { from: string; to: string; sign: 1 | -1 }[] = [];
  for (const m of monthsOf(f)) {
    const first = `${m.month}-01`;
    const last = addDays(addMonths(first, 1), -1);
    const inside = dayCount(m.from, m.to);
    if (m.whole || inside > dayCount(first, last) - inside) {
      months.push(m.month);
      if (m.from > first) days.push({ from: first, to: addDays(m.from, -1), sign: -1 });
      if (m.to < last) days.push({ from: addDays(m.to, 1), to: last, sign: -1 });
    } else days.push({ from: m.from, to: m.to, sign: 1 });
  }
  return { months, days };
}

/** Days from `from` to `to`, both included. */
const dayCount = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1;

/** Held dagdelen of the given host × guest pairs (JSON) in the given months, from `insight_pair_months`. */
function monthsHeld(db: DB, keys: string, months: string[]): { h: number; g: number; n: number }[] {
  if (months.length === 0) return [];
  return db.$client
    .prepare(
      `select p.host_org_id as h, p.guest_org_id as g, sum(p.held) as n
       from json_each(@keys) k cross join json_each(@months) m
       cross join insight_pair_months p on p.month = m.value and p.host_org_id = k.value ->> 0 and p.guest_org_id = k.value ->> 1
       group by p.host_org_id, p.guest_org_id`,
    )
    .all({ keys, months: JSON.stringify(months) }) as { h: number; g: number; n: number }[];
}

/**
 * Exact held dagdelen of the given host × guest pairs in the period: whole months from
 * `insight_pair_months`, the days of a partly covered month (or the days outside it, subtracted
 * from the whole month) from the bookings.
 */
function exactHeld(db: DB, f: Period, pairs: [number, number][]): Map<string, number> {
  const out = new Map<string, number>();
  if (pairs.length === 0) return out;
  const { months, days } = monthParts(f);
  const keys = JSON.stringify(pairs);
  const add = (rows: { h: number; g: number; n: number }[], sign = 1) => {
    for (const r of rows) out.set(`${r.h}:${r.g}`, (out.get(`${r.h}:${r.g}`) ?? 0) + sign * r.n);
  };
  add(monthsHeld(db, keys, months));
  const byDay = db.$client.prepare(
    `select b.org_id as h, b.guest_org_id as g, count(*) as n from bookings b indexed by bookings_insight_idx
     where b.date between @from and @to and b.status in ${HELD}
       and (b.org_id, b.guest_org_id) in (select value ->> 0, value ->> 1 from json_each(@keys))
     group by b.org_id, b.guest_org_id`,
  );
  for (const d of days) add(byDay.all({ from: d.from, to: d.to, keys }) as { h: number; g: number; n: number }[], d.sign);
  return out;
}

/**
 * The `limit` largest host × guest pairs of the period (by held dagdelen, then names), without
 * adding up all of them (a national network has ~60,000 pairs a quarter). A pair's dagdelen in the
 * period are at most the sum over the months it touches of its month figures. Take the largest
 * pairs of each month; the `limit`-th largest of their figures for the months wholly inside the
 * period (or, without enough of those, of their exact dagdelen), T, is a lower bound of the
 * `limit`-th largest pair. A pair whose month figures are all below ⌈T / months⌉ adds up to
 * less than T, so only pairs with a month of at least ⌈T / months⌉ can be among the largest:
 * count those exactly and sort. `also`: more pairs to count exactly in the same pass (the matrix).
 */
function largestPairs(
  db: DB,
  f: Period,
  limit: number,
  names: Map<number, string>,
  also: [number, number][],
): { pairs: HostingPair[]; counts: Map<string, number> } {
  const months = monthsOf(f).map((m) => m.month);
  const named = (counts: Map<string, number>) =>
    [...counts]
      .filter(([, n]) => n > 0)
      .map(([key, n]) => {
        const [h, g] = key.split(':').map(Number) as [number, number];
        return { guestOrgId: g, guestOrg: names.get(g) ?? '', hostOrgId: h, hostOrg: names.get(h) ?? '', dagdelen: n };
      })
      .sort(byPairOrder);
  const monthTop = db.$client.prepare(
    'select host_org_id as h, guest_org_id as g from insight_pair_months where month = @month and held > 0 order by held desc limit @limit',
  );
  const seeds = new Map<string, [number, number]>();
  for (const month of months) for (const r of monthTop.all({ month, limit }) as { h: number; g: number }[]) seeds.set(`${r.h}:${r.g}`, [r.h, r.g]);
  // T from the seeds' months wholly inside the period (a lower bound of their dagdelen, counts are
  // never negative; no bookings read); when fewer than `limit` of them have any, from the seeds
  // counted exactly; fewer than `limit` pairs with dagdelen among those: a bound of 1 takes every pair.
  const whole = monthsHeld(
    db,
    JSON.stringify([...seeds.values()]),
    monthsOf(f)
      .filter((m) => m.whole)
      .map((m) => m.month),
  )
    .map((r) => r.n)
    .filter((n) => n > 0)
    .sort((a, b) => b - a);
  const seeded = whole.length >= limit ? whole : named(exactHeld(db, f, [...seeds.values()])).map((p) => p.dagdelen);
  const bound = seeded.length >= limit ? seeded[limit - 1]! : 1;
  const least = Math.ceil(bound / months.length);
  const candidates = db.$client
    .prepare(
      'select distinct host_org_id as h, guest_org_id as g from insight_pair_months where month in (select value from json_each(@months)) and held >= @least',
    )
    .all({ months: JSON.stringify(months), least }) as { h: number; g: number }[];
  for (const r of candidates) seeds.set(`${r.h}:${r.g}`, [r.h, r.g]);
  for (const [h, g] of also) seeds.set(`${h}:${g}`, [h, g]);
  const counts = exactHeld(db, f, [...seeds.values()]);
  return { pairs: named(counts).slice(0, limit), counts };
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
  alwaysFull: { locationId: number; location: string; weekday: number; daypart: 'morning' | 'afternoon'; booked: number; available: number }[];
  neverUsed: string[];
  demand: { emptySearches: number; refusedFull: number };
};

/** A cell counts as always full from this share of its places booked. */
export const FULL_FROM = 0.9;

/**
 * Booked vs available desk-dagdelen per location, weekday and dagdeel. Available: the capacity of
 * its active spaces on each open day of the period (its weekdays, minus holidays and closures:
 * the booking's own `closuresFor`) from the day the space, or its location, was made; a location
 * made after the period is not listed. Whether a space was active is known only as it is now (no
 * history is kept): one switched off counts for none of the period, as an archived location. An
 * org admin sees their own locations.
 */
export function occupancy(db: DB, scope: InsightScope, f: InsightFilters): Occupancy {
  // Made before the period's last day ended (Amsterdam).
  const until = instantOf(addDays(f.to, 1), '00:00').getTime();
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
      `select l.id as id, l.name as name, l.town as town, o.name as hostOrg, l.open_weekdays as openWeekdays, l.org_id as orgId,
              l.closed_holidays as locationSet, o.closed_holidays as orgSet
       from locations l join organisations o on o.id = l.org_id where ${where} and l.created_at < @until order by l.town, l.name`,
    )
    .all({ ...params(f), until, org: scope.kind === 'org' ? scope.orgId : null }) as {
    id: number;
    name: string;
    town: string;
    hostOrg: string;
    openWeekdays: number;
    orgId: number;
    locationSet: string | null;
    orgSet: string | null;
  }[];
  // A place counts from the day it (or its location) was made: the capacity of the active spaces of
  // each location by that day, so a location made today adds nothing to a period that ended yesterday.
  const capacities = new Map<number, { since: string; capacity: number }[]>();
  for (const r of db.$client
    .prepare(
      `select s.location_id as id, max(s.created_at, l.created_at) as since, sum(s.capacity) as capacity
       from spaces s join locations l on l.id = s.location_id join organisations o on o.id = l.org_id
       where s.active = 1 and ${where} and l.created_at < @until group by s.location_id, since`,
    )
    .all({ ...params(f), until, org: scope.kind === 'org' ? scope.orgId : null }) as { id: number; since: number; capacity: number }[]) {
    const since = localDateOf(new Date(r.since));
    const list = capacities.get(r.id) ?? [];
    // biome-ignore lint/complexity/useMathMinMax: ISO dates are strings, not numbers.
    list.push({ since: since > f.from ? since : f.from, capacity: r.capacity });
    capacities.set(r.id, list);
  }
  const bookedAt = takenAt(db, scope, f);
  const dates = [] as { date: string; wd: number }[];
  for (let d = f.from; d <= f.to; d = addDays(d, 1)) dates.push({ date: d, wd: isoWeekday(d) });
  // The closures of the period in one read (as `closuresFor` sees them for a location as a whole:
  // its own without a space, its organisation's, the network's); open days per weekday are the same
  // for locations with the same weekdays, holiday choices and closures.
  const closures = db.$client
    .prepare(
      `select scope, location_id as locationId, org_id as orgId, start_date as start, end_date as end from closures
       where start_date <= @to and end_date >= @from and ((scope = 'location' and space_id is null) or scope in ('org', 'network'))`,
    )
    .all(params(f)) as { scope: string; locationId: number | null; orgId: number | null; start: string; end: string }[];
  const openDaysOf = new Map<string, Map<number, number>>();
  const locations = locs.map((l) => {
    const own = closures.filter((c) => c.scope === 'network' || (c.scope === 'org' ? c.orgId === l.orgId : c.locationId === l.id));
    const openDaysFrom = (since: string) => {
      const key = JSON.stringify([since, l.openWeekdays, l.locationSet, l.orgSet, own.map((c) => [c.start, c.end])]);
      let openDays = openDaysOf.get(key);
      if (!openDays) {
        openDays = new Map<number, number>();
        for (const { date: d, wd } of dates) {
          if (d < since || (l.openWeekdays & (1 << (wd - 1))) === 0) continue;
          if (own.some((c) => c.start <= d && d <= c.end) || holidayClosure(d, l.locationSet, l.orgSet) !== null) continue;
          openDays.set(wd, (openDays.get(wd) ?? 0) + 1);
        }
        openDaysOf.set(key, openDays);
      }
      return openDays;
    };
    const places = (capacities.get(l.id) ?? []).map((c) => ({ capacity: c.capacity, openDays: openDaysFrom(c.since) }));
    const cells: OccupancyCell[] = [];
    for (let wd = 1; wd <= 7; wd++) {
      if ((l.openWeekdays & (1 << (wd - 1))) === 0) continue;
      const available = places.reduce((a, p) => a + (p.openDays.get(wd) ?? 0) * p.capacity, 0);
      for (const daypart of ['morning', 'afternoon'] as const)
        cells.push({ weekday: wd, daypart, booked: bookedAt.get(`${l.id}:${wd}:${daypart}`) ?? 0, available });
    }
    const sum = (k: 'booked' | 'available') => cells.reduce((a, c) => a + c[k], 0);
    return { locationId: l.id, location: l.name, town: l.town, hostOrg: l.hostOrg, booked: sum('booked'), available: sum('available'), cells };
  });
  const alwaysFull = locations.flatMap((l) =>
    l.cells
      .filter((c) => c.available > 0 && c.booked / c.available >= FULL_FROM)
      .map((c) => ({ locationId: l.locationId, location: l.location, weekday: c.weekday, daypart: c.daypart, booked: c.booked, available: c.available })),
  );
  const ids = locs.map((l) => l.id);
  return {
    locations,
    alwaysFull,
    neverUsed: locations.filter((l) => l.booked === 0 && l.available > 0).map((l) => l.location),
    demand: demand(db, scope, f, ids),
  };
}

/**
 * Desk-dagdelen taken (confirmed, no-show, pending) in the period per `location:weekday:daypart`,
 * from the occupancy rollups (kept by triggers on bookings, migration 0019) instead of grouping the
 * period's bookings: whole months from `insight_location_months`, the days of a partly covered
 * month (or the days outside it, subtracted) from `insight_location_days` (`monthParts`). Per
 * location, so exact for any location, town or organisation.
 */
function takenAt(db: DB, scope: InsightScope, f: InsightFilters): Map<string, number> {
  const at = [
    f.locationId !== null ? 'and x.location_id = @locationId' : '',
    f.town !== null ? 'and x.location_id in (select id from locations where lower(town) = lower(@town))' : '',
    scope.kind === 'org' ? 'and x.location_id in (select id from locations where org_id = @org)' : '',
  ].join(' ');
  const p = { ...params(f), org: scope.kind === 'org' ? scope.orgId : null };
  const { months, days } = monthParts(f);
  type Row = { l: number; wd: number; morning: number; afternoon: number };
  const out = new Map<string, number>();
  const add = (rows: Row[], sign: number) => {
    for (const r of rows)
      for (const [daypart, n] of [
        ['morning', r.morning],
        ['afternoon', r.afternoon],
      ] as const) {
        const key = `${r.l}:${r.wd === 0 ? 7 : r.wd}:${daypart}`;
        out.set(key, (out.get(key) ?? 0) + sign * n);
      }
  };
  if (months.length > 0)
    add(
      db.$client
        .prepare(
          `select x.location_id as l, x.weekday as wd, sum(x.morning) as morning, sum(x.afternoon) as afternoon from insight_location_months x
           where x.month in (select value from json_each(@months)) ${at} group by x.location_id, x.weekday`,
        )
        .all({ ...p, months: JSON.stringify(months) }) as Row[],
      1,
    );
  const byDay = db.$client.prepare(
    `select x.location_id as l, cast(strftime('%w', x.day) as integer) as wd, sum(x.morning) as morning, sum(x.afternoon) as afternoon
     from insight_location_days x where x.day between @from and @to ${at} group by x.location_id, wd`,
  );
  for (const d of days) add(byDay.all({ ...p, from: d.from, to: d.to }) as Row[], d.sign);
  return out;
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
export function reliability(db: DB, scope: InsightScope, f: InsightFilters, names = orgNames(db), reading?: Reading): ReliabilityRow[] {
  const keys = ['total', 'noShow', 'lateCancel', 'declined', 'expired'] as const;
  type Sums = Record<(typeof keys)[number], number>;
  const hosts = new Map<number, Sums>();
  const guests = new Map<number, Sums>();
  const network = new Map<number, Sums>();
  const add = (into: Map<number, Sums>, id: number, p: Partial<Sums>) => {
    const sums = into.get(id) ?? { total: 0, noShow: 0, lateCancel: 0, declined: 0, expired: 0 };
    for (const k of keys) sums[k] += p[k] ?? 0;
    into.set(id, sums);
  };
  if (filtered(f)) {
    for (const p of pairFigures(db, f)) {
      add(hosts, p.hostOrgId, p);
      add(guests, p.guestOrgId, p);
      add(network, 0, p);
    }
  } else {
    // Per organisation from the daily rollups; late cancellations (a time-zone question) from the period's cancellations.
    const side = (s: 'host' | 'guest', into: Map<number, Sums>) => {
      for (const { id, total, noShow, declined, expired } of sideSums(db, s, f, reading)) if (total > 0) add(into, id, { total, noShow, declined, expired });
    };
    side('host', hosts);
    side('guest', guests);
    for (const sums of hosts.values()) add(network, 0, sums);
    // A cancellation is late from 00:00 Amsterdam on the day before: that instant per day of the
    // period, computed here once, instead of a time-zone function called for every cancelled row.
    const days: [string, number][] = [];
    for (let d = f.from; d <= f.to; d = addDays(d, 1)) days.push([d, instantOf(d, '00:00').getTime() - 86_400_000]);
    const late = (s: 'org_id' | 'guest_org_id') =>
      db.$client
        .prepare(
          `select b.${s} as id, count(*) as n from json_each(@days) d cross join bookings b indexed by bookings_cancelled_idx
           where b.status = 'cancelled' and b.date = d.value ->> 0 and b.guest_org_id is not null and b.updated_at >= d.value ->> 1
           group by b.${s}`,
        )
        .all({ days: JSON.stringify(days) }) as { id: number; n: number }[];
    for (const r of late('org_id')) {
      add(hosts, r.id, { lateCancel: r.n });
      add(network, 0, { lateCancel: r.n });
    }
    for (const r of late('guest_org_id')) add(guests, r.id, { lateCancel: r.n });
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
  const org = scope.kind === 'org' ? scope.orgId : null;
  type Desks = { month: string; dagdelen: number; noShow: number };
  let desks: Desks[];
  if (filtered(f)) {
    const own = scope.kind === 'org' ? 'and (b.org_id = @org or b.guest_org_id = @org)' : '';
    desks = db.$client
      .prepare(
        `select substr(b.date, 1, 7) as month, sum(b.status in ${HELD}) as dagdelen, sum(b.status = 'no_show') as noShow
         from bookings b where ${bookingsWhere({ ...f, from: first, to: end })} and b.guest_org_id is not null ${own} group by month`,
      )
      .all({ ...params({ ...f, from: first, to: end }), org }) as Desks[];
  } else if (org === null) {
    desks = db.$client
      .prepare(
        `select substr(day, 1, 7) as month, sum(held) as dagdelen, sum(no_show) as noShow
         from insight_host_days where day between @from and @to group by month`,
      )
      .all({ from: first, to: end }) as Desks[];
  } else {
    // As host or as guest, once: a booking of the organisation at its own place is in both.
    desks = db.$client
      .prepare(
        `select month, sum(dagdelen) as dagdelen, sum(noShow) as noShow from (
           select substr(day, 1, 7) as month, held - self_held as dagdelen, no_show - self_no_show as noShow
             from insight_host_days where host_org_id = @org and day between @from and @to
           union all
           select substr(day, 1, 7), held, no_show from insight_guest_days where guest_org_id = @org and day between @from and @to)
         group by month`,
      )
      .all({ from: first, to: end, org }) as Desks[];
  }
  // Meetings by Amsterdam month: each month's bounds as instants, computed here, so SQL compares
  // numbers through the index instead of calling a time-zone function for every meeting.
  const bounds: [string, number, number][] = [];
  for (let m = first; m <= end; m = addMonths(m, 1))
    bounds.push([m.slice(0, 7), instantOf(m, '00:00').getTime(), instantOf(addMonths(m, 1), '00:00').getTime()]);
  const meetingsByMonth = db.$client
    .prepare(
      `select k.value ->> 0 as month, count(distinct m.id) as meetings,
              sum(r.presence = 'present' ${scope.kind === 'org' ? 'and r.org_id = @org' : ''}) as present
       from json_each(@bounds) k cross join meetings m left join registrations r on r.meeting_id = m.id
       where m.status = 'scheduled' and m.starts_at >= k.value ->> 1 and m.starts_at < k.value ->> 2 group by k.key`,
    )
    .all({ bounds: JSON.stringify(bounds), org: scope.kind === 'org' ? scope.orgId : null }) as { month: string; meetings: number; present: number | null }[];
  const out: TrendMonth[] = [];
  for (let m = first; m <= end; m = addMonths(m, 1)) {
    const key = m.slice(0, 7);
    const d = desks.find((x) => x.month === key);
    const i = meetingsByMonth.find((x) => x.month === key);
    out.push({ month: key, dagdelen: d?.dagdelen ?? 0, noShow: d?.noShow ?? 0, meetings: i?.meetings ?? 0, present: i?.present ?? 0 });
  }
  return out;
}

/** The SQL functions Inzicht's queries use (`day_start_ms`). */
export function withInsightFunctions(db: DB): DB {
  withDayStart(db);
  return db;
}

export type Insight = {
  scope: InsightScope;
  filters: InsightFilters;
  previous: Period;
  hosting: Hosting;
  /** Whether `hosting.pairs` holds every pair of the scope (the CSV, a filter, an org admin), so they add up to the totals. */
  pairsComplete: boolean;
  occupancy: Occupancy;
  reliability: ReliabilityRow[];
  learning: Learning;
  trend: TrendMonth[];
};

/**
 * Every section for the filters, read in one transaction so the figures agree with each other.
 * `pairs`: how many of the largest host × guest pairs are needed (the page shows the first rows);
 * without it every pair (the CSV).
 */
export function insight(db: DB, scope: InsightScope, f: InsightFilters, now: Date, pairs?: number): Insight {
  withInsightFunctions(db);
  return db.$client.transaction(() => {
    const names = orgNames(db);
    const reading: Reading = new Map();
    return {
      scope,
      filters: f,
      previous: previousPeriod(f),
      hosting: hosting(db, scope, f, pairs, names, reading),
      pairsComplete: pairs === undefined || filtered(f) || scope.kind === 'org',
      occupancy: occupancy(db, scope, f),
      reliability: reliability(db, scope, f, names, reading),
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
