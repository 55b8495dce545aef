import { describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { axeViolations, journey, login, newPage, type RunningServer, nav } from './harness';

let server: RunningServer;
let browser: Browser;
journey((s, b) => {
  server = s;
  browser = b;
});

async function accessible(page: Page) {
  expect(await axeViolations(page)).toEqual([]);
}

describe('journey: a participant proves her reflection hours', () => {
  it('opens "Mijn reflectie-uren", prints a statement and its verification link works logged out', async () => {
    const { page, context, external } = await newPage(browser, server);
    // The demo worker attended three past meetings: 2 h, 2.5 h (left early) and 2 h.
    await login(page, server, 'worker@gastplek.test');
    await (await nav(page)).getByRole('link', { name: 'Mijn reflectie-uren' }).click();
    await expect.poll(() => page.locator('h1').innerText()).toBe('Mijn reflectie-uren');
    expect(await page.locator('.reflection-total').innerText()).toMatch(/^6,5 van 60 uur sinds /);
    expect(await page.locator('table.attended tbody tr').count()).toBe(3);
    expect(await page.locator('main').innerText()).toContain('Methodische leerbijeenkomst signaleren');
    await accessible(page);

    await page.getByRole('button', { name: 'Verklaring maken' }).click();
    await expect.poll(() => page.locator('h1').innerText()).toBe('Aanwezigheidsverklaring intervisie');
    const facts = page.locator('.statement-facts');
    expect(await facts.innerText()).toContain('Sanne de Vries');
    expect(await facts.innerText()).toContain('6,5 uur');
    expect(await page.locator('table.attended tbody tr').count()).toBe(3);
    await accessible(page);

    // A print button (issue #17 point 10), from /static/print.js (the CSP allows no inline script).
    await page.evaluate('window.printed = 0; window.print = () => { window.printed++; }');
    await page.getByRole('button', { name: 'Afdrukken / opslaan als PDF' }).click();
    expect(await page.evaluate('window.printed')).toBe(1);

    // On paper: no menu, no forms, no "back" link, no print button; the statement itself and its link stay.
    expect(await page.getByRole('navigation').first().isVisible()).toBe(true);
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('header').isVisible()).toBe(false);
    expect(await page.getByRole('navigation').first().isVisible()).toBe(false);
    expect(await page.locator('form').first().isVisible()).toBe(false);
    expect(await page.locator('footer').isVisible()).toBe(false);
    expect(await page.getByRole('link', { name: 'Terug naar mijn reflectie-uren' }).isVisible()).toBe(false);
    expect(await page.locator('button[data-print]').isVisible()).toBe(false);
    expect(await page.locator('h1').isVisible()).toBe(true);
    expect(await page.locator('table.attended').isVisible()).toBe(true);
    expect(await page.locator('.verify-url').isVisible()).toBe(true);
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 4).toString()).toBe('%PDF');
    await page.emulateMedia({ media: 'screen' });

    const verifyUrl = await page.locator('.verify-url').getAttribute('href');
    expect(verifyUrl).toMatch(new RegExp(`^${server.url}/verify/\\S+$`));
    expect(external).toEqual([]);
    await context.close();

    // Someone else checks it, without an account.
    const other = await newPage(browser, server);
    await other.page.goto(verifyUrl!);
    expect(await other.page.locator('h1').innerText()).toBe('Verklaring controleren');
    expect(await other.page.getByRole('status').innerText()).toBe('Deze verklaring is echt: afgegeven door Gastplek.');
    expect(await other.page.locator('.statement-facts').innerText()).toContain('Sanne de Vries');
    expect(await other.page.locator('.statement-facts').innerText()).toContain('6,5 uur');
    // Only what the statement needs: not who else took part, nor the facilitator.
    const text = await other.page.locator('main').innerText();
    expect(text).not.toContain('Fatima Ouali');
    expect(text).not.toContain('Ahmed El Amrani');
    expect(await (await nav(other.page)).getByRole('link', { name: 'Inloggen' }).count()).toBe(1);
    await accessible(other.page);
    expect(other.external).toEqual([]);
    await other.context.close();
  });

  it('someone without attended meetings is pointed to the meetings', async () => {
    const { page, context } = await newPage(browser, server);
    await login(page, server, 'julia.brouwer@gastplek.test');
    await page.goto(`${server.url}/reflection`);
    const empty = page.locator('.empty-state');
    expect(await empty.innerText()).toBe('Nog geen bijgewoonde bijeenkomsten. Meld je aan voor een bijeenkomst');
    await accessible(page);
    await empty.getByRole('link', { name: 'Meld je aan voor een bijeenkomst' }).click();
    await expect.poll(() => page.locator('h1').innerText()).toBe('Intervisiebijeenkomsten');
    await context.close();
  });
});
