import type { DB } from '../db';

/**
 * A small per-process cache that can never be stale: every entry remembers the database's change
 * counter (`change_counters`, bumped by triggers on every write to the covered tables, from any
 * process) and is used only while the counter still has that value. Reading the counter is one
 * primary-key lookup, all a hit costs; on a miss the counter and the computation share one read
 * transaction.
 *
 * Only for what changes rarely and is costly to compute, never for anything a booking or sign-up
 * changes: 'filters' covers the meeting list's filter lists and the towns of the desk search
 * (organisations, locations, meetings and their visibility; ADR 007), 'desks' which spaces a desk
 * search finds, what their cards say of space, location and host, and the closures of a date
 * (spaces, locations, their sharing, closures, organisations; ADR 019, 021), 'people' an
 * organisation's colleague list (memberships, people's names and deactivation). Free places are
 * never cached.
 */
export type ChangeCounter = 'filters' | 'desks' | 'people';

export function versionedCache<V>(counter: ChangeCounter, maxEntries = 500) {
  type Entry = { version: number; value: V; validUntil: number };
  const byDatabase = new WeakMap<object, Map<string, Entry>>();
  /** `compute` may say until when (ms) its answer holds regardless of writes, e.g. until the next meeting starts. */
  return (db: DB, key: string, now: number, compute: () => { value: V; validUntil?: number }): V => {
    const sqlite = db.$client;
    let entries = byDatabase.get(sqlite);
    if (!entries) byDatabase.set(sqlite, (entries = new Map()));
    const version = () => sqlite.prepare('select n from change_counters where name = ?').pluck().get(counter) as number;
    // A hit needs one read of the counter: the value was computed while the counter had this
    // value, so nothing it covers has changed since. No transaction (a savepoint when nested).
    const hit = entries.get(key);
    if (hit && now < hit.validUntil && hit.version === version()) return hit.value;
    // A miss: the counter and the computation read one snapshot.
    return sqlite.transaction(() => {
      const at = version();
      const { value, validUntil = Infinity } = compute();
      if (!entries.has(key) && entries.size >= maxEntries) entries.delete(entries.keys().next().value!);
      entries.set(key, { version: at, value, validUntil });
      return value;
    })();
  };
}
