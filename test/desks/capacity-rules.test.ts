import { describe, expect, it } from 'vitest';
import { bookings, type BookingStatus, type Daypart } from '../../db/schema';
import { countActive, countOrgShare, hasActiveBooking, isUniqueViolation, reservedNow, shareRefusal, type GuestShareSetting } from '../../src/desks/rules';
import { instantOf } from '../../src/lib/time';
import { createOrg, createTestApp, createUser } from '../helpers';
import { createSpace } from './factory';

// What holds a desk, and how many a guest may take: the counts the booking transaction asks
// (capacity, one place per dagdeel, fair share) and the fair-share rule at its boundaries.
// Thursday 26 November 2026; nothing reads the real clock.

const DAY = '2026-11-26';

async function world() {
  const t = createTestApp();
  const hostOrg = createOrg(t.db);
  const guestOrg = createOrg(t.db);
  const otherGuestOrg = createOrg(t.db);
  const space = createSpace(t.db, hostOrg.id, { capacity: 5 });
  const otherSpace = createSpace(t.db, hostOrg.id, { capacity: 5 });
  const a = await createUser(t.db, { orgId: guestOrg.id });
  const b = await createUser(t.db, { orgId: guestOrg.id });
  const insert = (o: { userId: string; status: BookingStatus; date?: string; daypart?: Daypart; spaceId?: number; locationId?: number; guestOrgId?: number }) =>
    t.db
      .insert(bookings)
      .values({
        spaceId: o.spaceId ?? space.spaceId,
        locationId: o.locationId ?? space.locationId,
        orgId: hostOrg.id,
        userId: o.userId,
        guestOrgId: o.guestOrgId ?? guestOrg.id,
        date: o.date ?? DAY,
        daypart: o.daypart ?? 'morning',
        status: o.status,
        updatedAt: new Date(0),
      })
      .run();
  return { t, hostOrg, guestOrg, otherGuestOrg, space, otherSpace, a, b, insert };
}

describe('capacity: what holds a desk of a space-dagdeel', () => {
  it('capacity: confirmed and pending bookings hold a desk; cancelled, declined, expired and no-show do not', async () => {
    const w = await world();
    const statuses: BookingStatus[] = ['confirmed', 'pending', 'cancelled', 'declined', 'expired', 'no_show'];
    for (const status of statuses) w.insert({ userId: (await createUser(w.t.db, { orgId: w.guestOrg.id })).id, status });
    expect(countActive(w.t.db, w.space.spaceId, DAY, 'morning')).toBe(2);
  });
  it('capacity: counted per space, date and dagdeel', async () => {
    const w = await world();
    w.insert({ userId: w.a.id, status: 'confirmed' });
    w.insert({ userId: w.a.id, status: 'confirmed', daypart: 'afternoon' });
    w.insert({ userId: w.b.id, status: 'confirmed', date: '2026-11-27' });
    w.insert({ userId: w.b.id, status: 'confirmed', spaceId: w.otherSpace.spaceId, locationId: w.otherSpace.locationId });
    expect(countActive(w.t.db, w.space.spaceId, DAY, 'morning')).toBe(1);
    expect(countActive(w.t.db, w.space.spaceId, DAY, 'afternoon')).toBe(1);
    expect(countActive(w.t.db, w.space.spaceId, '2026-11-25', 'morning')).toBe(0);
  });
});

describe('one place per dagdeel: does this person already hold a desk then?', () => {
  it('one place per dagdeel: a confirmed or pending booking anywhere counts; a cancelled one, another dagdeel or another date does not', async () => {
    const w = await world();
    expect(hasActiveBooking(w.t.db, w.a.id, DAY, 'morning')).toBe(false);
    w.insert({ userId: w.a.id, status: 'cancelled' });
    expect(hasActiveBooking(w.t.db, w.a.id, DAY, 'morning')).toBe(false);
    w.insert({ userId: w.a.id, status: 'pending', spaceId: w.otherSpace.spaceId, locationId: w.otherSpace.locationId });
    expect(hasActiveBooking(w.t.db, w.a.id, DAY, 'morning')).toBe(true);
    expect(hasActiveBooking(w.t.db, w.a.id, DAY, 'afternoon')).toBe(false);
    expect(hasActiveBooking(w.t.db, w.a.id, '2026-11-27', 'morning')).toBe(false);
    expect(hasActiveBooking(w.t.db, w.b.id, DAY, 'morning')).toBe(false);
  });
  it('one place per dagdeel: the unique index’s error is recognised, directly or wrapped up to four deep, and nothing else is', () => {
    expect(isUniqueViolation({ code: 'SQLITE_CONSTRAINT_UNIQUE' })).toBe(true);
    expect(isUniqueViolation({ code: 'SQLITE_CONSTRAINT_PRIMARYKEY' })).toBe(true);
    expect(isUniqueViolation(new Error('wrapped', { cause: { code: 'SQLITE_CONSTRAINT_UNIQUE' } }))).toBe(true);
    const wrap = (depth: number): unknown => (depth === 0 ? { code: 'SQLITE_CONSTRAINT_UNIQUE' } : { message: 'wrapped', cause: wrap(depth - 1) });
    expect(isUniqueViolation(wrap(3))).toBe(true);
    expect(isUniqueViolation(wrap(4))).toBe(false);
    expect(isUniqueViolation({ code: 'SQLITE_CONSTRAINT_CHECK' })).toBe(false);
    expect(isUniqueViolation({ code: 'SQLITE_BUSY', cause: { code: 'SQLITE_IOERR' } })).toBe(false);
    expect(isUniqueViolation(new Error('no code'))).toBe(false);
    expect(isUniqueViolation(undefined)).toBe(false);
  });
});

