/** What a closure or holiday choice cancels, and the intervision meetings it leaves standing (src/desks/reach.ts). */
export type Effect = { bookings: number; hours: number; slots: number; meetings: number };

const and = (parts: string[]) => (parts.length > 1 ? `${parts.slice(0, -1).join(', ')} en ${parts.at(-1)}` : (parts[0] ?? ''));

/** "2 reserveringen en 1 spreekuur (1 geboekt tijdvak)" */
const what = (e: Effect) =>
  and([
    ...(e.bookings > 0 ? [`${e.bookings} ${e.bookings === 1 ? 'reservering' : 'reserveringen'}`] : []),
    ...(e.hours > 0
      ? [
          `${e.hours} ${e.hours === 1 ? 'spreekuur' : 'spreekuren'}${e.slots > 0 ? ` (${e.slots} ${e.slots === 1 ? 'geboekt tijdvak' : 'geboekte tijdvakken'})` : ''}`,
        ]
      : []),
  ]);
const many = (e: Effect) => e.bookings + e.hours > 1;

/** Who hears of it: "de gasten, de spreekuurhouder en wie een tijdvak heeft geboekt, krijgen bericht" (the comma closes the clause). */
function told(e: Effect, done: boolean): string {
  if (e.hours === 0) return done ? 'de gasten zijn gemaild' : 'iedere gast krijgt bericht';
  const who = [
    ...(e.bookings > 0 ? [e.bookings === 1 ? 'de gast' : 'de gasten'] : []),
    e.hours === 1 ? 'de spreekuurhouder' : 'de spreekuurhouders',
    ...(e.slots > 0 ? [done ? 'wie een tijdvak had geboekt,' : 'wie een tijdvak heeft geboekt,'] : []),
  ];
  const plural = who.length > 1 || e.hours > 1;
  return done ? `${and(who)} ${plural ? 'hebben' : 'heeft'} bericht` : `${and(who)} ${plural ? 'krijgen' : 'krijgt'} bericht`;
}

/** Meetings are not cancelled by a closure: the host passes it on to the facilitator. */
const meetingsNote = (n: number) =>
  n === 0
    ? ''
    : n === 1
      ? 'Let op: op een locatie die dan gesloten is, staat ook 1 intervisiebijeenkomst gepland. Die wordt niet vanzelf afgezegd: laat het de begeleider weten, zodat die de bijeenkomst kan verplaatsen.'
      : `Let op: op een locatie die dan gesloten is, staan ook ${n} intervisiebijeenkomsten gepland. Die worden niet vanzelf afgezegd: laat het de begeleiders weten, zodat zij de bijeenkomsten kunnen verplaatsen.`;

/** The flash after saving: "De sluiting is toegevoegd; 2 reserveringen zijn geannuleerd en de gasten zijn gemaild." and the meetings remark. */
export const saved = (done: string, e: Effect) =>
  [e.bookings + e.hours > 0 ? `${done}; ${what(e)} ${many(e) ? 'zijn' : 'is'} geannuleerd en ${told(e, true)}.` : `${done}.`, meetingsNote(e.meetings)]
    .filter(Boolean)
    .join(' ');

