import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { bookSpace } from '../../src/desks/bookings';
import { openDatabase, type DB } from '../../src/db';
import { createOrg, createTestApp, createUser } from '../helpers';
import { createSpace } from './factory';

// The in-process concurrency test (40 requests at once) cannot tell whether bookSpace runs in a
// transaction: one event loop runs each synchronous bookSpace to its end before the next. Here a
// second connection on the same database file — another server process, in effect — tries to
// take the last desk at the worst moment: after bookSpace has counted the desks taken, before it
// inserts. Under BEGIN IMMEDIATE that write must find the database locked (SQLITE_BUSY); without
// the transaction it gets in and the slot ends up over capacity.

const TOMORROW = '2026-11-24';
const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

/** Calls `hook` right after each run of a statement whose SQL matches, on this connection. */
function afterStatement(db: DB, matches: (source: string) => boolean, hook: () => void) {
  const sqlite = db.$client;
  const prepare = sqlite.prepare.bind(sqlite);
  const hooked = new WeakSet<object>();
  sqlite.prepare = ((source: string) => {
    const stmt = prepare(source);
    if (!matches(source) || hooked.has(stmt)) return stmt;
    hooked.add(stmt);
    for (const method of ['get', 'all'] as const) {
      const run = stmt[method].bind(stmt) as (...args: unknown[]) => unknown;
      (stmt as unknown as Record<string, unknown>)[method] = (...args: unknown[]) => {
        const result = run(...args);
        hook();
        return result;
      };
    }
    return stmt;
  }) as typeof sqlite.prepare;
}

const isCapacityCount = (source: string) => /count\(\*\)/.test(source) && /from "bookings"/.test(source) && /"bookings"\."space_id" = \?/.test(source);

describe('desk capacity: the booking holds the write lock from count to insert', () => {
  it('capacity: another connection writing between the count and the insert is refused (busy), so the last desk is never taken twice', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gastplek-tx-'));
    dirs.push(dir);
    const file = path.join(dir, 'tx.db');
    const t = createTestApp({ dbFile: file });
    // Another process: same file, its own connection, and no patience for a lock.
    const other = openDatabase(file, { migrate: false, busyTimeoutMs: 0 });
    const hostOrg = createOrg(t.db);
    const guestOrg = createOrg(t.db);
    const space = createSpace(t.db, hostOrg.id, { capacity: 1 });
    const first = await createUser(t.db, { orgId: guestOrg.id });
    const second = await createUser(t.db, { orgId: guestOrg.id });
    const insertElsewhere = other.$client.prepare(
      `insert into bookings (space_id, location_id, org_id, user_id, guest_org_id, date, daypart, status, updated_at) values (?, ?, ?, ?, ?, ?, 'morning', 'confirmed', 0)`,
    );

    const attempts: string[] = [];
    afterStatement(t.db, isCapacityCount, () => {
      if (attempts.length > 0) return;
      try {
        insertElsewhere.run(space.spaceId, space.locationId, hostOrg.id, second.id, guestOrg.id, TOMORROW);
        attempts.push('written');
      } catch (err) {
        attempts.push(String((err as { code?: string }).code));
      }
    });

    const result = bookSpace(
      t.db,
      { spaceId: space.spaceId, userId: first.id, guestOrgId: guestOrg.id, date: TOMORROW, dayparts: ['morning'], note: null },
      t.clock.now(),
    );
    // The hook really ran inside the booking, between its count and its insert.
    expect(attempts).toHaveLength(1);
    expect(attempts[0]).toMatch(/^SQLITE_BUSY/);
    expect(result).toMatchObject({ ok: true });
    const active = other.$client.prepare(
      `select count(*) as n from bookings where space_id = ? and date = ? and daypart = 'morning' and status in ('confirmed','pending')`,
    );
    expect((active.get(space.spaceId, TOMORROW) as { n: number }).n).toBe(1);

    // Once the booking has committed, the other process sees the new count: its booking is refused as full.
    const theirs = bookSpace(
      other,
      { spaceId: space.spaceId, userId: second.id, guestOrgId: guestOrg.id, date: TOMORROW, dayparts: ['morning'], note: null },
      t.clock.now(),
    );
    expect(theirs).toMatchObject({ ok: false, reason: 'full' });
    expect((active.get(space.spaceId, TOMORROW) as { n: number }).n).toBe(1);
    other.$client.close();
    t.db.$client.close();
  });
});
