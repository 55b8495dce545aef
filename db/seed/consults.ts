import { and, eq, inArray } from 'drizzle-orm';
import { consultBookings, consultHours, expertiseTags, locations, profiles } from '../schema';
import type { Tx } from '../../src/db';
import { holidayClosure } from '../../src/desks/holidays';
import { addDays, isoWeekday, localToday } from '../../src/lib/time';
import type { CoreSeed } from './core';

/** Expertise the network lists; shared with the profiles' demo data (kept if it is there already). */
const DEMO_TAGS = ['LVB', 'Verslaving', 'Schulden', 'Huiselijk geweld', 'Autisme', 'Scheiding', 'Angst en somberheid', 'Opvoedvragen'];

/**
 * The demo gedragswetenschapper (expert@gastplek.test, CJG Harderwijk) with consult hours on the
 * next working days, 4 × 20 minutes: at Stationslaan (shared with everyone), at Drielanden (shared
 * with a list of partners) and online; the demo worker has booked one slot.
 */
export function seedConsults(tx: Tx, core: CoreSeed, now: Date): void {
  tx.insert(expertiseTags)
    .values(DEMO_TAGS.map((name) => ({ name })))
    .onConflictDoNothing()
    .run();
  const tags = new Map(
    tx
      .select({ id: expertiseTags.id, name: expertiseTags.name })
      .from(expertiseTags)
      .where(inArray(expertiseTags.name, DEMO_TAGS))
      .all()
      .map((t) => [t.name, t.id]),
  );
  const expertId = core.userIds.get('expert@gastplek.test')!;
  const workerId = core.userIds.get('worker@gastplek.test')!;
  const cjg = core.orgIds.get('CJG Harderwijk')!;
  tx.insert(profiles)
    .values({
      userId: expertId,
      visible: true,
      showPresence: true,
      discipline: 'gedragswetenschapper',
      about: 'Gedrag, ontwikkeling en opvoeden; LVB en autisme.',
      updatedAt: now,
    })
    .onConflictDoNothing()
    .run();
  const loc = (name: string) =>
    tx
      .select({ id: locations.id })
      .from(locations)
      .where(and(eq(locations.orgId, cjg), eq(locations.name, name)))
      .get()!.id;
  const today = localToday(now);
  const workdays: string[] = [];
  for (let d = addDays(today, 1); workdays.length < 4; d = addDays(d, 1)) if (isoWeekday(d) <= 5 && holidayClosure(d, null, null) === null) workdays.push(d);
  const hours = [
    { locationId: loc('CJG Harderwijk Stationslaan'), onlineUrl: null, date: workdays[0]!, startTime: '13:30' },
    { locationId: loc('CJG Harderwijk Drielanden'), onlineUrl: null, date: workdays[1]!, startTime: '10:00' },
    { locationId: null, onlineUrl: 'https://meet.example.nl/spreekuur-cjg-harderwijk', date: workdays[2]!, startTime: '15:00' },
    { locationId: loc('CJG Harderwijk Stationslaan'), onlineUrl: null, date: workdays[3]!, startTime: '09:00' },
  ].map(
    (h) =>
      tx
        .insert(consultHours)
        .values({ ...h, expertId, orgId: cjg, slotMinutes: 20, slots: 4, status: 'open', createdAt: now })
        .returning({ id: consultHours.id })
        .get().id,
  );
  tx.insert(consultBookings)
    .values({
      hourId: hours[3]!,
      slot: 1,
      userId: workerId,
      orgId: core.orgIds.get('GGD Noord- en Oost-Gelderland')!,
      tagId: tags.get('LVB')!,
      status: 'booked',
      createdAt: now,
      updatedAt: now,
    })
    .run();
}
