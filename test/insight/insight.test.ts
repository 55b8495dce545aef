import { describe, expect, it } from 'vitest';
import type { DB } from '../../src/db';
import { bookSpace } from '../../src/desks/bookings';
import { insight } from '../../src/insight/insight';
import { instantOf } from '../../src/lib/time';
import { createOrg, createTestApp, createUser, html, loginAs, TestClock, text } from '../helpers';
import { createSpace } from '../desks/factory';
import { makeMeeting } from '../intervision/fixtures';

// Inzicht (issue #14) on a small fixed data set whose figures are counted by hand below. The clock
// stands at Monday 23 November 2026; the period asked for is Monday 2 – Friday 6 November 2026.
//
// CJG (A) hosts location LA (one space, 2 places, Mon–Fri); Lokalis (C) hosts LC (1 place).
// GGD (B) people b1…b6 and Lokalis person c1 book:
//   LA Mon 2 morning b1, b2 confirmed (full) · Tue 3 morning b3 confirmed, b4 no-show ·
//   Wed 4 afternoon b5 confirmed · Wed 4 morning c1 confirmed · Thu 5 morning b6 cancelled at 08:00
//   that day (late) · Thu 5 afternoon b1 cancelled on 20 October (early) · LC Mon 2 afternoon b1.
//   Held (confirmed or no-show): B→A 5, C→A 1, B→C 1 → 7 dagdelen, 2 organisations away.
//   LA: 20 places available (2 × 5 days × 2), 6 booked = 30 %; Monday morning 2 of 2 (full).
//   Reliability, network: 9 bookings, 1 no-show, 1 late cancellation.
// Intervision: M1 (CJG) Wed 4 14:00–16:00, present b1, b2, c1, a1 (3 organisations), b3 absent,
//   b4 still waiting; M2 (GGD) Thu 5 10:00–11:00, present b5, b6; M3 cancelled for too few.
//   Held 2, 6 present, participants B 4, C 1, A 1; reflection hours 4 × 2 + 2 × 1 = 10.

const Q = '?from=2026-11-02&to=2026-11-06';

