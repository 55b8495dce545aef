import { describe, expect, it } from 'vitest';
import { EXPORT_COVERAGE } from '../../src/privacy/export';
import { createTestApp, ORIGIN } from '../helpers';
import { desksWorld } from '../desks/factory';
import { schemaTables } from './schema-tables';

// The export is complete (issue #13, part 3): the tables that hold a person's id are derived from
// the schema (a foreign key to users, or a column that names a person without one: the access
// log's), and each is in the export or excluded with a reason.

const PERSON_COLUMNS_WITHOUT_FOREIGN_KEY = ['actor_id', 'user_id'];

describe('the personal-data export covers every table that holds a person', () => {
  it('each table with a user id is in EXPORT_COVERAGE, and nothing else is', () => {
    const holding = schemaTables()
      .filter(
        (tb) =>
          tb.name === 'users' ||
          tb.references.some((r) => r.table === 'users') ||
          tb.columns.some((c) => PERSON_COLUMNS_WITHOUT_FOREIGN_KEY.includes(c)) ||
          // The outbox holds a person by e-mail address, the login throttle by a key made of it.
          ['outbox', 'login_failures'].includes(tb.name),
      )
      .map((tb) => tb.name)
      .sort();
    expect(Object.keys(EXPORT_COVERAGE).sort()).toEqual(holding);
    for (const [table, entry] of Object.entries(EXPORT_COVERAGE))
      if ('excluded' in entry) expect(entry.excluded.length, `${table}: a reason`).toBeGreaterThan(20);
  });

  it('every export key named in EXPORT_COVERAGE is in a real export, and no secret is', async () => {
    const t = createTestApp();
    const w = await desksWorld(t);
    await w.workerClient.post(`/desks/spaces/${w.space.spaceId}/book`, { date: '2026-11-24', daypart: 'morning' });
    const res = await w.workerClient.get('/account/export.json');
    const body = await res.text();
    const data = JSON.parse(body) as Record<string, unknown>;
    for (const [table, entry] of Object.entries(EXPORT_COVERAGE))
      if ('in' in entry) for (const key of entry.in) expect(data, `${table} → ${key}`).toHaveProperty(key);
    expect(data.sessions).toEqual([{ expiresAt: expect.any(String) }]);
    expect((data.emails as unknown[]).length).toBeGreaterThan(0);
    for (const secret of ['password', 'Hash', 'token', 'argon2', 'BEGIN:VCALENDAR']) expect(body).not.toContain(secret);
  });
});

describe('export: attendance statements stay usable after the account is gone', () => {
  it('each statement comes with its code and verification link, and the link verifies', async () => {
    const t = createTestApp();
    const w = await desksWorld(t);
    const issued = await w.workerClient.post('/reflection/statements', { from: '2026-01-01', to: '2026-11-22' });
    expect(issued.status).toBe(303);
    const data = (await (await w.workerClient.get('/account/export.json')).json()) as { statements: { code: string; verifyUrl: string }[] };
    expect(data.statements).toHaveLength(1);
    const [s] = data.statements;
    expect(s!.code).toMatch(/^[A-Za-z0-9_-]{10,}$/);
    expect(s!.verifyUrl).toBe(`${ORIGIN}/verify/${s!.code}`);
    expect((await t.app.request(new URL(s!.verifyUrl).pathname)).status).toBe(200);
  });
});
