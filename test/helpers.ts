import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { onTestFinished } from 'vitest';
import { renderAttachment } from '../src/calendar/ics';
import { parse, type HTMLElement } from 'node-html-parser';
import { createApp, type App } from '../src/app';
import { loadConfig, type Config } from '../src/config';
import { openDatabase, type DB } from '../src/db';
import { hashPassword } from '../src/auth/password';
import { memberships, organisations, users, type OrgKind, type OrgRole } from '../db/schema';
import { newId } from '../src/lib/tokens';

export const ORIGIN = 'http://localhost:3000';
export const PASSWORD = 'correct horse battery';

/** A clock the test moves by hand. */
export class TestClock {
  constructor(public current: Date = new Date('2026-11-23T09:00:00Z')) {}
  now = () => new Date(this.current);
  set(iso: string) {
    this.current = new Date(iso);
  }
  advance(ms: number) {
    this.current = new Date(this.current.getTime() + ms);
  }
}

export type TestApp = { app: App; db: DB; config: Config; clock: TestClock };

export function createTestApp(opts: { env?: Record<string, string>; dbFile?: string; clock?: TestClock; busyTimeoutMs?: number } = {}): TestApp {
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', BASE_URL: ORIGIN, ...opts.env });
  const db = openDatabase(opts.dbFile ?? ':memory:', { busyTimeoutMs: opts.busyTimeoutMs });
  const clock = opts.clock ?? new TestClock();
  const app = createApp({ db, config, now: clock.now });
  return { app, db, config, clock };
}

/**
 * A test app on a fresh database file, and a second connection to that file as another server
 * process has it (`other`; `run` writes through it). Both go when the test ends.
 */
export function createTestAppWithOtherProcess(
  clock: TestClock,
): TestApp & { file: string; other: Database.Database; run: (sql: string, ...args: unknown[]) => Database.RunResult } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gastplek-two-processes-'));
  const file = path.join(dir, 'g.db');
  const t = createTestApp({ dbFile: file, clock });
  const other = new Database(file);
  other.pragma('busy_timeout = 5000');
  onTestFinished(() => {
    other.close();
    t.db.$client.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
  return { ...t, file, other, run: (sql, ...args) => other.prepare(sql).run(...args) };
}

let passwordHash: Promise<string> | undefined;
const defaultHash = () => (passwordHash ??= hashPassword(PASSWORD));

let seq = 0;
export function createOrg(db: DB, o: { name?: string; kind?: OrgKind; town?: string } = {}) {
  seq++;
  return db
    .insert(organisations)
    .values({ name: o.name ?? `Organisatie ${seq}`, kind: o.kind ?? 'cjg', town: o.town ?? 'Harderwijk' })
    .returning()
    .get();
}

export async function createUser(
  db: DB,
  o: { email?: string; name?: string; orgId?: number; roles?: OrgRole[]; networkAdmin?: boolean; password?: string; deactivated?: boolean } = {},
) {
  seq++;
  const id = newId();
  const email = o.email ?? `persoon${seq}@example.test`;
  db.insert(users)
    .values({
      id,
      email,
      name: o.name ?? `Persoon ${seq}`,
      passwordHash: o.password ? await hashPassword(o.password) : await defaultHash(),
      isNetworkAdmin: o.networkAdmin ?? false,
      deactivatedAt: o.deactivated ? new Date() : null,
    })
    .run();
  if (o.orgId !== undefined) {
    for (const role of new Set<OrgRole>(['member', ...(o.roles ?? [])])) db.insert(memberships).values({ userId: id, orgId: o.orgId, role }).run();
  }
  return { id, email, password: o.password ?? PASSWORD };
}

/** A browser-like client: keeps cookies, sends our Origin on unsafe requests, never follows redirects. */
export class Client {
  cookies = new Map<string, string>();
  constructor(public app: App) {}

  private cookieHeader() {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  private remember(res: Response) {
    for (const line of res.headers.getSetCookie()) {
      const [pair = '', ...attrs] = line.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      const expired = attrs.some((a) => /max-age=0/i.test(a.trim())) || value === '';
      if (expired) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  async request(path: string, init: RequestInit = {}) {
    const headers = new Headers(init.headers);
    if (this.cookies.size && !headers.has('cookie')) headers.set('cookie', this.cookieHeader());
    const res = await this.app.request(path, { ...init, headers });
    this.remember(res);
    return res;
  }

  get(path: string, headers: Record<string, string> = {}) {
    return this.request(path, { headers });
  }

  post(path: string, fields: Record<string, string | string[]> = {}, headers: Record<string, string> = {}) {
    const body = new URLSearchParams();
    for (const [k, v] of Object.entries(fields)) for (const x of Array.isArray(v) ? v : [v]) body.append(k, x);
    return this.request(path, {
      method: 'POST',
      body,
      headers: { origin: ORIGIN, 'content-type': 'application/x-www-form-urlencoded', ...headers },
    });
  }
}

/**
 * A form POST whose body arrives only when the test says so. `bodyRequested` resolves once the
 * handler starts reading the body: everything it did before (loading a row, checking rights) is
 * done, and the test can change the database in between, as a second request or a job would.
 */
export function postHeld(client: Client, path: string, fields: Record<string, string>) {
  let requested!: () => void;
  let release!: () => void;
  const bodyRequested = new Promise<void>((r) => (requested = r));
  const released = new Promise<void>((r) => (release = r));
  const bytes = new TextEncoder().encode(new URLSearchParams(fields).toString());
  const body = new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        requested();
        await released;
        controller.enqueue(bytes);
        controller.close();
      },
      // highWaterMark 0: the stream does not pull ahead of a reader, so `bodyRequested` means the handler asked.
    },
    { highWaterMark: 0 },
  );
  const response = client.request(path, {
    method: 'POST',
    body,
    // With its length given, the body-limit middleware lets the request through unread: the
    // handler is the first to read it.
    headers: { origin: ORIGIN, 'content-type': 'application/x-www-form-urlencoded', 'content-length': String(bytes.length) },
    // Node's fetch types: a stream body must say it is sent half-duplex.
    ...({ duplex: 'half' } as object),
  });
  return { response, bodyRequested, release };
}

export async function loginAs(app: App, email: string, password = PASSWORD): Promise<Client> {
  const client = new Client(app);
  const res = await client.post('/login', { email, password });
  if (res.status !== 303) throw new Error(`login as ${email} failed with ${res.status}: ${text(parse(await res.text()))}`);
  return client;
}

export async function html(res: Response): Promise<HTMLElement> {
  return parse(await res.text());
}

/** Visible text of an element, whitespace folded. */
export function text(el: HTMLElement | null | undefined): string {
  return (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

export function countRows(db: DB, table: string): number {
  return (db.$client.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;
}

/** The attachments of an outbox row as they are sent (an .ics is written from its events then), their contents joined. */
export function sentAttachments(stored: string | null | undefined): string {
  if (!stored) return '';
  return (JSON.parse(stored) as Parameters<typeof renderAttachment>[0][]).map((a) => renderAttachment(a).content).join('\n');
}
