import { describe, expect, it } from 'vitest';
import type { DB } from '../../src/db';
import { bookSpace, cancelBooking, hostBookingAction } from '../../src/desks/bookings';
import { insight, type InsightFilters, type InsightScope } from '../../src/insight/insight';
import { addDays, instantOf, isoWeekday, localDateOf } from '../../src/lib/time';
import { createOrg, createTestApp, createUser, TestClock } from '../helpers';
import { createSpace } from '../desks/factory';
import { makeMeeting } from '../intervision/fixtures';

// The Inzicht rollups (ADR 015, "Speed") are kept by triggers on bookings. Whatever writes a
// booking, the rollups must equal what the bookings say, and the page (which reads the rollups)
// must show what the bookings (read directly, as with a town filter) give.

const HELD = `('confirmed','no_show')`;

/** The rollups as the bookings give them, and as the tables hold them (rows of zeros left out). */
function rollups(db: DB) {
  const q = (sql: string) => db.$client.prepare(sql).all();
  return {
    fromBookings: {
      host: q(`select date as day, org_id as org, count(*) as total, sum(status in ${HELD}) as held, sum(status = 'no_show') as noShow,
                 sum(status = 'declined') as declined, sum(status = 'expired') as expired,
                 sum(guest_org_id = org_id and status in ${HELD}) as selfHeld, sum(guest_org_id = org_id and status = 'no_show') as selfNoShow
               from bookings where guest_org_id is not null group by date, org_id order by 1, 2`),
      guest: q(`select date as day, guest_org_id as org, count(*) as total, sum(status in ${HELD}) as held, sum(status = 'no_show') as noShow,
                  sum(status = 'declined') as declined, sum(status = 'expired') as expired
                from bookings where guest_org_id is not null group by date, guest_org_id order by 1, 2`),
      pairs: q(`select substr(date, 1, 7) as month, org_id as host, guest_org_id as guest, count(*) as held from bookings
                where guest_org_id is not null and status in ${HELD} group by 1, 2, 3 order by 1, 2, 3`),
      ...takenFromBookings(db),
    },
    tables: {
      host: q(`select day, host_org_id as org, total, held, no_show as noShow, declined, expired, self_held as selfHeld, self_no_show as selfNoShow
               from insight_host_days where total <> 0 order by 1, 2`),
      guest: q(`select day, guest_org_id as org, total, held, no_show as noShow, declined, expired
                from insight_guest_days where total <> 0 order by 1, 2`),
      pairs: q('select month, host_org_id as host, guest_org_id as guest, held from insight_pair_months where held <> 0 order by 1, 2, 3'),
      ...takenTables(db),
    },
  };
}

const TAKEN = `('confirmed','no_show','pending')`;

/** The occupancy rollups as the bookings give them (any guest; weekday 1 = Monday … 7 = Sunday). */
function takenFromBookings(db: DB) {
  const q = (sql: string) => db.$client.prepare(sql).all();
  return {
    locationMonths: q(`select substr(date, 1, 7) as month, location_id as location, (cast(strftime('%w', date) as integer) + 6) % 7 + 1 as weekday,
                         sum(daypart = 'morning') as morning, sum(daypart = 'afternoon') as afternoon
                       from bookings where status in ${TAKEN} group by 1, 2, 3 order by 1, 2, 3`),
    locationDays: q(`select date as day, location_id as location, sum(daypart = 'morning') as morning, sum(daypart = 'afternoon') as afternoon
                     from bookings where status in ${TAKEN} group by 1, 2 order by 1, 2`),
  };
}

/** The occupancy rollups as the tables hold them (rows of zeros left out). */
function takenTables(db: DB) {
  const q = (sql: string) => db.$client.prepare(sql).all();
  return {
    locationMonths: q(`select month, location_id as location, weekday, morning, afternoon from insight_location_months
                       where morning <> 0 or afternoon <> 0 order by 1, 2, 3`),
    locationDays: q(`select day, location_id as location, morning, afternoon from insight_location_days
                     where morning <> 0 or afternoon <> 0 order by 1, 2`),
  };
}

