import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { afterAll, beforeAll } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import { createApp } from '../../src/app';
import { loadConfig } from '../../src/config';
import { openDatabase, type DB } from '../../src/db';
import { seedDemoData, DEMO_PASSWORD } from '../../db/seed/index';
import { serverClock, type ServerClock } from '../clock';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * The server's clock starts at TEST_NOW (or the real time) and runs on, unless a journey moves it
 * ("the next morning at 08:30"), because some steps only exist later: check-in on the day itself,
 * attendance once a meeting has started. The demo data is seeded relative to it.
 */
export type Clock = ServerClock;

export type RunningServer = { url: string; db: DB; clock: Clock; close: () => Promise<void> };

/** The real app on a real port, on a fresh seeded database file, in this process. */
export async function startServer(opts: { env?: Record<string, string>; clockStart?: Date } = {}): Promise<RunningServer> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gastplek-browser-'));
  const db = openDatabase(path.join(dir, 'gastplek.db'));
  const clock = serverClock(opts.clockStart);
  await seedDemoData(db, clock.now());
  let app: ReturnType<typeof createApp> | undefined;
  const server = serve({ fetch: (req, env) => app!.fetch(req, env), port: 0, hostname: '127.0.0.1' });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  const config = loadConfig({ NODE_ENV: 'development', LOG_LEVEL: 'silent', BASE_URL: url, PORT: String(port), ...opts.env });
  app = createApp({ db, config, now: clock.now });
  return {
    url,
    db,
    clock,
    close: () =>
      new Promise((resolve) => {
        server.close(() => {
          db.$client.close();
          fs.rmSync(dir, { recursive: true, force: true });
          resolve();
        });
      }),
  };
}

/**
 * The lifecycle every journey file shares: one server with demo data and one Chromium for the
 * whole file, closed afterwards. `ready` receives them (and may add data for the file's journeys).
 */
export function journey(ready: (server: RunningServer, browser: Browser) => void | Promise<void>, timeoutMs?: number): void {
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    await ready(server, browser);
  }, timeoutMs);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
}

export async function launchBrowser(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(`Chromium not found at ${CHROMIUM}. Install it with: apt-get install -y chromium (see README).`);
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}

/** A page that records every request that would leave the local server. */
export async function newPage(browser: Browser, server: RunningServer, opts: { javaScriptEnabled?: boolean; locale?: string } = {}) {
  const context = await browser.newContext({
    javaScriptEnabled: opts.javaScriptEnabled ?? true,
    locale: opts.locale ?? 'nl-NL',
    viewport: { width: 390, height: 844 },
  });
  // Waits for what a person would see; generous so a busy machine is slow, not red (a hang still fails).
  context.setDefaultTimeout(30_000);
  const page = await context.newPage();
  const external: string[] = [];
  page.on('request', (r) => {
    if (!r.url().startsWith(server.url) && !r.url().startsWith('data:')) external.push(r.url());
  });
  return { page, context, external };
}

/**
 * The main navigation landmark. On a phone (the journeys run 390 px wide) its links sit behind
 * "Menu", a <details> that needs no JavaScript: opened first when closed, as a person would.
 */
export async function nav(page: Page) {
  const menu = page.locator('header details.nav-menu');
  if ((await menu.isVisible()) && (await menu.getAttribute('open')) === null) await menu.locator('summary').click();
  return page.getByRole('navigation');
}

export async function login(page: Page, server: RunningServer, email: string, password = DEMO_PASSWORD) {
  await page.goto(`${server.url}/login`);
  await page.getByLabel('E-mailadres').fill(email);
  await page.getByLabel('Wachtwoord').fill(password);
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await page.waitForURL((u) => !u.pathname.startsWith('/login'));
}

const require = createRequire(import.meta.url);
const axeSource = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

type AxeViolation = { id: string; impact: string; help: string; nodes: { target: string[] }[] };

/** Runs axe-core (WCAG 2.1 A/AA rules) on the current page; returns readable violations. Needs JavaScript enabled. */
export async function axeViolations(page: Page): Promise<string[]> {
  // page.evaluate goes through the DevTools protocol, so our CSP (no inline script) does not block it.
  await page.evaluate(axeSource);
  const violations = (await page.evaluate(async () => {
    const g = globalThis as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: unknown[] }> }; document: unknown };
    const result = await g.axe.run(g.document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return result.violations;
  })) as AxeViolation[];
  return violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}
