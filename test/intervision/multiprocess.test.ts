import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db';
import { createOrg, createUser } from '../helpers';
import { startRaceWorker } from '../race';
import { makeMeeting } from './fixtures';

const PROCESSES = 5;
const PEOPLE_PER_PROCESS = 4;
const MAX = 6;
const dirs: string[] = [];

afterAll(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

const startWorker = (args: string[]) => startRaceWorker<{ registered: number }>('test/intervision/fixtures/signup-worker.ts', args);

/** Several OS processes sign 20 people up for a meeting of 6 on one database file. */
async function race(mode: 'safe' | 'naive') {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gastplek-intervision-'));
  dirs.push(dir);
  const file = path.join(dir, 'race.db');
  const db = openDatabase(file);
  const host = createOrg(db);
  const guests = createOrg(db);
  const facilitator = await createUser(db, { orgId: host.id, roles: ['facilitator'] });
  const meetingId = makeMeeting(db, facilitator.id, host.id, { maxParticipants: MAX, minParticipants: 1 });
  const groups: string[][] = [];
  for (let p = 0; p < PROCESSES; p++) {
    const ids: string[] = [];
    for (let u = 0; u < PEOPLE_PER_PROCESS; u++) ids.push((await createUser(db, { orgId: guests.id })).id);
    groups.push(ids);
  }
  const workers = groups.map((ids) => startWorker([file, mode, String(meetingId), String(guests.id), ids.join(',')]));
  await Promise.all(workers.map((w) => w.ready));
  for (const w of workers) w.go();
  await Promise.all(workers.map((w) => w.done));
  const rows = db.$client.prepare('select status, count(*) as n from registrations where meeting_id = ? group by status').all(meetingId) as {
    status: string;
    n: number;
  }[];
  db.$client.close();
  const by = Object.fromEntries(rows.map((r) => [r.status, r.n]));
  return { registered: by.registered ?? 0, waitlisted: by.waitlisted ?? 0 };
}

describe('intervision sign-ups across OS processes', () => {
  it('capacity: 5 processes signing 20 people up for 6 places → exactly 6 registered, 14 waiting', async () => {
    expect(await race('safe')).toEqual({ registered: MAX, waitlisted: PROCESSES * PEOPLE_PER_PROCESS - MAX });
  });

  it('capacity: the same race against a naive count-then-insert registers too many (the test catches the bug)', async () => {
    const { registered } = await race('naive');
    expect(registered).toBeGreaterThan(MAX);
  });
});
