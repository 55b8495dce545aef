import { describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { axeViolations, journey, login, newPage, type RunningServer, nav } from './harness';

// Inzicht (issue #14) as a coordinator and an org admin use it, on the demo data (a year of
// history): every section has a chart and its table, the filters swap the sections in place, and
// the page passes axe.

let server: RunningServer;
let browser: Browser;
journey((s, b) => {
  server = s;
  browser = b;
});

async function accessible(page: Page) {
  expect(await axeViolations(page)).toEqual([]);
}

const SECTIONS = {
  hosting: 'Wie ontvangt wie',
  occupancy: 'Bezetting',
  reliability: 'Betrouwbaarheid van reserveringen',
  learning: 'Samen leren',
  trend: 'Verloop over 12 maanden',
};

describe('journey: Inzicht', () => {
  it('the network admin opens Inzicht from the menu: a chart and a table in every section; a town filter swaps the sections in place', async () => {
    const { page } = await newPage(browser, server);
    await login(page, server, 'admin@gastplek.test');
    await (await nav(page)).getByRole('link', { name: 'Inzicht' }).click();
    await expect.poll(() => page.locator('h1').innerText()).toBe('Inzicht');
    for (const [key, title] of Object.entries(SECTIONS)) {
      const section = page.locator(`section[aria-labelledby="insight-${key}"]`);
      expect(await section.locator('h2').innerText()).toBe(title);
      expect(await section.locator('svg[role="img"]').count(), title).toBeGreaterThan(0);
      expect(await section.locator('table tbody tr').count(), title).toBeGreaterThan(0);
    }
    expect(await page.locator('main').innerText()).not.toContain('Geen gegevens in deze periode.');
    await accessible(page);

    await page.getByLabel('Plaats').selectOption('Utrecht');
    await page.getByRole('button', { name: 'Tonen' }).click();
    await page.waitForURL((u) => u.searchParams.get('town') === 'Utrecht');
    await expect
      .poll(() => page.locator('#insight-sections svg[role="img"] title').allTextContents())
      .toContain('Bezetting per weekdag en dagdeel: Buurtteam Overvecht');
    expect(await page.locator('#insight-sections').innerText()).not.toContain('CJG Harderwijk Stationslaan:');
    await accessible(page);
  });

  it('an org admin sees their own organisation and the network totals', async () => {
    const { page } = await newPage(browser, server);
    await login(page, server, 'orgadmin@gastplek.test');
    await page.goto(`${server.url}/insight`);
    expect(await page.locator('main').innerText()).toContain('Lokalis Utrecht: je eigen organisatie als gastheer en als gast');
    const occupancy = page.locator('section[aria-labelledby="insight-occupancy"]');
    expect(await occupancy.locator('svg[role="img"] title').allTextContents()).toEqual(['Bezetting per weekdag en dagdeel: Buurtteam Overvecht']);
    await accessible(page);
  });
});
