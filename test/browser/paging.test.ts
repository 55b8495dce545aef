import { describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { createSpace } from '../desks/factory';
import { axeViolations, journey, login, newPage, type RunningServer } from './harness';
import { nextOpenWeekday } from './dates';

let server: RunningServer;
let browser: Browser;
journey((s, b) => {
  server = s;
  browser = b;
  // 25 spaces in Zutphen at CJG Ede (shared with everyone): two pages of results.
  const host = server.db.$client.prepare(`select id from organisations where name like 'CJG Ede%'`).get() as { id: number };
  for (let i = 1; i <= 25; i++) createSpace(server.db, host.id, { town: 'Zutphen', name: `Werkkamer ${String(i).padStart(2, '0')}` });
});

describe('journey: a worker pages through many search results', () => {
  it('with JavaScript: the next page replaces only the results, the focus moves to them, the address bar follows', async () => {
    const date = nextOpenWeekday(server.clock.now());
    const { page, context, external } = await newPage(browser, server);
    await login(page, server, 'ruben.mulder@gastplek.test');
    await page.goto(`${server.url}/desks?date=${date}&daypart=morning&town=Zutphen`);
    const results = page.locator('#desk-results');
    expect(await results.innerText()).toContain('Werkruimtes 1–20 van 25');
    expect(await results.locator('article.space-card').count()).toBe(20);
    expect(await axeViolations(page)).toEqual([]);

    await results.getByRole('link', { name: 'Volgende' }).click();
    await expect.poll(() => results.locator('article.space-card').first().locator('h3').innerText()).toBe('Werkkamer 21');
    expect(await results.locator('article.space-card').count()).toBe(5);
    expect(await results.innerText()).toContain('Werkruimtes 21–25 van 25');
    expect(new URL(page.url()).searchParams.get('page')).toBe('2');
    expect(await page.evaluate(`document.activeElement?.id`)).toBe('desk-results-title');
    expect(await page.getByLabel('Plaats').inputValue()).toBe('Zutphen'); // the form stays; only the results were swapped
    expect(await axeViolations(page)).toEqual([]);

    await results.getByRole('link', { name: 'Vorige' }).click();
    await expect.poll(() => results.locator('article.space-card').first().locator('h3').innerText()).toBe('Werkkamer 01');
    expect(new URL(page.url()).searchParams.get('page')).toBeNull();
    expect(external).toEqual([]);
    await context.close();
  });

  it('without JavaScript: plain links to the next and previous page', async () => {
    const date = nextOpenWeekday(server.clock.now());
    const { page, context } = await newPage(browser, server, { javaScriptEnabled: false });
    await login(page, server, 'ruben.mulder@gastplek.test');
    await page.goto(`${server.url}/desks?date=${date}&daypart=morning&town=Zutphen`);
    await page.locator('#desk-results').getByRole('link', { name: 'Volgende' }).click();
    await page.waitForURL(/page=2/);
    expect(await page.locator('#desk-results article.space-card').count()).toBe(5);
    expect(await page.locator('#desk-results').innerText()).toContain('Pagina 2 van 2');
    await context.close();
  });
});
