// Tables of the intervision domain. Owned by the intervision work; see docs/decisions/005-intervision.md
// for the rules they carry. Instants are UTC milliseconds; the Amsterdam wall clock is derived when shown.
//
// Confidentiality (PRODUCT.md): these tables record who took part, never what was discussed. There is
// deliberately no column for case content anywhere; `brings_case` is a flag only.
import { sql } from 'drizzle-orm';
import { check, index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { organisations, users } from './core';
import { locations } from './desks';

export const MEETING_KINDS = ['intervisie', 'casuistiek', 'methodisch', 'praktijkbegeleiding', 'innovatie'] as const;
export type MeetingKind = (typeof MEETING_KINDS)[number];

export const MEETING_METHODS = ['incident', 'tienstappen', 'balint', 'roddel', 'reflectiecyclus', 'anders'] as const;
export type MeetingMethod = (typeof MEETING_METHODS)[number];

export const PLACE_KINDS = ['location', 'address', 'online'] as const;
export type PlaceKind = (typeof PLACE_KINDS)[number];

export const VISIBILITIES = ['all', 'list'] as const;
export type Visibility = (typeof VISIBILITIES)[number];

export const REGISTRATION_STATUSES = ['registered', 'waitlisted', 'cancelled', 'removed'] as const;
export type RegistrationStatus = (typeof REGISTRATION_STATUSES)[number];

export const PRESENCES = ['present', 'absent', 'excused'] as const;
export type Presence = (typeof PRESENCES)[number];

/** 'removed': taken out of the group by its facilitator (joining again is refused; 'left' may join again). */
export const GROUP_MEMBER_STATUSES = ['registered', 'waitlisted', 'left', 'removed'] as const;
export type GroupMemberStatus = (typeof GROUP_MEMBER_STATUSES)[number];

const inList = (values: readonly string[]) => sql.raw(values.map((v) => `'${v}'`).join(','));

const ms = (name: string) => integer(name, { mode: 'timestamp_ms' });
const createdAt = () => ms('created_at').notNull().default(sql`(cast(unixepoch('subsec') * 1000 as integer))`);

/** A recurring series of meetings. Closed groups have fixed members and their own waiting list. */
export const intervisionGroups = sqliteTable(
  'intervision_groups',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    orgId: integer('org_id')
      .notNull()
      .references(() => organisations.id),
    facilitatorId: text('facilitator_id')
      .notNull()
      .references(() => users.id),
    title: text('title').notNull(),
    closed: integer('closed', { mode: 'boolean' }).notNull().default(false),
    cadenceWeeks: integer('cadence_weeks').notNull(),
    count: integer('count').notNull(),
    /** Capacity of a closed group (copied to each of its meetings). */
    maxParticipants: integer('max_participants').notNull().default(8),
    maxPerOrg: integer('max_per_org'),
    createdAt: createdAt(),
  },
  (t) => [
    index('intervision_groups_facilitator_idx').on(t.facilitatorId),
    check('intervision_groups_cadence_check', sql`${t.cadenceWeeks} between 1 and 52`),
    check('intervision_groups_count_check', sql`${t.count} between 1 and 52`),
    check('intervision_groups_max_check', sql`${t.maxParticipants} between 1 and 100`),
    check('intervision_groups_max_per_org_check', sql`${t.maxPerOrg} is null or ${t.maxPerOrg} >= 1`),
  ],
);

