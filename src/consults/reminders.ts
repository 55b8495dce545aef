import { and, eq } from 'drizzle-orm';
import { consultBookings, consultHours, remindersSent } from '../../db/schema';
import type { Queryable } from '../db';
import { noticeConsultReminder } from './notices';

/**
 * The day-before reminders of consults, to the booker and to the expert, inside the reminder job's
 * transaction (src/notifications/reminders.ts). Each booking is claimed once in reminders_sent
 * (kind 'consult'), so two processes never send it twice. Returns the number of bookings reminded.
 */
export function sendConsultReminders(tx: Queryable, tomorrow: string, now: Date, baseUrl?: string): number {
  const due = tx
    .select({ id: consultBookings.id })
    .from(consultBookings)
    .innerJoin(consultHours, eq(consultHours.id, consultBookings.hourId))
    .where(and(eq(consultHours.date, tomorrow), eq(consultHours.status, 'open'), eq(consultBookings.status, 'booked')))
    .all();
  let sent = 0;
  for (const b of due) {
    const claimed = tx
      .insert(remindersSent)
      .values({ kind: 'consult', refId: b.id, sentAt: now })
      .onConflictDoNothing()
      .returning({ refId: remindersSent.refId })
      .all();
    if (claimed.length === 0) continue;
    noticeConsultReminder(tx, b.id, now, baseUrl);
    sent++;
  }
  return sent;
}
