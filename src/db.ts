import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import * as schema from '../db/schema';
import { projectRoot } from './lib/paths';

export type DB = BetterSQLite3Database<typeof schema> & { $client: Database.Database };
export type Tx = Parameters<Parameters<DB['transaction']>[0]>[0];
/** Anything that runs queries: the database or an open transaction. */
export type Queryable = DB | Tx;

const migrationsFolder = path.join(projectRoot, 'db/migrations');

export const BUSY_TIMEOUT_MS = 5000;

/**
 * Opens the database with the settings every process must share: WAL so readers never block the
 * writer, synchronous=FULL so a confirmed booking survives power loss, foreign keys, and a busy
 * timeout so a second process waits for the write lock instead of failing at once.
 */
export function openDatabase(file: string, options: { migrate?: boolean; busyTimeoutMs?: number } = {}): DB {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const sqlite = new Database(file);
  sqlite.pragma(`busy_timeout = ${options.busyTimeoutMs ?? BUSY_TIMEOUT_MS}`);
  if (file !== ':memory:') sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  busyTimeouts.set(sqlite, options.busyTimeoutMs ?? BUSY_TIMEOUT_MS);
  cachePreparedStatements(sqlite);
  const db = drizzle(sqlite, { schema }) as DB;
  if (options.migrate !== false) migrateSafely(sqlite, db);
  sqlite.pragma('foreign_keys = ON');
  return db;
}

/**
 * Runs the migrations with foreign keys off, as SQLite's procedure for rebuilding a table asks
 * (https://sqlite.org/lang_altertable.html#otheralter): drizzle runs all pending migrations in one
 * transaction, where `PRAGMA foreign_keys` has no effect, and with the keys on, dropping the old
 * copy of a table (registrations in 0010) would cascade-delete the rows that refer to it
 * (attendance_changes). After a start that applied any, every foreign key is checked; a violation
 * stops the start.
 */
function migrateSafely(sqlite: Database.Database, db: DB): void {
  sqlite.pragma('foreign_keys = OFF');
  const before = appliedMigrations(sqlite);
  migrate(db, { migrationsFolder });
  // Nothing applied, nothing to check: the check reads every foreign key (~2 s on the bench's national set).
  if (appliedMigrations(sqlite) === before) return;
  const broken = sqlite.pragma('foreign_key_check') as unknown[];
  if (broken.length > 0) throw new Error(`migration left ${broken.length} foreign key violation(s): ${JSON.stringify(broken.slice(0, 5))}`);
}

/** How many migrations drizzle has recorded as applied (0 for a new file). */
function appliedMigrations(sqlite: Database.Database): number {
  const recorded = sqlite.prepare(`select 1 from sqlite_master where type = 'table' and name = '__drizzle_migrations'`).get();
  return recorded ? (sqlite.prepare('select count(*) from __drizzle_migrations').pluck().get() as number) : 0;
}

/**
 * drizzle prepares every query again on each call, and preparing was ~8% of a search request's
 * CPU (bench/RESULTS.md). better-sqlite3 statements are reusable, so identical SQL text gets the
 * same Statement back. drizzle switches readers to raw (array) mode per call, and callers may pluck; the
 * mode is reset here so a cached statement never answers in the previous caller's mode.
 */
function cachePreparedStatements(sqlite: Database.Database, max = 500): void {
  const prepare = sqlite.prepare.bind(sqlite);
  const cache = new Map<string, Database.Statement>();
  sqlite.prepare = ((source: string) => {
    let stmt = cache.get(source);
    if (!stmt) {
      stmt = prepare(source);
      if (cache.size >= max) cache.delete(cache.keys().next().value!);
      cache.set(source, stmt);
    } else if (stmt.reader) {
      stmt.raw(false);
      stmt.pluck(false);
    }
    return stmt;
  }) as typeof sqlite.prepare;
}