/** Booked desk-dagdelen per `location:weekday:daypart` in a period, counted from the bookings one by one. */
function bookedFromBookings(db: DB, from: string, to: string): Map<string, number> {
  const rows = db.$client.prepare(`select location_id as l, date, daypart from bookings where status in ${TAKEN} and date between ? and ?`).all(from, to) as {
    l: number;
    date: string;
    daypart: string;
  }[];
  const out = new Map<string, number>();
  for (const r of rows) {
    const key = `${r.l}:${isoWeekday(r.date)}:${r.daypart}`;
    out.set(key, (out.get(key) ?? 0) + 1);
  }
  return out;
}

async function world() {
  const t = createTestApp({ clock: new TestClock(instantOf('2026-11-23', '10:00')) });
  const a = createOrg(t.db, { name: 'CJG Harderwijk' });
  const b = createOrg(t.db, { name: 'GGD Noord- en Oost-Gelderland' });
  const c = createOrg(t.db, { name: 'Lokalis' });
  const la = createSpace(t.db, a.id, { capacity: 4, name: 'CJG' });
  const lc = createSpace(t.db, c.id, { capacity: 2, name: 'Lokalis' });
  const people = await Promise.all([b, b, b, c, a].map((o) => createUser(t.db, { orgId: o.id })));
  const host = await createUser(t.db, { orgId: a.id, roles: ['host'] });
  return { t, a, b, c, la, lc, people, host };
}

