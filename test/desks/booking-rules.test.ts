import { describe, expect, it } from 'vitest';
import { closures } from '../../db/schema';
import { bookSpace } from '../../src/desks/bookings';
import { countRows, createOrg, createTestApp, createUser, html, loginAs, text } from '../helpers';
import { bookingRows, createSpace, desksWorld, HX } from './factory';

// The test clock stands at Monday 23 November 2026, 10:00 in Amsterdam.
const TOMORROW = '2026-11-24';

describe('desk booking rules', () => {
  it('capacity: 40 concurrent booking requests for a space with capacity 3 → exactly 3 confirmed', async () => {
    const t = createTestApp();
    const hostOrg = createOrg(t.db);
    const guestOrg = createOrg(t.db);
    const { spaceId } = createSpace(t.db, hostOrg.id, { capacity: 3 });
    const users = await Promise.all(Array.from({ length: 40 }, () => createUser(t.db, { orgId: guestOrg.id })));
    const clients = await Promise.all(users.map((u) => loginAs(t.app, u.email)));
    const responses = await Promise.all(clients.map((c) => c.post(`/desks/spaces/${spaceId}/book`, { date: TOMORROW, daypart: 'morning' })));
    const statuses = responses.map((r) => r.status);
    expect(statuses.filter((s) => s === 303)).toHaveLength(3);
    expect(statuses.filter((s) => s === 422)).toHaveLength(37);
    expect(bookingRows(t.db, `status = 'confirmed'`)).toHaveLength(3);
    expect(countRows(t.db, 'bookings')).toBe(3);
    const refused = await html(responses.find((r) => r.status === 422)!);
    expect(text(refused.querySelector('[role=alert]'))).toContain('Deze werkruimte is op dat dagdeel vol.');
  });

  it('capacity: a pending request holds its desk (approval required), so the last desk cannot be taken twice', async () => {
    const t = createTestApp();
    const w = await desksWorld(t, { capacity: 1, approvalRequired: true });
    const first = await w.workerClient.post(`/desks/spaces/${w.space.spaceId}/book`, { date: TOMORROW, daypart: 'morning' });
    expect(first.status).toBe(303);
    expect(bookingRows(t.db)[0]!.status).toBe('pending');
    const other = await createUser(t.db, { orgId: w.guestOrg.id });
    const second = await (await loginAs(t.app, other.email)).post(`/desks/spaces/${w.space.spaceId}/book`, { date: TOMORROW, daypart: 'morning' });
    expect(second.status).toBe(422);
    expect(bookingRows(t.db)).toHaveLength(1);
  });

  it('cancelling frees the desk at once', async () => {
    const t = createTestApp();
    const w = await desksWorld(t, { capacity: 1 });
    await w.workerClient.post(`/desks/spaces/${w.space.spaceId}/book`, { date: TOMORROW, daypart: 'morning' });
    const id = bookingRows(t.db)[0]!.id;
    expect((await w.workerClient.post(`/bookings/${id}/cancel`)).status).toBe(303);
    const other = await createUser(t.db, { orgId: w.guestOrg.id });
    const res = await (await loginAs(t.app, other.email)).post(`/desks/spaces/${w.space.spaceId}/book`, { date: TOMORROW, daypart: 'morning' });
    expect(res.status).toBe(303);
  });

  it('one place per daypart: a second booking for the same date and dagdeel is refused, also at another space', async () => {
    const t = createTestApp();
    const w = await desksWorld(t);
    const other = createSpace(t.db, w.hostOrg.id, { name: 'Stilteruimte' });
    expect((await w.workerClient.post(`/desks/spaces/${w.space.spaceId}/book`, { date: TOMORROW, daypart: 'morning' })).status).toBe(303);
    const res = await w.workerClient.post(`/desks/spaces/${other.spaceId}/book`, { date: TOMORROW, daypart: 'morning' });
    expect(res.status).toBe(422);
    expect(text(await html(res))).toContain('Je hebt op dat dagdeel al een reservering.');
    expect(bookingRows(t.db)).toHaveLength(1);
    // The afternoon is still free for this person.
    expect((await w.workerClient.post(`/desks/spaces/${other.spaceId}/book`, { date: TOMORROW, daypart: 'afternoon' })).status).toBe(303);
  });

  it('one place per daypart: the partial unique index refuses a duplicate even without the check', () => {
    const t = createTestApp();
    const hostOrg = createOrg(t.db);
    const { spaceId, locationId } = createSpace(t.db, hostOrg.id);
    const insert = `insert into bookings (space_id, location_id, org_id, user_id, guest_org_id, date, daypart, status, updated_at) values (?, ?, ?, ?, ?, ?, 'morning', ?, 0)`;
    return createUser(t.db, { orgId: hostOrg.id }).then((u) => {
      t.db.$client.prepare(insert).run(spaceId, locationId, hostOrg.id, u.id, hostOrg.id, TOMORROW, 'confirmed');
      expect(() => t.db.$client.prepare(insert).run(spaceId, locationId, hostOrg.id, u.id, hostOrg.id, TOMORROW, 'pending')).toThrow(/UNIQUE/);
      // A cancelled booking does not count.
      t.db.$client.prepare(insert).run(spaceId, locationId, hostOrg.id, u.id, hostOrg.id, TOMORROW, 'cancelled');
    });
  });

  it('whole day: books both dagdelen, or nothing when one of them is full', async () => {
    const t = createTestApp();
    const w = await desksWorld(t, { capacity: 1 });
    const other = await createUser(t.db, { orgId: w.guestOrg.id });
    await (await loginAs(t.app, other.email)).post(`/desks/spaces/${w.space.spaceId}/book`, { date: TOMORROW, daypart: 'afternoon' });
    const res = await w.workerClient.post(`/desks/spaces/${w.space.spaceId}/book`, { date: TOMORROW, daypart: 'whole' });
    expect(res.status).toBe(422);
    expect(bookingRows(t.db, `user_id = '${w.worker.id}'`)).toHaveLength(0);
    const ok = await w.workerClient.post(`/desks/spaces/${w.space.spaceId}/book`, { date: '2026-11-25', daypart: 'whole' });
    expect(ok.status).toBe(303);
    expect(bookingRows(t.db, `user_id = '${w.worker.id}'`).map((b) => b.daypart)).toEqual(['morning', 'afternoon']);
  });

  it('calendar rules: past, closure, closed weekday and beyond the horizon are refused with their message', async () => {
    const t = createTestApp();
    const w = await desksWorld(t, { horizonWeeks: 2 });
    t.db
      .insert(closures)
      .values({ locationId: w.space.locationId, orgId: w.hostOrg.id, spaceId: null, startDate: '2026-12-01', endDate: '2026-12-02', reason: 'Studiedag' })
      .run();
    const cases: [string, string][] = [
      ['2026-11-20', 'Deze datum ligt in het verleden.'],
      ['2026-12-01', 'De locatie of werkruimte is dan gesloten.'],
      ['2026-11-28', 'De locatie is op die weekdag gesloten.'],
      ['2026-12-10', 'Je kunt hier maximaal 2 weken vooruit reserveren.'],
    ];
    for (const [date, message] of cases) {
      const res = await w.workerClient.post(`/desks/spaces/${w.space.spaceId}/book`, { date, daypart: 'morning' });
      expect(res.status, date).toBe(422);
      expect(text(await html(res)), date).toContain(message);
    }
    // Today itself is still bookable.
    expect((await w.workerClient.post(`/desks/spaces/${w.space.spaceId}/book`, { date: '2026-11-23', daypart: 'afternoon' })).status).toBe(303);
    expect(bookingRows(t.db)).toHaveLength(1);
  });

  it('closure of one space closes only that space', async () => {
    const t = createTestApp();
    const w = await desksWorld(t);
    const other = createSpace(t.db, w.hostOrg.id);
    t.db
      .insert(closures)
      .values({ locationId: w.space.locationId, orgId: w.hostOrg.id, spaceId: w.space.spaceId, startDate: TOMORROW, endDate: TOMORROW, reason: 'Schilderwerk' })
      .run();
    expect((await w.workerClient.post(`/desks/spaces/${w.space.spaceId}/book`, { date: TOMORROW, daypart: 'morning' })).status).toBe(422);
    expect((await w.workerClient.post(`/desks/spaces/${other.spaceId}/book`, { date: TOMORROW, daypart: 'morning' })).status).toBe(303);
  });

  it('sharing: a worker of an organisation not on the list gets 404 and nothing is stored; the domain says not_shared', async () => {
    const t = createTestApp();
    const listed = createOrg(t.db);
    const w = await desksWorld(t, { sharing: 'list', sharedWith: [listed.id] });
    const res = await w.workerClient.post(`/desks/spaces/${w.space.spaceId}/book`, { date: TOMORROW, daypart: 'morning' });
    expect(res.status).toBe(404);
    expect((await w.workerClient.get(`/desks/spaces/${w.space.spaceId}`)).status).toBe(404);
    const r = bookSpace(
      t.db,
      { spaceId: w.space.spaceId, userId: w.worker.id, guestOrgId: w.guestOrg.id, date: TOMORROW, dayparts: ['morning'], note: null },
      t.clock.now(),
    );
    expect(r).toMatchObject({ ok: false, reason: 'not_shared' });
    const listedWorker = await createUser(t.db, { orgId: listed.id });
    expect(
      (await (await loginAs(t.app, listedWorker.email)).post(`/desks/spaces/${w.space.spaceId}/book`, { date: TOMORROW, daypart: 'morning' })).status,
    ).toBe(303);
    expect(bookingRows(t.db)).toHaveLength(1);
  });

  it('own staff: a colleague of the host organisation cannot book its guest desks', async () => {
    const t = createTestApp();
    const w = await desksWorld(t);
    const colleague = await createUser(t.db, { orgId: w.hostOrg.id });
    const c = await loginAs(t.app, colleague.email);
    const page = await c.get(`/desks/spaces/${w.space.spaceId}`);
    expect(page.status).toBe(200);
    expect(text(await html(page))).toContain('Dit is een werkruimte van je eigen organisatie');
    const res = await c.post(`/desks/spaces/${w.space.spaceId}/book`, { date: TOMORROW, daypart: 'morning' });
    expect(res.status).toBe(422);
    expect(text(await html(res))).toContain('daar reserveer je niet als gast');
    expect(bookingRows(t.db)).toHaveLength(0);
  });

  it('bad input: impossible dates, unknown dagdeel, long notes and missing fields → 422 with a message, nothing stored', async () => {
    const t = createTestApp();
    const w = await desksWorld(t);
    const bodies: Record<string, string>[] = [
      { date: '2026-02-30', daypart: 'morning' },
      { date: 'morgen', daypart: 'morning' },
      { date: TOMORROW, daypart: 'evening' },
      { date: TOMORROW, daypart: 'morning', note: 'x'.repeat(10_000) },
      {},
      { daypart: 'morning' },
    ];
    for (const body of bodies) {
      const res = await w.workerClient.post(`/desks/spaces/${w.space.spaceId}/book`, body);
      expect(res.status, JSON.stringify(body).slice(0, 60)).toBe(422);
      expect(text((await html(res)).querySelector('[role=alert]'))).not.toBe('');
    }
    const hx = await w.workerClient.post(`/desks/spaces/${w.space.spaceId}/book`, { date: '2026-02-30', daypart: 'morning', fragment: 'cell' }, HX);
    expect(hx.status).toBe(422);
    expect(await hx.text()).toContain('Vul een bestaande datum in');
    for (const id of ['abc', '0', '99999', '-1', '1e9'])
      expect((await w.workerClient.post(`/desks/spaces/${id}/book`, { date: TOMORROW, daypart: 'morning' })).status).toBe(404);
    expect(countRows(t.db, 'bookings')).toBe(0);
  });

  it('htmx: booking from the week view returns only the updated cell', async () => {
    const t = createTestApp();
    const w = await desksWorld(t, { capacity: 2 });
    const res = await w.workerClient.post(`/desks/spaces/${w.space.spaceId}/book`, { date: TOMORROW, daypart: 'morning', fragment: 'cell' }, HX);
    expect(res.status).toBe(200);
    const body = await res.text();
    expect(body).not.toContain('<html');
    expect(body.startsWith('<td')).toBe(true);
    expect(body).toContain('1 van 2 vrij');
    expect(body).toContain('door jou gereserveerd');
  });

  it('recurring: every Tuesday morning for 6 weeks books each occurrence and lists the skipped dates with reasons', async () => {
    const t = createTestApp();
    const w = await desksWorld(t, { capacity: 1, horizonWeeks: 4 });
    t.db
      .insert(closures)
      .values({ locationId: w.space.locationId, orgId: w.hostOrg.id, spaceId: null, startDate: '2026-12-01', endDate: '2026-12-01', reason: 'Studiedag' })
      .run();
    const other = await createUser(t.db, { orgId: w.guestOrg.id });
    await (await loginAs(t.app, other.email)).post(`/desks/spaces/${w.space.spaceId}/book`, { date: '2026-12-08', daypart: 'morning' });
    const res = await w.workerClient.post(`/desks/spaces/${w.space.spaceId}/book-series`, {
      weekday: '2',
      daypart: 'morning',
      weeks: '6',
      startDate: '2026-11-23',
    });
    expect(res.status).toBe(200);
    const page = text(await html(res));
    expect(page).toContain('2 reserveringen gemaakt.');
    expect(page).toContain('De locatie of werkruimte is dan gesloten.');
    expect(page).toContain('Deze werkruimte is op dat dagdeel vol.');
    expect(page).toContain('Je kunt hier maximaal 4 weken vooruit reserveren.');
    expect(bookingRows(t.db, `user_id = '${w.worker.id}'`).map((b) => b.date)).toEqual(['2026-11-24', '2026-12-15']);
    // A number out of range says the range, at the field (review finding: 52 said only "Vul een geldig getal in.").
    for (const weeks of ['0', '13', '52', '-1', '1e9', 'zes']) {
      const bad = await w.workerClient.post(`/desks/spaces/${w.space.spaceId}/book-series`, {
        weekday: '2',
        daypart: 'morning',
        weeks,
        startDate: '2026-11-23',
      });
      expect(bad.status).toBe(422);
      const form = await html(bad);
      expect(text(form.querySelector('#f-weeks')?.parentNode?.querySelector('.error') ?? null), weeks).toBe('Vul een aantal weken van 1 tot en met 12 in.');
      expect(form.querySelector('#f-weeks')!.getAttribute('value')).toBe(weeks);
    }
  });
});
