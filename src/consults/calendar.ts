import { aliasedTable, and, asc, eq, gte, or } from 'drizzle-orm';
import { consultBookings, consultHours, expertiseTags, locations, organisations, users } from '../../db/schema';
import type { Queryable } from '../db';
import { sequenceOf, toIcs, type CalEvent, type IcsMethod } from '../calendar/ics';
import type { Dict } from '../../views/i18n';
import { slotEnd, slotStart } from './slots';

const expert = aliasedTable(users, 'expert');
const bookerOrg = aliasedTable(organisations, 'booker_org');

/** One consult booking with everything its e-mails and calendar files say, for either side. */
export function consultForCalendar(db: Queryable, bookingId: number) {
  const row = db
    .select({
      id: consultBookings.id,
      slot: consultBookings.slot,
      status: consultBookings.status,
      userId: consultBookings.userId,
      createdAt: consultBookings.createdAt,
      updatedAt: consultBookings.updatedAt,
      hourId: consultHours.id,
      hourStatus: consultHours.status,
      date: consultHours.date,
      startTime: consultHours.startTime,
      slotMinutes: consultHours.slotMinutes,
      onlineUrl: consultHours.onlineUrl,
      expertId: consultHours.expertId,
      expertName: expert.name,
      bookerOrgName: bookerOrg.name,
      tagName: expertiseTags.name,
      locationName: locations.name,
      street: locations.street,
      postcode: locations.postcode,
      town: locations.town,
    })
    .from(consultBookings)
    .innerJoin(consultHours, eq(consultHours.id, consultBookings.hourId))
    .innerJoin(expert, eq(expert.id, consultHours.expertId))
    .innerJoin(bookerOrg, eq(bookerOrg.id, consultBookings.orgId))
    .leftJoin(expertiseTags, eq(expertiseTags.id, consultBookings.tagId))
    .leftJoin(locations, eq(locations.id, consultHours.locationId))
    .where(eq(consultBookings.id, bookingId))
    .get();
  if (!row) return undefined;
  // The booker's name apart: two aliases of users in one select lose drizzle's row type.
  const bookerName = row.userId ? (db.select({ name: users.name }).from(users).where(eq(users.id, row.userId)).get()?.name ?? null) : null;
  return { ...row, bookerName };
}

export type ConsultForCalendar = NonNullable<ReturnType<typeof consultForCalendar>>;

/**
 * The events of a person's upcoming consults for their calendar feed: slots they booked and slots
 * booked on their own hours (as the expert), from `today` on, only while booked and open.
 */
export function upcomingConsultEvents(db: Queryable, t: Dict, userId: string, today: string, baseUrl: string): CalEvent[] {
  const ids = db
    .select({ id: consultBookings.id })
    .from(consultBookings)
    .innerJoin(consultHours, eq(consultHours.id, consultBookings.hourId))
    .where(
      and(
        eq(consultBookings.status, 'booked'),
        eq(consultHours.status, 'open'),
        gte(consultHours.date, today),
        or(eq(consultBookings.userId, userId), eq(consultHours.expertId, userId)),
      ),
    )
    .orderBy(asc(consultHours.date))
    .limit(500)
    .all();
  return ids.flatMap(({ id }) => {
    const c = consultForCalendar(db, id);
    if (!c) return [];
    return [consultEvent(t, c, c.userId === userId ? 'booker' : 'expert', baseUrl)];
  });
}
/** Whose calendar: the person who booked, or the expert. */
export type Side = 'booker' | 'expert';

export function placeOf(c: Pick<ConsultForCalendar, 'locationName' | 'street' | 'postcode' | 'town' | 'onlineUrl'>): string {
  return c.locationName ? `${c.locationName}, ${c.street}, ${c.postcode} ${c.town}` : (c.onlineUrl ?? '');
}

/** A consult as a calendar event; stable UID per booking and side, so a cancel removes it. */
export function consultEvent(t: Dict, c: ConsultForCalendar, side: Side, baseUrl: string): CalEvent {
  const cancelled = c.status !== 'booked' || c.hourStatus !== 'open';
  const topic = c.tagName ?? '—';
  return {
    uid: side === 'booker' ? `consult-${c.id}@gastplek` : `consult-${c.id}-expert@gastplek`,
    start: slotStart(c, c.slot),
    end: slotEnd(c, c.slot),
    title: side === 'booker' ? t.consults.ics.bookerTitle(c.expertName, topic) : t.consults.ics.expertTitle(c.bookerName ?? t.consults.anonymous, topic),
    description: side === 'booker' ? t.consults.ics.bookerDescription : t.consults.ics.expertDescription(c.bookerOrgName),
    location: placeOf(c),
    url: c.onlineUrl ?? (baseUrl ? `${baseUrl}${side === 'booker' ? '/bookings' : '/consults/mine'}` : undefined),
    sequence: sequenceOf(c.createdAt, c.updatedAt),
    status: cancelled ? 'CANCELLED' : 'CONFIRMED',
  };
}

export function consultIcs(t: Dict, c: ConsultForCalendar, side: Side, baseUrl: string): { ics: string; method: IcsMethod } {
  const { event, method } = consultCalendar(t, c, side, baseUrl);
  return { ics: toIcs([event], method), method };
}

/** A consult's event and whether it publishes or cancels it, for the .ics (`consultIcs`) or a mail's attachment. */
export function consultCalendar(t: Dict, c: ConsultForCalendar, side: Side, baseUrl: string): { event: CalEvent; method: IcsMethod } {
  const event = consultEvent(t, c, side, baseUrl);
  return { event, method: event.status === 'CANCELLED' ? 'CANCEL' : 'PUBLISH' };
}

/** A consult's calendar file for whoever asks: its booker, or the expert whose hours it is; else undefined (→ 404). */
export function consultIcsFor(db: Queryable, t: Dict, bookingId: number, userId: string, baseUrl: string) {
  const c = consultForCalendar(db, bookingId);
  if (!c) return undefined;
  const side: Side | null = c.userId === userId ? 'booker' : c.expertId === userId ? 'expert' : null;
  return side ? { id: c.id, ...consultIcs(t, c, side, baseUrl) } : undefined;
}
