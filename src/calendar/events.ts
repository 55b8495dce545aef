import { and, asc, eq, gte, inArray, sql } from 'drizzle-orm';
import { upcomingConsultEvents } from '../consults/calendar';
import { ACTIVE_STATUSES, bookings, locations, meetings, organisations, registrations, spaces, users, type BookingStatus, type Daypart } from '../../db/schema';
import { prepared, type Queryable } from '../db';
import { instantOf } from '../lib/time';
import { DAYPART_TIMES, inDayOrder } from '../desks/rules';
import { holdsRoleSql } from '../orgs/orgs';
import type { Dict } from '../../views/i18n';
import { sequenceOf, type CalEvent } from './ics';

export type BookingForCalendar = {
  id: number;
  date: string;
  daypart: Daypart;
  status: BookingStatus;
  spaceName: string;
  locationId: number;
  locationName: string;
  street: string;
  postcode: string;
  town: string;
  hostOrgName: string;
  createdAt: Date;
  updatedAt: Date;
};

/** One booking as a calendar event; stable UID per booking, so updates replace and cancels remove it. */
export function bookingEvent(t: Dict, b: BookingForCalendar, baseUrl: string): CalEvent {
  const times = DAYPART_TIMES[b.daypart];
  return {
    uid: `booking-${b.id}@gastplek`,
    start: instantOf(b.date, times.start),
    end: instantOf(b.date, times.end),
    title: t.desks.ics.summary(b.spaceName, b.locationName),
    description: t.desks.ics.description(b.hostOrgName),
    location: `${b.street}, ${b.postcode} ${b.town}`,
    url: baseUrl ? `${baseUrl}/bookings` : undefined,
    sequence: sequenceOf(b.createdAt, b.updatedAt),
    status: b.status === 'pending' ? 'TENTATIVE' : b.status === 'confirmed' ? 'CONFIRMED' : 'CANCELLED',
  };
}

const bookingCalendarColumns = {
  id: bookings.id,
  date: bookings.date,
  daypart: bookings.daypart,
  status: bookings.status,
  spaceName: spaces.name,
  locationId: bookings.locationId,
  locationName: locations.name,
  street: locations.street,
  postcode: locations.postcode,
  town: locations.town,
  hostOrgName: organisations.name,
  createdAt: bookings.createdAt,
  updatedAt: bookings.updatedAt,
};

/** Bookings by id, for the e-mails about them; always scoped to their owner. */
export function bookingsForCalendar(db: Queryable, userId: string, ids: number[]): BookingForCalendar[] {
  if (ids.length === 0) return [];
  return prepared(db, 'calendar.bookings', (q) =>
    q
      .select(bookingCalendarColumns)
      .from(bookings)
      .innerJoin(spaces, eq(spaces.id, bookings.spaceId))
      .innerJoin(locations, eq(locations.id, bookings.locationId))
      .innerJoin(organisations, eq(organisations.id, bookings.orgId))
      .where(and(eq(bookings.userId, sql.placeholder('userId')), sql`${bookings.id} in (select value from json_each(${sql.placeholder('ids')}))`))
      .orderBy(asc(bookings.date), inDayOrder)
      .prepare(),
  ).all({ userId, ids: JSON.stringify(ids) });
}

export type MeetingForCalendar = {
  id: number;
  title: string;
  description: string;
  startsAt: Date;
  endsAt: Date;
  placeKind: 'location' | 'address' | 'online';
  placeName: string | null;
  address: string | null;
  town: string | null;
  onlineUrl: string | null;
  status: 'scheduled' | 'cancelled';
  orgName: string;
  facilitatorName: string;
  createdAt: Date;
  updatedAt: Date | null;
};

const meetingCalendarColumns = {
  id: meetings.id,
  title: meetings.title,
  description: meetings.description,
  startsAt: meetings.startsAt,
  endsAt: meetings.endsAt,
  placeKind: meetings.placeKind,
  placeName: meetings.placeName,
  address: meetings.address,
  town: meetings.town,
  onlineUrl: meetings.onlineUrl,
  status: meetings.status,
  orgName: organisations.name,
  facilitatorName: users.name,
  createdAt: meetings.createdAt,
  updatedAt: meetings.updatedAt,
};

