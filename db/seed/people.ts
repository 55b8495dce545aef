import { and, eq, inArray } from 'drizzle-orm';
import { bookings, expertiseTags, locations, profiles, profileTags, staffPresence, type Discipline } from '../schema';
import type { Tx } from '../../src/db';
import type { CoreSeed } from './core';

/** The network's first list of expertise (issue #15); network admins add and retire tags at /people/tags. */
export const DEMO_EXPERTISE = [
  'LVB',
  'Verslaving',
  'Schulden',
  'Scheiding',
  'Schoolverzuim',
  'Autisme',
  'Huiselijk geweld',
  'Jonge kinderen 0–4',
  'Pubers',
] as const;

/** A few people who opted in; everyone else keeps the default (nothing shown). */
const OPTED_IN: { email: string; discipline: Discipline; about: string; tags: (typeof DEMO_EXPERTISE)[number][] }[] = [
  {
    email: 'ruben.mulder@gastplek.test',
    discipline: 'jeugdverpleegkundige',
    about: 'Slaap, voeding en pubers die niet naar school gaan',
    tags: ['Pubers', 'Schoolverzuim'],
  },
  { email: 'daan.de.boer@gastplek.test', discipline: 'gezinswerker', about: 'Gezinnen met geldzorgen en een scheiding', tags: ['Schulden', 'Scheiding'] },
  { email: 'fatima.ouali@gastplek.test', discipline: 'jeugdarts', about: 'Ontwikkeling van jonge kinderen', tags: ['Jonge kinderen 0–4', 'Autisme'] },
];

/**
 * Demo data of "meet each other": the expertise list, three opted-in colleagues (two guests booked
 * at CJG Harderwijk Stationslaan, one of its own staff who says she is there on the days the demo
 * worker is booked there).
 */
export function seedPeople(tx: Tx, core: CoreSeed, now: Date): void {
  const tagIds = new Map<string, number>();
  for (const name of DEMO_EXPERTISE) {
    const row = tx.insert(expertiseTags).values({ name }).onConflictDoNothing().returning({ id: expertiseTags.id }).get();
    if (row) tagIds.set(name, row.id);
  }
  for (const p of OPTED_IN) {
    const userId = core.userIds.get(p.email);
    if (!userId) continue;
    tx.insert(profiles).values({ userId, visible: true, showPresence: true, discipline: p.discipline, about: p.about, updatedAt: now }).run();
    for (const tag of p.tags) {
      const tagId = tagIds.get(tag);
      if (tagId) tx.insert(profileTags).values({ userId, tagId }).run();
    }
  }
  const fatima = core.userIds.get('fatima.ouali@gastplek.test');
  const worker = core.userIds.get('worker@gastplek.test');
  const stationslaan = tx.select({ id: locations.id }).from(locations).where(eq(locations.name, 'CJG Harderwijk Stationslaan')).get();
  if (!fatima || !worker || !stationslaan) return;
  const days = tx
    .selectDistinct({ date: bookings.date })
    .from(bookings)
    .where(and(eq(bookings.userId, worker), eq(bookings.locationId, stationslaan.id), inArray(bookings.status, ['confirmed', 'pending'])))
    .all();
  for (const d of days) tx.insert(staffPresence).values({ userId: fatima, locationId: stationslaan.id, date: d.date }).run();
}
