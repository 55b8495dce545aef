import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { describe, expect, it } from 'vitest';
import { openDatabase, schema, type DB } from '../../src/db';
import { createSpace } from '../desks/factory';
import { createOrg, createUser } from '../helpers';

// Migrations that rebuild a table (SQLite's create-copy-drop-rename) must not lose the rows that
// refer to it: 0010 rebuilds registrations, and attendance_changes refers to registrations with ON
// DELETE CASCADE. openDatabase runs the migrations with foreign keys off (src/db.ts).

const MIGRATIONS = path.resolve(__dirname, '../../db/migrations');

/** A copy of the migrations folder holding only the first `n` migrations. */
function migrationsUpTo(n: number): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gastplek-migrations-'));
  const journal = JSON.parse(fs.readFileSync(path.join(MIGRATIONS, 'meta/_journal.json'), 'utf8')) as { entries: { tag: string }[] };
  const entries = journal.entries.slice(0, n);
  fs.mkdirSync(path.join(dir, 'meta'));
  fs.writeFileSync(path.join(dir, 'meta/_journal.json'), JSON.stringify({ ...journal, entries }));
  for (const e of entries) fs.copyFileSync(path.join(MIGRATIONS, `${e.tag}.sql`), path.join(dir, `${e.tag}.sql`));
  return dir;
}

describe('migrations keep the data that refers to a rebuilt table', () => {
  it('0010 rebuilds registrations: the attendance change log that refers to it survives, and every foreign key holds', () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'gastplek-db-')), 'old.db');
    const old = new Database(file);
    old.pragma('foreign_keys = ON');
    migrate(drizzle(old), { migrationsFolder: migrationsUpTo(10) });
    const run = (sql: string, ...args: unknown[]) => old.prepare(sql).run(...args);
    run("insert into organisations (name, kind, town) values ('CJG Harderwijk', 'cjg', 'Harderwijk')");
    run("insert into users (id, email, name) values ('u1', 'sanne@example.nl', 'Sanne de Vries'), ('f1', 'fac@example.nl', 'Koen Peters')");
    run(
      `insert into meetings (org_id, facilitator_id, title, kind, method, starts_at, ends_at, place_kind, min_participants, max_participants,
         signup_opens_at, signup_closes_at, cancel_deadline_at, visibility)
       values (1, 'f1', 'Intervisie', 'intervisie', 'incident', 10, 20, 'online', 2, 8, 0, 5, 5, 'all')`,
    );
    run("insert into registrations (meeting_id, user_id, org_id, status, presence, minutes_present) values (1, 'u1', 1, 'registered', 'present', 90)");
    run("insert into attendance_changes (registration_id, changed_by, changed_at, new_presence) values (1, 'f1', 5, 'present')");
    old.close();

    const db = openDatabase(file);
    const sqlite = db.$client;
    expect(sqlite.prepare('select registration_id, new_presence from attendance_changes').all()).toEqual([{ registration_id: 1, new_presence: 'present' }]);
    expect(sqlite.prepare('select user_id, presence, minutes_present from registrations').all()).toEqual([
      { user_id: 'u1', presence: 'present', minutes_present: 90 },
    ]);
    expect(sqlite.pragma('foreign_key_check')).toEqual([]);
    expect(sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    // A registration can now be anonymised (0010), keeping what other people's statements count.
    sqlite.prepare('update registrations set user_id = null').run();
    expect(sqlite.prepare('select count(*) as n from registrations where user_id is null').get()).toEqual({ n: 1 });
    sqlite.close();
  });
});

