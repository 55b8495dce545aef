import { holidayClosure } from '../../src/desks/holidays';
import { bookings, closures, locations, locationShares, spaces, type Amenity, type BookingStatus, type Daypart, type SpaceKind } from '../schema';
import type { Tx } from '../../src/db';
import { addDays, addMonths, instantOf, isoWeekday, localToday } from '../../src/lib/time';
import { amenitiesToMask, requestDeadline } from '../../src/desks/rules';
import type { CoreSeed } from './core';

type SeedSpace = { name: string; kind: SpaceKind; capacity: number; amenities: Amenity[] };
type SeedLocation = {
  org: string;
  name: string;
  street: string;
  postcode: string;
  town: string;
  accessibility?: string;
  guestInstructions: string;
  houseRules?: string;
  contactPerson?: string;
  sharing?: 'all' | 'list';
  sharedWith?: string[];
  approvalRequired?: boolean;
  spaces: SeedSpace[];
};

const LOCATIONS: SeedLocation[] = [
  {
    org: 'CJG Harderwijk',
    name: 'CJG Harderwijk Stationslaan',
    street: 'Stationslaan 2',
    postcode: '3841 DB',
    town: 'Harderwijk',
    accessibility: 'Lift aanwezig; invalidenparkeerplaats naast de ingang.',
    guestInstructions:
      'Meld je bij de balie op de begane grond; wifi: CJG-Gast (wachtwoord staat op de balie). Koffie en thee in de keuken op de eerste verdieping.',
    houseRules: 'Clean desk: ruim je plek op aan het eind van het dagdeel. Bellen in de belruimte.',
    contactPerson: 'Marieke Jansen (gastvrouw), 0341 123 456',
    spaces: [
      { name: 'Flexplekken eerste verdieping', kind: 'flexplek', capacity: 6, amenities: ['wifi', 'coffee', 'monitor', 'consultation', 'wheelchair'] },
      { name: 'Stilteruimte', kind: 'stilteruimte', capacity: 2, amenities: ['wifi', 'coffee', 'phone_room'] },
      { name: 'Overlegruimte De Haven', kind: 'overlegruimte', capacity: 8, amenities: ['wifi', 'coffee', 'monitor', 'lunch'] },
    ],
  },
  {
    org: 'CJG Harderwijk',
    name: 'CJG Harderwijk Drielanden',
    street: 'Drielandendreef 45',
    postcode: '3845 CA',
    town: 'Harderwijk',
    guestInstructions: 'Ingang aan de achterzijde (bij de fietsenstalling). Wifi: Drielanden-Gast. Vraag naar de dienstdoende jeugdverpleegkundige.',
    contactPerson: 'Fatima Ouali, 0341 654 321',
    sharing: 'list',
    sharedWith: ['GGD Noord- en Oost-Gelderland', 'Gemeente Harderwijk'],
    approvalRequired: true,
    spaces: [{ name: 'Gastwerkplekken', kind: 'flexplek', capacity: 3, amenities: ['wifi', 'coffee', 'parking'] }],
  },
  {
    org: 'GGD Noord- en Oost-Gelderland',
    name: 'GGD Apeldoorn',
    street: 'Papenstraat 14',
    postcode: '7311 HV',
    town: 'Apeldoorn',
    guestInstructions: 'Meld je bij de receptie; je krijgt een gastpas. Wifi: GGD-Guest.',
    spaces: [{ name: 'Flexruimte begane grond', kind: 'flexplek', capacity: 8, amenities: ['wifi', 'coffee', 'monitor', 'parking', 'wheelchair'] }],
  },
  {
    org: 'Icare JGZ',
    name: 'Icare Meppel',
    street: 'Dokter van der Hoeveneweg 1',
    postcode: '7943 KA',
    town: 'Meppel',
    guestInstructions: 'Bel aan bij de personeelsingang. Wifi: Icare-Gast. Koffie uit de automaat is gratis.',
    spaces: [{ name: 'Werkplekken JGZ-team', kind: 'flexplek', capacity: 4, amenities: ['wifi', 'coffee', 'parking'] }],
  },
  {
    org: 'Lokalis Utrecht',
    name: 'Buurtteam Overvecht',
    street: 'Zamenhofdreef 99',
    postcode: '3562 JW',
    town: 'Utrecht',
    guestInstructions: 'Meld je bij de gastvrouw in de ontmoetingsruimte. Wifi: Lokalis-Gast.',
    spaces: [
      { name: 'Flexplekken', kind: 'flexplek', capacity: 5, amenities: ['wifi', 'coffee', 'consultation'] },
      { name: 'Spreekkamer', kind: 'overlegruimte', capacity: 1, amenities: ['wifi', 'phone_room'] },
    ],
  },
  {
    org: 'Ouder- en Kindteams Amsterdam',
    name: 'OKT Nieuw-West',
    street: 'Osdorpplein 500',
    postcode: '1068 SX',
    town: 'Amsterdam',
    guestInstructions: 'Ingang naast de bibliotheek, 2e verdieping. Wifi: OKT-Gast.',
    spaces: [{ name: 'Gastplekken', kind: 'flexplek', capacity: 4, amenities: ['wifi', 'coffee', 'wheelchair'] }],
  },
  {
    org: 'WIJeindhoven',
    name: 'WIJeindhoven Woensel',
    street: 'Vlokhovenseweg 40',
    postcode: '5625 WK',
    town: 'Eindhoven',
    guestInstructions: 'Meld je bij de receptie. Wifi: WIJ-Gast.',
    spaces: [{ name: 'Flexplekken', kind: 'flexplek', capacity: 3, amenities: ['wifi', 'coffee', 'lunch'] }],
  },
  {
    org: 'Entrea Lindenhout',
    name: 'Entrea Lindenhout Nijmegen',
    street: 'Heyendaalseweg 98',
    postcode: '6525 EE',
    town: 'Nijmegen',
    guestInstructions: 'Meld je bij de centrale balie. Wifi: Entrea-Gast. Gedragswetenschapper op dinsdag en donderdag.',
    spaces: [{ name: 'Stille werkplekken', kind: 'stilteruimte', capacity: 3, amenities: ['wifi', 'consultation', 'parking'] }],
  },
  {
    org: 'CJG Ede',
    name: 'CJG Ede Centrum',
    street: 'Bergstraat 4',
    postcode: '6711 DD',
    town: 'Ede',
    guestInstructions: 'Meld je bij de balie van het gemeentehuis; het CJG zit op de 3e verdieping. Wifi: Ede-Gast.',
    spaces: [{ name: 'Flexplekken CJG', kind: 'flexplek', capacity: 4, amenities: ['wifi', 'coffee', 'monitor'] }],
  },
];

