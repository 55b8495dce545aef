import { describe, expect, it } from 'vitest';
import { bookSpace } from '../../src/desks/bookings';
import { wideClosuresOn } from '../../src/desks/closures';
import { searchSpaces } from '../../src/desks/desks';
import { instantOf } from '../../src/lib/time';
import { createOrg, createTestApp, createTestAppWithOtherProcess, createUser, TestClock } from '../helpers';
import { createSpace } from './factory';

// Issue #18, ADR 019: the desk search keeps, per search, which spaces match (behind the 'desks'
// change counter). Every write that changes the answer — from this process or another — must show
// at once; free places are never kept.

describe('desk search: the kept list of matching spaces is never stale', () => {
  it('every kind of write by another process shows in the next search: spaces, locations, sharing, closures, holidays, names', () => {
    // Tuesday 24 November 2026, 08:00; searching Thursday 26 November and Monday 28 December (Tweede kerstdag is the 26th).
    const t = createTestAppWithOtherProcess(new TestClock(instantOf('2026-11-24', '08:00')));
    const { run } = t;
    const host = createOrg(t.db, { name: 'CJG Harderwijk' });
    const guest = createOrg(t.db, { name: 'GGD Noord' });
    const a = createSpace(t.db, host.id, { name: 'Flexplekken' });
    const viewer = { userId: 'nobody', userOrgIds: [guest.id], guestOrgId: guest.id };
    const found = (date = '2026-11-26', filters: { host?: string } = {}) =>
      searchSpaces(t.db, { date, town: null, amenities: [], host: filters.host ?? null }, viewer, t.clock.now()).rows.map((r) => r.spaceName);

    expect(found()).toEqual(['Flexplekken']);
    expect(found()).toEqual(['Flexplekken']); // now kept

    run(`insert into spaces (location_id, org_id, name, kind, capacity, amenities) values (?, ?, 'Stilteruimte', 'stilteruimte', 2, 0)`, a.locationId, host.id);
    expect(found()).toEqual(['Flexplekken', 'Stilteruimte']);
    run(`update spaces set active = 0 where name = 'Stilteruimte'`);
    expect(found()).toEqual(['Flexplekken']);

    run(`update locations set sharing = 'list' where id = ?`, a.locationId);
    expect(found()).toEqual([]);
    run('insert into location_shares (location_id, org_id) values (?, ?)', a.locationId, guest.id);
    expect(found()).toEqual(['Flexplekken']);
    run('delete from location_shares where location_id = ?', a.locationId);
    expect(found()).toEqual([]);
    run(`update locations set sharing = 'all' where id = ?`, a.locationId);
    expect(found()).toEqual(['Flexplekken']);

    run(
      `insert into closures (scope, location_id, org_id, start_date, end_date, reason) values ('location', ?, ?, '2026-11-26', '2026-11-26', 'Verbouwing')`,
      a.locationId,
      host.id,
    );
    expect(found()).toEqual([]);
    run('delete from closures');
    expect(found()).toEqual(['Flexplekken']);
    run(`insert into closures (scope, org_id, start_date, end_date, reason) values ('org', ?, '2026-11-26', '2026-11-27', 'Heidag')`, host.id);
    expect(found()).toEqual([]);
    run(`update closures set start_date = '2026-11-27'`);
    expect(found()).toEqual(['Flexplekken']);

    // Eerste kerstdag (Friday 25 December) closes by default; an organisation that stays open that day is found again.
    expect(found('2026-12-24')).toEqual(['Flexplekken']);
    expect(found('2026-12-25')).toEqual([]);
    run(`update organisations set closed_holidays = '' where id = ?`, host.id);
    expect(found('2026-12-25')).toEqual(['Flexplekken']);

    expect(found('2026-11-26', { host: 'Harderwijk' })).toEqual(['Flexplekken']);
    run(`update organisations set name = 'CJG Ermelo' where id = ?`, host.id);
    expect(found('2026-11-26', { host: 'Harderwijk' })).toEqual([]);
    run(`update locations set archived_at = 1 where id = ?`, a.locationId);
    expect(found()).toEqual([]);
  });

  it('the closed note: a network or organisation closure, its change and the organisation’s new name by another process show at once', () => {
    const t = createTestAppWithOtherProcess(new TestClock(instantOf('2026-11-24', '08:00')));
    const { run } = t;
    const host = createOrg(t.db, { name: 'CJG Harderwijk' });
    const closedOn = (date: string) => wideClosuresOn(t.db, date).map((w) => `${w.reason} ${w.orgName ?? 'netwerk'}`);

    expect(closedOn('2026-11-26')).toEqual([]);
    expect(closedOn('2026-11-26')).toEqual([]); // now kept
    run(`insert into closures (scope, org_id, start_date, end_date, reason) values ('org', ?, '2026-11-26', '2026-11-27', 'Heidag')`, host.id);
    expect(closedOn('2026-11-26')).toEqual(['Heidag CJG Harderwijk']);
    run(`update organisations set name = 'CJG Ermelo' where id = ?`, host.id);
    expect(closedOn('2026-11-26')).toEqual(['Heidag CJG Ermelo']);
    run(`update closures set start_date = '2026-11-27'`);
    expect(closedOn('2026-11-26')).toEqual([]);
    expect(closedOn('2026-11-27')).toEqual(['Heidag CJG Ermelo']);
    run(`insert into closures (scope, start_date, end_date, reason) values ('network', '2026-11-26', '2026-11-26', 'Netwerkdag')`);
    expect(closedOn('2026-11-26')).toEqual(['Netwerkdag netwerk']);
    run('delete from closures');
    expect(closedOn('2026-11-26')).toEqual([]);
  });

  it('the card columns kept per page: what another process changes of a space, its location or its host shows at once', () => {
    const t = createTestAppWithOtherProcess(new TestClock(instantOf('2026-11-24', '08:00')));
    const { run } = t;
    const host = createOrg(t.db, { name: 'CJG Harderwijk' });
    const guest = createOrg(t.db, { name: 'GGD Noord' });
    const a = createSpace(t.db, host.id, { name: 'Flexplekken', capacity: 4 });
    const viewer = { userId: 'nobody', userOrgIds: [guest.id], guestOrgId: guest.id };
    const card = (date = '2026-11-24') => {
      const r = searchSpaces(t.db, { date, town: null, amenities: [], host: null }, viewer, t.clock.now()).rows[0]!;
      return `${r.spaceName} ${r.capacity} ${r.amenities} ${r.locationName} ${r.street} ${r.hostOrgName} ${r.approvalRequired} over:${r.overMorning} reserved:${r.reserved}`;
    };
    const before = card();
    expect(card()).toBe(before); // now kept

    run(`update spaces set name = 'Stilteplek', capacity = 6, amenities = 3 where id = ?`, a.spaceId);
    expect(card()).toMatch(/^Stilteplek 6 3 /);
    run(`update locations set name = 'Stationslaan', approval_required = 1 where id = ?`, a.locationId);
    expect(card()).toContain(' Stationslaan ');
    expect(card()).toContain(' CJG Harderwijk 1 ');
    run(`update organisations set name = 'CJG Ermelo' where id = ?`, host.id);
    expect(card()).toContain(' CJG Ermelo 1 ');
    // Tuesday 08:00: the morning is over once its check-in deadline is 08:00 or earlier.
    expect(card()).toContain('over:false');
    run(`update locations set checkin_deadline_morning = '07:30' where id = ?`, a.locationId);
    expect(card()).toContain('over:true');
    // Friday: held for the host's staff until 48 hours before, so still held on Tuesday.
    expect(card('2026-11-27')).toContain('reserved:0');
    run(`update locations set reserved_for_staff = 2, reserved_until_hours = 48 where id = ?`, a.locationId);
    expect(card('2026-11-27')).toContain('reserved:2');
    run(`update locations set street = 'Kerkplein 1' where id = ?`, a.locationId);
    expect(card()).toContain(' Kerkplein 1 ');
  });

  it('free places are read fresh: a booking by another process shows in the counts of a kept search', async () => {
    const t = createTestAppWithOtherProcess(new TestClock(instantOf('2026-11-24', '08:00')));
    const { run } = t;
    const host = createOrg(t.db, { name: 'CJG Harderwijk' });
    const guest = createOrg(t.db, { name: 'GGD Noord' });
    const a = createSpace(t.db, host.id, { capacity: 2 });
    const viewer = { userId: 'nobody', userOrgIds: [guest.id], guestOrgId: guest.id };
    const taken = () => searchSpaces(t.db, { date: '2026-11-26', town: null, amenities: [], host: null }, viewer, t.clock.now()).rows[0]!.takenMorning;
    expect(taken()).toBe(0);
    expect(taken()).toBe(0);
    // A second app on the same file: another server process.
    const second = createTestApp({ dbFile: t.file, clock: new TestClock(instantOf('2026-11-24', '08:00')) });
    const worker = await createUser(second.db, { orgId: guest.id });
    const r = bookSpace(
      second.db,
      { spaceId: a.spaceId, userId: worker.id, guestOrgId: guest.id, date: '2026-11-26', dayparts: ['morning'], note: null },
      second.clock.now(),
    );
    expect(r.ok).toBe(true);
    expect(taken()).toBe(1);
    // Only bookings that hold a desk count: cancelled, declined, expired and no-show ones do not.
    for (const status of ['cancelled', 'declined', 'expired', 'no_show', 'pending', 'confirmed'] as const) {
      run('update bookings set status = ? where space_id = ?', status, a.spaceId);
      expect(taken(), status).toBe(status === 'pending' || status === 'confirmed' ? 1 : 0);
    }
  });
});