/**
 * A meeting as a calendar event. The online link is included: this event only ever goes to people
 * who are registered (or to the facilitator), the same people who see the link on the page.
 */
export function meetingEvent(t: Dict, m: MeetingForCalendar, baseUrl: string, forcedStatus?: 'CANCELLED'): CalEvent {
  const place = m.placeKind === 'online' ? t.calendar.online : [m.placeName, m.address, m.town].filter(Boolean).join(', ');
  return {
    uid: `meeting-${m.id}@gastplek`,
    start: m.startsAt,
    end: m.endsAt,
    title: t.calendar.meetingSummary(m.title),
    description: [t.calendar.meetingDescription(m.orgName, m.facilitatorName), m.onlineUrl ?? ''].filter(Boolean).join('\n'),
    location: place || undefined,
    url: baseUrl ? `${baseUrl}/meetings/${m.id}` : undefined,
    sequence: sequenceOf(m.createdAt, m.updatedAt),
    status: forcedStatus ?? (m.status === 'cancelled' ? 'CANCELLED' : 'CONFIRMED'),
  };
}

export function meetingForCalendar(db: Queryable, meetingId: number): MeetingForCalendar | undefined {
  return db
    .select(meetingCalendarColumns)
    .from(meetings)
    .innerJoin(organisations, eq(organisations.id, meetings.orgId))
    .innerJoin(users, eq(users.id, meetings.facilitatorId))
    .where(eq(meetings.id, meetingId))
    .get();
}

/** What the private feed shows: the person's upcoming active bookings and meetings they are registered for or facilitate. */
export function feedEvents(db: Queryable, t: Dict, userId: string, today: string, now: Date, baseUrl: string): CalEvent[] {
  const myBookings = db
    .select(bookingCalendarColumns)
    .from(bookings)
    .innerJoin(spaces, eq(spaces.id, bookings.spaceId))
    .innerJoin(locations, eq(locations.id, bookings.locationId))
    .innerJoin(organisations, eq(organisations.id, bookings.orgId))
    .where(and(eq(bookings.userId, userId), gte(bookings.date, today), inArray(bookings.status, ACTIVE_STATUSES)))
    .orderBy(asc(bookings.date))
    .limit(500)
    .all();
  const registered = db
    .select(meetingCalendarColumns)
    .from(registrations)
    .innerJoin(meetings, eq(meetings.id, registrations.meetingId))
    .innerJoin(organisations, eq(organisations.id, meetings.orgId))
    .innerJoin(users, eq(users.id, meetings.facilitatorId))
    .where(and(eq(registrations.userId, userId), eq(registrations.status, 'registered'), eq(meetings.status, 'scheduled'), gte(meetings.endsAt, now)))
    .limit(500)
    .all();
  const facilitated = db
    .select(meetingCalendarColumns)
    .from(meetings)
    .innerJoin(organisations, eq(organisations.id, meetings.orgId))
    .innerJoin(users, eq(users.id, meetings.facilitatorId))
    // Only while they still facilitate for the organiser (the rule of managedBy in src/intervision/meetings.ts).
    .where(
      and(
        eq(meetings.facilitatorId, userId),
        holdsRoleSql(meetings.facilitatorId, meetings.orgId, 'facilitator'),
        eq(meetings.status, 'scheduled'),
        gte(meetings.endsAt, now),
      ),
    )
    .limit(500)
    .all();
  const seen = new Set<number>();
  const ms = [...registered, ...facilitated].filter((m) => {
    if (seen.has(m.id)) return false;
    seen.add(m.id);
    return true;
  });
  return [
    ...myBookings.map((b) => bookingEvent(t, b, baseUrl)),
    ...ms.map((m) => meetingEvent(t, m, baseUrl)),
    ...upcomingConsultEvents(db, t, userId, today, baseUrl),
  ];
}