async function world() {
  const t = createTestApp({ clock: new TestClock(instantOf('2026-11-23', '10:00')) });
  const a = createOrg(t.db, { name: 'CJG Harderwijk' });
  const b = createOrg(t.db, { name: 'GGD Noord- en Oost-Gelderland' });
  const c = createOrg(t.db, { name: 'Lokalis Utrecht', town: 'Utrecht' });
  const la = createSpace(t.db, a.id, { capacity: 2, name: 'CJG' });
  const lc = createSpace(t.db, c.id, { capacity: 1, name: 'Lokalis', town: 'Utrecht' });
  const bs = await Promise.all([1, 2, 3, 4, 5, 6].map((n) => createUser(t.db, { orgId: b.id, name: `GGD-medewerker ${n}` })));
  const c1 = await createUser(t.db, { orgId: c.id, name: 'Lokalis-medewerker' });
  const a1 = await createUser(t.db, { orgId: a.id, name: 'CJG-medewerker', roles: ['facilitator'] });
  const adminA = await createUser(t.db, { orgId: a.id, roles: ['org_admin'] });
  const adminC = await createUser(t.db, { orgId: c.id, roles: ['org_admin'] });
  const network = await createUser(t.db, { orgId: b.id, networkAdmin: true });
  const worker = bs[0]!;

  const book = (
    space: { spaceId: number; locationId: number; orgId: number },
    user: { id: string },
    guestOrg: number,
    date: string,
    daypart: string,
    status: string,
    updated = instantOf(date, '00:00'),
  ) =>
    t.db.$client
      .prepare(
        'insert into bookings (space_id, location_id, org_id, user_id, guest_org_id, date, daypart, status, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)',
      )
      .run(space.spaceId, space.locationId, space.orgId, user.id, guestOrg, date, daypart, status, updated.getTime());
  const [b1, b2, b3, b4, b5, b6] = bs as [(typeof bs)[0], (typeof bs)[0], (typeof bs)[0], (typeof bs)[0], (typeof bs)[0], (typeof bs)[0]];
  book(la, b1, b.id, '2026-11-02', 'morning', 'confirmed');
  book(la, b2, b.id, '2026-11-02', 'morning', 'confirmed');
  book(la, b3, b.id, '2026-11-03', 'morning', 'confirmed');
  book(la, b4, b.id, '2026-11-03', 'morning', 'no_show');
  book(la, b5, b.id, '2026-11-04', 'afternoon', 'confirmed');
  book(la, c1, c.id, '2026-11-04', 'morning', 'confirmed');
  book(la, b6, b.id, '2026-11-05', 'morning', 'cancelled', instantOf('2026-11-05', '08:00'));
  book(la, b1, b.id, '2026-11-05', 'afternoon', 'cancelled', instantOf('2026-10-20', '12:00'));
  book(lc, b1, b.id, '2026-11-02', 'afternoon', 'confirmed');
  // Outside the period: not counted.
  book(la, b1, b.id, '2026-10-30', 'morning', 'confirmed');

  const meeting = (orgId: number, date: string, start: string, end: string) =>
    makeMeeting(t.db, a1.id, orgId, {
      startsAt: instantOf(date, start),
      endsAt: instantOf(date, end),
      signupOpensAt: instantOf('2026-10-01', '09:00'),
      signupClosesAt: instantOf(date, start),
      cancelDeadlineAt: instantOf(date, start),
      minParticipants: 2,
      maxParticipants: 8,
    });
  const reg = (meetingId: number, user: { id: string }, orgId: number, status: string, presence: string | null) =>
    t.db.$client
      .prepare('insert into registrations (meeting_id, user_id, org_id, status, presence) values (?, ?, ?, ?, ?)')
      .run(meetingId, user.id, orgId, status, presence);
  const m1 = meeting(a.id, '2026-11-04', '14:00', '16:00');
  reg(m1, b1, b.id, 'registered', 'present');
  reg(m1, b2, b.id, 'registered', 'present');
  reg(m1, c1, c.id, 'registered', 'present');
  reg(m1, a1, a.id, 'registered', 'present');
  reg(m1, b3, b.id, 'registered', 'absent');
  reg(m1, b4, b.id, 'waitlisted', null);
  const m2 = meeting(b.id, '2026-11-05', '10:00', '11:00');
  reg(m2, b5, b.id, 'registered', 'present');
  reg(m2, b6, b.id, 'registered', 'present');
  const m3 = meeting(a.id, '2026-11-06', '10:00', '11:00');
  t.db.$client.prepare("update meetings set status = 'cancelled', min_warning_sent_at = ? where id = ?").run(instantOf('2026-11-05', '17:00').getTime(), m3);

  const client = (u: { email: string }) => loginAs(t.app, u.email);
  return { t, a, b, c, la, lc, adminA, adminC, network, worker, client };
}

/** The figures as counted, before anything is hidden. */
function figures(w: Awaited<ReturnType<typeof world>>) {
  return insight(w.t.db, { kind: 'network' }, { from: '2026-11-02', to: '2026-11-06', locationId: null, town: null }, w.t.clock.now());
}

/** A CSV download as rows of cells (semicolons, BOM, CRLF). */
async function csv(res: Response): Promise<string[][]> {
  expect(res.status).toBe(200);
  return (await res.text())
    .replace(/^\uFEFF/, '')
    .trim()
    .split('\r\n')
    .map((line) => line.split(';'));
}

