import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'node-html-parser';
import { describe, expect, it } from 'vitest';
import { bookings, closures, locations, organisations, outbox, type Daypart } from '../../db/schema';
import { bookSpace } from '../../src/desks/bookings';
import { searchSpaces } from '../../src/desks/desks';
import { HOLIDAY_KEYS, holidayClosure, holidaysIn, holidaysOn } from '../../src/desks/holidays';
import { closuresFor } from '../../src/desks/rules';
import { addDays, instantOf } from '../../src/lib/time';
import { eq } from 'drizzle-orm';
import { createOrg, createTestApp, createUser, loginAs, TestClock, text } from '../helpers';
import { bookingRows, createSpace } from './factory';

// Public holidays and closures of a whole organisation or the network (issue #12, part 1). The
// clock stands at Tuesday 1 December 2026, 09:00 Amsterdam: Christmas and New Year lie within the
// default horizon of eight weeks.

const NOW = '2026-12-01';

async function world(o: Parameters<typeof createSpace>[2] = {}) {
  const t = createTestApp({ clock: new TestClock(instantOf(NOW, '09:00')) });
  const hostOrg = createOrg(t.db, { name: 'CJG Harderwijk' });
  const guestOrg = createOrg(t.db, { name: 'GGD Noord- en Oost-Gelderland' });
  const otherOrg = createOrg(t.db, { name: 'Lokalis Utrecht' });
  const space = createSpace(t.db, hostOrg.id, { openWeekdays: 127, ...o });
  const other = createSpace(t.db, otherOrg.id, { openWeekdays: 127, town: 'Utrecht' });
  const worker = await createUser(t.db, { orgId: guestOrg.id, name: 'Sanne de Vries' });
  const viewer = { userId: worker.id, userOrgIds: [guestOrg.id], guestOrgId: guestOrg.id };
  const book = (date: string, spaceId = space.spaceId, userId = worker.id, dayparts: Daypart[] = ['morning']) =>
    bookSpace(t.db, { spaceId, userId, guestOrgId: guestOrg.id, date, dayparts, note: null }, t.clock.now());
  const found = (date: string) =>
    searchSpaces(t.db, { date, town: null, amenities: [], host: null }, viewer, t.clock.now())
      .rows.map((r) => r.spaceId)
      .sort();
  const setOrgHolidays = (orgId: number, set: string | null) =>
    t.db.update(organisations).set({ closedHolidays: set }).where(eq(organisations.id, orgId)).run();
  const setLocationHolidays = (locationId: number, set: string | null) =>
    t.db.update(locations).set({ closedHolidays: set }).where(eq(locations.id, locationId)).run();
  return { t, hostOrg, guestOrg, otherOrg, space, other, worker, viewer, book, found, setOrgHolidays, setLocationHolidays };
}

