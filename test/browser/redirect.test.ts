import { describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { journey, login, newPage, type RunningServer } from './harness';

/**
 * Issue #19.1 as a browser sees it: a Location of `/<TAB>/evil.example` looks like a local path to
 * a server, but Chromium's URL parser drops the tab and goes to http://evil.example/. These journeys
 * follow the real redirects; any request to evil.example is answered here (nothing leaves the
 * machine) and recorded.
 */
let server: RunningServer;
let browser: Browser;
journey((s, b) => {
  server = s;
  browser = b;
});

const HOSTILE = ['/%09/evil.example', '/%0A/evil.example', '/%0D/evil.example', '/%5C/evil.example', '//evil.example/'];

async function trap(page: Page) {
  const visited: string[] = [];
  await page.route(
    (url) => url.hostname.endsWith('evil.example'),
    (route) => {
      visited.push(route.request().url());
      return route.fulfill({ status: 200, contentType: 'text/html', body: '<h1>evil</h1>' });
    },
  );
  return visited;
}

describe('journey: no redirect leaves the site (issue #19.1)', () => {
  it('logged in: /login?next=<hostile> lands on the home page of this site', async () => {
    const { page, context } = await newPage(browser, server);
    const visited = await trap(page);
    await login(page, server, 'worker@gastplek.test');
    for (const next of HOSTILE) {
      await page.goto(`${server.url}/login?next=${next}`);
      expect(new URL(page.url()).origin, next).toBe(server.url);
      expect(new URL(page.url()).pathname, next).toBe('/');
      expect(await page.locator('h1').innerText()).toBe('Welkom, Sanne de Vries');
    }
    expect(visited).toEqual([]);
    await context.close();
  });

  it('logged out: the login form from /login?next=/%09/evil.example logs in and stays on this site', async () => {
    const { page, context } = await newPage(browser, server, { javaScriptEnabled: false });
    const visited = await trap(page);
    await page.goto(`${server.url}/login?next=/%09/evil.example`);
    await page.getByLabel('E-mailadres').fill('worker@gastplek.test');
    await page.getByLabel('Wachtwoord').fill('gastplek-demo');
    await page.getByRole('button', { name: 'Inloggen' }).click();
    await page.waitForURL((u) => !u.pathname.startsWith('/login'));
    expect(new URL(page.url()).origin).toBe(server.url);
    expect(await page.locator('h1').innerText()).toBe('Welkom, Sanne de Vries');
    expect(visited).toEqual([]);
    await context.close();
  });

  it('a language switch whose next was tampered with stays on this site', async () => {
    const { page, context } = await newPage(browser, server);
    const visited = await trap(page);
    await login(page, server, 'worker@gastplek.test');
    await page.locator('form[action="/language"] input[name=next]').evaluate((el) => el.setAttribute('value', '/\t/evil.example'));
    await page.getByRole('button', { name: 'Switch to English' }).click();
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('en');
    expect(new URL(page.url()).origin).toBe(server.url);
    expect(visited).toEqual([]);
    await context.close();
  });
});
