import { and, eq, lt, sql } from 'drizzle-orm';
import * as client from 'openid-client';
import { memberships, oidcFlows, organisations, orgSso, ssoDomains, userIdentities, users } from '../../db/schema';
import type { Config } from '../config';
import { writeTx, type DB, type Queryable } from '../db';
import { hashToken, newId } from '../lib/tokens';
import { openSecret, sealSecret } from './secrets';

/**
 * Sign-in with the organisation's own identity provider (issue #16, ADR 018): OpenID Connect,
 * authorisation code flow with PKCE, state and nonce, through `openid-client` (which validates
 * the id_token: issuer, audience, expiry, nonce and signature against the provider's JWKS).
 * Sessions stay ours (src/auth/lucia.ts); this module only says who came back.
 */

const FLOW_TTL_MS = 10 * 60 * 1000;
const DISCOVERY_TIMEOUT_S = 5;

export type SsoSettings = { orgId: number; issuer: string; clientId: string; required: boolean; domains: string[]; updatedAt: Date };

export function getSsoSettings(db: Queryable, orgId: number): SsoSettings | null {
  const row = db.select().from(orgSso).where(eq(orgSso.orgId, orgId)).get();
  if (!row) return null;
  const domains = db
    .select({ d: ssoDomains.domain })
    .from(ssoDomains)
    .where(eq(ssoDomains.orgId, orgId))
    .orderBy(ssoDomains.domain)
    .all()
    .map((r) => r.d);
  return { orgId, issuer: row.issuer, clientId: row.clientId, required: row.required, domains, updatedAt: row.updatedAt };
}

export const domainOf = (email: string) => email.slice(email.lastIndexOf('@') + 1).toLowerCase();

/** The organisation that signs this address in through its provider, if any (by the address's domain). */
export function ssoForEmail(db: Queryable, email: string) {
  return db
    .select({ orgId: orgSso.orgId, orgName: organisations.name })
    .from(ssoDomains)
    .innerJoin(orgSso, eq(orgSso.orgId, ssoDomains.orgId))
    .innerJoin(organisations, eq(organisations.id, orgSso.orgId))
    .where(eq(ssoDomains.domain, domainOf(email)))
    .get();
}

/** A person who belongs to an organisation that turned passwords off (SSO required). */
export function passwordLoginBlocked(db: Queryable, userId: string): boolean {
  return !!db
    .select({ one: sql`1` })
    .from(memberships)
    .innerJoin(orgSso, eq(orgSso.orgId, memberships.orgId))
    .where(and(eq(memberships.userId, userId), eq(orgSso.required, true)))
    .get();
}

export type SaveSsoInput = { issuer: string; clientId: string; clientSecret: string | null; domains: string[]; required: boolean };
export type SaveSsoResult = { ok: true } | { ok: false; reason: 'no_key' | 'no_secret' } | { ok: false; reason: 'domain_taken'; domain: string };

/** Saves an organisation's settings in one transaction; a blank secret keeps the stored one. */
export function saveSsoSettings(db: DB, orgId: number, input: SaveSsoInput, secretKey: string | undefined, now: Date): SaveSsoResult {
  if (!secretKey) return { ok: false, reason: 'no_key' };
  return writeTx(db, (tx) => {
    const existing = tx.select({ enc: orgSso.clientSecretEnc }).from(orgSso).where(eq(orgSso.orgId, orgId)).get();
    if (!input.clientSecret && !existing) return { ok: false, reason: 'no_secret' } as const;
    for (const domain of input.domains) {
      const owner = tx.select({ orgId: ssoDomains.orgId }).from(ssoDomains).where(eq(ssoDomains.domain, domain)).get();
      if (owner && owner.orgId !== orgId) return { ok: false, reason: 'domain_taken', domain } as const;
    }
    const clientSecretEnc = input.clientSecret ? sealSecret(secretKey, `org-sso:${orgId}`, input.clientSecret) : existing!.enc;
    const row = { issuer: input.issuer, clientId: input.clientId, clientSecretEnc, required: input.required, updatedAt: now };
    tx.insert(orgSso)
      .values({ orgId, ...row })
      .onConflictDoUpdate({ target: orgSso.orgId, set: row })
      .run();
    tx.delete(ssoDomains).where(eq(ssoDomains.orgId, orgId)).run();
    for (const domain of input.domains) tx.insert(ssoDomains).values({ domain, orgId }).run();
    return { ok: true } as const;
  });
}

/** Turns SSO off for the organisation: its members log in with a password again (links to accounts stay). */
export function removeSsoSettings(db: DB, orgId: number): boolean {
  return writeTx(db, (tx) => tx.delete(orgSso).where(eq(orgSso.orgId, orgId)).run().changes > 0);
}

// ——— Talking to the provider ———

export type OidcEnv = {
  secretKey: string | undefined;
  /** Plain http issuers are allowed only on this machine, outside production (tests, DEV_OIDC). */
  production: boolean;
  /** The app's clock: id_token times are checked against it (the real time in production). */
  now: Date;
};

