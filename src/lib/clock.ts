import { instantOf, isValidLocalDate } from './time';

/** What the app asks for the current instant. Injected everywhere (createApp, jobs, seed) so tests control it. */
export type Clock = () => Date;

/**
 * Real time, or real time shifted so that it reads `start` now and runs on from there. The shift
 * lets a development server or a test run "a month ahead" (TEST_NOW) while seconds still pass,
 * so timestamps stay ordered and session idle times still work.
 */
export function runningClock(start?: Date, realNow: () => number = Date.now): Clock {
  if (!start) return () => new Date(realNow());
  const offset = start.getTime() - realNow();
  return () => new Date(realNow() + offset);
}

/**
 * Reads TEST_NOW: an ISO instant with offset (`2026-12-30T10:00:00+01:00`, `…Z`), or a local date
 * (`2026-12-30`), which means 09:00 that day in Amsterdam. Undefined when empty; null when invalid.
 */
export function parseClockStart(value: string | undefined): Date | undefined | null {
  if (value === undefined || value === '') return undefined;
  if (isValidLocalDate(value)) return instantOf(value, '09:00');
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(value)) return null;
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? null : d;
}
