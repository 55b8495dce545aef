import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { attendanceChanges, organisations, registrations, users, type Presence } from '../../db/schema';
import { writeTx, type DB, type Queryable, type Tx } from '../db';
import { toCsv } from '../lib/csv';
import { localDateOf, localTimeOf } from '../lib/time';
import type { Dict } from '../../views/i18n';
import { listParticipants, type Meeting } from './meetings';

/** Attendance can be recorded from the start and corrected for 14 days after it. */
export const ATTENDANCE_WINDOW_MS = 14 * 86_400_000;

export type AttendanceState = 'not-started' | 'open' | 'closed';

export function attendanceState(m: Meeting, now: Date): AttendanceState {
  if (now < m.startsAt) return 'not-started';
  if (now.getTime() > m.startsAt.getTime() + ATTENDANCE_WINDOW_MS) return 'closed';
  return 'open';
}

export function durationMinutes(m: { startsAt: Date; endsAt: Date }): number {
  return Math.round((m.endsAt.getTime() - m.startsAt.getTime()) / 60_000);
}

export type AttendanceEntry = { registrationId: number; presence: Presence | null; minutesPresent: number | null };

export type RecordResult = { ok: true; changed: number } | { ok: false; reason: Exclude<AttendanceState, 'open'> };

/**
 * Saves attendance for registered participants of one meeting and logs every change (who, when,
 * old → new). Entries for other meetings' registrations are ignored: the registration is looked
 * up with the meeting id in the WHERE clause.
 */
export function recordAttendance(db: DB | Tx, m: Meeting, entries: AttendanceEntry[], changedBy: string, now: Date): RecordResult {
  return writeTx(db, (tx) => {
    const state = attendanceState(m, now);
    if (state !== 'open') return { ok: false, reason: state };
    let changed = 0;
    for (const e of entries) {
      const reg = tx
        .select()
        .from(registrations)
        .where(and(eq(registrations.id, e.registrationId), eq(registrations.meetingId, m.id), eq(registrations.status, 'registered')))
        .get();
      if (!reg) continue;
      const minutes = e.presence === 'present' ? e.minutesPresent : null;
      if (reg.presence === e.presence && reg.minutesPresent === minutes) continue;
      tx.update(registrations).set({ presence: e.presence, minutesPresent: minutes, updatedAt: now }).where(eq(registrations.id, reg.id)).run();
      tx.insert(attendanceChanges)
        .values({
          registrationId: reg.id,
          changedBy,
          changedAt: now,
          oldPresence: reg.presence,
          newPresence: e.presence,
          oldMinutes: reg.minutesPresent,
          newMinutes: minutes,
        })
        .run();
      changed++;
    }
    return { ok: true, changed };
  });
}

const changer = alias(users, 'changer');

export function listAttendanceChanges(db: Queryable, meetingId: number) {
  return db
    .select({
      id: attendanceChanges.id,
      participant: users.name,
      changedBy: changer.name,
      changedAt: attendanceChanges.changedAt,
      oldPresence: attendanceChanges.oldPresence,
      newPresence: attendanceChanges.newPresence,
      oldMinutes: attendanceChanges.oldMinutes,
      newMinutes: attendanceChanges.newMinutes,
    })
    .from(attendanceChanges)
    .innerJoin(registrations, eq(registrations.id, attendanceChanges.registrationId))
    .innerJoin(users, eq(users.id, registrations.userId))
    .leftJoin(changer, eq(changer.id, attendanceChanges.changedBy))
    .where(eq(registrations.meetingId, meetingId))
    .orderBy(desc(attendanceChanges.changedAt), desc(attendanceChanges.id))
    .all();
}

/** Organisation names of the people present, per meeting. */
export function orgsPresent(db: Queryable, meetingIds: number[]): Map<number, string[]> {
  const out = new Map<number, string[]>();
  if (meetingIds.length === 0) return out;
  const rows = db
    .selectDistinct({ meetingId: registrations.meetingId, name: organisations.name })
    .from(registrations)
    .innerJoin(organisations, eq(organisations.id, registrations.orgId))
    .where(and(inArray(registrations.meetingId, meetingIds), eq(registrations.presence, 'present'), eq(registrations.status, 'registered')))
    .orderBy(asc(organisations.name))
    .all();
  for (const r of rows) out.set(r.meetingId, [...(out.get(r.meetingId) ?? []), r.name]);
  return out;
}

/** The attendance list: date, start, end, method, facilitator, participants with organisation and presence; and whose data it holds (for the access log). */
export function attendanceCsv(db: Queryable, m: Meeting, facilitatorName: string, t: Dict): { csv: string; subjectIds: string[] } {
  const c = t.intervision.csv;
  const { registered } = listParticipants(db, m.id);
  const rows: (string | number)[][] = [[c.date, c.start, c.end, c.method, c.facilitator, c.participant, c.organisation, c.presence, c.minutes]];
  for (const p of registered) {
    rows.push([
      localDateOf(m.startsAt),
      localTimeOf(m.startsAt),
      localTimeOf(m.endsAt),
      t.intervision.methods[m.method],
      facilitatorName,
      p.name,
      p.orgName,
      p.presence ? t.intervision.presence[p.presence] : '',
      p.presence === 'present' ? (p.minutesPresent ?? durationMinutes(m)) : '',
    ]);
  }
  return { csv: toCsv(rows), subjectIds: registered.map((p) => p.userId) };
}
