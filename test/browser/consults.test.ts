import { sentAttachments } from '../helpers';
import { describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { axeViolations, journey, login, nav, newPage, type RunningServer } from './harness';

// Spreekuur (issue #15 part 3) on the demo data: the worker books a 20-minute consult with the
// gedragswetenschapper of CJG Harderwijk, sees it in Mijn reserveringen with its .ics, and the
// expert sees who booked on which topic; without JavaScript and in English, booking and
// cancelling (with its confirmation step) work as plain forms.

let server: RunningServer;
let browser: Browser;
journey((s, b) => {
  server = s;
  browser = b;
});

async function accessible(page: Page) {
  expect(await axeViolations(page)).toEqual([]);
}

describe('journey: a consult with the gedragswetenschapper', () => {
  it('the worker finds the consult hours at CJG Harderwijk, books a slot with a topic, and both get the .ics', async () => {
    const { page, external } = await newPage(browser, server);
    await login(page, server, 'worker@gastplek.test');
    await (await nav(page)).getByRole('link', { name: 'Spreekuren' }).click();
    await expect.poll(() => page.locator('h1').innerText()).toBe('Spreekuren');
    expect(await page.locator('main').innerText()).toContain('Lieke Verhoeven (CJG Harderwijk)');
    await accessible(page);

    await page.getByLabel('Plaats').selectOption('Harderwijk');
    await page.getByRole('button', { name: 'Tonen' }).click();
    await page.waitForURL((u) => u.searchParams.get('town') === 'Harderwijk');
    expect(await page.locator('main').innerText()).not.toContain('meet.example.nl');
    await page.getByRole('link', { name: 'Bekijken en boeken' }).first().click();
    await expect.poll(() => page.locator('#book-consult').count()).toBe(1);
    expect(await page.locator('#book-consult textarea, #book-consult input[type="text"]').count()).toBe(0);
    await accessible(page);

    await page.getByLabel('Onderwerp').selectOption({ label: 'Autisme' });
    await page.getByLabel('Ik deel geen cliëntgegevens').check();
    await page.getByRole('button', { name: 'Tijdvak boeken' }).click();
    await expect.poll(() => page.getByRole('status').innerText()).toContain('Geboekt:');
    expect(await page.locator('main').innerText()).toContain('Jouw afspraak');
    await accessible(page);

    await (await nav(page)).getByRole('link', { name: 'Mijn reserveringen' }).click();
    const consults = page.locator('#consults');
    expect(await consults.innerText()).toContain('Onderwerp: Autisme');
    await accessible(page);
    const href = await consults.getByRole('link', { name: 'In mijn agenda (.ics)' }).first().getAttribute('href');
    const ics = await (await page.request.get(`${server.url}${href}`)).text();
    expect(ics).toMatch(/DTSTART:\d{8}T\d{6}Z/);
    expect(ics).toContain('Spreekuur bij Lieke Verhoeven');

    const outbox = server.db.$client.prepare('select to_address, attachments from outbox where subject like ? order by id').all('%Sanne de Vries%') as {
      to_address: string;
      attachments: string;
    }[];
    expect(outbox.map((m) => m.to_address)).toContain('expert@gastplek.test');
    expect(sentAttachments(outbox.at(-1)!.attachments)).toContain('BEGIN:VCALENDAR');

    const expert = await newPage(browser, server);
    await login(expert.page, server, 'expert@gastplek.test');
    await (await nav(expert.page)).getByRole('link', { name: 'Mijn spreekuren' }).click();
    expect(await expert.page.locator('main').innerText()).toContain('Sanne de Vries (GGD Noord- en Oost-Gelderland): Autisme');
    await accessible(expert.page);
    expect(external).toEqual([]);
  });

  it('without JavaScript, in English: book the online consult hours, then cancel after the confirmation step', async () => {
    const { page } = await newPage(browser, server, { javaScriptEnabled: false, locale: 'en-GB' });
    await page.goto(`${server.url}/login`);
    await page.getByLabel('E-mail address').fill('worker@gastplek.test');
    await page.getByLabel('Password').fill('gastplek-demo');
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.waitForURL((u) => !u.pathname.startsWith('/login'));
    await page.goto(`${server.url}/consults?town=online`);
    await page.getByRole('link', { name: 'View and book' }).first().click();
    await page.getByLabel('Topic').selectOption({ label: 'LVB' });
    await page.getByLabel('I will not share client data').check();
    await page.getByRole('button', { name: 'Book slot' }).click();
    expect(await page.getByRole('status').innerText()).toContain('Booked:');

    await page.goto(`${server.url}/bookings`);
    const before = await page.locator('#consults article').count();
    await page.locator('#consults article', { hasText: 'Online' }).getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(() => page.locator('h1').innerText()).toBe('Cancel appointment?');
    await page.getByRole('button', { name: 'Yes, cancel' }).click();
    expect(await page.getByRole('status').innerText()).toContain('Your appointment is cancelled');
    expect(await page.locator('#consults article').count()).toBe(before - 1);
  });
});