describe('holidays: the dates come from date-holidays (NL)', () => {
  it('every holiday key is found in each year 2025–2032 (a library update that renames a rule fails here)', () => {
    for (let year = 2025; year <= 2032; year++) {
      const keys = new Set(holidaysIn(year).flatMap(([, k]) => k));
      const expected = HOLIDAY_KEYS.filter((k) => k !== 'bevrijdingsdag_lustrum' || year % 5 === 0);
      expect([...keys].sort(), String(year)).toEqual([...expected].sort());
    }
  });

  it('known dates: Christmas, New Year, Easter Monday, Ascension, Whit Monday, Koningsdag on Saturday when 27 April is a Sunday', () => {
    expect(holidaysOn('2026-12-25')).toEqual(['eerste_kerstdag']);
    expect(holidaysOn('2026-12-26')).toEqual(['tweede_kerstdag']);
    expect(holidaysOn('2027-01-01')).toEqual(['nieuwjaarsdag']);
    expect(holidaysOn('2027-03-29')).toEqual(['tweede_paasdag']);
    expect(holidaysOn('2027-05-06')).toEqual(['hemelvaartsdag']);
    expect(holidaysOn('2027-05-17')).toEqual(['tweede_pinksterdag']);
    expect(holidaysOn('2025-04-26')).toEqual(['koningsdag']);
    expect(holidaysOn('2030-05-05')).toEqual(['bevrijdingsdag', 'bevrijdingsdag_lustrum']);
    expect(holidaysOn('2027-05-05')).toEqual(['bevrijdingsdag']);
    expect(holidaysOn('2026-12-24')).toEqual([]);
  });

  it('default set: the national days most employers give are closed; Goede Vrijdag and Bevrijdingsdag are not', () => {
    expect(holidayClosure('2026-12-25', null, null)).toBe('eerste_kerstdag');
    expect(holidayClosure('2027-04-27', null, null)).toBe('koningsdag');
    expect(holidayClosure('2027-03-26', null, null)).toBeNull(); // Goede Vrijdag
    expect(holidayClosure('2027-05-05', null, null)).toBeNull(); // Bevrijdingsdag
    expect(holidayClosure('2030-05-05', null, 'bevrijdingsdag_lustrum')).toBe('bevrijdingsdag_lustrum');
    expect(holidayClosure('2027-05-05', null, 'bevrijdingsdag_lustrum')).toBeNull();
  });

  it('a location inherits the organisation’s choice unless it has its own (also an empty one: open on every holiday)', () => {
    expect(holidayClosure('2027-03-26', null, 'goede_vrijdag')).toBe('goede_vrijdag');
    expect(holidayClosure('2026-12-25', null, 'goede_vrijdag')).toBeNull();
    expect(holidayClosure('2026-12-25', 'eerste_kerstdag', '')).toBe('eerste_kerstdag');
    expect(holidayClosure('2026-12-25', '', null)).toBeNull();
  });
});

