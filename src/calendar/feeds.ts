import { eq } from 'drizzle-orm';
import { calendarFeeds } from '../../db/schema';
import type { Queryable } from '../db';
import { hashToken, newToken } from '../lib/tokens';

/** A new secret for the person's feed; the old URL stops working at once. Returns the token (shown once). */
export function renewFeedToken(db: Queryable, userId: string): string {
  const token = newToken();
  db.insert(calendarFeeds)
    .values({ userId, tokenHash: hashToken(token) })
    .onConflictDoUpdate({ target: calendarFeeds.userId, set: { tokenHash: hashToken(token) } })
    .run();
  return token;
}

export function revokeFeed(db: Queryable, userId: string): void {
  db.delete(calendarFeeds).where(eq(calendarFeeds.userId, userId)).run();
}

export function hasFeed(db: Queryable, userId: string): boolean {
  return !!db.select({ u: calendarFeeds.userId }).from(calendarFeeds).where(eq(calendarFeeds.userId, userId)).get();
}

export function feedOwner(db: Queryable, token: string): string | undefined {
  return db
    .select({ userId: calendarFeeds.userId })
    .from(calendarFeeds)
    .where(eq(calendarFeeds.tokenHash, hashToken(token)))
    .get()?.userId;
}