/** Where every provider sends the browser back to; registered with the provider by the org admin. */
export const oidcRedirectUri = (baseUrl: string) => `${baseUrl}/login/oidc/callback`;

export const oidcEnv = (config: Config, now: Date): OidcEnv => ({ secretKey: config.secretKey, production: config.nodeEnv === 'production', now });

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/** An issuer we may talk to: https, or http on this machine outside production. */
export function issuerAllowed(issuer: string, production: boolean): boolean {
  let url: URL;
  try {
    url = new URL(issuer);
  } catch {
    return false;
  }
  if (url.username || url.password || url.search || url.hash) return false;
  return url.protocol === 'https:' || (url.protocol === 'http:' && !production && LOOPBACK.has(url.hostname));
}

export type ProviderProblem = 'not_allowed' | 'unreachable' | 'not_oidc' | 'issuer_mismatch' | 'no_secret';

/** Why discovery failed, in terms an org admin can act on. */
function problemOf(err: unknown): ProviderProblem {
  const code = (err as { code?: string }).code ?? '';
  const message = String((err as Error).message ?? '');
  if (/issuer/i.test(message) && /mismatch|does not match|unexpected/i.test(message)) return 'issuer_mismatch';
  if (
    code === 'OAUTH_RESPONSE_IS_NOT_JSON' ||
    code === 'OAUTH_INVALID_RESPONSE' ||
    code === 'OAUTH_RESPONSE_IS_NOT_CONFORM' ||
    /json|status code/i.test(message)
  )
    return 'not_oidc';
  return 'unreachable';
}

async function discover(issuer: string, clientId: string, clientSecret: string, env: OidcEnv): Promise<client.Configuration> {
  const metadata: Partial<client.ClientMetadata> = {
    client_secret: clientSecret,
    // Validate id_token times against the app's clock (equal to the real time in production).
    [client.clockSkew]: Math.round((env.now.getTime() - Date.now()) / 1000),
  };
  const insecure = new URL(issuer).protocol === 'http:';
  return client.discovery(new URL(issuer), clientId, metadata, client.ClientSecretBasic(clientSecret), {
    timeout: DISCOVERY_TIMEOUT_S,
    ...(insecure ? { execute: [client.allowInsecureRequests] } : {}),
  });
}

/** "Test the connection": discovery against the issuer, with what went wrong in plain words. */
export async function testConnection(
  issuer: string,
  env: OidcEnv,
): Promise<{ ok: true; issuer: string; authorizationEndpoint: string } | { ok: false; problem: ProviderProblem }> {
  if (!issuerAllowed(issuer, env.production)) return { ok: false, problem: 'not_allowed' };
  try {
    const config = await discover(issuer, 'connection-test', 'connection-test', env);
    const meta = config.serverMetadata();
    return { ok: true, issuer: meta.issuer, authorizationEndpoint: meta.authorization_endpoint ?? '' };
  } catch (err) {
    return { ok: false, problem: problemOf(err) };
  }
}

function loadClient(db: Queryable, orgId: number, env: OidcEnv) {
  const row = db.select().from(orgSso).where(eq(orgSso.orgId, orgId)).get();
  if (!row) return null;
  const secret = env.secretKey ? openSecret(env.secretKey, `org-sso:${orgId}`, row.clientSecretEnc) : null;
  return { row, secret };
}

export type StartResult = { ok: true; url: URL } | { ok: false; problem: ProviderProblem };

/** Starts a sign-in: a flow row (state, nonce, PKCE verifier) and the provider's URL to send the browser to. */
export async function startSsoLogin(db: DB, orgId: number, next: string, redirectUri: string, env: OidcEnv): Promise<StartResult> {
  const c = loadClient(db, orgId, env);
  if (!c) return { ok: false, problem: 'unreachable' };
  if (!c.secret) return { ok: false, problem: 'no_secret' };
  if (!issuerAllowed(c.row.issuer, env.production)) return { ok: false, problem: 'not_allowed' };
  let config: client.Configuration;
  try {
    config = await discover(c.row.issuer, c.row.clientId, c.secret, env);
  } catch (err) {
    return { ok: false, problem: problemOf(err) };
  }
  const state = client.randomState();
  const nonce = client.randomNonce();
  const codeVerifier = client.randomPKCECodeVerifier();
  const codeChallenge = await client.calculatePKCECodeChallenge(codeVerifier);
  const now = env.now;
  writeTx(db, (tx) => {
    tx.delete(oidcFlows).where(lt(oidcFlows.expiresAt, now)).run();
    tx.insert(oidcFlows)
      .values({ stateHash: hashToken(state), orgId, nonce, codeVerifier, next, expiresAt: new Date(now.getTime() + FLOW_TTL_MS) })
      .run();
  });
  const url = client.buildAuthorizationUrl(config, {
    redirect_uri: redirectUri,
    scope: 'openid email profile',
    code_challenge: codeChallenge,
    code_challenge_method: 'S256',
    state,
    nonce,
  });
  return { ok: true, url };
}

