import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { locations } from '../../db/schema';
import { openDatabase } from '../../src/db';
import { createOrg, createUser } from '../helpers';
import { startRaceWorker } from '../race';
import { createSpace } from './factory';

const PROCESSES = 6;
const USERS_PER_PROCESS = 5;
const CAPACITY = 3;
const SLOTS = ['2026-11-24:morning', '2026-11-24:afternoon', '2026-11-25:morning'];
const dirs: string[] = [];

afterAll(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

const startWorker = (args: string[]) => startRaceWorker<{ ok: number }>('test/desks/fixtures/book-worker.ts', args);

/** Several OS processes book the same slots of one space on one database file; returns the count per slot. */
async function race(mode: 'safe' | 'naive') {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gastplek-desks-'));
  dirs.push(dir);
  const file = path.join(dir, 'race.db');
  const db = openDatabase(file);
  const hostOrg = createOrg(db);
  const guestOrg = createOrg(db);
  const { spaceId } = createSpace(db, hostOrg.id, { capacity: CAPACITY });
  const groups: string[][] = [];
  for (let p = 0; p < PROCESSES; p++) {
    const ids: string[] = [];
    for (let u = 0; u < USERS_PER_PROCESS; u++) ids.push((await createUser(db, { orgId: guestOrg.id })).id);
    groups.push(ids);
  }
  const workers = groups.map((ids) => startWorker([file, mode, String(spaceId), String(guestOrg.id), SLOTS.join(','), ids.join(',')]));
  // All processes start booking at the same moment, once tsx has loaded in each of them.
  await Promise.all(workers.map((w) => w.ready));
  for (const w of workers) w.go();
  const results = await Promise.all(workers.map((w) => w.done));
  const counts = db.$client
    .prepare(`select date || ':' || daypart as slot, count(*) as n from bookings where status in ('confirmed','pending') group by date, daypart`)
    .all() as { slot: string; n: number }[];
  db.$client.close();
  return { counts, reported: results.reduce((s, r) => s + r.ok, 0) };
}

describe('desk capacity across OS processes', () => {
  it('capacity: 6 processes booking the same slots on one database file → no slot over capacity', async () => {
    const { counts, reported } = await race('safe');
    expect(counts).toHaveLength(SLOTS.length);
    for (const c of counts) expect(c.n, c.slot).toBe(CAPACITY);
    expect(reported).toBe(CAPACITY * SLOTS.length);
  });

  it('capacity: the same race against a naive check-then-insert overbooks (the test catches the bug)', async () => {
    const { counts } = await race('naive');
    expect(Math.max(...counts.map((c) => c.n))).toBeGreaterThan(CAPACITY);
  });
});

const SHARE_MAX = 4;
const SHARE_DATE = '2026-11-24';

/**
 * Fair share (ADR 011): several OS processes book, for workers of the same guest organisation,
 * dagdelen at one location with room for all of them; returns the dagdelen the organisation holds
 * on the date.
 */
async function shareRace(mode: 'safe' | 'naive-share') {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gastplek-share-'));
  dirs.push(dir);
  const file = path.join(dir, 'race.db');
  const db = openDatabase(file);
  const hostOrg = createOrg(db);
  const guestOrg = createOrg(db);
  const { spaceId, locationId } = createSpace(db, hostOrg.id, { capacity: 100 });
  db.update(locations).set({ guestShareMax: SHARE_MAX, guestSharePer: 'day' }).where(eq(locations.id, locationId)).run();
  const groups: string[][] = [];
  for (let p = 0; p < PROCESSES; p++) {
    const ids: string[] = [];
    for (let u = 0; u < 2; u++) ids.push((await createUser(db, { orgId: guestOrg.id })).id);
    groups.push(ids);
  }
  const slots = [`${SHARE_DATE}:morning`, `${SHARE_DATE}:afternoon`];
  const workers = groups.map((ids) => startWorker([file, mode, String(spaceId), String(guestOrg.id), slots.join(','), ids.join(',')]));
  await Promise.all(workers.map((w) => w.ready));
  for (const w of workers) w.go();
  const results = await Promise.all(workers.map((w) => w.done));
  const { n } = db.$client
    .prepare(`select count(*) as n from bookings where guest_org_id = ? and location_id = ? and date = ? and status in ('confirmed','pending')`)
    .get(guestOrg.id, locationId, SHARE_DATE) as { n: number };
  db.$client.close();
  return { held: n, reported: results.reduce((s, r) => s + r.ok, 0) };
}

describe('fair share across OS processes', () => {
  it('fair share: 6 processes booking for one guest organisation at once → never more than N dagdelen on the day', async () => {
    const { held, reported } = await shareRace('safe');
    expect(held).toBe(SHARE_MAX);
    expect(reported).toBe(SHARE_MAX);
  });

  it('fair share: the same race against a naive count-then-insert exceeds N (the test catches the bug)', async () => {
    const { held } = await shareRace('naive-share');
    expect(held).toBeGreaterThan(SHARE_MAX);
  });
});
