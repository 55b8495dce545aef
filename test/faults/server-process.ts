import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { serverClock } from '../clock';

/** The clock of the server processes these tests start: TEST_NOW or real time, running on (test/clock.ts). */
export const processClock = serverClock();

/** The environment for a child process, without the variables vitest itself sets (BASE_URL='/', MODE, …). */
export function childEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const k of ['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR', 'NODE_ENV']) delete env[k];
  return { ...env, ...extra };
}

export function tempDir(prefix = 'gastplek-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

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

export type ServerProcess = { url: string; proc: ChildProcess; output: () => string; exited: Promise<number | null> };

/** The real server (`src/server.ts`) as a child process on a database file, its clock set to `processClock`. */
export async function startServerProcess(dbFile: string, env: Record<string, string> = {}): Promise<ServerProcess> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  let out = '';
  const proc = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
    env: {
      ...childEnv(),
      NODE_ENV: 'development',
      PORT: String(port),
      BASE_URL: url,
      DATABASE_PATH: dbFile,
      LOG_LEVEL: 'error',
      SMTP_URL: '',
      TEST_NOW: processClock.now().toISOString(),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  proc.stdout!.on('data', (d) => (out += d));
  proc.stderr!.on('data', (d) => (out += d));
  const exited = new Promise<number | null>((resolve) => proc.once('exit', (code) => resolve(code)));
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (proc.exitCode !== null) throw new Error(`server exited early: ${out}`);
    try {
      const res = await fetch(`${url}/healthz`);
      if (res.ok) break;
    } catch {
      /* not up yet */
    }
    if (Date.now() > deadline) throw new Error(`server did not start: ${out}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return { url, proc, output: () => out, exited };
}

export function formPost(url: string, fields: Record<string, string>, origin: string, cookie?: string) {
  return fetch(url, {
    method: 'POST',
    redirect: 'manual',
    headers: { origin, 'content-type': 'application/x-www-form-urlencoded', ...(cookie ? { cookie } : {}) },
    body: new URLSearchParams(fields),
  });
}

/** A second process that takes SQLite's write lock on `dbFile` and keeps it for `ms`. */
export async function holdWriteLock(dbFile: string, ms: number): Promise<{ released: Promise<void> }> {
  const code = `
    const Database = require('better-sqlite3');
    const db = new Database(process.argv[1]);
    db.exec('BEGIN IMMEDIATE');
    process.stdout.write('locked\\n');
    setTimeout(() => { db.exec('COMMIT'); db.close(); process.exit(0); }, Number(process.argv[2]));
  `;
  const proc = spawn(process.execPath, ['-e', code, dbFile, String(ms)], { stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise<void>((resolve, reject) => {
    proc.stdout!.on('data', (d) => String(d).includes('locked') && resolve());
    proc.once('exit', (c) => reject(new Error(`lock holder exited ${c}`)));
  });
  return { released: new Promise((resolve) => proc.once('exit', () => resolve())) };
}