describe('Inzicht: the figures, counted by hand', () => {
  it('who hosts whom: 7 dagdelen, 2 organisations away; B→A 5, the pairs of 1 as "< 5"', async () => {
    const w = await world();
    const admin = await w.client(w.network);
    expect(figures(w).hosting.pairs.map((p) => p.dagdelen)).toEqual([5, 1, 1]);
    // 7 less B→A's 5 would give the two pairs of 1 back (2): B→A is withheld as "x".
    expect(await csv(await admin.get(`/insight/hosting.csv${Q}`))).toEqual([
      ['Gast', 'Gastheer', 'Dagdelen'],
      ['GGD Noord- en Oost-Gelderland', 'CJG Harderwijk', 'x'],
      ['GGD Noord- en Oost-Gelderland', 'Lokalis Utrecht', '< 5'],
      ['Lokalis Utrecht', 'CJG Harderwijk', '< 5'],
    ]);
    const page = text(await html(await admin.get(`/insight${Q}`)));
    expect(page).toContain('7 dagdelen gewerkt bij een andere organisatie');
    expect(page).toContain('2 organisaties werkten minstens één keer bij een andere');
    expect(page).toContain('Meeste dagdelen: GGD Noord- en Oost-Gelderland bij CJG Harderwijk (x).');
  });

  it('occupancy: LA 6 of 20 (30 %), Monday morning full; the counts under 5 hidden, the capacity shown', async () => {
    const w = await world();
    const admin = await w.client(w.network);
    const rows = await csv(await admin.get(`/insight/occupancy.csv${Q}`));
    expect(rows[0]).toEqual(['Locatie', 'Plaats', 'Gereserveerd', 'Beschikbaar', 'Bezetting']);
    expect(figures(w).occupancy.locations.map((l) => [l.location, l.booked, l.available])).toEqual([
      ['CJG Harderwijk', 6, 20],
      ['Lokalis Utrecht', 1, 10],
    ]);
    // LC: 1 booked of 10 → both hidden; LA's 6 beside the total 7 would give it back → withheld.
    expect(rows.find((r) => r[0] === 'CJG Harderwijk')).toEqual(['CJG Harderwijk', 'Harderwijk', 'x', '20', 'x']);
    expect(rows.find((r) => r[0] === 'Lokalis Utrecht')).toEqual(['Lokalis Utrecht', 'Utrecht', '< 5', '10', '< 5']);
    const page = text(await html(await admin.get(`/insight${Q}`)));
    expect(page).toContain('7 van 30 beschikbare dagdelen gereserveerd (23,3%)');
    expect(page).toContain('CJG Harderwijk: x');
    // LA alone: 6 of 20 = 30 %.
    expect(text(await html(await admin.get(`/insight${Q}&location=${w.la.locationId}`)))).toContain('CJG Harderwijk: 30%');
    expect(page).toMatch(/Bijna altijd vol \(90% of meer\)\s*CJG Harderwijk: maandag ochtend \(< 5\)/);
  });

  it('occupancy counts a place from the day it was made: a location and a space made during the period, and a location made after it is not listed', async () => {
    const w = await world();
    createSpace(w.t.db, w.a.id, { capacity: 1, name: 'Nieuw', createdAt: instantOf('2026-11-04', '12:00') });
    createSpace(w.t.db, w.a.id, { capacity: 4, name: 'Later', createdAt: instantOf('2026-11-10', '09:00') });
    w.t.db.$client
      .prepare("insert into spaces (location_id, org_id, name, kind, capacity, created_at) values (?, ?, 'Erbij', 'flexplek', 2, ?)")
      .run(w.la.locationId, w.a.id, instantOf('2026-11-05', '08:00').getTime());
    const admin = await w.client(w.network);
    const rows = await csv(await admin.get(`/insight/occupancy.csv${Q}`));
    // LA: 2 places × 5 days × 2 dagdelen, and 2 more on Thursday and Friday: 20 + 8.
    expect(rows.find((r) => r[0] === 'CJG Harderwijk')?.[3]).toBe('28');
    // Made on Wednesday: Wednesday to Friday, 1 place × 3 days × 2 dagdelen.
    expect(rows.find((r) => r[0] === 'Nieuw Harderwijk')?.[3]).toBe('6');
    expect(rows.map((r) => r[0])).not.toContain('Later Harderwijk');
    const page = text((await html(await admin.get(`/insight${Q}`))).querySelector('#insight-sections'));
    expect(page).toMatch(/Nooit gebruikt in deze periode\s*Nieuw Harderwijk/);
    expect(page).not.toContain('Later Harderwijk');
  });

  it('reliability: the network 9 bookings, 1 no-show (11,1 %), 1 late cancellation; a guest organisation with 1 booking shows "< 5"', async () => {
    const w = await world();
    const rows = await csv(await (await w.client(w.network)).get(`/insight/reliability.csv${Q}`));
    expect(figures(w).reliability.find((r) => r.role === 'network')).toMatchObject({ total: 9, noShow: 1, lateCancel: 1, declined: 0, expired: 0 });
    expect(figures(w).reliability.find((r) => r.role === 'host' && r.org === 'CJG Harderwijk')).toMatchObject({ total: 8, noShow: 1, lateCancel: 1 });
    // 1 no-show and 1 late cancellation: their shares would give them back. CJG's 8 bookings less
    // the network's 9 would give Lokalis's 1 back, so they are withheld ("x") with their shares.
    expect(rows.slice(1)).toEqual([
      ['CJG Harderwijk', 'gastheer', 'x', '< 5', '< 5', 'x', 'x'],
      ['Lokalis Utrecht', 'gastheer', '< 5', '< 5', '< 5', '< 5', '< 5'],
      ['GGD Noord- en Oost-Gelderland', 'gast', 'x', '< 5', '< 5', 'x', 'x'],
      ['Lokalis Utrecht', 'gast', '< 5', '< 5', '< 5', '< 5', '< 5'],
      ['Het hele netwerk', 'samen', '9', '< 5', '< 5', '0', '0'],
    ]);
  });

  it('learning together: 2 held, 6 present, 1 with 3+ organisations, 1 waiting, 10 hours, 1 cancelled for too few', async () => {
    const w = await world();
    const admin = await w.client(w.network);
    const rows = await csv(await admin.get(`/insight/learning.csv${Q}`));
    expect(rows.slice(0, 6)).toEqual([
      ['Cijfer', 'Aantal'],
      // Meetings are published events, not people: shown as they are.
      ['Bijeenkomsten gehouden', '2'],
      ['Met 3 of meer organisaties', '1'],
      ['Niet verder dan de wachtlijst', '< 5'],
      ['Reflectie-uren', '10'],
      ['Geannuleerd: te weinig aanmeldingen', '1'],
    ]);
    expect(rows.slice(6)).toEqual([
      ['Aanwezig: GGD Noord- en Oost-Gelderland', '< 5'],
      ['Aanwezig: CJG Harderwijk', '< 5'],
      ['Aanwezig: Lokalis Utrecht', '< 5'],
    ]);
    expect(text(await html(await admin.get(`/insight${Q}`)))).toContain('6 keer iemand aanwezig');
  });

  it('trend: November 2026 holds the 7 dagdelen, 2 meetings and 6 present; October the one booking before the period', async () => {
    const w = await world();
    const rows = await csv(await (await w.client(w.network)).get(`/insight/trend.csv${Q}`));
    expect(rows).toHaveLength(13);
    // October's 1 and the twelve months' 8 in the summary would give November's 7 away as 8 − 1.
    expect(rows.at(-1)).toEqual(['2026-11', 'x', '< 5', '2', '6']);
    expect(rows.at(-2)).toEqual(['2026-10', '< 5', '0', '0', '0']);
  });
});

