import { and, desc, eq, gte, inArray, lt, sql, type SQL } from 'drizzle-orm';
import { ACCESS_ACTIONS, accessLog, accessLogSubjects, organisations, type AccessAction } from '../../db/schema';
import { writeTx, type DB, type Tx } from '../db';
import { paging, type Paging } from '../lib/paging';
import { addDays, instantOf, isValidLocalDate } from '../lib/time';

// The access log (issue #13, ADR 014): who read whose personal data, and when — never the data.
// The tables are append-only (triggers, migration 0010); this file only inserts and reads.

export type AccessEntry = {
  actorId: string;
  /** The actor's name as it is now: the log keeps it when the account is renamed or deleted. */
  actorName: string;
  action: AccessAction;
  /** The organisation whose data was read; null when it is not one organisation's (an export). */
  orgId: number | null;
  /** What was opened, ids only: "meeting:12", "location:3:2026-12-09", "org:4", "user:…". */
  object: string;
  /** The people whose data was shown. */
  subjectIds: readonly string[];
};

/**
 * Actions on the actor's own data: there the actor is the subject too, so that the person sees the
 * download of their data on "Wie bekeek mijn gegevens" (a download they did not make means
 * someone else used their account). On a list the actor is left out: reading a list that names
 * yourself is not someone else looking.
 */
const OWN_DATA_ACTIONS: readonly AccessAction[] = ['export', 'account_deleted'];

/** SQLite allows 32766 variables per statement; three per subject row. */
const SUBJECT_CHUNK = 1000;

/** Writes one entry and one subject row per distinct person; joins an enclosing transaction. Returns the entry's id. */
export function logAccess(db: DB | Tx, entry: AccessEntry, now: Date): number {
  const own = OWN_DATA_ACTIONS.includes(entry.action);
  const subjects = [...new Set(entry.subjectIds)].filter((id) => own || id !== entry.actorId);
  return writeTx(db, (tx) => {
    const { id } = tx
      .insert(accessLog)
      .values({
        at: now,
        actorId: entry.actorId,
        actorName: entry.actorName,
        action: entry.action,
        orgId: entry.orgId,
        object: entry.object,
        subjectCount: subjects.length,
      })
      .returning({ id: accessLog.id })
      .get();
    for (let i = 0; i < subjects.length; i += SUBJECT_CHUNK)
      tx.insert(accessLogSubjects)
        .values(subjects.slice(i, i + SUBJECT_CHUNK).map((userId) => ({ logId: id, userId, at: now })))
        .run();
    return id;
  });
}

// ——— Reading the log ———

/** Whose entries someone may read: an org admin those of the organisations they administer, a network admin all. */
export type AccessScope = { orgIds: number[] } | 'all';

export type AccessLogFilters = {
  action?: AccessAction;
  /** Part of the actor's name (the name as it was when they looked). */
  actor?: string;
  /** Amsterdam dates, both included. */
  from?: string;
  to?: string;
  orgId?: number;
};

export const ACCESS_LOG_PAGE_SIZE = 25;

/**
 * The filters of the log page from its query string; a value that is not valid is left out, and
 * `raw` holds only what was applied, so the form shows exactly what the list is filtered on.
 */
export function parseAccessLogFilters(q: Record<string, string | undefined>): { filters: AccessLogFilters; raw: Record<string, string> } {
  const filters: AccessLogFilters = {};
  const raw: Record<string, string> = {};
  if (q.action && (ACCESS_ACTIONS as readonly string[]).includes(q.action)) filters.action = raw.action = q.action as AccessAction;
  const actor = q.actor?.trim();
  if (actor && actor.length <= 80) filters.actor = raw.actor = actor;
  if (q.from && isValidLocalDate(q.from)) filters.from = raw.from = q.from;
  if (q.to && isValidLocalDate(q.to)) filters.to = raw.to = q.to;
  if (q.org && /^[1-9]\d{0,8}$/.test(q.org)) {
    filters.orgId = Number(q.org);
    raw.org = q.org;
  }
  return { filters, raw };
}

