import { describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { instantOf } from '../../src/lib/time';
import { axeViolations, journey, login, newPage, type RunningServer, nav } from './harness';
import { dutchDate, englishDate, nextOpenWeekday, openWeekdaysAfter } from './dates';

let server: RunningServer;
let browser: Browser;
journey((s, b) => {
  server = s;
  browser = b;
});

/** axe on the page as it is now; every page and state the JS journeys reach goes through here. */
async function accessible(page: Page) {
  expect(await axeViolations(page)).toEqual([]);
}

const SPACE = 'Flexplekken CJG';

/** Cancels a journey's booking on Mijn reserveringen, so the other journeys find the desks as the demo data has them. */
async function cancelAgain(page: Page, space: string, date: string, daypart: 'ochtend' | 'middag') {
  await page.goto(`${server.url}/bookings`);
  const item = page.locator('article.booking-item', { hasText: space }).filter({ hasText: `${dutchDate(date)} · ${daypart}` });
  await item.getByText('Annuleren', { exact: true }).click();
  await item.getByRole('button', { name: 'Ja, annuleer deze reservering' }).click();
  await expect.poll(() => item.getByRole('status').innerText()).toBe('Je reservering is geannuleerd; de plek is weer vrij.');
}

describe('journey: a worker books a desk in another town, checks in and cancels', () => {
  it('with JavaScript: htmx swaps, focus on the outcome, Dutch dates, English on request', async () => {
    server.clock.reset();
    const date = nextOpenWeekday(server.clock.now());
    const { page, context, external } = await newPage(browser, server);
    // Ruben works for the GGD in Apeldoorn; CJG Ede is another organisation in another town.
    await login(page, server, 'ruben.mulder@gastplek.test');
    await (await nav(page)).getByRole('link', { name: 'Werkplek zoeken' }).click();
    await expect.poll(() => page.locator('h1').innerText()).toBe('Werkplek zoeken');
    await accessible(page);

    await page.getByLabel('Datum').fill(date);
    await page.getByLabel('Dagdeel').selectOption('morning');
    await page.getByLabel('Plaats').fill('Ede');
    await page.getByRole('button', { name: 'Zoeken' }).click();
    const results = page.locator('#desk-results');
    await expect.poll(() => results.getByRole('heading', { level: 2 }).innerText()).toBe(`Vrije plekken op ${dutchDate(date)}, ochtend`);
    await expect.poll(() => results.locator('article.space-card').count()).toBe(1);
    // htmx pushed the search into the address bar: the result can be bookmarked and reloaded.
    expect(new URL(page.url()).searchParams.get('town')).toBe('Ede');
    const card = results.locator('article.space-card', { hasText: SPACE });
    expect(await card.locator('.free').innerText()).toBe('4 van 4 vrij');
    expect(await card.innerText()).toContain('CJG Ede Centrum');
    await accessible(page);

    // The organisation field suggests hosts as one types (a datalist filled by htmx, issue #18), and filters by part of the name.
    await page.getByLabel('Organisatie').fill('cjg');
    await expect.poll(() => page.locator('#desk-hosts option').evaluateAll((os) => os.map((o) => o.getAttribute('value')))).toContain('CJG Ede');
    await expect.poll(() => results.locator('article.space-card').count()).toBe(1);
    await page.getByLabel('Organisatie').fill('GGD');
    await expect.poll(() => results.locator('.empty-state').count()).toBe(1);
    await page.getByLabel('Organisatie').fill('');
    await expect.poll(() => results.locator('article.space-card').count()).toBe(1);
    expect(new URL(page.url()).searchParams.get('host')).toBe('');

    await card.getByRole('button', { name: /^Reserveren/ }).click();
    const booked = results.locator('article.space-card', { hasText: SPACE });
    await expect.poll(() => booked.getByRole('status').innerText()).toBe(`Gereserveerd: ${SPACE}, ${dutchDate(date)}, ochtend.`);
    expect(await booked.locator('.free').innerText()).toBe('3 van 4 vrij');
    expect(await booked.innerText()).toContain('door jou gereserveerd');
    expect(await booked.getByRole('button').count()).toBe(0);
    // The button pressed is gone after the swap; focus is on the outcome, not lost on <body>.
    expect(await page.evaluate(`document.activeElement?.getAttribute('role')`)).toBe('status');
    await accessible(page);

    await (await nav(page)).getByRole('link', { name: 'Mijn reserveringen' }).click();
    await expect.poll(() => page.locator('h1').innerText()).toBe('Mijn reserveringen');
    // This booking: the demo data has earlier ones at the same space (under "Eerder").
    const item = page.locator('article.booking-item', { hasText: SPACE }).filter({ hasText: `${dutchDate(date)} · ochtend` });
    expect(await item.getByRole('heading', { level: 3 }).innerText()).toBe(`${dutchDate(date)} · ochtend`);
    expect(await item.innerText()).toContain('Status: bevestigd');
    expect(await item.innerText()).toContain('CJG Ede Centrum');
    // Check-in only exists on the day itself.
    expect(await item.getByRole('button', { name: 'Inchecken' }).count()).toBe(0);
    await accessible(page);

    // The next working morning, 08:30 in Amsterdam.
    server.clock.set(instantOf(date, '08:30'));
    await page.reload();
    expect(await item.getByText('Check in vóór 10:00, anders komt de plek vrij.').count()).toBe(1);
    await item.getByRole('button', { name: 'Inchecken' }).click();
    await expect.poll(() => item.getByRole('status').innerText()).toBe('Je bent ingecheckt. Fijne werkdag!');
    expect(await item.innerText()).toContain('Ingecheckt om 08:30');
    expect(await item.getByRole('button', { name: 'Inchecken' }).count()).toBe(0);
    await accessible(page);

    // An English user sees the same booking in English, still 24-hour Amsterdam time.
    await page.getByRole('button', { name: 'Switch to English' }).click();
    await expect.poll(() => page.locator('h1').innerText()).toBe('My bookings');
    const en = page.locator('section[aria-labelledby=bookings-today] article.booking-item', { hasText: SPACE });
    expect(await en.getByRole('heading', { level: 3 }).innerText()).toMatch(new RegExp(`^${englishDate(date).source} · morning$`));
    expect(await en.innerText()).toContain('Status: confirmed');
    expect(await en.innerText()).toContain('Checked in at 08:30');
    await accessible(page);
    await page.getByRole('button', { name: 'Naar Nederlands' }).click();
    await expect.poll(() => page.locator('h1').innerText()).toBe('Mijn reserveringen');
    // Checked in: a record of having been there, no longer something to cancel.
    expect(await item.getByText('Annuleren', { exact: true }).count()).toBe(0);

    // The afternoon too, then cancelled (before its check-in deadline): htmx swaps the item in place.
    await page.goto(`${server.url}/desks?date=${date}&daypart=afternoon&town=Ede`);
    await page
      .locator('article.space-card', { hasText: SPACE })
      .getByRole('button', { name: /^Reserveren/ })
      .click();
    await expect.poll(() => page.locator('article.space-card', { hasText: SPACE }).getByRole('status').count()).toBe(1);
    await page.goto(`${server.url}/bookings`);
    const afternoon = page.locator('article.booking-item', { hasText: SPACE }).filter({ hasText: `${dutchDate(date)} · middag` });
    await afternoon.getByText('Annuleren', { exact: true }).click();
    await afternoon.getByRole('button', { name: 'Ja, annuleer deze reservering' }).click();
    await expect.poll(() => afternoon.getByRole('status').innerText()).toBe('Je reservering is geannuleerd; de plek is weer vrij.');
    expect(await afternoon.innerText()).toContain('Status: geannuleerd');
    expect(await afternoon.getByRole('button').count()).toBe(0);
    await accessible(page);

    // The desk is free again for someone else.
    await page.goto(`${server.url}/desks?date=${date}&daypart=afternoon&town=Ede`);
    expect(await page.locator('article.space-card', { hasText: SPACE }).locator('.free').innerText()).toBe('4 van 4 vrij');
    await accessible(page);

    expect(external).toEqual([]);
    server.clock.reset();
    await context.close();
  });

  it('without JavaScript: every step is a form post and a redirect', async () => {
    server.clock.reset();
    const date = nextOpenWeekday(server.clock.now());
    const { page, context, external } = await newPage(browser, server, { javaScriptEnabled: false });
    // Bram works for WIJeindhoven.
    await login(page, server, 'bram.vos@gastplek.test');
    await (await nav(page)).getByRole('link', { name: 'Werkplek zoeken' }).click();
    await page.getByLabel('Datum').fill(date);
    await page.getByLabel('Dagdeel').selectOption('morning');
    await page.getByLabel('Plaats').fill('Ede');
    await page.getByRole('button', { name: 'Zoeken' }).click();
    await page.waitForURL((u) => u.searchParams.get('town') === 'Ede');
    expect(await page.locator('#desk-results h2').innerText()).toBe(`Vrije plekken op ${dutchDate(date)}, ochtend`);
    expect(await page.locator('article.space-card').count()).toBe(1);
    const card = page.locator('article.space-card', { hasText: SPACE });
    const free = async () => Number(/^(\d) van 4 vrij$/.exec(await card.locator('.free').innerText())![1]);
    const before = await free();

    await card.getByRole('button', { name: /^Reserveren/ }).click();
    await page.waitForURL((u) => u.pathname === '/bookings');
    expect(before).toBeGreaterThan(0);
    expect(await page.getByRole('status').innerText()).toBe(`Gereserveerd: ${SPACE}, ${dutchDate(date)}, ochtend.`);
    // This booking: the demo data has earlier ones at the same space (under "Eerder").
    const item = page.locator('article.booking-item', { hasText: SPACE }).filter({ hasText: `${dutchDate(date)} · ochtend` });
    expect(await item.getByRole('heading', { level: 3 }).innerText()).toBe(`${dutchDate(date)} · ochtend`);
    expect(await item.innerText()).toContain('Status: bevestigd');

    server.clock.set(instantOf(date, '09:15'));
    await page.reload();
    await item.getByRole('button', { name: 'Inchecken' }).click();
    await page.waitForURL((u) => u.pathname === '/bookings');
    expect(await page.getByRole('status').first().innerText()).toBe('Je bent ingecheckt. Fijne werkdag!');
    expect(await item.innerText()).toContain('Ingecheckt om 09:15');

    // Checked in: no longer something to cancel.
    expect(await item.getByText('Annuleren', { exact: true }).count()).toBe(0);

    // The afternoon, booked and cancelled before its check-in deadline; <details> opens without JavaScript too.
    await page.goto(`${server.url}/desks?date=${date}&daypart=afternoon&town=Ede`);
    const afternoonBefore = await free();
    await card.getByRole('button', { name: /^Reserveren/ }).click();
    await page.waitForURL((u) => u.pathname === '/bookings');
    const afternoon = page.locator('article.booking-item', { hasText: SPACE }).filter({ hasText: `${dutchDate(date)} · middag` });
    await afternoon.getByText('Annuleren', { exact: true }).click();
    await afternoon.getByRole('button', { name: 'Ja, annuleer deze reservering' }).click();
    await page.waitForURL((u) => u.pathname === '/bookings');
    expect(await page.getByRole('status').first().innerText()).toBe('Je reservering is geannuleerd; de plek is weer vrij.');
    // A cancelled booking is listed under "Eerder", collapsed (issue #17 point 5); <details> opens without JavaScript.
    await page.locator('section[aria-labelledby=bookings-earlier] summary').click();
    expect(await afternoon.innerText()).toContain('Status: geannuleerd');

    await page.goto(`${server.url}/desks?date=${date}&daypart=afternoon&town=Ede`);
    expect(await free()).toBe(afternoonBefore);
    server.clock.reset();
    expect(before).toBeGreaterThan(0);

    expect(external).toEqual([]);
    await context.close();
  });

  it('booking from one card of several: the other cards lose their button at once and say the dagdeel is held', async () => {
    server.clock.reset();
    // The third open weekday, in the afternoon: the journey below books its morning.
    const date = openWeekdaysAfter(server.clock.now(), 3)[2]!;
    const { page, context } = await newPage(browser, server);
    await login(page, server, 'ruben.mulder@gastplek.test');
    await page.goto(`${server.url}/desks?date=${date}&daypart=afternoon`);
    const results = page.locator('#desk-results');
    const buttons = results.getByRole('button', { name: /^Reserveren/ });
    const offered = await buttons.count();
    expect(offered).toBeGreaterThan(2);
    const name = await results
      .locator('article.space-card')
      .filter({ has: page.getByRole('button', { name: /^Reserveren/ }) })
      .first()
      .locator('h3')
      .innerText();
    const card = results.locator('article.space-card').filter({ has: page.getByRole('heading', { name, exact: true }) });
    await card.getByRole('button', { name: /^Reserveren/ }).click();
    await expect.poll(() => card.getByRole('status').innerText()).toBe(`Gereserveerd: ${name}, ${dutchDate(date)}, middag.`);
    // No card on the list offers the afternoon any more; each that did says why, with the way to the booking.
    expect(await buttons.count()).toBe(0);
    const held = results.locator('article.space-card .status', { hasText: 'Je hebt op dat dagdeel al een reservering.' });
    expect(await held.count()).toBe(offered - 1);
    expect(await held.first().getByRole('link', { name: 'Mijn reserveringen' }).getAttribute('href')).toBe('/bookings');
    await accessible(page);

    await cancelAgain(page, name, date, 'middag');
    await context.close();
  });

  it('typing a town and pressing Reserveren at once: the outcome stays on the card (leaving the field starts no second search)', async () => {
    server.clock.reset();
    // The third open weekday: the other journeys here book and cancel on the first.
    const date = openWeekdaysAfter(server.clock.now(), 3)[2]!;
    const { page, context } = await newPage(browser, server);
    await login(page, server, 'ruben.mulder@gastplek.test');
    await page.goto(`${server.url}/desks?date=${date}&daypart=morning`);
    const searches: string[] = [];
    page.on('request', (r) => {
      if (new URL(r.url()).pathname === '/desks' && r.headers()['hx-request']) searches.push(r.url());
    });
    const results = page.locator('#desk-results');
    await page.getByLabel('Plaats').fill('Ede');
    await expect.poll(() => results.locator('article.space-card').count()).toBe(1);
    expect(searches).toHaveLength(1);
    // The town field still has the focus: the click moves it, which fires the field's change event.
    const card = results.locator('article.space-card', { hasText: SPACE });
    await card.getByRole('button', { name: /^Reserveren/ }).click();
    await expect.poll(() => card.getByRole('status').innerText()).toBe(`Gereserveerd: ${SPACE}, ${dutchDate(date)}, ochtend.`);
    await page.waitForLoadState('networkidle');
    expect(await card.getByRole('status').innerText()).toBe(`Gereserveerd: ${SPACE}, ${dutchDate(date)}, ochtend.`);
    expect(await card.locator('.free').innerText()).toBe('3 van 4 vrij');
    expect(searches).toHaveLength(1);
    await accessible(page);

    await cancelAgain(page, SPACE, date, 'ochtend');
    await context.close();
  });

  it('when the server fails or cannot be reached, Reserveren says so beside the form, focused; a later success clears it', async () => {
    server.clock.reset();
    const date = openWeekdaysAfter(server.clock.now(), 3)[2]!;
    const { page, context } = await newPage(browser, server);
    await login(page, server, 'ruben.mulder@gastplek.test');
    await page.goto(`${server.url}/desks?date=${date}&daypart=morning&town=Ede`);
    const card = page.locator('#desk-results article.space-card', { hasText: SPACE });
    const failed = card.locator('.htmx-failed');
    // A 500 from the server: htmx swaps nothing, so the page itself must say it.
    await page.route('**/desks/spaces/*/book', (route) => route.fulfill({ status: 500, body: 'kapot' }));
    await card.getByRole('button', { name: /^Reserveren/ }).click();
    await expect.poll(() => failed.innerText()).toBe('Dat is niet gelukt. Vernieuw de pagina en probeer het opnieuw.');
    expect(await failed.getAttribute('role')).toBe('alert');
    expect(await page.evaluate(`document.activeElement?.classList.contains('htmx-failed')`)).toBe(true);
    await accessible(page);
    // No connection at all: a different message, in the same place (one message, not two).
    await page.unroute('**/desks/spaces/*/book');
    await page.route('**/desks/spaces/*/book', (route) => route.abort('connectionrefused'));
    await card.getByRole('button', { name: /^Reserveren/ }).click();
    await expect.poll(() => failed.innerText()).toBe('Gastplek is niet bereikbaar. Controleer de verbinding en probeer het opnieuw.');
    expect(await failed.count()).toBe(1);
    // Back online: the booking goes through and the card shows its outcome, without the old message.
    await page.unroute('**/desks/spaces/*/book');
    await card.getByRole('button', { name: /^Reserveren/ }).click();
    await expect.poll(() => card.getByRole('status').innerText()).toBe(`Gereserveerd: ${SPACE}, ${dutchDate(date)}, ochtend.`);
    expect(await failed.count()).toBe(0);

    await cancelAgain(page, SPACE, date, 'ochtend');
    await context.close();
  });

  it('a live search or suggestion that fails while typing says nothing and leaves the focus in the field', async () => {
    server.clock.reset();
    const date = openWeekdaysAfter(server.clock.now(), 3)[2]!;
    const { page, context } = await newPage(browser, server);
    await login(page, server, 'ruben.mulder@gastplek.test');
    await page.goto(`${server.url}/desks?date=${date}&daypart=morning`);
    let failed = 0;
    await page.route(
      (url) => url.pathname.startsWith('/desks') && !url.pathname.includes('/spaces/'),
      (route) => {
        failed++;
        return route.fulfill({ status: 500, body: 'kapot' });
      },
    );
    await page.getByLabel('Plaats').pressSequentially('Ede', { delay: 50 });
    await expect.poll(() => failed).toBeGreaterThan(0);
    await page.waitForTimeout(500);
    expect(await page.locator('.htmx-failed').count()).toBe(0);
    expect(await page.evaluate(`document.activeElement?.id`)).toBe('f-town');
    await context.close();
  });

  it('a worker without upcoming bookings is told what to do next', async () => {
    const { page, context } = await newPage(browser, server);
    await login(page, server, 'julia.brouwer@gastplek.test');
    await page.goto(`${server.url}/bookings`);
    const empty = page.locator('#bookings-upcoming + .empty-state, section[aria-labelledby="bookings-upcoming"] .empty-state').first();
    expect(await empty.innerText()).toBe('Nog geen reserveringen — zoek een werkplek');
    await empty.getByRole('link', { name: 'zoek een werkplek' }).click();
    await expect.poll(() => page.locator('h1').innerText()).toBe('Werkplek zoeken');
    await accessible(page);
    await context.close();
  });
});
