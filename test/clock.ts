import { parseClockStart, runningClock } from '../src/lib/clock';

/**
 * Where the clock of every server a test starts begins: `TEST_NOW` when set (a date such as
 * `2026-12-30`, meaning 09:00 in Amsterdam, or an instant with offset), else the real time.
 * Tests compute their dates from it, so the suite passes on any day (README: "Testing on another day").
 * Request-level tests that need a fixed instant use `TestClock` from helpers.ts instead.
 */
export function testStart(): Date {
  const start = parseClockStart(process.env.TEST_NOW);
  if (start === null) throw new Error(`TEST_NOW=${process.env.TEST_NOW} is not a date (2026-12-30) or an instant with offset`);
  return start ?? new Date();
}

/** A clock that starts at `testStart()` and runs with real time; a journey can pin it to an instant and let it run again. */
export type ServerClock = { now: () => Date; set: (instant: Date) => void; reset: () => void };

export function serverClock(start: Date = testStart()): ServerClock {
  const running = runningClock(start);
  let fixed: Date | null = null;
  return { now: () => (fixed ? new Date(fixed) : running()), set: (instant) => (fixed = instant), reset: () => (fixed = null) };
}
