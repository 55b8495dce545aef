import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import * as schema from '../db/schema';

export type DB = BetterSQLite3Database<typeof schema> & { $client: Database.Database };
export type Tx = Parameters<Parameters<DB['transaction']>[0]>[0];
/** Anything that runs queries: the database or an open transaction. */
export type Queryable = DB | Tx;

const migrationsFolder = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../db/migrations');

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
  sqlite.pragma('foreign_keys = ON');
  cachePreparedStatements(sqlite);
  const db = drizzle(sqlite, { schema }) as DB;
  if (options.migrate !== false) migrate(db, { migrationsFolder });
  return db;
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
 * A drizzle query built once per database handle and then only executed. drizzle builds the SQL
 * text again on every call, which cost ~0.15 ms for the meeting list's wide select (more than
 * running it; bench/RESULTS.md). `build` must take every value that varies as
 * `sql.placeholder(name)`; optional filters are written as `(? is null or col = ?)` so one
 * statement serves every combination, and id lists as `json_each(?)` with a JSON array.
 */
const preparedQueries = new WeakMap<object, Map<string, unknown>>();
export function prepared<T>(db: Queryable, key: string, build: (db: Queryable) => T): T {
  let byKey = preparedQueries.get(db);
  if (!byKey) preparedQueries.set(db, (byKey = new Map()));
  let query = byKey.get(key) as T | undefined;
  if (query === undefined) {
    query = build(db);
    byKey.set(key, query);
  }
  return query;
}

/**
 * The one way to write: a synchronous transaction that takes the write lock up front
 * (BEGIN IMMEDIATE), so a read-then-write can never interleave with another writer, also in
 * another process. The callback must not be async: better-sqlite3 cannot roll back across an
 * await, and drizzle would commit a half-done change.
 */
export function writeTx<T>(db: DB, fn: (tx: Tx) => T): T {
  return db.transaction((tx) => {
    const result = fn(tx);
    if (result instanceof Promise) throw new Error('writeTx callback must be synchronous');
    return result;
  }, { behavior: 'immediate' });
}

export { schema };
