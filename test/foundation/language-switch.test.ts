import { describe, expect, it } from 'vitest';
import { instantOf } from '../../src/lib/time';
import { createOrg, createTestApp, createUser, html, loginAs, TestClock, text } from '../helpers';

// Issue #17, point 7: switching the language keeps you on the page you were on, query included.

describe('the language switch', () => {
  it('language: switching returns to the same URL with the same query, now in English', async () => {
    const t = createTestApp({ clock: new TestClock(instantOf('2026-12-09', '09:00')) });
    const org = createOrg(t.db);
    const me = await createUser(t.db, { orgId: org.id });
    const client = await loginAs(t.app, me.email);
    const url = '/desks?date=2026-12-10&daypart=afternoon&town=Utrecht';
    const page = await html(await client.get(url));
    const next = page.querySelector('form[action="/language"] input[name="next"]')!.getAttribute('value');
    expect(next).toBe(url);
    const res = await client.post('/language', { locale: 'en', next: next! });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(url);
    expect(text(await html(await client.get(url)))).toContain('Find a desk');
  });

  it('language: after a form was refused (a POST), the switch goes back to the page itself, never to a foreign site', async () => {
    const t = createTestApp({ clock: new TestClock(instantOf('2026-12-09', '09:00')) });
    const org = createOrg(t.db);
    const me = await createUser(t.db, { orgId: org.id });
    const client = await loginAs(t.app, me.email);
    const refused = await html(await client.post('/people/profile', { about: 'x'.repeat(141) }));
    expect(refused.querySelector('form[action="/language"] input[name="next"]')!.getAttribute('value')).toBe('/people/profile');
    const res = await client.post('/language', { locale: 'en', next: 'https://evil.example/?x=1' });
    expect(res.headers.get('location')).toBe('/');
  });
});