describe('Inzicht: how figures read', () => {
  it('the meetings chart has whole-number ticks and the meetings as they are (2, not "< 5")', async () => {
    const w = await world();
    const page = await html(await (await w.client(w.network)).get(`/insight${Q}`));
    const chart = page.querySelector('#chart-trend-meetings-title')!.parentNode!;
    const values = chart.querySelectorAll('text.chart-value').map((t) => text(t));
    expect(values.every((v) => /^\d+$/.test(v))).toBe(true);
    expect(values).toContain('2');
    expect(text(page)).toContain('2 intervisiebijeenkomsten gehouden');
  });

  it('without available places the occupancy says so, instead of "0 van 0 (–)" beside "Alle locaties zijn gebruikt"', async () => {
    const w = await world();
    w.t.db.$client.prepare('update spaces set active = 0').run();
    const page = text((await html(await (await w.client(w.network)).get(`/insight${Q}`))).querySelector('section[aria-labelledby="insight-occupancy"]'));
    expect(page).toContain('Geen beschikbare werkplekken in deze periode.');
    expect(page).not.toContain('Alle locaties zijn gebruikt');
    expect(page).not.toContain('0 van 0');
  });

  it('the network row reads "Het hele netwerk / samen", not "netwerk netwerk"; a CSV has decimal commas for Dutch Excel', async () => {
    const w = await world();
    const admin = await w.client(w.network);
    const page = text((await html(await admin.get(`/insight${Q}`))).querySelector('section[aria-labelledby="insight-reliability"] table'));
    expect(page).toContain('Het hele netwerksamen9');
    expect(page).not.toMatch(/netwerk\s*netwerk/);
    const la = await csv(await admin.get(`/insight/occupancy.csv${Q}&location=${w.la.locationId}`));
    expect(la[1]).toEqual(['CJG Harderwijk', 'Harderwijk', '6', '20', '0,3']);
  });
});

