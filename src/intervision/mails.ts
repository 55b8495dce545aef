import { eq } from 'drizzle-orm';
import { intervisionGroups } from '../../db/schema';
import type { Queryable } from '../db';
import { notify } from '../notifications/notify';
import { meetingEvent, meetingForCalendar } from '../calendar/events';
import { icsAttachment, type IcsMethod } from '../calendar/ics';
import type { Dict, Locale } from '../../views/i18n';
import { formatDateTime, formatTime } from '../../views/i18n/format';

type MeetingLike = { id: number; title: string; startsAt: Date; endsAt: Date };

type Ics = { meetingId: number; method: IcsMethod; baseUrl: string };

/**
 * Every intervision mail is written in the recipient's own language, not the sender's, and lands
 * in their in-app notifications too. With `ics`, the meeting's calendar file goes along: PUBLISH to
 * add or update it (same UID, higher SEQUENCE), CANCEL to take it out of the calendar.
 */
function toUser(
  tx: Queryable,
  userId: string | null,
  now: Date,
  build: (t: Dict['intervision']['mail'], locale: Locale, name: string, all: Dict) => { subject: string; body: string },
  ics?: Ics,
  optional = false,
  own = false,
) {
  const meeting = ics ? meetingForCalendar(tx, ics.meetingId) : undefined;
  notify(
    tx,
    userId,
    (t, to) => ({
      ...build(t.intervision.mail, to.locale, to.name, t),
      link: ics ? `/meetings/${ics.meetingId}` : undefined,
      attachments:
        ics && meeting
          ? [
              icsAttachment(
                `gastplek-bijeenkomst-${meeting.id}.ics`,
                [meetingEvent(t, meeting, ics.baseUrl, ics.method === 'CANCEL' ? 'CANCELLED' : undefined)],
                ics.method,
              ),
            ]
          : undefined,
    }),
    now,
    { optional, own },
  );
}

export const when = (locale: Locale, m: { startsAt: Date; endsAt: Date }) => `${formatDateTime(locale, m.startsAt)}–${formatTime(locale, m.endsAt)}`;

export function mailMovedUp(tx: Queryable, userId: string | null, m: MeetingLike, now: Date, baseUrl: string) {
  toUser(
    tx,
    userId,
    now,
    (t, locale, name) => ({ subject: t.movedUpSubject(m.title), body: t.movedUpBody(name, m.title, when(locale, m), `${baseUrl}/meetings/${m.id}`) }),
    { meetingId: m.id, method: 'PUBLISH', baseUrl },
  );
}

export function mailMeetingChanged(tx: Queryable, userId: string | null, m: MeetingLike, now: Date, baseUrl: string) {
  toUser(
    tx,
    userId,
    now,
    (t, locale, name) => ({ subject: t.changedSubject(m.title), body: t.changedBody(name, m.title, when(locale, m), `${baseUrl}/meetings/${m.id}`) }),
    { meetingId: m.id, method: 'PUBLISH', baseUrl },
  );
}

export function mailMeetingCancelled(tx: Queryable, userId: string | null, m: MeetingLike, now: Date, baseUrl: string) {
  toUser(
    tx,
    userId,
    now,
    (t, locale, name) => ({ subject: t.cancelledSubject(m.title), body: t.cancelledBody(name, m.title, when(locale, m), `${baseUrl}/meetings`) }),
    { meetingId: m.id, method: 'CANCEL', baseUrl },
  );
}

export function mailRemoved(tx: Queryable, userId: string | null, m: MeetingLike, now: Date, baseUrl: string) {
  toUser(
    tx,
    userId,
    now,
    (t, locale, name) => ({ subject: t.removedSubject(m.title), body: t.removedBody(name, m.title, when(locale, m), `${baseUrl}/meetings`) }),
    { meetingId: m.id, method: 'CANCEL', baseUrl },
  );
}

/** To the facilitator, with a link to the meeting's management page (cancel, or go ahead anyway). */
export function mailUnderMinimum(
  tx: Queryable,
  userId: string | null,
  m: MeetingLike & { minParticipants: number },
  registered: number,
  now: Date,
  baseUrl?: string,
) {
  notify(
    tx,
    userId,
    (t, to) => ({
      subject: t.intervision.mail.underMinimumSubject(m.title),
      body: t.intervision.mail.underMinimumBody(to.name, m.title, when(to.locale, m), registered, m.minParticipants),
      link: `/facilitate/meetings/${m.id}`,
    }),
    now,
    { baseUrl },
  );
}

export function mailGroupMovedUp(tx: Queryable, userId: string | null, groupId: number, now: Date, baseUrl: string) {
  const g = tx.select({ title: intervisionGroups.title }).from(intervisionGroups).where(eq(intervisionGroups.id, groupId)).get();
  if (!g) return;
  toUser(tx, userId, now, (t, _locale, name) => ({
    subject: t.groupMovedUpSubject(g.title),
    body: t.groupMovedUpBody(name, g.title, `${baseUrl}/groups/${groupId}`),
  }));
}

export function mailGroupRemoved(tx: Queryable, userId: string | null, groupId: number, now: Date, baseUrl: string) {
  const g = tx.select({ title: intervisionGroups.title }).from(intervisionGroups).where(eq(intervisionGroups.id, groupId)).get();
  if (!g) return;
  toUser(tx, userId, now, (t, _locale, name) => ({
    subject: t.groupRemovedSubject(g.title),
    body: t.groupRemovedBody(name, g.title, `${baseUrl}/meetings`),
  }));
}

export function mailRegistered(tx: Queryable, userId: string | null, m: MeetingLike, now: Date, baseUrl: string) {
  toUser(
    tx,
    userId,
    now,
    (_t, locale, name, all) => ({
      subject: all.calendar.mail.registeredSubject(m.title),
      body: all.calendar.mail.registeredBody(name, m.title, when(locale, m)),
    }),
    {
      meetingId: m.id,
      method: 'PUBLISH',
      baseUrl,
    },
    false,
    true,
  );
}

export function mailWaitlisted(tx: Queryable, userId: string | null, m: MeetingLike, position: number, now: Date) {
  toUser(
    tx,
    userId,
    now,
    (_t, locale, name, all) => ({
      subject: all.calendar.mail.waitlistedSubject(m.title),
      body: all.calendar.mail.waitlistedBody(name, m.title, when(locale, m), position),
    }),
    undefined,
    false,
    true,
  );
}

export function mailMeetingReminder(tx: Queryable, userId: string | null, m: MeetingLike, now: Date) {
  toUser(
    tx,
    userId,
    now,
    (_t, locale, name, all) => ({
      subject: all.calendar.mail.meetingReminderSubject(m.title),
      body: all.calendar.mail.meetingReminderBody(name, m.title, when(locale, m)),
    }),
    undefined,
    true,
  );
}
