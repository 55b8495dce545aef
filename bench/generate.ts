import type Database from 'better-sqlite3';
import { openDatabase } from '../src/db';
import { hashPassword } from '../src/auth/password';
import { jobs } from '../src/jobs/registry';
import { addDays, isoWeekday } from '../src/lib/time';

/** Sizes of a generated data set; the full set is the "national scale". */
export type Scale = {
  orgs: number;
  locations: number;
  spaces: number;
  users: number;
  bookings: number;
  /** Intervision meetings, from 8 weeks ago to 16 weeks ahead, with sign-ups and waiting lists. */
  meetings: number;
  /** Users of the big partner organisation that get no generated bookings: the bench logs in as them. */
  reservedUsers: number;
};

export const FULL: Scale = { orgs: 300, locations: 1000, spaces: 2500, users: 50_000, bookings: 2_000_000, meetings: 1_200, reservedUsers: 300 };

export function scaled(s: Scale, divisor: number): Scale {
  return {
    orgs: Math.round(s.orgs / divisor),
    locations: Math.round(s.locations / divisor),
    spaces: Math.round(s.spaces / divisor),
    users: Math.round(s.users / divisor),
    bookings: Math.round(s.bookings / divisor),
    meetings: Math.round(s.meetings / divisor),
    reservedUsers: s.reservedUsers,
  };
}

export const BENCH_PASSWORD = 'bench-wachtwoord-2026';

/** ~40 towns; the first few carry most locations, as the Randstad does. */
export const TOWNS: [string, number][] = [
  ['Utrecht', 14],
  ['Amsterdam', 13],
  ['Rotterdam', 11],
  ['Den Haag', 7],
  ['Eindhoven', 4],
  ['Groningen', 3],
  ['Tilburg', 3],
  ['Almere', 2.5],
  ['Breda', 2.5],
  ['Nijmegen', 2.5],
  ['Arnhem', 2],
  ['Haarlem', 2],
  ['Enschede', 2],
  ['Amersfoort', 2],
  ['Apeldoorn', 1.5],
  ['Zaanstad', 1.5],
  ["'s-Hertogenbosch", 1.5],
  ['Zwolle', 1.5],
  ['Leiden', 1.5],
  ['Maastricht', 1.5],
  ['Dordrecht', 1.2],
  ['Zoetermeer', 1.2],
  ['Ede', 1],
  ['Delft', 1],
  ['Alkmaar', 1],
  ['Venlo', 1],
  ['Deventer', 1],
  ['Leeuwarden', 1],
  ['Helmond', 0.8],
  ['Hilversum', 0.8],
  ['Heerlen', 0.8],
  ['Oss', 0.6],
  ['Gouda', 0.6],
  ['Emmen', 0.6],
  ['Assen', 0.6],
  ['Zeist', 0.6],
  ['Nieuwegein', 0.6],
  ['Veenendaal', 0.5],
  ['Middelburg', 0.5],
  ['Lelystad', 0.5],
];

const KINDS = ['cjg', 'ggd', 'jgz', 'wijkteam', 'jeugdzorg', 'gemeente', 'school', 'anders'] as const;
const SPACE_KINDS = ['flexplek', 'stilteruimte', 'overlegruimte'] as const;

/** Small deterministic PRNG (mulberry32), so two data sets share locations and spaces. */
export function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!,
    weighted: (weights: number[]) => {
      const total = weights.reduce((a, b) => a + b, 0);
      let r = next() * total;
      for (let i = 0; i < weights.length; i++) if ((r -= weights[i]!) < 0) return i;
      return weights.length - 1;
    },
    id: () => {
      const abc = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
      let s = '';
      for (let i = 0; i < 20; i++) s += abc[Math.floor(next() * 64)];
      return s;
    },
  };
}

export type Generated = {
  file: string;
  seconds: number;
  counts: {
    orgs: number;
    locations: number;
    spaces: number;
    users: number;
    memberships: number;
    bookings: number;
    activeBookings: number;
    closures: number;
    meetings: number;
    registrations: number;
  };
  /** The big partner organisation: owns no locations, admitted to every shared list. */
  partnerOrgId: number;
  /** E-mail addresses of users without generated bookings (members of the partner organisation). */
  reservedEmails: string[];
  /** What each scheduled job changed when run to the end after generating (`counts` are from before). */
  settled: Record<string, number>;
};