describe('Inzicht: who sees what', () => {
  it('an org admin sees their own organisation’s pairs and locations and the network totals, never another organisation’s details', async () => {
    const w = await world();
    const adminC = await w.client(w.adminC);
    const pairs = await csv(await adminC.get(`/insight/hosting.csv${Q}`));
    expect(pairs.slice(1).map((r) => `${r[0]} → ${r[1]}`)).toEqual(['GGD Noord- en Oost-Gelderland → Lokalis Utrecht', 'Lokalis Utrecht → CJG Harderwijk']);
    const occupancy = await csv(await adminC.get(`/insight/occupancy.csv${Q}`));
    expect(occupancy.slice(1).map((r) => r[0])).toEqual(['Lokalis Utrecht']);
    const reliability = await csv(await adminC.get(`/insight/reliability.csv${Q}`));
    expect(reliability.slice(1).map((r) => `${r[0]}/${r[1]}`)).toEqual(['Lokalis Utrecht/gastheer', 'Lokalis Utrecht/gast', 'Het hele netwerk/samen']);
    const page = text(await html(await adminC.get(`/insight${Q}`)));
    expect(page).toContain('Lokalis Utrecht: je eigen organisatie als gastheer en als gast');
    // Network totals are there; another organisation's own location is not, and asking for it is a 404.
    expect(page).toContain('7 dagdelen gewerkt bij een andere organisatie');
    expect(page).not.toContain('CJG Harderwijk: 30%');
    expect((await adminC.get(`/insight${Q}&location=${w.la.locationId}`)).status).toBe(404);
    expect((await adminC.get(`/insight/occupancy.csv${Q}&location=${w.la.locationId}`)).status).toBe(404);
  });

  it('a network admin may narrow the page to one organisation; the matrix shows guests × hosts', async () => {
    const w = await world();
    const admin = await w.client(w.network);
    const page = await html(await admin.get(`/insight${Q}`));
    expect(page.querySelectorAll('select[name="org"] option').map((o) => text(o))).toEqual([
      'Het hele netwerk',
      'CJG Harderwijk',
      'GGD Noord- en Oost-Gelderland',
      'Lokalis Utrecht',
    ]);
    const matrix = page.querySelector('#chart-hosting-matrix-title')?.parentNode;
    expect(text(page.querySelector('#chart-hosting-matrix-title'))).toBe('Wie ontvangt wie: gasten (rijen) bij gastheren (kolommen)');
    expect(matrix?.querySelectorAll('rect')).toHaveLength(2 * 2);
    const onlyC = await csv(await admin.get(`/insight/hosting.csv${Q}&org=${w.c.id}`));
    expect(onlyC.slice(1).map((r) => `${r[0]} → ${r[1]}`)).toEqual(['GGD Noord- en Oost-Gelderland → Lokalis Utrecht', 'Lokalis Utrecht → CJG Harderwijk']);
  });

  it('a worker gets 403; the page needs a login', async () => {
    const w = await world();
    const worker = await w.client(w.worker);
    expect((await worker.get('/insight')).status).toBe(403);
    expect((await worker.get('/insight/hosting.csv')).status).toBe(403);
    expect((await w.t.app.request('/insight')).status).toBe(303);
  });

  it('names of people appear nowhere: not on the page, not in any CSV', async () => {
    const w = await world();
    const admin = await w.client(w.network);
    const bodies = [await (await admin.get(`/insight${Q}`)).text()];
    for (const s of ['hosting', 'occupancy', 'reliability', 'learning', 'trend']) bodies.push(await (await admin.get(`/insight/${s}.csv${Q}`)).text());
    for (const body of bodies) expect(body).not.toMatch(/medewerker/);
  });
});

