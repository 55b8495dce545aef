import http from 'node:http';
import { generateKeyPairSync } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { organisations } from '../../db/schema';
import { oidcRedirectUri, saveSsoSettings } from '../auth/sso';
import type { Config } from '../config';
import type { DB } from '../db';
import type { Configuration, FindAccount } from 'oidc-provider';

/**
 * DEV_OIDC=1 (development only, refused in production): a local OpenID Connect provider
 * (`oidc-provider`, a dev dependency) on DEV_OIDC_PORT, and the demo organisation Icare JGZ set up
 * to sign in through it for addresses @icare-jgz.test. Its login screen accepts any name and any
 * password: "lotte" signs in as lotte@icare-jgz.test (a new member, just in time).
 */
export const DEV_OIDC_DOMAIN = 'icare-jgz.test';
const CLIENT_ID = 'gastplek-dev';
const CLIENT_SECRET = 'gastplek-dev-secret-not-for-production';

/**
 * The options of a development provider (DEV_OIDC, and the SSO tests): one confidential client,
 * its own signing key, the claims Gastplek asks for, the development login screen, PKCE, and
 * consent taken as given — as an organisation's own provider does for its own app.
 */
export function devProviderOptions(o: {
  client: { client_id: string; client_secret: string; redirect_uris: string[] };
  cookieKey: string;
  findAccount: FindAccount;
}): Configuration {
  const key = { ...generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' }), kid: 'dev', use: 'sig', alg: 'RS256' };
  return {
    clients: [{ ...o.client, grant_types: ['authorization_code'], response_types: ['code'], token_endpoint_auth_method: 'client_secret_basic' }],
    jwks: { keys: [key] },
    cookies: { keys: [o.cookieKey] },
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
    features: { devInteractions: { enabled: true } },
    pkce: { required: () => true },
    ttl: { AccessToken: 3600, IdToken: 3600, Interaction: 600, Session: 3600, Grant: 3600, AuthorizationCode: 60 },
    findAccount: o.findAccount,
    async loadExistingGrant(ctx) {
      const grantId = ctx.oidc.result?.consent?.grantId || ctx.oidc.session!.grantIdFor(ctx.oidc.client!.clientId);
      if (grantId) return ctx.oidc.provider.Grant.find(grantId);
      const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client!.clientId, accountId: ctx.oidc.session!.accountId });
      grant.addOIDCScope('openid email profile');
      await grant.save();
      return grant;
    },
  };
}

export async function startDevOidc(config: Config, db: DB, now: Date): Promise<string | null> {
  if (config.devOidcPort === null || config.nodeEnv === 'production') return null;
  const { default: Provider } = await import('oidc-provider');
  const issuer = `http://localhost:${config.devOidcPort}`;
  const provider = new Provider(
    issuer,
    devProviderOptions({
      client: { client_id: CLIENT_ID, client_secret: CLIENT_SECRET, redirect_uris: [oidcRedirectUri(config.baseUrl)] },
      cookieKey: 'gastplek-dev-oidc',
      async findAccount(_ctx, id) {
        const local =
          id
            .trim()
            .toLowerCase()
            .replace(/@.*$/, '')
            .replace(/[^a-z0-9.-]/g, '') || 'collega';
        const name = local
          .split(/[.-]/)
          .filter(Boolean)
          .map((w) => w[0]!.toUpperCase() + w.slice(1))
          .join(' ');
        return { accountId: local, claims: async () => ({ sub: local, email: `${local}@${DEV_OIDC_DOMAIN}`, email_verified: true, name }) };
      },
    }),
  );
  await new Promise<void>((resolve) => http.createServer(provider.callback()).listen(config.devOidcPort!, config.host, resolve));
  const icare = db.select({ id: organisations.id }).from(organisations).where(eq(organisations.name, 'Icare JGZ')).get();
  if (icare) {
    saveSsoSettings(
      db,
      icare.id,
      { issuer, clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, domains: [DEV_OIDC_DOMAIN], required: false },
      config.secretKey,
      now,
    );
  }
  return issuer;
}
