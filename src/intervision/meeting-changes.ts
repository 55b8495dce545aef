import { and, eq, inArray } from 'drizzle-orm';
import { meetings, registrations } from '../../db/schema';
import type { Queryable, Tx } from '../db';
import { mailMeetingCancelled, mailMeetingChanged } from './mails';
import { setVisibility, type Meeting, type MeetingInput } from './meetings';
import { promote } from './registrations';

/*
 * Changes to a published meeting that reach the people signed up for it: an edit (which may also
 * move waiting people up) and a cancellation. Apart from meetings.ts because an edit needs the
 * waiting list (registrations.ts), which itself needs the meeting rules: meetings.ts stays below both.
 */

/**
 * Saves an edit. Everyone registered or waiting is told; a higher maximum (or per-organisation
 * maximum) moves waiting people up; a lower one never drops anybody already registered.
 */
export function updateMeeting(tx: Tx, meeting: Meeting, input: MeetingInput, now: Date, baseUrl: string): void {
  const { visibleOrgIds, ...row } = input;
  tx.update(meetings)
    .set({ ...row, updatedAt: now, minWarningSentAt: input.signupClosesAt.getTime() !== meeting.signupClosesAt.getTime() ? null : meeting.minWarningSentAt })
    .where(eq(meetings.id, meeting.id))
    .run();
  setVisibility(tx, meeting.id, input.visibility, visibleOrgIds);
  const updated = tx.select().from(meetings).where(eq(meetings.id, meeting.id)).get()!;
  for (const p of peopleInvolved(tx, meeting.id)) mailMeetingChanged(tx, p.userId, updated, now, baseUrl);
  promote(tx, meeting.id, now, baseUrl);
}

/** Cancels a meeting that has not started; everyone registered or waiting is told. */
export function cancelMeeting(tx: Tx, meeting: Meeting, now: Date, baseUrl: string): 'ok' | 'started' | 'already' {
  if (meeting.status === 'cancelled') return 'already';
  if (now >= meeting.startsAt) return 'started';
  tx.update(meetings).set({ status: 'cancelled', updatedAt: now }).where(eq(meetings.id, meeting.id)).run();
  for (const p of peopleInvolved(tx, meeting.id)) mailMeetingCancelled(tx, p.userId, meeting, now, baseUrl);
  return 'ok';
}

function peopleInvolved(tx: Queryable, meetingId: number) {
  return tx
    .select({ userId: registrations.userId })
    .from(registrations)
    .where(and(eq(registrations.meetingId, meetingId), inArray(registrations.status, ['registered', 'waitlisted'])))
    .all();
}
