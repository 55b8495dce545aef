import { consultHours, expertiseTags } from '../../db/schema';
import type { DB } from '../../src/db';
import { createSpace } from '../desks/factory';
import { createOrg, createUser } from '../helpers';

/** Active expertise tags by name → id. */
export function createTags(db: DB, names: string[] = ['LVB', 'Verslaving', 'Schulden']): Map<string, number> {
  return new Map(names.map((name) => [name, db.insert(expertiseTags).values({ name }).returning().get().id]));
}

/** Consult hours inserted directly (no rules), for tests of booking. */
export function createHours(
  db: DB,
  o: {
    expertId: string;
    orgId: number;
    locationId: number | null;
    date?: string;
    startTime?: string;
    slots?: number;
    slotMinutes?: number;
    status?: 'open' | 'cancelled';
  },
) {
  return db
    .insert(consultHours)
    .values({
      expertId: o.expertId,
      orgId: o.orgId,
      locationId: o.locationId,
      onlineUrl: o.locationId === null ? 'https://meet.example.nl/spreekuur' : null,
      date: o.date ?? '2026-11-24',
      startTime: o.startTime ?? '13:00',
      slotMinutes: o.slotMinutes ?? 20,
      slots: o.slots ?? 4,
      status: o.status ?? 'open',
      createdAt: new Date('2026-11-20T09:00:00Z'),
    })
    .returning()
    .get().id;
}

/**
 * A host organisation (CJG) with a gedragswetenschapper (expert role) and two locations: one shared
 * with everyone, one shared only with the partner organisation; a guest organisation on that list
 * (worker), and an outside organisation (not on it).
 */
export async function consultWorld(db: DB) {
  const cjg = createOrg(db, { name: 'CJG Harderwijk' });
  const partner = createOrg(db, { name: 'GGD Noord- en Oost-Gelderland' });
  const outside = createOrg(db, { name: 'Lokalis Utrecht' });
  const open = createSpace(db, cjg.id, { name: 'Stationslaan' });
  const listed = createSpace(db, cjg.id, { name: 'Drielanden', sharing: 'list', sharedWith: [partner.id] });
  const expert = await createUser(db, { orgId: cjg.id, roles: ['expert'], name: 'Lieke Verhoeven', email: 'lieke@example.test' });
  const staff = await createUser(db, { orgId: cjg.id, name: 'Fatima Ouali' });
  const worker = await createUser(db, { orgId: partner.id, name: 'Sanne de Vries', email: 'sanne@example.test' });
  const stranger = await createUser(db, { orgId: outside.id, name: 'Thomas Dekker' });
  const orgAdmin = await createUser(db, { orgId: cjg.id, roles: ['org_admin'], name: 'Pieter van Dam' });
  const tags = createTags(db);
  return { cjg, partner, outside, open, listed, expert, staff, worker, stranger, orgAdmin, tags };
}
