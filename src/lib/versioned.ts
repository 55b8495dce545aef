import type { DB } from '../db';

/**
 * A small per-process cache that can never be stale: every entry remembers the database's change
 * counter (`change_counters`, bumped by triggers on every write to the covered tables, from any
 * process) and is used only while the counter still has that value. Reading the counter is one
 * primary-key lookup; the counter and the computation share one read transaction.
 *
 * Only for what changes rarely and is costly to compute, never for anything a booking or sign-up
 * changes: 'filters' covers the meeting list's filter lists and the towns of the desk search
 * (organisations, locations, meetings and their visibility; ADR 007), 'desks' which spaces a desk
 * search finds (spaces, locations, their sharing, closures, organisations; ADR 019), 'people' an
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
    return sqlite.transaction(() => {
      const version = sqlite.prepare('select n from change_counters where name = ?').pluck().get(counter) as number;
      const hit = entries.get(key);
      if (hit && hit.version === version && now < hit.validUntil) return hit.value;
      const { value, validUntil = Infinity } = compute();
      if (!hit && entries.size >= maxEntries) entries.delete(entries.keys().next().value!);
      entries.set(key, { version, value, validUntil });
      return value;
    })();
  };
}
