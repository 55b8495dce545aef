import path from 'node:path';
import { spawnSync } from 'node:child_process';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { Client, countRows, createTestApp, createUser, html, text } from '../helpers';
import { childEnv, formPost, holdWriteLock, startServerProcess, tempDir } from './server-process';
import { backupDatabase } from '../../src/cli/backup';
import { restoreDatabase } from '../../src/cli/restore';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../../db/seed/index';

describe('faults: lock contention', () => {
  it('a write waits for another process’s lock and then succeeds', async () => {
    const file = path.join(tempDir(), 'g.db');
    const { app, db } = createTestApp({ dbFile: file, busyTimeoutMs: 3000 });
    const u = await createUser(db);
    const lock = await holdWriteLock(file, 400);
    const res = await new Client(app).post('/password/forgot', { email: u.email });
    expect(res.status).toBe(200);
    await lock.released;
    expect(countRows(db, 'password_tokens')).toBe(1);
    expect(countRows(db, 'outbox')).toBe(1);
    // writeTx waits with its own short retries; SQLite's own timeout is back for other writes.
    expect(db.$client.pragma('busy_timeout', { simple: true })).toBe(3000);
  });

  it('past the busy timeout the user gets 503 with Retry-After, never 500, and nothing is half-written', async () => {
    const file = path.join(tempDir(), 'g.db');
    const { app, db } = createTestApp({ dbFile: file, busyTimeoutMs: 200 });
    const u = await createUser(db);
    const lock = await holdWriteLock(file, 1500);
    const res = await new Client(app).post('/password/forgot', { email: u.email });
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe('5');
    expect(text(await html(res))).toContain('Het is even erg druk.');
    await lock.released;
    expect(countRows(db, 'password_tokens')).toBe(0);
    expect(countRows(db, 'outbox')).toBe(0);
    expect(db.$client.pragma('busy_timeout', { simple: true })).toBe(200); // restored after the timeout, too
  });
});

describe('faults: disk full', () => {
  it('a full database gives 503 with a clear message and works again once there is room', async () => {
    const file = path.join(tempDir(), 'g.db');
    const { app, db, clock } = createTestApp({ dbFile: file });
    const u = await createUser(db);
    db.$client.pragma('wal_checkpoint(TRUNCATE)');
    const pages = db.$client.pragma('page_count', { simple: true }) as number;
    db.$client.pragma(`max_page_count = ${pages}`);
    let full: Response | undefined;
    // Fill the last free pages, then the next write must fail cleanly.
    for (let i = 0; i < 200; i++) {
      clock.advance(16 * 60_000); // past the reset-request limit's window: every request writes a token and a mail
      const res = await new Client(app).post('/password/forgot', { email: u.email });
      if (res.status !== 200) {
        full = res;
        break;
      }
    }
    expect(full?.status).toBe(503);
    const tokens = countRows(db, 'password_tokens');
    expect(countRows(db, 'outbox')).toBe(tokens); // each reset wrote both rows or neither
    db.$client.pragma(`max_page_count = ${pages * 100}`);
    expect((await new Client(app).post('/password/forgot', { email: u.email })).status).toBe(200);
  });
});

describe('faults: errors', () => {
  it('an unexpected error shows a generic page with a request id and no details', async () => {
    const { app } = createTestApp();
    app.get('/test-boom', () => {
      throw new Error('geheime details uit de database');
    });
    const res = await app.request('/test-boom');
    expect(res.status).toBe(500);
    const body = text(await html(res));
    expect(body).toMatch(/Foutcode: [0-9a-f-]{36}/);
    expect(body).not.toContain('geheime details');
  });
});

describe('backup and restore', () => {
  it('backs up online while the server writes; the restored copy boots', async () => {
    const dir = tempDir();
    const live = path.join(dir, 'live.db');
    const server = await startServerProcess(live);
    let writing = true;
    let ok = 0;
    const load = (async () => {
      while (writing) {
        const res = await formPost(`${server.url}/password/forgot`, { email: 'worker@gastplek.test' }, server.url);
        if (res.status === 200) ok++;
        await res.arrayBuffer();
      }
    })();
    await new Promise((r) => setTimeout(r, 300));
    const backup = path.join(dir, 'backup.db');
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/backup.ts', backup], {
      env: childEnv({ DATABASE_PATH: live }),
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    await new Promise((res) => setTimeout(res, 200));
    writing = false;
    await load;
    server.proc.kill('SIGTERM');
    expect(await server.exited).toBe(0);
    expect(ok).toBeGreaterThan(0);

    const copy = new Database(backup, { readonly: true });
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(copy.pragma('foreign_key_check')).toEqual([]);
    const inBackup = (copy.prepare('select count(*) as n from password_tokens').get() as { n: number }).n;
    const inOutbox = (copy.prepare("select count(*) as n from outbox where subject like 'Nieuw wachtwoord%'").get() as { n: number }).n;
    copy.close();
    expect(inBackup).toBe(inOutbox); // a consistent snapshot: no token without its mail

    const restored = path.join(dir, 'restored.db');
    restoreDatabase(backup, restored);
    const again = await startServerProcess(restored);
    const health = await fetch(`${again.url}/healthz`);
    expect(await health.json()).toEqual({ status: 'ok', database: 'ok' });
    again.proc.kill('SIGTERM');
    expect(await again.exited).toBe(0);
  });

  it('refuses to overwrite an existing backup file and to restore over a database in use', async () => {
    const dir = tempDir();
    const { db } = createTestApp({ dbFile: path.join(dir, 'a.db') });
    await backupDatabase(path.join(dir, 'a.db'), path.join(dir, 'b.db'));
    await expect(backupDatabase(path.join(dir, 'a.db'), path.join(dir, 'b.db'))).rejects.toThrow('bestaat al');
    db.$client.exec('BEGIN IMMEDIATE');
    expect(() => restoreDatabase(path.join(dir, 'b.db'), path.join(dir, 'a.db'))).toThrow('in gebruik');
    db.$client.exec('COMMIT');
  });
});

describe('graceful shutdown', () => {
  it('SIGTERM under load: in-flight requests finish, the database closes cleanly, exit code 0', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'g.db');
    const server = await startServerProcess(file);
    // Five demo accounts, five logins each: the most one account may have in flight from one address (ADR 008).
    const inflight = DEMO_ACCOUNTS.flatMap((a) =>
      Array.from({ length: 5 }, () => formPost(`${server.url}/login`, { email: a.email, password: DEMO_PASSWORD }, server.url)),
    );
    await new Promise((r) => setTimeout(r, 20));
    server.proc.kill('SIGTERM');
    const results = await Promise.allSettled(inflight);
    const statuses = results.map((r) => (r.status === 'fulfilled' ? r.value.status : 'refused'));
    // Requests accepted before the signal complete normally; later ones are refused, never cut off.
    expect(statuses.filter((s) => s !== 'refused' && s !== 303)).toEqual([]);
    expect(statuses).toContain(303);
    expect(await server.exited).toBe(0);
    const db = new Database(file);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
  });
});
