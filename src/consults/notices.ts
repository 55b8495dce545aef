import { eq } from 'drizzle-orm';
import { consultHours, locations } from '../../db/schema';
import type { Queryable } from '../db';
import { icsAttachment } from '../calendar/ics';
import type { ClosureReason } from '../desks/notices';
import { notify } from '../notifications/notify';
import type { Dict } from '../../views/i18n';
import { formatLocalDate, formatTime } from '../../views/i18n/format';
import { consultCalendar, consultEvent, consultForCalendar, placeOf, type ConsultForCalendar, type Side } from './calendar';
import { slotEnd, slotStart } from './slots';

/**
 * The e-mails (and in-app notices) about consult bookings, each with the .ics for the recipient's
 * side. Always called inside the transaction that makes the change (transactional outbox).
 */
type Kind = 'booked' | 'cancelled_by_booker' | 'cancelled_by_expert' | 'closure' | 'reminder';

const reasonIn = (t: Dict, reason: ClosureReason | undefined) => (typeof reason === 'function' ? reason(t) : reason) ?? '';

function send(tx: Queryable, c: ConsultForCalendar, side: Side, kind: Kind, now: Date, baseUrl?: string, reason?: ClosureReason) {
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
                : kind === 'closure'
                  ? [m.expertCancelledSubject(c.expertName, when), m.closedBody(r.name, c.expertName, when, c.locationName ?? '', reasonIn(t, reason))]
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

/** Why hours were cancelled: by their expert (or an org admin), or because the location closes (the closure's words, or a holiday's name). */
export type HoursCancelCause = { by: 'expert' } | { by: 'closure'; reason: ClosureReason };

/**
 * A cancelled booking, with the CANCEL .ics. By the booker: the expert is told (the slot is free
 * again) and the booker gets the confirmation. With the hours (by the expert, or a closure): the
 * booker is told, and why.
 */
export function noticeConsultCancelled(tx: Queryable, bookingId: number, by: 'booker' | HoursCancelCause, now: Date, baseUrl?: string): void {
  const c = consultForCalendar(tx, bookingId);
  if (!c) return;
  if (by === 'booker') {
    send(tx, c, 'expert', 'cancelled_by_booker', now, baseUrl);
    send(tx, c, 'booker', 'cancelled_by_booker', now, baseUrl);
  } else if (by.by === 'closure') {
    send(tx, c, 'booker', 'closure', now, baseUrl, by.reason);
  } else {
    send(tx, c, 'booker', 'cancelled_by_expert', now, baseUrl);
  }
}

/**
 * Hours cancelled because their location closes: the expert did not do it, so they are told, once
 * per hours, with how many appointments went and the CANCEL .ics of each (their side).
 */
export function noticeHoursClosed(tx: Queryable, hourId: number, bookingIds: number[], reason: ClosureReason, now: Date, baseUrl?: string): void {
  const h = tx
    .select({
      expertId: consultHours.expertId,
      date: consultHours.date,
      startTime: consultHours.startTime,
      slotMinutes: consultHours.slotMinutes,
      slots: consultHours.slots,
      locationName: locations.name,
    })
    .from(consultHours)
    .innerJoin(locations, eq(locations.id, consultHours.locationId))
    .where(eq(consultHours.id, hourId))
    .get();
  if (!h) return;
  const cancelled = bookingIds.flatMap((id) => consultForCalendar(tx, id) ?? []);
  notify(
    tx,
    h.expertId,
    (t, r) => {
      const m = t.consults.mail;
      const when = `${formatLocalDate(r.locale, h.date, true)} ${formatTime(r.locale, slotStart(h, 0))}–${formatTime(r.locale, slotEnd(h, h.slots - 1))}`;
      const events = cancelled.map((c) => consultEvent(t, c, 'expert', baseUrl ?? ''));
      return {
        subject: m.hoursClosedSubject(h.locationName, when),
        body: m.hoursClosedBody(r.name, when, h.locationName, reasonIn(t, reason), cancelled.length),
        link: '/consults/mine',
        attachments: events.length ? [icsAttachment(`gastplek-spreekuur-${hourId}.ics`, events, 'CANCEL')] : [],
      };
    },
    now,
    { baseUrl },
  );
}

/** The day before: both sides are reminded (an optional e-mail: the person's preference decides). */
export function noticeConsultReminder(tx: Queryable, bookingId: number, now: Date, baseUrl?: string): void {
  const c = consultForCalendar(tx, bookingId);
  if (!c) return;
  send(tx, c, 'booker', 'reminder', now, baseUrl);
  send(tx, c, 'expert', 'reminder', now, baseUrl);
}
