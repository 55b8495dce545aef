import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { createTestApp, createUser } from '../helpers';
import { seedDemoData } from '../../db/seed/index';
import { formPost, processClock, startServerProcess, tempDir, type ServerProcess } from './server-process';
import { openWeekdaysAfter } from '../browser/dates';

/**
 * Crash consistency (issue 7): the real server on a database file takes booking load from this
 * process and is killed with SIGKILL at a random moment, again and again. After every restart the
 * file is intact (integrity_check, foreign_key_check), no daypart holds more bookings than its
 * space has desks, and every booking that was answered with success is there.
 * CI kills 10 times; `npm run drill` (DRILL_KILLS=25) more.
 */
const KILLS = Number(process.env.DRILL_KILLS ?? 10);
const WORKERS = 12;
const SPACES = [2, 6, 8]; // capacities 2, 4 and 1: contention on the last desks
/** Weekdays after the servers' today (never today itself, whose dagdelen may be over). */
const DAYS = openWeekdaysAfter(processClock.now(), 30);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(Math.random() * xs.length)]!;

type Confirmed = { email: string; spaceId: number; date: string; dayparts: string[] };

function check(file: string, confirmed: Confirmed[]) {
  const db = new Database(file, { readonly: true });
  try {
    const problems: string[] = [];
    const integrity = db.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok') problems.push(`integrity_check: ${integrity}`);
    const fk = db.pragma('foreign_key_check') as unknown[];
    if (fk.length) problems.push(`foreign_key_check: ${JSON.stringify(fk.slice(0, 5))}`);
    const over = db
      .prepare(
        `select b.space_id, b.date, b.daypart, count(*) as n, s.capacity from bookings b join spaces s on s.id = b.space_id
         where b.status in ('confirmed', 'pending') group by b.space_id, b.date, b.daypart having count(*) > s.capacity`,
      )
      .all();
    if (over.length) problems.push(`over capacity: ${JSON.stringify(over)}`);
    const find = db.prepare(
      "select count(*) as n from bookings b join users u on u.id = b.user_id where u.email = ? and b.space_id = ? and b.date = ? and b.daypart = ? and b.status in ('confirmed', 'pending')",
    );
    for (const c of confirmed)
      for (const daypart of c.dayparts)
        if ((find.get(c.email, c.spaceId, c.date, daypart) as { n: number }).n !== 1) problems.push(`lost: ${c.email} ${c.spaceId} ${c.date} ${daypart}`);
    return problems;
  } finally {
    db.close();
  }
}

describe('crash consistency', () => {
  it(
    `kill -9 under booking load, ${KILLS} times: intact file, capacity holds, nothing answered is lost`,
    async () => {
      const dir = tempDir('gastplek-crash-');
      const file = path.join(dir, 'crash.db');
      const setup = createTestApp({ dbFile: file });
      await seedDemoData(setup.db, processClock.now());
      const workers = [];
      for (let i = 0; i < WORKERS; i++) workers.push(await createUser(setup.db, { email: `crash${i}@example.test`, orgId: 2 }));
      setup.db.$client.close();

      let server: ServerProcess = await startServerProcess(file);
      const cookies = await Promise.all(
        workers.map(async (w) => {
          const res = await formPost(`${server.url}/login`, { email: w.email, password: w.password }, server.url);
          const set = res.headers.getSetCookie().find((c) => c.startsWith('gastplek_session='));
          if (!set) throw new Error(`login ${w.email}: ${res.status}`);
          return set.split(';')[0]!;
        }),
      );

      const confirmed: Confirmed[] = [];
      const problems: string[] = [];
      let answered = 0;
      for (let round = 0; round < KILLS; round++) {
        let running = true;
        const answeredBefore = answered;
        const window = DAYS.slice((round * 2) % (DAYS.length - 3), ((round * 2) % (DAYS.length - 3)) + 3);
        const s = server;
        const load = workers.map(async (w, i) => {
          while (running) {
            const spaceId = pick(SPACES);
            const date = pick(window);
            const daypart = pick(['morning', 'afternoon', 'whole'] as const);
            try {
              const res = await formPost(`${s.url}/desks/spaces/${spaceId}/book`, { date, daypart }, s.url, cookies[i]);
              answered++;
              if (res.status >= 500) problems.push(`round ${round}: ${res.status}`);
              if (res.status === 303 && res.headers.get('location') === '/bookings')
                confirmed.push({ email: w.email, spaceId, date, dayparts: daypart === 'whole' ? ['morning', 'afternoon'] : [daypart] });
            } catch {
              return; // the server is gone: this request's fate is unknown, so it proves nothing
            }
          }
        });
        // Kill once this round is under way (counted in answers, not in time, so a slow machine
        // still kills mid-load), then at a random moment a little later.
        while (answered - answeredBefore < 5 && s.proc.exitCode === null) await new Promise((r) => setTimeout(r, 10));
        await new Promise((r) => setTimeout(r, Math.random() * 300));
        s.proc.kill('SIGKILL');
        await s.exited;
        running = false;
        await Promise.all(load);

        problems.push(...check(file, confirmed).map((p) => `after kill ${round + 1}: ${p}`));
        server = await startServerProcess(file);
        const health = await fetch(`${server.url}/healthz`);
        if (health.status !== 200) problems.push(`after kill ${round + 1}: healthz ${health.status}`);
      }
      server.proc.kill('SIGTERM');
      expect(await server.exited).toBe(0);
      expect(problems).toEqual([]);
      // The drill booked for real (each round waited for answers before the kill).
      expect(answered).toBeGreaterThanOrEqual(KILLS * 5);
      expect(confirmed.length).toBeGreaterThan(0);
      expect(check(file, confirmed)).toEqual([]);
    },
    // A guard against a hang, not a speed check: a busy machine may take 10 s per restart.
    60_000 + KILLS * 20_000,
  );
});