export const meetings = sqliteTable(
  'meetings',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** The organising organisation. */
    orgId: integer('org_id')
      .notNull()
      .references(() => organisations.id),
    facilitatorId: text('facilitator_id')
      .notNull()
      .references(() => users.id),
    groupId: integer('group_id').references(() => intervisionGroups.id, { onDelete: 'set null' }),
    title: text('title').notNull(),
    kind: text('kind', { enum: MEETING_KINDS }).notNull(),
    method: text('method', { enum: MEETING_METHODS }).notNull(),
    description: text('description').notNull().default(''),
    startsAt: ms('starts_at').notNull(),
    endsAt: ms('ends_at').notNull(),
    placeKind: text('place_kind', { enum: PLACE_KINDS }).notNull(),
    placeName: text('place_name'),
    address: text('address'),
    town: text('town'),
    /** Shown only to registered participants and the facilitator. */
    onlineUrl: text('online_url'),
    /** A desks `locations` row when the meeting takes place at a partner location (chosen in the form). */
    locationId: integer('location_id').references(() => locations.id, { onDelete: 'set null' }),
    minParticipants: integer('min_participants').notNull().default(4),
    maxParticipants: integer('max_participants').notNull().default(8),
    maxPerOrg: integer('max_per_org'),
    signupOpensAt: ms('signup_opens_at').notNull(),
    signupClosesAt: ms('signup_closes_at').notNull(),
    cancelDeadlineAt: ms('cancel_deadline_at').notNull(),
    visibility: text('visibility', { enum: VISIBILITIES }).notNull().default('all'),
    status: text('status', { enum: ['scheduled', 'cancelled'] })
      .notNull()
      .default('scheduled'),
    /** Set once the "fewer than the minimum at sign-up close" mail is queued (keeps the job idempotent). */
    minWarningSentAt: ms('min_warning_sent_at'),
    /** The facilitator chose to go ahead despite too few sign-ups. */
    minConfirmedAt: ms('min_confirmed_at'),
    createdAt: createdAt(),
    updatedAt: ms('updated_at'),
  },
  (t) => [
    // Covers the meeting list's scan (status, upcoming, visibility, filters) without reading rows.
    index('meetings_upcoming_idx').on(t.status, t.startsAt, t.visibility, t.orgId, t.kind, t.method, t.placeKind, t.town),
    index('meetings_facilitator_idx').on(t.facilitatorId, t.startsAt),
    index('meetings_org_idx').on(t.orgId, t.startsAt),
    index('meetings_group_idx').on(t.groupId),
    index('meetings_signup_close_idx').on(t.status, t.signupClosesAt),
    check('meetings_times_check', sql`${t.endsAt} > ${t.startsAt}`),
    check('meetings_signup_window_check', sql`${t.signupOpensAt} < ${t.signupClosesAt} and ${t.signupClosesAt} <= ${t.startsAt}`),
    check('meetings_cancel_deadline_check', sql`${t.cancelDeadlineAt} <= ${t.startsAt}`),
    check('meetings_participants_check', sql`${t.minParticipants} >= 1 and ${t.minParticipants} <= ${t.maxParticipants} and ${t.maxParticipants} <= 100`),
    check('meetings_max_per_org_check', sql`${t.maxPerOrg} is null or ${t.maxPerOrg} >= 1`),
    check('meetings_kind_check', sql`${t.kind} in (${inList(MEETING_KINDS)})`),
    check('meetings_method_check', sql`${t.method} in (${inList(MEETING_METHODS)})`),
    check('meetings_place_kind_check', sql`${t.placeKind} in (${inList(PLACE_KINDS)})`),
    check('meetings_visibility_check', sql`${t.visibility} in ('all','list')`),
    check('meetings_status_check', sql`${t.status} in ('scheduled','cancelled')`),
  ],
);

/** For visibility 'list': the partner organisations that may see and join the meeting. */
export const meetingVisibility = sqliteTable(
  'meeting_visibility',
  {
    meetingId: integer('meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    orgId: integer('org_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.meetingId, t.orgId] }), index('meeting_visibility_org_idx').on(t.orgId)],
);

export const groupMembers = sqliteTable(
  'group_members',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    groupId: integer('group_id')
      .notNull()
      .references(() => intervisionGroups.id, { onDelete: 'cascade' }),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    orgId: integer('org_id')
      .notNull()
      .references(() => organisations.id),
    status: text('status', { enum: GROUP_MEMBER_STATUSES }).notNull(),
    /** Waiting-list ticket: assigned under the write lock, so it is the order of joining. */
    queueSeq: integer('queue_seq').notNull(),
    queuedAt: ms('queued_at').notNull(),
    joinedAt: ms('joined_at'),
  },
  (t) => [
    uniqueIndex('group_members_unique').on(t.groupId, t.userId),
    index('group_members_queue_idx').on(t.groupId, t.status, t.queueSeq),
    check('group_members_status_check', sql`${t.status} in ('registered','waitlisted','left','removed')`),
  ],
);

