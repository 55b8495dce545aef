import { describe, expect, it } from 'vitest';
import {
  failedLogin,
  forgiveLogin,
  MAX_FAILURES_PER_ACCOUNT,
  MAX_FAILURES_PER_ACCOUNT_ALL,
  MAX_FAILURES_PER_IP,
  MAX_RESETS_PER_ACCOUNT,
  MAX_RESETS_PER_IP,
  MAX_SSO_STARTS_PER_IP,
  resetLimits,
  ssoStartLimits,
  takeHit,
  takeLoginTry,
  THROTTLE_WINDOW_MS,
} from '../../src/auth/throttle';
import { createTestApp } from '../helpers';

type DB = ReturnType<typeof createTestApp>['db'];

/** A wrong password as the login route handles it: the try, and when it may go ahead, the address's failure. */
function wrongPassword(db: DB, email: string, ip: string, now: Date): boolean {
  const allowed = takeLoginTry(db, email, ip, now);
  if (allowed) failedLogin(db, ip, now);
  return allowed;
}

/** The right password: the try, and when it may go ahead, the account's failures forgiven. */
function rightPassword(db: DB, email: string, ip: string, now: Date): boolean {
  const allowed = takeLoginTry(db, email, ip, now);
  if (allowed) forgiveLogin(db, email, ip);
  return allowed;
}

const times = (n: number, f: (i: number) => boolean) => Array.from({ length: n }, (_, i) => f(i));

