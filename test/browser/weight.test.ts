import { describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { axeViolations, journey, login, newPage, type RunningServer } from './harness';

let server: RunningServer;
let browser: Browser;
journey((s, b) => {
  server = s;
  browser = b;
});

const BUDGET = 60 * 1024;

describe('look and weight', () => {
  it('the first load of a page transfers at most 60 KB of CSS and JavaScript, compressed, all from our own server', async () => {
    const { page, context, external } = await newPage(browser, server);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    const responses = new Map<string, { url: string; type: string; encoding: string | undefined }>();
    const transferred = new Map<string, number>();
    cdp.on('Network.responseReceived', (e) => {
      const headers = Object.fromEntries(Object.entries(e.response.headers).map(([k, v]) => [k.toLowerCase(), String(v)]));
      responses.set(e.requestId, { url: e.response.url, type: e.type, encoding: headers['content-encoding'] });
    });
    cdp.on('Network.loadingFinished', (e) => transferred.set(e.requestId, e.encodedDataLength));

    await page.goto(`${server.url}/login`);
    await page.waitForLoadState('load');
    await expect.poll(() => [...responses.keys()].filter((id) => transferred.has(id)).length).toBe(responses.size);

    const assets = [...responses.entries()].filter(([, r]) => r.type === 'Stylesheet' || r.type === 'Script');
    expect(assets.map(([, r]) => new URL(r.url).pathname).sort()).toEqual([
      '/static/app.css',
      '/static/htmx-config.js',
      '/static/vendor/htmx.min.js',
      '/static/vendor/pico.min.css',
    ]);
    // Compressed (hono's compress() leaves files under 1 KiB alone, where it does not pay).
    for (const [, r] of assets) expect(r.encoding, r.url).toBe('gzip');
    const total = assets.reduce((sum, [id]) => sum + transferred.get(id)!, 0);
    console.info(`first load: ${assets.length} CSS/JS files, ${(total / 1024).toFixed(1)} KB transferred`);
    expect(total).toBeLessThanOrEqual(BUDGET);
    // The page itself comes compressed too (brotli: Chromium accepts it).
    expect([...responses.values()].filter((r) => r.type === 'Document').map((r) => r.encoding)).toEqual(['br']);
    // The login page is where every journey starts.
    expect(await page.locator('h1').innerText()).toBe('Inloggen');
    expect(await axeViolations(page)).toEqual([]);
    expect(external).toEqual([]);
    await context.close();
  });

  it('no page of a logged-in worker asks for fonts, CDNs or analytics, nor for anything that is not there (e.g. /favicon.ico)', async () => {
    const { page, context, external } = await newPage(browser, server);
    // Chromium reports a missing favicon only on the console (no response event for it).
    const missing: string[] = [];
    page.on('response', (r) => {
      if (r.status() >= 400) missing.push(`${r.status()} ${r.url()}`);
    });
    page.on('console', (m) => {
      if (m.type() === 'error') missing.push(`${m.text()} ${m.location().url}`);
    });
    await login(page, server, 'worker@gastplek.test');
    for (const path of ['/', '/desks', '/bookings', '/meetings', '/reflection', '/notifications', '/account']) {
      await page.goto(`${server.url}${path}`);
      await page.waitForLoadState('load');
    }
    expect(external).toEqual([]);
    expect(missing).toEqual([]);
    await context.close();
  });

  it('works 360 px wide: nothing wider than the screen', async () => {
    const { page, context } = await newPage(browser, server);
    await page.setViewportSize({ width: 360, height: 740 });
    await login(page, server, 'worker@gastplek.test');
    for (const path of ['/', '/desks', '/bookings', '/meetings']) {
      await page.goto(`${server.url}${path}`);
      expect(await page.evaluate(`document.documentElement.scrollWidth`), path).toBeLessThanOrEqual(360);
    }
    // A compact header (issue #17 point 8): the links behind "Menu", a <details>; long Dutch words hyphenate.
    const header = page.locator('body > header');
    expect((await header.boundingBox())!.height).toBeLessThan(120);
    const links = page.getByRole('navigation').getByRole('link', { name: 'Mijn reserveringen' });
    expect(await links.count()).toBe(0);
    await page.locator('header details.nav-menu > summary').click();
    expect(await links.count()).toBe(1);
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(360);
    await links.click();
    await expect.poll(() => page.locator('h1').innerText()).toBe('Mijn reserveringen');
    expect(await page.evaluate(`getComputedStyle(document.querySelector('main')).hyphens`)).toBe('auto');
    await context.close();
  });

  it('the phone menu works without JavaScript, and a wide screen shows the links in a row without it', async () => {
    const { page, context } = await newPage(browser, server, { javaScriptEnabled: false });
    await page.setViewportSize({ width: 360, height: 740 });
    await login(page, server, 'worker@gastplek.test');
    await page.locator('header details.nav-menu > summary').click();
    await page.getByRole('navigation').getByRole('link', { name: 'Intervisie' }).click();
    await expect.poll(() => page.locator('h1').innerText()).toBe('Intervisiebijeenkomsten');
    await page.setViewportSize({ width: 1200, height: 800 });
    expect(await page.locator('header details.nav-menu').isVisible()).toBe(false);
    expect(await page.getByRole('navigation').getByRole('link', { name: 'Mijn reserveringen' }).isVisible()).toBe(true);
    await context.close();
  });
});
