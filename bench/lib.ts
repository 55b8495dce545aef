import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import Database from 'better-sqlite3';
import { openDatabase } from '../src/db';
import { bookSpace } from '../src/desks/bookings';
import { BENCH_PASSWORD } from './generate';

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

export type Child = { url: string; proc: ChildProcess; stop: () => Promise<void> };

/**
 * The Node options `npm start` gives the built server (package.json), so that the bench and the
 * load test measure the server as production runs it.
 */
export function startNodeArgs(): string[] {
  const pkg = JSON.parse(fs.readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { scripts: { start: string } };
  const run = /node ((?:--\S+ )*)dist\/server\.mjs/.exec(pkg.scripts.start);
  if (!run) throw new Error(`package.json start script does not run dist/server.mjs: ${pkg.scripts.start}`);
  return run[1]!.trim().split(' ').filter(Boolean);
}

/** Builds the server as `npm start` does (scripts/build.mjs) and returns its entry, dist/server.mjs. */
export function buildServer(): string {
  const r = spawnSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
  if (r.status !== 0) throw new Error('scripts/build.mjs failed');
  return 'dist/server.mjs';
}

/**
 * A server as its own OS process (`node <entry>` for a built .mjs, else `node --import tsx <entry>`),
 * output to a log file so that the bench process does not spend CPU on it. Ready when `readyPath` answers.
 */
export async function startChild(
  entry: string,
  opts: { env?: Record<string, string>; logFile: string; readyPath: string; nodeArgs?: string[] },
): Promise<Child> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const out = fs.openSync(opts.logFile, 'a');
  const env = { ...process.env };
  // TEST_NOW shifts only development and test servers; the bench data is generated for the real today.
  for (const k of ['BASE_URL', 'NODE_ENV', 'DATABASE_PATH', 'SMTP_URL', 'LOG_LEVEL', 'TEST_NOW']) delete env[k];
  const proc = spawn(process.execPath, [...(opts.nodeArgs ?? []), ...(entry.endsWith('.mjs') ? [] : ['--import', 'tsx']), entry], {
    env: { ...env, PORT: String(port), BASE_URL: url, ...opts.env },
    stdio: ['ignore', out, out],
  });
  fs.closeSync(out);
  const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (proc.exitCode !== null) throw new Error(`${entry} exited early; see ${opts.logFile}:\n${fs.readFileSync(opts.logFile, 'utf8').slice(-2000)}`);
    try {
      const res = await fetch(url + opts.readyPath);
      if (res.ok) break;
    } catch {
      /* not up yet */
    }
    if (Date.now() > deadline) throw new Error(`${entry} did not start; see ${opts.logFile}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    proc,
    stop: async () => {
      if (proc.exitCode === null) proc.kill('SIGTERM');
      await exited;
    },
  };
}

export type Measured = {
  scenario: string;
  rps: number;
  p50: number;
  p99: number;
  mean: number;
  total: number;
  seconds: number;
  status: { '2xx': number; '3xx': number; '4xx': number; '5xx': number };
  errors: number;
  /**
   * Mean response time in ms from each response's own timer. autocannon's latency histogram keeps
   * whole milliseconds (its mean and percentiles are of truncated values, ~0.5 ms low on average),
   * which is too coarse for a service time under a millisecond.
   */
  meanExact: number;
  /** CPU time the server's processes spent per answered request (ms), when the server was given. */
  serverCpuMs?: number;
  /** CPU time the load generator (autocannon, in this process) spent per answered request (ms). */
  loadCpuMs?: number;
  note?: string;
};

/**
 * Runs autocannon; given the server's pid, also the CPU time per request of the server (all its
 * processes, from /proc) and of the load generator, which share the machine's cores: what bounds
 * a rate is the CPU both need per request (bench/RESULTS.md).
 */
export async function measure(scenario: string, opts: autocannon.Options, serverPid?: number): Promise<Measured> {
  const server0 = serverPid ? cpuMsOfTree(serverPid) : NaN;
  const load0 = process.cpuUsage();
  let timed = 0;
  let timedMs = 0;
  const r = await new Promise<autocannon.Result>((resolve, reject) => {
    const run = autocannon(opts, (err, result) => (err ? reject(err) : resolve(result)));
    run.on('response', (_client, _status, _bytes, ms) => {
      timed++;
      timedMs += ms;
    });
  });
  const load = process.cpuUsage(load0);
  const server = serverPid ? cpuMsOfTree(serverPid) - server0 : NaN;
  const answered = Math.max(1, r.requests.total);
  return {
    ...(serverPid ? { serverCpuMs: server / answered } : {}),
    loadCpuMs: (load.user + load.system) / 1000 / answered,
    scenario,
    rps: r.requests.average,
    p50: r.latency.p50,
    p99: r.latency.p99,
    mean: r.latency.mean,
    meanExact: timed ? timedMs / timed : NaN,
    total: r.requests.total,
    seconds: r.duration,
    status: { '2xx': r['2xx'], '3xx': r['3xx'], '4xx': r['4xx'], '5xx': r['5xx'] },
    errors: r.errors + r.timeouts,
  };
}

export function machine() {
  const cpuinfo = fs.existsSync('/proc/cpuinfo') ? fs.readFileSync('/proc/cpuinfo', 'utf8') : '';
  const model = /model name\s*:\s*(.+)/.exec(cpuinfo)?.[1]?.trim() ?? os.cpus()[0]?.model ?? 'unknown';
  return {
    cpu: model,
    cores: os.availableParallelism(),
    memoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    os: `${os.type()} ${os.release()}`,
  };
}

export const fmt = (n: number, digits = 0) =>
  Number.isFinite(n) ? n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits }) : 'n/a';

export function formHeaders(origin: string, cookie?: string) {
  return { origin, 'content-type': 'application/x-www-form-urlencoded', ...(cookie ? { cookie } : {}) };
}

/** A real login (POST /login → 303); returns the `gastplek_session=…` cookie pair. */
export async function login(url: string, email: string): Promise<string> {
  const res = await fetch(`${url}/login`, {
    method: 'POST',
    redirect: 'manual',
    headers: formHeaders(url),
    body: new URLSearchParams({ email, password: BENCH_PASSWORD }),
  });
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith('gastplek_session='));
  if (res.status !== 303 || !cookie) throw new Error(`login of ${email} failed: ${res.status}`);
  return cookie.split(';')[0]!;
}

/**
 * autocannon stops sending at the end of a run, but the server may still hold a backlog of
 * accepted requests (seconds of it, at the p99s seen here); wait until it answers promptly
 * again so that the next scenario does not pay for the previous one.
 */
export async function drain(server: Child) {
  for (let i = 0; i < 100; i++) {
    const t = performance.now();
    await fetch(`${server.url}/healthz`);
    if (performance.now() - t < 5) return;
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** Space/date/daypart slots holding more desks than the capacity, and people with two places in one dagdeel. */
export function integrity(file: string) {
  const db = new Database(file, { readonly: true });
  try {
    const over = db
      .prepare(
        `select count(*) as n from (select space_id, date, daypart, count(*) as held from bookings
           where status in ('confirmed','pending') group by space_id, date, daypart) t
         join spaces s on s.id = t.space_id where t.held > s.capacity`,
      )
      .get() as { n: number };
    const doubled = db
      .prepare(
        `select count(*) as n from (select 1 from bookings where status in ('confirmed','pending')
           group by user_id, date, daypart having count(*) > 1)`,
      )
      .get() as { n: number };
    return { overbooked: over.n, doubleBooked: doubled.n };
  } finally {
    db.close();
  }
}

/** Clock ticks per second of /proc/<pid>/stat's CPU times (`getconf CLK_TCK`, 100 on Linux). */
const CLOCK_TICKS = (() => {
  const r = spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' });
  return Number(r.stdout?.trim()) || 100;
})();

/** A process and all its descendants (the cluster's workers), from /proc; empty where /proc is missing or the process is gone. */
function processTree(pid: number): number[] {
  try {
    const children = fs.readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
    return [pid, ...children.flatMap(processTree)];
  } catch {
    return [];
  }
}

/** `read` of each process of the tree that answers (a process may end while it is read). */
function perProcess(pid: number, read: (pid: number) => number): Map<number, number> {
  const by = new Map<number, number>();
  for (const p of processTree(pid)) {
    try {
      const v = read(p);
      if (Number.isFinite(v)) by.set(p, v);
    } catch {
      /* gone */
    }
  }
  return by;
}

/** The sum over a process tree; NaN where nothing could be read (no /proc). */
function sumOfTree(pid: number, read: (pid: number) => number): number {
  const by = perProcess(pid, read);
  return by.size ? [...by.values()].reduce((a, b) => a + b, 0) : NaN;
}

/** CPU time (ms, user + system) used so far by a process and its children (the cluster's workers), from /proc; NaN without /proc. */
export function cpuMsOfTree(pid: number): number {
  return sumOfTree(pid, (p) => {
    // Fields after the command name: state is the 1st, utime the 12th, stime the 13th.
    const fields = fs.readFileSync(`/proc/${p}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS;
  });
}

