import { and, asc, eq, sql, type SQL } from 'drizzle-orm';
import type { AnySQLiteColumn, AnySQLiteTable } from 'drizzle-orm/sqlite-core';
import type { Queryable, Tx } from '../db';

/**
 * The waiting-list engine (ADR 005), shared by a meeting's registrations and a closed group's
 * members. What differs is only which rows form the list (`Waitlist`) and what moving up does
 * (the caller's `moveUp`); the rules are defined here once:
 * - a place fits when fewer than `maxParticipants` are registered and, when set, fewer than
 *   `maxPerOrg` of that organisation;
 * - the order is the ticket (`queue_seq`) taken when joining, never the row id or a timestamp: a
 *   person who leaves and joins again reuses their row but gets a new ticket, at the back;
 * - a freed place goes to the first waiting person whose organisation still fits; people skipped
 *   keep their ticket, and thus their position.
 * Every function runs inside the caller's write transaction.
 */
export type Waitlist = {
  table: AnySQLiteTable;
  /** The list's rows: `meeting_id = ?` or `group_id = ?`. */
  of: SQL;
  columns: { id: AnySQLiteColumn; userId: AnySQLiteColumn; orgId: AnySQLiteColumn; status: AnySQLiteColumn; queueSeq: AnySQLiteColumn };
};

export type Limits = { maxParticipants: number; maxPerOrg: number | null };

export type Waiting = { id: number; userId: string; orgId: number };

function countRegistered(tx: Queryable, list: Waitlist, orgId?: number): number {
  const byOrg = orgId === undefined ? undefined : eq(list.columns.orgId, orgId);
  return (
    tx
      .select({ n: sql<number>`count(*)` })
      .from(list.table)
      .where(and(list.of, eq(list.columns.status, 'registered'), byOrg))
      .get()?.n ?? 0
  );
}

/** Why no place is free for someone of this organisation: all places taken, or their organisation's maximum reached; null when one is. */
export type NoPlace = 'full' | 'org_full';

/** The rule "a place is free for someone of this organisation", with the reason when it is not. */
export function noPlaceFor(tx: Queryable, list: Waitlist, limits: Limits, orgId: number): NoPlace | null {
  if (countRegistered(tx, list) >= limits.maxParticipants) return 'full';
  if (limits.maxPerOrg !== null && countRegistered(tx, list, orgId) >= limits.maxPerOrg) return 'org_full';
  return null;
}

/** The rule "a place is free for someone of this organisation" (`noPlaceFor`). */
export function fits(tx: Queryable, list: Waitlist, limits: Limits, orgId: number): boolean {
  return noPlaceFor(tx, list, limits, orgId) === null;
}

/** The next ticket: taken under the write lock, so the order is exactly the order of joining. */
export function nextTicket(tx: Queryable, list: Waitlist): number {
  return (
    (tx
      .select({ n: sql<number>`coalesce(max(${list.columns.queueSeq}), 0)` })
      .from(list.table)
      .where(list.of)
      .get()?.n ?? 0) + 1
  );
}

/** 1-based position of a waiting ticket: the waiting people with an earlier ticket, plus one. */
export function positionOf(db: Queryable, list: Waitlist, ticket: number): number {
  const ahead = db
    .select({ n: sql<number>`count(*)` })
    .from(list.table)
    .where(and(list.of, eq(list.columns.status, 'waitlisted'), sql`${list.columns.queueSeq} < ${ticket}`))
    .get()?.n;
  return (ahead ?? 0) + 1;
}

/**
 * Fills free places from the waiting list: while a place is free, the first waiting person (by
 * ticket) whose organisation fits moves up. `moveUp` must register them (and tells them). Returns
 * the user ids moved up, in order.
 */
export function promoteWaiting(tx: Tx, list: Waitlist, limits: Limits, moveUp: (next: Waiting) => void): string[] {
  const moved: string[] = [];
  for (;;) {
    const placed = countRegistered(tx, list);
    if (placed >= limits.maxParticipants) break;
    const waiting = tx
      .select({ id: list.columns.id, userId: list.columns.userId, orgId: list.columns.orgId })
      .from(list.table)
      .where(and(list.of, eq(list.columns.status, 'waitlisted')))
      .orderBy(asc(list.columns.queueSeq))
      .all() as Waiting[];
    const next = waiting.find((w) => fits(tx, list, limits, w.orgId));
    if (!next) break;
    moveUp(next);
    // A moveUp that did not take the place would loop for ever; fail loudly instead.
    if (countRegistered(tx, list) !== placed + 1) throw new Error('waitlist: moveUp must register the person moved up');
    moved.push(next.userId);
  }
  return moved;
}
