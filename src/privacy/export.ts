import { aliasedTable, asc, eq, like, or } from 'drizzle-orm';
import { inDayOrder } from '../desks/rules';
import {
  accessLog,
  accessLogSubjects,
  attendanceChanges,
  bookings,
  calendarFeeds,
  groupMembers,
  intervisionGroups,
  invitations,
  consultBookings,
  consultHours,
  expertiseTags,
  locations,
  loginFailures,
  profiles,
  profileTags,
  staffPresence,
  userIdentities,
  meetings,
  notifications,
  organisations,
  outbox,
  registrations,
  sessions,
  spaces,
  statements,
  users,
} from '../../db/schema';
import type { Queryable } from '../db';
import { listMemberships } from '../orgs/orgs';

const colleague = aliasedTable(users, 'colleague');
const changer = aliasedTable(users, 'changer');

/**
 * Every table that holds a person's id, and where it is in the export — or why it is not. The
 * test (test/privacy/export-coverage.test.ts) derives the tables from the schema and fails when
 * one is missing here, so a new table with a user id is never silently left out.
 */
export const EXPORT_COVERAGE: Record<string, { in: string[] } | { excluded: string }> = {
  users: { in: ['account'] },
  memberships: { in: ['memberships'] },
  sessions: { in: ['sessions'] },
  invitations: { in: ['invitationsSent'] },
  password_tokens: { excluded: 'secrets only (hashes of one-time links); nothing a person can use, and a leaked export must not open the account' },
  calendar_feeds: { in: ['calendarFeed'] },
  notifications: { in: ['notifications'] },
  outbox: { in: ['emails'] },
  login_failures: { in: ['failedLogins'] },
  bookings: { in: ['bookings', 'bookedForColleagues'] },
  meetings: { in: ['facilitated'] },
  intervision_groups: { in: ['facilitatedGroups'] },
  group_members: { in: ['groups'] },
  registrations: { in: ['intervision'] },
  attendance_changes: { in: ['attendanceChanges'] },
  statements: { in: ['statements'] },
  access_log: { in: ['myAccessOfOthers'] },
  profiles: { in: ['profile'] },
  profile_tags: { in: ['profile'] },
  staff_presence: { in: ['presence'] },
  user_identities: { in: ['signInLinks'] },
  consult_hours: { in: ['consultHours'] },
  consult_bookings: { in: ['consults'] },
  access_log_subjects: { in: ['whoLookedAtMyData'] },
};

/**
 * Everything Gastplek stores about one person, for the right of access (AVG art. 15/20). Secrets
 * (password hash, session and link tokens, feed token) are left out: they are not personal data
 * the person can use, and a leaked export must not open the account.
 */
