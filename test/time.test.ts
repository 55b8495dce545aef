import { describe, expect, it } from 'vitest';
import { addDays, clockChangeOn, instantOf, isValidLocalDate, isoWeekday, localDateOf, localTimeOf, wallClockInstant } from '../src/lib/time';

describe('time: Amsterdam wall clock and UTC instants', () => {
  it('rejects impossible dates', () => {
    expect(isValidLocalDate('2026-02-30')).toBe(false);
    expect(isValidLocalDate('2026-13-01')).toBe(false);
    expect(isValidLocalDate('2026-2-3')).toBe(false);
    expect(isValidLocalDate('2028-02-29')).toBe(true);
  });
  it('uses +02:00 in summer and +01:00 in winter', () => {
    expect(instantOf('2026-07-01', '09:00').toISOString()).toBe('2026-07-01T07:00:00.000Z');
    expect(instantOf('2026-12-01', '09:00').toISOString()).toBe('2026-12-01T08:00:00.000Z');
  });
  it('daylight-saving end: 25 October 2026 14:00–16:00 lasts two hours', () => {
    const start = instantOf('2026-10-25', '14:00');
    const end = instantOf('2026-10-25', '16:00');
    expect(start.toISOString()).toBe('2026-10-25T13:00:00.000Z');
    expect((end.getTime() - start.getTime()) / 3_600_000).toBe(2);
  });
  it('a meeting across the October change at night counts real hours', () => {
    // 01:00–04:00 local on 25 Oct 2026 spans the repeated hour: four real hours.
    expect((instantOf('2026-10-25', '04:00').getTime() - instantOf('2026-10-25', '01:00').getTime()) / 3_600_000).toBe(4);
  });
  it('daylight-saving start: 29 March 2026 01:00–04:00 lasts two hours', () => {
    expect((instantOf('2026-03-29', '04:00').getTime() - instantOf('2026-03-29', '01:00').getTime()) / 3_600_000).toBe(2);
  });
  it('maps instants back to the Amsterdam date and time', () => {
    expect(localDateOf(new Date('2026-11-23T23:30:00Z'))).toBe('2026-11-24');
    expect(localTimeOf(new Date('2026-06-30T22:15:00Z'))).toBe('00:15');
  });
  it('does calendar arithmetic without time zones', () => {
    expect(addDays('2026-03-28', 1)).toBe('2026-03-29');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(isoWeekday('2026-11-23')).toBe(1);
    expect(isoWeekday('2026-11-29')).toBe(7);
  });
});

describe('local date and time of an instant (remembered per UTC minute, issue #18)', () => {
  it('is exact at midnight and across both daylight-saving changes, also when instants alternate', () => {
    const at = (iso: string) => ({ date: localDateOf(new Date(iso)), time: localTimeOf(new Date(iso)) });
    for (let round = 0; round < 2; round++) {
      expect(at('2026-12-31T22:59:59.999Z')).toEqual({ date: '2026-12-31', time: '23:59' });
      expect(at('2026-12-31T23:00:00.000Z')).toEqual({ date: '2027-01-01', time: '00:00' });
      expect(at('2026-03-29T00:59:59.000Z')).toEqual({ date: '2026-03-29', time: '01:59' });
      expect(at('2026-03-29T01:00:00.000Z')).toEqual({ date: '2026-03-29', time: '03:00' });
      expect(at('2026-10-25T00:59:30.000Z')).toEqual({ date: '2026-10-25', time: '02:59' });
      expect(at('2026-10-25T01:00:00.000Z')).toEqual({ date: '2026-10-25', time: '02:00' });
      expect(at('2026-10-24T21:59:59.000Z')).toEqual({ date: '2026-10-24', time: '23:59' });
      expect(at('2026-10-24T22:00:00.000Z')).toEqual({ date: '2026-10-25', time: '00:00' });
    }
  });
});

describe('a typed wall-clock time (wallClockInstant): the hour skipped in March is refused, the hour repeated in October is its first occurrence', () => {
  const iso = (date: string, time: string) => {
    const w = wallClockInstant(date, time);
    return w.ok ? w.at.toISOString() : w.gap;
  };
  for (const spring of ['2026-03-29', '2027-03-28']) {
    it(`${spring}: 02:00–02:59 does not exist (the clocks go from 02:00 to 03:00); 01:59 and 03:00 do`, () => {
      expect(clockChangeOn(spring)).toEqual({ from: '02:00', to: '03:00' });
      for (const time of ['02:00', '02:30', '02:59']) expect(iso(spring, time), time).toEqual({ from: '02:00', to: '03:00' });
      const before = wallClockInstant(spring, '01:59');
      const after = wallClockInstant(spring, '03:00');
      expect(before.ok && after.ok && (after.at.getTime() - before.at.getTime()) / 60_000).toBe(1);
      expect(iso(spring, '03:00')).toBe(`${spring}T01:00:00.000Z`);
    });
  }
  for (const autumn of ['2026-10-25', '2027-10-31']) {
    it(`${autumn}: 02:00–02:59 happens twice and means the first time (summer time); durations stay real hours`, () => {
      expect(clockChangeOn(autumn)).toEqual({ from: '03:00', to: '02:00' });
      expect(iso(autumn, '02:00')).toBe(`${autumn}T00:00:00.000Z`);
      expect(iso(autumn, '02:30')).toBe(`${autumn}T00:30:00.000Z`);
      expect(iso(autumn, '03:00')).toBe(`${autumn}T02:00:00.000Z`);
      expect(localTimeOf(instantOf(autumn, '02:30'))).toBe('02:30');
      const hours = (from: string, to: string) => (instantOf(autumn, to).getTime() - instantOf(autumn, from).getTime()) / 3_600_000;
      expect(hours('01:30', '02:30')).toBe(1);
      expect(hours('02:00', '03:00')).toBe(2); // from the first 02:00 to 03:00 is two real hours
      expect(hours('01:00', '04:00')).toBe(4);
    });
  }
  it('an ordinary day has no clock change, and every minute of it exists', () => {
    expect(clockChangeOn('2026-06-01')).toBeNull();
    expect(clockChangeOn('2027-03-27')).toBeNull();
    expect(iso('2027-03-27', '02:30')).toBe('2027-03-27T01:30:00.000Z');
  });
});
