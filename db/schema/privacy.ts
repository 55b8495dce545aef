// Tables of the privacy work (issue #13): who read whose personal data. See
// docs/decisions/013-privacy.md and the processing register (src/privacy/register.ts).
import { sql } from 'drizzle-orm';
import { check, index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/** What was read: the pages and files that show other people's personal data, and what was done to it. */
export const ACCESS_ACTIONS = ['attendance_list', 'attendance_csv', 'guest_list', 'member_details', 'member_list', 'export', 'account_deleted'] as const;
export type AccessAction = (typeof ACCESS_ACTIONS)[number];

/**
 * One reading of other people's personal data, or an export or deletion: who, what, when — never
 * the data itself. Append-only: triggers (migration 0010) refuse every UPDATE, and every DELETE of
 * a row younger than two years (the retention job removes older ones). No foreign keys, so that
 * deleting or anonymising an account never changes the log; the actor's name is kept as it was.
 */
export const accessLog = sqliteTable(
  'access_log',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    at: integer('at', { mode: 'timestamp_ms' }).notNull(),
    actorId: text('actor_id').notNull(),
    actorName: text('actor_name').notNull(),
    action: text('action', { enum: ACCESS_ACTIONS }).notNull(),
    /** The organisation whose data was read (the scope an org admin filters on); null: not one organisation's. */
    orgId: integer('org_id'),
    /** What was opened, e.g. "meeting:12", "location:3:2026-12-09", "user:…" (ids only). */
    object: text('object').notNull(),
    subjectCount: integer('subject_count').notNull().default(0),
  },
  (t) => [
    index('access_log_at_idx').on(t.at),
    index('access_log_org_idx').on(t.orgId, t.at),
    index('access_log_actor_idx').on(t.actorId, t.at),
    check(
      'access_log_action_check',
      sql`${t.action} in ('attendance_list','attendance_csv','guest_list','member_details','member_list','export','account_deleted')`,
    ),
  ],
);

/** Whose data one access-log entry showed: one row per person, so a person can see who looked at their data. */
export const accessLogSubjects = sqliteTable(
  'access_log_subjects',
  {
    logId: integer('log_id').notNull(),
    userId: text('user_id').notNull(),
    /** The entry's moment, repeated so the append-only rule and the retention need no join. */
    at: integer('at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [index('access_log_subjects_user_idx').on(t.userId, t.at), index('access_log_subjects_log_idx').on(t.logId)],
);