describe('Inzicht: filters, validation and languages', () => {
  it('a period that ends before it starts, or over two years, is a 422 with a clear message; an htmx request gets the sections only', async () => {
    const w = await world();
    const admin = await w.client(w.network);
    const bad = await admin.get('/insight?from=2026-11-06&to=2026-11-02');
    expect(bad.status).toBe(422);
    expect(text(await html(bad))).toContain('Kies een periode van ten hoogste twee jaar');
    expect((await admin.get('/insight?from=2020-01-01&to=2026-11-01')).status).toBe(422);
    expect((await admin.get('/insight?from=niet-een-datum')).status).toBe(422);
    const fragment = await admin.get(`/insight${Q}`, { 'HX-Request': 'true' });
    const body = await fragment.text();
    expect(body.startsWith('<div id="insight-sections"')).toBe(true);
    expect(body).not.toContain('<html');
  });

  it('the town filter keeps the figures of that town only; English works', async () => {
    const w = await world();
    const admin = await w.client(w.network);
    const utrecht = await csv(await admin.get(`/insight/hosting.csv${Q}&town=utrecht`));
    expect(utrecht.slice(1)).toEqual([['GGD Noord- en Oost-Gelderland', 'Lokalis Utrecht', '< 5']]);
    w.t.db.$client.prepare("update users set locale = 'en' where id = ?").run(w.network.id);
    const en = text(await html(await (await w.client(w.network)).get(`/insight${Q}`)));
    expect(en).toContain('Who hosts whom');
    expect(en).toContain('7 parts of days worked at another organisation');
  });
});

describe('Inzicht: demand that found nothing is counted', () => {
  it('a booking refused as full and a search without a free desk each add one to desk_demand', async () => {
    const w = await world();
    const demand = (db: DB) => db.$client.prepare('select kind, day, location_id as loc, n from desk_demand order by kind').all();
    const d = '2026-11-30';
    const extra = await createUser(w.t.db, { orgId: w.b.id });
    const extra2 = await createUser(w.t.db, { orgId: w.b.id });
    const extra3 = await createUser(w.t.db, { orgId: w.b.id });
    for (const u of [extra, extra2])
      expect(
        bookSpace(w.t.db, { spaceId: w.la.spaceId, userId: u.id, guestOrgId: w.b.id, date: d, dayparts: ['morning'], note: null }, w.t.clock.now()).ok,
      ).toBe(true);
    expect(
      bookSpace(w.t.db, { spaceId: w.la.spaceId, userId: extra3.id, guestOrgId: w.b.id, date: d, dayparts: ['morning'], note: null }, w.t.clock.now()),
    ).toMatchObject({
      ok: false,
      reason: 'full',
    });
    expect(demand(w.t.db)).toEqual([{ kind: 'refused_full', day: d, loc: w.la.locationId, n: 1 }]);
    const searcher = await loginAs(w.t.app, extra3.email);
    await searcher.get(`/desks?date=${d}&daypart=morning&town=Harderwijk`);
    expect(demand(w.t.db)).toContainEqual({ kind: 'search_empty', day: d, loc: 0, n: 1 });
  });
});
