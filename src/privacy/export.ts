import { aliasedTable, asc, eq } from 'drizzle-orm';
import { bookings, locations, meetings, notifications, organisations, registrations, spaces, statements, users } from '../../db/schema';
import type { Queryable } from '../db';
import { listMemberships } from '../orgs/orgs';

const colleague = aliasedTable(users, 'colleague');

/**
 * Everything Gastplek stores about one person, for the right of access (AVG art. 15/20). Secrets
 * (password hash, session and link tokens, feed token) are left out: they are not personal data
 * the person can use, and a leaked export must not open the account.
 */
export function exportPersonalData(db: Queryable, userId: string, now: Date) {
  const user = db
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      locale: users.locale,
      emailReminders: users.emailReminders,
      isNetworkAdmin: users.isNetworkAdmin,
      createdAt: users.createdAt,
    })
    .from(users)
    .where(eq(users.id, userId))
    .get();
  return {
    exportedAt: now.toISOString(),
    account: user,
    memberships: listMemberships(db, userId).map((m) => ({ organisation: m.orgName, roles: m.roles })),
    bookings: db
      .select({
        date: bookings.date,
        daypart: bookings.daypart,
        status: bookings.status,
        note: bookings.note,
        space: spaces.name,
        location: locations.name,
        host: organisations.name,
        checkedInAt: bookings.checkedInAt,
        arrivedAt: bookings.arrivedAt,
        createdAt: bookings.createdAt,
      })
      .from(bookings)
      .innerJoin(spaces, eq(spaces.id, bookings.spaceId))
      .innerJoin(locations, eq(locations.id, bookings.locationId))
      .innerJoin(organisations, eq(organisations.id, bookings.orgId))
      .where(eq(bookings.userId, userId))
      .orderBy(asc(bookings.date))
      .all(),
    // Desks this person booked for a colleague (bookings.booked_by): the colleague is the booker of record.
    bookedForColleagues: db
      .select({
        date: bookings.date,
        daypart: bookings.daypart,
        status: bookings.status,
        space: spaces.name,
        location: locations.name,
        colleague: colleague.name,
        createdAt: bookings.createdAt,
      })
      .from(bookings)
      .innerJoin(spaces, eq(spaces.id, bookings.spaceId))
      .innerJoin(locations, eq(locations.id, bookings.locationId))
      .innerJoin(colleague, eq(colleague.id, bookings.userId))
      .where(eq(bookings.bookedBy, userId))
      .orderBy(asc(bookings.date))
      .all(),
    intervision: db
      .select({
        meeting: meetings.title,
        startsAt: meetings.startsAt,
        endsAt: meetings.endsAt,
        status: registrations.status,
        bringsCase: registrations.bringsCase,
        presence: registrations.presence,
        minutesPresent: registrations.minutesPresent,
        createdAt: registrations.createdAt,
      })
      .from(registrations)
      .innerJoin(meetings, eq(meetings.id, registrations.meetingId))
      .where(eq(registrations.userId, userId))
      .orderBy(asc(meetings.startsAt))
      .all(),
    statements: db
      .select({ fromDate: statements.fromDate, toDate: statements.toDate, createdAt: statements.createdAt })
      .from(statements)
      .where(eq(statements.userId, userId))
      .all(),
    notifications: db
      .select({ subject: notifications.subject, body: notifications.body, readAt: notifications.readAt, createdAt: notifications.createdAt })
      .from(notifications)
      .where(eq(notifications.userId, userId))
      .orderBy(asc(notifications.id))
      .all(),
  };
}
