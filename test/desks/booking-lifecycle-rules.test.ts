import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { bookings, outbox, type BookingStatus } from '../../db/schema';
import {
  bookSeries,
  bookSpace,
  cancelBooking,
  checkIn,
  countOpenRequests,
  expireRequests,
  getGuest,
  getRequest,
  hostBookingAction,
  listGuests,
  listOpenRequests,
} from '../../src/desks/bookings';
import { instantOf } from '../../src/lib/time';
import { createOrg, createTestApp, createUser, ORIGIN, TestClock } from '../helpers';
import { createSpace } from './factory';

// What happens to a booking after it is made: check-in, the host's actions, the expiry of a
// request, and the messages about it. The clock stands at Monday 7 December 2026, 09:00 Amsterdam.

const TODAY = '2026-12-07';

async function world(o: Parameters<typeof createSpace>[2] = {}) {
  const t = createTestApp({ clock: new TestClock(instantOf(TODAY, '09:00')) });
  const hostOrg = createOrg(t.db, { name: 'CJG Harderwijk' });
  const guestOrg = createOrg(t.db, { name: 'GGD Noord- en Oost-Gelderland' });
  const space = createSpace(t.db, hostOrg.id, o);
  const host = await createUser(t.db, { orgId: hostOrg.id, roles: ['host'], email: 'host@cjg.example' });
  const worker = await createUser(t.db, { orgId: guestOrg.id, name: 'Sanne de Vries', email: 'sanne@ggd.example' });
  const insert = (date: string, status: BookingStatus, userId = worker.id) =>
    t.db
      .insert(bookings)
      .values({
        spaceId: space.spaceId,
        locationId: space.locationId,
        orgId: hostOrg.id,
        userId,
        guestOrgId: guestOrg.id,
        date,
        daypart: 'morning',
        status,
        createdAt: new Date(0),
        updatedAt: new Date(0),
      })
      .returning({ id: bookings.id })
      .get().id;
  const row = (id: number) => t.db.select().from(bookings).where(eq(bookings.id, id)).get()!;
  const mailsTo = (email: string) =>
    t.db
      .select()
      .from(outbox)
      .all()
      .filter((m) => m.toAddress === email);
  return { t, hostOrg, guestOrg, space, host, worker, insert, row, mailsTo };
}

describe('check-in', () => {
  it('check-in: checking in again keeps the time of the first check-in', async () => {
    const w = await world();
    const id = w.insert(TODAY, 'confirmed');
    expect(checkIn(w.t.db, id, w.worker.id, instantOf(TODAY, '08:45'))).toEqual({ ok: true });
    expect(checkIn(w.t.db, id, w.worker.id, instantOf(TODAY, '09:30'))).toEqual({ ok: true });
    expect(w.row(id).checkedInAt).toEqual(instantOf(TODAY, '08:45'));
  });
});

describe('host actions on a guest’s booking', () => {
  it('host actions: arrival and no-show only for a confirmed booking; a request, a cancelled booking or a no-show is refused (a no-show’s arrival as released)', async () => {
    const w = await world();
    const now = w.t.clock.now();
    for (const status of ['pending', 'cancelled', 'no_show'] as const) {
      const id = w.insert(TODAY, status, (await createUser(w.t.db, { orgId: w.guestOrg.id })).id);
      expect(hostBookingAction(w.t.db, id, [w.hostOrg.id], 'arrived', now), status).toEqual({
        ok: false,
        reason: status === 'no_show' ? 'released' : 'not_allowed',
      });
      expect(hostBookingAction(w.t.db, id, [w.hostOrg.id], 'no-show', now), status).toEqual({ ok: false, reason: 'not_allowed' });
      expect(w.row(id).status).toBe(status);
      expect(w.row(id).arrivedAt).toBeNull();
    }
  });

  it('host actions: only a pending request can be approved or declined', async () => {
    const w = await world();
    const id = w.insert(TODAY, 'confirmed');
    expect(hostBookingAction(w.t.db, id, [w.hostOrg.id], 'approve', w.t.clock.now())).toEqual({ ok: false, reason: 'not_allowed' });
    expect(hostBookingAction(w.t.db, id, [w.hostOrg.id], 'decline', w.t.clock.now())).toEqual({ ok: false, reason: 'not_allowed' });
    expect(w.row(id).status).toBe('confirmed');
  });

  it('host actions: marking arrival twice keeps the first time; every action stamps the booking as changed (its calendar file updates)', async () => {
    const w = await world();
    const id = w.insert(TODAY, 'confirmed');
    expect(hostBookingAction(w.t.db, id, [w.hostOrg.id], 'arrived', instantOf(TODAY, '09:05'))).toEqual({
      ok: true,
      locationId: w.space.locationId,
      date: TODAY,
    });
    expect(hostBookingAction(w.t.db, id, [w.hostOrg.id], 'arrived', instantOf(TODAY, '09:40')).ok).toBe(true);
    expect(w.row(id)).toMatchObject({ status: 'confirmed', arrivedAt: instantOf(TODAY, '09:05'), updatedAt: instantOf(TODAY, '09:40') });
    const request = w.insert('2026-12-09', 'pending', (await createUser(w.t.db, { orgId: w.guestOrg.id })).id);
    expect(hostBookingAction(w.t.db, request, [w.hostOrg.id], 'approve', instantOf(TODAY, '09:50')).ok).toBe(true);
    expect(w.row(request)).toMatchObject({ status: 'confirmed', updatedAt: instantOf(TODAY, '09:50') });
  });

  it('host lists: someone who hosts no organisation sees no guests and no requests', async () => {
    const w = await world();
    const id = w.insert(TODAY, 'pending');
    expect(listGuests(w.t.db, w.space.locationId, [w.hostOrg.id], TODAY)).toHaveLength(1);
    expect(listGuests(w.t.db, w.space.locationId, [], TODAY)).toEqual([]);
    expect(getGuest(w.t.db, id, [])).toBeUndefined();
    expect(listOpenRequests(w.t.db, [w.hostOrg.id], TODAY)).toHaveLength(1);
    expect(listOpenRequests(w.t.db, [], TODAY)).toEqual([]);
    expect(getRequest(w.t.db, id, [])).toBeUndefined();
    expect(countOpenRequests(w.t.db, [w.hostOrg.id], TODAY)).toBe(1);
    expect(countOpenRequests(w.t.db, [], TODAY)).toBe(0);
    expect(hostBookingAction(w.t.db, id, [], 'approve', w.t.clock.now())).toEqual({ ok: false, reason: 'not_found' });
  });
});

