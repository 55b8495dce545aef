import { describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { bookSpace } from '../../src/desks/bookings';
import { holidaysIn } from '../../src/desks/holidays';
import { localToday } from '../../src/lib/time';
import { axeViolations, journey, login, newPage, type RunningServer, nav } from './harness';
import { dutchDate, openWeekdaysAfter } from './dates';

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

describe('journey: an org admin closes every location, and guests see it by name', () => {
  it('shows the holidays, closes all locations after confirming the count (no JavaScript), and the worker sees the closure in search and week view', async () => {
    const now = server.clock.now();
    // Ten working days ahead: inside the horizon, past the demo bookings.
    const day = openWeekdaysAfter(now, 10)[9]!;
    const lokalis = row<{ id: number }>("select id from organisations where name = 'Lokalis Utrecht'").id;
    const space = row<{ id: number; location_id: number }>(
      'select s.id, s.location_id from spaces s join locations l on l.id = s.location_id where l.org_id = ? order by s.id limit 1',
      lokalis,
    );
    const ruben = row<{ id: string }>("select id from users where email = 'ruben.mulder@gastplek.test'").id;
    const ggd = row<{ id: number }>("select id from organisations where name = 'GGD Noord- en Oost-Gelderland'").id;
    expect(bookSpace(server.db, { spaceId: space.id, userId: ruben, guestOrgId: ggd, date: day, dayparts: ['morning'], note: null }, now).ok).toBe(true);

    const { page: admin } = await newPage(browser, server, { javaScriptEnabled: false });
    await login(admin, server, 'orgadmin@gastplek.test');
    await (await nav(admin)).getByRole('link', { name: 'Feestdagen en sluitingen' }).click();
    await expect.poll(() => admin.locator('h1').innerText()).toBe('Feestdagen en sluitingen: Lokalis Utrecht');
    const main = await admin.locator('main').innerText();
    expect(main).toContain('Kerstsluiting');
    const year = Number(localToday(now).slice(0, 4));
    const christmas = holidaysIn(year).find(([, keys]) => keys.includes('eerste_kerstdag'))![0];
    expect(main).toContain(`${dutchDate(christmas)}: Eerste kerstdag — gesloten`);
    expect(await admin.getByLabel('Goede Vrijdag').isChecked()).toBe(false);
    expect(await admin.getByLabel('Koningsdag').isChecked()).toBe(true);

    await admin.getByLabel('Eerste dag').fill(day);
    await admin.getByLabel('Laatste dag').fill(day);
    await admin.getByLabel('Naam of reden').fill('Studiedag');
    await admin.getByRole('button', { name: 'Verder' }).click();
    await expect.poll(() => admin.locator('h1').innerText()).toBe('Sluiting bevestigen');
    expect(await admin.getByRole('status').innerText()).toBe('1 reservering wordt geannuleerd; iedere gast krijgt bericht.');
    expect(row<{ n: number }>("select count(*) as n from closures where reason = 'Studiedag'").n).toBe(0);
    await admin.getByRole('button', { name: 'Ja, sluiten' }).click();
    await expect.poll(() => admin.locator('.flash').innerText()).toBe('De sluiting is toegevoegd; 1 reservering is geannuleerd en de gasten zijn gemaild.');
    expect(await admin.locator('ul.closures').innerText()).toContain(`${dutchDate(day)}: Studiedag`);
    expect(row<{ status: string }>('select status from bookings where user_id = ? and date = ?', ruben, day).status).toBe('cancelled');

    // Removing it takes a confirming second step too, which says the cancelled booking does not come back.
    await admin
      .locator('ul.closures li', { hasText: 'Studiedag' })
      .getByRole('button', { name: /^Verwijderen/ })
      .click();
    await expect.poll(() => admin.locator('h1').innerText()).toBe('Sluiting verwijderen');
    expect(await admin.locator('main').innerText()).toContain(`Studiedag: alle locaties van Lokalis Utrecht, op ${dutchDate(day)}.`);
    expect(row<{ n: number }>("select count(*) as n from closures where reason = 'Studiedag'").n).toBe(1);
    await admin.getByRole('link', { name: 'Terug' }).click();
    await expect.poll(() => admin.locator('h1').innerText()).toBe('Feestdagen en sluitingen: Lokalis Utrecht');
    await admin
      .locator('ul.closures li', { hasText: 'Studiedag' })
      .getByRole('button', { name: /^Verwijderen/ })
      .click();
    await admin.getByRole('button', { name: 'Ja, verwijderen' }).click();
    await expect.poll(() => admin.locator('.flash').innerText()).toBe('De sluiting is verwijderd. Geannuleerde reserveringen komen niet vanzelf terug.');
    expect(await admin.locator('ul.closures').innerText()).not.toContain('Studiedag');
    expect(row<{ status: string }>('select status from bookings where user_id = ? and date = ?', ruben, day).status).toBe('cancelled');
    // Close it again for the worker's part of the journey below.
    await admin.getByLabel('Eerste dag').fill(day);
    await admin.getByLabel('Laatste dag').fill(day);
    await admin.getByLabel('Naam of reden').fill('Studiedag');
    await admin.getByRole('button', { name: 'Verder' }).click();
    await admin.getByRole('button', { name: 'Ja, sluiten' }).click();
    await expect.poll(() => admin.locator('.flash').innerText()).toBe('De sluiting is toegevoegd.');

    const { page: worker } = await newPage(browser, server);
    await login(worker, server, 'worker@gastplek.test');
    await worker.goto(`${server.url}/desks?date=${day}&daypart=morning`);
    expect(await worker.locator('#desk-results').innerText()).toContain(
      'Studiedag (alle locaties van Lokalis Utrecht): locaties die dan gesloten zijn, staan niet in de lijst.',
    );
    await accessible(worker);
    await worker.goto(`${server.url}/desks/spaces/${space.id}?week=${day}`);
    const cell = worker.locator('table.week tbody tr', { hasText: dutchDate(day).replace(/ \d{4}$/, '') });
    expect(await cell.innerText()).toContain('gesloten: Studiedag');
    await accessible(worker);
  });
});