describe('rule: login throttling (src/auth/throttle.ts), by named scenarios', () => {
  it('per account and address: exactly five wrong passwords go ahead, the sixth try is refused', () => {
    const { db, clock } = createTestApp();
    expect(times(MAX_FAILURES_PER_ACCOUNT, () => wrongPassword(db, 'a@example.test', '203.0.113.1', clock.now()))).toEqual(
      Array(MAX_FAILURES_PER_ACCOUNT).fill(true),
    );
    expect(takeLoginTry(db, 'a@example.test', '203.0.113.1', clock.now())).toBe(false);
  });

  it('per account and address: the locked account can still be used from another address, and the address for another account', () => {
    const { db, clock } = createTestApp();
    times(MAX_FAILURES_PER_ACCOUNT, () => wrongPassword(db, 'a@example.test', '203.0.113.1', clock.now()));
    expect(takeLoginTry(db, 'a@example.test', '203.0.113.1', clock.now())).toBe(false);
    expect(takeLoginTry(db, 'a@example.test', '203.0.113.2', clock.now())).toBe(true);
    expect(takeLoginTry(db, 'b@example.test', '203.0.113.1', clock.now())).toBe(true);
  });

  it('per account: fifty wrong passwords from many addresses lock the account from a new address too, not another account', () => {
    const { db, clock } = createTestApp();
    // Four from each address, so no address meets its own limit of five.
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT_ALL; i++) {
      expect(wrongPassword(db, 'a@example.test', `198.51.100.${Math.floor(i / (MAX_FAILURES_PER_ACCOUNT - 1))}`, clock.now())).toBe(true);
    }
    expect(takeLoginTry(db, 'a@example.test', '203.0.113.99', clock.now())).toBe(false);
    expect(takeLoginTry(db, 'b@example.test', '203.0.113.99', clock.now())).toBe(true);
  });

  it('per address: thirty wrong passwords at several accounts lock the address for every account, not the accounts elsewhere', () => {
    const { db, clock } = createTestApp();
    for (let i = 0; i < MAX_FAILURES_PER_IP; i++) {
      expect(wrongPassword(db, `p${Math.floor(i / (MAX_FAILURES_PER_ACCOUNT - 1))}@example.test`, '203.0.113.1', clock.now())).toBe(true);
    }
    expect(takeLoginTry(db, 'nieuw@example.test', '203.0.113.1', clock.now())).toBe(false);
    expect(takeLoginTry(db, 'nieuw@example.test', '203.0.113.2', clock.now())).toBe(true);
    expect(takeLoginTry(db, 'p0@example.test', '203.0.113.2', clock.now())).toBe(true);
  });

  it('per address: only wrong passwords count for the address, so many right ones from one office never lock it', () => {
    const { db, clock } = createTestApp();
    const people = MAX_FAILURES_PER_IP + 10;
    expect(times(people, (i) => rightPassword(db, `collega${i}@example.test`, '203.0.113.1', clock.now()))).toEqual(Array(people).fill(true));
  });

  it('window: fifteen minutes from the first failure; one millisecond before it ends still refused, at its end allowed', () => {
    const { db, clock } = createTestApp();
    expect(THROTTLE_WINDOW_MS).toBe(15 * 60 * 1000);
    const start = clock.now().getTime();
    times(MAX_FAILURES_PER_ACCOUNT, () => wrongPassword(db, 'a@example.test', '203.0.113.1', clock.now()));
    clock.set(new Date(start + THROTTLE_WINDOW_MS - 1).toISOString());
    expect(takeLoginTry(db, 'a@example.test', '203.0.113.1', clock.now())).toBe(false);
    clock.set(new Date(start + THROTTLE_WINDOW_MS).toISOString());
    expect(takeLoginTry(db, 'a@example.test', '203.0.113.1', clock.now())).toBe(true);
  });

  it('window: later failures do not move its start, and after it a new window counts from one again', () => {
    const { db, clock } = createTestApp();
    const start = clock.now().getTime();
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT; i++) {
      clock.set(new Date(start + i * 60_000).toISOString());
      expect(wrongPassword(db, 'a@example.test', '203.0.113.1', clock.now())).toBe(true);
    }
    // The last failure was four minutes ago, the first fifteen: the window of the first has ended.
    clock.set(new Date(start + THROTTLE_WINDOW_MS).toISOString());
    expect(wrongPassword(db, 'a@example.test', '203.0.113.1', clock.now())).toBe(true);
    // That failure started a new window at 1: four more go ahead, then the account is locked again.
    for (let i = 1; i < MAX_FAILURES_PER_ACCOUNT; i++) expect(wrongPassword(db, 'a@example.test', '203.0.113.1', clock.now())).toBe(true);
    expect(takeLoginTry(db, 'a@example.test', '203.0.113.1', clock.now())).toBe(false);
  });

  it('forgiven: a right password clears the account’s failures from that address, and from every address', () => {
    const { db, clock } = createTestApp();
    times(MAX_FAILURES_PER_ACCOUNT - 1, () => wrongPassword(db, 'a@example.test', '203.0.113.1', clock.now()));
    expect(rightPassword(db, 'a@example.test', '203.0.113.1', clock.now())).toBe(true);
    expect(times(MAX_FAILURES_PER_ACCOUNT, () => wrongPassword(db, 'a@example.test', '203.0.113.1', clock.now()))).toEqual(
      Array(MAX_FAILURES_PER_ACCOUNT).fill(true),
    );

    // Forty wrong from ten addresses, a right one, forty more from ten others: never fifty unforgiven.
    const forty = (from: number) =>
      times(40, (i) => wrongPassword(db, 'b@example.test', `198.51.100.${from + Math.floor(i / (MAX_FAILURES_PER_ACCOUNT - 1))}`, clock.now()));
    expect(forty(0)).toEqual(Array(40).fill(true));
    expect(rightPassword(db, 'b@example.test', '198.51.100.200', clock.now())).toBe(true);
    expect(forty(100)).toEqual(Array(40).fill(true));
  });

  it('forgiven: a right password does not forgive the address its wrong ones', () => {
    const { db, clock } = createTestApp();
    for (let i = 0; i < MAX_FAILURES_PER_IP - 1; i++)
      wrongPassword(db, `p${Math.floor(i / (MAX_FAILURES_PER_ACCOUNT - 1))}@example.test`, '203.0.113.1', clock.now());
    expect(rightPassword(db, 'p0@example.test', '203.0.113.1', clock.now())).toBe(true);
    expect(wrongPassword(db, 'nieuw@example.test', '203.0.113.1', clock.now())).toBe(true);
    expect(takeLoginTry(db, 'ander@example.test', '203.0.113.1', clock.now())).toBe(false);
  });
});