/** Resident memory (MiB) of a process and of each of its children (the cluster's workers), from /proc; empty where /proc is missing. */
export function rssByProcess(pid: number): Map<number, number> {
  return perProcess(pid, (p) => Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${p}/status`, 'utf8'))?.[1] ?? NaN) / 1024);
}

/**
 * Proportional set size (MiB) of a process and its children: each page shared between them (the
 * node binary and libraries every process maps) counted once in all, so the sum is the memory the
 * server really occupies; a sum of RSS counts the shared pages once per process.
 */
export function pssOfTree(pid: number): number {
  return sumOfTree(pid, (p) => Number(/^Pss:\s+(\d+)/m.exec(fs.readFileSync(`/proc/${p}/smaps_rollup`, 'utf8'))?.[1] ?? NaN) / 1024);
}

/**
 * The resident pages (MiB) of each process's own executable (the node binary, from
 * /proc/<pid>/smaps): file pages shared by every server process, which a sum of RSS counts once
 * per process and PSS once in all. Empty where /proc is missing.
 */
export function binaryRssByProcess(pid: number): Map<number, number> {
  return perProcess(pid, (p) => {
    const exe = fs.readlinkSync(`/proc/${p}/exe`);
    let kib = 0;
    let inBinary = false;
    for (const line of fs.readFileSync(`/proc/${p}/smaps`, 'utf8').split('\n')) {
      const mapping = /^[0-9a-f]+-[0-9a-f]+ \S+ \S+ \S+ \S+\s+(.*)$/.exec(line);
      if (mapping) inBinary = mapping[1] === exe;
      else if (inBinary && line.startsWith('Rss:')) kib += Number(line.split(/\s+/)[1]);
    }
    return kib / 1024;
  });
}

/** Peaks over a run: `total` the sum of RSS over all processes, `pss` the sum of their PSS (shared pages once). */
export type RssPeak = { total: number; largestProcess: number; processes: number; pss: number };

/** Samples rssByProcess and pssOfTree every 250 ms until stopped: the highest totals, and the highest RSS of any one process. */
export function sampleRss(pid: number) {
  const peak: RssPeak = { total: 0, largestProcess: 0, processes: 0, pss: 0 };
  const sample = () => {
    const by = rssByProcess(pid);
    const total = [...by.values()].reduce((a, b) => a + b, 0);
    if (total > peak.total) Object.assign(peak, { total, processes: by.size });
    peak.largestProcess = Math.max(peak.largestProcess, ...by.values());
    const pss = pssOfTree(pid);
    if (pss > peak.pss) peak.pss = pss;
  };
  sample();
  const timer = setInterval(sample, 250);
  return {
    stop: (): RssPeak => {
      clearInterval(timer);
      sample();
      return { ...peak };
    },
  };
}

/**
 * The physical limit of one SQLite writer on this machine (issue #18): a bare loop of committed
 * write transactions, each `BEGIN IMMEDIATE; INSERT one booking-sized row; COMMIT`, with the
 * project's durability settings (src/db.ts: WAL, synchronous=FULL), on a file in `dir` (the same
 * disk as the bench database), for `seconds`. No HTTP, no rules, no outbox: what a booking can at
 * best approach.
 */
export function sqliteWriteCeiling(dir: string, seconds = 3): { commitsPerSecond: number; commits: number; pagesPerCommit: number } {
  const file = path.join(dir, 'ceiling.db');
  const db = new Database(file);
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.exec(`create table bookings (id integer primary key, space_id integer not null, user_id text not null, date text not null,
      daypart text not null, status text not null, created_at integer not null)`);
    db.exec('create index bookings_slot on bookings (space_id, date, daypart, status)');
    const insert = db.prepare("insert into bookings (space_id, user_id, date, daypart, status, created_at) values (?, ?, ?, 'morning', 'confirmed', ?)");
    const commit = db.transaction((i: number) => insert.run(i % 2500, `user-${i % 50_000}`, `2026-12-${String((i % 28) + 1).padStart(2, '0')}`, Date.now()));
    const end = performance.now() + seconds * 1000;
    const start = performance.now();
    let n = 0;
    while (performance.now() < end) commit.immediate(n++);
    const commitsPerSecond = n / ((performance.now() - start) / 1000);
    return {
      commitsPerSecond,
      commits: n,
      pagesPerCommit: pagesPerCommit(db, 200, () => {
        commit.immediate(n++);
        return true;
      }),
    };
  } finally {
    db.close();
    for (const f of [file, `${file}-wal`, `${file}-shm`]) fs.rmSync(f, { force: true });
  }
}

/**
 * Pages a write transaction puts in the WAL (what its COMMIT writes and syncs), counted apart from
 * the timed loop: automatic checkpoints are off for these `runs` transactions only. A `write` that
 * returns false wrote nothing (a refused booking) and is not counted; NaN when none wrote.
 */
function pagesPerCommit(db: Database.Database, runs: number, write: () => boolean | undefined): number {
  db.pragma('wal_checkpoint(TRUNCATE)');
  const auto = db.pragma('wal_autocheckpoint', { simple: true }) as number;
  db.pragma('wal_autocheckpoint = 0');
  try {
    let wrote = 0;
    for (let i = 0; i < runs; i++) if (write() !== false) wrote++;
    const { log } = (db.pragma('wal_checkpoint(PASSIVE)') as { log: number }[])[0]!;
    return wrote === 0 ? Number.NaN : log / wrote;
  } finally {
    db.pragma(`wal_autocheckpoint = ${auto}`);
    db.pragma('wal_checkpoint(TRUNCATE)');
  }
}

export type Dagdeel = { date: string; daypart: 'morning' | 'afternoon' };

/** Both dagdelen of each date, in date order. */
export function dagdelen(dates: string[]): Dagdeel[] {
  return dates.flatMap((date) => (['morning', 'afternoon'] as const).map((daypart) => ({ date, daypart })));
}

/**
 * The booking transaction alone (issue #18): `bookSpace` in this process, one booking after the
 * other on `file` with the server's own connection settings (openDatabase: WAL, synchronous=FULL),
 * each person taking their own free dagdelen on the given spaces, for `seconds`. No HTTP, no
 * session, no page: the most one writer can book with every rule checked and everything a booking
 * writes (the row, its indexes, the Inzicht rollups by trigger, the confirmation in the outbox).
 * `unsynced` measures the same without any fsync (synchronous=OFF on this connection only): not a
 * setting the server could use, but the most any sharing of commits (group commit) could give,
 * because the statements, indexes and triggers of each booking remain.
 */
export function bookingTransactionCeiling(
  file: string,
  o: { people: string[]; spaces: number[]; guestOrgId: number; slots: Dagdeel[]; seconds?: number; unsynced?: boolean },
): { perSecond: number; booked: number; wallMs: number; cpuMs: number; pagesPerCommit: number } {
  const db = openDatabase(file, { migrate: false });
  try {
    const sqlite = db.$client;
    if (o.unsynced) sqlite.pragma('synchronous = OFF');
    const ids = sqlite.prepare(`select id from users where email in (select value from json_each(?))`).pluck().all(JSON.stringify(o.people)) as string[];
    const slots = o.slots;
    const now = new Date();
    let k = 0;
    const bookOne = () => {
      const i = k++;
      const slot = slots[Math.floor(i / ids.length) % slots.length]!;
      const input = {
        spaceId: o.spaces[(i * 7919) % o.spaces.length]!,
        userId: ids[i % ids.length]!,
        guestOrgId: o.guestOrgId,
        date: slot.date,
        dayparts: [slot.daypart],
        note: null,
        baseUrl: 'http://localhost',
      };
      return bookSpace(db, input, now).ok;
    };
    // The last (person, dagdeel) pairs are kept for counting pages: once every pair is used, a booking
    // is refused and writes nothing (on a fast machine the timed loop can get that far).
    const pairs = ids.length * slots.length;
    const spare = Math.min(200, Math.floor(pairs / 10));
    const cpu0 = process.cpuUsage();
    const start = performance.now();
    const end = start + (o.seconds ?? 3) * 1000;
    let booked = 0;
    while (performance.now() < end && k < pairs - spare) if (bookOne()) booked++;
    const ms = performance.now() - start;
    const cpu = process.cpuUsage(cpu0);
    return {
      perSecond: booked / (ms / 1000),
      booked,
      wallMs: ms / k,
      cpuMs: (cpu.user + cpu.system) / 1000 / k,
      pagesPerCommit: pagesPerCommit(sqlite, spare, bookOne),
    };
  } finally {
    db.$client.close();
  }
}
