import { hash, verify } from '@node-rs/argon2';
import pLimit from 'p-limit';

/**
 * argon2id with OWASP's minimum (19 MiB, t=2, p=1). `algorithm: 2` is Algorithm.Argon2id; the
 * package exports it as a const enum, which isolatedModules cannot inline.
 */
const OPTIONS = { algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1, outputLen: 32 } as const;

/**
 * How many hashes (a login, a new password) run at once in this process. Each holds 19 MiB while it
 * runs, and each keeps a core busy for tens of milliseconds: more at once than this process's share
 * of the cores only adds memory, never logins per second. The server sets it from the cores and its
 * number of processes (`passwordChecksAtOnce`); the rest wait their turn (issue #18, memory under a
 * login flood; ADR 024).
 */
const hashing = pLimit(2);

/**
 * A process's share of the cores (`cores` over the number of server processes), at least 1, and
 * at most one less than its thread pool (`threads`), so other thread-pool work never waits behind checks.
 */
export function passwordChecksAtOnce(cores: number, processes: number, threads: number): number {
  return Math.max(1, Math.min(Math.floor(cores / processes), threads - 1));
}

export function setPasswordChecksAtOnce(n: number): void {
  hashing.concurrency = Math.max(1, n);
}

/** Hashes running and waiting in this process. */
export function passwordChecksNow(): { running: number; waiting: number } {
  return { running: hashing.activeCount, waiting: hashing.pendingCount };
}

export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 200;

export function hashPassword(password: string): Promise<string> {
  return hashing(() => hash(password, OPTIONS));
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await hashing(() => verify(passwordHash, password));
  } catch {
    return false;
  }
}

let dummy: Promise<string> | undefined;
/** Burns the same time as a real check, so an unknown e-mail cannot be told from a wrong password. */
export async function verifyDummy(password: string): Promise<false> {
  dummy ??= hashPassword('gastplek-dummy-password-for-timing');
  await verifyPassword(await dummy, password);
  return false;
}
