import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { HTMLElement } from 'node-html-parser';
import { instantOf } from '../../src/lib/time';
import { createOrg, createTestApp, createUser, html, loginAs, TestClock, text, type Client } from '../helpers';
import { createSpace } from '../desks/factory';
import { makeMeeting } from '../intervision/fixtures';

// Privacy (issue #14, ADR 015): no count of 1 to 4 may be read off Inzicht, neither directly nor
// through a share (3,3 % of 91 is 3) nor by subtracting the parts shown from a total shown (9
// bookings less 8 is 1). Checked as a property over random small networks, the kind where it
// matters: every table of the page, its charts and every CSV, as a network admin and an org admin.

const Q = '?from=2026-11-02&to=2026-11-06';
const DAYS = ['2026-11-02', '2026-11-03', '2026-11-04', '2026-11-05', '2026-11-06'];
const STATUSES = ['confirmed', 'confirmed', 'confirmed', 'no_show', 'cancelled', 'declined', 'expired', 'pending'] as const;

type Booking = { loc: number; guest: number; day: number; morning: boolean; status: (typeof STATUSES)[number]; late: boolean };
type World = { bookings: Booking[]; present: [number, number, number] };

const bookingArb = fc.record({
  loc: fc.integer({ min: 0, max: 2 }),
  guest: fc.integer({ min: 0, max: 2 }),
  day: fc.integer({ min: 0, max: 4 }),
  morning: fc.boolean(),
  status: fc.constantFrom(...STATUSES),
  late: fc.boolean(),
});
const worldArb: fc.Arbitrary<World> = fc.record({
  bookings: fc.array(bookingArb, { maxLength: 40 }),
  present: fc.tuple(fc.integer({ min: 0, max: 7 }), fc.integer({ min: 0, max: 7 }), fc.integer({ min: 0, max: 7 })),
});

async function build(w: World) {
  const t = createTestApp({ clock: new TestClock(instantOf('2026-11-23', '10:00')) });
  const orgs = ['CJG Harderwijk', 'GGD Noord- en Oost-Gelderland', 'Lokalis Utrecht'].map((name) => createOrg(t.db, { name }));
  const locs = orgs.map((o, i) => createSpace(t.db, o.id, { capacity: [6, 3, 1][i]!, name: o.name.split(' ')[0]! }));
  const insert = t.db.$client.prepare(
    'insert into bookings (space_id, location_id, org_id, user_id, guest_org_id, date, daypart, status, updated_at) values (?, ?, ?, null, ?, ?, ?, ?, ?)',
  );
  for (const b of w.bookings) {
    const host = locs[b.loc]!;
    const guest = orgs[b.guest === b.loc ? (b.guest + 1) % 3 : b.guest]!;
    const date = DAYS[b.day]!;
    const updated = b.status === 'cancelled' && b.late ? instantOf(date, '07:00') : instantOf('2026-10-01', '12:00');
    insert.run(host.spaceId, host.locationId, host.orgId, guest.id, date, b.morning ? 'morning' : 'afternoon', b.status, updated.getTime());
  }
  const facilitator = await createUser(t.db, { orgId: orgs[0]!.id, roles: ['facilitator'] });
  const meeting = makeMeeting(t.db, facilitator.id, orgs[0]!.id, {
    startsAt: instantOf('2026-11-04', '14:00'),
    endsAt: instantOf('2026-11-04', '16:00'),
    signupOpensAt: instantOf('2026-10-01', '09:00'),
    signupClosesAt: instantOf('2026-11-04', '14:00'),
    cancelDeadlineAt: instantOf('2026-11-04', '14:00'),
    minParticipants: 1,
    maxParticipants: 30,
  });
  const reg = t.db.$client.prepare("insert into registrations (meeting_id, user_id, org_id, status, presence) values (?, null, ?, 'registered', 'present')");
  w.present.forEach((n, i) => {
    for (let k = 0; k < n; k++) reg.run(meeting, orgs[i]!.id);
  });
  const network = await createUser(t.db, { orgId: orgs[1]!.id, networkAdmin: true });
  const orgAdmin = await createUser(t.db, { orgId: orgs[2]!.id, roles: ['org_admin'] });
  return { network: await loginAs(t.app, network.email), orgAdmin: await loginAs(t.app, orgAdmin.email), orgs };
}

