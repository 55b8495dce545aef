import type { App } from '../../src/app';
import type { DB } from '../../src/db';
import { createTestApp, loginAs, type Client, type TestApp } from '../helpers';
import { DEMO_PASSWORD, seedDemoData } from '../../db/seed/index';

/** Every route the app serves, from Hono's own route table (middleware excluded), as `METHOD path`. */
export function routeKeys(app: App): string[] {
  return [...new Set(app.routes.filter((r) => r.method !== 'ALL').map((r) => `${r.method} ${r.path}`))];
}

/**
 * What identifies a row of table `t`, as SQL: its rowid, or for a table WITHOUT ROWID (the Inzicht
 * rollups, migration 0021) its primary-key columns.
 */
export function rowOrder(db: DB, t: string): string {
  const sql = db.$client.prepare("select sql from sqlite_master where type = 'table' and name = ?").pluck().get(t) as string;
  if (!/WITHOUT ROWID\s*$/i.test(sql)) return 'rowid';
  return (db.$client.prepare('select name from pragma_table_info(?) where pk > 0 order by pk').pluck().all(t) as string[]).map((c) => `"${c}"`).join(', ');
}

/** The tables whose contents count as "stored": all but SQLite's own, the migrations' and session bookkeeping (login itself writes sessions). */
function storedTables(db: DB): string[] {
  return db.$client
    .prepare(
      "select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like '__drizzle%' and name not in ('sessions', 'login_failures') order by name",
    )
    .pluck()
    .all() as string[];
}

/** A fingerprint of everything stored, except session bookkeeping. */
export function snapshot(db: DB): string {
  return storedTables(db)
    .map((t) => `${t}:${JSON.stringify(db.$client.prepare(`select * from "${t}" order by ${rowOrder(db, t)}`).all())}`)
    .join('\n');
}

/**
 * Which stored tables were written since a mark: the same question as two snapshots, for the
 * fuzzing's thousands of runs, which cannot afford a full snapshot (~140 ms with the demo data)
 * per run. Temporary triggers on every stored table record each insert, each delete and each
 * update that changes a value (column by column, `IS NOT`) in a temporary table of the same
 * connection: a write rolled back leaves no trace, as in a snapshot; a row written and removed
 * again within the mark does (stricter than a snapshot). The app under test must use this
 * connection (createTestApp's `db`).
 */
export function watchWrites(db: DB): { mark(): number; since(mark: number): string[] } {
  const sqlite = db.$client;
  sqlite.exec('create temp table if not exists written (tbl text not null)');
  for (const t of storedTables(db)) {
    const cols = sqlite.prepare('select name from pragma_table_info(?)').pluck().all(t) as string[];
    const differs = cols.map((c) => `old."${c}" is not new."${c}"`).join(' or ');
    const record = `begin insert into temp.written (tbl) values ('${t}'); end`;
    sqlite.exec(`create temp trigger if not exists "written_${t}_insert" after insert on main."${t}" ${record}`);
    sqlite.exec(`create temp trigger if not exists "written_${t}_update" after update on main."${t}" when ${differs} ${record}`);
    sqlite.exec(`create temp trigger if not exists "written_${t}_delete" after delete on main."${t}" ${record}`);
  }
  const last = sqlite.prepare('select coalesce(max(rowid), 0) from temp.written').pluck();
  const tablesSince = sqlite.prepare('select distinct tbl from temp.written where rowid > ? order by tbl').pluck();
  return { mark: () => last.get() as number, since: (mark) => tablesSince.all(mark) as string[] };
}

/** Differences between two snapshots, table by table, for a readable failure. */
export function changedTables(before: string, after: string): string[] {
  const a = new Map(before.split('\n').map((l) => [l.slice(0, l.indexOf(':')), l]));
  return after
    .split('\n')
    .filter((l) => a.get(l.slice(0, l.indexOf(':'))) !== l)
    .map((l) => l.slice(0, l.indexOf(':')));
}

export const ACTORS = ['anonymous', 'worker', 'host', 'facilitator', 'orgadmin', 'admin'] as const;
export type Actor = (typeof ACTORS)[number];

/** Seeded demo data with one client per demo account (worker@, host@, …) plus an anonymous one. */
export async function seededWithClients(): Promise<TestApp & { as: Record<Actor, Client | null> }> {
  const t = createTestApp();
  await seedDemoData(t.db, t.clock.now());
  const as = { anonymous: null } as Record<Actor, Client | null>;
  for (const a of ACTORS) if (a !== 'anonymous') as[a] = await loginAs(t.app, `${a}@gastplek.test`, DEMO_PASSWORD);
  return { ...t, as };
}

export function row<T>(db: DB, sql: string, ...params: unknown[]): T {
  const r = db.$client.prepare(sql).get(...params) as T | undefined;
  if (r === undefined) throw new Error(`fixture query found nothing: ${sql}`);
  return r;
}