describe('Inzicht rollups: kept by triggers on bookings', () => {
  it('after booking, cancelling, no-show, a moved date, another guest organisation and a delete, the rollups equal the bookings', async () => {
    const w = await world();
    const db = w.t.db;
    const now = w.t.clock.now();
    const book = (space: typeof w.la, i: number, guestOrg: number, date: string) => {
      const r = bookSpace(db, { spaceId: space.spaceId, userId: w.people[i]!.id, guestOrgId: guestOrg, date, dayparts: ['morning'], note: null }, now);
      expect(r.ok).toBe(true);
      return db.$client.prepare('select max(id) as id from bookings').get() as { id: number };
    };
    const b0 = book(w.la, 0, w.b.id, '2026-11-24');
    const b1 = book(w.la, 1, w.b.id, '2026-11-24');
    book(w.lc, 2, w.b.id, '2026-11-25');
    book(w.la, 3, w.c.id, '2026-11-26');
    // The host's own organisation as guest (not through bookSpace, which sends own staff elsewhere).
    db.$client
      .prepare(
        "insert into bookings (space_id, location_id, org_id, user_id, guest_org_id, date, daypart, status, updated_at) values (?, ?, ?, ?, ?, '2026-11-27', 'morning', 'confirmed', 0)",
      )
      .run(w.la.spaceId, w.la.locationId, w.la.orgId, w.people[4]!.id, w.a.id);
    expect(rollups(db).tables).toEqual(rollups(db).fromBookings);
    expect(rollups(db).tables.pairs.length).toBeGreaterThan(0);

    expect(cancelBooking(db, b0.id, w.people[0]!.id, now).ok).toBe(true);
    expect(hostBookingAction(db, b1.id, [w.a.id], 'no-show', instantOf('2026-11-24', '12:00')).ok).toBe(true);
    expect(rollups(db).tables).toEqual(rollups(db).fromBookings);

    // Writes outside the booking code (an anonymisation, a repair, an organisation merge) are counted too.
    db.$client.prepare("update bookings set date = '2026-12-01' where date = '2026-11-25'").run();
    db.$client.prepare('update bookings set guest_org_id = ? where guest_org_id = ?').run(w.c.id, w.b.id);
    db.$client.prepare("update bookings set guest_org_id = null where date = '2026-11-26'").run();
    db.$client.prepare("update bookings set status = 'declined' where date = '2026-11-27'").run();
    expect(rollups(db).tables).toEqual(rollups(db).fromBookings);
    db.$client.prepare("delete from bookings where date = '2026-11-24'").run();
    expect(rollups(db).tables).toEqual(rollups(db).fromBookings);
  });

  it('the page’s figures (from the rollups) equal the figures read from the bookings themselves', async () => {
    const w = await world();
    const db = w.t.db;
    const now = w.t.clock.now();
    // Many pairs over three months and a half, so the largest pairs come from the bound, not from every pair.
    const orgs = [w.a, w.b, w.c, ...Array.from({ length: 8 }, (_, i) => createOrg(db, { name: `Organisatie ${i}` }))];
    const spaces = orgs.slice(0, 4).map((o, i) => (i === 0 ? w.la : i === 2 ? w.lc : createSpace(db, o.id, { capacity: 50, name: `Plek ${i}` })));
    const insert = db.$client.prepare(
      'insert into bookings (space_id, location_id, org_id, user_id, guest_org_id, date, daypart, status, updated_at) values (?, ?, ?, null, ?, ?, ?, ?, ?)',
    );
    const statuses = ['confirmed', 'confirmed', 'no_show', 'cancelled', 'declined', 'expired', 'confirmed'];
    let n = 0;
    for (let day = Date.parse('2026-08-10'); day <= Date.parse('2026-11-22'); day += 86_400_000) {
      const date = new Date(day).toISOString().slice(0, 10);
      for (const [si, s] of spaces.entries())
        for (let k = 0; k < ((si * 7 + day / 86_400_000) % 5) + 1; k++) {
          const guest = orgs[(n * 7 + si * 3 + k * k) % orgs.length]!;
          insert.run(
            s.spaceId,
            s.locationId,
            s.orgId,
            guest.id,
            date,
            k % 2 ? 'afternoon' : 'morning',
            statuses[n % statuses.length],
            instantOf(date, '07:00').getTime(),
          );
          n++;
        }
    }
    expect(rollups(db).tables).toEqual(rollups(db).fromBookings);
    // Every location is in Harderwijk: the town filter reads the bookings, the same figures.
    // Periods with whole months, a small part of a month (its days) and a large part (the whole month less the days outside), and without a whole month.
    for (const [from, to] of [
      ['2026-08-24', '2026-11-22'],
      ['2026-09-01', '2026-11-22'],
      ['2026-08-13', '2026-11-18'],
      ['2026-09-10', '2026-10-20'],
    ] as const) {
      const f: InsightFilters = { from, to, locationId: null, town: null };
      for (const scope of [{ kind: 'network' as const }, { kind: 'org' as const, orgId: w.b.id }]) {
        const page = insight(db, scope, f, now, 5);
        const all = insight(db, scope, f, now);
        const raw = insight(db, scope, { ...f, town: 'Harderwijk' }, now);
        expect(page.hosting.pairs).toEqual(raw.hosting.pairs.slice(0, scope.kind === 'network' ? 5 : undefined));
        expect(all.hosting.pairs).toEqual(raw.hosting.pairs);
        expect(page.hosting.pairs.length).toBeGreaterThan(0);
        for (const x of [page, all]) {
          expect(x.hosting.matrix).toEqual(raw.hosting.matrix);
          expect([x.hosting.dagdelen, x.hosting.orgsAway, x.hosting.previous]).toEqual([raw.hosting.dagdelen, raw.hosting.orgsAway, raw.hosting.previous]);
          expect(x.reliability).toEqual(raw.reliability);
          expect(x.trend).toEqual(raw.trend);
          expect(x.occupancy.locations).toEqual(raw.occupancy.locations);
        }
      }
    }
  });
  it('the largest pairs: a pair that is no month’s largest is found when another month’s largest lies mostly outside the period', async () => {
    const w = await world();
    const db = w.t.db;
    const insert = db.$client.prepare(
      "insert into bookings (space_id, location_id, org_id, user_id, guest_org_id, date, daypart, status, updated_at) values (?, ?, ?, null, ?, ?, 'morning', 'confirmed', 0)",
    );
    const book = (space: typeof w.la, guest: number, date: string, times: number) => {
      for (let i = 0; i < times; i++) insert.run(space.spaceId, space.locationId, space.orgId, guest, date);
    };
    book(w.la, w.b.id, '2026-08-10', 10); // August's largest, before the period
    book(w.la, w.c.id, '2026-09-10', 4); // September's largest
    book(w.lc, w.b.id, '2026-08-31', 3); // largest in the period, neither month's largest
    book(w.lc, w.b.id, '2026-09-15', 3);
    const f: InsightFilters = { from: '2026-08-30', to: '2026-09-30', locationId: null, town: null };
    const page = insight(db, { kind: 'network' }, f, w.t.clock.now(), 1).hosting.pairs;
    expect(page).toEqual(insight(db, { kind: 'network' }, { ...f, town: 'Harderwijk' }, w.t.clock.now()).hosting.pairs.slice(0, 1));
    expect(page.map((p) => [p.hostOrgId, p.guestOrgId, p.dagdelen])).toEqual([[w.c.id, w.b.id, 6]]);
  });

  it('occupancy rollups: every write that changes whether, on which day, where or in which dagdeel a booking takes a place', async () => {
    const w = await world();
    const db = w.t.db;
    const insert = db.$client.prepare(
      'insert into bookings (space_id, location_id, org_id, user_id, guest_org_id, date, daypart, status, updated_at) values (?, ?, ?, null, ?, ?, ?, ?, 0)',
    );
    const add = (guest: number | null, date: string, daypart: string, status: string) => {
      insert.run(w.la.spaceId, w.la.locationId, w.la.orgId, guest, date, daypart, status);
      return (db.$client.prepare('select max(id) as id from bookings').get() as { id: number }).id;
    };
    const set = (assignments: string, id: number, ...values: (string | number)[]) =>
      db.$client.prepare(`update bookings set ${assignments} where id = ?`).run(...values, id);
    const same = () => {
      expect(takenTables(db)).toEqual(takenFromBookings(db));
      expect(takenTables(db).locationDays.length).toBeGreaterThan(0);
    };
    // Taken (confirmed, pending, no-show; with or without a guest organisation) and not taken.
    const x = add(w.b.id, '2026-10-23', 'morning', 'confirmed');
    const y = add(null, '2026-10-23', 'afternoon', 'pending');
    add(w.c.id, '2026-10-26', 'morning', 'no_show');
    const z = add(w.b.id, '2026-10-26', 'morning', 'cancelled');
    const d = add(w.b.id, '2026-10-27', 'afternoon', 'declined');
    add(w.b.id, '2026-10-27', 'afternoon', 'expired');
    same();
    // One thing at a time: the dagdeel, the location, the day (same month, another weekday; another month).
    set('daypart = ?', x, 'afternoon');
    same();
    set('location_id = ?, space_id = ?', x, w.lc.locationId, w.lc.spaceId);
    same();
    set('date = ?', x, '2026-10-28');
    same();
    set('date = ?', x, '2026-11-02');
    same();
    // Taken → not, not → taken, taken → taken, not → not.
    set('status = ?', x, 'cancelled');
    same();
    set('status = ?', z, 'confirmed');
    same();
    set('status = ?', y, 'confirmed');
    same();
    set('status = ?', d, 'expired');
    same();
    // Writes that do not touch where a booking is (a guest organisation, a note) change nothing.
    set('guest_org_id = ?, note = ?', z, w.c.id, 'x');
    same();
    // A delete of a booking that takes a place, and of one that does not.
    db.$client.prepare('delete from bookings where id = ?').run(y);
    same();
    db.$client.prepare('delete from bookings where id = ?').run(x);
    same();
  });

  it('occupancy on the page equals the bookings counted one by one: periods from and to mid-month, across the change to winter time (2026-10-25) and month boundaries', async () => {
    const w = await world();
    const db = w.t.db;
    const now = w.t.clock.now();
    // Open every day (Sunday 25 October included), and another organisation's location in another town.
    const every = createSpace(db, w.b.id, { capacity: 3, name: 'Elke dag', openWeekdays: 127, town: 'Zwolle' });
    const spaces = [w.la, w.lc, every];
    const insert = db.$client.prepare(
      'insert into bookings (space_id, location_id, org_id, user_id, guest_org_id, date, daypart, status, updated_at) values (?, ?, ?, null, ?, ?, ?, ?, 0)',
    );
    const statuses = ['confirmed', 'pending', 'no_show', 'cancelled', 'declined', 'expired', 'confirmed', 'pending'];
    let n = 0;
    for (let date = '2026-09-20'; date <= '2026-12-10'; date = addDays(date, 1))
      for (const [si, s] of spaces.entries())
        for (let k = 0; k < ((si * 3 + n) % 4) + 1; k++, n++)
          insert.run(s.spaceId, s.locationId, s.orgId, n % 5 ? w.b.id : null, date, (n * 7 + k) % 3 ? 'morning' : 'afternoon', statuses[n % statuses.length]);
    const periods: [string, string][] = [
      ['2026-10-14', '2026-11-12'], // the larger part of October (whole month less days), a smaller part of November (its days)
      ['2026-10-20', '2026-12-03'], // a smaller part of October, the whole of November, three days of December
      ['2026-09-25', '2026-11-28'], // days of September, the whole of October, November less two days
      ['2026-10-05', '2026-10-27'], // within one month, days off on both sides
      ['2026-10-25', '2026-10-25'], // the day of the change itself
      ['2026-10-01', '2026-11-30'], // whole months
    ];
    const scopes: [InsightScope, Partial<InsightFilters>][] = [
      [{ kind: 'network' }, {}],
      [{ kind: 'org', orgId: w.b.id }, {}],
      [{ kind: 'network' }, { locationId: every.locationId }],
      [{ kind: 'network' }, { town: 'Harderwijk' }],
    ];
    for (const [from, to] of periods) {
      const raw = bookedFromBookings(db, from, to);
      for (const [scope, filter] of scopes) {
        const page = insight(db, scope, { from, to, locationId: null, town: null, ...filter }, now, 5).occupancy;
        expect(page.locations.length).toBeGreaterThan(0);
        let booked = 0;
        for (const l of page.locations) {
          for (const c of l.cells)
            expect([l.location, c.weekday, c.daypart, c.booked]).toEqual([
              l.location,
              c.weekday,
              c.daypart,
              raw.get(`${l.locationId}:${c.weekday}:${c.daypart}`) ?? 0,
            ]);
          expect(l.booked).toBe(l.cells.reduce((a, c) => a + c.booked, 0));
          booked += l.booked;
        }
        if (scope.kind === 'network' && !filter.town) expect(booked).toBeGreaterThan(0);
      }
      // Every place taken at the location open every day is on the page.
      const at = insight(db, { kind: 'network' }, { from, to, locationId: every.locationId, town: null }, now, 5).occupancy.locations[0]!;
      expect(at.booked).toBe([...raw].filter(([k]) => k.startsWith(`${every.locationId}:`)).reduce((a, [, v]) => a + v, 0));
    }
  });

  it('late cancellations and meetings per month keep to Amsterdam time across the change to winter time', async () => {
    const w = await world();
    const db = w.t.db;
    const now = instantOf('2026-12-01', '10:00');
    const insert = db.$client.prepare(
      "insert into bookings (space_id, location_id, org_id, user_id, guest_org_id, date, daypart, status, updated_at) values (?, ?, ?, null, ?, ?, 'morning', 'cancelled', ?)",
    );
    // On the edge of late (from 24 hours before 00:00 of the day), either side, around 25 October.
    for (const date of ['2026-10-25', '2026-10-26', '2026-10-27']) {
      const edge = instantOf(date, '00:00').getTime() - 86_400_000;
      insert.run(w.la.spaceId, w.la.locationId, w.la.orgId, w.b.id, date, edge);
      insert.run(w.la.spaceId, w.la.locationId, w.la.orgId, w.b.id, date, edge - 1);
    }
    // Meetings either side of midnight at the end of a month, in summer and in winter time.
    const facilitator = await createUser(db, { orgId: w.a.id, roles: ['facilitator'] });
    const starts = [
      ['2026-09-30', '23:30'],
      ['2026-10-01', '00:30'],
      ['2026-10-31', '23:30'],
      ['2026-11-01', '00:30'],
      ['2026-11-30', '23:30'],
    ] as const;
    for (const [date, time] of starts) {
      const id = makeMeeting(db, facilitator.id, w.a.id, {});
      const at = instantOf(date, time).getTime();
      db.$client
        .prepare(
          "update meetings set status = 'scheduled', signup_opens_at = ?, signup_closes_at = ?, cancel_deadline_at = ?, starts_at = ?, ends_at = ? where id = ?",
        )
        .run(at - 86_400_000, at, at, at, at + 3_600_000, id);
    }
    const f: InsightFilters = { from: '2026-10-01', to: '2026-11-30', locationId: null, town: null };
    const page = insight(db, { kind: 'network' }, f, now, 5);
    const raw = insight(db, { kind: 'network' }, { ...f, town: 'Harderwijk' }, now);
    expect(page.reliability).toEqual(raw.reliability);
    expect(page.reliability.find((r) => r.role === 'network')?.lateCancel).toBe(3);
    const months = (db.$client.prepare("select starts_at as s from meetings where status = 'scheduled'").all() as { s: number }[]).map((m) =>
      localDateOf(new Date(m.s)).slice(0, 7),
    );
    for (const m of page.trend) expect([m.month, m.meetings]).toEqual([m.month, months.filter((x) => x === m.month).length]);
    expect(page.trend.filter((m) => m.meetings > 0).map((m) => [m.month, m.meetings])).toEqual([
      ['2026-09', 1],
      ['2026-10', 2],
      ['2026-11', 2],
    ]);
  });
});
