import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { bookings } from '../../db/schema';
import { bookSpace, releaseNoShows } from '../../src/desks/bookings';
import { jobs } from '../../src/jobs/registry';
import { startJobs } from '../../src/jobs/runner';
import { countActive } from '../../src/desks/rules';
import { createOrg, createTestApp, createUser, html, loginAs, TestClock, text } from '../helpers';
import { instantOf } from '../../src/lib/time';
import { bookingRows, createSpace, desksWorld, HX } from './factory';

const TOMORROW = '2026-11-24';
const INSTRUCTIONS = 'wifi: CJG-Gast';

describe('my bookings', () => {
  it('ownership: a worker cannot cancel, check in or download someone else’s booking (404), and nothing changes', async () => {
    const t = createTestApp();
    const w = await desksWorld(t);
    bookSpace(
      t.db,
      { spaceId: w.space.spaceId, userId: w.worker.id, guestOrgId: w.guestOrg.id, date: '2026-11-23', dayparts: ['afternoon'], note: null },
      t.clock.now(),
    );
    const id = bookingRows(t.db)[0]!.id;
    const intruder = await loginAs(t.app, (await createUser(t.db, { orgId: w.guestOrg.id })).email);
    expect((await intruder.post(`/bookings/${id}/cancel`)).status).toBe(404);
    expect((await intruder.post(`/bookings/${id}/checkin`)).status).toBe(404);
    expect((await intruder.get(`/bookings/${id}.ics`)).status).toBe(404);
    expect((await w.hostClient.post(`/bookings/${id}/cancel`)).status).toBe(404);
    expect((await intruder.post('/bookings/abc/cancel')).status).toBe(404);
    const row = bookingRows(t.db)[0]!;
    expect(row.status).toBe('confirmed');
    expect(t.db.select().from(bookings).get()!.checkedInAt).toBeNull();
  });

  it('check-in: only on the day itself; htmx gets the updated item back', async () => {
    const t = createTestApp();
    const w = await desksWorld(t);
    bookSpace(
      t.db,
      { spaceId: w.space.spaceId, userId: w.worker.id, guestOrgId: w.guestOrg.id, date: TOMORROW, dayparts: ['morning'], note: null },
      t.clock.now(),
    );
    const id = bookingRows(t.db)[0]!.id;
    const early = await w.workerClient.post(`/bookings/${id}/checkin`, {}, HX);
    expect(early.status).toBe(422);
    expect(await early.text()).toContain('Inchecken kan alleen op de dag zelf');
    t.clock.set('2026-11-24T07:30:00Z');
    const res = await w.workerClient.post(`/bookings/${id}/checkin`, {}, HX);
    expect(res.status).toBe(200);
    const body = await res.text();
    expect(body.startsWith('<article')).toBe(true);
    expect(body).toContain('Ingecheckt om 08:30');
  });

  it('cancel: with htmx the item comes back as geannuleerd; a cancelled booking cannot be cancelled again', async () => {
    const t = createTestApp();
    const w = await desksWorld(t);
    bookSpace(
      t.db,
      { spaceId: w.space.spaceId, userId: w.worker.id, guestOrgId: w.guestOrg.id, date: TOMORROW, dayparts: ['morning'], note: null },
      t.clock.now(),
    );
    const id = bookingRows(t.db)[0]!.id;
    const res = await w.workerClient.post(`/bookings/${id}/cancel`, {}, HX);
    expect(res.status).toBe(200);
    expect(text((await html(res)).querySelector('.status'))).toBe('geannuleerd');
    expect((await w.workerClient.post(`/bookings/${id}/cancel`, {}, HX)).status).toBe(422);
  });

  it('guest instructions: not shown without a booking; shown with one, and to the location’s hosts', async () => {
    const t = createTestApp();
    const w = await desksWorld(t);
    const page = () => w.workerClient.get(`/desks/spaces/${w.space.spaceId}`).then(async (r) => text(await html(r)));
    expect(await page()).not.toContain(INSTRUCTIONS);
    const search = text(await html(await w.workerClient.get(`/desks?date=${TOMORROW}`)));
    expect(search).toContain('Flexplekken');
    expect(search).not.toContain(INSTRUCTIONS);
    expect(text(await html(await w.hostClient.get(`/desks/spaces/${w.space.spaceId}`)))).toContain(INSTRUCTIONS);
    await w.workerClient.post(`/desks/spaces/${w.space.spaceId}/book`, { date: TOMORROW, daypart: 'morning' });
    expect(await page()).toContain(INSTRUCTIONS);
    expect(text(await html(await w.workerClient.get('/bookings')))).toContain(INSTRUCTIONS);
    // After cancelling, the instructions are gone again.
    await w.workerClient.post(`/bookings/${bookingRows(t.db)[0]!.id}/cancel`);
    expect(await page()).not.toContain(INSTRUCTIONS);
    expect(text(await html(await w.workerClient.get('/bookings')))).not.toContain(INSTRUCTIONS);
  });

  it('ics: the download parses, with DTSTART in UTC for 09:00 Amsterdam and a SUMMARY naming the space', async () => {
    const t = createTestApp();
    const w = await desksWorld(t);
    const now = t.clock.now();
    bookSpace(t.db, { spaceId: w.space.spaceId, userId: w.worker.id, guestOrgId: w.guestOrg.id, date: TOMORROW, dayparts: ['morning'], note: null }, now);
    bookSpace(t.db, { spaceId: w.space.spaceId, userId: w.worker.id, guestOrgId: w.guestOrg.id, date: '2026-11-25', dayparts: ['afternoon'], note: null }, now);
    const [morning, afternoon] = bookingRows(t.db);
    const res = await w.workerClient.get(`/bookings/${morning!.id}.ics`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/calendar/);
    const ics = (await res.text()).replace(/\r\n[ \t]/g, '');
    // Unfolded lines; TEXT values unescaped as RFC 5545 §3.3.11 says (\, \; \\ \n).
    const field = (name: string) =>
      ics
        .split(/\r?\n/)
        .find((l) => l.startsWith(`${name}:`) || l.startsWith(`${name};`))
        ?.split(':')
        .slice(1)
        .join(':')
        .replace(/\\([,;\\])/g, '$1')
        .replace(/\\n/gi, '\n');
    expect(ics).toMatch(/^BEGIN:VCALENDAR/);
    expect(field('DTSTART')).toBe('20261124T080000Z');
    expect(field('DTEND')).toBe('20261124T113000Z');
    expect(field('SUMMARY')).toBe('Gastwerkplek: Flexplekken, Locatie Harderwijk');
    const pm = (await (await w.workerClient.get(`/bookings/${afternoon!.id}.ics`)).text()).replace(/\r\n[ \t]/g, '');
    expect(pm).toContain('DTSTART:20261125T120000Z');
  });

  it('no-show release in batches: a large catch-up is done in several short transactions, and the runner repeats a full batch at once', async () => {
    const t = createTestApp();
    const hostOrg = createOrg(t.db);
    const guestOrg = createOrg(t.db);
    const { spaceId } = createSpace(t.db, hostOrg.id, { capacity: 5 });
    const people = await Promise.all([1, 2, 3, 4, 5].map(() => createUser(t.db, { orgId: guestOrg.id })));
    t.clock.set('2026-11-23T07:00:00Z');
    for (const p of people)
      bookSpace(t.db, { spaceId, userId: p.id, guestOrgId: guestOrg.id, date: '2026-11-23', dayparts: ['morning'], note: null }, t.clock.now());
    t.clock.set('2026-11-23T09:30:00Z'); // 10:30: past the morning deadline
    expect(releaseNoShows(t.db, t.clock.now(), {}, 2)).toBe(2);
    expect(releaseNoShows(t.db, t.clock.now(), {}, 2)).toBe(2);
    expect(releaseNoShows(t.db, t.clock.now(), {}, 2)).toBe(1);
    expect(releaseNoShows(t.db, t.clock.now(), {}, 2)).toBe(0);
    expect(bookingRows(t.db).every((b) => b.status === 'no_show')).toBe(true);

    // The runner: a job that returns a full batch runs again without waiting for its interval.
    const runs: number[] = [];
    let left = 5;
    const run = () => {
      const n = Math.min(2, left);
      left -= n;
      runs.push(n);
      return n;
    };
    const job = { name: 'test.batches', everyMs: 3_600_000, batch: 2, run };
    const stop = startJobs(t.db, [job], () => t.clock.now(), { info() {}, error() {}, flush() {} }, { baseUrl: '' });
    await new Promise((r) => setTimeout(r, 1300)); // the first run is 1 s after start
    stop();
    expect(runs).toEqual([2, 2, 1]);
  });

  it('no-show release: confirmed bookings not checked in by the deadline become no_show; checked-in and arrived ones stay; idempotent', async () => {
    const t = createTestApp();
    const hostOrg = createOrg(t.db);
    const guestOrg = createOrg(t.db);
    const { spaceId } = createSpace(t.db, hostOrg.id, { capacity: 5 });
    const people = await Promise.all([1, 2, 3, 4].map(() => createUser(t.db, { orgId: guestOrg.id })));
    t.clock.set('2026-11-23T07:00:00Z'); // 08:00 in Amsterdam
    const book = (i: number, daypart: 'morning' | 'afternoon') =>
      bookSpace(t.db, { spaceId, userId: people[i]!.id, guestOrgId: guestOrg.id, date: '2026-11-23', dayparts: [daypart], note: null }, t.clock.now());
    book(0, 'morning');
    book(1, 'morning');
    book(2, 'morning');
    book(3, 'afternoon');
    const [absent, checkedIn, arrived] = bookingRows(t.db);
    t.db.update(bookings).set({ checkedInAt: t.clock.now() }).where(eq(bookings.id, checkedIn!.id)).run();
    t.db.update(bookings).set({ arrivedAt: t.clock.now() }).where(eq(bookings.id, arrived!.id)).run();

    t.clock.set('2026-11-23T08:59:00Z'); // 09:59: before the morning deadline
    expect(releaseNoShows(t.db, t.clock.now())).toBe(0);
    t.clock.set('2026-11-23T09:00:00Z'); // 10:00: the morning deadline
    expect(releaseNoShows(t.db, t.clock.now())).toBe(1);
    expect(releaseNoShows(t.db, t.clock.now())).toBe(0);
    expect(bookingRows(t.db).map((b) => b.status)).toEqual(['no_show', 'confirmed', 'confirmed', 'confirmed']);
    expect(bookingRows(t.db)[0]!.id).toBe(absent!.id);
    t.clock.set('2026-11-23T13:00:00Z'); // 14:00: the afternoon deadline
    const job = jobs.find((j) => j.name === 'desks.releaseNoShows')!;
    expect(job.run(t.db, t.clock.now(), { baseUrl: 'https://gastplek.example.org' })).toBe(1);
    expect(bookingRows(t.db).map((b) => b.status)).toEqual(['no_show', 'confirmed', 'confirmed', 'no_show']);
    // The released desk no longer holds a place (a walk-in can take it at the door). The dagdeel
    // itself is over, so it is not bookable in the app any more (issue #11).
    expect(countActive(t.db, spaceId, '2026-11-23', 'afternoon')).toBe(0);
    const walkIn = await createUser(t.db, { orgId: guestOrg.id });
    expect(
      bookSpace(t.db, { spaceId, userId: walkIn.id, guestOrgId: guestOrg.id, date: '2026-11-23', dayparts: ['afternoon'], note: null }, t.clock.now()),
    ).toMatchObject({ ok: false, reason: 'daypart_over' });
  });
});

