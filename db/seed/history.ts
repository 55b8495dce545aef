import { and, eq, ne } from 'drizzle-orm';
import type { Tx } from '../../src/db';
import { holidayClosure } from '../../src/desks/holidays';
import { insertMeeting } from '../../src/intervision/meetings';
import { addDays, addMonths, instantOf, isoWeekday, localToday } from '../../src/lib/time';
import { bookings, deskDemand, locations, memberships, meetings, registrations, spaces, users, type BookingStatus, type Daypart } from '../schema';
import { DEMO_ACCOUNTS } from './core';

/**
 * A year of history for *Inzicht* (issue #14), relative to `now` and the same on every run (a
 * fixed pseudo-random sequence): guests of other organisations at every location, with the odd
 * no-show, late cancellation, declined and expired request, and two intervision meetings a month
 * with attendance from several organisations. Only the "other people" of the demo take part, so
 * the demo accounts' own lists stay as the rest of the demo describes them.
 */
export function seedHistory(tx: Tx, now: Date): void {
  const today = localToday(now);
  let seed = 20261201;
  const random = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;

  // The demo accounts keep only their own scenes; Julia Brouwer is the newcomer without a past (the journeys' empty states).
  const demo = new Set<string>([...DEMO_ACCOUNTS.map((a) => a.email), 'julia.brouwer@gastplek.test']);
  const people = tx
    .select({ id: users.id, email: users.email, orgId: memberships.orgId })
    .from(users)
    .innerJoin(memberships, and(eq(memberships.userId, users.id), eq(memberships.role, 'member')))
    .all()
    .filter((p) => !demo.has(p.email));
  const places = tx
    .select({ spaceId: spaces.id, locationId: spaces.locationId, orgId: spaces.orgId, capacity: spaces.capacity, approval: locations.approvalRequired })
    .from(spaces)
    .innerJoin(locations, eq(locations.id, spaces.locationId))
    .all();

  // Desks: on each open weekday of the past year, some guests per space and dagdeel; busier mid-week,
  // and one location always full on Tuesday mornings.
  const alwaysFull = places.find((p) => p.capacity === 4 && !p.approval && places.filter((q) => q.locationId === p.locationId).length === 1);
  const rows: (typeof bookings.$inferInsert)[] = [];
  const taken = new Set<string>();
  for (let date = addMonths(today, -12); date < today; date = addDays(date, 1)) {
    const wd = isoWeekday(date);
    if (wd > 5 || holidayClosure(date, null, null) !== null) continue;
    const busy = wd === 2 || wd === 4 ? 0.55 : 0.3;
    for (const place of places)
      for (const daypart of ['morning', 'afternoon'] as Daypart[]) {
        const full = place === alwaysFull && wd === 2 && daypart === 'morning';
        const guests = full ? place.capacity : Math.floor(random() * Math.min(place.capacity, 4) * busy * 2);
        for (let i = 0; i < guests; i++) {
          const others = people.filter((p) => p.orgId !== place.orgId);
          let guest = pick(others);
          for (let k = 0; k < 10 && taken.has(`${guest.id}:${date}:${daypart}`); k++) guest = pick(others);
          if (taken.has(`${guest.id}:${date}:${daypart}`)) continue;
          const roll = random();
          const status: BookingStatus = full
            ? 'confirmed'
            : roll < 0.05
              ? 'no_show'
              : roll < 0.1
                ? 'cancelled'
                : place.approval && roll < 0.13
                  ? 'declined'
                  : place.approval && roll < 0.15
                    ? 'expired'
                    : 'confirmed';
          if (status === 'confirmed' || status === 'no_show') taken.add(`${guest.id}:${date}:${daypart}`);
          const dayStart = instantOf(date, '00:00').getTime();
          // Half of the cancellations come on the day before or the day itself ("late").
          const updated = status === 'cancelled' && random() < 0.5 ? dayStart - 6 * 3_600_000 : dayStart - 5 * 86_400_000;
          rows.push({
            spaceId: place.spaceId,
            locationId: place.locationId,
            orgId: place.orgId,
            userId: guest.id,
            guestOrgId: guest.orgId,
            date,
            daypart,
            status,
            arrivedAt: status === 'confirmed' ? new Date(dayStart + 9 * 3_600_000) : null,
            createdAt: new Date(dayStart - 7 * 86_400_000),
            updatedAt: new Date(updated),
          });
        }
      }
    // Now and then a search that found nothing, and a booking refused as full.
    if (random() < 0.15)
      tx.insert(deskDemand)
        .values({ day: date, kind: 'search_empty', locationId: 0, n: 1 + Math.floor(random() * 3) })
        .run();
    if (random() < 0.1)
      tx.insert(deskDemand)
        .values({ day: date, kind: 'refused_full', locationId: pick(places).locationId, n: 1 })
        .run();
  }
  for (let i = 0; i < rows.length; i += 400)
    tx.insert(bookings)
      .values(rows.slice(i, i + 400))
      .run();

  // Intervision: two meetings a month, organised in turn by organisations with a facilitator.
  const facilitators = tx
    .select({ id: users.id, orgId: memberships.orgId })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.role, 'facilitator'), ne(users.email, 'facilitator@gastplek.test')))
    .all();
  for (let m = 12; m >= 1; m--) {
    for (const [day, start, end] of [
      [8, '14:00', '16:00'],
      [22, '09:30', '12:00'],
    ] as const) {
      const date = `${addMonths(today, -m).slice(0, 7)}-${String(day).padStart(2, '0')}`;
      if (date >= today) continue;
      const host = pick(facilitators);
      const tooFew = random() < 0.1;
      const id = insertMeeting(
        tx,
        {
          orgId: host.orgId,
          facilitatorId: host.id,
          title: pick(['Intervisie jeugdprofessionals', 'Casuïstiek veilig opgroeien', 'Methodisch werken met gezinnen', 'Reflectie op de praktijk']),
          kind: pick(['intervisie', 'casuistiek', 'methodisch'] as const),
          method: pick(['incident', 'tienstappen', 'reflectiecyclus'] as const),
          description: '',
          startsAt: instantOf(date, start),
          endsAt: instantOf(date, end),
          placeKind: 'online',
          placeName: null,
          address: null,
          town: null,
          onlineUrl: 'https://meet.gastplek.test/intervisie',
          locationId: null,
          minParticipants: 4,
          maxParticipants: 8,
          maxPerOrg: null,
          signupOpensAt: instantOf(addDays(date, -30), '09:00'),
          signupClosesAt: instantOf(addDays(date, -1), '17:00'),
          cancelDeadlineAt: instantOf(addDays(date, -1), '17:00'),
          visibility: 'all',
          visibleOrgIds: [],
        },
        instantOf(addDays(date, -30), '09:00'),
      );
      if (tooFew) {
        tx.update(meetings)
          .set({ status: 'cancelled', minWarningSentAt: instantOf(addDays(date, -1), '17:05') })
          .where(eq(meetings.id, id))
          .run();
        continue;
      }
      const seen = new Set<string>();
      const count = 5 + Math.floor(random() * 5);
      for (let i = 0; i < count; i++) {
        const p = pick(people);
        if (seen.has(p.id)) continue;
        seen.add(p.id);
        const waiting = i >= 8;
        tx.insert(registrations)
          .values({
            meetingId: id,
            userId: p.id,
            orgId: p.orgId,
            status: waiting ? 'waitlisted' : 'registered',
            queueSeq: i + 1,
            queuedAt: instantOf(addDays(date, -20), '10:00'),
            registeredAt: waiting ? null : instantOf(addDays(date, -20), '10:00'),
            presence: waiting ? null : random() < 0.88 ? 'present' : 'absent',
          })
          .run();
      }
    }
  }
}
