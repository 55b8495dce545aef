import { and, eq } from 'drizzle-orm';
import { meetings, outbox, registrations, users } from '../../db/schema';
import { writeTx, type DB } from '../../src/db';
import { createGroup, type GroupInput } from '../../src/intervision/groups';
import { recordAttendance } from '../../src/intervision/attendance';
import { getManagedMeeting, insertMeeting, type MeetingInput } from '../../src/intervision/meetings';
import { instantOf } from '../../src/lib/time';
import { createOrg, createTestApp, createUser, loginAs, type TestApp } from '../helpers';

/**
 * A small network: four organisations, a facilitator at the first, and people at each.
 * The test clock stands at 2026-11-23 10:00 Amsterdam time.
 */
export async function network() {
  const ta = createTestApp();
  const { db } = ta;
  const orgs = {
    icare: createOrg(db, { name: 'Icare JGZ', town: 'Meppel' }),
    ggd: createOrg(db, { name: 'GGD NOG', town: 'Apeldoorn' }),
    cjg: createOrg(db, { name: 'CJG Harderwijk', town: 'Harderwijk' }),
    lokalis: createOrg(db, { name: 'Lokalis Utrecht', town: 'Utrecht' }),
  };
  const facilitator = await createUser(db, { orgId: orgs.icare.id, name: 'Ahmed El Amrani', roles: ['facilitator'] });
  return { ...ta, orgs, facilitator };
}

export const DEFAULT_MEETING = (): Omit<MeetingInput, 'orgId'> => ({
  title: 'Intervisie jeugdverpleegkundigen',
  kind: 'intervisie',
  method: 'incident',
  description: 'Samen leren van lastige situaties.',
  startsAt: instantOf('2026-12-10', '14:00'),
  endsAt: instantOf('2026-12-10', '16:00'),
  placeKind: 'address',
  placeName: null,
  address: 'Stationsplein 1',
  town: 'Harderwijk',
  onlineUrl: null,
  minParticipants: 2,
  maxParticipants: 3,
  maxPerOrg: null,
  signupOpensAt: instantOf('2026-11-01', '09:00'),
  signupClosesAt: instantOf('2026-12-09', '17:00'),
  cancelDeadlineAt: instantOf('2026-12-09', '17:00'),
  visibility: 'all',
  visibleOrgIds: [],
});

export function makeMeeting(db: DB, facilitatorId: string, orgId: number, over: Partial<MeetingInput> = {}): number {
  return writeTx(db, (tx) => insertMeeting(tx, { ...DEFAULT_MEETING(), orgId, ...over, facilitatorId }, new Date('2026-11-01T08:00:00Z')));
}

/** A logged-in member of an organisation. */
export async function member(ta: TestApp, orgId: number, name: string, extra: { locale?: 'nl' | 'en'; roles?: ('facilitator' | 'org_admin' | 'host')[] } = {}) {
  const u = await createUser(ta.db, { orgId, name, roles: extra.roles });
  if (extra.locale) ta.db.update(users).set({ locale: extra.locale }).where(eq(users.id, u.id)).run();
  const client = await loginAs(ta.app, u.email);
  return { ...u, name, client };
}

/** A meeting with one place: A (GGD) holds it, W (CJG) waits for it. */
export async function oneTakenOneWaiting(ta: Awaited<ReturnType<typeof network>>) {
  const { db, orgs, facilitator } = ta;
  const id = makeMeeting(db, facilitator.id, orgs.icare.id, { maxParticipants: 1, minParticipants: 1 });
  const a = await member(ta, orgs.ggd.id, 'A');
  const w = await member(ta, orgs.cjg.id, 'W');
  await a.client.post(`/meetings/${id}/signup`);
  await w.client.post(`/meetings/${id}/signup`);
  return { id, a, w };
}

export function statusOf(db: DB, meetingId: number, userId: string) {
  return db
    .select({ status: registrations.status })
    .from(registrations)
    .where(and(eq(registrations.meetingId, meetingId), eq(registrations.userId, userId)))
    .get()?.status;
}

