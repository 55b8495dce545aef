import { sql } from 'drizzle-orm';
import { check, index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

/** Roles a person holds within one organisation (PRODUCT.md, "Who uses it"). */
export const ORG_ROLES = ['member', 'host', 'facilitator', 'expert', 'org_admin'] as const;
export type OrgRole = (typeof ORG_ROLES)[number];

export const ORG_KINDS = ['cjg', 'ggd', 'jgz', 'wijkteam', 'jeugdzorg', 'gemeente', 'school', 'anders'] as const;
export type OrgKind = (typeof ORG_KINDS)[number];

const createdAt = () => integer('created_at', { mode: 'timestamp_ms' }).notNull().default(sql`(cast(unixepoch('subsec') * 1000 as integer))`);

export const organisations = sqliteTable(
  'organisations',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    name: text('name').notNull(),
    kind: text('kind', { enum: ORG_KINDS }).notNull(),
    town: text('town').notNull(),
    /** Public holidays on which the organisation's locations are closed ("a,b,c" of HOLIDAY_KEYS); null: the default set (src/desks/holidays.ts). */
    closedHolidays: text('closed_holidays'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('organisations_name_unique').on(sql`lower(${t.name})`),
    check('organisations_kind_check', sql`${t.kind} in ('cjg','ggd','jgz','wijkteam','jeugdzorg','gemeente','school','anders')`),
  ],
);

export const users = sqliteTable(
  'users',
  {
    id: text('id').primaryKey(),
    /** Always stored lower-cased and trimmed. */
    email: text('email').notNull(),
    name: text('name').notNull(),
    /** Null until the person sets a password through an invitation or set-password link. */
    passwordHash: text('password_hash'),
    locale: text('locale', { enum: ['nl', 'en'] }),
    isNetworkAdmin: integer('is_network_admin', { mode: 'boolean' }).notNull().default(false),
    /** Optional e-mails (reminders the day before); confirmations and changes are always sent. */
    emailReminders: integer('email_reminders', { mode: 'boolean' }).notNull().default(true),
    /** E-mail (with the .ics) about what the person did themself: booking, signing up, cancelling (issue #17). */
    emailConfirmations: integer('email_confirmations', { mode: 'boolean' }).notNull().default(true),
    deactivatedAt: integer('deactivated_at', { mode: 'timestamp_ms' }),
    /**
     * Set when the account was deleted (issue #13): the row stays as an empty tombstone (no name,
     * no address, no password) so that meetings they facilitated keep a valid reference; every
     * personal field is overwritten in the same transaction.
     */
    deletedAt: integer('deleted_at', { mode: 'timestamp_ms' }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('users_email_unique').on(t.email), check('users_locale_check', sql`${t.locale} is null or ${t.locale} in ('nl','en')`)],
);

/** One row per role a person holds in an organisation; every member of an organisation has a 'member' row. */
export const memberships = sqliteTable(
  'memberships',
  {
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    orgId: integer('org_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    role: text('role', { enum: ORG_ROLES }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.orgId, t.role] }),
    index('memberships_org_idx').on(t.orgId, t.role),
    check('memberships_role_check', sql`${t.role} in ('member','host','facilitator','expert','org_admin')`),
  ],
);

/** Lucia's session table: expires_at in seconds since the epoch (lucia's sqlite adapter contract). */
export const sessions = sqliteTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    expiresAt: integer('expires_at').notNull(),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

/** Single-use invitation links. Only the SHA-256 of the token is stored. */
export const invitations = sqliteTable(
  'invitations',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    orgId: integer('org_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    email: text('email').notNull(),
    role: text('role', { enum: ORG_ROLES }).notNull(),
    tokenHash: text('token_hash').notNull(),
    invitedBy: text('invited_by').references(() => users.id, { onDelete: 'set null' }),
    expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
    acceptedAt: integer('accepted_at', { mode: 'timestamp_ms' }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('invitations_token_unique').on(t.tokenHash),
    index('invitations_org_idx').on(t.orgId),
    check('invitations_role_check', sql`${t.role} in ('member','host','facilitator','org_admin')`),
  ],
);

/** Password-reset and set-password links: single use, short-lived. Only the hash is stored. */
export const passwordTokens = sqliteTable(
  'password_tokens',
  {
    tokenHash: text('token_hash').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
    usedAt: integer('used_at', { mode: 'timestamp_ms' }),
    createdAt: createdAt(),
  },
  (t) => [index('password_tokens_user_idx').on(t.userId)],
);

/** Failed-login counters per key ('ip:…' or 'acct:…'), shared by all server processes. */
export const loginFailures = sqliteTable('login_failures', {
  key: text('key').primaryKey(),
  count: integer('count').notNull(),
  windowStart: integer('window_start', { mode: 'timestamp_ms' }).notNull(),
});

/**
 * Transactional outbox for e-mail: written in the same transaction as the change that causes it,
 * delivered by a worker in the server process (SMTP), or kept for /dev/outbox in development.
 */
export const outbox = sqliteTable(
  'outbox',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    toAddress: text('to_address').notNull(),
    subject: text('subject').notNull(),
    body: text('body').notNull(),
    /** JSON array of { filename, contentType, content } attachments (e.g. .ics). */
    attachments: text('attachments'),
    status: text('status', { enum: ['pending', 'sent', 'failed'] })
      .notNull()
      .default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: integer('next_attempt_at', { mode: 'timestamp_ms' }).notNull(),
    leaseUntil: integer('lease_until', { mode: 'timestamp_ms' }),
    lastError: text('last_error'),
    sentAt: integer('sent_at', { mode: 'timestamp_ms' }),
    createdAt: createdAt(),
  },
  (t) => [index('outbox_due_idx').on(t.status, t.nextAttemptAt)],
);

/** In-app notifications: the same events as the e-mails, readable on /notifications. */
export const notifications = sqliteTable(
  'notifications',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    subject: text('subject').notNull(),
    body: text('body').notNull(),
    /** A local path (starting with /) to the booking or meeting concerned. */
    link: text('link'),
    readAt: integer('read_at', { mode: 'timestamp_ms' }),
    createdAt: createdAt(),
  },
  (t) => [index('notifications_user_idx').on(t.userId, t.readAt), check('notifications_link_check', sql`${t.link} is null or ${t.link} like '/%'`)],
);

/** Private calendar subscription: one secret per user; a new secret replaces (revokes) the old one. */
export const calendarFeeds = sqliteTable(
  'calendar_feeds',
  {
    userId: text('user_id')
      .primaryKey()
      .references(() => users.id, { onDelete: 'cascade' }),
    tokenHash: text('token_hash').notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('calendar_feeds_token_unique').on(t.tokenHash)],
);

/** Which reminders went out: the reminder job inserts here first, so it never sends one twice (also with two processes). */
export const remindersSent = sqliteTable(
  'reminders_sent',
  {
    kind: text('kind', { enum: ['booking', 'registration', 'consult'] }).notNull(),
    refId: integer('ref_id').notNull(),
    sentAt: integer('sent_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.kind, t.refId] })],
);

/**
 * Change counters, bumped by triggers (migration 0003) on every write to the tables a counter
 * covers, from any process. A per-process cache keyed by the counter (src/lib/versioned.ts) can
 * therefore never answer with data older than the database: 'filters' covers what the search and
 * meeting-list filters offer (organisations, locations, meetings and their visibility), 'desks'
 * which spaces a desk search finds (spaces, locations, location shares, closures, organisations;
 * migration 0020).
 */
export const changeCounters = sqliteTable('change_counters', {
  name: text('name').primaryKey(),
  n: integer('n').notNull().default(0),
});