const weekdayBit = (isoWd: number) => 1 << (isoWd - 1);

/**
 * Fills a fresh database (migrations run by openDatabase) with raw prepared statements inside a few
 * big transactions. Bookings respect the product's rules: per space/date/daypart at most capacity
 * confirmed+pending, per user/date/daypart at most one active booking (users handed out round-robin
 * per slot), never on a closed weekday or a closure, never by the host organisation's own staff.
 * Then the scheduled jobs run to the end on it (`settleJobs`), so a server started on the set has
 * nothing to catch up.
 */
export async function generate(file: string, scale: Scale, today: string, seed = 2026): Promise<Generated> {
  const started = performance.now();
  const passwordHash = await hashPassword(BENCH_PASSWORD);
  const db = openDatabase(file);
  const sqlite: Database.Database = db.$client;
  // Bulk load only: the server reopens the file with its own settings (synchronous=FULL).
  sqlite.pragma('synchronous = OFF');
  sqlite.pragma('cache_size = -262144');
  const r = rng(seed);
  const nowMs = Date.now();
  // Locations and spaces exist from before the year of bookings (Inzicht counts places from then).
  const placesSinceMs = nowMs - 400 * 86_400_000;

  // ——— organisations ———
  const orgTown: string[] = [];
  const insOrg = sqlite.prepare('insert into organisations (id, name, kind, town, created_at) values (?, ?, ?, ?, ?)');
  sqlite.transaction(() => {
    insOrg.run(1, 'Jeugdzorg Nederland (landelijk)', 'jeugdzorg', 'Utrecht', nowMs);
    orgTown[1] = 'Utrecht';
    for (let id = 2; id <= scale.orgs; id++) {
      const town = TOWNS[r.weighted(TOWNS.map((t) => t[1]))]![0];
      const kind = r.pick(KINDS);
      orgTown[id] = town;
      insOrg.run(id, `${kind.toUpperCase()} ${town} ${id}`, kind, town, nowMs);
    }
  })();
  const partnerOrgId = 1;

  // ——— locations, shares, spaces, closures ———
  type Loc = { id: number; orgId: number; town: string; openWeekdays: number; busy: number };
  type Space = { id: number; loc: Loc; orgId: number; capacity: number; fill: number };
  const locs: Loc[] = [];
  const spaces: Space[] = [];
  const closures: { locationId: number; spaceId: number | null; start: string; end: string }[] = [];
  const first = addDays(today, -365);
  const last = addDays(today, 365);
  const insLoc = sqlite.prepare(`insert into locations (id, org_id, name, street, postcode, town, open_weekdays, guest_instructions, house_rules,
    contact_person, sharing, approval_required, horizon_weeks, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const insShare = sqlite.prepare('insert or ignore into location_shares (location_id, org_id) values (?, ?)');
  const insSpace = sqlite.prepare(
    'insert into spaces (id, location_id, org_id, name, kind, capacity, amenities, active, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const insClosure = sqlite.prepare(
    'insert into closures (location_id, org_id, space_id, start_date, end_date, reason, created_at) values (?, ?, ?, ?, ?, ?, ?)',
  );
  const busyTown = new Map(TOWNS.map(([t, w]) => [t, w >= 7 ? 1.6 : w >= 2 ? 1.1 : 0.8]));
  sqlite.transaction(() => {
    for (let id = 1; id <= scale.locations; id++) {
      const orgId = r.int(2, scale.orgs);
      // Most hosts host in their own town; some have offices elsewhere.
      const town = r.next() < 0.6 ? orgTown[orgId]! : TOWNS[r.weighted(TOWNS.map((t) => t[1]))]![0];
      const wd = r.next();
      const openWeekdays = wd < 0.85 ? 31 : wd < 0.93 ? 15 : 63;
      const sharing = r.next() < 0.85 ? 'all' : 'list';
      const h = r.next();
      const horizon = h < 0.7 ? 8 : h < 0.8 ? 4 : h < 0.9 ? 12 : 52;
      const loc: Loc = { id, orgId, town, openWeekdays, busy: busyTown.get(town) ?? 1 };
      locs.push(loc);
      insLoc.run(
        id,
        orgId,
        `Locatie ${town} ${id}`,
        `Stationsstraat ${r.int(1, 300)}`,
        `${r.int(1000, 9999)} ${String.fromCharCode(65 + r.int(0, 25))}${String.fromCharCode(65 + r.int(0, 25))}`,
        town,
        openWeekdays,
        'Meld je bij de receptie; wifi: Gastplek-gast.',
        'Laat je plek netjes achter.',
        'Receptie',
        sharing,
        r.next() < 0.1 ? 1 : 0,
        horizon,
        placesSinceMs,
      );
      if (sharing === 'list') {
        insShare.run(id, partnerOrgId);
        const n = r.int(3, 10);
        for (let i = 0; i < n; i++) {
          const o = r.int(2, scale.orgs);
          if (o !== orgId) insShare.run(id, o);
        }
      }
    }
    // Every location gets one space, the rest go preferably to busy towns.
    let spaceId = 0;
    const addSpace = (loc: Loc) => {
      const id = ++spaceId;
      const capacity = r.int(2, 20);
      // Desks in busy towns fill up more; each space has its own popularity.
      const fill = loc.busy * (0.4 + r.next() * 1.2);
      spaces.push({ id, loc, orgId: loc.orgId, capacity, fill });
      insSpace.run(id, loc.id, loc.orgId, `Ruimte ${id}`, r.pick(SPACE_KINDS), capacity, r.int(0, 255), r.next() < 0.97 ? 1 : 0, placesSinceMs);
    };
    for (const loc of locs) addSpace(loc);
    while (spaceId < scale.spaces) addSpace(locs[r.weighted(locs.map((l) => l.busy))]!);
    const nClosures = Math.round(scale.locations / 4);
    for (let i = 0; i < nClosures; i++) {
      const loc = r.pick(locs);
      const own = spaces.filter((s) => s.loc === loc);
      const spaceOnly = r.next() < 0.4 ? r.pick(own).id : null;
      const start = addDays(first, r.int(0, 729));
      const end = addDays(start, r.int(0, 13));
      closures.push({ locationId: loc.id, spaceId: spaceOnly, start, end });
      insClosure.run(loc.id, loc.orgId, spaceOnly, start, end, r.pick(['Verbouwing', 'Teamdag', 'Studiedag', 'Storing']), nowMs);
    }
  })();

  // ——— users and memberships ———
  const userIds: string[] = [];
  const userOrg: number[] = [];
  const reservedEmails: string[] = [];
  const insUser = sqlite.prepare('insert into users (id, email, name, password_hash, locale, created_at) values (?, ?, ?, ?, ?, ?)');
  const insMember = sqlite.prepare('insert into memberships (user_id, org_id, role, created_at) values (?, ?, ?, ?)');
  let memberships = 0;
  // Organisation sizes are skewed: a few large ones, many small ones; the partner has ~2%.
  const orgWeights = Array.from({ length: scale.orgs + 1 }, (_, i) => (i === 0 ? 0 : i === 1 ? 0.02 * scale.orgs : 1 / Math.sqrt(i)));
  const reservedFrom = scale.users - scale.reservedUsers;
  const hosted = new Set(locs.map((l) => l.orgId));
  const hasHost = new Set<number>();
  sqlite.transaction(() => {
    for (let i = 0; i < scale.users; i++) {
      const id = r.id();
      const orgId = i >= reservedFrom ? partnerOrgId : r.weighted(orgWeights);
      const email = `medewerker${i}@bench.gastplek.test`;
      insUser.run(id, email, `Medewerker ${i}`, passwordHash, i % 10 === 0 ? 'en' : 'nl', nowMs);
      insMember.run(id, orgId, 'member', nowMs);
      memberships++;
      if (hosted.has(orgId) && !hasHost.has(orgId)) {
        insMember.run(id, orgId, 'host', nowMs);
        hasHost.add(orgId);
        memberships++;
      }
      userIds.push(id);
      userOrg.push(orgId);
      if (i >= reservedFrom) reservedEmails.push(email);
    }
  })();

  // ——— intervision meetings and sign-ups ———
  // One in five is visible to a list of organisations (the organiser and two others, sometimes the
  // partner); sign-ups come from other organisations, over the maximum onto the waiting list.
  const insMeeting = sqlite.prepare(`insert into meetings (org_id, facilitator_id, title, kind, method, description, starts_at, ends_at, place_kind,
    place_name, address, town, min_participants, max_participants, signup_opens_at, signup_closes_at, cancel_deadline_at, visibility, status, created_at)
    values (?, ?, ?, ?, ?, '', ?, ?, ?, ?, ?, ?, 4, ?, ?, ?, ?, ?, ?, ?)`);
  const insVisible = sqlite.prepare('insert or ignore into meeting_visibility (meeting_id, org_id) values (?, ?)');
  const insReg =
    sqlite.prepare(`insert into registrations (meeting_id, user_id, org_id, status, queue_seq, queued_at, registered_at, presence, minutes_present, created_at)
    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const facilitatorOf = new Map<number, string>();
  for (let i = 0; i < reservedFrom; i++) if (!facilitatorOf.has(userOrg[i]!)) facilitatorOf.set(userOrg[i]!, userIds[i]!);
  const organisers = [...facilitatorOf.keys()];
  let registrationCount = 0;
  sqlite.transaction(() => {
    for (let m = 0; m < scale.meetings && organisers.length; m++) {
      const orgId = r.pick(organisers);
      const day = addDays(today, r.int(-56, 112));
      const startMs = Date.parse(`${day}T${r.pick(['08', '12', '13'])}:30:00Z`);
      const endMs = startMs + r.pick([90, 120, 150]) * 60_000;
      const max = r.int(6, 12);
      const kind = r.pick(['intervisie', 'intervisie', 'casuistiek', 'methodisch', 'praktijkbegeleiding'] as const);
      const online = r.next() < 0.25;
      const town = orgTown[orgId]!;
      const list = r.next() < 0.2;
      const id = Number(
        insMeeting.run(
          orgId,
          facilitatorOf.get(orgId)!,
          `${kind === 'intervisie' ? 'Intervisie' : 'Casuïstiekoverleg'} ${town} ${m + 1}`,
          kind,
          r.pick(['incident', 'tienstappen', 'balint', 'reflectiecyclus'] as const),
          startMs,
          endMs,
          online ? 'online' : 'address',
          online ? null : `Kantoor ${town}`,
          online ? null : `Stationsplein ${r.int(1, 99)}`,
          online ? null : town,
          max,
          startMs - 42 * 86_400_000,
          startMs - 2 * 86_400_000,
          startMs - 86_400_000,
          list ? 'list' : 'all',
          'scheduled',
          startMs - 60 * 86_400_000,
        ).lastInsertRowid,
      );
      if (list) {
        insVisible.run(id, orgId);
        for (let k = 0; k < 2; k++) insVisible.run(id, r.int(1, scale.orgs));
      }
      const past = endMs < nowMs;
      const taken = new Set<number>();
      const n = r.int(0, max + 3);
      for (let k = 0; k < n; k++) {
        const u = r.int(0, reservedFrom - 1);
        if (taken.has(u) || userOrg[u] === orgId) continue;
        taken.add(u);
        const registered = taken.size <= max;
        const at = startMs - r.int(3, 40) * 86_400_000;
        insReg.run(
          id,
          userIds[u]!,
          userOrg[u]!,
          registered ? 'registered' : 'waitlisted',
          registered ? null : taken.size,
          registered ? null : at,
          registered ? at : null,
          past && registered ? 'present' : null,
          past && registered ? (endMs - startMs) / 60_000 : null,
          at,
        );
        registrationCount++;
      }
    }
  })();

  // ——— bookings ———
  // Indexes are dropped during the load and built again afterwards (a sort instead of 2M B-tree
  // inserts each); the partial unique index is rebuilt too, so a duplicate would fail loudly here.
  const indexSql = sqlite.prepare("select name, sql from sqlite_master where type = 'index' and tbl_name = 'bookings' and sql is not null").all() as {
    name: string;
    sql: string;
  }[];
  for (const ix of indexSql) sqlite.exec(`drop index ${ix.name}`);

  type Slot = { date: string; wdBit: number; past: boolean };
  const slots: Slot[] = [];
  for (let d = first; d <= last; d = addDays(d, 1)) slots.push({ date: d, wdBit: weekdayBit(isoWeekday(d)), past: d < today });
  const closedOn = new Map<number, { spaceId: number | null; start: string; end: string }[]>();
  for (const c of closures) closedOn.set(c.locationId, [...(closedOn.get(c.locationId) ?? []), c]);
  const isClosed = (s: Space, date: string) =>
    (closedOn.get(s.loc.id) ?? []).some((c) => (c.spaceId === null || c.spaceId === s.id) && c.start <= date && date <= c.end);

  // Expected desks taken if every space-slot took capacity × fill × g; solve g for the target.
  let expected = 0;
  for (const s of spaces) {
    const open = slots.filter((sl) => (s.loc.openWeekdays & sl.wdBit) !== 0).length * 2;
    expected += open * s.capacity * s.fill;
  }
  const g = scale.bookings / expected;
  const bookable = reservedFrom; // users [0, reservedFrom) get generated bookings
  const insBooking = sqlite.prepare(`insert into bookings (space_id, location_id, org_id, user_id, guest_org_id, date, daypart, status, checked_in_at,
    created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  let total = 0;
  let active = 0;
  const batch = 50_000;
  sqlite.exec('begin');
  outer: for (const sl of slots) {
    for (const daypart of ['morning', 'afternoon'] as const) {
      // Users are handed out round-robin per slot, so nobody gets two places in one dagdeel.
      let cursor = r.int(0, bookable - 1);
      let handedOut = 0;
      const nextUser = (hostOrg: number) => {
        for (;;) {
          if (++handedOut > bookable) return -1;
          cursor = (cursor + 1) % bookable;
          if (userOrg[cursor] !== hostOrg) return cursor;
        }
      };
      const slotMs = Date.parse(`${sl.date}T08:00:00Z`);
      for (const s of spaces) {
        if ((s.loc.openWeekdays & sl.wdBit) === 0 || isClosed(s, sl.date)) continue;
        const n = Math.min(s.capacity, Math.floor(s.capacity * s.fill * g + r.next()));
        for (let k = 0; k < n; k++) {
          const u = nextUser(s.orgId);
          if (u < 0) break;
          const x = r.next();
          const status = sl.past
            ? x < 0.85
              ? 'confirmed'
              : x < 0.93
                ? 'cancelled'
                : x < 0.98
                  ? 'no_show'
                  : 'declined'
            : x < 0.9
              ? 'confirmed'
              : x < 0.97
                ? 'cancelled'
                : 'pending';
          if (status === 'confirmed' || status === 'pending') active++;
          insBooking.run(
            s.id,
            s.loc.id,
            s.orgId,
            userIds[u]!,
            userOrg[u]!,
            sl.date,
            daypart,
            status,
            sl.past && status === 'confirmed' ? slotMs : null,
            slotMs - 86_400_000 * 7,
            slotMs,
          );
          if (++total % batch === 0) {
            sqlite.exec('commit');
            sqlite.exec('begin');
          }
          if (total >= scale.bookings) break outer;
        }
      }
    }
  }
  sqlite.exec('commit');
  for (const ix of indexSql) sqlite.exec(ix.sql);
  sqlite.pragma('wal_checkpoint(TRUNCATE)');
  db.$client.close();
  const seconds = (performance.now() - started) / 1000;
  return {
    file,
    seconds,
    counts: {
      orgs: scale.orgs,
      locations: locs.length,
      spaces: spaces.length,
      users: scale.users,
      memberships,
      bookings: total,
      activeBookings: active,
      closures: closures.length,
      meetings: scale.meetings,
      registrations: registrationCount,
    },
    partnerOrgId,
    reservedEmails,
    settled: settleJobs(file, new Date()),
  };
}

/**
 * Runs every scheduled job (src/jobs/registry.ts) to the end on a generated data set, as a running
 * server would have: the no-show release of today's past dagdelen, the day-before reminders after
 * 16:00, retention. Without this, a server started on a fresh data set spends its first seconds
 * catching up (~2.6 s of writes on the full set, one fsync per batch of 50) inside the first
 * measurements. Returns what each job changed. `generate` ends with it.
 */
function settleJobs(file: string, now: Date): Record<string, number> {
  const db = openDatabase(file, { migrate: false });
  try {
    const changed: Record<string, number> = {};
    for (const job of jobs) {
      let total = 0;
      for (;;) {
        const n = job.run(db, now, { baseUrl: 'http://localhost' });
        total += typeof n === 'number' ? n : 0;
        if (!job.batch || typeof n !== 'number' || n < job.batch) break;
      }
      changed[job.name] = total;
    }
    return changed;
  } finally {
    db.$client.close();
  }
}
