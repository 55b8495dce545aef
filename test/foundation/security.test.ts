import { describe, expect, it } from 'vitest';
import { Client, countRows, createOrg, createTestApp, createUser, loginAs, ORIGIN, html, text } from '../helpers';
import { BODY_LIMIT_BYTES } from '../../src/app';

describe('CSRF: only same-origin form posts change anything', () => {
  async function setup() {
    const t = createTestApp();
    const org = createOrg(t.db);
    const admin = await createUser(t.db, { orgId: org.id, roles: ['org_admin'] });
    const client = await loginAs(t.app, admin.email);
    return { ...t, org, client, path: `/org/${org.id}/invitations` };
  }
  const form = new URLSearchParams({ email: 'nieuw@example.test', role: 'member' }).toString();

  const cases: [string, Record<string, string>, string, number][] = [
    ['form from a foreign origin', { origin: 'https://evil.example', 'content-type': 'application/x-www-form-urlencoded' }, form, 403],
    ['form without Origin', { 'content-type': 'application/x-www-form-urlencoded' }, form, 403],
    [
      'form with Sec-Fetch-Site: cross-site',
      { origin: ORIGIN, 'sec-fetch-site': 'cross-site', 'content-type': 'application/x-www-form-urlencoded' },
      form,
      403,
    ],
    ['form with Sec-Fetch-Site: same-site', { origin: ORIGIN, 'sec-fetch-site': 'same-site', 'content-type': 'application/x-www-form-urlencoded' }, form, 403],
    ['form with Origin: null and no Sec-Fetch-Site', { origin: 'null', 'content-type': 'application/x-www-form-urlencoded' }, form, 403],
    [
      'form with Origin: null from another site',
      { origin: 'null', 'sec-fetch-site': 'cross-site', 'content-type': 'application/x-www-form-urlencoded' },
      form,
      403,
    ],
    [
      'JSON from a foreign origin',
      { origin: 'https://evil.example', 'content-type': 'application/json' },
      JSON.stringify({ email: 'x@example.test', role: 'member' }),
      403,
    ],
    ['JSON from our own origin', { origin: ORIGIN, 'content-type': 'application/json' }, JSON.stringify({ email: 'x@example.test', role: 'member' }), 415],
    ['text/plain from our own origin', { origin: ORIGIN, 'content-type': 'text/plain' }, 'email=x@example.test', 415],
    ['TEXT/PLAIN from a foreign origin', { origin: 'https://evil.example', 'content-type': 'TEXT/PLAIN' }, 'email=x@example.test', 403],
    ['no content type', { origin: ORIGIN }, form, 415],
    ['multipart from a foreign origin', { origin: 'https://evil.example', 'content-type': 'multipart/form-data; boundary=x' }, '--x--', 403],
  ];

  for (const [name, headers, body, status] of cases) {
    it(`refuses ${name} with ${status} and writes nothing`, async () => {
      const { client, db, path } = await setup();
      const before = countRows(db, 'invitations');
      const res = await client.request(path, { method: 'POST', headers, body });
      expect(res.status).toBe(status);
      expect(countRows(db, 'invitations')).toBe(before);
      expect(countRows(db, 'outbox')).toBe(0);
    });
  }

  it('accepts the same form from our own origin (control)', async () => {
    const { client, db, path } = await setup();
    const res = await client.request(path, {
      method: 'POST',
      headers: { origin: ORIGIN, 'sec-fetch-site': 'same-origin', 'content-type': 'application/x-www-form-urlencoded' },
      body: form,
    });
    expect(res.status).toBe(303);
    expect(countRows(db, 'invitations')).toBe(1);
  });

  it('accepts a form from our own no-referrer page: Origin null, vouched for by Sec-Fetch-Site: same-origin (what Chromium sends)', async () => {
    const { client, db, path } = await setup();
    const res = await client.request(path, {
      method: 'POST',
      headers: { origin: 'null', 'sec-fetch-site': 'same-origin', 'content-type': 'application/x-www-form-urlencoded' },
      body: form,
    });
    expect(res.status).toBe(303);
    expect(countRows(db, 'invitations')).toBe(1);
  });
});

describe('security headers and limits', () => {
  it('sends a CSP without unsafe-inline/unsafe-eval and denies framing', async () => {
    const { app } = createTestApp();
    const res = await app.request('/login');
    const csp = res.headers.get('content-security-policy')!;
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toContain('unsafe-eval');
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('refuses an oversized body with 413', async () => {
    const { app } = createTestApp();
    const res = await new Client(app).post('/login', { email: 'a@example.test', password: 'x'.repeat(BODY_LIMIT_BYTES + 10) });
    expect(res.status).toBe(413);
  });

  it('a 10,000-character name is a clear 422, not a 500', async () => {
    const { app, db } = createTestApp();
    const admin = await createUser(db, { networkAdmin: true });
    const client = await loginAs(app, admin.email);
    const res = await client.post('/admin/organisations', { name: 'x'.repeat(10_000), kind: 'cjg', town: 'Ede', adminEmail: 'a@example.test' });
    expect(res.status).toBe(422);
    expect(text(await html(res))).toContain('Maximaal 120 tekens.');
    expect(countRows(db, 'organisations')).toBe(0);
  });

  it('unknown pages are a Dutch 404 page', async () => {
    const { app } = createTestApp();
    const res = await app.request('/bestaat-niet');
    expect(res.status).toBe(404);
    expect(text((await html(res)).querySelector('h1'))).toBe('Niet gevonden');
  });

  it('pages for anonymous visitors are not marked no-store, logged-in pages are', async () => {
    const { app, db } = createTestApp();
    expect((await app.request('/login')).headers.get('cache-control')).toBeNull();
    const u = await createUser(db);
    const client = await loginAs(app, u.email);
    expect((await client.get('/account')).headers.get('cache-control')).toBe('no-store');
  });

  it('the development outbox does not exist in production', async () => {
    const { app } = createTestApp({ env: { NODE_ENV: 'production', BASE_URL: ORIGIN } });
    expect((await app.request('/dev/outbox')).status).toBe(404);
  });
});

describe('language', () => {
  it('Dutch by default, English from Accept-Language, and a saved choice wins', async () => {
    const { app, db } = createTestApp();
    const dutch = await html(await app.request('/login'));
    expect(dutch.querySelector('html')?.getAttribute('lang')).toBe('nl');
    const english = await html(await app.request('/login', { headers: { 'accept-language': 'en-GB,en;q=0.9' } }));
    expect(english.querySelector('html')?.getAttribute('lang')).toBe('en');
    expect(text(english.querySelector('h1'))).toBe('Log in');

    const u = await createUser(db);
    const client = await loginAs(app, u.email);
    const res = await client.post('/language', { locale: 'en', next: '/account' });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/account');
    client.cookies.delete('gastplek_lang');
    const page = await html(await client.get('/account'));
    expect(page.querySelector('html')?.getAttribute('lang')).toBe('en');
    expect(text(page.querySelector('h1'))).toBe('My account');
  });

  it('language switch never redirects off-site', async () => {
    const { app } = createTestApp();
    const res = await new Client(app).post('/language', { locale: 'en', next: '//evil.example/' });
    expect(res.headers.get('location')).toBe('/');
  });
});