function logWhere(scope: AccessScope, f: AccessLogFilters): SQL | undefined {
  return and(
    scope === 'all' ? undefined : inArray(accessLog.orgId, scope.orgIds),
    f.action ? eq(accessLog.action, f.action) : undefined,
    // instr, not LIKE: a % or _ in the name typed is a character, not a wildcard.
    f.actor ? sql`instr(lower(${accessLog.actorName}), lower(${f.actor})) > 0` : undefined,
    f.from ? gte(accessLog.at, instantOf(f.from, '00:00')) : undefined,
    f.to ? lt(accessLog.at, instantOf(addDays(f.to, 1), '00:00')) : undefined,
    f.orgId ? eq(accessLog.orgId, f.orgId) : undefined,
  );
}

export type AccessLogRow = {
  id: number;
  at: Date;
  actorName: string;
  action: AccessAction;
  orgName: string | null;
  object: string;
  subjectCount: number;
};

/**
 * One page of the log in scope, with the filters, newest first, and the number found in all.
 * Count and page read one snapshot (a read transaction), so they agree.
 */
export function listAccessLog(
  db: DB,
  scope: AccessScope,
  filters: AccessLogFilters,
  page: { requested: number; size: number } = { requested: 1, size: ACCESS_LOG_PAGE_SIZE },
): { rows: AccessLogRow[]; paging: Paging } {
  if (scope !== 'all' && scope.orgIds.length === 0) return { rows: [], paging: paging(1, 0, page.size) };
  const where = logWhere(scope, filters);
  return db.$client.transaction(() => {
    const total = db.select({ n: sql<number>`count(*)` }).from(accessLog).where(where).get()?.n ?? 0;
    const pg = paging(page.requested, total, page.size);
    const rows =
      total === 0
        ? []
        : db
            .select({
              id: accessLog.id,
              at: accessLog.at,
              actorName: accessLog.actorName,
              action: accessLog.action,
              orgName: organisations.name,
              object: accessLog.object,
              subjectCount: accessLog.subjectCount,
            })
            .from(accessLog)
            .leftJoin(organisations, eq(organisations.id, accessLog.orgId))
            .where(where)
            .orderBy(desc(accessLog.at), desc(accessLog.id))
            .limit(pg.size)
            .offset(pg.offset)
            .all();
    return { rows, paging: pg };
  })();
}

export type LookedAtMeRow = { id: number; at: Date; actorId: string; actorName: string; action: AccessAction; orgName: string | null };

/** One page of the entries in which `userId` is a subject: who looked at their data, what, when; newest first. */
export function listWhoLookedAtMe(
  db: DB,
  userId: string,
  page: { requested: number; size: number } = { requested: 1, size: ACCESS_LOG_PAGE_SIZE },
): { rows: LookedAtMeRow[]; paging: Paging } {
  return db.$client.transaction(() => {
    const total =
      db
        .select({ n: sql<number>`count(*)` })
        .from(accessLogSubjects)
        .innerJoin(accessLog, eq(accessLog.id, accessLogSubjects.logId))
        .where(eq(accessLogSubjects.userId, userId))
        .get()?.n ?? 0;
    const pg = paging(page.requested, total, page.size);
    const rows =
      total === 0
        ? []
        : db
            .select({
              id: accessLog.id,
              at: accessLog.at,
              actorId: accessLog.actorId,
              actorName: accessLog.actorName,
              action: accessLog.action,
              orgName: organisations.name,
            })
            .from(accessLogSubjects)
            .innerJoin(accessLog, eq(accessLog.id, accessLogSubjects.logId))
            .leftJoin(organisations, eq(organisations.id, accessLog.orgId))
            .where(eq(accessLogSubjects.userId, userId))
            .orderBy(desc(accessLogSubjects.at), desc(accessLog.id))
            .limit(pg.size)
            .offset(pg.offset)
            .all();
    return { rows, paging: pg };
  })();
}
