// Tables of the insight work (issue #14). See docs/decisions/015-insight.md.
import { sql } from 'drizzle-orm';
import { check, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';

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
