import { describe, expect, it } from 'vitest';
import { addDays, instantOf, isValidLocalDate, isoWeekday, localDateOf, localTimeOf } from '../src/lib/time';

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
