import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { bookings, closures, type BookingStatus, type Daypart } from '../../db/schema';
import { bookSpace, canSeeInstructions, cancelBooking, checkIn, hostBookingAction, releaseNoShows } from '../../src/desks/bookings';
import { addClosure, searchSpaces, updateSpace } from '../../src/desks/desks';
import { countActive } from '../../src/desks/rules';
import { addDays, instantOf } from '../../src/lib/time';
import { countRows, createOrg, createTestApp, createUser, TestClock, type TestApp } from '../helpers';
import { bookingRows, createSpace } from './factory';

// Boundaries of the desk rules: each test sits on the edge of one rule, so that moving the edge
// by one (a >= turned into >, a day more or less) fails it. The clock stands at Monday
// 23 November 2026, 08:00 in Amsterdam unless a test moves it (before the morning deadline).

const TODAY = '2026-11-23';
const TOMORROW = '2026-11-24';

async function setup(o: Parameters<typeof createSpace>[2] = {}) {
  const t = createTestApp({ clock: new TestClock(instantOf(TODAY, '08:00')) });
  const hostOrg = createOrg(t.db);
  const guestOrg = createOrg(t.db);
  const host = await createUser(t.db, { orgId: hostOrg.id, roles: ['host'] });
  const space = createSpace(t.db, hostOrg.id, o);
  const person = async () => (await createUser(t.db, { orgId: guestOrg.id })).id;
  const book = (userId: string, date: string, daypart: Daypart = 'morning') =>
    bookSpace(t.db, { spaceId: space.spaceId, userId, guestOrgId: guestOrg.id, date, dayparts: [daypart], note: null }, t.clock.now());
  const found = (date: string) =>
    searchSpaces(t.db, { date, town: null, amenities: [], host: null }, { userId: 'nobody', userOrgIds: [guestOrg.id], guestOrgId: guestOrg.id }, t.clock.now())
      .rows.length === 1;
  return { t, hostOrg, guestOrg, host, space, person, book, found };
}

/** A booking row written directly (for states the rules would not create now, e.g. in the past). */
function insertBooking(
  t: TestApp,
  s: { spaceId: number; locationId: number; orgId: number },
  userId: string,
  guestOrgId: number,
  date: string,
  status: BookingStatus = 'confirmed',
  daypart: Daypart = 'morning',
) {
  return t.db
    .insert(bookings)
    .values({ spaceId: s.spaceId, locationId: s.locationId, orgId: s.orgId, userId, guestOrgId, date, daypart, status, updatedAt: t.clock.now() })
    .returning({ id: bookings.id })
    .get().id;
}

