import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { CLIENT_ID, CLIENT_SECRET, startProvider } from '../sso/provider';
import { axeViolations, launchBrowser, login, newPage, startServer, type RunningServer } from './harness';

// Sign in with your organisation (issue #16) in Chromium: Icare JGZ's org admin sets SSO up on its
// page and tests the connection; a colleague nobody invited signs in through the provider on her
// first visit and lands in Gastplek as a member. The app's clock starts at the real time: the
// provider stamps its tokens with it.

let server: RunningServer;
let browser: Browser;
let provider: Awaited<ReturnType<typeof startProvider>>;

beforeAll(async () => {
  server = await startServer({ env: { SECRET_KEY: 'browser-test-secret-key-of-32-characters-or-more' }, clockStart: new Date() });
  provider = await startProvider(`${server.url}/login/oidc/callback`, { lotte: { email: 'lotte@icare.test', email_verified: true, name: 'Lotte de Wit' } });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await provider?.close();
  await server?.close();
});

describe('journey: sign in with your organisation', () => {
  it('the org admin sets up SSO and tests it; a new colleague signs in through it and lands as a member', async () => {
    const { page: admin } = await newPage(browser, server);
    await login(admin, server, 'noor.hendriks@gastplek.test');
    await admin.goto(`${server.url}/org/members`);
    await admin.getByRole('link', { name: 'Inloggen met het eigen account van de organisatie (SSO)' }).click();
    await expect.poll(() => admin.locator('h1').innerText()).toBe('Inloggen via Icare JGZ (SSO)');
    expect(await admin.locator('main').innerText()).toContain(`${server.url}/login/oidc/callback`);
    await admin.getByLabel('Issuer-adres').fill(provider.issuer);
    await admin.getByLabel('Client-ID (applicatie-ID)').fill(CLIENT_ID);
    await admin.getByLabel('Clientgeheim').fill(CLIENT_SECRET);
    await admin.getByLabel('E-maildomeinen waarvoor jullie instaan').fill('icare.test');
    await admin.getByRole('button', { name: 'Verbinding testen' }).click();
    await expect.poll(() => admin.locator('main').innerText()).toContain('De verbinding werkt');
    expect(await axeViolations(admin)).toEqual([]);
    // The test keeps what was typed, except the secret, which is never sent back.
    await admin.getByLabel('Clientgeheim').fill(CLIENT_SECRET);
    await admin.getByRole('button', { name: 'Opslaan' }).click();
    await expect.poll(() => admin.locator('main').innerText()).toContain('Ingesteld voor 1 domein.');

    const { page } = await newPage(browser, server);
    await page.goto(`${server.url}/login`);
    expect(await axeViolations(page)).toEqual([]);
    await page.getByLabel('E-mailadres').fill('lotte@icare.test');
    await page.getByRole('button', { name: 'Inloggen' }).click();
    // The provider's own (development) login screen.
    await page.waitForURL((u) => u.href.startsWith(provider.issuer));
    await page.locator('input[name="login"]').fill('lotte');
    await page.locator('input[name="password"]').fill('wat-dan-ook');
    await page.locator('button[type="submit"]').click();
    await page.waitForURL((u) => u.href.startsWith(server.url) && !u.pathname.startsWith('/login'));
    await page.goto(`${server.url}/account`);
    expect(await page.locator('main').innerText()).toContain('Icare JGZ');
    const row = server.db.$client.prepare("select m.role from users u join memberships m on m.user_id = u.id where u.email = 'lotte@icare.test'").all() as {
      role: string;
    }[];
    expect(row).toEqual([{ role: 'member' }]);
  });
});
