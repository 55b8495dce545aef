import { describe, expect, it } from 'vitest';
import { closures } from '../../db/schema';
import { closedRunsAhead } from '../../src/desks/desks';
import { instantOf } from '../../src/lib/time';
import { createOrg, createTestApp, createUser, html, loginAs, TestClock, text } from '../helpers';
import { createSpace } from './factory';

// The recurring-booking form names the holidays and closures ahead (issue #12, part 1, third
// bullet), so a worker sees before submitting which dates a series will skip. The clock stands at
// Tuesday 1 December 2026, 09:00 Amsterdam; the default horizon (8 weeks) runs to 26 January 2027.

const NOW = '2026-12-01';

async function world() {
  const t = createTestApp({ clock: new TestClock(instantOf(NOW, '09:00')) });
  const hostOrg = createOrg(t.db, { name: 'CJG Harderwijk' });
  const guestOrg = createOrg(t.db, { name: 'GGD Noord- en Oost-Gelderland' });
  const space = createSpace(t.db, hostOrg.id);
  // Monday 28 – Thursday 31 December, and Friday 15 – Tuesday 19 January across a weekend.
  t.db.insert(closures).values({ scope: 'org', orgId: hostOrg.id, startDate: '2026-12-28', endDate: '2026-12-31', reason: 'Kerstsluiting' }).run();
  t.db
    .insert(closures)
    .values({ scope: 'location', orgId: hostOrg.id, locationId: space.locationId, startDate: '2027-01-15', endDate: '2027-01-19', reason: 'Verbouwing' })
    .run();
  const worker = await createUser(t.db, { orgId: guestOrg.id, name: 'Sanne de Vries' });
  const host = await createUser(t.db, { orgId: hostOrg.id, roles: ['host'] });
  return { t, hostOrg, space, worker, host };
}

describe('the recurring-booking form names the closed days ahead', () => {
  it('closedRunsAhead: holidays and closures up to the horizon, consecutive open days with one reason as one run (weekends do not split it)', async () => {
    const w = await world();
    const runs = closedRunsAhead(w.t.db, { id: w.space.spaceId, locationId: w.space.locationId, openWeekdays: 31, horizonWeeks: 8 }, NOW);
    expect(runs).toEqual([
      // Saturday 26 December (Tweede kerstdag) is not an open weekday: not listed.
      { from: '2026-12-25', to: '2026-12-25', closed: { kind: 'holiday', holiday: 'eerste_kerstdag' } },
      { from: '2026-12-28', to: '2026-12-31', closed: { kind: 'closure', reason: 'Kerstsluiting' } },
      { from: '2027-01-01', to: '2027-01-01', closed: { kind: 'holiday', holiday: 'nieuwjaarsdag' } },
      { from: '2027-01-15', to: '2027-01-19', closed: { kind: 'closure', reason: 'Verbouwing' } },
    ]);
    // A shorter horizon ends the list; an open day between two equal reasons splits them.
    expect(closedRunsAhead(w.t.db, { id: w.space.spaceId, locationId: w.space.locationId, openWeekdays: 31, horizonWeeks: 4 }, NOW).map((r) => r.to)).toEqual([
      '2026-12-25',
      '2026-12-29',
    ]);
    w.t.db.insert(closures).values({ scope: 'org', orgId: w.hostOrg.id, startDate: '2027-01-13', endDate: '2027-01-13', reason: 'Verbouwing' }).run();
    expect(
      closedRunsAhead(w.t.db, { id: w.space.spaceId, locationId: w.space.locationId, openWeekdays: 31, horizonWeeks: 8 }, NOW).map((r) => [r.from, r.to]),
    ).toContainEqual(['2027-01-13', '2027-01-13']);
  });

  it('the worker sees the list by name above the series form, in Dutch and in English; the host’s own staff (no series form) do not', async () => {
    const w = await world();
    const worker = await loginAs(w.t.app, w.worker.email);
    const page = await html(await worker.get(`/desks/spaces/${w.space.spaceId}`));
    const list = page.querySelectorAll('ul.closed-ahead li').map((li) => text(li));
    expect(list).toHaveLength(4);
    expect(list[0]).toMatch(/25 dec.*: Eerste kerstdag$/);
    expect(list[1]).toMatch(/28 dec t\/m .*31 dec: Kerstsluiting$/);
    expect(list[3]).toMatch(/t\/m .*: Verbouwing$/);
    expect(text(page)).toContain('een reeks slaat deze dagen over');

    w.t.db.$client.prepare("update users set locale = 'en' where id = ?").run(w.worker.id);
    const en = await html(await (await loginAs(w.t.app, w.worker.email)).get(`/desks/spaces/${w.space.spaceId}`));
    expect(text(en)).toContain('a series skips these days');
    expect(en.querySelectorAll('ul.closed-ahead li').map((li) => text(li))[1]).toMatch(/ to .*: Kerstsluiting$/);

    const host = await loginAs(w.t.app, w.host.email);
    expect((await html(await host.get(`/desks/spaces/${w.space.spaceId}`))).querySelector('ul.closed-ahead')).toBeNull();
  });

  it('the host’s location page lists every closed day up to the horizon, the organisation’s, the network’s and the holidays included; another organisation’s host gets 404', async () => {
    const w = await world();
    w.t.db.insert(closures).values({ scope: 'network', startDate: '2027-01-06', endDate: '2027-01-06', reason: 'Netwerkdag' }).run();
    const host = await loginAs(w.t.app, w.host.email);
    const page = await html(await host.get(`/host/locations/${w.space.locationId}`));
    const list = page.querySelectorAll('ul.closed-ahead li').map((li) => text(li));
    expect(list).toHaveLength(5);
    expect(list.map((l) => l.split(': ').at(-1))).toEqual(['Eerste kerstdag', 'Kerstsluiting', 'Nieuwjaarsdag', 'Netwerkdag', 'Verbouwing']);
    const otherHost = await loginAs(w.t.app, (await createUser(w.t.db, { orgId: createOrg(w.t.db).id, roles: ['host'] })).email);
    expect((await otherHost.get(`/host/locations/${w.space.locationId}`)).status).toBe(404);
  });
});
