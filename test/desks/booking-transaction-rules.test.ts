import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { closures, locations, notifications, outbox } from '../../db/schema';
import { bookSpace, type BookInput } from '../../src/desks/bookings';
import { instantOf } from '../../src/lib/time';
import { countRows, createOrg, createTestApp, createUser, TestClock } from '../helpers';
import { bookingRows, createSpace } from './factory';

// The booking transaction (bookSpace) for what the booking form cannot send: an unknown space,
// oneself as "colleague", the same dagdeel twice, and walk-ins registered by a host. The clock
// stands at Wednesday 9 December 2026, 11:00 Amsterdam (the morning's check-in time has passed).

const TODAY = '2026-12-09';
const TOMORROW = '2026-12-10';

async function world(o: Parameters<typeof createSpace>[2] = {}) {
  const t = createTestApp({ clock: new TestClock(instantOf(TODAY, '11:00')) });
  const hostOrg = createOrg(t.db, { name: 'CJG Harderwijk' });
  const guestOrg = createOrg(t.db, { name: 'GGD Noord- en Oost-Gelderland' });
  const space = createSpace(t.db, hostOrg.id, o);
  const host = await createUser(t.db, { orgId: hostOrg.id, roles: ['host'], name: 'Marieke Jansen' });
  const staff = await createUser(t.db, { orgId: hostOrg.id, name: 'Fatima Ouali' });
  const worker = await createUser(t.db, { orgId: guestOrg.id, name: 'Sanne de Vries' });
  const book = (over: Partial<BookInput>) =>
    bookSpace(
      t.db,
      { spaceId: space.spaceId, userId: worker.id, guestOrgId: guestOrg.id, date: TOMORROW, dayparts: ['morning'], note: null, ...over },
      t.clock.now(),
    );
  return { t, hostOrg, guestOrg, space, host, staff, worker, book };
}

describe('booking transaction: what the form cannot send', () => {
  it('a space that does not exist is refused as inactive, without a horizon', async () => {
    const w = await world();
    expect(w.book({ spaceId: 999_999 })).toEqual({ ok: false, reason: 'inactive', horizonWeeks: 0 });
    expect(countRows(w.t.db, 'bookings')).toBe(0);
  });

  it('booking for yourself "as a colleague" is an ordinary booking: nobody is recorded as having booked it for you', async () => {
    const w = await world();
    expect(w.book({ bookedBy: w.worker.id })).toMatchObject({ ok: true, status: 'confirmed' });
    const row = w.t.db.$client.prepare('select booked_by from bookings').get() as { booked_by: string | null };
    expect(row.booked_by).toBeNull();
    // Her own booking: the confirmation e-mail, and no in-app notice (issue #17).
    expect(w.t.db.select().from(notifications).where(eq(notifications.userId, w.worker.id)).all()).toHaveLength(0);
    const body = w.t.db.select({ body: outbox.body }).from(outbox).where(eq(outbox.toAddress, w.worker.email)).get()!.body;
    expect(body).toContain('Sanne de Vries');
    expect(body).not.toContain('Geboekt door');
  });

  it('one place per dagdeel: the same dagdeel twice in one request is refused by the unique index, and nothing is stored', async () => {
    const w = await world();
    expect(w.book({ dayparts: ['morning', 'morning'] })).toEqual({ ok: false, reason: 'already_booked', horizonWeeks: 0 });
    expect(countRows(w.t.db, 'bookings')).toBe(0);
  });

  it('one place per dagdeel: only the unique index’s error means "already booked"; any other database error is not hidden behind it', async () => {
    const w = await world();
    // The database's own check on the note's length (the form refuses it earlier).
    expect(() => w.book({ note: 'x'.repeat(281) })).toThrow(/CHECK constraint failed: bookings_note_check/);
    expect(countRows(w.t.db, 'bookings')).toBe(0);
    expect(w.book({ note: 'x'.repeat(280) })).toMatchObject({ ok: true });
  });

  it('a request gets a deadline to answer it; a confirmed booking has none', async () => {
    const w = await world({ approvalRequired: true });
    expect(w.book({})).toMatchObject({ ok: true, status: 'pending' });
    w.t.db.update(locations).set({ approvalRequired: false }).where(eq(locations.id, w.space.locationId)).run();
    expect(w.book({ date: '2026-12-11' })).toMatchObject({ ok: true, status: 'confirmed' });
    expect(bookingRows(w.t.db).map((b) => [b.date, b.status])).toEqual([
      [TOMORROW, 'pending'],
      ['2026-12-11', 'confirmed'],
    ]);
    const respondBy = (w.t.db.$client.prepare('select respond_by from bookings order by id').all() as { respond_by: number | null }[]).map((r) => r.respond_by);
    expect(respondBy).toEqual([instantOf(TODAY, '16:00').getTime(), null]);
  });
});

