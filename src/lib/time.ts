import { TZDate } from '@date-fns/tz';

export const TIME_ZONE = 'Europe/Amsterdam';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const HH_MM = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** True for a real calendar date in YYYY-MM-DD form (2026-02-30 is not). */
export function isValidLocalDate(s: string): boolean {
  const m = ISO_DATE.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (y < 2000 || y > 2100) return false;
  const dt = new Date(Date.UTC(y, mo - 1, d));
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === mo - 1 && dt.getUTCDate() === d;
}

export function isValidTime(s: string): boolean {
  return HH_MM.test(s);
}

/** Today's date in Amsterdam, as YYYY-MM-DD. */
export function localToday(now: Date): string {
  return localDateOf(now);
}

/**
 * The Amsterdam date and wall-clock minute of an instant depend only on its UTC minute (the zone's
 * offsets are whole minutes), so the last minute asked for is remembered: every request asks for
 * "today" several times, and @date-fns/tz's zone arithmetic was ~4 % of a search (issue #18).
 */
let lastMinute = Number.NaN;
let lastLocal = { date: '', time: '' };
function localOf(instant: Date): { date: string; time: string } {
  const minute = Math.floor(instant.getTime() / 60_000);
  if (minute !== lastMinute) {
    const z = new TZDate(minute * 60_000, TIME_ZONE);
    lastLocal = {
      date: `${z.getFullYear()}-${String(z.getMonth() + 1).padStart(2, '0')}-${String(z.getDate()).padStart(2, '0')}`,
      time: `${String(z.getHours()).padStart(2, '0')}:${String(z.getMinutes()).padStart(2, '0')}`,
    };
    lastMinute = minute;
  }
  return lastLocal;
}

/** The Amsterdam calendar date of an instant. */
export function localDateOf(instant: Date): string {
  return localOf(instant).date;
}

/** The Amsterdam wall-clock time (HH:MM) of an instant. */
export function localTimeOf(instant: Date): string {
  return localOf(instant).time;
}

/**
 * `instantOf` is a pure function of its text arguments (the zone's rules do not change while the
 * process runs), and the time-zone arithmetic was a sixth of a search page: remembered per
 * (date, time), at most 10,000 of them.
 */
const instants = new Map<string, number>();

/**
 * The UTC instant of an Amsterdam wall-clock time. Across the daylight-saving changes the offset
 * is +01:00 in winter and +02:00 in summer; tz math by @date-fns/tz, not by hand.
 *
 * The two hours that are not one instant (ADR 005, "Time"): a time in the hour the clocks repeat
 * (last Sunday of October, 02:00–02:59) is its first occurrence, still summer time, as Temporal's
 * `disambiguation: 'compatible'` does (@date-fns/tz gives the second); a time in the hour that is
 * skipped (last Sunday of March, 02:00–02:59) comes out an hour later. That is right for the
 * stored settings and day boundaries this serves; a time someone typed goes through
 * `wallClockInstant`, which refuses it instead.
 */
export function instantOf(localDate: string, time: string): Date {
  return new Date(instantMsOf(localDate, time));
}

/** `instantOf` as milliseconds since the epoch, for comparisons that need no Date object. */
export function instantMsOf(localDate: string, time: string): number {
  const key = `${localDate} ${time}`;
  let ms = instants.get(key);
  if (ms === undefined) {
    const [y, mo, d] = localDate.split('-').map(Number) as [number, number, number];
    const [h, mi] = time.split(':').map(Number) as [number, number];
    ms = new TZDate(y, mo - 1, d, h, mi, 0, 0, TIME_ZONE).getTime();
    const hourEarlier = new Date(ms - 3_600_000);
    if (localTimeOf(hourEarlier) === time && localDateOf(hourEarlier) === localDate) ms -= 3_600_000;
    if (instants.size >= 10_000) instants.clear();
    instants.set(key, ms);
  }
  return ms;
}

/** A typed Amsterdam date and time: its instant, or the clock change that skips it. */
export type WallClock = { ok: true; at: Date } | { ok: false; gap: ClockChange };

/**
 * The instant of a date and time someone typed (a meeting, its deadlines, consult hours), or
 * `ok: false` when that wall-clock time does not exist on that date: on the night the clocks go
 * forward, 02:00–02:59 is skipped, and silently moving 02:00–03:30 to 03:00–03:30 would turn a
 * 90-minute meeting into 30 minutes. A time in the repeated hour in October is accepted as its
 * first occurrence (`instantOf`); durations are differences of instants, so stay real hours.
 */
export function wallClockInstant(localDate: string, time: string): WallClock {
  const at = instantOf(localDate, time);
  if (localDateOf(at) === localDate && localTimeOf(at) === time) return { ok: true, at };
  return { ok: false, gap: clockChangeOn(localDate) ?? { from: time, to: localTimeOf(at) } };
}

/** A change of the clocks: the wall clock jumps from `from` to `to` (02:00 → 03:00 in March, 03:00 → 02:00 in October). */
export type ClockChange = { from: string; to: string };

const offsetMinutes = (ms: number) => -new TZDate(ms, TIME_ZONE).getTimezoneOffset();
const hhmm = (minutes: number) => `${String(Math.floor(minutes / 60) % 24).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

/** The clock change on an Amsterdam date, or null on the other 363 days. */
export function clockChangeOn(localDate: string): ClockChange | null {
  const start = instantMsOf(localDate, '00:00');
  const end = instantMsOf(addDays(localDate, 1), '00:00');
  if (end - start === 86_400_000) return null;
  const before = offsetMinutes(start);
  // Quarter hours: every zone changes its clocks on one (Amsterdam on the whole hour).
  for (let ms = start; ms < end; ms += 900_000) {
    const after = offsetMinutes(ms);
    if (after === before) continue;
    const utcMinuteOfDay = Math.floor((ms % 86_400_000) / 60_000);
    return { from: hhmm(utcMinuteOfDay + before + 1440), to: hhmm(utcMinuteOfDay + after + 1440) };
  }
  return null;
}

/** Adds whole days to a local date (calendar arithmetic, no time zone involved). */
export function addDays(localDate: string, days: number): string {
  const [y, mo, d] = localDate.split('-').map(Number) as [number, number, number];
  const dt = new Date(Date.UTC(y, mo - 1, d + days));
  return dt.toISOString().slice(0, 10);
}

/** Adds whole months to a local date; a day that the target month lacks becomes its last day (31 March − 1 month = 28/29 February). */
export function addMonths(localDate: string, months: number): string {
  const [y, mo, d] = localDate.split('-').map(Number) as [number, number, number];
  const first = new Date(Date.UTC(y, mo - 1 + months, 1));
  const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  return new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth(), Math.min(d, last))).toISOString().slice(0, 10);
}

/** ISO weekday of a local date: 1 = Monday … 7 = Sunday. */
export function isoWeekday(localDate: string): number {
  const [y, mo, d] = localDate.split('-').map(Number) as [number, number, number];
  const wd = new Date(Date.UTC(y, mo - 1, d)).getUTCDay();
  return wd === 0 ? 7 : wd;
}
