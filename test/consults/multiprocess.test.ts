import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db';
import { createUser } from '../helpers';
import { startRaceWorker } from '../race';
import { consultWorld, createHours } from './factory';

const PROCESSES = 6;
const USERS_PER_PROCESS = 3;
const dirs: string[] = [];

afterAll(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

describe('a consult slot across OS processes', () => {
  it('capacity 1: 6 processes booking the same slot for 18 people on one database file → exactly one booked row, the rest told it is taken', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gastplek-consults-'));
    dirs.push(dir);
    const file = path.join(dir, 'race.db');
    const db = openDatabase(file);
    const w = await consultWorld(db);
    const hour = createHours(db, { expertId: w.expert.id, orgId: w.cjg.id, locationId: w.open.locationId });
    const groups: string[][] = [];
    for (let p = 0; p < PROCESSES; p++) {
      const ids: string[] = [];
      for (let u = 0; u < USERS_PER_PROCESS; u++) ids.push((await createUser(db, { orgId: w.partner.id })).id);
      groups.push(ids);
    }
    const workers = groups.map((ids) =>
      startRaceWorker<{ ok: number; refused: Record<string, number> }>('test/consults/fixtures/book-worker.ts', [
        file,
        String(hour),
        '2',
        String(w.tags.get('LVB')),
        ids.join(','),
      ]),
    );
    await Promise.all(workers.map((x) => x.ready));
    for (const x of workers) x.go();
    const results = await Promise.all(workers.map((x) => x.done));
    const booked = db.$client.prepare("select slot, count(*) as n from consult_bookings where status = 'booked' group by slot").all();
    // The booker and the expert each got one message, for the one booking only.
    const mails = (db.$client.prepare('select count(*) as n from outbox').get() as { n: number }).n;
    db.$client.close();
    expect(booked).toEqual([{ slot: 2, n: 1 }]);
    expect(results.reduce((s, r) => s + r.ok, 0)).toBe(1);
    expect(results.reduce((s, r) => s + (r.refused.taken ?? 0), 0)).toBe(PROCESSES * USERS_PER_PROCESS - 1);
    expect(mails).toBe(2);
  }, 60_000);
});
