import { describe, expect, it } from 'vitest';
import { instantOf } from '../../src/lib/time';
import { createOrg, createTestApp, createUser, html, loginAs, ORIGIN, TestClock, text } from '../helpers';
import { seededWithClients } from '../security/support';

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

  it('language: a page drawn by a POST whose URL no GET answers (a refused series) returns to the page the form came from, or the nearest page above', async () => {
    const t = await seededWithClients();
    const worker = t.as.worker!;
    const nextAfter = async (referer?: string) => {
      const res = await worker.post(
        '/desks/spaces/1/book-series',
        { weekday: '3', daypart: 'morning', weeks: '99', startDate: '2026-12-01' },
        referer ? { referer } : {},
      );
      expect(res.status).toBe(422);
      return (await html(res)).querySelector('form[action="/language"] input[name="next"]')!.getAttribute('value')!;
    };
    expect(await nextAfter(`${ORIGIN}/desks/spaces/1?week=2026-12-07`)).toBe('/desks/spaces/1?week=2026-12-07');
    // Refused twice: the Referer is the POST's own URL; a foreign Referer is never followed.
    for (const referer of [`${ORIGIN}/desks/spaces/1/book-series`, 'https://evil.example/desks/spaces/9', 'not a url', undefined])
      expect(await nextAfter(referer), String(referer)).toBe('/desks/spaces/1');
    const back = await worker.post('/language', { locale: 'en', next: await nextAfter() });
    expect(back.headers.get('location')).toBe('/desks/spaces/1');
    expect((await worker.get(back.headers.get('location')!)).status).toBe(200);
  });
});
