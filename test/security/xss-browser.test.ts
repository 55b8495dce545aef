import { describe, expect, it } from 'vitest';
import type { Browser, BrowserContext } from 'playwright-core';
import { createInvitation } from '../../src/auth/accounts';
import { newMeetingValues } from '../../src/intervision/schemas';
import { DEMO_PASSWORD } from '../../db/seed/index';
import { journey, type RunningServer } from '../browser/harness';
import { openWeekdaysAfter } from '../browser/dates';
import { addDays } from '../../src/lib/time';

/**
 * Weekdays from the server's clock on, on which space 1 takes guests and has no booking, and the
 * demo worker has none either (the demo data books some days, relative to the same clock).
 */
function freeWorkdays(server: RunningServer, n: number): string[] {
  const closed = server.db.$client.prepare(
    `select 1 from closures c join spaces s on s.location_id = c.location_id where s.id = 1 and (c.space_id is null or c.space_id = 1) and ? between c.start_date and c.end_date`,
  );
  const booked = server.db.$client.prepare(
    `select 1 from bookings b join users u on u.id = b.user_id
     where b.date = ? and b.status in ('confirmed', 'pending') and (b.space_id = 1 or u.email = 'worker@gastplek.test')`,
  );
  return openWeekdaysAfter(server.clock.now(), 30)
    .filter((d) => !closed.get(d) && !booked.get(d))
    .slice(0, n);
}

/**
 * Stored XSS (issue 7): each payload is saved through the real forms in every free-text field, then
 * every page that shows those fields is opened in Chromium with the production CSP. Nothing may run
 * (window.__xss stays undefined), no request may leave for /logout or an injected URL, and the
 * browser reports no CSP violation — the payload must be escaped, not merely blocked by the CSP.
 */
const PAYLOADS = [
  '<script>window.__xss=1</script>',
  '<img src=x onerror="window.__xss=1">',
  '<div hx-on:load="window.__xss=1">x</div>',
  '<div hx-get="/logout" hx-trigger="load">x</div>',
  'javascript:window.__xss=1',
  '</textarea><script>window.__xss=1</script>',
];

/** A fetch-based session against the running server. */
class Session {
  cookie = '';
  constructor(private server: RunningServer) {}
  async post(path: string, fields: Record<string, string | string[]>) {
    const body = new URLSearchParams();
    for (const [k, v] of Object.entries(fields)) for (const x of Array.isArray(v) ? v : [v]) body.append(k, x);
    const res = await fetch(this.server.url + path, {
      method: 'POST',
      redirect: 'manual',
      headers: { origin: this.server.url, 'content-type': 'application/x-www-form-urlencoded', ...(this.cookie ? { cookie: this.cookie } : {}) },
      body,
    });
    const set = res.headers.getSetCookie().find((c) => c.startsWith('gastplek_session='));
    if (set && !/max-age=0/i.test(set)) this.cookie = set.split(';')[0]!;
    return res;
  }
  static async login(server: RunningServer, email: string) {
    const s = new Session(server);
    const res = await s.post('/login', { email, password: DEMO_PASSWORD });
    if (res.status !== 303) throw new Error(`login ${email}: ${res.status}`);
    return s;
  }
}

let server: RunningServer;
let browser: Browser;
journey((s, b) => {
  server = s;
  browser = b;
});

/** One browser tab per person; `visit` reports anything that ran, was requested or was blocked because of a payload. */
async function tabFor(session: Session) {
  const context: BrowserContext = await browser.newContext({ locale: 'nl-NL' });
  const [name, value] = session.cookie.split('=') as [string, string];
  await context.addCookies([{ name, value, url: server.url }]);
  const page = await context.newPage();
  let path = '';
  let problems: string[] = [];
  page.on('request', (r) => {
    const u = new URL(r.url());
    const expected =
      u.origin === server.url &&
      r.method() === 'GET' &&
      (u.pathname === new URL(server.url + path).pathname || u.pathname.startsWith('/static/') || u.pathname === '/favicon.ico');
    if (!expected && !r.url().startsWith('data:')) problems.push(`${path}: unexpected ${r.method()} ${r.url()}`);
  });
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) problems.push(`${path}: CSP violation: ${m.text().slice(0, 160)}`);
  });
  return async (to: string): Promise<string[]> => {
    path = to;
    problems = [];
    const res = await page.goto(server.url + to);
    if (!res || res.status() >= 400 || new URL(page.url()).pathname === '/login') problems.push(`${to}: status ${res?.status()} at ${page.url()}`);
    await page.waitForTimeout(50);
    const ran = await page.evaluate(() => (globalThis as unknown as { __xss?: number }).__xss);
    if (ran !== undefined) problems.push(`${to}: payload ran`);
    const injected = await page.locator('[onerror], [hx-on\\:load], [hx-get="/logout"], a[href^="javascript:" i]').count();
    if (injected) problems.push(`${to}: ${injected} injected element(s) in the DOM`);
    return problems;
  };
}

