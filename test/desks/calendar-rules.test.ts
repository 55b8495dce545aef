import { describe, expect, it } from 'vitest';
import { AMENITIES } from '../../db/schema';
import {
  amenitiesToMask,
  checkinDeadline,
  dayRefusal,
  daysBetween,
  maskToAmenities,
  maskToWeekdays,
  mondayOf,
  requestDeadline,
  requestExpired,
  sharePeriod,
  weekdayBit,
  weekdaysToMask,
  type SpaceForRules,
} from '../../src/desks/rules';
import { instantOf } from '../../src/lib/time';

// The calendar rules of a desk, as functions (the request-level tests are in booking-rules.test.ts
// and requests.test.ts). Monday 23 November 2026 is "today" here; nothing reads the real clock.

const TODAY = '2026-11-23';
const never = () => false;

describe('open weekdays: a location stores the weekdays it is open as bits, Monday = 1 … Sunday = 64', () => {
  it('open weekdays: each ISO weekday has its own bit', () => {
    expect([1, 2, 3, 4, 5, 6, 7].map(weekdayBit)).toEqual([1, 2, 4, 8, 16, 32, 64]);
  });
  it('open weekdays: the host’s chosen days become one mask and come back as the same days', () => {
    expect(weekdaysToMask([1, 3, 5])).toBe(0b0010101);
    expect(weekdaysToMask([])).toBe(0);
    expect(weekdaysToMask([1, 2, 3, 4, 5, 6, 7])).toBe(127);
    expect(maskToWeekdays(0b0010101)).toEqual([1, 3, 5]);
    expect(maskToWeekdays(0)).toEqual([]);
    expect(maskToWeekdays(127)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(maskToWeekdays(weekdaysToMask([2, 7]))).toEqual([2, 7]);
  });
});

describe('amenities: a space stores its amenities as bits in the order of AMENITIES', () => {
  it('amenities: the first amenity is bit 1, the last bit 2^(n-1), and the mask comes back as the same list', () => {
    expect(amenitiesToMask([])).toBe(0);
    expect(amenitiesToMask([AMENITIES[0]])).toBe(1);
    expect(amenitiesToMask([AMENITIES[0], AMENITIES[2]])).toBe(0b101);
    expect(amenitiesToMask([...AMENITIES])).toBe(2 ** AMENITIES.length - 1);
    expect(maskToAmenities(0)).toEqual([]);
    expect(maskToAmenities(0b101)).toEqual([AMENITIES[0], AMENITIES[2]]);
    expect(maskToAmenities(amenitiesToMask(['monitor', 'wheelchair']))).toEqual(['monitor', 'wheelchair']);
  });
});

describe('calendar arithmetic of the rules', () => {
  it('days between two dates is b − a in whole days, negative when b is earlier, also across the DST change', () => {
    expect(daysBetween(TODAY, TODAY)).toBe(0);
    expect(daysBetween(TODAY, '2026-12-01')).toBe(8);
    expect(daysBetween('2026-12-01', TODAY)).toBe(-8);
    expect(daysBetween('2027-03-27', '2027-03-29')).toBe(2);
  });
  it('the Monday of an ISO week: Monday itself, and the Monday before a Thursday or a Sunday', () => {
    expect(mondayOf('2026-11-23')).toBe('2026-11-23');
    expect(mondayOf('2026-11-26')).toBe('2026-11-23');
    expect(mondayOf('2026-11-29')).toBe('2026-11-23');
    expect(mondayOf('2026-11-30')).toBe('2026-11-30');
  });
  it('the share period: a day is that day; a week is Monday to Sunday of its ISO week', () => {
    expect(sharePeriod('day', '2026-11-26')).toEqual({ from: '2026-11-26', to: '2026-11-26' });
    expect(sharePeriod('week', '2026-11-26')).toEqual({ from: '2026-11-23', to: '2026-11-29' });
    expect(sharePeriod('week', '2026-11-29')).toEqual({ from: '2026-11-23', to: '2026-11-29' });
  });
  it('the check-in deadline of a dagdeel is the location’s morning or afternoon time', () => {
    const loc = { checkinDeadlineMorning: '10:15', checkinDeadlineAfternoon: '14:30' };
    expect(checkinDeadline(loc, 'morning')).toBe('10:15');
    expect(checkinDeadline(loc, 'afternoon')).toBe('14:30');
  });
});

describe('calendar rules: which dates a space can be booked for', () => {
  const space: SpaceForRules = {
    id: 1,
    orgId: 1,
    locationId: 1,
    active: true,
    capacity: 3,
    archivedAt: null,
    sharing: 'all',
    openWeekdays: 0b0011111,
    horizonWeeks: 2,
    approvalRequired: false,
    guestShareMax: null,
    guestSharePer: 'day',
    reservedForStaff: 0,
    reservedUntilHours: 24,
  };
  it('past: yesterday is refused, today is not', () => {
    expect(dayRefusal(space, '2026-11-22', TODAY, never)).toBe('past');
    expect(dayRefusal(space, TODAY, TODAY, never)).toBeNull();
  });
  it('closed weekday: a Saturday at a location open Monday to Friday; open on Saturday when its bit is set', () => {
    expect(dayRefusal(space, '2026-11-28', TODAY, never)).toBe('closed_weekday');
    expect(dayRefusal(space, '2026-11-27', TODAY, never)).toBeNull();
    expect(dayRefusal({ ...space, openWeekdays: 0b0100000 }, '2026-11-28', TODAY, never)).toBeNull();
    expect(dayRefusal({ ...space, openWeekdays: 0b0100000 }, '2026-11-27', TODAY, never)).toBe('closed_weekday');
  });
  it('beyond the horizon: exactly N weeks ahead is bookable, the day after is not', () => {
    expect(dayRefusal(space, '2026-12-07', TODAY, never)).toBeNull();
    expect(dayRefusal({ ...space, openWeekdays: 127 }, '2026-12-08', TODAY, never)).toBe('beyond_horizon');
    expect(dayRefusal({ ...space, openWeekdays: 127, horizonWeeks: 3 }, '2026-12-14', TODAY, never)).toBeNull();
    expect(dayRefusal({ ...space, openWeekdays: 127, horizonWeeks: 3 }, '2026-12-15', TODAY, never)).toBe('beyond_horizon');
  });
  it('closed: a date the closures close is refused, only that date', () => {
    const closed = (d: string) => d === '2026-11-25';
    expect(dayRefusal(space, '2026-11-25', TODAY, closed)).toBe('closed');
    expect(dayRefusal(space, '2026-11-24', TODAY, closed)).toBeNull();
  });
});

describe('request deadline: counts working days back, skipping what is not a working day', () => {
  const loc = { requestDeadlineDays: 1, requestDeadlineTime: '16:00', openWeekdays: 127, checkinDeadlineMorning: '10:00', checkinDeadlineAfternoon: '14:00' };
  const at = instantOf('2026-12-01', '09:00');
  it('request deadline: Saturday and Sunday are never working days, even at a location open at weekends', () => {
    // Monday 14 December: the working day before is Friday 11 December.
    expect(requestDeadline(loc, '2026-12-14', 'morning', at, never)).toEqual(instantOf('2026-12-11', '16:00'));
    // Three working days before Tuesday 15 December: Monday 14, Friday 11, Thursday 10.
    expect(requestDeadline({ ...loc, requestDeadlineDays: 3 }, '2026-12-15', 'morning', at, never)).toEqual(instantOf('2026-12-10', '16:00'));
  });
  it('request deadline: a Friday counts as a working day (the week has five)', () => {
    expect(requestDeadline(loc, '2026-12-12', 'morning', at, never)).toEqual(instantOf('2026-12-11', '16:00'));
  });
  it('request deadline: a location that is never open on a working day does not loop for ever; it gives up after 60 days back', () => {
    const d = requestDeadline({ ...loc, openWeekdays: 0b1100000 }, '2027-03-01', 'morning', at, never);
    expect(d).toEqual(instantOf('2026-12-31', '16:00'));
  });
  it('request deadline: when the deadline is exactly now, the request gets until the dagdeel’s check-in deadline', () => {
    const deadline = instantOf('2026-12-08', '16:00');
    expect(requestDeadline(loc, '2026-12-09', 'morning', deadline, never)).toEqual(instantOf('2026-12-09', '10:00'));
    expect(requestDeadline(loc, '2026-12-09', 'morning', new Date(deadline.getTime() - 1), never)).toEqual(deadline);
  });
});

describe('request expiry: a pending request past its deadline can no longer be answered', () => {
  const by = instantOf('2026-12-08', '16:00');
  it('request expiry: expired at its deadline and after, not a millisecond before', () => {
    expect(requestExpired({ status: 'pending', respondBy: by }, by)).toBe(true);
    expect(requestExpired({ status: 'pending', respondBy: by }, new Date(by.getTime() + 1))).toBe(true);
    expect(requestExpired({ status: 'pending', respondBy: by }, new Date(by.getTime() - 1))).toBe(false);
  });
  it('request expiry: only a pending request expires, and one without a deadline never does by this rule', () => {
    expect(requestExpired({ status: 'confirmed', respondBy: by }, new Date(by.getTime() + 1))).toBe(false);
    expect(requestExpired({ status: 'pending', respondBy: null }, new Date(by.getTime() + 1))).toBe(false);
  });
});
