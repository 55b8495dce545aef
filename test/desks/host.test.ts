import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { closures, locations, outbox, spaces, users } from '../../db/schema';
import { bookSpace } from '../../src/desks/bookings';
import { countRows, createOrg, createTestApp, createUser, html, loginAs, TestClock, text, sentAttachments } from '../helpers';
import { bookingRows, createSpace, desksWorld, HX } from './factory';

const TOMORROW = '2026-11-24';

const locationForm = (over: Record<string, string | string[]> = {}) => ({
  name: 'CJG Harderwijk Stationslaan',
  street: 'Stationslaan 2',
  postcode: '3841 DB',
  town: 'Harderwijk',
  openWeekdays: ['1', '2', '3', '4', '5'],
  guestInstructions: 'Meld je bij de balie op de begane grond; wifi: CJG-Gast',
  sharing: 'all',
  horizonWeeks: '8',
  checkinDeadlineMorning: '10:00',
  checkinDeadlineAfternoon: '14:00',
  ...over,
});

describe('hosts publish, workers book', () => {
  it('journey: a host publishes a space, a worker of another organisation finds and books it, both see it, the worker checks in', async () => {
    const t = createTestApp();
    const hostOrg = createOrg(t.db, { name: 'CJG Harderwijk' });
    const guestOrg = createOrg(t.db, { name: 'GGD Noord- en Oost-Gelderland', kind: 'ggd' });
    const host = await loginAs(t.app, (await createUser(t.db, { orgId: hostOrg.id, roles: ['host'] })).email);
    const worker = await loginAs(t.app, (await createUser(t.db, { orgId: guestOrg.id, name: 'Sanne de Vries' })).email);

    const created = await host.post('/host/locations/new', locationForm());
    expect(created.status).toBe(303);
    const locationPath = created.headers.get('location')!;
    const added = await host.post(`${locationPath}/spaces`, {
      name: 'Flexplekken eerste verdieping',
      kind: 'flexplek',
      capacity: '4',
      amenities: ['wifi', 'coffee'],
      active: 'on',
    });
    expect(added.status).toBe(303);

    const found = await worker.get('/desks?date=2026-11-23&daypart=afternoon&town=harderwijk&amenities=wifi');
    expect(found.status).toBe(200);
    const doc = await html(found);
    expect(text(doc.querySelector('#desk-results'))).toContain('Flexplekken eerste verdieping');
    expect(text(doc.querySelector('#desk-results'))).toContain('4 van 4 vrij');
    const action = doc.querySelector('#desk-results form')!.getAttribute('action')!;

    const booked = await worker.post(action, { date: '2026-11-23', daypart: 'afternoon' });
    expect(booked.status).toBe(303);
    expect(booked.headers.get('location')).toBe('/bookings');
    const mine = text(await html(await worker.get('/bookings')));
    expect(mine).toContain('Gereserveerd: Flexplekken eerste verdieping');
    expect(mine).toContain('bevestigd');
    expect(mine).toContain('wifi: CJG-Gast');

    const guests = text(await html(await host.get('/host/guests')));
    expect(guests).toContain('Sanne de Vries');
    expect(guests).toContain('GGD Noord- en Oost-Gelderland');

    const id = bookingRows(t.db)[0]!.id;
    expect((await worker.post(`/bookings/${id}/checkin`)).status).toBe(303);
    expect(text(await html(await worker.get('/bookings')))).toContain('Ingecheckt om 10:00');
  });

  it('foreign organisation: a host of A gets 404 on every read and write of B’s locations, spaces, closures and bookings', async () => {
    const t = createTestApp();
    const b = await desksWorld(t);
    const orgA = createOrg(t.db);
    const hostA = await loginAs(t.app, (await createUser(t.db, { orgId: orgA.id, roles: ['host'] })).email);
    createSpace(t.db, orgA.id);
    const closure = t.db
      .insert(closures)
      .values({ locationId: b.space.locationId, orgId: b.hostOrg.id, spaceId: null, startDate: '2026-12-24', endDate: '2026-12-26', reason: 'Kerst' })
      .returning()
      .get();
    bookSpace(
      t.db,
      { spaceId: b.space.spaceId, userId: b.worker.id, guestOrgId: b.guestOrg.id, date: TOMORROW, dayparts: ['morning'], note: null },
      t.clock.now(),
    );
    const bookingId = bookingRows(t.db)[0]!.id;
    const before = JSON.stringify([
      t.db.select().from(locations).all(),
      t.db.select().from(spaces).all(),
      t.db.select().from(closures).all(),
      bookingRows(t.db),
    ]);

    const loc = b.space.locationId;
    const writes: [string, Record<string, string | string[]>][] = [
      [`/host/locations/${loc}`, locationForm({ name: 'Overgenomen' })],
      [`/host/locations/${loc}/spaces`, { name: 'Extra', kind: 'flexplek', capacity: '2' }],
      [`/host/locations/${loc}/closures`, { startDate: TOMORROW, endDate: TOMORROW, reason: 'Sabotage' }],
      [`/host/spaces/${b.space.spaceId}`, { name: 'Kleiner', kind: 'flexplek', capacity: '1', active: 'on' }],
      [`/host/closures/${closure.id}/delete`, { confirm: 'yes' }],
      ...(['arrived', 'no-show', 'approve', 'decline'] as const).map((a): [string, Record<string, string>] => [`/host/bookings/${bookingId}/${a}`, {}]),
    ];
    const mailsBefore = countRows(t.db, 'outbox');
    for (const [path, body] of writes) expect((await hostA.post(path, body)).status, path).toBe(404);
    for (const path of [`/host/locations/${loc}`, `/host/spaces/${b.space.spaceId}`, `/host/guests?location=${loc}`])
      expect((await hostA.get(path)).status, path).toBe(404);
    const after = JSON.stringify([
      t.db.select().from(locations).all(),
      t.db.select().from(spaces).all(),
      t.db.select().from(closures).all(),
      bookingRows(t.db),
    ]);
    expect(after).toBe(before);
    expect(countRows(t.db, 'outbox')).toBe(mailsBefore);

    // A worker without the host role gets 403 on the host pages and 404 on the writes.
    expect((await b.workerClient.get('/host/locations')).status).toBe(403);
    expect((await b.workerClient.post('/host/locations/new', locationForm())).status).toBe(403);
    expect((await b.workerClient.post(`/host/bookings/${bookingId}/approve`)).status).toBe(404);
  });

  it('closure: cancels the bookings in its range in the same transaction and e-mails each owner in their language', async () => {
    const t = createTestApp();
    const w = await desksWorld(t);
    const english = await createUser(t.db, { orgId: w.guestOrg.id, name: 'Emma Brown' });
    t.db.update(users).set({ locale: 'en' }).where(eq(users.id, english.id)).run();
    const now = t.clock.now();
    bookSpace(
      t.db,
      { spaceId: w.space.spaceId, userId: w.worker.id, guestOrgId: w.guestOrg.id, date: '2026-12-24', dayparts: ['morning', 'afternoon'], note: null },
      now,
    );
    bookSpace(t.db, { spaceId: w.space.spaceId, userId: english.id, guestOrgId: w.guestOrg.id, date: '2026-12-24', dayparts: ['morning'], note: null }, now);
    bookSpace(t.db, { spaceId: w.space.spaceId, userId: w.worker.id, guestOrgId: w.guestOrg.id, date: '2026-12-28', dayparts: ['morning'], note: null }, now);
    const kerst = { startDate: '2026-12-24', endDate: '2026-12-26', reason: 'Kerst' };
    // First the count, and nothing changes; then the confirming click closes and cancels.
    const preview = await w.hostClient.post(`/host/locations/${w.space.locationId}/closures`, kerst);
    expect(preview.status).toBe(200);
    expect(text(await html(preview))).toContain('3 reserveringen worden geannuleerd');
    expect(countRows(t.db, 'closures')).toBe(0);
    expect(bookingRows(t.db).every((b) => b.status === 'confirmed')).toBe(true);
    const res = await w.hostClient.post(`/host/locations/${w.space.locationId}/closures`, { ...kerst, confirm: 'yes' });
    expect(res.status).toBe(303);
    expect(text(await html(await w.hostClient.get(res.headers.get('location')!)))).toContain('3 reserveringen zijn geannuleerd');
    expect(bookingRows(t.db).map((b) => `${b.date}:${b.status}`)).toEqual([
      '2026-12-24:cancelled',
      '2026-12-24:cancelled',
      '2026-12-24:cancelled',
      '2026-12-28:confirmed',
    ]);
    // Each booking was confirmed by mail; the closure adds one cancellation per booking, with a METHOD:CANCEL calendar file.
    const mails = t.db
      .select()
      .from(outbox)
      .all()
      .filter((m) => /^(Geannuleerd|Cancelled):/.test(m.subject));
    expect(mails).toHaveLength(3);
    expect(mails.every((m) => sentAttachments(m.attachments).includes('METHOD:CANCEL'))).toBe(true);
    expect(mails.find((m) => m.toAddress === english.email)!.subject).toMatch(/^Cancelled: your desk at .* on Thu,? 24 Dec 2026$/);
    expect(mails.filter((m) => m.toAddress === w.worker.email).every((m) => m.subject.startsWith('Geannuleerd:') && m.body.includes('Kerst'))).toBe(true);
    // Deleting the closure does not bring the bookings back, but makes the days bookable again.
    const closureId = t.db.select().from(closures).get()!.id;
    expect((await w.hostClient.post(`/host/closures/${closureId}/delete`, { confirm: 'yes' })).status).toBe(303);
    expect(countRows(t.db, 'closures')).toBe(0);
  });

  it('capacity lowering: refused below the bookings already made, listing the affected dates and dagdelen', async () => {
    const t = createTestApp();
    const w = await desksWorld(t, { capacity: 3 });
    for (let i = 0; i < 3; i++) {
      const u = await createUser(t.db, { orgId: w.guestOrg.id });
      bookSpace(t.db, { spaceId: w.space.spaceId, userId: u.id, guestOrgId: w.guestOrg.id, date: TOMORROW, dayparts: ['morning'], note: null }, t.clock.now());
    }
    const res = await w.hostClient.post(`/host/spaces/${w.space.spaceId}`, { name: 'Flexplekken', kind: 'flexplek', capacity: '2', active: 'on' });
    expect(res.status).toBe(409);
    const page = text(await html(res));
    expect(page).toContain('Er zijn al meer reserveringen dan het nieuwe aantal werkplekken');
    expect(page).toContain('di 24 nov 2026, ochtend: 3 reserveringen');
    expect(t.db.select().from(spaces).get()!.capacity).toBe(3);
    expect((await w.hostClient.post(`/host/spaces/${w.space.spaceId}`, { name: 'Flexplekken', kind: 'flexplek', capacity: '5', active: 'on' })).status).toBe(
      303,
    );
    expect(t.db.select().from(spaces).get()!.capacity).toBe(5);
  });

  it('switching a space off with bookings on it: saved, and the host is told they stay and how to cancel them; without bookings the plain message', async () => {
    const t = createTestApp();
    const w = await desksWorld(t, { capacity: 3 });
    for (let i = 0; i < 2; i++) {
      const u = await createUser(t.db, { orgId: w.guestOrg.id });
      bookSpace(t.db, { spaceId: w.space.spaceId, userId: u.id, guestOrgId: w.guestOrg.id, date: TOMORROW, dayparts: ['morning'], note: null }, t.clock.now());
    }
    const off = await w.hostClient.post(`/host/spaces/${w.space.spaceId}`, { name: 'Flexplekken', kind: 'flexplek', capacity: '3' });
    expect(off.status).toBe(303);
    expect(t.db.select().from(spaces).get()!.active).toBe(false);
    const said = text((await html(await w.hostClient.get(off.headers.get('location')!))).querySelector('[role=status]'));
    expect(said).toContain('De 2 reserveringen die er al op staan, blijven staan.');
    expect(said).toContain('voeg dan een sluiting voor deze werkruimte toe');
    expect(t.db.$client.prepare("select count(*) as n from bookings where status = 'confirmed'").get()).toEqual({ n: 2 });
    // Saving it again while off, or switching it on: nothing to warn about.
    const again = await w.hostClient.post(`/host/spaces/${w.space.spaceId}`, { name: 'Flexplekken', kind: 'flexplek', capacity: '3' });
    expect(text((await html(await w.hostClient.get(again.headers.get('location')!))).querySelector('[role=status]'))).toBe('De wijzigingen zijn opgeslagen.');
  });

  it('bad input: capacity 0, −1, 10^9, 10,000-character names, unknown kinds and missing fields → 422, nothing stored', async () => {
    const t = createTestApp();
    const w = await desksWorld(t);
    const loc = w.space.locationId;
    const spaceBodies: Record<string, string>[] = [
      { name: 'A', kind: 'flexplek', capacity: '0' },
      { name: 'A', kind: 'flexplek', capacity: '-1' },
      { name: 'A', kind: 'flexplek', capacity: '1e9' },
      { name: 'A', kind: 'flexplek', capacity: '1000000000' },
      { name: 'x'.repeat(10_000), kind: 'flexplek', capacity: '2' },
      { name: 'A', kind: 'kantoortuin', capacity: '2' },
      { name: 'A', kind: 'flexplek', capacity: '2', amenities: 'jacuzzi' },
      {},
    ];
    for (const body of spaceBodies) {
      for (const path of [`/host/locations/${loc}/spaces`, `/host/spaces/${w.space.spaceId}`]) {
        const res = await w.hostClient.post(path, body);
        expect(res.status, `${path} ${JSON.stringify(body).slice(0, 50)}`).toBe(422);
        expect(text((await html(res)).querySelector('.error-summary'))).not.toBe('');
      }
    }
    const capRes = await w.hostClient.post(`/host/locations/${loc}/spaces`, { name: 'A', kind: 'flexplek', capacity: '0' });
    expect(text(await html(capRes))).toContain('Vul een aantal van 1 tot en met 500 in.');
    const locationBodies = [
      locationForm({ name: 'x'.repeat(10_000) }),
      locationForm({ name: '' }),
      locationForm({ sharing: 'list' }),
      locationForm({ sharing: 'list', sharedOrgIds: '987654' }),
      locationForm({ sharing: 'iedereen' }),
      locationForm({ openWeekdays: [] }),
      locationForm({ openWeekdays: '9' }),
      locationForm({ horizonWeeks: '0' }),
      locationForm({ checkinDeadlineMorning: '25:00' }),
      {},
    ];
    for (const body of locationBodies) {
      expect((await w.hostClient.post('/host/locations/new', body)).status, JSON.stringify(body).slice(0, 80)).toBe(422);
      expect((await w.hostClient.post(`/host/locations/${loc}`, body)).status).toBe(422);
    }
    const closureBodies: Record<string, string>[] = [
      { startDate: '2026-02-30', endDate: '2026-03-01', reason: 'x' },
      { startDate: '2026-12-02', endDate: '2026-12-01', reason: 'x' },
      { startDate: '2026-12-01', endDate: '2026-12-01', reason: '' },
      { startDate: '2026-12-01', endDate: '2026-12-01', reason: 'x', spaceId: '999999' },
    ];
    for (const body of closureBodies) {
      expect((await w.hostClient.post(`/host/locations/${loc}/closures`, body)).status, JSON.stringify(body)).toBe(422);
    }
    expect(countRows(t.db, 'locations')).toBe(1);
    expect(countRows(t.db, 'spaces')).toBe(1);
    expect(countRows(t.db, 'closures')).toBe(0);
    expect(t.db.select().from(spaces).get()!.name).toBe('Flexplekken');
  });

  it('guest list: the host approves and declines requests (mail queued) and marks arrival and no-show; htmx gets the row back', async () => {
    // 08:00 in Amsterdam: today's morning is still bookable (its check-in deadline is 10:00).
    const t = createTestApp({ clock: new TestClock(new Date('2026-11-23T07:00:00Z')) });
    const w = await desksWorld(t, { approvalRequired: true });
    const now = t.clock.now();
    const other = await createUser(t.db, { orgId: w.guestOrg.id, name: 'Ruben Mulder' });
    bookSpace(
      t.db,
      {
        spaceId: w.space.spaceId,
        userId: w.worker.id,
        guestOrgId: w.guestOrg.id,
        date: '2026-11-23',
        dayparts: ['morning', 'afternoon'],
        note: 'Graag overleg met de gedragswetenschapper',
      },
      now,
    );
    bookSpace(t.db, { spaceId: w.space.spaceId, userId: other.id, guestOrgId: w.guestOrg.id, date: '2026-11-23', dayparts: ['morning'], note: null }, now);
    const [morning, afternoon, ruben] = bookingRows(t.db);
    const page = text(await html(await w.hostClient.get(`/host/guests?location=${w.space.locationId}&date=2026-11-23`)));
    expect(page).toContain('Graag overleg met de gedragswetenschapper');
    expect(page).toContain('aangevraagd');

    const approved = await w.hostClient.post(`/host/bookings/${morning!.id}/approve`, {}, HX);
    expect(approved.status).toBe(200);
    const row = await approved.text();
    expect(row.startsWith('<tr')).toBe(true);
    expect(row).toContain('bevestigd');
    expect((await w.hostClient.post(`/host/bookings/${ruben!.id}/decline`)).status).toBe(303);
    expect((await w.hostClient.post(`/host/bookings/${afternoon!.id}/approve`)).status).toBe(303);
    expect((await w.hostClient.post(`/host/bookings/${morning!.id}/arrived`)).status).toBe(303);
    // No-show only once the afternoon's check-in deadline (14:00) has passed: at 08:00 the guest may still come.
    const early = await w.hostClient.post(`/host/bookings/${afternoon!.id}/no-show`, {}, HX);
    expect(early.status).toBe(422);
    const earlyRow = await html(early);
    expect(text(earlyRow.querySelector('[role="alert"]'))).toBe(
      'Sanne de Vries: Nog geen no-show: inchecken kan tot 14:00. Daarna komt een plek waarop niet is ingecheckt vanzelf vrij.',
    );
    expect(earlyRow.querySelector('summary')).toBeNull();
    t.clock.set('2026-11-23T13:00:00Z');
    expect(text(await html(await w.hostClient.get(`/host/guests?location=${w.space.locationId}&date=2026-11-23`)))).toContain('No-show');
    expect((await w.hostClient.post(`/host/bookings/${afternoon!.id}/no-show`)).status).toBe(303);
    // Approving twice is not possible.
    const twice = await w.hostClient.post(`/host/bookings/${morning!.id}/approve`, {}, HX);
    expect(twice.status).toBe(422);
    expect(text((await html(twice)).querySelector('[role="alert"]'))).toBe('Sanne de Vries: Deze actie kan niet bij deze reservering.');
    // Without JavaScript the outcome comes back on the list it returns to, naming the guest.
    const flashOf = async (res: Response) => text((await html(await w.hostClient.get(res.headers.get('location')!))).querySelector('[role="status"]'));
    const again = await w.hostClient.post(`/host/bookings/${morning!.id}/approve`);
    expect(again.status).toBe(303);
    expect(await flashOf(again)).toBe('Sanne de Vries: Deze actie kan niet bij deze reservering.');
    const arrivedAgain = await w.hostClient.post(`/host/bookings/${morning!.id}/arrived`);
    expect(await flashOf(arrivedAgain)).toBe('Opgeslagen voor Sanne de Vries.');
    expect(bookingRows(t.db).map((b) => b.status)).toEqual(['confirmed', 'no_show', 'declined']);
    expect(
      t.db
        .select()
        .from(outbox)
        .all()
        .map((m) => m.subject.split(':')[0]),
    ).toEqual(['Aangevraagd', 'Nieuw verzoek', 'Aangevraagd', 'Nieuw verzoek', 'Bevestigd', 'Afgewezen', 'Bevestigd', 'Niet ingecheckt']);
  });
});