describe('desk rules at their boundaries', () => {
  it('capacity: the last desk can be booked, the one after it cannot (capacity 2)', async () => {
    const w = await setup({ capacity: 2 });
    expect(w.book(await w.person(), TOMORROW).ok).toBe(true);
    expect(w.book(await w.person(), TOMORROW).ok).toBe(true);
    expect(w.book(await w.person(), TOMORROW)).toMatchObject({ ok: false, reason: 'full' });
    expect(countActive(w.t.db, w.space.spaceId, TOMORROW, 'morning')).toBe(2);
  });

  it('capacity: cancelled, declined and no-show bookings hold no desk; confirmed and pending do', async () => {
    const w = await setup({ capacity: 3 });
    for (const status of ['cancelled', 'declined', 'no_show'] as const)
      insertBooking(w.t, { ...w.space, orgId: w.hostOrg.id }, await w.person(), w.guestOrg.id, TOMORROW, status);
    expect(countActive(w.t.db, w.space.spaceId, TOMORROW, 'morning')).toBe(0);
    insertBooking(w.t, { ...w.space, orgId: w.hostOrg.id }, await w.person(), w.guestOrg.id, TOMORROW, 'pending');
    insertBooking(w.t, { ...w.space, orgId: w.hostOrg.id }, await w.person(), w.guestOrg.id, TOMORROW, 'confirmed');
    expect(w.book(await w.person(), TOMORROW).ok).toBe(true);
    expect(w.book(await w.person(), TOMORROW)).toMatchObject({ ok: false, reason: 'full' });
  });

  it('one place per dagdeel: a cancelled booking does not block booking that dagdeel again', async () => {
    const w = await setup();
    const me = await w.person();
    const first = w.book(me, TOMORROW);
    expect(first.ok).toBe(true);
    expect(w.book(me, TOMORROW)).toMatchObject({ ok: false, reason: 'already_booked' });
    expect(cancelBooking(w.t.db, first.ok ? first.ids[0]! : 0, me, w.t.clock.now())).toEqual({ ok: true });
    expect(w.book(me, TOMORROW).ok).toBe(true);
  });

  it('horizon: exactly 8 weeks ahead is bookable and found; one day more is refused and not found', async () => {
    const w = await setup({ horizonWeeks: 8 });
    const last = addDays(TODAY, 56); // Monday 18 January 2027
    const beyond = addDays(TODAY, 57);
    expect(w.book(await w.person(), last).ok).toBe(true);
    expect(w.book(await w.person(), beyond)).toMatchObject({ ok: false, reason: 'beyond_horizon', horizonWeeks: 8 });
    expect(w.found(last)).toBe(true);
    expect(w.found(beyond)).toBe(false);
  });

  it('past: yesterday is refused and not found; today (before its deadline) is bookable and found', async () => {
    const w = await setup();
    expect(w.book(await w.person(), addDays(TODAY, -1))).toMatchObject({ ok: false, reason: 'past' });
    expect(w.found(addDays(TODAY, -1))).toBe(false);
    expect(w.book(await w.person(), TODAY).ok).toBe(true);
    expect(w.found(TODAY)).toBe(true);
  });

  it('closure: its first and last day are closed, the days around it are open (booking and search)', async () => {
    const w = await setup();
    w.t.db
      .insert(closures)
      .values({ locationId: w.space.locationId, orgId: w.hostOrg.id, spaceId: null, startDate: '2026-12-01', endDate: '2026-12-03', reason: 'Verbouwing' })
      .run();
    const me = await w.person();
    const outcome = (date: string) => {
      const r = w.book(me, date);
      return r.ok ? 'booked' : r.reason;
    };
    expect(['2026-11-30', '2026-12-01', '2026-12-02', '2026-12-03', '2026-12-04'].map(outcome)).toEqual(['booked', 'closed', 'closed', 'closed', 'booked']);
    expect(['2026-11-30', '2026-12-01', '2026-12-03', '2026-12-04'].map(w.found)).toEqual([true, false, false, true]);
  });

  it('closure: adding one cancels the bookings on its first and last day, not on the days around it', async () => {
    const w = await setup();
    const me = await w.person();
    for (const date of ['2026-11-30', '2026-12-01', '2026-12-03', '2026-12-04']) expect(w.book(me, date).ok).toBe(true);
    const r = addClosure(
      w.t.db,
      w.space.locationId,
      [w.hostOrg.id],
      { spaceId: null, startDate: '2026-12-01', endDate: '2026-12-03', reason: 'Verbouwing' },
      w.t.clock.now(),
    );
    expect(r).toEqual({ ok: true, bookings: 2, hours: 0, slots: 0, meetings: 0 });
    expect(bookingRows(w.t.db).map((b) => `${b.date}:${b.status}`)).toEqual([
      '2026-11-30:confirmed',
      '2026-12-01:cancelled',
      '2026-12-03:cancelled',
      '2026-12-04:confirmed',
    ]);
  });

  it('capacity lowering: down to exactly the desks held is allowed, one below is refused; bookings of past days do not count', async () => {
    const w = await setup({ capacity: 4 });
    for (let i = 0; i < 2; i++) expect(w.book(await w.person(), TOMORROW).ok).toBe(true);
    for (let i = 0; i < 3; i++) insertBooking(w.t, { ...w.space, orgId: w.hostOrg.id }, await w.person(), w.guestOrg.id, addDays(TODAY, -1));
    const input = (capacity: number) => ({ name: 'Flexplekken', kind: 'flexplek' as const, capacity, amenities: [], active: true });
    expect(updateSpace(w.t.db, w.space.spaceId, [w.hostOrg.id], input(2), TODAY)).toEqual({ ok: true });
    expect(updateSpace(w.t.db, w.space.spaceId, [w.hostOrg.id], input(1), TODAY)).toEqual({
      ok: false,
      reason: 'capacity',
      conflicts: [{ date: TOMORROW, daypart: 'morning', n: 2 }],
    });
  });

  it('cancel: a booking for today can still be cancelled, one of yesterday cannot', async () => {
    const w = await setup();
    const me = await w.person();
    const today = w.book(me, TODAY, 'afternoon');
    const yesterday = insertBooking(w.t, { ...w.space, orgId: w.hostOrg.id }, me, w.guestOrg.id, addDays(TODAY, -1));
    expect(cancelBooking(w.t.db, today.ok ? today.ids[0]! : 0, me, w.t.clock.now())).toEqual({ ok: true });
    expect(cancelBooking(w.t.db, yesterday, me, w.t.clock.now())).toEqual({ ok: false, reason: 'not_cancellable' });
  });

  it('check-in: only for a confirmed booking of today — a pending request cannot check in', async () => {
    const w = await setup({ approvalRequired: true });
    const me = await w.person();
    const r = w.book(me, TODAY);
    expect(r).toMatchObject({ ok: true, status: 'pending' });
    expect(checkIn(w.t.db, r.ok ? r.ids[0]! : 0, me, w.t.clock.now())).toEqual({ ok: false, reason: 'not_checkinable' });
    expect(hostBookingAction(w.t.db, r.ok ? r.ids[0]! : 0, [w.hostOrg.id], 'approve', w.t.clock.now()).ok).toBe(true);
    expect(checkIn(w.t.db, r.ok ? r.ids[0]! : 0, me, w.t.clock.now())).toEqual({ ok: true });
  });

  it('host actions: no arrival for tomorrow, no no-show after an arrival, no approval of a past request', async () => {
    const w = await setup();
    const s = { ...w.space, orgId: w.hostOrg.id };
    const tomorrow = insertBooking(w.t, s, await w.person(), w.guestOrg.id, TOMORROW);
    const today = insertBooking(w.t, s, await w.person(), w.guestOrg.id, TODAY);
    const oldRequest = insertBooking(w.t, s, await w.person(), w.guestOrg.id, addDays(TODAY, -1), 'pending');
    const todayRequest = insertBooking(w.t, s, await w.person(), w.guestOrg.id, TODAY, 'pending');
    const act = (id: number, action: Parameters<typeof hostBookingAction>[3]) => hostBookingAction(w.t.db, id, [w.hostOrg.id], action, w.t.clock.now()).ok;
    expect(act(tomorrow, 'arrived')).toBe(false);
    expect(act(tomorrow, 'no-show')).toBe(false);
    expect(act(today, 'arrived')).toBe(true);
    expect(act(today, 'no-show')).toBe(false);
    expect(act(oldRequest, 'approve')).toBe(false);
    expect(act(oldRequest, 'decline')).toBe(false);
    expect(act(todayRequest, 'approve')).toBe(true);
    expect(bookingRows(w.t.db).map((b) => b.status)).toEqual(['confirmed', 'confirmed', 'pending', 'confirmed']);
  });

  it('no-show release: looks back 7 days (7 days ago is released, 8 days ago is not), and only today’s releases send a notice', async () => {
    const w = await setup();
    const s = { ...w.space, orgId: w.hostOrg.id };
    const me = await w.person();
    const days = [-8, -7, -1];
    for (const d of days) insertBooking(w.t, s, me, w.guestOrg.id, addDays(TODAY, d));
    w.t.clock.set(instantOf(TODAY, '10:00').toISOString());
    insertBooking(w.t, s, await w.person(), w.guestOrg.id, TODAY);
    expect(releaseNoShows(w.t.db, w.t.clock.now())).toBe(3);
    expect(bookingRows(w.t.db).map((b) => `${b.date}:${b.status}`)).toEqual([
      `${addDays(TODAY, -8)}:confirmed`,
      `${addDays(TODAY, -7)}:no_show`,
      `${addDays(TODAY, -1)}:no_show`,
      `${TODAY}:no_show`,
    ]);
    expect(countRows(w.t.db, 'notifications')).toBe(1);
  });

  it('guest instructions: a booking there today or later shows them; a past one does not', async () => {
    const w = await setup();
    const me = await w.person();
    const location = { id: w.space.locationId, orgId: w.hostOrg.id };
    const past = insertBooking(w.t, { ...w.space, orgId: w.hostOrg.id }, me, w.guestOrg.id, addDays(TODAY, -1));
    expect(canSeeInstructions(w.t.db, me, location, [], TODAY)).toBe(false);
    w.t.db.update(bookings).set({ date: TODAY }).where(eq(bookings.id, past)).run();
    expect(canSeeInstructions(w.t.db, me, location, [], TODAY)).toBe(true);
    expect(canSeeInstructions(w.t.db, await w.person(), location, [w.hostOrg.id], TODAY)).toBe(true);
  });
});
