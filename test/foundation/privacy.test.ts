import { describe, expect, it } from 'vitest';
import { createTestApp, createOrg, createUser, loginAs } from '../helpers';
import { desksWorld } from '../desks/factory';

describe('personal data: a person can see and export what is stored about them', () => {
  it('the export holds the person’s own account, memberships and bookings, and no secrets', async () => {
    const t = createTestApp();
    const w = await desksWorld(t);
    await w.workerClient.post(`/desks/spaces/${w.space.spaceId}/book`, { date: '2026-11-24', daypart: 'morning', note: 'Graag overleg met de GGD' });
    const res = await w.workerClient.get('/account/export.json');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toContain('attachment');
    const body = await res.text();
    const data = JSON.parse(body);
    expect(data.account.email).toBe(w.worker.email);
    expect(data.memberships).toEqual([{ organisation: w.guestOrg.name, roles: ['member'] }]);
    expect(data.bookings).toHaveLength(1);
    expect(data.bookings[0]).toMatchObject({ date: '2026-11-24', daypart: 'morning', note: 'Graag overleg met de GGD', status: 'confirmed' });
    // Her own booking: a confirmation e-mail, no in-app notice (issue #17).
    expect(data.emails.length).toBeGreaterThan(0);
    for (const secret of ['password', 'Hash', 'token', 'argon2']) expect(body).not.toContain(secret);
  });

  it('holds nothing of anybody else, and needs a login', async () => {
    const t = createTestApp();
    const w = await desksWorld(t);
    await w.workerClient.post(`/desks/spaces/${w.space.spaceId}/book`, { date: '2026-11-24', daypart: 'morning' });
    const other = await createUser(t.db, { orgId: createOrg(t.db).id });
    const data = (await (await (await loginAs(t.app, other.email)).get('/account/export.json')).json()) as { bookings: unknown[] };
    expect(data.bookings).toEqual([]);
    expect(JSON.stringify(data)).not.toContain(w.worker.email);
    const anon = await t.app.request('/account/export.json');
    expect(anon.status).toBe(303);
  });
});
