import { and, eq, gt, gte, inArray, isNotNull, or, sql } from 'drizzle-orm';
import {
  ACTIVE_STATUSES,
  attendanceChanges,
  bookings,
  calendarFeeds,
  consultBookings,
  consultHours,
  groupMembers,
  intervisionGroups,
  invitations,
  meetings,
  memberships,
  notifications,
  outbox,
  passwordTokens,
  profiles,
  profileTags,
  registrations,
  sessions,
  staffPresence,
  userIdentities,
  statements,
  users,
} from '../../db/schema';
import { writeTx, type DB, type Queryable, type Tx } from '../db';
import { leaveGroup } from '../intervision/groups';
import { promote } from '../intervision/registrations';
import { localToday } from '../lib/time';
import { countOrgAdmins } from '../orgs/orgs';
import { logAccess } from './access-log';
import { manageRefusal, type Actor } from '../orgs/people';

/**
 * Deleting an account (issue #13, part 3; ADR 013). What other people rely on stays, without the
 * person: past desk bookings (counts for Inzicht), past sign-ups with presence and minutes (other
 * participants' statements count the organisations present), issued statements (they keep
 * verifying, with the name they were issued with). Everything else goes: future bookings and
 * sign-ups are cancelled (waiting lists move up), memberships, sessions, links, notices, e-mails,
 * the calendar feed. The users row stays as an empty tombstone, so meetings the person facilitated
 * keep a valid reference; its every personal field is overwritten. One transaction.
 */

export type DeletionRefusal =
  /** Not a person this actor may delete (→ 404). */
  | 'not-found'
  /** They facilitate a meeting or group that is still to come: hand it over or cancel it first. */
  | 'facilitates'
  /** The only active org admin of an organisation. */
  | 'last-org-admin'
  /** The only active network admin. */
  | 'last-network-admin';

export type DeletionPreview = {
  futureBookings: number;
  futureSignups: number;
  pastBookings: number;
  pastSignups: number;
  statements: number;
  refusal: DeletionRefusal | null;
};

/** Who deletes: the person themself, or an org or network admin (the rules of `manageRefusal`). */
export type Deleter = { self: true; id: string; name: string } | { self: false; actor: Actor; orgId: number; name: string };

function refusalFor(q: Queryable, userId: string, by: Deleter, now: Date): DeletionRefusal | null {
  const user = q.select({ isNetworkAdmin: users.isNetworkAdmin, deletedAt: users.deletedAt }).from(users).where(eq(users.id, userId)).get();
  if (!user || user.deletedAt) return 'not-found';
  if (!by.self) {
    const r = manageRefusal(q, by.actor, by.orgId, userId, 'deactivate');
    if (r === 'last-network-admin') return r;
    if (r) return 'not-found';
  }
  const facilitates =
    q
      .select({ id: meetings.id })
      .from(meetings)
      .where(and(eq(meetings.facilitatorId, userId), eq(meetings.status, 'scheduled'), gt(meetings.endsAt, now)))
      .limit(1)
      .get() ??
    q
      .select({ id: intervisionGroups.id })
      .from(intervisionGroups)
      .innerJoin(meetings, eq(meetings.groupId, intervisionGroups.id))
      .where(and(eq(intervisionGroups.facilitatorId, userId), eq(meetings.status, 'scheduled'), gt(meetings.endsAt, now)))
      .limit(1)
      .get();
  const consults = q
    .select({ id: consultHours.id })
    .from(consultHours)
    .where(and(eq(consultHours.expertId, userId), eq(consultHours.status, 'open'), gte(consultHours.date, localToday(now))))
    .limit(1)
    .get();
  if (facilitates || consults) return 'facilitates';
  if (user.isNetworkAdmin) {
    const others = q
      .select({ n: sql<number>`count(*)` })
      .from(users)
      .where(and(eq(users.isNetworkAdmin, true), sql`${users.deactivatedAt} is null`, sql`${users.id} <> ${userId}`))
      .get()!.n;
    if (others === 0) return 'last-network-admin';
  }
  const adminOf = q
    .select({ orgId: memberships.orgId })
    .from(memberships)
    .where(and(eq(memberships.userId, userId), eq(memberships.role, 'org_admin')))
    .all();
  if (adminOf.some((m) => countOrgAdmins(q, m.orgId) <= 1)) return 'last-org-admin';
  return null;
}

/** What deleting would do, shown beforehand in plain words; `refusal` says why it cannot be done yet. */
export function deletionPreview(db: Queryable, userId: string, by: Deleter, now: Date): DeletionPreview {
  const today = localToday(now);
  const count = (q: { get: () => { n: number } | undefined }) => q.get()?.n ?? 0;
  const n = sql<number>`count(*)`;
  return {
    futureBookings: count(
      db
        .select({ n })
        .from(bookings)
        .where(and(eq(bookings.userId, userId), gte(bookings.date, today), inArray(bookings.status, ACTIVE_STATUSES))),
    ),
    futureSignups: count(
      db
        .select({ n })
        .from(registrations)
        .innerJoin(meetings, eq(meetings.id, registrations.meetingId))
        .where(and(eq(registrations.userId, userId), gt(meetings.startsAt, now), inArray(registrations.status, ['registered', 'waitlisted']))),
    ),
    pastBookings: count(
      db
        .select({ n })
        .from(bookings)
        .where(and(eq(bookings.userId, userId), sql`${bookings.date} < ${today}`)),
    ),
    pastSignups: count(
      db
        .select({ n })
        .from(registrations)
        .innerJoin(meetings, eq(meetings.id, registrations.meetingId))
        .where(and(eq(registrations.userId, userId), sql`${meetings.startsAt} <= ${now.getTime()}`)),
    ),
    statements: count(db.select({ n }).from(statements).where(eq(statements.userId, userId))),
    refusal: refusalFor(db, userId, by, now),
  };
}

