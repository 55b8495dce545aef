import { and, eq, gte, isNotNull, lt } from 'drizzle-orm';
import { bookings, meetings, registrations, remindersSent } from '../../db/schema';
import { writeTx, type DB, type Queryable } from '../db';
import { addDays, instantOf, localTimeOf, localToday } from '../lib/time';
import { noticeBookings } from '../desks/notices';
import { mailMeetingReminder } from '../intervision/mails';
import { sendConsultReminders } from '../consults/reminders';

/** Reminders go out from this Amsterdam time on the day before. */
export const REMINDER_FROM = '16:00';

/** Claims a reminder; false when it was already sent (by this or another process). */
function claim(tx: Queryable, kind: 'booking' | 'registration', refId: number, now: Date): boolean {
  return tx.insert(remindersSent).values({ kind, refId, sentAt: now }).onConflictDoNothing().returning({ refId: remindersSent.refId }).all().length > 0;
}

/**
 * The day-before reminders for desks, meetings and consults (optional mails: the person's preference
 * decides whether an e-mail goes out; the in-app notice always appears). Idempotent: each
 * reminder is claimed in reminders_sent inside the same immediate transaction.
 */
export function sendReminders(db: DB, now: Date, ctx: { baseUrl?: string } = {}): number {
  if (localTimeOf(now) < REMINDER_FROM) return 0;
  const tomorrow = addDays(localToday(now), 1);
  return writeTx(db, (tx) => {
    let sent = 0;
    const due = tx
      .select({ id: bookings.id, userId: bookings.userId, spaceId: bookings.spaceId })
      .from(bookings)
      .where(and(eq(bookings.date, tomorrow), eq(bookings.status, 'confirmed'), isNotNull(bookings.userId)))
      .all() as { id: number; userId: string; spaceId: number }[];
    const groups = new Map<string, { userId: string; ids: number[] }>();
    for (const b of due) {
      if (!claim(tx, 'booking', b.id, now)) continue;
      const key = `${b.userId}:${b.spaceId}`;
      const g = groups.get(key) ?? { userId: b.userId, ids: [] };
      g.ids.push(b.id);
      groups.set(key, g);
    }
    for (const g of groups.values()) {
      noticeBookings(tx, g.userId, g.ids, 'reminder', now, { baseUrl: ctx.baseUrl });
      sent++;
    }
    const regs = tx
      .select({
        id: registrations.id,
        userId: registrations.userId,
        meeting: { id: meetings.id, title: meetings.title, startsAt: meetings.startsAt, endsAt: meetings.endsAt },
      })
      .from(registrations)
      .innerJoin(meetings, eq(meetings.id, registrations.meetingId))
      .where(
        and(
          eq(registrations.status, 'registered'),
          eq(meetings.status, 'scheduled'),
          gte(meetings.startsAt, instantOf(tomorrow, '00:00')),
          lt(meetings.startsAt, instantOf(addDays(tomorrow, 1), '00:00')),
        ),
      )
      .all();
    for (const r of regs) {
      if (!claim(tx, 'registration', r.id, now)) continue;
      mailMeetingReminder(tx, r.userId, r.meeting, now);
      sent++;
    }
    sent += sendConsultReminders(tx, tomorrow, now, ctx.baseUrl);
    return sent;
  });
}