describe('0021 stores the Inzicht rollups WITHOUT ROWID', () => {
  const ROLLUPS = ['insight_host_days', 'insight_guest_days', 'insight_pair_months', 'insight_location_days', 'insight_location_months'];
  const contents = (sqlite: Database.Database) => Object.fromEntries(ROLLUPS.map((t) => [t, sqlite.prepare(`select * from ${t} order by 1, 2, 3`).all()]));

  it('keeps every row of the rollups, and the triggers on bookings keep them up to date afterwards', async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'gastplek-db-')), 'old.db');
    const old = new Database(file);
    migrate(drizzle(old), { migrationsFolder: migrationsUpTo(21) });
    const oldDb = drizzle(old, { schema }) as unknown as DB;
    const host = createOrg(oldDb);
    const guest = createOrg(oldDb);
    const space = createSpace(oldDb, host.id, { capacity: 3 });
    const worker = await createUser(oldDb, { orgId: guest.id });
    const book = (sqlite: Database.Database, date: string, daypart: string, status: string) =>
      sqlite
        .prepare(
          `insert into bookings (space_id, location_id, org_id, user_id, guest_org_id, date, daypart, status, created_at, updated_at)
           values (?, ?, ?, ?, ?, ?, ?, ?, 0, 0)`,
        )
        .run(space.spaceId, space.locationId, host.id, worker.id, guest.id, date, daypart, status);
    book(old, '2026-03-30', 'morning', 'confirmed');
    book(old, '2026-03-30', 'afternoon', 'no_show');
    book(old, '2026-04-01', 'morning', 'declined');
    book(old, '2026-04-02', 'afternoon', 'pending');
    const before = contents(old);
    expect(before.insight_host_days).toHaveLength(3);
    old.close();

    const db = openDatabase(file);
    const sqlite = db.$client;
    for (const t of ROLLUPS) expect(sqlite.prepare("select sql from sqlite_master where type = 'table' and name = ?").pluck().get(t)).toMatch(/WITHOUT ROWID$/);
    expect(contents(sqlite)).toEqual(before);
    // The triggers were made again: a new booking and a cancellation reach every rollup.
    book(sqlite, '2026-04-02', 'morning', 'confirmed');
    sqlite.prepare("update bookings set status = 'cancelled' where date = '2026-03-30' and daypart = 'morning'").run();
    expect(sqlite.prepare("select held, total from insight_host_days where day = '2026-04-02'").get()).toEqual({ held: 1, total: 2 });
    expect(sqlite.prepare("select held from insight_guest_days where day = '2026-03-30'").pluck().get()).toBe(1);
    expect(sqlite.prepare("select held from insight_pair_months where month = '2026-03'").pluck().get()).toBe(1);
    expect(sqlite.prepare("select morning, afternoon from insight_location_days where day = '2026-04-02'").get()).toEqual({ morning: 1, afternoon: 1 });
    expect(sqlite.prepare("select morning from insight_location_months where month = '2026-03'").pluck().get()).toBe(0);
    expect(sqlite.prepare("select count(*) from sqlite_master where type = 'trigger' and name like 'bookings_%'").pluck().get()).toBeGreaterThanOrEqual(6);
    sqlite.close();
  });
});

describe('the foreign key check after migrating', () => {
  const dangling = (sqlite: Database.Database) => {
    sqlite.pragma('foreign_keys = OFF');
    sqlite.prepare("insert into memberships (user_id, org_id, role) values ('nobody', 999, 'member')").run();
  };

  it('stops the start when the migrations applied leave a row that refers to nothing', () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'gastplek-db-')), 'old.db');
    const old = new Database(file);
    migrate(drizzle(old), { migrationsFolder: migrationsUpTo(21) });
    dangling(old);
    old.close();
    expect(() => openDatabase(file)).toThrow(/foreign key violation/);
  });

  it('is skipped when no migration was pending (a start of an up-to-date file does not read every key)', () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'gastplek-db-')), 'new.db');
    openDatabase(file).$client.close();
    const current = new Database(file);
    dangling(current);
    current.close();
    const db = openDatabase(file);
    expect(db.$client.pragma('foreign_key_check')).toHaveLength(2); // the unknown person and the unknown organisation
    db.$client.close();
  });
});
