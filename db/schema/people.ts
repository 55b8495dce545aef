// Tables of "meet each other" (issue #15): opt-in profiles, presence, consult hours. See
// docs/decisions/016-meet-each-other.md. Nothing here is required of anyone; all of it is in the
// personal-data export and goes with account deletion.
import { sql } from 'drizzle-orm';
import { check, index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { organisations, users } from './core';
import { locations } from './desks';

export const DISCIPLINES = [
  'jeugdverpleegkundige',
  'jeugdarts',
  'gezinswerker',
  'gedragswetenschapper',
  'wijkcoach',
  'schoolmaatschappelijk_werker',
  'anders',
] as const;
export type Discipline = (typeof DISCIPLINES)[number];

const createdAt = () => integer('created_at', { mode: 'timestamp_ms' }).notNull().default(sql`(cast(unixepoch('subsec') * 1000 as integer))`);

/** The network-maintained list of expertise a person may name (LVB, verslaving, schulden …). */
export const expertiseTags = sqliteTable(
  'expertise_tags',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    name: text('name').notNull(),
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('expertise_tags_name_unique').on(sql`lower(${t.name})`), check('expertise_tags_name_check', sql`length(${t.name}) between 1 and 60`)],
);

/**
 * A person's profile for colleagues. `visible` is the opt-in (off by default): only then do
 * colleagues who share a location and day with them see discipline, tags and the line "waarover je
 * me mag aanspreken"; `showPresence` separately allows showing that they are there at all.
 */
export const profiles = sqliteTable(
  'profiles',
  {
    userId: text('user_id')
      .primaryKey()
      .references(() => users.id, { onDelete: 'cascade' }),
    visible: integer('visible', { mode: 'boolean' }).notNull().default(false),
    showPresence: integer('show_presence', { mode: 'boolean' }).notNull().default(false),
    discipline: text('discipline', { enum: DISCIPLINES }),
    about: text('about'),
    updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [
    check('profiles_about_check', sql`${t.about} is null or length(${t.about}) <= 140`),
    check(
      'profiles_discipline_check',
      sql`${t.discipline} is null or ${t.discipline} in ('jeugdverpleegkundige','jeugdarts','gezinswerker','gedragswetenschapper','wijkcoach','schoolmaatschappelijk_werker','anders')`,
    ),
  ],
);

export const profileTags = sqliteTable(
  'profile_tags',
  {
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    tagId: integer('tag_id')
      .notNull()
      .references(() => expertiseTags.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.userId, t.tagId] }), index('profile_tags_tag_idx').on(t.tagId)],
);

/** A host organisation's own staff member says "ik ben er vandaag" at one of its locations (opt-in, per day). */
export const staffPresence = sqliteTable(
  'staff_presence',
  {
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    locationId: integer('location_id')
      .notNull()
      .references(() => locations.id, { onDelete: 'cascade' }),
    date: text('date').notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.locationId, t.date] }), index('staff_presence_location_idx').on(t.locationId, t.date)],
);

export const CONSULT_STATUSES = ['open', 'cancelled'] as const;
export const CONSULT_BOOKING_STATUSES = ['booked', 'cancelled'] as const;

/**
 * Consult hours (spreekuur) of someone with the expert role: at a location or online, on a date,
 * `slots` consecutive slots of `slotMinutes` from `startTime` (Amsterdam wall-clock time).
 */
export const consultHours = sqliteTable(
  'consult_hours',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    expertId: text('expert_id')
      .notNull()
      .references(() => users.id),
    /** The expert's organisation, which grants the role and whose admin may manage the hours. */
    orgId: integer('org_id')
      .notNull()
      .references(() => organisations.id),
    /** Null: online (then `onlineUrl`). */
    locationId: integer('location_id').references(() => locations.id, { onDelete: 'cascade' }),
    onlineUrl: text('online_url'),
    date: text('date').notNull(),
    startTime: text('start_time').notNull(),
    slotMinutes: integer('slot_minutes').notNull(),
    slots: integer('slots').notNull(),
    status: text('status', { enum: CONSULT_STATUSES }).notNull().default('open'),
    createdAt: createdAt(),
  },
  (t) => [
    index('consult_hours_date_idx').on(t.date, t.status),
    index('consult_hours_expert_idx').on(t.expertId, t.date),
    check('consult_hours_slots_check', sql`${t.slots} between 1 and 16 and ${t.slotMinutes} between 10 and 120`),
    check('consult_hours_place_check', sql`${t.locationId} is not null or ${t.onlineUrl} is not null`),
    check('consult_hours_status_check', sql`${t.status} in ('open','cancelled')`),
    check('consult_hours_time_check', sql`${t.startTime} glob '[0-2][0-9]:[0-5][0-9]'`),
  ],
);

/**
 * One booked slot. Capacity 1 per slot is the partial unique index, as "one place per dagdeel" is
 * for desks; the topic is an expertise tag only (no free text: no client data, as in intervision).
 */
export const consultBookings = sqliteTable(
  'consult_bookings',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    hourId: integer('hour_id')
      .notNull()
      .references(() => consultHours.id, { onDelete: 'cascade' }),
    slot: integer('slot').notNull(),
    /** Null once anonymised (retention or account deletion). */
    userId: text('user_id').references(() => users.id, { onDelete: 'set null' }),
    orgId: integer('org_id')
      .notNull()
      .references(() => organisations.id),
    tagId: integer('tag_id').references(() => expertiseTags.id, { onDelete: 'set null' }),
    status: text('status', { enum: CONSULT_BOOKING_STATUSES }).notNull(),
    createdAt: createdAt(),
    updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [
    uniqueIndex('consult_bookings_slot_unique').on(t.hourId, t.slot).where(sql`status = 'booked'`),
    uniqueIndex('consult_bookings_person_unique').on(t.hourId, t.userId).where(sql`status = 'booked'`),
    index('consult_bookings_user_idx').on(t.userId),
    check('consult_bookings_status_check', sql`${t.status} in ('booked','cancelled')`),
  ],
);