/** Public holidays and closures of a whole organisation or the network (issue #12, part 1). */
export const closures = {
  holidays: {
    nieuwjaarsdag: 'Nieuwjaarsdag',
    goede_vrijdag: 'Goede Vrijdag',
    eerste_paasdag: 'Eerste paasdag',
    tweede_paasdag: 'Tweede paasdag',
    koningsdag: 'Koningsdag',
    bevrijdingsdag: 'Bevrijdingsdag',
    bevrijdingsdag_lustrum: 'Bevrijdingsdag',
    hemelvaartsdag: 'Hemelvaartsdag',
    eerste_pinksterdag: 'Eerste pinksterdag',
    tweede_pinksterdag: 'Tweede pinksterdag',
    eerste_kerstdag: 'Eerste kerstdag',
    tweede_kerstdag: 'Tweede kerstdag',
  },
  choice: {
    bevrijdingsdag: 'Bevrijdingsdag (elk jaar)',
    bevrijdingsdag_lustrum: 'Bevrijdingsdag (alleen in lustrumjaren: 2025, 2030, …)',
  },
  nav: 'Feestdagen en sluitingen',
  card: 'Kies op welke feestdagen je locaties dicht zijn en sluit alle locaties tegelijk, bijvoorbeeld rond kerst.',
  chooseOrg: 'Kies een organisatie',
  title: (org: string) => `Feestdagen en sluitingen: ${org}`,
  networkTitle: 'Sluitingen van het hele netwerk',
  networkCard: 'Kondig een sluiting aan die voor alle locaties in het netwerk geldt.',
  holidaysTitle: 'Feestdagen',
  holidaysIntro:
    'Op de gekozen feestdagen zijn alle locaties van je organisatie dicht, tenzij een locatie zelf iets anders kiest. De data komen uit de officiële Nederlandse feestdagenkalender.',
  holidaysLegend: 'Gesloten op',
  holidaysSave: 'Feestdagen opslaan',
  holidaysSaved: 'De feestdagen zijn opgeslagen.',
  upcoming: (year: number) => `Feestdagen in ${year}`,
  closedWord: 'gesloten',
  openWord: 'open',
  locationHolidays: 'Feestdagen',
  locationInherit: 'Zoals de organisatie kiest',
  locationOwn: 'Eigen keuze voor deze locatie:',
  closuresTitle: 'Sluitingen van alle locaties',
  networkClosuresTitle: 'Sluitingen van alle locaties in het netwerk',
  none: 'Geen sluitingen gepland.',
  add: 'Alle locaties sluiten',
  startDate: 'Eerste dag',
  endDate: 'Laatste dag',
  reason: 'Naam of reden',
  reasonHint: 'Bijvoorbeeld: kerstsluiting. Gasten zien deze naam bij het zoeken en in de weekplanning.',
  next: 'Verder',
  confirmTitle: 'Sluiting bevestigen',
  confirmText: (reason: string, days: string, scope: string) => `${reason}: ${scope} ${days}.`,
  scopeOrg: (org: string) => `alle locaties van ${org} gesloten`,
  scopeNetwork: 'alle locaties in het netwerk gesloten',
  scopeLocation: (location: string) => `locatie ${location} gesloten`,
  scopeSpace: (space: string, location: string) => `werkruimte ${space} bij locatie ${location} gesloten`,
  willCancel: (e: Effect) =>
    e.bookings + e.hours === 0
      ? 'Er zijn in deze periode geen reserveringen of spreekuren; er wordt niets geannuleerd.'
      : `${what(e)} ${many(e) ? 'worden' : 'wordt'} geannuleerd; ${told(e, false)}.`,
  meetingsNote,
  confirm: 'Ja, sluiten',
  back: 'Terug',
  holidayConfirmTitle: 'Feestdagen wijzigen',
  daysConfirmTitle: 'Gesloten dagen wijzigen',
  daysConfirmText: 'Met deze wijziging (openingsdagen of feestdagen) gaat de locatie dicht op dagen waarop al gereserveerd is of iets gepland staat.',
  daysSavedCancelled: (e: Effect) => saved('De locatie is opgeslagen', e),
  weekdayClosed: (day: string) => `de locatie is voortaan niet meer open op ${day}`,
  holidayConfirmText: 'Met deze keuze gaan dagen dicht waarop al gereserveerd is of iets gepland staat.',
  holidayConfirm: 'Ja, opslaan en annuleren',
  holidaysSavedCancelled: (e: Effect) => saved('De feestdagen zijn opgeslagen', e),
  added: (e: Effect) => saved('De sluiting is toegevoegd', e),
  deleted: 'De sluiting is verwijderd. Geannuleerde reserveringen komen niet vanzelf terug.',
  delete: 'Verwijderen',
  removeTitle: 'Sluiting verwijderen',
  removeWhat: (reason: string, days: string, where: string) => `${reason}: ${where}, ${days}.`,
  removeEffect:
    'Na het verwijderen kunnen gasten op deze dagen weer reserveren. Reserveringen en spreekuren die door deze sluiting zijn geannuleerd, komen niet vanzelf terug.',
  removeConfirm: 'Ja, verwijderen',
  days: (from: string, to: string) => (from === to ? `op ${from}` : `van ${from} tot en met ${to}`),
  atLocation: (location: string) => `locatie ${location}`,
  atSpace: (space: string, location: string) => `werkruimte ${space} bij locatie ${location}`,
  byOrg: (org: string) => `alle locaties van ${org}`,
  byNetwork: 'het hele netwerk',
  closedOn: (names: string) => `${names}: locaties die dan gesloten zijn, staan niet in de lijst.`,
  closedFor: (name: string) => `gesloten: ${name}`,
  locationClosedOn: (name: string) => `De locatie is dan gesloten: ${name}.`,
  locationClosedWeekday: (day: string) => `De locatie is gesloten op ${day}.`,
  refusal: (name: string) => `${name}. De locatie of werkruimte is dan gesloten.`,
};
