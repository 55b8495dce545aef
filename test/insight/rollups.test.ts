import { describe, expect, it } from 'vitest';
import type { DB } from '../../src/db';
import { bookSpace, cancelBooking, hostBookingAction } from '../../src/desks/bookings';
import { insight, type InsightFilters } from '../../src/insight/insight';
import { instantOf } from '../../src/lib/time';
import { createOrg, createTestApp, createUser, TestClock } from '../helpers';
import { createSpace } from '../desks/factory';

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
    },
    tables: {
      host: q(`select day, host_org_id as org, total, held, no_show as noShow, declined, expired, self_held as selfHeld, self_no_show as selfNoShow
               from insight_host_days where total <> 0 order by 1, 2`),
      guest: q(`select day, guest_org_id as org, total, held, no_show as noShow, declined, expired
                from insight_guest_days where total <> 0 order by 1, 2`),
      pairs: q('select month, host_org_id as host, guest_org_id as guest, held from insight_pair_months where held <> 0 order by 1, 2, 3'),
    },
  };
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
    for (const from of ['2026-08-24', '2026-09-01']) {
      const f: InsightFilters = { from, to: '2026-11-22', locationId: null, town: null };
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
});
