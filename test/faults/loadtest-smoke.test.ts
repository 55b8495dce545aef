import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { MAX_FAILURES_PER_IP } from '../../src/auth/throttle';
import { childEnv } from './server-process';

/**
 * The load test's smoke run (issue 7): a small data set, a few seconds per scenario, against the
 * real server process. Asserts outcomes, never timings or rates (those are `npm run loadtest`'s):
 * no 5xx, nothing overbooked, the login flood throttled within the limit, the half-open sockets
 * closed by the server.
 */
describe('load test smoke run', () => {
  it('search, booking, login flood and slow sockets: no 5xx, 0 overbooked, flood throttled', () => {
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'bench/loadtest.ts', '--smoke', '--seconds=2', '--no-write'], {
      env: childEnv(),
      encoding: 'utf8',
      timeout: 150_000,
    });
    expect(r.status, r.stderr).toBe(0);
    const line = r.stdout.split('\n').find((l) => l.startsWith('LOADTEST_JSON '));
    expect(line, r.stdout.slice(-2000)).toBeTruthy();
    const result = JSON.parse(line!.slice('LOADTEST_JSON '.length)) as {
      rows: { scenario: string; status: Record<string, number> }[];
      overbooked: number;
      flood: { total: number; tooMany: number; fiveXx: number; connections: number };
      slowSocketsClosed: number;
    };
    for (const row of result.rows) expect(row.status['5xx'], row.scenario).toBe(0);
    expect(result.overbooked).toBe(0);
    expect(result.flood.fiveXx).toBe(0);
    // Throttling engages within the per-address limit of wrong passwords, however fast the
    // machine: past MAX_FAILURES_PER_IP (plus the guesses already in flight when it was reached,
    // at most one per connection; ADR 008) every flood request is answered 429.
    expect(result.flood.total).toBeGreaterThan(MAX_FAILURES_PER_IP + result.flood.connections);
    expect(result.flood.total - result.flood.tooMany).toBeLessThanOrEqual(MAX_FAILURES_PER_IP + result.flood.connections);
    expect(result.slowSocketsClosed).toBeGreaterThan(900);
  }, 180_000);
});