describe('walk-in: only a host, only today, only a member of the guest organisation', () => {
  it('walk-in: registered by someone who is not a host of the space’s organisation, or by nobody, is refused as inactive', async () => {
    const w = await world();
    expect(w.book({ walkIn: true, date: TODAY, bookedBy: w.staff.id })).toEqual({ ok: false, reason: 'inactive', horizonWeeks: 0 });
    expect(w.book({ walkIn: true, date: TODAY, bookedBy: null })).toEqual({ ok: false, reason: 'inactive', horizonWeeks: 0 });
    expect(w.book({ walkIn: true, date: TODAY, bookedBy: w.worker.id })).toEqual({ ok: false, reason: 'inactive', horizonWeeks: 0 });
    expect(countRows(w.t.db, 'bookings')).toBe(0);
  });

  it('walk-in: for another day than today is refused (past), even tomorrow', async () => {
    const w = await world();
    expect(w.book({ walkIn: true, date: TOMORROW, bookedBy: w.host.id })).toMatchObject({ ok: false, reason: 'past' });
    expect(w.book({ walkIn: true, date: '2026-12-08', bookedBy: w.host.id })).toMatchObject({ ok: false, reason: 'past' });
  });

  it('walk-in: without a guest organisation, or for someone who is not its member, is refused (not a member)', async () => {
    const w = await world();
    const other = createOrg(w.t.db);
    expect(w.book({ walkIn: true, date: TODAY, bookedBy: w.host.id, guestOrgId: null })).toMatchObject({ ok: false, reason: 'not_member' });
    expect(w.book({ walkIn: true, date: TODAY, bookedBy: w.host.id, guestOrgId: other.id })).toMatchObject({ ok: false, reason: 'not_member' });
  });

  it('walk-in: after the morning’s check-in time the guest is still registered for it, arrived at once and confirmed, booked by the host', async () => {
    const w = await world({ approvalRequired: true });
    expect(w.book({ walkIn: true, date: TODAY, bookedBy: w.host.id })).toMatchObject({ ok: true, status: 'confirmed' });
    const row = w.t.db.$client.prepare('select user_id, booked_by, arrived_at, respond_by from bookings').get();
    expect(row).toEqual({ user_id: w.worker.id, booked_by: w.host.id, arrived_at: instantOf(TODAY, '11:00').getTime(), respond_by: null });
    // An ordinary booking of today's morning is refused: its check-in time has passed.
    const other = await createUser(w.t.db, { orgId: w.guestOrg.id });
    expect(w.book({ date: TODAY, userId: other.id })).toMatchObject({ ok: false, reason: 'daypart_over' });
  });
});

describe('booking transaction: the order and details of the refusals', () => {
  it('one place per dagdeel is told before "full": someone who already has that dagdeel elsewhere hears that, with the dagdeel', async () => {
    const w = await world({ capacity: 1 });
    const elsewhere = createSpace(w.t.db, w.hostOrg.id, { town: 'Ermelo' });
    const other = await createUser(w.t.db, { orgId: w.guestOrg.id });
    expect(w.book({ userId: other.id })).toMatchObject({ ok: true });
    expect(w.book({ spaceId: elsewhere.spaceId })).toMatchObject({ ok: true });
    expect(w.book({})).toEqual({ ok: false, reason: 'already_booked', horizonWeeks: 8, daypart: 'morning' });
    expect(w.book({ userId: (await createUser(w.t.db, { orgId: w.guestOrg.id })).id })).toEqual({
      ok: false,
      reason: 'full',
      horizonWeeks: 8,
      daypart: 'morning',
    });
  });

  it('a refusal names the closure only when the closure is the reason (a closed weekday inside a closure is "closed weekday")', async () => {
    const w = await world();
    w.t.db
      .insert(closures)
      .values({ locationId: w.space.locationId, orgId: w.hostOrg.id, startDate: '2026-12-10', endDate: '2026-12-14', reason: 'Verhuizing' })
      .run();
    expect(w.book({ date: '2026-12-12' })).toEqual({ ok: false, reason: 'closed_weekday', horizonWeeks: 8, daypart: 'morning' });
    expect(w.book({ date: '2026-12-11' })).toEqual({
      ok: false,
      reason: 'closed',
      horizonWeeks: 8,
      daypart: 'morning',
      closed: { kind: 'closure', reason: 'Verhuizing' },
    });
  });

  it('request deadline: a closed working day before the date does not count (Thursday’s request, Wednesday closed → Tuesday 16:00)', async () => {
    const w = await world({ approvalRequired: true });
    w.t.db
      .insert(closures)
      .values({ locationId: w.space.locationId, orgId: w.hostOrg.id, startDate: '2026-12-16', endDate: '2026-12-16', reason: 'Studiedag' })
      .run();
    expect(w.book({ date: '2026-12-17' })).toMatchObject({ ok: true, status: 'pending' });
    const row = w.t.db.$client.prepare('select respond_by from bookings').get() as { respond_by: number };
    expect(new Date(row.respond_by)).toEqual(instantOf('2026-12-15', '16:00'));
  });

  it('walk-in: a closed day is closed for walk-ins too', async () => {
    const w = await world();
    w.t.db.insert(closures).values({ locationId: w.space.locationId, orgId: w.hostOrg.id, startDate: TODAY, endDate: TODAY, reason: 'Storing' }).run();
    expect(w.book({ walkIn: true, date: TODAY, bookedBy: w.host.id })).toMatchObject({
      ok: false,
      reason: 'closed',
      closed: { kind: 'closure', reason: 'Storing' },
    });
    expect(countRows(w.t.db, 'bookings')).toBe(0);
  });

  it('walk-in: the guest organisation’s fair share applies to walk-ins as well', async () => {
    const w = await world();
    w.t.db.update(locations).set({ guestShareMax: 1 }).where(eq(locations.id, w.space.locationId)).run();
    const second = await createUser(w.t.db, { orgId: w.guestOrg.id });
    expect(w.book({ walkIn: true, date: TODAY, dayparts: ['afternoon'], bookedBy: w.host.id })).toMatchObject({ ok: true, status: 'confirmed' });
    // The organisation now holds its one dagdeel of the day: a second walk-in of it is refused.
    expect(w.book({ walkIn: true, date: TODAY, dayparts: ['morning'], bookedBy: w.host.id, userId: second.id })).toMatchObject({
      ok: false,
      reason: 'org_share_full',
    });
    expect(countRows(w.t.db, 'bookings')).toBe(1);
  });
});