export type DeletionResult = { ok: true; cancelledBookings: number; cancelledSignups: number } | { ok: false; reason: DeletionRefusal };

export function deleteAccount(db: DB, userId: string, by: Deleter, now: Date, baseUrl: string): DeletionResult {
  const today = localToday(now);
  return writeTx(db, (tx): DeletionResult => {
    const refusal = refusalFor(tx, userId, by, now);
    if (refusal) return { ok: false, reason: refusal };
    const email = tx.select({ email: users.email }).from(users).where(eq(users.id, userId)).get()!.email;
    const orgIds = tx
      .selectDistinct({ orgId: memberships.orgId })
      .from(memberships)
      .where(eq(memberships.userId, userId))
      .all()
      .map((m) => m.orgId);

    // Desks: future ones are freed at once (nobody to tell: the person is leaving); the past keeps its counts.
    const cancelledBookings = tx
      .update(bookings)
      .set({ status: 'cancelled', updatedAt: now })
      .where(and(eq(bookings.userId, userId), gte(bookings.date, today), inArray(bookings.status, ACTIVE_STATUSES)))
      .run().changes;
    tx.update(bookings).set({ userId: null, note: null, updatedAt: now }).where(eq(bookings.userId, userId)).run();
    tx.update(bookings).set({ bookedBy: null }).where(eq(bookings.bookedBy, userId)).run();

    // Closed groups first (leaving gives up the group's future places and moves its list up), then single meetings.
    for (const g of tx
      .select({ groupId: groupMembers.groupId })
      .from(groupMembers)
      .where(and(eq(groupMembers.userId, userId), inArray(groupMembers.status, ['registered', 'waitlisted'])))
      .all())
      leaveGroup(tx, g.groupId, userId, now, baseUrl);
    tx.delete(groupMembers).where(eq(groupMembers.userId, userId)).run();
    const future = futureSignups(tx, userId, now);
    for (const r of future) {
      tx.update(registrations).set({ status: 'cancelled', queueSeq: null, updatedAt: now }).where(eq(registrations.id, r.id)).run();
      if (r.status === 'registered') promote(tx, r.meetingId, now, baseUrl);
    }
    tx.update(attendanceChanges).set({ changedBy: null }).where(eq(attendanceChanges.changedBy, userId)).run();
    tx.update(registrations).set({ userId: null, bringsCase: false }).where(eq(registrations.userId, userId)).run();

    // The rest is deleted; invitations they sent stay, without them.
    // Consults booked with an expert: future ones freed, the past without the person.
    tx.update(consultBookings)
      .set({ status: 'cancelled', updatedAt: now })
      .where(
        and(
          eq(consultBookings.userId, userId),
          eq(consultBookings.status, 'booked'),
          inArray(consultBookings.hourId, tx.select({ id: consultHours.id }).from(consultHours).where(gte(consultHours.date, today))),
        ),
      )
      .run();
    tx.update(consultBookings).set({ userId: null, tagId: null }).where(eq(consultBookings.userId, userId)).run();
    tx.delete(profileTags).where(eq(profileTags.userId, userId)).run();
    tx.delete(profiles).where(eq(profiles.userId, userId)).run();
    tx.delete(staffPresence).where(eq(staffPresence.userId, userId)).run();
    // The link to the organisation's sign-in service goes: signing in again makes a new account.
    tx.delete(userIdentities).where(eq(userIdentities.userId, userId)).run();
    tx.delete(sessions).where(eq(sessions.userId, userId)).run();
    tx.delete(passwordTokens).where(eq(passwordTokens.userId, userId)).run();
    tx.delete(calendarFeeds).where(eq(calendarFeeds.userId, userId)).run();
    tx.delete(notifications).where(eq(notifications.userId, userId)).run();
    tx.delete(outbox).where(eq(outbox.toAddress, email)).run();
    tx.delete(invitations).where(eq(invitations.email, email)).run();
    tx.update(invitations).set({ invitedBy: null }).where(eq(invitations.invitedBy, userId)).run();
    tx.delete(memberships).where(eq(memberships.userId, userId)).run();
    tx.update(users)
      .set({
        email: `deleted-${userId}@deleted.invalid`,
        name: '',
        passwordHash: null,
        locale: null,
        isNetworkAdmin: false,
        emailReminders: false,
        deactivatedAt: now,
        deletedAt: now,
      })
      .where(eq(users.id, userId))
      .run();

    // Every deletion is in the access log (who did it, not what was deleted).
    logAccess(
      tx,
      {
        actorId: by.self ? by.id : by.actor.id,
        actorName: by.name,
        action: 'account_deleted',
        orgId: by.self ? (orgIds[0] ?? null) : by.orgId,
        object: `user:${userId}`,
        subjectIds: [userId],
      },
      now,
    );
    return { ok: true, cancelledBookings, cancelledSignups: future.length };
  });
}

function futureSignups(tx: Tx, userId: string, now: Date) {
  return tx
    .select({ id: registrations.id, meetingId: registrations.meetingId, status: registrations.status })
    .from(registrations)
    .innerJoin(meetings, eq(meetings.id, registrations.meetingId))
    .where(
      and(
        eq(registrations.userId, userId),
        gt(meetings.startsAt, now),
        or(eq(registrations.status, 'registered'), eq(registrations.status, 'waitlisted')),
        isNotNull(registrations.userId),
      ),
    )
    .all();
}
