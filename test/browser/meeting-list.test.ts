import { describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { journey, login, newPage, type RunningServer } from './harness';

let server: RunningServer;
let browser: Browser;
journey((s, b) => {
  server = s;
  browser = b;
});

describe('journey: the meeting list keeps its places up to date', () => {
  it('one request every 30 s refreshes the whole list (not one per card), and the keyboard focus stays where it was', { timeout: 60_000 }, async () => {
    const { page, context, external } = await newPage(browser, server);
    await page.clock.install();
    await login(page, server, 'worker@gastplek.test');
    await page.goto(`${server.url}/meetings`);
    const link = page.locator('#meeting-results .meeting-card h3 a').first();
    const id = Number((await link.getAttribute('href'))!.split('/').pop());
    const card = page.locator('.meeting-card', { has: page.locator(`a[href="/meetings/${id}"]`) });
    const before = await card.locator('.places').innerText();

    // Someone else makes room: five more places.
    server.db.$client.prepare('update meetings set max_participants = max_participants + 5 where id = ?').run(id);
    const requests: string[] = [];
    page.on('request', (r) => void (r.url().startsWith(server.url) ? requests.push(new URL(r.url()).pathname) : null));
    await link.focus();
    const focused = await page.evaluate(`document.activeElement?.id`);
    expect(focused).toBe(`meeting-${id}-link`);

    await page.clock.runFor(30_000);
    await expect.poll(() => card.locator('.places').innerText()).not.toBe(before);
    expect(requests).toEqual(['/meetings']);
    expect(await page.evaluate(`document.activeElement?.id`)).toBe(focused);
    expect(external).toEqual([]);
    await context.close();
  });
});
