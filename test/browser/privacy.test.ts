import { describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../../db/seed/index';
import { axeViolations, journey, login, newPage, type RunningServer } from './harness';

// Privacy as a person uses it (issue #13): the privacy statement from every page's footer, and
// deleting one's own account after seeing what will happen.

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

describe('journey: the privacy statement', () => {
  it('the footer link opens the statement, without logging in', async () => {
    const { page } = await newPage(browser, server);
    await page.goto(`${server.url}/login`);
    await page.locator('footer').getByRole('link', { name: 'Privacy' }).click();
    await expect.poll(() => page.locator('h1').innerText()).toBe('Privacyverklaring');
    expect(await page.locator('main').innerText()).toContain('Gastwerkplekken en reserveringen');
    await accessible(page);
  });
});

describe('journey: delete my account', () => {
  it('Ruben reads what will happen, is stopped without the tick, confirms with his password and is logged out; his address no longer logs in', async () => {
    const email = 'ruben.mulder@gastplek.test';
    const id = row<{ id: string }>('select id from users where email = ?', email).id;
    const { page } = await newPage(browser, server);
    await login(page, server, email);
    await page.goto(`${server.url}/account`);
    await page.getByRole('link', { name: 'Mijn account verwijderen' }).click();
    await expect.poll(() => page.locator('h1').innerText()).toBe('Account verwijderen');
    const main = await page.locator('main').innerText();
    expect(main).toContain('Dit kan niet ongedaan worden gemaakt.');
    expect(main).toMatch(/Wat er gebeurt[\s\S]*Wat blijft, zonder naam[\s\S]*Wat blijft zoals het is/);
    await accessible(page);

    await page.getByLabel('Je wachtwoord, ter bevestiging').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Account definitief verwijderen' }).click();
    await expect.poll(() => page.locator('#understand-err').innerText()).toBe('Vink aan dat je begrijpt dat dit definitief is.');
    expect(row<{ deleted_at: number | null }>('select deleted_at from users where id = ?', id).deleted_at).toBeNull();
    await accessible(page);

    await page.getByLabel('Je wachtwoord, ter bevestiging').fill(DEMO_PASSWORD);
    await page.getByLabel('Ik begrijp dat dit account definitief wordt verwijderd.').check();
    await page.getByRole('button', { name: 'Account definitief verwijderen' }).click();
    await page.waitForURL((u) => u.pathname === '/login');
    expect(await page.getByRole('status').first().innerText()).toBe('Je account is verwijderd. Bedankt voor het gebruik van Gastplek.');
    expect(row<{ name: string; deleted: number }>('select name, deleted_at is not null as deleted from users where id = ?', id)).toEqual({
      name: '',
      deleted: 1,
    });

    await page.getByLabel('E-mailadres').fill(email);
    await page.getByLabel('Wachtwoord').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Inloggen' }).click();
    await expect.poll(() => page.locator('main').innerText()).toContain('Onbekend e-mailadres of onjuist wachtwoord.');
  });
});