describe('desk search', () => {
  it('search: only spaces whose sharing admits the worker’s organisation appear, never the own organisation’s', async () => {
    const t = createTestApp();
    const w = await desksWorld(t, { name: 'Open voor iedereen' });
    const elsewhere = createOrg(t.db);
    createSpace(t.db, w.hostOrg.id, { name: 'Alleen voor de lijst', sharing: 'list', sharedWith: [elsewhere.id] });
    createSpace(t.db, w.hostOrg.id, { name: 'Ook voor de GGD', sharing: 'list', sharedWith: [w.guestOrg.id] });
    createSpace(t.db, w.guestOrg.id, { name: 'Eigen kantoor' });
    const results = text((await html(await w.workerClient.get(`/desks?date=${TOMORROW}&daypart=whole`))).querySelector('#desk-results'));
    expect(results).toContain('Open voor iedereen');
    expect(results).toContain('Ook voor de GGD');
    expect(results).not.toContain('Alleen voor de lijst');
    expect(results).not.toContain('Eigen kantoor');
  });

  it('search: filters by town, amenities and host organisation; a full space says Vol', async () => {
    const t = createTestApp();
    const w = await desksWorld(t, { name: 'Harderwijk flex', capacity: 1, amenities: ['wifi', 'consultation'] });
    createSpace(t.db, w.hostOrg.id, { name: 'Ede flex', town: 'Ede', amenities: ['wifi'] });
    const get = async (q: string) => text((await html(await w.workerClient.get(`/desks?date=${TOMORROW}&${q}`))).querySelector('#desk-results'));
    expect(await get('town=Ede')).not.toContain('Harderwijk flex');
    expect(await get('town=Ede')).toContain('Ede flex');
    expect(await get('amenities=wifi&amenities=consultation')).not.toContain('Ede flex');
    expect(await get('amenities=wifi&amenities=consultation')).toContain('Harderwijk flex');
    expect(await get(`host=${encodeURIComponent(w.guestOrg.name)}`)).toContain('Geen werkruimtes gevonden');
    // Part of the host's name, in any case, finds its spaces; % and _ are letters, not wildcards.
    expect(await get(`host=${encodeURIComponent(w.hostOrg.name.slice(2).toLowerCase())}`)).toContain('Harderwijk flex');
    expect(await get('host=%25')).toContain('Geen werkruimtes gevonden');
    expect(await get('host=_')).toContain('Geen werkruimtes gevonden');
    const other = await createUser(t.db, { orgId: w.guestOrg.id });
    bookSpace(
      t.db,
      { spaceId: w.space.spaceId, userId: other.id, guestOrgId: w.guestOrg.id, date: TOMORROW, dayparts: ['morning'], note: null },
      t.clock.now(),
    );
    expect(await get('town=Harderwijk')).toContain('Vol');
  });

  it('search: an htmx request returns only the results fragment (no <html>), the plain request the whole page', async () => {
    const t = createTestApp();
    const w = await desksWorld(t);
    const frag = await w.workerClient.get(`/desks?date=${TOMORROW}&daypart=morning`, HX);
    expect(frag.status).toBe(200);
    expect(frag.headers.get('vary')).toContain('HX-Request');
    const body = await frag.text();
    expect(body).not.toContain('<html');
    expect(body.startsWith('<section id="desk-results"')).toBe(true);
    expect(body).toContain('Flexplekken');
    const full = await (await w.workerClient.get(`/desks?date=${TOMORROW}`)).text();
    expect(full).toContain('<html');
    expect(full).toContain('hx-push-url="true"');
  });

  it('search: invalid parameters → the form with a message and 422, never a 500', async () => {
    const t = createTestApp();
    const w = await desksWorld(t);
    for (const q of [
      'date=2026-02-30',
      'date=gisteren',
      'daypart=avond',
      'amenities=jacuzzi',
      `host=${'x'.repeat(121)}`,
      `town=${'x'.repeat(10_000)}`,
      'date=2026-11-01',
      'town=a&town=b',
    ]) {
      const res = await w.workerClient.get(`/desks?${q}`);
      expect(res.status, q).toBe(422);
      const doc = await html(res);
      expect(text(doc.querySelector('[role=alert]')), q).not.toBe('');
      expect(doc.querySelector('form.desk-search'), q).not.toBeNull();
    }
    expect((await w.workerClient.get('/desks')).status).toBe(200);
  });

  it('nav and home: workers see Werkplek zoeken and Mijn reserveringen; hosts also Mijn locaties and Gastenlijst', async () => {
    const t = createTestApp();
    const w = await desksWorld(t);
    const workerHome = text(await html(await w.workerClient.get('/')));
    expect(workerHome).toContain('Werkplek zoeken');
    expect(workerHome).toContain('Mijn reserveringen');
    expect(workerHome).not.toContain('Mijn locaties');
    const hostHome = text(await html(await w.hostClient.get('/')));
    expect(hostHome).toContain('Mijn locaties');
    expect(hostHome).toContain('Gastenlijst');
    expect((await w.workerClient.get('/desks')).status).toBe(200);
    expect((await new (await import('../helpers')).Client(t.app).get('/desks')).status).toBe(303);
  });
});

