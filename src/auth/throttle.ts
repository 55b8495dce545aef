import { eq, sql } from 'drizzle-orm';
import { loginFailures } from '../../db/schema';
import { writeTx, type DB } from '../db';

export const THROTTLE_WINDOW_MS = 15 * 60 * 1000;
export const MAX_FAILURES_PER_ACCOUNT = 5;
export const MAX_FAILURES_PER_IP = 30;

/**
 * Failed-login counters live in the database so every server process sees the same count. The
 * check runs before any password hashing: a flood of wrong passwords costs us a row read.
 */
export function isThrottled(db: DB, email: string, ip: string, now: Date): boolean {
  const since = now.getTime() - THROTTLE_WINDOW_MS;
  const count = (key: string) => {
    const row = db.select().from(loginFailures).where(eq(loginFailures.key, key)).get();
    return row && row.windowStart.getTime() > since ? row.count : 0;
  };
  return count(`acct:${email}`) >= MAX_FAILURES_PER_ACCOUNT || count(`ip:${ip}`) >= MAX_FAILURES_PER_IP;
}

export function recordFailure(db: DB, email: string, ip: string, now: Date): void {
  const since = now.getTime() - THROTTLE_WINDOW_MS;
  writeTx(db, (tx) => {
    for (const key of [`acct:${email}`, `ip:${ip}`]) {
      tx.insert(loginFailures)
        .values({ key, count: 1, windowStart: now })
        .onConflictDoUpdate({
          target: loginFailures.key,
          set: {
            count: sql`case when ${loginFailures.windowStart} > ${since} then ${loginFailures.count} + 1 else 1 end`,
            windowStart: sql`case when ${loginFailures.windowStart} > ${since} then ${loginFailures.windowStart} else ${now.getTime()} end`,
          },
        })
        .run();
    }
  });
}

export function clearAccountFailures(db: DB, email: string): void {
  db.delete(loginFailures).where(eq(loginFailures.key, `acct:${email}`)).run();
}
