import { describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { instantOf } from '../../src/lib/time';
import { axeViolations, journey, login, newPage, type RunningServer } from './harness';
import { dutchDate, nextOpenWeekday, openWeekdaysAfter } from './dates';

// Hosting at network scale (issue #12, part 4 and part 3) as people use it: a worker books for a
// colleague from the week view, a host registers a visitor without an account at the desk, and a
// host sets a fair share that the guest organisation then meets in the week view.

let server: RunningServer;
let browser: Browser;
journey((s, b) => {
  server = s;
  browser = b;
});

async function accessible(page: Page) {
  expect(await axeViolations(page)).toEqual([]);
}

const row = <T>(sql: string, ...args: unknown[]) => server.db.$client.prepare(sql).get(...args) as T;
const spaceId = (location: string, space: string) =>
  row<{ id: number }>('select s.id from spaces s join locations l on l.id = s.location_id where l.name = ? and s.name = ?', location, space).id;
const userId = (name: string) => row<{ id: string }>('select id from users where name = ?', name).id;

/**
 * A day some weeks ahead on which GGD has no booking at the location and no closure shuts it
 * (demo data varies with the date: from early December the day falls in the seeded Christmas closure).
 */
function quietDay(location: string, skip: number): string {
  const days = openWeekdaysAfter(server.clock.now(), 35).slice(skip);
  return days.find(
    (d) =>
      row<{ n: number }>(
        `select count(*) as n from bookings b join locations l on l.id = b.location_id join organisations o on o.id = b.guest_org_id
         where l.name = ? and o.name = 'GGD Noord- en Oost-Gelderland' and b.date = ? and b.status in ('confirmed','pending')`,
        location,
        d,
      ).n === 0 &&
      row<{ n: number }>(
        `select count(*) as n from closures c join locations l on l.name = ?
         where c.start_date <= ? and c.end_date >= ?
           and (c.scope = 'network' or (c.scope = 'org' and c.org_id = l.org_id) or (c.scope = 'location' and c.location_id = l.id))`,
        location,
        d,
        d,
      ).n === 0,
  )!;
}

describe('journey: booking for a colleague from the week view', () => {
  it('Sanne chooses Ruben under "Voor wie?", books a cell in place; Ruben is the booker of record and the cell says so', async () => {
    const day = quietDay('CJG Harderwijk Stationslaan', 15);
    const short = dutchDate(day).replace(/ \d{4}$/, '');
    const space = spaceId('CJG Harderwijk Stationslaan', 'Stilteruimte');
    const { page } = await newPage(browser, server);
    await login(page, server, 'worker@gastplek.test');
    await page.goto(`${server.url}/desks/spaces/${space}?week=${day}`);
    await page.getByLabel('Voor wie?').selectOption({ label: 'Ruben Mulder' });
    await page.getByRole('button', { name: 'Kiezen' }).click();
    await expect.poll(() => page.getByLabel('Voor wie?').inputValue()).toBe(userId('Ruben Mulder'));
    await accessible(page);
    await page.getByRole('button', { name: `Reserveren ${short}, middag, voor Ruben Mulder` }).click();
    await expect.poll(() => page.getByRole('status').first().innerText()).toMatch(/^Voor Ruben Mulder: Gereserveerd: Stilteruimte/);
    const booking = row<{ user_id: string; booked_by: string }>(
      'select user_id, booked_by from bookings where space_id = ? and date = ? and daypart = ?',
      space,
      day,
      'afternoon',
    );
    expect(booking).toEqual({ user_id: userId('Ruben Mulder'), booked_by: userId('Sanne de Vries') });
    await accessible(page);
  });
});

describe('journey: a visitor without an account at the desk', () => {
  it('the host registers name and organisation from the guest list; the visitor appears as arrived, marked as a visitor', async () => {
    const today = nextOpenWeekday(server.clock.now());
    server.clock.set(instantOf(today, '10:30'));
    try {
      const { page } = await newPage(browser, server);
      await login(page, server, 'host@gastplek.test');
      const location = row<{ id: number }>("select id from locations where name = 'CJG Harderwijk Stationslaan'").id;
      await page.goto(`${server.url}/host/guests?location=${location}`);
      await page.getByRole('link', { name: 'Binnenloper inschrijven' }).click();
      await expect.poll(() => page.locator('h1').innerText()).toBe('Binnenloper inschrijven bij CJG Harderwijk Stationslaan');
      await accessible(page);
      await page.getByLabel('Naam', { exact: true }).fill('Jeroen Bakker');
      await page.getByLabel('Organisatie', { exact: true }).fill('Basisschool De Regenboog');
      await page.locator('#visitor-space').selectOption({ label: 'Stilteruimte' });
      await page.locator('#visitor-daypart').selectOption({ label: 'middag' });
      await page.getByRole('button', { name: 'Bezoeker inschrijven voor vandaag' }).click();
      await expect.poll(() => page.getByRole('status').first().innerText()).toBe('Jeroen Bakker is ingeschreven en staat als aangekomen op de gastenlijst.');
      const visitor = page.locator('tbody tr', { hasText: 'Jeroen Bakker' });
      expect(await visitor.innerText()).toMatch(/bezoeker zonder account[\s\S]*Basisschool De Regenboog[\s\S]*Stilteruimte[\s\S]*aangekomen om 10:30/);
      await accessible(page);
    } finally {
      server.clock.reset();
    }
  });
});

describe('journey: a fair share for each guest organisation', () => {
  it('the host allows one dagdeel per guest organisation per day; after one booking the week view says "Vol voor jouw organisatie"', async () => {
    const location = 'CJG Harderwijk Stationslaan';
    const day = quietDay(location, 20);
    const short = dutchDate(day).replace(/ \d{4}$/, '');
    const { page: host } = await newPage(browser, server);
    await login(host, server, 'host@gastplek.test');
    const id = row<{ id: number }>('select id from locations where name = ?', location).id;
    await host.goto(`${server.url}/host/locations/${id}`);
    await host.getByLabel(/^Hoogstens zoveel dagdelen per gastorganisatie/).fill('1');
    await host.getByLabel('Per', { exact: true }).selectOption('day');
    await host.getByRole('button', { name: 'Opslaan' }).first().click();
    await expect.poll(() => host.getByRole('status').first().innerText()).toBe('De wijzigingen zijn opgeslagen.');
    expect(row<{ guest_share_max: number }>('select guest_share_max from locations where id = ?', id).guest_share_max).toBe(1);

    const space = spaceId(location, 'Flexplekken eerste verdieping');
    const { page } = await newPage(browser, server);
    await login(page, server, 'worker@gastplek.test');
    await page.goto(`${server.url}/desks/spaces/${space}?week=${day}`);
    await page.getByRole('button', { name: `Reserveren ${short}, ochtend` }).click();
    await expect.poll(() => page.getByRole('status').first().innerText()).toMatch(/^Gereserveerd: Flexplekken eerste verdieping/);
    await page.reload();
    const dayRow = page.locator('table.week tbody tr', { hasText: short });
    expect(await dayRow.locator('td').nth(1).innerText()).toContain('Vol voor jouw organisatie');
    await accessible(page);
  });
});