export type FinishRefusal = 'expired' | 'rejected' | 'unverified' | 'domain' | 'deactivated' | ProviderProblem;
export type FinishResult = { ok: true; userId: string; next: string; created: boolean } | { ok: false; reason: FinishRefusal; orgName?: string };

/**
 * Completes a sign-in from the provider's redirect: the flow is taken (single use), the code is
 * exchanged and the id_token validated by openid-client; then, in one transaction, the person is
 * found by the provider's subject, else by e-mail (and linked), else created as a member of the
 * organisation — only with a verified address of a domain it vouches for, never when deactivated.
 */
export async function finishSsoLogin(db: DB, callbackUrl: URL, redirectUri: string, env: OidcEnv): Promise<FinishResult> {
  const state = callbackUrl.searchParams.get('state');
  if (!state) return { ok: false, reason: 'expired' };
  const flow = writeTx(db, (tx) => {
    const f = tx
      .select()
      .from(oidcFlows)
      .where(eq(oidcFlows.stateHash, hashToken(state)))
      .get();
    if (f) tx.delete(oidcFlows).where(eq(oidcFlows.stateHash, f.stateHash)).run();
    return f;
  });
  if (!flow || flow.expiresAt <= env.now) return { ok: false, reason: 'expired' };
  const c = loadClient(db, flow.orgId, env);
  const orgName = db.select({ name: organisations.name }).from(organisations).where(eq(organisations.id, flow.orgId)).get()?.name;
  if (!c) return { ok: false, reason: 'expired' };
  if (!c.secret) return { ok: false, reason: 'no_secret', orgName };
  let config: client.Configuration;
  try {
    config = await discover(c.row.issuer, c.row.clientId, c.secret, env);
  } catch (err) {
    return { ok: false, reason: problemOf(err), orgName };
  }
  // The provider answers at our redirect URI; whatever host the request came in on, check against that.
  const current = new URL(redirectUri);
  current.search = callbackUrl.search;
  let claims: client.IDToken | undefined;
  let profile: Record<string, unknown> = {};
  try {
    const tokens = await client.authorizationCodeGrant(config, current, {
      pkceCodeVerifier: flow.codeVerifier,
      expectedState: state,
      expectedNonce: flow.nonce,
      idTokenExpected: true,
    });
    claims = tokens.claims();
    if (!claims) return { ok: false, reason: 'rejected', orgName };
    profile = { ...claims };
    // Providers that keep the id_token small give the e-mail at the userinfo endpoint, for this subject only.
    if (typeof claims.email !== 'string') profile = { ...(await client.fetchUserInfo(config, tokens.access_token, claims.sub)) };
  } catch {
    return { ok: false, reason: 'rejected', orgName };
  }
  const issuer = claims.iss;
  const subject = claims.sub;
  const email = typeof profile.email === 'string' ? profile.email.trim().toLowerCase() : '';
  // Entra ID sends no email_verified; a provider that says "not verified" is believed.
  if (!email.includes('@') || profile.email_verified === false) return { ok: false, reason: 'unverified', orgName };
  const name = typeof profile.name === 'string' && profile.name.trim() ? profile.name.trim().slice(0, 100) : email.slice(0, email.indexOf('@'));
  return writeTx(db, (tx): FinishResult => {
    const vouched = tx
      .select({ one: sql`1` })
      .from(ssoDomains)
      .where(and(eq(ssoDomains.domain, domainOf(email)), eq(ssoDomains.orgId, flow.orgId)))
      .get();
    const linked = tx
      .select({ userId: userIdentities.userId })
      .from(userIdentities)
      .where(and(eq(userIdentities.issuer, issuer), eq(userIdentities.subject, subject)))
      .get();
    if (!vouched) return { ok: false, reason: 'domain', orgName };
    let user = linked ? tx.select().from(users).where(eq(users.id, linked.userId)).get() : tx.select().from(users).where(eq(users.email, email)).get();
    if (user && (user.deactivatedAt || user.deletedAt)) return { ok: false, reason: 'deactivated', orgName };
    let created = false;
    if (!user) {
      const id = newId();
      tx.insert(users).values({ id, email, name, passwordHash: null }).run();
      user = tx.select().from(users).where(eq(users.id, id)).get()!;
      created = true;
    }
    if (!linked) tx.insert(userIdentities).values({ issuer, subject, userId: user.id, orgId: flow.orgId, createdAt: env.now }).run();
    // A member of the organisation that vouches for them; other roles come from the org admin.
    tx.insert(memberships).values({ userId: user.id, orgId: flow.orgId, role: 'member' }).onConflictDoNothing().run();
    return { ok: true, userId: user.id, next: flow.next, created };
  });
}