describe('holidays: booking, week view, series and search', () => {
  it('booking on Christmas Day is refused as closed, with the holiday by name (nl and en)', async () => {
    const w = await world();
    expect(w.book('2026-12-25')).toMatchObject({ ok: false, reason: 'closed', closed: { kind: 'holiday', holiday: 'eerste_kerstdag' } });
    expect(w.book('2027-01-01')).toMatchObject({ ok: false, reason: 'closed', closed: { kind: 'holiday', holiday: 'nieuwjaarsdag' } });
    expect(w.book('2026-12-24').ok).toBe(true);
    const client = await loginAs(w.t.app, w.worker.email);
    const res = await client.post(`/desks/spaces/${w.space.spaceId}/book`, { date: '2026-12-25', daypart: 'afternoon' });
    expect(res.status).toBe(422);
    expect(text(parse(await res.text()))).toContain('Eerste kerstdag. De locatie of werkruimte is dan gesloten.');
    await client.post('/language', { locale: 'en', next: '/' });
    const en = await client.post(`/desks/spaces/${w.space.spaceId}/book`, { date: '2026-12-25', daypart: 'afternoon' });
    expect(text(parse(await en.text()))).toContain('Christmas Day. The location or space is closed then.');
    expect(bookingRows(w.t.db, "date = '2026-12-25'")).toEqual([]);
  });

  it('an organisation that opens on Christmas and closes on Goede Vrijdag: booking follows its choice; a location may override it', async () => {
    const w = await world();
    w.setOrgHolidays(w.hostOrg.id, 'goede_vrijdag');
    expect(w.book('2026-12-25').ok).toBe(true);
    w.t.clock.set(instantOf('2027-03-01', '09:00').toISOString());
    expect(w.book('2027-03-26')).toMatchObject({ ok: false, reason: 'closed', closed: { holiday: 'goede_vrijdag' } });
    w.setLocationHolidays(w.space.locationId, '');
    expect(w.book('2027-03-26').ok).toBe(true);
  });

  it('the week view names the holiday in its cells; the series skips it with its name', async () => {
    const w = await world();
    const client = await loginAs(w.t.app, w.worker.email);
    const res = await client.get(`/desks/spaces/${w.space.spaceId}?week=2026-12-21`);
    const rows = parse(await res.text()).querySelectorAll('table.week tbody tr');
    const christmas = rows.find((r) => /25/.test(text(r.querySelector('th')!)))!;
    expect(text(christmas)).toContain('gesloten: Eerste kerstdag');
    const friday = rows.find((r) => /24/.test(text(r.querySelector('th')!)))!;
    expect(text(friday)).not.toContain('gesloten');
    const series = await client.post(`/desks/spaces/${w.space.spaceId}/book-series`, { weekday: '5', daypart: 'morning', weeks: '3', startDate: '2026-12-18' });
    const skipped = text(parse(await series.text()).querySelector('ul.skipped')!);
    expect(skipped).toContain('Eerste kerstdag. De locatie of werkruimte is dan gesloten.');
    expect(skipped).toContain('Nieuwjaarsdag. De locatie of werkruimte is dan gesloten.');
  });

  it('search leaves out locations closed for the holiday, names the holiday, and lists a location that stays open', async () => {
    const w = await world();
    w.setOrgHolidays(w.otherOrg.id, '');
    expect(w.found('2026-12-25')).toEqual([w.other.spaceId]);
    expect(w.found('2026-12-24')).toEqual([w.space.spaceId, w.other.spaceId].sort());
    const client = await loginAs(w.t.app, w.worker.email);
    const page = text(parse(await (await client.get('/desks?date=2026-12-25&daypart=morning')).text()));
    expect(page).toContain('Eerste kerstdag: locaties die dan gesloten zijn, staan niet in de lijst.');
  });

  it('search and the booking rule agree on every day from December 2026 to June 2027, for each choice of holidays and closure scope', async () => {
    const w = await world({ horizonWeeks: 52 });
    const choices: [string | null, string | null][] = [
      [null, null],
      [null, ''],
      [null, 'goede_vrijdag,bevrijdingsdag'],
      ['eerste_kerstdag', null],
      ['', 'nieuwjaarsdag'],
    ];
    w.t.db.insert(closures).values({ scope: 'org', orgId: w.hostOrg.id, startDate: '2026-12-28', endDate: '2026-12-31', reason: 'Kerstsluiting' }).run();
    w.t.db.insert(closures).values({ scope: 'org', orgId: w.otherOrg.id, startDate: '2027-02-15', endDate: '2027-02-19', reason: 'Voorjaarssluiting' }).run();
    w.t.db.insert(closures).values({ scope: 'network', orgId: null, startDate: '2027-04-01', endDate: '2027-04-02', reason: 'Netwerkdag' }).run();
    const disagreements: string[] = [];
    for (const [loc, org] of choices) {
      w.setLocationHolidays(w.space.locationId, loc);
      w.setOrgHolidays(w.hostOrg.id, org);
      const closed = closuresFor(w.t.db, { id: w.space.spaceId, locationId: w.space.locationId }, '2026-12-02', '2027-06-30');
      for (let d = '2026-12-02'; d <= '2027-06-30'; d = addDays(d, 1)) {
        const inSearch = w.found(d).includes(w.space.spaceId);
        if (inSearch !== (closed(d) === null)) disagreements.push(`${loc}/${org} ${d}: search ${inSearch}, rule ${JSON.stringify(closed(d))}`);
      }
    }
    expect(disagreements).toEqual([]);
  });
});

