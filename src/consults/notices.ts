import type { Queryable } from '../db';
import { icsAttachment } from '../calendar/ics';
import { notify } from '../notifications/notify';
import { formatLocalDate, formatTime } from '../../views/i18n/format';
import { consultCalendar, consultForCalendar, placeOf, type ConsultForCalendar, type Side } from './calendar';
import { slotStart } from './slots';

/**
 * The e-mails (and in-app notices) about consult bookings, each with the .ics for the recipient's
 * side. Always called inside the transaction that makes the change (transactional outbox).
 */
type Kind = 'booked' | 'cancelled_by_booker' | 'cancelled_by_expert' | 'reminder';

function send(tx: Queryable, c: ConsultForCalendar, side: Side, kind: Kind, now: Date, baseUrl?: string) {
  const to = side === 'booker' ? c.userId : c.expertId;
  notify(
    tx,
    to,
    (t, r) => {
      const m = t.consults.mail;
      const when = `${formatLocalDate(r.locale, c.date, true)} ${formatTime(r.locale, slotStart(c, c.slot))}`;
      const topic = c.tagName ?? '—';
      const place = placeOf(c);
      const who = c.bookerName ?? t.consults.anonymous;
      const text: [string, string] =
        side === 'booker'
          ? kind === 'booked'
            ? [m.bookedSubject(c.expertName, when), m.bookedBody(r.name, c.expertName, when, place, topic)]
            : kind === 'reminder'
              ? [m.reminderSubject(c.expertName, when), m.reminderBody(r.name, c.expertName, when, place, topic)]
              : kind === 'cancelled_by_booker'
                ? [m.youCancelledSubject(c.expertName, when), m.youCancelledBody(r.name, c.expertName, when)]
                : [m.expertCancelledSubject(c.expertName, when), m.expertCancelledBody(r.name, c.expertName, when)]
          : kind === 'booked'
            ? [m.newBookingSubject(who, when), m.newBookingBody(r.name, who, c.bookerOrgName, when, place, topic)]
            : kind === 'reminder'
              ? [m.reminderSubject(who, when), m.reminderBody(r.name, who, when, place, topic)]
              : [m.bookerCancelledSubject(who, when), m.bookerCancelledBody(r.name, who, when)];
      const { event, method } = consultCalendar(t, c, side, baseUrl ?? '');
      return {
        subject: text[0],
        body: text[1],
        link: side === 'booker' ? '/bookings' : '/consults/mine',
        attachments: [icsAttachment(`gastplek-spreekuur-${c.id}.ics`, [event], method)],
      };
    },
    now,
    // The booker's own booking or cancellation: e-mail only (the expert hears of it as a notice too).
    { baseUrl, optional: kind === 'reminder', own: side === 'booker' && (kind === 'booked' || kind === 'cancelled_by_booker') },
  );
}

/** A new booking: the booker gets the confirmation, the expert hears who booked on which topic; both with the .ics. */
export function noticeConsultBooked(tx: Queryable, bookingId: number, now: Date, baseUrl?: string): void {
  const c = consultForCalendar(tx, bookingId);
  if (!c) return;
  send(tx, c, 'booker', 'booked', now, baseUrl);
  send(tx, c, 'expert', 'booked', now, baseUrl);
}

/**
 * A cancelled booking, with the CANCEL .ics. By the booker: the expert is told (the slot is free
 * again) and the booker gets the confirmation. By the expert (hours cancelled): the booker is told.
 */
export function noticeConsultCancelled(tx: Queryable, bookingId: number, by: 'booker' | 'hours', now: Date, baseUrl?: string): void {
  const c = consultForCalendar(tx, bookingId);
  if (!c) return;
  if (by === 'booker') {
    send(tx, c, 'expert', 'cancelled_by_booker', now, baseUrl);
    send(tx, c, 'booker', 'cancelled_by_booker', now, baseUrl);
  } else {
    send(tx, c, 'booker', 'cancelled_by_expert', now, baseUrl);
  }
}

/** The day before: both sides are reminded (an optional e-mail: the person's preference decides). */
export function noticeConsultReminder(tx: Queryable, bookingId: number, now: Date, baseUrl?: string): void {
  const c = consultForCalendar(tx, bookingId);
  if (!c) return;
  send(tx, c, 'booker', 'reminder', now, baseUrl);
  send(tx, c, 'expert', 'reminder', now, baseUrl);
}
