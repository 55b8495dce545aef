import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { createTestApp, createOrg, createUser, PASSWORD } from '../helpers';
import { createSpace } from '../desks/factory';
import { formPost, processClock, startServerProcess, tempDir } from './server-process';
import { nextOpenWeekday } from '../browser/dates';

/**
 * The server processes the primary `pid` forked (from /proc, so no ps or pgrep is needed): its
 * children that carry GASTPLEK_WORKER_INDEX. Not every child: with a cold transform cache, tsx
 * gives the primary an esbuild service process too, and the count of two never came.
 */
function childPids(pid: number): number[] {
  const kids: number[] = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      // pid (comm) state ppid …: comm may contain spaces, so read after the last ')'.
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (
        ppid === pid &&
        fs
          .readFileSync(`/proc/${entry}/environ`, 'utf8')
          .split('\0')
          .some((v) => v.startsWith('GASTPLEK_WORKER_INDEX='))
      )
        kids.push(Number(entry));
    } catch {
      /* the process ended while we looked */
    }
  }
  return kids;
}

const alive = (pid: number) => fs.existsSync(`/proc/${pid}`) && !fs.readFileSync(`/proc/${pid}/stat`, 'utf8').includes(') Z ');

async function until<T>(what: string, f: () => T | undefined | false, ms = 20_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = f();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what} (last: ${JSON.stringify(v)})`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('several server processes (WORKERS=2, node:cluster)', () => {
  it('two processes share the port and the file: the capacity rule holds across them, a killed one is replaced, SIGTERM stops all with exit 0', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'cluster.db');
    // A host with one space for 3 people, and 16 workers of a partner organisation.
    const t = createTestApp({ dbFile: file });
    const host = createOrg(t.db, { name: 'CJG Ede' });
    const guest = createOrg(t.db, { name: 'GGD Gelderland-Zuid' });
    const space = createSpace(t.db, host.id, { capacity: 3, town: 'Ede' });
    const workers = await Promise.all(Array.from({ length: 16 }, (_, i) => createUser(t.db, { orgId: guest.id, name: `Medewerker ${i}` })));
    t.db.$client.close();

    const date = nextOpenWeekday(processClock.now());
    const server = await startServerProcess(file, { WORKERS: '2', LOG_LEVEL: 'info' });
    const primary = server.proc.pid!;
    try {
      const first = await until('two server processes', () => {
        const kids = childPids(primary);
        return kids.length === 2 && kids;
      });
      // Both must be listening before the race, or (on a busy machine, where the second is still
      // starting) the primary hands every connection to the first. A new connection per request
      // (the primary deals connections round-robin) until both have answered (their log lines name them).
      const answered = () =>
        new Set(
          server
            .output()
            .split('\n')
            .filter((l) => l.includes('"event":"request"'))
            .map((l) => (JSON.parse(l) as { pid: number }).pid),
        );
      for (let i = 0; answered().size < 2; i++) {
        if (i > 600) throw new Error(`only ${[...answered()]} of ${first} answered`);
        await fetch(`${server.url}/healthz`, { headers: { connection: 'close' } });
        await new Promise((r) => setTimeout(r, 100));
      }
      expect([...answered()].every((p) => first.includes(p))).toBe(true);
      // Each process gets a thread pool of 2 (argon2 holds 19 MiB per password check on it) and one malloc arena.
      for (const pid of first)
        expect(fs.readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0')).toEqual(expect.arrayContaining(['UV_THREADPOOL_SIZE=2', 'MALLOC_ARENA_MAX=1']));

      const cookies = await Promise.all(
        workers.map(async (w) => {
          const res = await formPost(`${server.url}/login`, { email: w.email, password: PASSWORD }, server.url);
          expect(res.status).toBe(303);
          return res.headers.getSetCookie()[0]!.split(';')[0]!;
        }),
      );
      const answers = await Promise.all(
        cookies.map((cookie) => formPost(`${server.url}/desks/spaces/${space.spaceId}/book`, { date, daypart: 'morning' }, server.url, cookie)),
      );
      const statuses = answers.map((r) => r.status).sort();
      expect(statuses.filter((s) => s === 303)).toHaveLength(3);
      expect(statuses.filter((s) => s !== 303 && s !== 422)).toEqual([]);
      const db = new Database(file, { readonly: true });
      const held = db
        .prepare("select count(*) as n from bookings where space_id = ? and date = ? and daypart = 'morning' and status in ('confirmed','pending')")
        .get(space.spaceId, date) as { n: number };
      db.close();
      expect(held.n).toBe(3);

      // A server process that dies is replaced; the site keeps answering.
      process.kill(first[0]!, 'SIGKILL');
      const second = await until('a replacement process', () => {
        const kids = childPids(primary);
        return kids.length === 2 && !kids.includes(first[0]!) && kids;
      });
      expect(second).toContain(first[1]);
      expect((await fetch(`${server.url}/healthz`)).status).toBe(200);

      server.proc.kill('SIGTERM');
      expect(await server.exited).toBe(0);
      for (const pid of second) expect(alive(pid), `process ${pid} still running`).toBe(false);
      const after = new Database(file);
      expect(after.pragma('integrity_check', { simple: true })).toBe('ok');
      after.close();
    } finally {
      // On a failure above: leave no server behind (the primary's SIGTERM stops its processes).
      if (server.proc.exitCode === null) server.proc.kill('SIGTERM');
      for (const pid of childPids(primary)) process.kill(pid, 'SIGKILL');
    }
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
