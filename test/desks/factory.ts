import { closures, locations, locationShares, spaces, type Amenity, type SpaceKind } from '../../db/schema';
import type { DB } from '../../src/db';
import { amenitiesToMask } from '../../src/desks/rules';
import { createOrg, createUser, loginAs, type TestApp } from '../helpers';

const LONG_AGO = new Date('2020-01-01T09:00:00Z');

/** A location with one space, published by organisation `orgId`. */
export function createSpace(
  db: DB,
  orgId: number,
  o: {
    capacity?: number;
    sharing?: 'all' | 'list';
    sharedWith?: number[];
    approvalRequired?: boolean;
    openWeekdays?: number;
    horizonWeeks?: number;
    town?: string;
    name?: string;
    kind?: SpaceKind;
    amenities?: Amenity[];
    guestInstructions?: string;
    /** When the location and space were made; an old date unless a test says otherwise (never the wall clock). */
    createdAt?: Date;
  } = {},
) {
  const loc = db
    .insert(locations)
    .values({
      orgId,
      name: `${o.name ?? 'Locatie'} ${o.town ?? 'Harderwijk'}`,
      street: 'Stationslaan 2',
      postcode: '3841 DB',
      town: o.town ?? 'Harderwijk',
      sharing: o.sharing ?? 'all',
      approvalRequired: o.approvalRequired ?? false,
      openWeekdays: o.openWeekdays ?? 31,
      horizonWeeks: o.horizonWeeks ?? 8,
      guestInstructions: o.guestInstructions ?? 'Meld je bij de balie op de begane grond; wifi: CJG-Gast',
      createdAt: o.createdAt ?? LONG_AGO,
    })
    .returning()
    .get();
  for (const id of o.sharedWith ?? []) db.insert(locationShares).values({ locationId: loc.id, orgId: id }).run();
  const space = db
    .insert(spaces)
    .values({
      locationId: loc.id,
      orgId,
      name: o.name ?? 'Flexplekken',
      kind: o.kind ?? 'flexplek',
      capacity: o.capacity ?? 3,
      amenities: amenitiesToMask(o.amenities ?? ['wifi', 'coffee']),
      createdAt: o.createdAt ?? LONG_AGO,
    })
    .returning()
    .get();
  return { locationId: loc.id, spaceId: space.id, orgId };
}

/** A host organisation with a host, a guest organisation with a worker, and one shared space. */
export async function desksWorld(t: TestApp, o: Parameters<typeof createSpace>[2] = {}) {
  const hostOrg = createOrg(t.db, { name: `CJG ${Math.random().toString(36).slice(2, 8)}`, kind: 'cjg' });
  const guestOrg = createOrg(t.db, { name: `GGD ${Math.random().toString(36).slice(2, 8)}`, kind: 'ggd' });
  const host = await createUser(t.db, { orgId: hostOrg.id, roles: ['host'], name: 'Marieke Jansen' });
  const worker = await createUser(t.db, { orgId: guestOrg.id, name: 'Sanne de Vries' });
  const space = createSpace(t.db, hostOrg.id, o);
  return { hostOrg, guestOrg, host, worker, space, hostClient: await loginAs(t.app, host.email), workerClient: await loginAs(t.app, worker.email) };
}

export const HX = { 'HX-Request': 'true' };

export function bookingRows(db: DB, where = '1=1') {
  return db.$client.prepare(`select * from bookings where ${where} order by id`).all() as {
    id: number;
    status: string;
    date: string;
    daypart: string;
    user_id: string;
    space_id: number;
  }[];
}

/** The reasons of all closures stored, in the order they were added. */
export function closureReasons(db: DB): string[] {
  return db
    .select({ reason: closures.reason })
    .from(closures)
    .orderBy(closures.id)
    .all()
    .map((r) => r.reason);
}
