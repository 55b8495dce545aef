import { describe, expect, it } from 'vitest';
import { createTestApp, loginAs, ORIGIN } from '../helpers';
import { seedDemoData, DEMO_ACCOUNTS, DEMO_PASSWORD } from '../../db/seed/index';
import type { DB } from '../../src/db';
import { rowOrder } from './support';

/** Every route the app serves, from Hono's own route table (middleware excluded). */
function routeTable(app: ReturnType<typeof createTestApp>['app']) {
  const seen = new Set<string>();
  return app.routes
    .filter((r) => r.method !== 'ALL')
    .map((r) => ({ method: r.method, path: r.path }))
    .filter((r) => {
      const key = `${r.method} ${r.path}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}

/** A concrete URL for a route pattern: ids become 1, tokens a dummy, regex constraints their first option. */
function concrete(path: string): string {
  return path
    .replace(/:(\w+)\{([^}|]+)[^}]*\}/g, (_m, _n, first: string) => first.replace(/\\/g, ''))
    .replace(/:(\w*[iI]d)\b/g, '1')
    .replace(/:(\w+)/g, 'x')
    .replace(/\*/g, 'x');
}

/** A fingerprint of everything stored, except session bookkeeping (login itself writes sessions) and the tables in `except`. */
function snapshot(db: DB, except: string[] = []): string {
  const tables = (
    db.$client
      .prepare(
        "select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like '__drizzle%' and name not in ('sessions', 'login_failures') order by name",
      )
      .all() as { name: string }[]
  )
    .map((t) => t.name)
    .filter((t) => !except.includes(t));
  return tables.map((t) => `${t}:${JSON.stringify(db.$client.prepare(`select * from "${t}" order by ${rowOrder(db, t)}`).all())}`).join('\n');
}

async function seeded() {
  const t = createTestApp({ clock: undefined });
  await seedDemoData(t.db, t.clock.now());
  return t;
}

describe('route table', () => {
  it('has routes (sanity check for the generated tests below)', async () => {
    const { app } = createTestApp();
    const routes = routeTable(app);
    expect(routes.filter((r) => r.method === 'POST').length).toBeGreaterThan(5);
    expect(routes.filter((r) => r.method === 'GET').length).toBeGreaterThan(5);
  });
});

describe('CSRF matrix over every unsafe route', () => {
  const attacks: [string, Record<string, string>, string][] = [
    ['foreign Origin, form', { origin: 'https://evil.example', 'content-type': 'application/x-www-form-urlencoded' }, 'a=1'],
    ['missing Origin, form', { 'content-type': 'application/x-www-form-urlencoded' }, 'a=1'],
    ['Sec-Fetch-Site cross-site', { origin: ORIGIN, 'sec-fetch-site': 'cross-site', 'content-type': 'application/x-www-form-urlencoded' }, 'a=1'],
    ['foreign Origin, multipart', { origin: 'https://evil.example', 'content-type': 'multipart/form-data; boundary=b' }, '--b--'],
    ['foreign Origin, JSON', { origin: 'https://evil.example', 'content-type': 'application/json' }, '{"a":1}'],
    ['same Origin, JSON', { origin: ORIGIN, 'content-type': 'application/json' }, '{"a":1}'],
    ['same Origin, text/plain', { origin: ORIGIN, 'content-type': 'text/plain' }, 'a=1'],
    ['foreign Origin, TEXT/PLAIN', { origin: 'https://evil.example', 'content-type': 'TEXT/PLAIN;charset=UTF-8' }, 'a=1'],
    ['same Origin, APPLICATION/JSON', { origin: ORIGIN, 'content-type': 'APPLICATION/JSON' }, '{"a":1}'],
  ];

  it('refuses every attack on every POST route, logged in as each demo account, and nothing changes', async () => {
    const { app, db } = await seeded();
    const posts = routeTable(app).filter((r) => r.method === 'POST');
    const clients = await Promise.all(DEMO_ACCOUNTS.map((a) => loginAs(app, a.email, DEMO_PASSWORD)));
    const before = snapshot(db);
    const failures: string[] = [];
    for (const route of posts) {
      for (const client of clients) {
        for (const [name, headers, body] of attacks) {
          const res = await client.request(concrete(route.path), { method: 'POST', headers, body });
          if (res.status !== 403 && res.status !== 415) failures.push(`${route.path} (${name}): ${res.status}`);
        }
      }
    }
    expect(failures).toEqual([]);
    expect(snapshot(db)).toBe(before);
  });
});

/**
 * What a GET may write: the access log records that someone read other people's data (ADR 014),
 * append-only; a desk search that found nothing is counted for Inzicht (desk_demand, ADR 015).
 */
const ACCESS_LOG = ['access_log', 'access_log_subjects', 'desk_demand'];

describe('crawling every GET route never changes the database (but for the access log and the demand count)', () => {
  it('as anonymous and as each demo account', async () => {
    const { app, db } = await seeded();
    const gets = routeTable(app).filter((r) => r.method === 'GET');
    const clients = await Promise.all(DEMO_ACCOUNTS.map((a) => loginAs(app, a.email, DEMO_PASSWORD)));
    const before = snapshot(db, ACCESS_LOG);
    const errors: string[] = [];
    for (const route of gets) {
      for (const client of [undefined, ...clients]) {
        const url = concrete(route.path);
        const res = client ? await client.get(url) : await app.request(url);
        if (res.status >= 500) errors.push(`${url}: ${res.status}`);
      }
    }
    expect(errors).toEqual([]);
    expect(snapshot(db, ACCESS_LOG)).toBe(before);
  });
});
