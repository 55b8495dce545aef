import { createHash, randomBytes } from 'node:crypto';

/** 256 bits of randomness, URL-safe. Used for invitation, reset and verification links. */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Only the hash of a link token is stored, so a leaked database does not hand out working links. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function newId(): string {
  return randomBytes(15).toString('base64url');
}
