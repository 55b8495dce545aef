import type { Tx } from '../../src/db';
import { recordAttendance } from '../../src/intervision/attendance';
import { createGroup, joinGroup } from '../../src/intervision/groups';
import { insertMeeting, placeClosedOn, type MeetingInput } from '../../src/intervision/meetings';
import { placeRegistration } from '../../src/intervision/registrations';
import { addDays, instantOf, localDateOf } from '../../src/lib/time';
import { locations, meetings, registrations } from '../schema';
import { eq } from 'drizzle-orm';
import type { CoreSeed } from './core';

/**
 * Demo data of the intervision domain, relative to `now`: facilitator@gastplek.test (Icare JGZ)
 * runs a nearly full mixed meeting, a full online one with a waiting list, a closed group, and
 * past meetings with attendance so that worker@gastplek.test has reflection hours.
 */
export function seedIntervision(tx: Tx, core: CoreSeed, now: Date): void {
  const user = (email: string) => core.userIds.get(email)!;
  const org = (name: string) => core.orgIds.get(name)!;
  const facilitator = user('facilitator@gastplek.test');
  const icare = org('Icare JGZ');
  const today = localDateOf(now);
  // Meetings meet at the CJG's desk location (its own address), on days it is open.
  const place = tx
    .select({ id: locations.id, street: locations.street, town: locations.town })
    .from(locations)
    .where(eq(locations.name, 'CJG Harderwijk Stationslaan'))
    .get()!;
  /** The first day from `dayOffset` on (up to `repeats` × `everyDays` later, too) the location is open; past days as they are. */
  const openDay = (dayOffset: number, repeats = 1, everyDays = 0): string => {
    for (let shift = 0; shift < 14; shift++) {
      const first = addDays(today, dayOffset + shift);
      const dates = Array.from({ length: repeats }, (_, i) => addDays(first, i * everyDays));
      if (dayOffset < 0 || !placeClosedOn(tx, place.id, dates)) return first;
    }
    return addDays(today, dayOffset);
  };

  const base = (dayOffset: number, start: string, end: string, day = openDay(dayOffset)): Omit<MeetingInput, 'title' | 'kind' | 'method'> => {
    return {
      orgId: icare,
      description: '',
      startsAt: instantOf(day, start),
      endsAt: instantOf(day, end),
      placeKind: 'location',
      locationId: place.id,
      placeName: 'CJG Harderwijk Stationslaan, vergaderzaal De Haven',
      address: place.street,
      town: place.town,
      onlineUrl: null,
      minParticipants: 4,
      maxParticipants: 8,
      maxPerOrg: null,
      signupOpensAt: dayOffset > 0 ? instantOf(addDays(today, -7), '09:00') : instantOf(addDays(day, -30), '09:00'),
      signupClosesAt: instantOf(addDays(day, -1), '17:00'),
      cancelDeadlineAt: instantOf(addDays(day, -1), '17:00'),
      visibility: 'all',
      visibleOrgIds: [],
    };
  };
  const sign = (meetingId: number, people: [string, string][], bringsCase = false) => {
    const m = tx.select().from(meetings).where(eq(meetings.id, meetingId)).get()!;
    for (const [email, orgName] of people) placeRegistration(tx, m, user(email), org(orgName), bringsCase, now);
  };

  // Nearly full, mixed: at most 2 per organisation.
  const mixed = insertMeeting(
    tx,
    {
      ...base(10, '14:00', '16:30'),
      title: 'Intervisie jeugdverpleegkundigen en wijkteams',
      kind: 'intervisie',
      method: 'incident',
      description:
        'Gemengde intervisie voor jeugdverpleegkundigen, CJG- en wijkteammedewerkers. Neem een situatie uit je eigen praktijk mee; we werken met de incidentmethode.',
      minParticipants: 4,
      maxParticipants: 6,
      maxPerOrg: 2,
      facilitatorId: facilitator,
    },
    now,
  );
  sign(mixed, [
    ['fatima.ouali@gastplek.test', 'CJG Harderwijk'],
    ['ruben.mulder@gastplek.test', 'GGD Noord- en Oost-Gelderland'],
    ['daan.de.boer@gastplek.test', 'Icare JGZ'],
    ['thomas.dekker@gastplek.test', 'Lokalis Utrecht'],
    ['bram.vos@gastplek.test', 'WIJeindhoven'],
  ]);

  // Full online meeting with a waiting list.
  const online = insertMeeting(
    tx,
    {
      ...base(17, '09:30', '11:30'),
      placeKind: 'online',
      locationId: null,
      placeName: null,
      address: null,
      town: null,
      onlineUrl: 'https://meet.example.org/gastplek-balint',
      title: 'Balintgroep online',
      kind: 'casuistiek',
      method: 'balint',
      description: 'Casuïstiekbespreking volgens Balint, online.',
      minParticipants: 3,
      maxParticipants: 4,
      facilitatorId: facilitator,
    },
    now,
  );
  sign(online, [
    ['julia.brouwer@gastplek.test', 'CJG Ede'],
    ['hanna.koster@gastplek.test', 'Icare JGZ'],
    ['sophie.meijer@gastplek.test', 'Entrea Lindenhout'],
    ['lotte.smit@gastplek.test', 'GGD Noord- en Oost-Gelderland'],
    ['koen.peters@gastplek.test', 'Ouder- en Kindteams Amsterdam'],
    ['fatima.ouali@gastplek.test', 'CJG Harderwijk'],
  ]);

  // A closed group every six weeks, four times; two members and one waiting.
  const groupId = createGroup(
    tx,
    {
      ...base(21, '13:30', '15:30', openDay(21, 4, 42)),
      title: 'Vaste intervisiegroep Noord-Veluwe',
      kind: 'intervisie',
      method: 'tienstappen',
      description: 'Vaste groep met de tienstappenmethode.',
      minParticipants: 2,
      maxParticipants: 2,
      cadenceWeeks: 6,
      count: 4,
      closed: true,
      facilitatorId: facilitator,
    },
    now,
  );
  joinGroup(tx, groupId, user('ruben.mulder@gastplek.test'), org('GGD Noord- en Oost-Gelderland'), now);
  joinGroup(tx, groupId, user('julia.brouwer@gastplek.test'), org('CJG Ede'), now);
  joinGroup(tx, groupId, user('bram.vos@gastplek.test'), org('WIJeindhoven'), now);

  // Past meetings with attendance: the demo worker has reflection hours.
  const worker: [string, string] = ['worker@gastplek.test', 'GGD Noord- en Oost-Gelderland'];
  const past: { offset: number; start: string; end: string; title: string; method: MeetingInput['method']; minutes?: number }[] = [
    { offset: -400, start: '14:00', end: '16:00', title: 'Intervisie wijkteams en JGZ', method: 'incident' },
    { offset: -180, start: '09:00', end: '12:00', title: 'Methodische leerbijeenkomst signaleren', method: 'reflectiecyclus', minutes: 150 },
    { offset: -30, start: '14:00', end: '16:00', title: 'Balintgroep', method: 'balint' },
  ];
  for (const p of past) {
    const id = insertMeeting(
      tx,
      { ...base(p.offset, p.start, p.end), title: p.title, kind: 'intervisie', method: p.method, minParticipants: 2, facilitatorId: facilitator },
      now,
    );
    sign(id, [worker, ['fatima.ouali@gastplek.test', 'CJG Harderwijk'], ['thomas.dekker@gastplek.test', 'Lokalis Utrecht']]);
    const m = tx.select().from(meetings).where(eq(meetings.id, id)).get()!;
    const regs = tx.select().from(registrations).where(eq(registrations.meetingId, id)).all();
    recordAttendance(
      tx,
      m,
      regs.map((r) => ({
        registrationId: r.id,
        presence: r.userId === user('thomas.dekker@gastplek.test') ? 'excused' : 'present',
        minutesPresent: r.userId === user(worker[0]) ? (p.minutes ?? null) : null,
      })),
      facilitator,
      new Date(m.endsAt.getTime() + 3_600_000),
    );
  }
}