describe('rule: limits on every request (takeHit), by named scenarios', () => {
  it('password reset: three per address go ahead, the fourth not; another address and another client are not held back', () => {
    const { db, clock } = createTestApp();
    expect(times(MAX_RESETS_PER_ACCOUNT + 1, () => takeHit(db, resetLimits('a@example.test', '203.0.113.1'), clock.now()))).toEqual([
      ...Array(MAX_RESETS_PER_ACCOUNT).fill(true),
      false,
    ]);
    expect(takeHit(db, resetLimits('a@example.test', '203.0.113.2'), clock.now())).toBe(false);
    expect(takeHit(db, resetLimits('b@example.test', '203.0.113.2'), clock.now())).toBe(true);
    // Four addresses asked for from four clients: each its own count.
    expect(times(4, (i) => takeHit(db, resetLimits(`c${i}@example.test`, `198.51.100.${i}`), clock.now()))).toEqual([true, true, true, true]);
  });

  it('password reset: twenty from one client, whatever the address, then refused there and not at another client', () => {
    const { db, clock } = createTestApp();
    expect(times(MAX_RESETS_PER_IP + 1, (i) => takeHit(db, resetLimits(`p${i}@example.test`, '203.0.113.1'), clock.now()))).toEqual([
      ...Array(MAX_RESETS_PER_IP).fill(true),
      false,
    ]);
    expect(takeHit(db, resetLimits('nieuw@example.test', '203.0.113.2'), clock.now())).toBe(true);
    expect(times(MAX_RESETS_PER_IP + 1, (i) => takeHit(db, resetLimits(`q${i}@example.test`, `198.51.100.${i}`), clock.now()))).toEqual(
      Array(MAX_RESETS_PER_IP + 1).fill(true),
    );
  });

  it('password reset: its counters are not the login’s, and the login’s not its', () => {
    const { db, clock } = createTestApp();
    times(MAX_RESETS_PER_ACCOUNT, () => takeHit(db, resetLimits('a@example.test', '203.0.113.1'), clock.now()));
    expect(takeLoginTry(db, 'a@example.test', '203.0.113.1', clock.now())).toBe(true);
    times(MAX_FAILURES_PER_ACCOUNT, () => wrongPassword(db, 'b@example.test', '203.0.113.2', clock.now()));
    expect(takeHit(db, resetLimits('b@example.test', '203.0.113.2'), clock.now())).toBe(true);
  });

  it('sign-in at a provider: sixty starts per client, then refused there and not at another client', () => {
    const { db, clock } = createTestApp();
    expect(times(MAX_SSO_STARTS_PER_IP + 1, () => takeHit(db, ssoStartLimits('203.0.113.1'), clock.now()))).toEqual([
      ...Array(MAX_SSO_STARTS_PER_IP).fill(true),
      false,
    ]);
    expect(takeHit(db, ssoStartLimits('203.0.113.2'), clock.now())).toBe(true);
  });

  it('every request counts, also a refused one; after the window the client may start again', () => {
    const { db, clock } = createTestApp();
    const start = clock.now().getTime();
    times(MAX_SSO_STARTS_PER_IP + 5, () => takeHit(db, ssoStartLimits('203.0.113.1'), clock.now()));
    const row = db.$client.prepare("select count from login_failures where key like 'sso-ip:%'").get() as { count: number };
    expect(row.count).toBe(MAX_SSO_STARTS_PER_IP + 5);
    clock.set(new Date(start + THROTTLE_WINDOW_MS).toISOString());
    expect(takeHit(db, ssoStartLimits('203.0.113.1'), clock.now())).toBe(true);
  });
});
