import { describe, expect, it } from 'vitest';
import { seedDemoData, DEMO_PASSWORD } from '../../db/seed/index';
import { createTestApp, html, loginAs, text } from '../helpers';

describe('desks pages on the demo data', () => {
  it('demo: worker@gastplek.test (GGD) finds and books a shared space at CJG Harderwijk; every desks page renders in Dutch and English', async () => {
    const t = createTestApp();
    await seedDemoData(t.db, t.clock.now());
    const worker = await loginAs(t.app, 'worker@gastplek.test', DEMO_PASSWORD);
    const host = await loginAs(t.app, 'host@gastplek.test', DEMO_PASSWORD);

    const search = await html(await worker.get('/desks?date=2026-11-25&daypart=morning&town=Harderwijk'));
    const results = text(search.querySelector('#desk-results'));
    expect(results).toContain('CJG Harderwijk Stationslaan');
    expect(results).toContain('CJG Harderwijk Drielanden');
    const space = search.querySelectorAll('#desk-results article').find((a) => text(a).includes('Stilteruimte'))!;
    const action = space.querySelector('form')!.getAttribute('action')!;
    expect((await worker.post(action, { date: '2026-11-25', daypart: 'morning' })).status).toBe(303);
    const bookings = text(await html(await worker.get('/bookings')));
    expect(bookings).toContain('Stilteruimte');
    expect(bookings).toContain('aangevraagd');

    const spaceId = action.split('/')[3]!;
    const pages: [typeof worker, string][] = [
      [worker, '/desks'],
      [worker, `/desks/spaces/${spaceId}`],
      [worker, `/desks/spaces/${spaceId}?week=2026-12-21`],
      [worker, '/bookings'],
      [host, '/host/locations'],
      [host, '/host/locations/new'],
      [host, '/host/guests'],
    ];
    const locLinks = (await html(await host.get('/host/locations'))).querySelectorAll('ul.locations a').map((a) => a.getAttribute('href')!);
    expect(locLinks.length).toBeGreaterThanOrEqual(2);
    for (const l of locLinks) pages.push([host, l]);
    const spaceLinks = (await html(await host.get(locLinks[0]!))).querySelectorAll('ul.spaces a').map((a) => a.getAttribute('href')!);
    for (const s of spaceLinks) pages.push([host, s]);
    for (const locale of ['nl', 'en']) {
      for (const c of [worker, host]) await c.post('/language', { locale, next: '/' });
      for (const [c, path] of pages) {
        const res = await c.get(path);
        expect(res.status, `${locale} ${path}`).toBe(200);
        expect(await res.text(), `${locale} ${path}`).toContain(`<html lang="${locale}"`);
      }
    }
    // The Christmas closure shows in the week view.
    expect(text(await html(await worker.get(`/desks/spaces/${spaceId}?week=2026-12-21`)))).toMatch(/closed|gesloten/);
  });
});
