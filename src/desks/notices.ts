import { and, asc, eq, inArray } from 'drizzle-orm';
import { bookings, locations, memberships, organisations, users } from '../../db/schema';
import type { Queryable } from '../db';
import { bookingEvent, bookingsForCalendar, type BookingForCalendar } from '../calendar/events';
import { icsAttachment, type IcsMethod } from '../calendar/ics';
import { notify } from '../notifications/notify';
import { inDayOrder } from './rules';
import type { Dict, Locale } from '../../views/i18n';
import { formatDateTime, formatLocalDate } from '../../views/i18n/format';

/**
 * The e-mails (and in-app notices) about desk bookings, each with the .ics that puts the booking
 * in, or takes it out of, the person's calendar. Always called inside the transaction that makes
 * the change (transactional outbox).
 */
type Kind = 'confirmed' | 'requested' | 'approved' | 'declined' | 'cancelled' | 'closure' | 'no_show' | 'reminder' | 'expired';

/** Why a booking (or consult hours) was closed: the closure's own words, or a text in the recipient's language (a holiday's name). */
export type ClosureReason = string | ((t: Dict) => string);

function compose(
  t: Dict,
  locale: Locale,
  name: string,
  kind: Kind,
  list: BookingForCalendar[],
  baseUrl: string,
  reason?: ClosureReason,
  bookedBy?: string,
  cancelledBy?: string,
) {
  const first = list[0]!;
  const date = formatLocalDate(locale, first.date, true);
  const dayparts = [...new Set(list.map((b) => t.dayparts[b.daypart]))].join(' + ');
  const loc = first.locationName;
  const m = t.calendar.mail;
  const d = t.desks.mail;
  const method: IcsMethod = kind === 'confirmed' || kind === 'requested' || kind === 'approved' || kind === 'reminder' ? 'PUBLISH' : 'CANCEL';
  const events = list.map((b) => ({ ...bookingEvent(t, b, baseUrl), ...(method === 'CANCEL' ? { status: 'CANCELLED' as const } : {}) }));
  const text = {
    confirmed: [m.bookingConfirmedSubject(loc, date), m.bookingConfirmedBody(name, loc, date, dayparts)],
    requested: [m.bookingRequestedSubject(loc, date), m.bookingRequestedBody(name, loc, date, dayparts)],
    approved: [d.approvedSubject(loc, date), d.approvedBody(name, loc, date, dayparts)],
    declined: [d.declinedSubject(loc, date), d.declinedBody(name, loc, date, dayparts)],
    cancelled: [m.bookingCancelledSubject(loc, date), m.bookingCancelledBody(name, loc, date, dayparts)],
    closure: [d.closureSubject(loc, date), d.closureBody(name, loc, date, dayparts, (typeof reason === 'function' ? reason(t) : reason) ?? '')],
    no_show: [m.noShowSubject(loc, date), m.noShowBody(name, loc, date, dayparts)],
    reminder: [m.bookingReminderSubject(loc, date), m.bookingReminderBody(name, loc, date, dayparts)],
    expired: [t.requests.mail.expiredSubject(loc, date), t.requests.mail.expiredBody(name, loc, date, dayparts)],
  }[kind] as [string, string];
  return {
    subject: text[0],
    // A colleague booked it: the owner is told by whom, so a booking they did not make is no surprise.
    body: [
      text[1],
      bookedBy ? `${t.desks.colleague.bookedBy(bookedBy)}.` : null,
      cancelledBy ? `${t.desks.colleague.cancelledBy(cancelledBy)}.` : null,
      // Who else is there that day: the page itself decides who may see it (ADR 016).
      kind === 'confirmed' || kind === 'approved' ? t.people.here.mailLine(`${baseUrl}/people/here/${first.locationId}/${first.date}`) : null,
    ]
      .filter((s) => s !== null)
      .join('\n\n'),
    link: '/bookings',
    attachments: [icsAttachment(`gastplek-${first.id}.ics`, events, method)],
  };
}

/** Tells the owner about one change to one or more of their bookings (a whole day is one message). */
export function noticeBookings(
  tx: Queryable,
  /** null: a visitor without an account or an anonymised booking, with nobody to tell. */
  userId: string | null,
  bookingIds: number[],
  kind: Kind,
  now: Date,
  opts: { baseUrl?: string; reason?: ClosureReason; bookedBy?: string; cancelledBy?: string; own?: boolean } = {},
): void {
  if (userId === null) return;
  const list = bookingsForCalendar(tx, userId, bookingIds);
  if (list.length === 0) return;
  notify(tx, userId, (t, to) => compose(t, to.locale, to.name, kind, list, opts.baseUrl ?? '', opts.reason, opts.bookedBy, opts.cancelledBy), now, {
    optional: kind === 'reminder',
    baseUrl: opts.baseUrl,
    own: opts.own,
  });
}

/**
 * Tells every host of the location about a new request (one message per request, a whole day
 * being one request), in each host's own language, with a link to the request in the guest
 * list, where they approve or decline it; the link passes through the login page when needed.
 */
export function noticeRequestToHosts(tx: Queryable, bookingIds: number[], opts: { baseUrl?: string }, now: Date): void {
  if (bookingIds.length === 0) return;
  const rows = tx
    .select({
      id: bookings.id,
      date: bookings.date,
      daypart: bookings.daypart,
      respondBy: bookings.respondBy,
      orgId: bookings.orgId,
      locationId: bookings.locationId,
      locationName: locations.name,
      guestId: bookings.userId,
      guestName: users.name,
      guestOrgName: organisations.name,
    })
    .from(bookings)
    .innerJoin(locations, eq(locations.id, bookings.locationId))
    .innerJoin(users, eq(users.id, bookings.userId))
    .innerJoin(organisations, eq(organisations.id, bookings.guestOrgId))
    .where(inArray(bookings.id, bookingIds))
    .orderBy(asc(bookings.date), inDayOrder)
    .all();
  const requests = new Map<string, typeof rows>();
  for (const r of rows) requests.set(`${r.locationId}:${r.date}`, [...(requests.get(`${r.locationId}:${r.date}`) ?? []), r]);
  for (const list of requests.values()) {
    const first = list[0]!;
    const hosts = tx
      .selectDistinct({ userId: memberships.userId })
      .from(memberships)
      .where(and(eq(memberships.orgId, first.orgId), eq(memberships.role, 'host')))
      .all()
      .filter((h) => h.userId !== first.guestId);
    for (const h of hosts)
      notify(
        tx,
        h.userId,
        (t, to) => {
          const date = formatLocalDate(to.locale, first.date, true);
          const dayparts = [...new Set(list.map((b) => t.dayparts[b.daypart]))].join(' + ');
          const respondBy = first.respondBy ? formatDateTime(to.locale, first.respondBy) : date;
          return {
            subject: t.requests.mail.newSubject(first.guestName, first.locationName, date),
            body: t.requests.mail.newBody(to.name, first.guestName, first.guestOrgName, first.locationName, date, dayparts, respondBy),
            link: `/host/guests?location=${first.locationId}&date=${first.date}#booking-${first.id}`,
          };
        },
        now,
        { baseUrl: opts.baseUrl },
      );
  }
}