/**
 * A drizzle query built once per database and then only executed. drizzle builds the SQL text
 * again on every call, which cost ~0.15 ms for the meeting list's wide select (more than running
 * it; bench/RESULTS.md) and 0.2–0.5 ms for each small query of a booking on the 2026-12-01 machine.
 * `build` must take every value that varies as `sql.placeholder(name)`; optional filters are
 * written as `(? is null or col = ?)` so one statement serves every combination, and id lists as
 * `json_each(?)` with a JSON array.
 *
 * Inside writeTx the transaction's database is used: the statement runs on the same connection,
 * so it sees and joins the open transaction (better-sqlite3 has no per-transaction statements).
 * Another transaction object (drizzle's own nested `transaction()`) builds its queries afresh:
 * still correct, only nothing is saved.
 */
const preparedQueries = new WeakMap<object, Map<string, unknown>>();
/** The database each writeTx transaction object belongs to, for `prepared`. */
const rootOfTx = new WeakMap<Tx, DB>();
export function prepared<T>(q: Queryable, key: string, build: (db: Queryable) => T): T {
  const db: Queryable = '$client' in q ? q : (rootOfTx.get(q) ?? q);
  let byKey = preparedQueries.get(db);
  if (!byKey) preparedQueries.set(db, (byKey = new Map()));
  let query = byKey.get(key) as T | undefined;
  if (query === undefined) {
    query = build(db);
    byKey.set(key, query);
  }
  return query;
}

/** Each connection's busy timeout: how long writeTx waits for another process's write lock. */
const busyTimeouts = new WeakMap<Database.Database, number>();
const pause = new Int32Array(new SharedArrayBuffer(4));

function isBusy(err: unknown): boolean {
  // Also the extended codes (SQLITE_BUSY_RECOVERY, SQLITE_BUSY_SNAPSHOT, …).
  return (err as { code?: unknown } | null)?.code?.toString().startsWith('SQLITE_BUSY') ?? false;
}

/**
 * The one way to write: a synchronous transaction that takes the write lock up front
 * (BEGIN IMMEDIATE), so a read-then-write can never interleave with another writer, also in
 * another process. The callback must not be async: better-sqlite3 cannot roll back across an
 * await, and drizzle would commit a half-done change.
 *
 * Waiting for the lock: SQLite's own busy handler sleeps 1, 2, 5, 10 … 25, 50, 100 ms between
 * tries, so with several server processes a booking that lost the race a few times waited up to a
 * second while the lock was free again within a millisecond (bench/RESULTS.md, spread bookings p99
 * 964 ms with two processes). Here BEGIN IMMEDIATE is tried without SQLite's handler and retried
 * after 0.1–2 ms (with jitter) until the connection's busy timeout; then SQLITE_BUSY goes up as
 * before (503 + Retry-After). Only BEGIN can be busy: once the lock is held, nothing in the
 * transaction waits for another writer (WAL readers never block it).
 *
 * Domain functions that write take `DB | Tx` and open their own writeTx, so a route calls them
 * with the database and they are still usable inside a larger transaction.
 */
export function writeTx<T>(db: DB | Tx, fn: (tx: Tx) => T): T {
  // Already inside writeTx (a domain function called by another one, or by the demo seed): join
  // that transaction; its BEGIN IMMEDIATE holds the lock, and a throw rolls back all of it.
  if (!('$client' in db)) return fn(db);
  const sqlite = db.$client;
  const timeout = busyTimeouts.get(sqlite) ?? BUSY_TIMEOUT_MS;
  const run = () =>
    db.transaction(
      (tx) => {
        rootOfTx.set(tx, db);
        const result = fn(tx);
        if (result instanceof Promise) throw new Error('writeTx callback must be synchronous');
        return result;
      },
      { behavior: 'immediate' },
    );
  if (sqlite.inTransaction || timeout === 0) return run();
  const deadline = performance.now() + timeout;
  sqlite.prepare('pragma busy_timeout = 0').run();
  try {
    for (let wait = 0.1; ; wait = Math.min(wait * 2, 2)) {
      try {
        return run();
      } catch (err) {
        if (!isBusy(err) || performance.now() + wait >= deadline) throw err;
        Atomics.wait(pause, 0, 0, wait * (0.5 + Math.random()));
      }
    }
  } finally {
    sqlite.prepare(`pragma busy_timeout = ${timeout}`).run();
  }
}

export { schema };