export const registrations = sqliteTable(
  'registrations',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    meetingId: integer('meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    /**
     * Null once anonymised (retention, or the person deleted their account): the organisation,
     * presence and minutes stay, because other participants' statements count the organisations present.
     */
    userId: text('user_id').references(() => users.id, { onDelete: 'set null' }),
    /** The participant's organisation for this meeting (counts towards the per-organisation maximum). */
    orgId: integer('org_id')
      .notNull()
      .references(() => organisations.id),
    status: text('status', { enum: REGISTRATION_STATUSES }).notNull(),
    /** A flag only: "ik breng een casus in". The case itself is never stored (AVG, confidentiality). */
    bringsCase: integer('brings_case', { mode: 'boolean' }).notNull().default(false),
    /** Waiting-list ticket: assigned under the write lock, so it is the order of joining. */
    queueSeq: integer('queue_seq'),
    queuedAt: ms('queued_at'),
    registeredAt: ms('registered_at'),
    presence: text('presence', { enum: PRESENCES }),
    minutesPresent: integer('minutes_present'),
    createdAt: createdAt(),
    updatedAt: ms('updated_at'),
  },
  (t) => [
    uniqueIndex('registrations_meeting_user_unique').on(t.meetingId, t.userId),
    index('registrations_queue_idx').on(t.meetingId, t.status, t.queueSeq),
    index('registrations_user_idx').on(t.userId, t.status),
    check('registrations_status_check', sql`${t.status} in (${inList(REGISTRATION_STATUSES)})`),
    check('registrations_presence_check', sql`${t.presence} is null or ${t.presence} in (${inList(PRESENCES)})`),
    check('registrations_minutes_check', sql`${t.minutesPresent} is null or ${t.minutesPresent} between 0 and 1440`),
  ],
);

/** Every attendance change, kept: who, when, old → new. */
export const attendanceChanges = sqliteTable(
  'attendance_changes',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    registrationId: integer('registration_id')
      .notNull()
      .references(() => registrations.id, { onDelete: 'cascade' }),
    changedBy: text('changed_by').references(() => users.id, { onDelete: 'set null' }),
    changedAt: ms('changed_at').notNull(),
    oldPresence: text('old_presence', { enum: PRESENCES }),
    newPresence: text('new_presence', { enum: PRESENCES }),
    oldMinutes: integer('old_minutes'),
    newMinutes: integer('new_minutes'),
  },
  (t) => [index('attendance_changes_registration_idx').on(t.registrationId, t.changedAt)],
);

/** An issued attendance statement; `code` is the unguessable part of its public verification link. */
export const statements = sqliteTable(
  'statements',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    code: text('code').notNull(),
    /** The period covered, as Amsterdam dates (YYYY-MM-DD), inclusive. */
    fromDate: text('from_date').notNull(),
    toDate: text('to_date').notNull(),
    /**
     * What the statement said when it was issued, so that a printout and its verification page
     * always agree: the holder's name then, and the attended meetings as JSON (dates, titles, kind,
     * method, facilitator, minutes, organisations present; never case content). Null only for
     * statements issued before migration 0004, which are shown from the live data.
     */
    holderName: text('holder_name'),
    issuedMeetings: text('issued_meetings'),
    /**
     * Set by the retention job when the statement's period is over (issue #13): the code still
     * verifies (dates, meetings, hours) but the holder's name is gone ("gegevens verwijderd").
     */
    anonymisedAt: ms('anonymised_at'),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('statements_code_unique').on(t.code), index('statements_user_idx').on(t.userId)],
);
