// Tables of the desks domain. Owned by the desks work; see docs/decisions/004-desk-bookings.md for
// the rules they carry (capacity, one place per daypart, pending holds a desk).
import { sql } from 'drizzle-orm';
import { check, index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { organisations, users } from './core';

export const SPACE_KINDS = ['flexplek', 'stilteruimte', 'overlegruimte'] as const;
export type SpaceKind = (typeof SPACE_KINDS)[number];

/** Fixed list; a space stores them as a bitmask (bit i = AMENITIES[i]), so "has all of these" is one AND. */
export const AMENITIES = ['wifi', 'coffee', 'monitor', 'phone_room', 'parking', 'wheelchair', 'lunch', 'consultation'] as const;
export type Amenity = (typeof AMENITIES)[number];

export const DAYPARTS = ['morning', 'afternoon'] as const;
export type Daypart = (typeof DAYPARTS)[number];

export const BOOKING_STATUSES = ['confirmed', 'pending', 'cancelled', 'declined', 'no_show', 'expired'] as const;
export type BookingStatus = (typeof BOOKING_STATUSES)[number];
/** Statuses that hold a desk (ADR 004: a pending request holds its desk until declined). */
export const ACTIVE_STATUSES = ['confirmed', 'pending'] as const satisfies readonly BookingStatus[];

export const SHARING = ['all', 'list'] as const;
export type Sharing = (typeof SHARING)[number];

export const SHARE_PERIODS = ['day', 'week'] as const;
export type SharePeriod = (typeof SHARE_PERIODS)[number];

const createdAt = () => integer('created_at', { mode: 'timestamp_ms' }).notNull().default(sql`(cast(unixepoch('subsec') * 1000 as integer))`);

export const locations = sqliteTable(
  'locations',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    orgId: integer('org_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    street: text('street').notNull(),
    postcode: text('postcode').notNull(),
    town: text('town').notNull(),
    accessibility: text('accessibility'),
    /** Bitmask of ISO weekdays: bit 0 = Monday … bit 6 = Sunday. 31 = Monday to Friday. */
    openWeekdays: integer('open_weekdays').notNull().default(31),
    guestInstructions: text('guest_instructions'),
    houseRules: text('house_rules'),
    contactPerson: text('contact_person'),
    sharing: text('sharing', { enum: SHARING }).notNull().default('all'),
    approvalRequired: integer('approval_required', { mode: 'boolean' }).notNull().default(false),
    horizonWeeks: integer('horizon_weeks').notNull().default(8),
    checkinDeadlineMorning: text('checkin_deadline_morning').notNull().default('10:00'),
    checkinDeadlineAfternoon: text('checkin_deadline_afternoon').notNull().default('14:00'),
    /** Own choice of closing holidays ("a,b,c"; '' = open on all of them); null: as the organisation chooses. */
    closedHolidays: text('closed_holidays'),
    /**
     * A request must be answered by this time, this many working days before the booked date (0: on
     * the day itself). Checked by the form, not by a CHECK: adding one would rebuild the table,
     * which drops migration 0003's triggers.
     */
    requestDeadlineDays: integer('request_deadline_days').notNull().default(1),
    requestDeadlineTime: text('request_deadline_time').notNull().default('16:00'),
    /**
     * Fair share (ADR 011): at most this many dagdelen per guest organisation per day or ISO week
     * (null: no limit), and `reservedForStaff` desks of each space-dagdeel held back from guests
     * until `reservedUntilHours` hours before the day starts. Checked by the form, not by a CHECK
     * (a CHECK would rebuild the table and drop migration 0003's triggers).
     */
    guestShareMax: integer('guest_share_max'),
    guestSharePer: text('guest_share_per', { enum: SHARE_PERIODS }).notNull().default('day'),
    reservedForStaff: integer('reserved_for_staff').notNull().default(0),
    reservedUntilHours: integer('reserved_until_hours').notNull().default(24),
    archivedAt: integer('archived_at', { mode: 'timestamp_ms' }),
    createdAt: createdAt(),
  },
  (t) => [
    index('locations_org_idx').on(t.orgId),
    index('locations_town_idx').on(sql`lower(${t.town})`),
    // The search form's town and organisation lists read these (open locations only) without a sort.
    index('locations_open_town_idx').on(t.town).where(sql`${t.archivedAt} is null`),
    index('locations_open_org_idx').on(t.orgId).where(sql`${t.archivedAt} is null`),
    check('locations_sharing_check', sql`${t.sharing} in ('all','list')`),
    check('locations_weekdays_check', sql`${t.openWeekdays} between 0 and 127`),
    check('locations_horizon_check', sql`${t.horizonWeeks} between 1 and 52`),
    check('locations_deadline_morning_check', sql`${t.checkinDeadlineMorning} glob '[0-2][0-9]:[0-5][0-9]'`),
    check('locations_deadline_afternoon_check', sql`${t.checkinDeadlineAfternoon} glob '[0-2][0-9]:[0-5][0-9]'`),
  ],
);

/** The partner organisations admitted to a location whose sharing is 'list'. */
export const locationShares = sqliteTable(
  'location_shares',
  {
    locationId: integer('location_id')
      .notNull()
      .references(() => locations.id, { onDelete: 'cascade' }),
    orgId: integer('org_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.locationId, t.orgId] })],
);

export const spaces = sqliteTable(
  'spaces',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    locationId: integer('location_id')
      .notNull()
      .references(() => locations.id, { onDelete: 'cascade' }),
    /** Denormalised from the location so that every host query can scope by organisation directly. */
    orgId: integer('org_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    kind: text('kind', { enum: SPACE_KINDS }).notNull(),
    capacity: integer('capacity').notNull(),
    amenities: integer('amenities').notNull().default(0),
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
    createdAt: createdAt(),
  },
  (t) => [
    index('spaces_location_idx').on(t.locationId),
    index('spaces_org_idx').on(t.orgId),
    check('spaces_kind_check', sql`${t.kind} in ('flexplek','stilteruimte','overlegruimte')`),
    check('spaces_capacity_check', sql`${t.capacity} between 1 and 500`),
    check('spaces_amenities_check', sql`${t.amenities} between 0 and 255`),
  ],
);

export const CLOSURE_SCOPES = ['location', 'org', 'network'] as const;
export type ClosureScope = (typeof CLOSURE_SCOPES)[number];

/**
 * A date range on which guests are not taken: by one space (space_id set), a whole location
 * (scope 'location'), every location of an organisation (scope 'org', location_id null) or every
 * location in the network (scope 'network', location_id and org_id null).
 */
export const closures = sqliteTable(
  'closures',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    scope: text('scope', { enum: CLOSURE_SCOPES }).notNull().default('location'),
    locationId: integer('location_id').references(() => locations.id, { onDelete: 'cascade' }),
    orgId: integer('org_id').references(() => organisations.id, { onDelete: 'cascade' }),
    spaceId: integer('space_id').references(() => spaces.id, { onDelete: 'cascade' }),
    startDate: text('start_date').notNull(),
    endDate: text('end_date').notNull(),
    reason: text('reason').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    index('closures_location_idx').on(t.locationId, t.endDate),
    index('closures_wide_idx').on(t.scope, t.orgId, t.endDate).where(sql`${t.locationId} is null`),
    check('closures_range_check', sql`${t.startDate} <= ${t.endDate}`),
    check(
      'closures_scope_check',
      sql`(${t.scope} = 'location' and ${t.locationId} is not null and ${t.orgId} is not null)
       or (${t.scope} = 'org' and ${t.locationId} is null and ${t.orgId} is not null and ${t.spaceId} is null)
       or (${t.scope} = 'network' and ${t.locationId} is null and ${t.orgId} is null and ${t.spaceId} is null)`,
    ),
  ],
);

export const bookings = sqliteTable(
  'bookings',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    spaceId: integer('space_id')
      .notNull()
      .references(() => spaces.id, { onDelete: 'cascade' }),
    locationId: integer('location_id')
      .notNull()
      .references(() => locations.id, { onDelete: 'cascade' }),
    /** The host organisation (owner of the space). */
    orgId: integer('org_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    /**
     * The booker of record; null for a visitor without an account (then `visitorName` is set) and
     * for a booking whose person was removed or anonymised (counts survive, names do not).
     */
    userId: text('user_id').references(() => users.id, { onDelete: 'set null' }),
    /** Who made the booking when not the booker of record (a colleague of the same organisation); null: the booker themself. */
    bookedBy: text('booked_by').references(() => users.id, { onDelete: 'set null' }),
    /** The organisation the worker books on behalf of; null for a visitor without an account. */
    guestOrgId: integer('guest_org_id').references(() => organisations.id, { onDelete: 'cascade' }),
    /** A walk-in visitor without an account, registered by a host: name and organisation only (ADR 012). */
    visitorName: text('visitor_name'),
    visitorOrg: text('visitor_org'),
    date: text('date').notNull(),
    daypart: text('daypart', { enum: DAYPARTS }).notNull(),
    status: text('status', { enum: BOOKING_STATUSES }).notNull(),
    note: text('note'),
    checkedInAt: integer('checked_in_at', { mode: 'timestamp_ms' }),
    arrivedAt: integer('arrived_at', { mode: 'timestamp_ms' }),
    seriesId: text('series_id'),
    /** A pending request not answered by then expires (set when the request is made; null otherwise). */
    respondBy: integer('respond_by', { mode: 'timestamp_ms' }),
    createdAt: createdAt(),
    updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [
    // One place per person per daypart, across all spaces: the database is the last word.
    uniqueIndex('bookings_one_place_unique').on(t.userId, t.date, t.daypart).where(sql`status in ('confirmed','pending')`),
    // Serves the capacity count (in the booking transaction) and the free-desk count in the search.
    index('bookings_slot_idx').on(t.spaceId, t.date, t.daypart, t.status),
    index('bookings_user_idx').on(t.userId, t.date),
    index('bookings_location_date_idx').on(t.locationId, t.date),
    index('bookings_status_date_idx').on(t.status, t.date),
    index('bookings_pending_idx').on(t.respondBy).where(sql`status = 'pending'`),
    // Inzicht (ADR 015): a period's bookings by date with every column its figures read, so the scan never visits the table.
    index('bookings_insight_idx').on(t.date, t.orgId, t.guestOrgId, t.status, t.locationId, t.daypart),
    // Inzicht: the period's cancellations with the moment they were made (late or not).
    index('bookings_cancelled_idx').on(t.date, t.orgId, t.guestOrgId, t.updatedAt).where(sql`status = 'cancelled'`),
    check('bookings_daypart_check', sql`${t.daypart} in ('morning','afternoon')`),
    check('bookings_status_check', sql`${t.status} in ('confirmed','pending','cancelled','declined','no_show','expired')`),
    check('bookings_note_check', sql`${t.note} is null or length(${t.note}) <= 280`),
    check(
      'bookings_visitor_check',
      sql`${t.visitorName} is null or (${t.userId} is null and length(${t.visitorName}) <= 120 and length(coalesce(${t.visitorOrg}, '')) <= 120)`,
    ),
    check('bookings_date_check', sql`${t.date} glob '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'`),
  ],
);