/** The next Christmas closure (24–26 December) that has not passed yet. */
function christmas(today: string): { start: string; end: string } {
  let year = Number(today.slice(0, 4));
  if (today > `${year}-12-26`) year++;
  return { start: `${year}-12-24`, end: `${year}-12-26` };
}

const REQUEST_DEFAULTS = {
  requestDeadlineDays: 1,
  requestDeadlineTime: '16:00',
  openWeekdays: 31,
  checkinDeadlineMorning: '10:00',
  checkinDeadlineAfternoon: '14:00',
};

/** Demo data of the desks domain, relative to `now`. */
export function seedDesks(tx: Tx, core: CoreSeed, now: Date): void {
  const today = localToday(now);
  // The places exist from before the year of history (db/seed/history.ts): Inzicht counts them from then.
  const since = instantOf(addMonths(today, -13), '09:00');
  const spaceIds = new Map<string, { id: number; locationId: number; orgId: number }>();
  for (const l of LOCATIONS) {
    const orgId = core.orgIds.get(l.org)!;
    const { id: locationId } = tx
      .insert(locations)
      .values({
        orgId,
        name: l.name,
        street: l.street,
        postcode: l.postcode,
        town: l.town,
        accessibility: l.accessibility ?? null,
        guestInstructions: l.guestInstructions,
        houseRules: l.houseRules ?? null,
        contactPerson: l.contactPerson ?? null,
        sharing: l.sharing ?? 'all',
        approvalRequired: l.approvalRequired ?? false,
        createdAt: since,
      })
      .returning({ id: locations.id })
      .get();
    for (const org of l.sharedWith ?? [])
      tx.insert(locationShares)
        .values({ locationId, orgId: core.orgIds.get(org)! })
        .run();
    for (const s of l.spaces) {
      const { id } = tx
        .insert(spaces)
        .values({ locationId, orgId, name: s.name, kind: s.kind, capacity: s.capacity, amenities: amenitiesToMask(s.amenities), createdAt: since })
        .returning({ id: spaces.id })
        .get();
      spaceIds.set(`${l.name}/${s.name}`, { id, locationId, orgId });
    }
  }

  const xmas = christmas(today);
  const harderwijk = spaceIds.get('CJG Harderwijk Stationslaan/Flexplekken eerste verdieping')!;
  tx.insert(closures)
    .values({ locationId: harderwijk.locationId, orgId: harderwijk.orgId, spaceId: null, startDate: xmas.start, endDate: xmas.end, reason: 'Kerst' })
    .run();

  // Lokalis Utrecht closes all of its locations from Christmas Eve to New Year's Day (org admin's demo).
  const kerstsluiting = { start: xmas.start, end: `${Number(xmas.start.slice(0, 4)) + 1}-01-01` };
  tx.insert(closures)
    .values({
      scope: 'org',
      orgId: core.orgIds.get('Lokalis Utrecht')!,
      locationId: null,
      spaceId: null,
      startDate: kerstsluiting.start,
      endDate: kerstsluiting.end,
      reason: 'Kerstsluiting',
    })
    .run();

  // Working days from today on, outside the Christmas closure and the public holidays locations close for by default.
  const workdays: string[] = [];
  for (let d = today; workdays.length < 6; d = addDays(d, 1))
    if (isoWeekday(d) <= 5 && (d < xmas.start || d > xmas.end) && holidayClosure(d, null, null) === null) workdays.push(d);
  const outsideKerstsluiting = (d: string) =>
    d < kerstsluiting.start || d > kerstsluiting.end ? d : (workdays.find((w) => w > kerstsluiting.end) ?? addDays(kerstsluiting.end, 4));

  const book = (
    space: { id: number; locationId: number; orgId: number },
    email: string,
    guestOrg: string,
    date: string,
    daypart: Daypart,
    status: BookingStatus,
    note?: string,
    checkedIn = false,
  ) =>
    tx
      .insert(bookings)
      .values({
        spaceId: space.id,
        locationId: space.locationId,
        orgId: space.orgId,
        userId: core.userIds.get(email)!,
        guestOrgId: core.orgIds.get(guestOrg)!,
        date,
        daypart,
        status,
        note: note ?? null,
        // A request must be answered by the working day before, 16:00 (the default of every demo location).
        respondBy: status === 'pending' ? requestDeadline(REQUEST_DEFAULTS, date, daypart, now, (d) => holidayClosure(d, null, null) !== null) : null,
        checkedInAt: checkedIn ? now : null,
        createdAt: now,
        updatedAt: now,
      })
      .run();

  const ggd = 'GGD Noord- en Oost-Gelderland';
  const worker = 'worker@gastplek.test';
  const drielanden = spaceIds.get('CJG Harderwijk Drielanden/Gastwerkplekken')!;
  const utrecht = spaceIds.get('Buurtteam Overvecht/Flexplekken')!;
  // If that first working day is today, the demo worker has already checked in, so the demo does
  // not open with their own booking released as a no-show.
  book(harderwijk, worker, ggd, workdays[0]!, 'morning', 'confirmed', 'Ik wil graag even overleggen met de gedragswetenschapper.', workdays[0] === today);
  book(harderwijk, worker, ggd, workdays[1]!, 'morning', 'confirmed');
  book(harderwijk, worker, ggd, workdays[1]!, 'afternoon', 'confirmed');
  book(utrecht, worker, ggd, outsideKerstsluiting(workdays[3]!), 'afternoon', 'confirmed');
  book(drielanden, worker, ggd, workdays[4]!, 'morning', 'pending');
  // The host's guest list: guests today and requests waiting for a decision.
  book(harderwijk, 'ruben.mulder@gastplek.test', ggd, workdays[0]!, 'afternoon', 'confirmed');
  book(harderwijk, 'daan.de.boer@gastplek.test', 'Icare JGZ', workdays[0]!, 'morning', 'confirmed');
  book(drielanden, 'ruben.mulder@gastplek.test', ggd, workdays[2]!, 'morning', 'pending', 'Overleg over een gezamenlijke casus met het wijkteam.');
  book(drielanden, 'admin@gastplek.test', 'Gemeente Harderwijk', workdays[2]!, 'afternoon', 'pending');
}