/** A figure as a number (Dutch or English format, a percentage as a share), or null when hidden or empty. */
function value(s: string | undefined): number | null {
  if (s === undefined || s === '' || s === '< 5' || s === 'x' || s === '–') return null;
  const pct = s.endsWith('%');
  // Dutch: 1.234,5 and 12,5%; a CSV: 0,125 or 0.125.
  const n = Number(
    s
      .replace('%', '')
      .replace(/\s/g, '')
      .replace(/\.(?=\d{3}\b)/g, '')
      .replace(',', '.'),
  );
  if (Number.isNaN(n)) throw new Error(`not a figure: ${s}`);
  return pct ? n / 100 : n;
}

/** A count that gives away fewer than 5 (rounded: a page shows a share to one decimal). */
const leaks = (n: number) => Math.round(n) >= 1 && Math.round(n) <= 4;

async function csvOf(client: Client, section: string): Promise<string[][]> {
  const res = await client.get(`/insight/${section}.csv${Q}`);
  expect(res.status).toBe(200);
  return (await res.text())
    .replace(/^\uFEFF/, '')
    .trim()
    .split('\r\n')
    .slice(1)
    .map((line) => line.split(';'));
}

function tableRows(page: HTMLElement, heading: string): string[][] {
  const section = page.querySelector(`section[aria-labelledby="${heading}"]`)!;
  return section.querySelectorAll('tbody tr').map((tr) => tr.querySelectorAll('td').map((td) => text(td)));
}

/** A figure from the page's text by a pattern with one number in it. */
function said(page: string, re: RegExp): number | null {
  const m = page.match(re);
  if (!m) throw new Error(`not on the page: ${re}`);
  return value(m[1]);
}

type Problem = string;

/** Reliability rows (org, role, total, four shares): no share gives a count of 1–4, no total less its parts shown does. */
function reliabilityLeaks(rows: string[][], where: string): Problem[] {
  const out: Problem[] = [];
  const network = rows.find((r) => r[1] === 'netwerk' || r[1] === 'totaal');
  for (const r of rows) {
    const total = value(r[2]);
    if (total !== null && leaks(total)) out.push(`${where}: total ${r.join(' | ')}`);
    for (let c = 3; c <= 6; c++) {
      const share = value(r[c]);
      if (share !== null && total !== null && leaks(share * total)) out.push(`${where}: share ${r.join(' | ')}`);
    }
  }
  if (!network) return out;
  const netTotal = value(network[2]);
  for (const role of ['gastheer', 'gast']) {
    const parts = rows.filter((r) => r[1] === role);
    const shownTotals = parts.map((r) => value(r[2]));
    if (netTotal !== null) {
      const rest = netTotal - shownTotals.reduce<number>((a, n) => a + (n ?? 0), 0);
      if (leaks(rest)) out.push(`${where}: ${role} totals leave ${rest}`);
    }
    for (let c = 3; c <= 6; c++) {
      const net = value(network[c]);
      if (net === null || netTotal === null) continue;
      let rest = net * netTotal;
      for (const [k, r] of parts.entries()) {
        const share = value(r[c]);
        const total = shownTotals[k] ?? null;
        if (share !== null && total !== null) rest -= share * total;
      }
      if (leaks(rest)) out.push(`${where}: ${role} column ${c} leaves ${rest}`);
    }
  }
  return out;
}

/** A total (from the page's text) less the parts shown (a column of rows). */
function restLeaks(total: number | null, parts: (string | undefined)[], where: string): Problem[] {
  if (total === null) return [];
  const rest = total - parts.reduce((a, p) => a + (value(p) ?? 0), 0);
  return leaks(rest) ? [`${where}: leaves ${rest}`] : [];
}

