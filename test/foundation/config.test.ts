import { spawnSync } from 'node:child_process';
import os from 'node:os';
import { describe, expect, it } from 'vitest';
import { childEnv } from '../faults/server-process';
import { ConfigError, loadConfig } from '../../src/config';
import { runningClock } from '../../src/lib/clock';

describe('config', () => {
  it('has working defaults for development', () => {
    const c = loadConfig({});
    expect(c.port).toBe(3000);
    expect(c.databasePath).toBe('./data/gastplek.db');
    expect(c.origin).toBe('http://localhost:3000');
    expect(c.secureCookies).toBe(false);
  });

  it.each([
    [{ PORT: 'abc' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ BASE_URL: 'ftp://example.org' }, 'BASE_URL'],
    [{ BASE_URL: 'not a url' }, 'BASE_URL'],
    [{ NODE_ENV: 'staging' }, 'NODE_ENV'],
    [{ SMTP_URL: 'http://mail' }, 'SMTP_URL'],
    [{ SESSION_IDLE_MINUTES: '0' }, 'SESSION_IDLE_MINUTES'],
    [{ NODE_ENV: 'production' }, 'BASE_URL'],
    [{ WORKERS: '0' }, 'WORKERS'],
    [{ WORKERS: 'twee' }, 'WORKERS'],
    [{ WORKERS: '1.5' }, 'WORKERS'],
    [{ TEST_NOW: 'morgen' }, 'TEST_NOW'],
    [{ TEST_NOW: '2026-02-30' }, 'TEST_NOW'],
    [{ TEST_NOW: '2026-12-30T10:00:00' }, 'TEST_NOW'],
    [{ NODE_ENV: 'production', BASE_URL: 'https://gastplek.example.org', TEST_NOW: '2026-12-30' }, 'TEST_NOW'],
    [{ TRUST_PROXY_HOPS: '0' }, 'TRUST_PROXY_HOPS'],
    [{ TRUST_PROXY_HOPS: 'een' }, 'TRUST_PROXY_HOPS'],
    [{ HOST: 'localhost; rm -rf /' }, 'HOST'],
  ])('refuses %o naming %s', (env, name) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(name);
  });

  it('TEST_NOW starts the clock at a local date (09:00 Amsterdam, also across daylight saving) or an instant, and it runs on', () => {
    expect(loadConfig({}).clockStart).toBeUndefined();
    expect(loadConfig({ TEST_NOW: '2026-12-30' }).clockStart?.toISOString()).toBe('2026-12-30T08:00:00.000Z');
    expect(loadConfig({ TEST_NOW: '2027-03-29' }).clockStart?.toISOString()).toBe('2027-03-29T07:00:00.000Z');
    expect(loadConfig({ TEST_NOW: '2026-10-25T02:30:00+01:00' }).clockStart?.toISOString()).toBe('2026-10-25T01:30:00.000Z');
    let real = 1_000_000;
    const clock = runningClock(new Date('2026-12-30T08:00:00Z'), () => real);
    expect(clock().toISOString()).toBe('2026-12-30T08:00:00.000Z');
    real += 90_000;
    expect(clock().toISOString()).toBe('2026-12-30T08:01:30.000Z');
    expect(runningClock(undefined, () => real)().getTime()).toBe(real);
  });

  it('listens on 127.0.0.1 unless HOST says otherwise; one trusted proxy hop unless TRUST_PROXY_HOPS says otherwise', () => {
    expect(loadConfig({}).host).toBe('127.0.0.1');
    expect(loadConfig({ NODE_ENV: 'production', BASE_URL: 'https://gastplek.example.org' }).host).toBe('127.0.0.1');
    expect(loadConfig({ HOST: '0.0.0.0' }).host).toBe('0.0.0.0');
    expect(loadConfig({ HOST: '::' }).host).toBe('::');
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: 'true' }).trustProxyHops).toBe(1);
    expect(loadConfig({ TRUST_PROXY: 'true', TRUST_PROXY_HOPS: '2' }).trustProxyHops).toBe(2);
  });

  it('server processes: one outside production, one per core (at most 8) in production, or WORKERS', () => {
    expect(loadConfig({}).workers).toBe(1);
    const cores = Math.min(os.availableParallelism(), 8);
    expect(loadConfig({ NODE_ENV: 'production', BASE_URL: 'https://gastplek.example.org' }).workers).toBe(cores);
    expect(loadConfig({ NODE_ENV: 'production', BASE_URL: 'https://gastplek.example.org', WORKERS: '1' }).workers).toBe(1);
    expect(loadConfig({ WORKERS: '4' }).workers).toBe(4);
  });

  it('retention periods: defaults 12 months, 90 days, 5 years; each configurable within bounds', () => {
    expect(loadConfig({}).retention).toEqual({ bookingsMonths: 12, notificationsDays: 90, intervisionYears: 5 });
    expect(loadConfig({ RETENTION_BOOKINGS_MONTHS: '24', RETENTION_NOTIFICATIONS_DAYS: '30', RETENTION_INTERVISION_YEARS: '7' }).retention).toEqual({
      bookingsMonths: 24,
      notificationsDays: 30,
      intervisionYears: 7,
    });
    expect(() => loadConfig({ RETENTION_BOOKINGS_MONTHS: '0' })).toThrow(/RETENTION_BOOKINGS_MONTHS/);
    expect(() => loadConfig({ RETENTION_NOTIFICATIONS_DAYS: 'lang' })).toThrow(/RETENTION_NOTIFICATIONS_DAYS/);
  });

  it('a bad value stops the server start with a clear message', () => {
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
      env: childEnv({ PORT: 'zeventig', DATABASE_PATH: ':memory:' }),
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('Invalid configuration');
    expect(r.stderr).toContain('PORT');
  });
});
