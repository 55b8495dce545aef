// Sign-in with the organisation's own identity provider (issue #16, ADR 018): OpenID Connect per
// organisation, the e-mail domains it vouches for, the link from a provider's subject to an
// account, and the short-lived state of a sign-in in progress.
import { sql } from 'drizzle-orm';
import { check, index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { organisations, users } from './core';

/**
 * An organisation's OpenID Connect client. The client secret is stored encrypted (AES-256-GCM with
 * a key derived from SECRET_KEY, src/auth/secrets.ts) and never shown again. `required`: its
 * members cannot log in with a password.
 */
export const orgSso = sqliteTable(
  'org_sso',
  {
    orgId: integer('org_id')
      .primaryKey()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    issuer: text('issuer').notNull(),
    clientId: text('client_id').notNull(),
    clientSecretEnc: text('client_secret_enc').notNull(),
    required: integer('required', { mode: 'boolean' }).notNull().default(false),
    updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [check('org_sso_issuer_check', sql`${t.issuer} like 'http%'`)],
);

/** An e-mail domain an organisation vouches for; a domain belongs to one organisation only. */
export const ssoDomains = sqliteTable(
  'sso_domains',
  {
    domain: text('domain').primaryKey(),
    orgId: integer('org_id')
      .notNull()
      .references(() => orgSso.orgId, { onDelete: 'cascade' }),
  },
  (t) => [index('sso_domains_org_idx').on(t.orgId), check('sso_domains_lower_check', sql`${t.domain} = lower(${t.domain})`)],
);

/** The provider's subject for a person: the link that survives a change of e-mail address. */
export const userIdentities = sqliteTable(
  'user_identities',
  {
    issuer: text('issuer').notNull(),
    subject: text('subject').notNull(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    orgId: integer('org_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.issuer, t.subject] }), index('user_identities_user_idx').on(t.userId)],
);

/**
 * A sign-in in progress: found by the SHA-256 of its `state`, single use, ten minutes. Holds the
 * PKCE verifier and the nonce the returning id_token must carry.
 */
export const oidcFlows = sqliteTable(
  'oidc_flows',
  {
    stateHash: text('state_hash').primaryKey(),
    orgId: integer('org_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    nonce: text('nonce').notNull(),
    codeVerifier: text('code_verifier').notNull(),
    next: text('next').notNull(),
    expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [index('oidc_flows_expires_idx').on(t.expiresAt)],
);
