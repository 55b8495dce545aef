import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

/**
 * Secrets we must be able to read back (an organisation's OIDC client secret) are stored with
 * AES-256-GCM under a key derived (HKDF-SHA256) from SECRET_KEY, bound to what they belong to
 * (`context`, e.g. "org-sso:7") as associated data, so a ciphertext copied to another row does
 * not decrypt. Format: `v1.<iv>.<tag>.<ciphertext>`, base64url. ADR 018.
 */
function keyFrom(secretKey: string): Buffer {
  return Buffer.from(hkdfSync('sha256', secretKey, 'gastplek', 'stored-secrets-v1', 32));
}

export function sealSecret(secretKey: string, context: string, plain: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keyFrom(secretKey), iv);
  cipher.setAAD(Buffer.from(context));
  const ct = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return ['v1', iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), ct.toString('base64url')].join('.');
}

/** The secret, or null when the key or the context is wrong or the value was tampered with. */
export function openSecret(secretKey: string, context: string, sealed: string): string | null {
  const [v, iv, tag, ct] = sealed.split('.');
  if (v !== 'v1' || !iv || !tag || ct === undefined) return null;
  try {
    const decipher = createDecipheriv('aes-256-gcm', keyFrom(secretKey), Buffer.from(iv, 'base64url'));
    decipher.setAAD(Buffer.from(context));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(ct, 'base64url')), decipher.final()]).toString('utf8');
  } catch {
    return null;
  }
}
