import { describe, expect, it } from 'vitest';
import { instantOf } from '../../src/lib/time';
import { createOrg, createTestApp, createUser, html, loginAs, TestClock, text } from '../helpers';

describe('language switch', () => {
  it('language switch: from a desk search it comes back to the same search (date, dagdeel, filters), now in English', async () => {
    const t = createTestApp({ clock: new TestClock(instantOf('2026-11-23', '08:00')) });
    const org = createOrg(t.db, { name: 'GGD Gooi' });
    const client = await loginAs(t.app, (await createUser(t.db, { orgId: org.id })).email);
    const search = '/desks?date=2026-11-26&daypart=afternoon&town=Ede&amenities=wifi';
    const page = await html(await client.get(search));
    const next = page.querySelector('form[action="/language"] input[name=next]')!.getAttribute('value');
    expect(next).toBe(search);
    const res = await client.post('/language', { locale: 'en', next: next! });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(search);
    const english = await html(await client.get(res.headers.get('location')!));
    expect(text(english.querySelector('#desk-results-title'))).toBe('Free desks on Thu, 26 Nov 2026, afternoon');
    expect(english.querySelector('input[name=town]')!.getAttribute('value')).toBe('Ede');
  });

  it('language switch: after a form post it returns to the nearest page (no GET answers /account/password), and a hostile next still lands on this site', async () => {
    const t = createTestApp();
    const org = createOrg(t.db);
    const client = await loginAs(t.app, (await createUser(t.db, { orgId: org.id })).email);
    const posted = await html(await client.post('/account/password', { current: 'fout', password: 'x', confirm: 'y' }));
    const next = posted.querySelector('form[action="/language"] input[name=next]')?.getAttribute('value');
    expect(next).toBe('/account');
    expect((await client.get(next!)).status).toBe(200);
    const hostile = await client.post('/language', { locale: 'en', next: '//evil.example/desks?x=1' });
    expect(hostile.headers.get('location')).toBe('/');
  });
});
