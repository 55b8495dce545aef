import { and, eq, inArray } from 'drizzle-orm';
import { meetings, registrations } from '../../db/schema';
import { writeTx, type DB, type Queryable } from '../db';
import { mailMeetingCancelled, mailMeetingChanged } from './mails';
import { getManagedMeeting, placeClosedOn, setVisibility, type MeetingInput, type PlaceClosed } from './meetings';
import { localDateOf } from '../lib/time';
import { promote } from './registrations';

/*
 * Changes to a published meeting that reach the people signed up for it: an edit (which may also
 * move waiting people up) and a cancellation. Apart from meetings.ts because an edit needs the
 * waiting list (registrations.ts), which itself needs the meeting rules: meetings.ts stays below both.
 */

/** Who is changing the meeting: the manage rule is checked again inside the transaction. */
export type Manager = { userId: string; adminOrgIds: number[] };

/**
 * Saves an edit, in one transaction that reads the meeting afresh: a cancellation, the start, or the
 * under-minimum job's claim that happened while the form was on its way are seen, never overwritten.
 * Everyone registered or waiting is told; a higher maximum (or per-organisation maximum) moves
 * waiting people up; a lower one never drops anybody already registered. The warning about too few
 * sign-ups may go out again only when the sign-up deadline moved.
 */
export function updateMeeting(
  db: DB,
  meetingId: number,
  by: Manager,
  input: MeetingInput,
  now: Date,
  baseUrl: string,
): 'ok' | 'not_found' | 'closed' | { placeClosed: PlaceClosed } {
  return writeTx(db, (tx) => {
    const meeting = getManagedMeeting(tx, meetingId, by.userId, by.adminOrgIds);
    if (!meeting) return 'not_found';
    if (meeting.status === 'cancelled' || now >= meeting.startsAt) return 'closed';
    // Only a move (another location or date) is held to the location's closed days: a closure
    // announced after the meeting was planned does not block an edit of its description.
    const date = localDateOf(input.startsAt);
    if ((input.locationId ?? null) !== meeting.locationId || date !== localDateOf(meeting.startsAt)) {
      const placeClosed = placeClosedOn(tx, input.locationId, [date]);
      if (placeClosed) return { placeClosed };
    }
    const { visibleOrgIds, ...row } = input;
    const deadlineMoved = input.signupClosesAt.getTime() !== meeting.signupClosesAt.getTime();
    tx.update(meetings)
      .set({ ...row, updatedAt: now, ...(deadlineMoved ? { minWarningSentAt: null } : {}) })
      .where(eq(meetings.id, meeting.id))
      .run();
    setVisibility(tx, meeting.id, input.visibility, visibleOrgIds);
    const updated = tx.select().from(meetings).where(eq(meetings.id, meeting.id)).get()!;
    for (const p of peopleInvolved(tx, meeting.id)) mailMeetingChanged(tx, p.userId, updated, now, baseUrl);
    promote(tx, meeting.id, now, baseUrl);
    return 'ok';
  });
}

/**
 * Cancels a meeting that has not started, in one transaction that reads its status afresh: of two
 * cancellations at once, the second finds it cancelled and tells nobody again.
 */
export function cancelMeeting(db: DB, meetingId: number, by: Manager, now: Date, baseUrl: string): 'ok' | 'not_found' | 'started' | 'already' {
  return writeTx(db, (tx) => {
    const meeting = getManagedMeeting(tx, meetingId, by.userId, by.adminOrgIds);
    if (!meeting) return 'not_found';
    if (meeting.status === 'cancelled') return 'already';
    if (now >= meeting.startsAt) return 'started';
    tx.update(meetings).set({ status: 'cancelled', updatedAt: now }).where(eq(meetings.id, meeting.id)).run();
    for (const p of peopleInvolved(tx, meeting.id)) mailMeetingCancelled(tx, p.userId, meeting, now, baseUrl);
    return 'ok';
  });
}

function peopleInvolved(tx: Queryable, meetingId: number) {
  return tx
    .select({ userId: registrations.userId })
    .from(registrations)
    .where(and(eq(registrations.meetingId, meetingId), inArray(registrations.status, ['registered', 'waitlisted'])))
    .all();
}
