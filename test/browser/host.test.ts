import { describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { addDays, instantOf, isoWeekday, localToday } from '../../src/lib/time';
import { axeViolations, journey, login, newPage, type RunningServer, nav } from './harness';
import { dutchDate, nextOpenWeekday } from './dates';
import { holidayClosure } from '../../src/desks/holidays';

let server: RunningServer;
let browser: Browser;
journey((s, b) => {
  server = s;
  browser = b;
});

async function accessible(page: Page) {
  expect(await axeViolations(page)).toEqual([]);
}

/** The first working day from today on: the demo data puts Daan de Boer at the Stationslaan that morning (Christmas is closed). */
function firstSeededWorkday(): string {
  let d = localToday(server.clock.now());
  while (isoWeekday(d) > 5 || (d.slice(5) >= '12-24' && d.slice(5) <= '12-26') || holidayClosure(d, null, null)) d = addDays(d, 1);
  return d;
}

describe('journey: a host publishes a location and receives guests', () => {
  it('adds a location, a space and a closure, opens the guest list and marks an arrival', async () => {
    const { page, context, external } = await newPage(browser, server);
    await login(page, server, 'host@gastplek.test');
    await (await nav(page)).getByRole('link', { name: 'Mijn locaties' }).click();
    await expect.poll(() => page.locator('h1').innerText()).toBe('Mijn locaties');
    expect(await page.locator('main').innerText()).toContain('CJG Harderwijk Stationslaan');
    await accessible(page);

    await page.getByRole('button', { name: 'Nieuwe locatie' }).click();
    await expect.poll(() => page.locator('h1').innerText()).toBe('Nieuwe locatie');
    await accessible(page);
    await page.getByLabel('Naam').fill('CJG Harderwijk Tweelingstad');
    await page.getByLabel('Straat en huisnummer').fill('Tweelingstad 40');
    await page.getByLabel('Postcode').fill('3841 AB');
    await page.getByLabel('Plaats').fill('Harderwijk');
    await page.getByLabel(/^Instructies voor gasten/).fill('Meld je bij de balie. Wifi: CJG-gast.');
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await expect.poll(() => page.locator('h1').innerText()).toBe('Locatie bewerken: CJG Harderwijk Tweelingstad');
    expect(await page.getByRole('status').innerText()).toBe('Locatie CJG Harderwijk Tweelingstad is aangemaakt.');
    // The empty state says what to do next.
    expect(await page.locator('main').innerText()).toContain('Nog geen werkruimtes. Voeg hieronder de eerste werkruimte toe.');
    expect(await page.locator('main').innerText()).toContain('Geen sluitingsdagen gepland.');
    await accessible(page);

    const spaceForm = page.locator('details', { hasText: 'Werkruimte toevoegen' });
    await spaceForm.locator('summary').click();
    await spaceForm.getByLabel('Naam').fill('Gastbureau');
    await spaceForm.getByLabel('Aantal werkplekken').fill('3');
    await spaceForm.getByLabel('Gastenwifi').check();
    await accessible(page);
    await spaceForm.getByRole('button', { name: 'Opslaan' }).click();
    await expect.poll(() => page.getByRole('status').innerText()).toBe('Werkruimte Gastbureau is toegevoegd.');
    const spaces = page.locator('ul.spaces > li');
    expect(await spaces.count()).toBe(1);
    expect(await spaces.first().innerText()).toContain('Gastbureau — Flexplek, 3 werkplekken');
    expect(await spaces.first().innerText()).toContain('Gastenwifi');

    const closureDay = addDays(nextOpenWeekday(server.clock.now()), 7);
    const closureForm = page.locator('details', { hasText: 'Sluitingsdag toevoegen' });
    await closureForm.locator('summary').click();
    await closureForm.getByLabel('Eerste dag').fill(closureDay);
    await closureForm.getByLabel('Laatste dag').fill(closureDay);
    await closureForm.getByLabel('Reden').fill('Teamdag');
    await accessible(page);
    await closureForm.getByRole('button', { name: 'Sluitingsdag toevoegen' }).click();
    await expect.poll(() => page.getByRole('status').innerText()).toBe('De sluitingsdag is toegevoegd.');
    expect(await page.locator('ul.closures > li').innerText()).toContain(`${dutchDate(closureDay)}: Teamdag (Hele locatie)`);
    await accessible(page);
    // Removing it: a confirming second step that says what opens again.
    await page
      .locator('ul.closures > li', { hasText: 'Teamdag' })
      .getByRole('button', { name: /^Verwijderen/ })
      .click();
    await expect.poll(() => page.locator('h1').innerText()).toBe('Sluiting verwijderen');
    expect(await page.locator('main').innerText()).toContain(`Teamdag: locatie CJG Harderwijk Tweelingstad, op ${dutchDate(closureDay)}.`);
    await accessible(page);
    await page.getByRole('button', { name: 'Ja, verwijderen' }).click();
    await expect.poll(() => page.getByRole('status').innerText()).toBe('De sluitingsdag is verwijderd.');
    expect(await page.locator('main').innerText()).toContain('Geen sluitingsdagen gepland.');

    // The new location has no guests yet; the list says so and what to try.
    await page.getByRole('main').getByRole('link', { name: 'Gastenlijst' }).click();
    await expect.poll(() => page.locator('h1').innerText()).toMatch(/^Gasten bij CJG Harderwijk Tweelingstad op /);
    expect(await page.locator('main').innerText()).toContain('Geen gasten op deze dag. Kies hierboven een andere dag of locatie.');
    await accessible(page);

    // The morning Daan de Boer (Icare JGZ) comes to the Stationslaan, 09:10.
    const day = firstSeededWorkday();
    server.clock.set(instantOf(day, '09:10'));
    await page.getByLabel('Locatie').selectOption({ label: 'CJG Harderwijk Stationslaan' });
    await page.getByLabel('Datum').fill(day);
    await page.getByRole('button', { name: 'Tonen' }).click();
    await expect.poll(() => page.locator('h1').innerText()).toBe(`Gasten bij CJG Harderwijk Stationslaan op ${dutchDate(day)}`);
    const row = page.getByRole('row', { name: /Daan de Boer/ });
    expect(await row.getByRole('cell').nth(1).innerText()).toBe('Icare JGZ');
    expect(await row.getByRole('cell').nth(3).innerText()).toBe('ochtend');
    expect(await row.getByRole('cell').nth(4).innerText()).toBe('bevestigd');
    await accessible(page);

    // Before the morning's check-in deadline (10:00) nobody is a no-show yet: not offered.
    expect(await row.locator('summary', { hasText: 'No-show' }).count()).toBe(0);
    // After it, no-show frees the desk: only after opening it and reading what it does.
    server.clock.set(instantOf(day, '10:05'));
    await page.reload();
    expect(await row.getByRole('button', { name: /^No-show/ }).count()).toBe(0);
    await row.locator('summary', { hasText: 'No-show' }).click();
    expect(await row.innerText()).toContain('Daan de Boer als no-show markeren voor de ochtend?');
    expect(await row.getByRole('button', { name: 'No-show: Daan de Boer' }).count()).toBe(1);
    server.clock.set(instantOf(day, '09:10'));
    await page.reload();
    await row.getByRole('button', { name: /^Aangekomen.*Daan de Boer, ochtend$/ }).click();
    await expect.poll(() => row.getByRole('cell').nth(4).innerText()).toContain('aangekomen om 09:10');
    expect(await row.getByRole('button').count()).toBe(0);
    await accessible(page);
    // Also after a reload: it was stored, not only swapped in.
    await page.reload();
    expect(
      await page
        .getByRole('row', { name: /Daan de Boer/ })
        .getByRole('cell')
        .nth(4)
        .innerText(),
    ).toContain('aangekomen om 09:10');

    expect(external).toEqual([]);
    server.clock.reset();
    await context.close();
  });
});