const locationBody = (p: string) => ({
  name: p,
  street: 'Stationslaan 1',
  postcode: '3841 AA',
  town: 'Harderwijk',
  accessibility: p,
  openWeekdays: ['1', '2', '3', '4', '5'],
  guestInstructions: p,
  houseRules: p,
  contactPerson: p,
  sharing: 'all',
  horizonWeeks: '8',
  checkinDeadlineMorning: '10:00',
  checkinDeadlineAfternoon: '14:00',
});

describe('stored XSS in Chromium under the production CSP', () => {
  it('no payload runs in any field on any page that shows it', async () => {
    const host = await Session.login(server, 'host@gastplek.test');
    const worker = await Session.login(server, 'worker@gastplek.test');
    const facilitator = await Session.login(server, 'facilitator@gastplek.test');
    const orgadmin = await Session.login(server, 'orgadmin@gastplek.test');
    const tab = { host: await tabFor(host), worker: await tabFor(worker), facilitator: await tabFor(facilitator), orgadmin: await tabFor(orgadmin) };
    const problems: string[] = [];
    const saved = (what: string, res: Response, ok = [303]) => {
      if (!ok.includes(res.status) || (res.headers.get('location') ?? '').startsWith('/login'))
        problems.push(`saving ${what}: ${res.status} ${res.headers.get('location') ?? ''}`);
    };
    const visit = async (open: (p: string) => Promise<string[]>, path: string, i?: number) =>
      problems.push(...(await open(path)).map((x) => (i === undefined ? x : `payload ${i}: ${x}`)));
    const meetingIds: string[] = [];
    const spaceIds: number[] = [];
    const workDays = freeWorkdays(server, PAYLOADS.length);
    const day = workDays[0]!;

    for (const [i, p] of PAYLOADS.entries()) {
      saved('location', await host.post('/host/locations/1', locationBody(p)));
      saved('space', await host.post('/host/locations/1/spaces', { name: p, kind: 'flexplek', capacity: '2', active: 'on' }));
      const spaceId = (server.db.$client.prepare('select max(id) as id from spaces').get() as { id: number }).id;
      saved(
        'closure',
        await host.post('/host/locations/1/closures', {
          spaceId: String(spaceId),
          startDate: addDays(day, 60 + 7 * i),
          endDate: addDays(day, 61 + 7 * i),
          reason: p,
        }),
      );
      spaceIds.push(spaceId);
      saved('booking note', await worker.post('/desks/spaces/1/book', { date: workDays[i]!, daypart: 'morning', note: p }));

      const meeting = {
        ...newMeetingValues(server.clock.now(), 3),
        title: p,
        description: p,
        placeKind: 'location',
        placeName: p,
        address: 'Markt 1',
        town: 'Meppel',
        visibility: 'all',
      };
      const created = await facilitator.post('/facilitate/meetings/new', meeting);
      saved('meeting', created);
      const meetingId = (created.headers.get('location') ?? '').split('/').pop()!;
      meetingIds.push(meetingId);
      // A link value is never stored as given: only https:// links are accepted.
      saved('online link', await facilitator.post('/facilitate/meetings/new', { ...meeting, title: 'Online', placeKind: 'online', onlineUrl: p }), [422]);

      // A colleague invited by the org admin chooses the payload as their name, books a desk and signs up.
      const token = createInvitation(
        server.db,
        { orgId: 4, email: `xss${i}@example.test`, role: 'member', invitedBy: null, inviterName: 'Joost', baseUrl: server.url },
        server.clock.now(),
      );
      const invited = new Session(server);
      saved(
        'name via invitation',
        await invited.post(`/invite/${token}`, {
          name: p.slice(0, 120),
          password: 'een lang genoeg wachtwoord',
          passwordConfirm: 'een lang genoeg wachtwoord',
        }),
      );
      saved('invited booking', await invited.post('/desks/spaces/1/book', { date: day, daypart: 'afternoon', note: p }));
      saved('invited signup', await invited.post(`/meetings/${meetingId}/signup`, {}));

      // The location's fields are overwritten by the next payload, so its pages are opened now.
      await visit(tab.host, '/host/locations/1', i);
      await visit(tab.worker, '/desks/spaces/1', i);
    }
    for (const [i, id] of spaceIds.entries()) await visit(tab.host, `/host/spaces/${id}`, i);
    for (const [i, id] of meetingIds.entries()) {
      await visit(tab.worker, `/meetings/${id}`, i);
      await visit(tab.facilitator, `/facilitate/meetings/${id}`, i);
      await visit(tab.facilitator, `/facilitate/meetings/${id}/edit`, i);
    }
    // Pages that list everything at once: all space names, closures, notes, titles and invited names.
    for (const path of [`/host/guests?location=1&date=${day}`, `/desks?date=${day}`, '/host/locations/1']) await visit(tab.host, path);
    for (const path of ['/bookings', '/meetings', `/desks?date=${day}`]) await visit(tab.worker, path);
    await visit(tab.orgadmin, '/org/4/members');
    // The payloads did reach the pages, as text: the checks above looked at real stored input.
    const bookings = await (await fetch(`${server.url}/bookings`, { headers: { cookie: worker.cookie } })).text();
    expect(bookings).toContain('&lt;script&gt;window.__xss=1&lt;/script&gt;');
    expect(problems).toEqual([]);
  });
});
