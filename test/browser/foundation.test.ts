import { describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { DEMO_ACCOUNTS } from '../../db/seed/index';
import { axeViolations, journey, login, newPage, type RunningServer, nav } from './harness';

let server: RunningServer;
let browser: Browser;
journey((s, b) => {
  server = s;
  browser = b;
});

describe('journey: every demo account logs in and sees its Dutch home page', () => {
  for (const account of DEMO_ACCOUNTS) {
    it(`${account.email}`, async () => {
      const { page, context, external } = await newPage(browser, server);
      await login(page, server, account.email);
      await expect.poll(() => page.locator('h1').innerText()).toBe(`Welkom, ${account.name}`);
      expect(await page.locator('html').getAttribute('lang')).toBe('nl');
      expect(await page.locator('main').innerText()).toContain(account.org);
      expect(await axeViolations(page)).toEqual([]);
      expect(external).toEqual([]);
      await page.getByRole('button', { name: 'Uitloggen' }).click();
      await expect.poll(() => page.locator('h1').innerText()).toBe('Inloggen');
      await context.close();
    });
  }

  it('network admin sees the organisations link, a worker does not', async () => {
    const admin = await newPage(browser, server);
    await login(admin.page, server, 'admin@gastplek.test');
    expect(await (await nav(admin.page)).getByRole('link', { name: 'Organisaties' }).count()).toBe(1);
    await admin.context.close();
    const worker = await newPage(browser, server);
    await login(worker.page, server, 'worker@gastplek.test');
    expect(await (await nav(worker.page)).getByRole('link', { name: 'Organisaties' }).count()).toBe(0);
    await worker.context.close();
  });
});

describe('journey: language', () => {
  it('switches to English and back', async () => {
    const { page, context } = await newPage(browser, server);
    await login(page, server, 'worker@gastplek.test');
    await page.getByRole('button', { name: 'Switch to English' }).click();
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('en');
    expect(await page.locator('h1').innerText()).toBe('Welcome, Sanne de Vries');
    await page.getByRole('button', { name: 'Naar Nederlands' }).click();
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('nl');
    expect(await page.locator('h1').innerText()).toBe('Welkom, Sanne de Vries');
    await context.close();
  });
});

describe('journey: org admin invites a colleague', () => {
  for (const js of [true, false]) {
    it(`the colleague accepts and logs in (JavaScript ${js ? 'on' : 'off'})`, async () => {
      const email = `nieuw.${js ? 'js' : 'nojs'}@lokalis.example`;
      const admin = await newPage(browser, server, { javaScriptEnabled: js });
      await login(admin.page, server, 'orgadmin@gastplek.test');
      await (await nav(admin.page)).getByRole('link', { name: "Collega's" }).click();
      expect(await admin.page.locator('h1').innerText()).toBe("Collega's van Lokalis Utrecht");
      if (js) expect(await axeViolations(admin.page)).toEqual([]);
      await admin.page.getByLabel('E-mailadres van je collega').fill(email);
      await admin.page.getByLabel('Rol').selectOption('host');
      await admin.page.getByRole('button', { name: 'Uitnodiging versturen' }).click();
      await expect.poll(() => admin.page.getByRole('status').innerText()).toContain(`Uitnodiging verstuurd naar ${email}`);
      await admin.context.close();

      const guest = await newPage(browser, server, { javaScriptEnabled: js });
      await guest.page.goto(`${server.url}/dev/outbox`);
      const body = await guest.page.locator('article.mail', { hasText: email }).first().locator('pre').innerText();
      const link = /http:\/\/127\.0\.0\.1:\d+\/invite\/\S+/.exec(body)![0];
      await guest.page.goto(link);
      await guest.page.getByLabel('Je naam').fill('Nieuwe Collega');
      await guest.page.getByLabel('Nieuw wachtwoord', { exact: true }).fill('een goed wachtwoord');
      await guest.page.getByLabel('Herhaal het nieuwe wachtwoord').fill('een goed wachtwoord');
      if (js) expect(await axeViolations(guest.page)).toEqual([]);
      await guest.page.getByRole('button', { name: 'Account aanmaken' }).click();
      await expect.poll(() => guest.page.locator('h1').innerText()).toBe('Welkom, Nieuwe Collega');
      expect(await guest.page.locator('main').innerText()).toContain('Lokalis Utrecht — Medewerker, Gastheer/-vrouw');
      await guest.context.close();

      const again = await newPage(browser, server, { javaScriptEnabled: js });
      await login(again.page, server, email, 'een goed wachtwoord');
      expect(await again.page.locator('h1').innerText()).toBe('Welkom, Nieuwe Collega');
      await again.context.close();
    });
  }
});

describe('journey: org admin is told why a change of roles is refused', () => {
  it('the only admin unticks their own admin role: the reason appears in their row, focused; the role stays', async () => {
    const { page, context } = await newPage(browser, server);
    await login(page, server, 'orgadmin@gastplek.test');
    await (await nav(page)).getByRole('link', { name: "Collega's" }).click();
    const row = page.getByRole('row', { name: /orgadmin@gastplek\.test/ });
    await row.getByLabel('Beheerder organisatie').uncheck();
    await row.getByRole('button', { name: 'Rollen opslaan' }).click();
    const refusal = page.getByRole('row', { name: /orgadmin@gastplek\.test/ }).getByRole('alert');
    await expect.poll(() => refusal.innerText()).toBe('De rollen van Joost Bakker zijn niet gewijzigd. Een organisatie houdt altijd minstens één beheerder.');
    // A string: this file is type-checked without the DOM library.
    expect(await page.evaluate(`document.activeElement?.id`)).toBe('member-refusal');
    expect(
      await page
        .getByRole('row', { name: /orgadmin@gastplek\.test/ })
        .getByLabel('Beheerder organisatie')
        .isChecked(),
    ).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    // An invitation refused at the bottom of the page: the summary above that form takes the focus.
    await page.getByLabel('E-mailadres van je collega').fill('orgadmin@gastplek.test');
    await page.getByRole('button', { name: 'Uitnodiging versturen' }).click();
    await expect.poll(() => page.evaluate(`document.activeElement?.className`)).toBe('error-summary');
    expect(await page.locator('form[action$="/invitations"]').innerText()).toContain('Deze persoon hoort al bij je organisatie.');
    expect(await page.locator('.error-summary').isVisible()).toBe(true);
    expect(await page.evaluate(`window.scrollY > 0`)).toBe(true);
    await context.close();
  });
});
