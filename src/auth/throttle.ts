import { inArray, sql } from 'drizzle-orm';
import { loginFailures } from '../../db/schema';
import { writeTx, type DB, type Queryable } from '../db';

export const THROTTLE_WINDOW_MS = 15 * 60 * 1000;
/** Wrong passwords for one account from one client address. */
export const MAX_FAILURES_PER_ACCOUNT = 5;
/** Wrong passwords for one account from everywhere together (a guesser with many addresses). */
export const MAX_FAILURES_PER_ACCOUNT_ALL = 50;
/** Wrong passwords from one client address, whatever the account. */
export const MAX_FAILURES_PER_IP = 30;
/** Reset links asked for one address, and from one client address. */
export const MAX_RESETS_PER_ACCOUNT = 3;
export const MAX_RESETS_PER_IP = 20;

/** A counter and how many hits it allows per window. */
export type Limit = { key: string; max: number };

/**
 * Failed logins. Five wrong passwords lock the account only for the client address they came from,
 * so someone who knows an address cannot lock its owner out from elsewhere; a guesser spreading
 * over many addresses still meets the account-wide limit (ADR 008).
 */
export function loginLimits(email: string, ip: string): Limit[] {
  return [
    { key: `acct-ip:${email}|${ip}`, max: MAX_FAILURES_PER_ACCOUNT },
    { key: `acct:${email}`, max: MAX_FAILURES_PER_ACCOUNT_ALL },
    { key: `ip:${ip}`, max: MAX_FAILURES_PER_IP },
  ];
}

/** Password-reset requests: every request counts, known address or not, so the answer tells nothing. */
export function resetLimits(email: string, ip: string): Limit[] {
  return [
    { key: `reset-acct:${email}`, max: MAX_RESETS_PER_ACCOUNT },
    { key: `reset-ip:${ip}`, max: MAX_RESETS_PER_IP },
  ];
}

/** Sign-ins handed to an organisation's provider: each costs requests to it, so an address may start only so many. */
export const MAX_SSO_STARTS_PER_IP = 60;
export function ssoStartLimits(ip: string): Limit[] {
  return [{ key: `sso-ip:${ip}`, max: MAX_SSO_STARTS_PER_IP }];
}

/**
 * Whether any counter has reached its limit in the current window. The counters live in the
 * database so every server process sees the same count; the check runs before any password
 * hashing, so a flood costs a row read.
 */
function isThrottled(db: Queryable, limits: Limit[], now: Date): boolean {
  const since = now.getTime() - THROTTLE_WINDOW_MS;
  const rows = db
    .select()
    .from(loginFailures)
    .where(
      inArray(
        loginFailures.key,
        limits.map((l) => l.key),
      ),
    )
    .all();
  return limits.some((l) => {
    const row = rows.find((r) => r.key === l.key);
    return !!row && row.windowStart.getTime() > since && row.count >= l.max;
  });
}

/** Counts one hit on each counter; a counter whose window has passed starts again at 1. */
function countHit(tx: Queryable, limits: Limit[], now: Date): void {
  const since = now.getTime() - THROTTLE_WINDOW_MS;
  for (const { key } of limits) {
    tx.insert(loginFailures)
      .values({ key, count: 1, windowStart: now })
      .onConflictDoUpdate({
        target: loginFailures.key,
        set: {
          count: sql`case when ${loginFailures.windowStart} > ${since} then ${loginFailures.count} + 1 else 1 end`,
          windowStart: sql`case when ${loginFailures.windowStart} > ${since} then ${loginFailures.windowStart} else ${now.getTime()} end`,
        },
      })
      .run();
  }
}

/**
 * Checks and counts in one transaction: true when the request may go ahead. For limits on every
 * request (not only failures), so two requests at once cannot both slip under the limit.
 */
export function takeHit(db: DB, limits: Limit[], now: Date): boolean {
  return writeTx(db, (tx) => {
    const allowed = !isThrottled(tx, limits, now);
    countHit(tx, limits, now);
    return allowed;
  });
}

/**
 * One login try: refused (false) when any limit is reached. The account's counters are counted up
 * front, in the same transaction as the check, so guesses at one account sent all at once (each
 * waiting on argon2) cannot slip past its limit; `forgiveLogin` clears them on success. The
 * address's counter is only checked here and counted on failure (`failedLogin`): counting it up
 * front would refuse colleagues behind one office NAT who log in at the same moment with the right
 * password. Guesses spread over many accounts can overshoot the address limit by the number of
 * requests in flight; the per-account limits still hold exactly (ADR 008).
 */
export function takeLoginTry(db: DB, email: string, ip: string, now: Date): boolean {
  const [perAccountIp, perAccount, perIp] = loginLimits(email, ip) as [Limit, Limit, Limit];
  return writeTx(db, (tx) => {
    if (isThrottled(tx, [perAccountIp, perAccount, perIp], now)) return false;
    countHit(tx, [perAccountIp, perAccount], now);
    return true;
  });
}

/** A wrong password: the address's counter too (the account's were counted by takeLoginTry). */
export function failedLogin(db: DB, ip: string, now: Date): void {
  writeTx(db, (tx) => countHit(tx, [{ key: `ip:${ip}`, max: MAX_FAILURES_PER_IP }], now));
}

/** After a successful login: the account's failures are forgiven (the address's are not). */
export function forgiveLogin(db: DB, email: string, ip: string): void {
  db.delete(loginFailures)
    .where(inArray(loginFailures.key, [`acct:${email}`, `acct-ip:${email}|${ip}`]))
    .run();
}