/** Registered names and the waiting list in order. */
export function lists(db: DB, meetingId: number) {
  const rows = db.$client
    .prepare(
      `select u.name, r.status from registrations r join users u on u.id = r.user_id where r.meeting_id = ? and r.status in ('registered','waitlisted') order by r.queue_seq`,
    )
    .all(meetingId) as { name: string; status: string }[];
  return {
    registered: rows
      .filter((r) => r.status === 'registered')
      .map((r) => r.name)
      .sort(),
    waiting: rows.filter((r) => r.status === 'waitlisted').map((r) => r.name),
  };
}

const SIGN_UP_ACK = /^(Aangemeld|Signed up|Wachtlijst|Waiting list): /;

/** Mails to one person, leaving out the acknowledgement every sign-up gets (tested on its own). */
export function mailsTo(db: DB, email: string, opts: { withSignUpAcks?: boolean } = {}) {
  return db
    .select()
    .from(outbox)
    .where(eq(outbox.toAddress, email))
    .all()
    .filter((m) => opts.withSignUpAcks || !SIGN_UP_ACK.test(m.subject));
}

/** A closed group of `count` meetings every 2 weeks from the default meeting, with the given limits. */
export function makeGroup(db: DB, facilitatorId: string, orgId: number, over: Partial<GroupInput> = {}): number {
  return writeTx(db, (tx) =>
    createGroup(tx, { ...DEFAULT_MEETING(), orgId, cadenceWeeks: 2, count: 2, closed: true, ...over, facilitatorId }, new Date('2026-11-01T08:00:00Z')),
  );
}

/** The ids of a group's meetings, in date order. */
export function groupMeetingIds(db: DB, groupId: number): number[] {
  return db
    .select({ id: meetings.id })
    .from(meetings)
    .where(eq(meetings.groupId, groupId))
    .orderBy(meetings.startsAt)
    .all()
    .map((m) => m.id);
}

/** A group's registered members (sorted) and its waiting list in order. */
export function groupLists(db: DB, groupId: number) {
  const rows = db.$client
    .prepare(
      `select u.name, m.status from group_members m join users u on u.id = m.user_id where m.group_id = ? and m.status in ('registered','waitlisted') order by m.queue_seq`,
    )
    .all(groupId) as { name: string; status: string }[];
  return {
    registered: rows
      .filter((r) => r.status === 'registered')
      .map((r) => r.name)
      .sort(),
    waiting: rows.filter((r) => r.status === 'waitlisted').map((r) => r.name),
  };
}

/** A meeting in the past that `userIds` attended (present), optionally with minutes present. */
export function pastMeeting(
  ta: Awaited<ReturnType<typeof network>>,
  date: string,
  start: string,
  end: string,
  people: { id: string; orgId: number; minutes?: number }[],
  title = 'Intervisie',
) {
  const { db, orgs, facilitator } = ta;
  const id = makeMeeting(db, facilitator.id, orgs.icare.id, {
    title,
    method: 'balint',
    startsAt: instantOf(date, start),
    endsAt: instantOf(date, end),
    signupOpensAt: instantOf('2020-01-01', '00:00'),
    signupClosesAt: instantOf(date, start),
    cancelDeadlineAt: instantOf(date, start),
    minParticipants: 1,
  });
  for (const p of people)
    db.$client.prepare(`insert into registrations (meeting_id, user_id, org_id, status, queue_seq) values (?, ?, ?, 'registered', 1)`).run(id, p.id, p.orgId);
  const m = getManagedMeeting(db, id, facilitator.id, [])!;
  const regs = db.$client.prepare('select id, user_id from registrations where meeting_id = ?').all(id) as { id: number; user_id: string }[];
  writeTx(db, (tx) =>
    recordAttendance(
      tx,
      m,
      regs.map((r) => ({ registrationId: r.id, presence: 'present', minutesPresent: people.find((p) => p.id === r.user_id)?.minutes ?? null })),
      facilitator.id,
      new Date(instantOf(date, end).getTime() + 60_000),
    ),
  );
  return id;
}
