import { and, asc, desc, eq, gte, lt, sql } from 'drizzle-orm';
import { meetings, registrations, statements, users, type MeetingKind, type MeetingMethod } from '../../db/schema';
import { writeTx, type DB, type Queryable, type Tx } from '../db';
import { addDays, instantOf, localDateOf, localTimeOf } from '../lib/time';
import { newToken } from '../lib/tokens';
import { toCsv } from '../lib/csv';
import { durationMinutes, orgsPresent } from './attendance';
import type { Dict } from '../../views/i18n';

/** SKJ re-registration: about 60 hours of reflection per 5 years. */
export const REFLECTION_TARGET_HOURS = 60;
export const REFLECTION_PERIOD_YEARS = 5;

export type AttendedMeeting = {
  meetingId: number;
  startsAt: Date;
  endsAt: Date;
  title: string;
  kind: MeetingKind;
  method: MeetingMethod;
  facilitatorName: string;
  /** Real minutes: the meeting's length as instants (so DST days count right), or the minutes present. */
  minutes: number;
  orgs: string[];
};

/**
 * Meetings a person attended (marked present), optionally within Amsterdam dates [from, to].
 * Hours come from the stored UTC instants, never from wall-clock differences.
 */
export function attendedMeetings(db: Queryable, userId: string, period?: { from: string; to: string }): AttendedMeeting[] {
  const conds = [
    eq(registrations.userId, userId),
    eq(registrations.status, 'registered'),
    eq(registrations.presence, 'present'),
    eq(meetings.status, 'scheduled'),
  ];
  if (period) conds.push(gte(meetings.startsAt, instantOf(period.from, '00:00')), lt(meetings.startsAt, instantOf(addDays(period.to, 1), '00:00')));
  const rows = db
    .select({
      meetingId: meetings.id,
      startsAt: meetings.startsAt,
      endsAt: meetings.endsAt,
      title: meetings.title,
      kind: meetings.kind,
      method: meetings.method,
      facilitatorName: users.name,
      minutesPresent: registrations.minutesPresent,
    })
    .from(registrations)
    .innerJoin(meetings, eq(meetings.id, registrations.meetingId))
    .innerJoin(users, eq(users.id, meetings.facilitatorId))
    .where(and(...conds))
    .orderBy(desc(meetings.startsAt))
    .all();
  const orgs = orgsPresent(
    db,
    rows.map((r) => r.meetingId),
  );
  return rows.map(({ minutesPresent, ...r }) => ({ ...r, minutes: minutesPresent ?? durationMinutes(r), orgs: orgs.get(r.meetingId) ?? [] }));
}

export const hoursOf = (minutes: number) => Math.round((minutes / 60) * 100) / 100;

export function totalHours(list: AttendedMeeting[]): number {
  return hoursOf(list.reduce((s, m) => s + m.minutes, 0));
}

/** The first day of the running 5-year period that ends today (Amsterdam). */
export function periodStart(now: Date): string {
  const today = localDateOf(now);
  const y = Number(today.slice(0, 4)) - REFLECTION_PERIOD_YEARS;
  const md = today.slice(5) === '02-29' ? '02-28' : today.slice(5);
  return addDays(`${y}-${md}`, 1);
}

export function groupByYear(list: AttendedMeeting[]): { year: string; meetings: AttendedMeeting[]; hours: number }[] {
  const byYear = new Map<string, AttendedMeeting[]>();
  for (const m of list) {
    const y = localDateOf(m.startsAt).slice(0, 4);
    byYear.set(y, [...(byYear.get(y) ?? []), m]);
  }
  return [...byYear].map(([year, ms]) => ({ year, meetings: ms, hours: totalHours(ms) }));
}

export type Statement = typeof statements.$inferSelect;

