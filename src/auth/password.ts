import { hash, verify } from '@node-rs/argon2';

/**
 * argon2id with OWASP's minimum (19 MiB, t=2, p=1). `algorithm: 2` is Algorithm.Argon2id; the
 * package exports it as a const enum, which isolatedModules cannot inline.
 */
const OPTIONS = { algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1, outputLen: 32 } as const;

export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 200;

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
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
