import { sql } from 'drizzle-orm';
import { deskDemand, type DemandKind } from '../../db/schema';
import { writeTx, type DB, type Tx } from '../db';

/**
 * Counts demand that found nothing (issue #14, occupancy): one upsert, in the caller's transaction
 * when there is one. `day` is the date asked for; `locationId` 0 for a search.
 */
export function recordDemand(db: DB | Tx, kind: DemandKind, day: string, locationId = 0): void {
  writeTx(db, (tx) =>
    tx
      .insert(deskDemand)
      .values({ day, kind, locationId, n: 1 })
      .onConflictDoUpdate({ target: [deskDemand.day, deskDemand.kind, deskDemand.locationId], set: { n: sql`${deskDemand.n} + 1` } })
      .run(),
  );
}