/** Issues a statement: the meetings and the name as they are now are stored with it (in the same transaction). */
export function createStatement(db: DB | Tx, userId: string, period: { from: string; to: string }, now: Date): Statement {
  return writeTx(db, (tx) => {
    const holder = tx.select({ name: users.name }).from(users).where(eq(users.id, userId)).get();
    const issuedMeetings = JSON.stringify(
      attendedMeetings(tx, userId, period).map((m) => ({ ...m, startsAt: m.startsAt.getTime(), endsAt: m.endsAt.getTime() })),
    );
    return tx
      .insert(statements)
      .values({ userId, code: newToken(), fromDate: period.from, toDate: period.to, holderName: holder?.name ?? null, issuedMeetings, createdAt: now })
      .returning()
      .get();
  });
}

/**
 * What a statement shows: the holder's name and the meetings as issued. Statements from before
 * these were stored (issuedMeetings null) are shown from the live data, with the current name.
 */
export function statementContent(
  db: Queryable,
  st: Statement,
  currentName: string | null,
): { name: string | null; meetings: AttendedMeeting[]; hours: number; issued: boolean } {
  const meetings = st.issuedMeetings
    ? (JSON.parse(st.issuedMeetings) as (Omit<AttendedMeeting, 'startsAt' | 'endsAt'> & { startsAt: number; endsAt: number })[]).map((m) => ({
        ...m,
        startsAt: new Date(m.startsAt),
        endsAt: new Date(m.endsAt),
      }))
    : attendedMeetings(db, st.userId, { from: st.fromDate, to: st.toDate });
  // After its retention (src/privacy/retention.ts) a statement still verifies, without a name.
  const name = st.anonymisedAt ? null : (st.holderName ?? currentName);
  return { name, meetings, hours: totalHours(meetings), issued: st.issuedMeetings !== null };
}

/**
 * The hours the live records now count for an issued statement's period, when they differ from
 * what was issued (other meetings, or other minutes: an attendance correction); otherwise null.
 * A renamed meeting or holder is not a correction.
 */
export function correctedHours(db: Queryable, st: Statement, issued: AttendedMeeting[]): number | null {
  if (st.issuedMeetings === null) return null;
  const live = attendedMeetings(db, st.userId, { from: st.fromDate, to: st.toDate });
  const key = (list: AttendedMeeting[]) =>
    list
      .map((m) => `${m.meetingId}:${m.minutes}`)
      .sort()
      .join(',');
  return key(live) === key(issued) ? null : totalHours(live);
}

export function getOwnStatement(db: Queryable, id: number, userId: string): Statement | undefined {
  return db
    .select()
    .from(statements)
    .where(and(eq(statements.id, id), eq(statements.userId, userId)))
    .get();
}

export function listOwnStatements(db: Queryable, userId: string): Statement[] {
  return db.select().from(statements).where(eq(statements.userId, userId)).orderBy(asc(statements.createdAt)).all();
}

/** Public verification: only the holder's name (null: the account was deleted) and the statement; a wrong code finds nothing. */
export function findStatementByCode(db: Queryable, code: string): (Statement & { name: string | null }) | undefined {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(code)) return undefined;
  const r = db
    .select({ statement: statements, name: sql<string | null>`case when ${users.deletedAt} is null then ${users.name} end` })
    .from(statements)
    .innerJoin(users, eq(users.id, statements.userId))
    .where(eq(statements.code, code))
    .get();
  return r ? { ...r.statement, name: r.name } : undefined;
}

export function reflectionCsv(list: AttendedMeeting[], t: Dict): string {
  const c = t.intervision.csv;
  const rows: (string | number)[][] = [[c.date, c.start, c.end, c.title, c.kind, c.method, c.facilitator, c.organisations, c.hours]];
  for (const m of [...list].reverse()) {
    rows.push([
      localDateOf(m.startsAt),
      localTimeOf(m.startsAt),
      localTimeOf(m.endsAt),
      m.title,
      t.intervision.kinds[m.kind],
      t.intervision.methods[m.method],
      m.facilitatorName,
      m.orgs.join(', '),
      hoursOf(m.minutes),
    ]);
  }
  return toCsv(rows);
}