describe('closures of a whole organisation (org admin) and of the network (network admin)', () => {
  async function admins() {
    const w = await world();
    const orgAdmin = await createUser(w.t.db, { orgId: w.hostOrg.id, roles: ['org_admin'], name: 'Ingrid Bakker' });
    const otherAdmin = await createUser(w.t.db, { orgId: w.otherOrg.id, roles: ['org_admin'] });
    const host = await createUser(w.t.db, { orgId: w.hostOrg.id, roles: ['host'] });
    const networkAdmin = await createUser(w.t.db, { orgId: w.otherOrg.id, networkAdmin: true });
    const second = createSpace(w.t.db, w.hostOrg.id, { openWeekdays: 127, town: 'Ermelo' });
    return { ...w, orgAdmin, otherAdmin, host, networkAdmin, second };
  }
  const kerst = { startDate: '2026-12-24', endDate: '2027-01-01', reason: 'Kerstsluiting' };

  it('closing all locations takes two steps: the count of bookings to cancel, then the confirmation; nothing changes before it', async () => {
    const w = await admins();
    const other = await createUser(w.t.db, { orgId: w.guestOrg.id, locale: 'en' } as never);
    expect(w.book('2026-12-24').ok).toBe(true);
    expect(w.book('2026-12-30', w.second.spaceId, other.id).ok).toBe(true);
    expect(w.book('2026-12-30', w.other.spaceId).ok).toBe(true); // another organisation: untouched
    expect(w.book('2027-01-04').ok).toBe(true); // after the range: untouched
    const client = await loginAs(w.t.app, w.orgAdmin.email);
    const preview = await client.post(`/closures/org/${w.hostOrg.id}`, kerst);
    expect(preview.status).toBe(200);
    expect(text(parse(await preview.text()))).toContain('2 reserveringen worden geannuleerd');
    expect(w.t.db.select().from(closures).all()).toEqual([]);
    expect(bookingRows(w.t.db, "status = 'cancelled'")).toEqual([]);
    const done = await client.post(`/closures/org/${w.hostOrg.id}`, { ...kerst, confirm: 'yes' });
    expect(done.status).toBe(303);
    expect(bookingRows(w.t.db, "status = 'cancelled'").map((b) => b.date)).toEqual(['2026-12-24', '2026-12-30']);
    expect(
      bookingRows(w.t.db, "status = 'confirmed'")
        .map((b) => b.date)
        .sort(),
    ).toEqual(['2026-12-30', '2027-01-04']);
    const mails = w.t.db
      .select()
      .from(outbox)
      .all()
      .filter((m) => /^Geannuleerd:/.test(m.subject));
    expect(mails).toHaveLength(2);
    expect(mails.every((m) => m.body.includes('Kerstsluiting'))).toBe(true);
    // Both locations are closed for the range, also for a new booking; the search names the closure.
    expect(w.book('2026-12-29', w.second.spaceId)).toMatchObject({ ok: false, reason: 'closed', closed: { kind: 'closure', reason: 'Kerstsluiting' } });
    expect(w.found('2026-12-29')).toEqual([w.other.spaceId]);
    const worker = await loginAs(w.t.app, w.worker.email);
    expect(text(parse(await (await worker.get('/desks?date=2026-12-29')).text()))).toContain('Kerstsluiting (alle locaties van CJG Harderwijk)');
    const week = text(parse(await (await worker.get(`/desks/spaces/${w.space.spaceId}?week=2026-12-28`)).text()));
    expect(week).toContain('gesloten: Kerstsluiting');
  });

  it('a network admin closes every location in the network; removing the closure opens them again', async () => {
    const w = await admins();
    const client = await loginAs(w.t.app, w.networkAdmin.email);
    expect((await client.get('/closures/network')).status).toBe(200);
    expect((await client.post('/closures/network', { startDate: '2027-01-15', endDate: '2027-01-15', reason: 'Netwerkdag', confirm: 'yes' })).status).toBe(303);
    expect(w.found('2027-01-15')).toEqual([]);
    expect(w.book('2027-01-15', w.other.spaceId)).toMatchObject({ ok: false, reason: 'closed', closed: { reason: 'Netwerkdag' } });
    const id = w.t.db.select().from(closures).get()!.id;
    expect((await client.post(`/closures/network/${id}/delete`, { confirm: 'yes' })).status).toBe(303);
    expect(w.found('2027-01-15').length).toBe(3);
  });

  it('refusals: another organisation’s admin and a host get 404, a worker 403, a non-network-admin 403 for the network; nothing changes', async () => {
    const w = await admins();
    w.t.db
      .insert(closures)
      .values({ scope: 'org', orgId: w.hostOrg.id, ...kerst })
      .run();
    const id = w.t.db.select().from(closures).get()!.id;
    for (const who of [w.otherAdmin, w.host, w.networkAdmin]) {
      const c = await loginAs(w.t.app, who.email);
      expect((await c.get(`/closures/org/${w.hostOrg.id}`)).status, who.email).toBe(404);
      expect((await c.post(`/closures/org/${w.hostOrg.id}`, { ...kerst, confirm: 'yes' })).status).toBe(404);
      expect((await c.post(`/closures/org/${w.hostOrg.id}/holidays`, { closedHolidays: 'goede_vrijdag' })).status).toBe(404);
      expect((await c.post(`/closures/org/${w.hostOrg.id}/${id}/delete`)).status).toBe(404);
      expect((await c.post(`/closures/org/${w.hostOrg.id}/${id}/delete`, { confirm: 'yes' })).status).toBe(404);
    }
    // The other organisation's admin cannot delete this closure through their own organisation either.
    const other = await loginAs(w.t.app, w.otherAdmin.email);
    expect((await other.post(`/closures/org/${w.otherOrg.id}/${id}/delete`, { confirm: 'yes' })).status).toBe(404);
    // Nor can a host of the organisation, through a location's closures: those are only scope 'location'.
    const host = await loginAs(w.t.app, w.host.email);
    expect((await host.post(`/host/closures/${id}/delete`)).status).toBe(404);
    expect((await host.post(`/host/closures/${id}/delete`, { confirm: 'yes' })).status).toBe(404);
    const worker = await loginAs(w.t.app, w.worker.email);
    expect((await worker.get('/closures')).status).toBe(403);
    for (const who of [w.worker, w.orgAdmin, w.host]) {
      const c = await loginAs(w.t.app, who.email);
      expect((await c.get('/closures/network')).status).toBe(403);
      expect((await c.post('/closures/network', { ...kerst, confirm: 'yes' })).status).toBe(403);
      expect((await c.post(`/closures/network/${id}/delete`, { confirm: 'yes' })).status).toBe(403);
    }
    expect(w.t.db.select().from(closures).all()).toHaveLength(1);
    expect(
      w.t.db
        .select()
        .from(organisations)
        .all()
        .every((o) => o.closedHolidays === null),
    ).toBe(true);
  });

  it('validation: a range in the past, an end before the start, or no name re-shows the form with messages (422)', async () => {
    const w = await admins();
    const client = await loginAs(w.t.app, w.orgAdmin.email);
    const res = await client.post(`/closures/org/${w.hostOrg.id}`, { startDate: '2026-11-30', endDate: '2026-11-29', reason: '' });
    expect(res.status).toBe(422);
    const page = text(parse(await res.text()));
    expect(page).toContain('Deze datum ligt in het verleden.');
    expect(page).toContain('De laatste dag ligt vóór de eerste dag.');
    expect(w.t.db.select().from(closures).all()).toEqual([]);
  });

  it('the org admin chooses the closing holidays; the page lists this and next year’s holidays as closed or open', async () => {
    const w = await admins();
    const client = await loginAs(w.t.app, w.orgAdmin.email);
    expect((await client.get('/closures')).headers.get('location')).toBe(`/closures/org/${w.hostOrg.id}`);
    const before = text(parse(await (await client.get(`/closures/org/${w.hostOrg.id}`)).text()));
    expect(before).toMatch(/Goede Vrijdag — open/);
    expect(before).toMatch(/Eerste kerstdag — gesloten/);
    expect((await client.post(`/closures/org/${w.hostOrg.id}/holidays`, { closedHolidays: ['goede_vrijdag', 'eerste_kerstdag'] })).status).toBe(303);
    expect(w.t.db.select().from(organisations).where(eq(organisations.id, w.hostOrg.id)).get()!.closedHolidays).toBe('goede_vrijdag,eerste_kerstdag');
    expect(w.book('2027-01-01').ok).toBe(true); // Nieuwjaarsdag no longer chosen
    expect((await client.post(`/closures/org/${w.hostOrg.id}/holidays`, { closedHolidays: 'kerstavond' })).status).toBe(422);
  });

  it('a host sets a location’s own holidays in the location form, or lets it inherit again', async () => {
    const w = await admins();
    const host = await loginAs(w.t.app, w.host.email);
    const form = {
      name: 'Locatie Harderwijk',
      street: 'Stationslaan 2',
      postcode: '3841 DB',
      town: 'Harderwijk',
      openWeekdays: ['1', '2', '3', '4', '5', '6', '7'],
      sharing: 'all',
      horizonWeeks: '8',
      checkinDeadlineMorning: '10:00',
      checkinDeadlineAfternoon: '14:00',
      requestDeadlineDays: '1',
      requestDeadlineTime: '16:00',
    };
    expect((await host.post(`/host/locations/${w.space.locationId}`, { ...form, holidayMode: 'own', closedHolidays: [] })).status).toBe(303);
    expect(w.book('2026-12-25').ok).toBe(true);
    // Inheriting again closes Christmas Day, which is booked: a confirmation first (holiday-change.test.ts).
    expect((await host.post(`/host/locations/${w.space.locationId}`, { ...form, holidayMode: 'inherit', closedHolidays: [] })).status).toBe(200);
    expect((await host.post(`/host/locations/${w.space.locationId}`, { ...form, holidayMode: 'inherit', confirm: 'yes' })).status).toBe(303);
    expect(w.t.db.select().from(locations).where(eq(locations.id, w.space.locationId)).get()!.closedHolidays).toBeNull();
    expect(w.book('2026-12-26', w.space.spaceId)).toMatchObject({ ok: false, reason: 'closed' });
  });

  it('closing and the cancellations are one transaction: a failing notice leaves no closure and no cancelled booking', async () => {
    const w = await admins();
    expect(w.book('2026-12-24').ok).toBe(true);
    w.t.db.$client.exec("create trigger fail_mail before insert on outbox begin select raise(abort, 'mail down'); end");
    const client = await loginAs(w.t.app, w.orgAdmin.email);
    const res = await client.post(`/closures/org/${w.hostOrg.id}`, { ...kerst, confirm: 'yes' });
    expect(res.status).toBe(500);
    expect(w.t.db.select().from(closures).all()).toEqual([]);
    expect(
      w.t.db
        .select()
        .from(bookings)
        .all()
        .map((b) => b.status),
    ).toEqual(['confirmed']);
  });
});

