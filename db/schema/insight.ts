// Tables of the insight work (issue #14). See docs/decisions/015-insight.md.
import { sql } from 'drizzle-orm';
import { check, index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/** Demand that found nothing: a search without any result, or a booking refused because the space was full. */
export const DEMAND_KINDS = ['search_empty', 'refused_full'] as const;
export type DemandKind = (typeof DEMAND_KINDS)[number];

/**
 * Counts per day (the date asked for), kind and location (0: none, for searches), kept exact by an
 * upsert in the transaction that sees the demand. No person, no search terms.
 */
export const deskDemand = sqliteTable(
  'desk_demand',
  {
    day: text('day').notNull(),
    kind: text('kind', { enum: DEMAND_KINDS }).notNull(),
    locationId: integer('location_id').notNull().default(0),
    n: integer('n').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.day, t.kind, t.locationId] }), check('desk_demand_kind_check', sql`${t.kind} in ('search_empty','refused_full')`)],
);

/*
 * Rollups of bookings for Inzicht (issue #18, ADR 015 "Speed"): counts only, no person. Kept exact by
 * triggers on `bookings` (migration 0017), so every write that changes a booking changes them in the
 * same transaction, whatever code path made it. Only bookings with a guest organisation count (as in
 * the figures: a visitor without an account has none). `held`: confirmed or no-show.
 */
const counts = {
  total: integer('total').notNull().default(0),
  held: integer('held').notNull().default(0),
  noShow: integer('no_show').notNull().default(0),
  declined: integer('declined').notNull().default(0),
  expired: integer('expired').notNull().default(0),
};

/** Per day and host organisation; `self_*`: of those, booked by the host's own organisation (guest = host). */
export const insightHostDays = sqliteTable(
  'insight_host_days',
  {
    day: text('day').notNull(),
    hostOrgId: integer('host_org_id').notNull(),
    ...counts,
    selfHeld: integer('self_held').notNull().default(0),
    selfNoShow: integer('self_no_show').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.day, t.hostOrgId] })],
);

/** Per day and guest organisation. */
export const insightGuestDays = sqliteTable(
  'insight_guest_days',
  { day: text('day').notNull(), guestOrgId: integer('guest_org_id').notNull(), ...counts },
  (t) => [primaryKey({ columns: [t.day, t.guestOrgId] })],
);

/** Held desk-dagdelen per month (YYYY-MM) and host × guest organisation: the bound that finds the largest pairs without adding up all of them. */
export const insightPairMonths = sqliteTable(
  'insight_pair_months',
  {
    month: text('month').notNull(),
    hostOrgId: integer('host_org_id').notNull(),
    guestOrgId: integer('guest_org_id').notNull(),
    held: integer('held').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.month, t.hostOrgId, t.guestOrgId] }), index('insight_pair_months_held_idx').on(t.month, t.held)],
);

/*
 * Occupancy (issue #18): desk-dagdelen taken (confirmed, no-show or pending: the place was held)
 * at a location, morning and afternoon, whatever the guest. Kept by triggers on `bookings`
 * (migration 0019). A period's occupancy is its whole months from the monthly table and the days
 * of a partly covered month from the daily one, without grouping the period's bookings.
 */
const taken = {
  morning: integer('morning').notNull().default(0),
  afternoon: integer('afternoon').notNull().default(0),
};

/** Per month (YYYY-MM), location and ISO weekday (1 = Monday … 7 = Sunday). */
export const insightLocationMonths = sqliteTable(
  'insight_location_months',
  { month: text('month').notNull(), locationId: integer('location_id').notNull(), weekday: integer('weekday').notNull(), ...taken },
  (t) => [primaryKey({ columns: [t.month, t.locationId, t.weekday] })],
);

/** Per day and location. */
export const insightLocationDays = sqliteTable(
  'insight_location_days',
  { day: text('day').notNull(), locationId: integer('location_id').notNull(), ...taken },
  (t) => [primaryKey({ columns: [t.day, t.locationId] })],
);
