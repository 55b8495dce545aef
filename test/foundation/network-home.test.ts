import { describe, expect, it } from 'vitest';
import { seedDemoData } from '../../db/seed/index';
import { instantOf } from '../../src/lib/time';
import { createTestApp, html, loginAs, TestClock, text } from '../helpers';
import { DEMO_PASSWORD } from '../../db/seed/core';

// Issue #17, "also seen": the network admin's start page gives the network at a glance, with links.

describe('the network admin’s start page', () => {
  it('network home: organisations, locations, upcoming meetings and open requests, counted from the data; others do not see it', async () => {
    const t = createTestApp({ clock: new TestClock(instantOf('2026-12-09', '09:00')) });
    await seedDemoData(t.db, t.clock.now());
    const n = (q: string) => (t.db.$client.prepare(q).get() as { n: number }).n;
    const orgs = n('select count(*) n from organisations');
    const locations = n('select count(*) n from locations where archived_at is null');
    const requests = n("select count(*) n from bookings where status = 'pending' and date >= '2026-12-09'");
    const admin = await loginAs(t.app, 'admin@gastplek.test', DEMO_PASSWORD);
    const page = await html(await admin.get('/'));
    const overview = text(page.querySelector('section[aria-labelledby="network-overview"]'));
    expect(overview).toContain(`${orgs} organisaties`);
    expect(overview).toContain(`${locations} locaties met gastwerkplekken`);
    expect(overview).toMatch(/\d+ komende bijeenkomst/);
    expect(overview).toContain(`${requests} open`);
    expect(page.querySelector('section[aria-labelledby="network-overview"] a[href="/admin/organisations"]')).not.toBeNull();
    const worker = await loginAs(t.app, 'worker@gastplek.test', DEMO_PASSWORD);
    expect((await html(await worker.get('/'))).querySelector('section[aria-labelledby="network-overview"]')).toBeNull();
  });
});