describe('holiday data: the Dutch part of date-holidays (issue #18: memory)', () => {
  it('src/desks/holidays-nl.json is what `npm run holidays:nl` writes from the installed date-holidays', async () => {
    const { nlHolidayData } = await import('../../scripts/holidays-nl-data.mjs');
    const committed = JSON.parse(fs.readFileSync(path.resolve('src/desks/holidays-nl.json'), 'utf8')) as unknown;
    expect(committed, 'date-holidays was updated: run `npm run holidays:nl`').toEqual(nlHolidayData(path.resolve('.')));
  });

  it('the Dutch part alone gives exactly the holidays date-holidays gives for NL, 2020–2040; every key is found each year', async () => {
    const { default: Holidays } = await import('date-holidays');
    const { default: HolidaysParser } = await import('date-holidays-parser');
    const full = new Holidays('NL');
    const part = new HolidaysParser(JSON.parse(fs.readFileSync(path.resolve('src/desks/holidays-nl.json'), 'utf8')) as object, 'NL');
    for (let year = 2020; year <= 2040; year++) {
      expect(part.getHolidays(year), `${year}`).toEqual(full.getHolidays(year));
      const keys = new Set(holidaysIn(year).flatMap(([, k]) => k));
      for (const key of HOLIDAY_KEYS) if (key !== 'bevrijdingsdag_lustrum' || year % 5 === 0) expect(keys.has(key), `${key} in ${year}`).toBe(true);
    }
  });
});
