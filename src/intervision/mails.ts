import { eq } from 'drizzle-orm';
import { intervisionGroups, users } from '../../db/schema';
import type { Queryable } from '../db';
import { queueMail } from '../mail/outbox';
import { dictFor, type Dict, type Locale } from '../../views/i18n';
import { formatDateTime, formatTime } from '../../views/i18n/format';

type MeetingLike = { id: number; title: string; startsAt: Date; endsAt: Date };

/** Every intervision mail is written in the recipient's own language, not the sender's. */
function toUser(tx: Queryable, userId: string, now: Date, build: (t: Dict['intervision']['mail'], locale: Locale, name: string) => { subject: string; body: string }) {
  const u = tx.select({ email: users.email, name: users.name, locale: users.locale }).from(users).where(eq(users.id, userId)).get();
  if (!u) return;
  const locale: Locale = u.locale ?? 'nl';
  const { subject, body } = build(dictFor(locale).intervision.mail, locale, u.name);
  queueMail(tx, { to: u.email, subject, body }, now);
}

export const when = (locale: Locale, m: { startsAt: Date; endsAt: Date }) => `${formatDateTime(locale, m.startsAt)}–${formatTime(locale, m.endsAt)}`;

export function mailMovedUp(tx: Queryable, userId: string, m: MeetingLike, now: Date, baseUrl: string) {
  toUser(tx, userId, now, (t, locale, name) => ({ subject: t.movedUpSubject(m.title), body: t.movedUpBody(name, m.title, when(locale, m), `${baseUrl}/meetings/${m.id}`) }));
}

export function mailMeetingChanged(tx: Queryable, userId: string, m: MeetingLike, now: Date, baseUrl: string) {
  toUser(tx, userId, now, (t, locale, name) => ({ subject: t.changedSubject(m.title), body: t.changedBody(name, m.title, when(locale, m), `${baseUrl}/meetings/${m.id}`) }));
}

export function mailMeetingCancelled(tx: Queryable, userId: string, m: MeetingLike, now: Date, baseUrl: string) {
  toUser(tx, userId, now, (t, locale, name) => ({ subject: t.cancelledSubject(m.title), body: t.cancelledBody(name, m.title, when(locale, m), `${baseUrl}/meetings`) }));
}

export function mailRemoved(tx: Queryable, userId: string, m: MeetingLike, now: Date, baseUrl: string) {
  toUser(tx, userId, now, (t, locale, name) => ({ subject: t.removedSubject(m.title), body: t.removedBody(name, m.title, when(locale, m), `${baseUrl}/meetings`) }));
}

export function mailUnderMinimum(tx: Queryable, userId: string, m: MeetingLike & { minParticipants: number }, registered: number, now: Date) {
  toUser(tx, userId, now, (t, locale, name) => ({
    subject: t.underMinimumSubject(m.title),
    body: t.underMinimumBody(name, m.title, when(locale, m), registered, m.minParticipants),
  }));
}

export function mailGroupMovedUp(tx: Queryable, userId: string, groupId: number, now: Date, baseUrl: string) {
  const g = tx.select({ title: intervisionGroups.title }).from(intervisionGroups).where(eq(intervisionGroups.id, groupId)).get();
  if (!g) return;
  toUser(tx, userId, now, (t, _locale, name) => ({ subject: t.groupMovedUpSubject(g.title), body: t.groupMovedUpBody(name, g.title, `${baseUrl}/groups/${groupId}`) }));
}