describe('my bookings grouped (issue #17 point 5)', () => {
  it('my bookings groups: vandaag, komend, aanvragen; cancelled, declined and today’s no-show under eerder (collapsed), never under komend', async () => {
    const t = createTestApp({ clock: new TestClock(instantOf('2026-11-23', '08:00')) });
    const w = await desksWorld(t, { capacity: 5 });
    const asked = createSpace(t.db, w.hostOrg.id, { name: 'Spreekkamer', approvalRequired: true });
    const book = (spaceId: number, date: string, daypart: 'morning' | 'afternoon') => {
      const r = bookSpace(t.db, { spaceId, userId: w.worker.id, guestOrgId: w.guestOrg.id, date, dayparts: [daypart], note: null }, t.clock.now());
      if (!r.ok) throw new Error(r.reason);
      return bookingRows(t.db).at(-1)!.id;
    };
    const set = (id: number, fields: Partial<typeof bookings.$inferInsert>) => t.db.update(bookings).set(fields).where(eq(bookings.id, id)).run();
    book(w.space.spaceId, '2026-11-23', 'morning'); // vandaag
    set(book(w.space.spaceId, '2026-11-23', 'afternoon'), { status: 'no_show' }); // today's no-show
    book(w.space.spaceId, '2026-11-24', 'morning'); // komend
    set(book(w.space.spaceId, '2026-11-24', 'afternoon'), { status: 'cancelled' });
    book(asked.spaceId, '2026-11-25', 'morning'); // aanvraag
    set(book(asked.spaceId, '2026-11-26', 'morning'), { status: 'declined' });
    set(book(w.space.spaceId, '2026-11-27', 'morning'), { date: '2026-11-20' }); // last week

    const page = await html(await w.workerClient.get('/bookings'));
    const group = (id: string) => page.querySelector(`section[aria-labelledby=${id}]`);
    const items = (id: string) =>
      group(id)!
        .querySelectorAll('article.booking-item')
        .map((a) => `${text(a.querySelector('h3'))} ${text(a.querySelector('header p'))}`);
    expect(page.querySelectorAll('h2').map(text)).toEqual(['Vandaag', 'Komend', 'Aanvragen', 'Spreekuren', 'Eerder']);
    expect(items('bookings-today')).toEqual(['ma 23 nov 2026 · ochtend Status: bevestigd']);
    expect(items('bookings-upcoming')).toEqual(['di 24 nov 2026 · ochtend Status: bevestigd']);
    expect(items('bookings-requests')).toEqual(['wo 25 nov 2026 · ochtend Status: aangevraagd']);
    expect(items('bookings-earlier').map((s) => s.split(' Status: ')[1])).toEqual(['afgewezen', 'geannuleerd', 'no-show', 'bevestigd']);
    // Earlier is collapsed, with a summary that says what is inside.
    const details = group('bookings-earlier')!.querySelector('details')!;
    expect(details.hasAttribute('open')).toBe(false);
    expect(text(details.querySelector('summary'))).toBe('Toon 4 eerdere, geannuleerde of niet-gebruikte reserveringen');
    // Only bookings that hold a place offer cancel and "who is here".
    expect(group('bookings-earlier')!.querySelectorAll('form').length).toBe(0);
    expect(group('bookings-today')!.querySelector('a[href^="/people/here/"]')).not.toBeNull();

    await w.workerClient.post('/language', { locale: 'en', next: '/' });
    const en = await html(await w.workerClient.get('/bookings'));
    expect(en.querySelectorAll('h2').map(text)).toEqual(['Today', 'Upcoming', 'Requests', 'Consult hours', 'Past']);
  });

  it('my bookings groups: with nothing booked the page says so under Komend, and there are no empty Vandaag or Aanvragen sections', async () => {
    const t = createTestApp();
    const w = await desksWorld(t);
    const page = await html(await w.workerClient.get('/bookings'));
    expect(page.querySelectorAll('h2').map(text)).toEqual(['Komend', 'Spreekuren', 'Eerder']);
    expect(text(page)).toContain('Nog geen reserveringen');
    expect(text(page)).toContain('Nog geen eerdere reserveringen.');
  });
});