describe('request expiry: each guest is told', () => {
  it('request expiry: every person whose request expired gets their own message; a whole day is one message', async () => {
    const w = await world({ approvalRequired: true });
    const ruben = await createUser(w.t.db, { orgId: w.guestOrg.id, name: 'Ruben Mulder', email: 'ruben@ggd.example' });
    const by = (userId: string, dayparts: ('morning' | 'afternoon')[]) =>
      bookSpace(w.t.db, { spaceId: w.space.spaceId, userId, guestOrgId: w.guestOrg.id, date: '2026-12-09', dayparts, note: null }, w.t.clock.now());
    expect(by(w.worker.id, ['morning', 'afternoon'])).toMatchObject({ ok: true, status: 'pending' });
    expect(by(ruben.id, ['morning'])).toMatchObject({ ok: true, status: 'pending' });
    expect(expireRequests(w.t.db, instantOf('2026-12-08', '16:00'), { baseUrl: ORIGIN })).toBe(3);
    const expired = (email: string) => w.mailsTo(email).filter((m) => m.subject.startsWith('Verlopen'));
    expect(expired('sanne@ggd.example')).toHaveLength(1);
    expect(expired('ruben@ggd.example')).toHaveLength(1);
    expect(expired('sanne@ggd.example')[0]!.body).toContain(`${ORIGIN}/bookings`);
  });
});

describe('messages about bookings link to the app', () => {
  it('mail links: a cancellation’s message links to the bookings page at the app’s address', async () => {
    const w = await world();
    const id = w.insert('2026-12-09', 'confirmed');
    expect(cancelBooking(w.t.db, id, w.worker.id, w.t.clock.now(), ORIGIN)).toEqual({ ok: true });
    const mail = w.mailsTo('sanne@ggd.example').find((m) => m.subject.startsWith('Geannuleerd'))!;
    expect(mail.body).toContain(`${ORIGIN}/bookings`);
  });

  it('mail links: a recurring request’s summary and the hosts’ notices link to the app’s address', async () => {
    const w = await world({ approvalRequired: true });
    bookSeries(
      w.t.db,
      {
        spaceId: w.space.spaceId,
        userId: w.worker.id,
        guestOrgId: w.guestOrg.id,
        weekday: 3,
        daypart: 'morning',
        weeks: 2,
        startDate: TODAY,
        note: null,
        baseUrl: ORIGIN,
      },
      w.t.clock.now(),
    );
    const summary = w.mailsTo('sanne@ggd.example');
    expect(summary).toHaveLength(1);
    expect(summary[0]!.body).toContain(`${ORIGIN}/bookings`);
    const toHost = w.mailsTo('host@cjg.example');
    expect(toHost).toHaveLength(2);
    for (const m of toHost) expect(m.body).toContain(`${ORIGIN}/host/guests?location=${w.space.locationId}`);
  });
});