async function problems(client: Client, who: string, ownPresent: number | null): Promise<Problem[]> {
  const out: Problem[] = [];
  const doc = await html(await client.get(`/insight${Q}`));
  const page = text(doc);
  // Reliability: the page's table, its chart and the CSV.
  out.push(...reliabilityLeaks(tableRows(doc, 'insight-reliability'), `${who} page`));
  out.push(...reliabilityLeaks(await csvOf(client, 'reliability'), `${who} csv`));
  const guests = new Map(tableRows(doc, 'insight-reliability').flatMap((r) => (r[1] === 'gast' ? [[r[0]!, value(r[2])]] : [])));
  for (const g of doc.querySelectorAll('#chart-reliability-title ~ g')) {
    const [label, , share] = g.querySelectorAll('text').map((x) => text(x));
    const v = value(share);
    const total = guests.get(label!) ?? null;
    if (v !== null && total !== null && leaks(v * total)) out.push(`${who} chart: ${label} ${share} of ${total}`);
  }
  // Occupancy: a share of the available places, the locations beside the total booked.
  const occupancyCsv = await csvOf(client, 'occupancy');
  for (const rows of [tableRows(doc, 'insight-occupancy'), occupancyCsv])
    for (const r of rows) {
      const booked = value(r[2]);
      const share = value(r[4]);
      const available = value(r[3]);
      if (booked !== null && leaks(booked)) out.push(`${who} occupancy: ${r.join(' | ')}`);
      if (share !== null && available !== null && leaks(share * available)) out.push(`${who} occupancy share: ${r.join(' | ')}`);
    }
  const totalBooked = said(page, /(< 5|x|[\d.,]+) van \S+ beschikbare dagdelen gereserveerd/);
  out.push(
    ...restLeaks(
      totalBooked,
      occupancyCsv.map((r) => r[2]),
      `${who} occupancy total`,
    ),
  );
  // Who hosts whom: the pairs beside the period's dagdelen (an org admin's beside the network's).
  out.push(
    ...restLeaks(
      said(page, /(< 5|x|[\d.,]+) dagdelen gewerkt bij een andere organisatie/),
      (await csvOf(client, 'hosting')).map((r) => r[2]),
      `${who} hosting`,
    ),
  );
  // Learning together: the organisations' participants beside the people present; the hours.
  const learning = await csvOf(client, 'learning');
  out.push(
    ...restLeaks(
      said(page, /(< 5|x|[\d.,]+) keer iemand aanwezig/),
      learning.filter((r) => r[0]!.startsWith('Aanwezig: ')).map((r) => r[1]),
      `${who} learning`,
    ),
  );
  const hours = value(learning.find((r) => r[0] === 'Reflectie-uren')?.[1]);
  if (hours !== null && hours > 0 && ownPresent !== null && leaks(ownPresent)) out.push(`${who} hours of ${ownPresent} people: ${hours}`);
  // The trend: the months beside the twelve months' total.
  out.push(
    ...restLeaks(
      said(page, /In 12 maanden: (< 5|x|[\d.,]+) dagdelen/),
      (await csvOf(client, 'trend')).map((r) => r[1]),
      `${who} trend`,
    ),
  );
  return out;
}

describe('Inzicht: no count under 5 can be read off, directly, by a share or by subtraction', () => {
  it('holds for random small networks, on the page, its charts and every CSV, as network admin and org admin', async () => {
    await fc.assert(
      fc.asyncProperty(worldArb, async (w) => {
        const { network, orgAdmin } = await build(w);
        const found = [...(await problems(network, 'network admin', null)), ...(await problems(orgAdmin, 'org admin', w.present[2]))];
        expect(found).toEqual([]);
      }),
      { numRuns: 25, seed: 20261203 },
    );
  }, 120_000);

  it('the review’s case: 3 no-shows of 91 bookings are not shown as 3,3 %', async () => {
    const bookings: Booking[] = [];
    for (let k = 0; k < 91; k++) bookings.push({ loc: 0, guest: 1, day: k % 5, morning: k % 2 === 0, status: k < 3 ? 'no_show' : 'confirmed', late: false });
    const { network } = await build({ bookings, present: [0, 0, 0] });
    const rows = await csvOf(network, 'reliability');
    expect(rows.find((r) => r[0] === 'GGD Noord- en Oost-Gelderland' && r[1] === 'gast')?.slice(2, 4)).toEqual(['91', '< 5']);
    expect(text(await html(await network.get(`/insight${Q}`)))).not.toContain('3,3%');
  });
});