describe('fair share: what an organisation already holds at a location', () => {
  it('fair share: counts the guest organisation’s active dagdelen at the location on the day, at every space there', async () => {
    const w = await world();
    const sameLocation = w.t.db.$client
      .prepare(`insert into spaces (location_id, org_id, name, kind, capacity) values (?, ?, 'Stilteruimte', 'stilteruimte', 2) returning id`)
      .get(w.space.locationId, w.hostOrg.id) as { id: number };
    w.insert({ userId: w.a.id, status: 'confirmed' });
    w.insert({ userId: w.a.id, status: 'pending', daypart: 'afternoon', spaceId: sameLocation.id });
    w.insert({ userId: w.b.id, status: 'cancelled' });
    w.insert({ userId: w.b.id, status: 'confirmed', spaceId: w.otherSpace.spaceId, locationId: w.otherSpace.locationId });
    const other = await createUser(w.t.db, { orgId: w.otherGuestOrg.id });
    w.insert({ userId: other.id, status: 'confirmed', guestOrgId: w.otherGuestOrg.id });
    expect(countOrgShare(w.t.db, w.space.locationId, w.guestOrg.id, 'day', DAY)).toBe(2);
    expect(countOrgShare(w.t.db, w.space.locationId, w.otherGuestOrg.id, 'day', DAY)).toBe(1);
    expect(countOrgShare(w.t.db, w.space.locationId, w.guestOrg.id, 'day', '2026-11-27')).toBe(0);
  });
  it('fair share per week: Monday to Sunday of the ISO week, not the Sunday before or the Monday after', async () => {
    const w = await world();
    for (const date of ['2026-11-22', '2026-11-23', '2026-11-29', '2026-11-30']) w.insert({ userId: w.a.id, status: 'confirmed', date });
    expect(countOrgShare(w.t.db, w.space.locationId, w.guestOrg.id, 'week', DAY)).toBe(2);
    expect(countOrgShare(w.t.db, w.space.locationId, w.guestOrg.id, 'day', DAY)).toBe(0);
  });
});

describe('fair share: the rule at its boundaries', () => {
  const base: GuestShareSetting & { capacity: number } = {
    guestShareMax: null,
    guestSharePer: 'day',
    reservedForStaff: 1,
    reservedUntilHours: 24,
    capacity: 3,
  };
  const before = instantOf('2026-11-24', '09:00');
  it('reserved places: at most the capacity is held back, and nothing once the reservation has lapsed', () => {
    expect(reservedNow({ ...base, reservedForStaff: 1 }, DAY, before)).toBe(1);
    expect(reservedNow({ ...base, reservedForStaff: 5 }, DAY, before)).toBe(3);
    expect(reservedNow({ ...base, reservedForStaff: 0 }, DAY, before)).toBe(0);
    expect(reservedNow(base, DAY, instantOf('2026-11-25', '00:00'))).toBe(0);
    expect(reservedNow(base, DAY, instantOf('2026-11-24', '23:59'))).toBe(1);
  });
  it('reserved places: with one desk held back of three, a guest takes the 1st and 2nd; the 3rd is for staff; a full dagdeel is "full", not reserved', () => {
    expect(shareRefusal(base, DAY, ['morning'], () => 0, 0, before)).toBeNull();
    expect(shareRefusal(base, DAY, ['morning'], () => 1, 0, before)).toBeNull();
    expect(shareRefusal(base, DAY, ['morning'], () => 2, 0, before)).toBe('reserved_for_staff');
    expect(shareRefusal(base, DAY, ['morning'], () => 3, 0, before)).toBeNull();
  });
  it('reserved places: a whole day is refused when one of its dagdelen reaches the held places, and allowed when neither does', () => {
    const taken = (dp: Daypart) => (dp === 'morning' ? 2 : 0);
    expect(shareRefusal(base, DAY, ['morning', 'afternoon'], taken, 0, before)).toBe('reserved_for_staff');
    expect(shareRefusal(base, DAY, ['afternoon', 'morning'], taken, 0, before)).toBe('reserved_for_staff');
    expect(shareRefusal(base, DAY, ['morning', 'afternoon'], () => 1, 0, before)).toBeNull();
  });
  it('fair share: an organisation at its maximum is refused, one below may take one more; reserved places are checked first', () => {
    const s = { ...base, reservedForStaff: 0, guestShareMax: 3 };
    expect(shareRefusal(s, DAY, ['morning'], () => 0, 2, before)).toBeNull();
    expect(shareRefusal(s, DAY, ['morning', 'afternoon'], () => 0, 1, before)).toBeNull();
    expect(shareRefusal(s, DAY, ['morning', 'afternoon'], () => 0, 2, before)).toBe('org_share_full');
    expect(shareRefusal(s, DAY, ['morning'], () => 0, 3, before)).toBe('org_share_full');
    expect(shareRefusal({ ...s, reservedForStaff: 1 }, DAY, ['morning'], () => 2, 3, before)).toBe('reserved_for_staff');
    expect(shareRefusal({ ...s, guestShareMax: 0 }, DAY, ['morning'], () => 0, 0, before)).toBe('org_share_full');
  });
});