export function exportPersonalData(db: Queryable, userId: string, now: Date, baseUrl = '') {
  const user = db
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      locale: users.locale,
      emailReminders: users.emailReminders,
      emailConfirmations: users.emailConfirmations,
      isNetworkAdmin: users.isNetworkAdmin,
      createdAt: users.createdAt,
    })
    .from(users)
    .where(eq(users.id, userId))
    .get();
  const email = user?.email ?? '';
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
      .orderBy(asc(bookings.date), inDayOrder)
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
      .orderBy(asc(bookings.date), inDayOrder)
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
    // With their code and link: after deleting the account a statement stays verifiable, and this is where the holder keeps it.
    statements: db
      .select({ fromDate: statements.fromDate, toDate: statements.toDate, createdAt: statements.createdAt, code: statements.code })
      .from(statements)
      .where(eq(statements.userId, userId))
      .all()
      .map((s) => ({ ...s, verifyUrl: `${baseUrl}/verify/${s.code}` })),
    notifications: db
      .select({ subject: notifications.subject, body: notifications.body, readAt: notifications.readAt, createdAt: notifications.createdAt })
      .from(notifications)
      .where(eq(notifications.userId, userId))
      .orderBy(asc(notifications.id))
      .all(),
    // The e-mails to this person's address, without their calendar attachments (the bookings above hold the same).
    emails: db
      .select({ subject: outbox.subject, body: outbox.body, status: outbox.status, sentAt: outbox.sentAt, createdAt: outbox.createdAt })
      .from(outbox)
      .where(eq(outbox.toAddress, email))
      .orderBy(asc(outbox.id))
      .all(),
    // Open sessions: when each ends, never its id (the id is the credential).
    sessions: db
      .select({ expiresAt: sessions.expiresAt })
      .from(sessions)
      .where(eq(sessions.userId, userId))
      .orderBy(asc(sessions.expiresAt))
      .all()
      // lucia stores seconds since the epoch.
      .map((s) => ({ expiresAt: new Date(s.expiresAt * 1000).toISOString() })),
    calendarFeed: db.select({ createdAt: calendarFeeds.createdAt }).from(calendarFeeds).where(eq(calendarFeeds.userId, userId)).get() ?? null,
    failedLogins: db
      .select({ count: loginFailures.count, since: loginFailures.windowStart })
      .from(loginFailures)
      .where(or(eq(loginFailures.key, `acct:${email}`), eq(loginFailures.key, `reset-acct:${email}`), like(loginFailures.key, `acct-ip:${email}|%`)))
      .all(),
    // Invitations this person sent: organisation, role and dates; not the invitee's address (someone else's data).
    invitationsSent: db
      .select({ organisation: organisations.name, role: invitations.role, createdAt: invitations.createdAt, acceptedAt: invitations.acceptedAt })
      .from(invitations)
      .innerJoin(organisations, eq(organisations.id, invitations.orgId))
      .where(eq(invitations.invitedBy, userId))
      .orderBy(asc(invitations.id))
      .all(),
    groups: db
      .select({ group: intervisionGroups.title, status: groupMembers.status, queuedAt: groupMembers.queuedAt, joinedAt: groupMembers.joinedAt })
      .from(groupMembers)
      .innerJoin(intervisionGroups, eq(intervisionGroups.id, groupMembers.groupId))
      .where(eq(groupMembers.userId, userId))
      .orderBy(asc(groupMembers.id))
      .all(),
    // Every change to this person's attendance: when, by whom, old → new.
    attendanceChanges: db
      .select({
        meeting: meetings.title,
        changedAt: attendanceChanges.changedAt,
        changedBy: changer.name,
        oldPresence: attendanceChanges.oldPresence,
        newPresence: attendanceChanges.newPresence,
        oldMinutes: attendanceChanges.oldMinutes,
        newMinutes: attendanceChanges.newMinutes,
      })
      .from(attendanceChanges)
      .innerJoin(registrations, eq(registrations.id, attendanceChanges.registrationId))
      .innerJoin(meetings, eq(meetings.id, registrations.meetingId))
      .leftJoin(changer, eq(changer.id, attendanceChanges.changedBy))
      .where(eq(registrations.userId, userId))
      .orderBy(asc(attendanceChanges.id))
      .all(),
    facilitated: db
      .select({ meeting: meetings.title, startsAt: meetings.startsAt, status: meetings.status })
      .from(meetings)
      .where(eq(meetings.facilitatorId, userId))
      .orderBy(asc(meetings.startsAt))
      .all(),
    facilitatedGroups: db
      .select({ group: intervisionGroups.title, createdAt: intervisionGroups.createdAt })
      .from(intervisionGroups)
      .where(eq(intervisionGroups.facilitatorId, userId))
      .orderBy(asc(intervisionGroups.id))
      .all(),
    // The access log: who looked at this person's data, and what of others' this person looked at (ids only, never the data).
    whoLookedAtMyData: db
      .select({ at: accessLog.at, who: accessLog.actorName, action: accessLog.action })
      .from(accessLogSubjects)
      .innerJoin(accessLog, eq(accessLog.id, accessLogSubjects.logId))
      .where(eq(accessLogSubjects.userId, userId))
      .orderBy(asc(accessLog.at))
      .all(),
    profile: {
      ...(db
        .select({
          visible: profiles.visible,
          showPresence: profiles.showPresence,
          discipline: profiles.discipline,
          about: profiles.about,
          updatedAt: profiles.updatedAt,
        })
        .from(profiles)
        .where(eq(profiles.userId, userId))
        .get() ?? null),
      expertise: db
        .select({ name: expertiseTags.name })
        .from(profileTags)
        .innerJoin(expertiseTags, eq(expertiseTags.id, profileTags.tagId))
        .where(eq(profileTags.userId, userId))
        .all()
        .map((r) => r.name),
    },
    signInLinks: db
      .select({ issuer: userIdentities.issuer, subject: userIdentities.subject, since: userIdentities.createdAt })
      .from(userIdentities)
      .where(eq(userIdentities.userId, userId))
      .all(),
    presence: db
      .select({ date: staffPresence.date, location: locations.name })
      .from(staffPresence)
      .innerJoin(locations, eq(locations.id, staffPresence.locationId))
      .where(eq(staffPresence.userId, userId))
      .orderBy(asc(staffPresence.date))
      .all(),
    consultHours: db
      .select({
        date: consultHours.date,
        startTime: consultHours.startTime,
        slotMinutes: consultHours.slotMinutes,
        slots: consultHours.slots,
        status: consultHours.status,
      })
      .from(consultHours)
      .where(eq(consultHours.expertId, userId))
      .orderBy(asc(consultHours.date))
      .all(),
    consults: db
      .select({
        date: consultHours.date,
        startTime: consultHours.startTime,
        slot: consultBookings.slot,
        status: consultBookings.status,
        topic: expertiseTags.name,
      })
      .from(consultBookings)
      .innerJoin(consultHours, eq(consultHours.id, consultBookings.hourId))
      .leftJoin(expertiseTags, eq(expertiseTags.id, consultBookings.tagId))
      .where(eq(consultBookings.userId, userId))
      .orderBy(asc(consultHours.date))
      .all(),
    myAccessOfOthers: db
      .select({ at: accessLog.at, action: accessLog.action, object: accessLog.object, people: accessLog.subjectCount })
      .from(accessLog)
      .where(eq(accessLog.actorId, userId))
      .orderBy(asc(accessLog.at))
      .all(),
  };
}
