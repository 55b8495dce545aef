/** Spreekuren (issue #15 part 3). */
export const consults = {
  nav: 'Spreekuren',
  card: 'Boek een kort spreekuur bij een deskundige, zoals een gedragswetenschapper.',
  navMine: 'Mijn spreekuren',
  title: 'Spreekuren',
  intro:
    'Een deskundige (bijvoorbeeld een gedragswetenschapper) houdt spreekuur op een locatie of online. Je kiest alleen een onderwerp uit de lijst met expertises: deel geen cliëntgegevens.',
  town: 'Plaats',
  anyTown: 'Alle plaatsen',
  online: 'Online',
  show: 'Tonen',
  period: (from: string, to: string) => `Van ${from} tot en met ${to}`,
  empty: 'In deze twee weken zijn er geen spreekuren met een vrij tijdvak die voor jou open staan.',
  periods: 'Andere weken',
  earlier: '← Vorige twee weken',
  later: 'Volgende twee weken →',
  nextOn: (date: string) => `Het eerstvolgende spreekuur is op ${date}`,
  emptyWhy:
    'Je ziet alleen spreekuren online en op locaties die met jouw organisatie gedeeld worden (of van je eigen organisatie), en geen volle of voorbije spreekuren.',
  emptyTown: 'Probeer alle plaatsen.',
  free: (n: number) => (n === 1 ? '1 tijdvak vrij' : `${n} tijdvakken vrij`),
  slotsOf: (slots: number, minutes: number) => `${slots} × ${minutes} min`,
  with: (name: string, org: string) => `${name} (${org})`,
  view: 'Bekijken en boeken',
  place: 'Plek',
  expert: 'Deskundige',
  when: 'Wanneer',
  status: 'Status',
  slots: 'Tijdvakken',
  anonymous: 'Oud-collega',
  cancelledHours: 'Dit spreekuur gaat niet door.',
  slotState: {
    free: 'Vrij',
    taken: 'Bezet',
    mine: 'Jouw afspraak',
    past: 'Voorbij',
  },
  book: {
    legend: 'Boek een tijdvak',
    slot: 'Tijdvak',
    topic: 'Onderwerp',
    chooseTopic: 'Kies een onderwerp',
    topicHint: 'Alleen een onderwerp uit de lijst: er is geen ruimte voor een toelichting, zodat er geen cliëntgegevens in Gastplek komen.',
    noClientData: 'Ik deel geen cliëntgegevens',
    submit: 'Tijdvak boeken',
    noneFree: 'Er is geen tijdvak meer vrij.',
    noTags: 'Er zijn nog geen expertises om uit te kiezen; vraag de netwerkbeheerder de lijst te vullen.',
    booked: (when: string) => `Geboekt: ${when}. Je krijgt een bevestiging met een agendabestand.`,
    ownHours: 'Dit is je eigen spreekuur.',
  },
  refusals: {
    not_found: 'Dit spreekuur bestaat niet of is niet voor jou zichtbaar.',
    not_member: 'Je hoort bij geen organisatie in het netwerk.',
    cancelled: 'Dit spreekuur gaat niet door.',
    own: 'Je kunt niet bij je eigen spreekuur boeken.',
    slot: 'Kies een tijdvak van dit spreekuur.',
    past: 'Dit tijdvak is al begonnen of voorbij.',
    no_tag: 'Kies een onderwerp uit de lijst.',
    not_confirmed: 'Bevestig dat je geen cliëntgegevens deelt.',
    already: 'Je hebt al een tijdvak in dit spreekuur.',
    taken: 'Dit tijdvak is net door iemand anders geboekt. Kies een ander tijdvak.',
  },
  cancel: {
    button: 'Annuleren',
    confirmTitle: 'Afspraak annuleren?',
    confirmText: (when: string, expert: string) =>
      `Je annuleert je afspraak van ${when} met ${expert}. Het tijdvak komt weer vrij en de deskundige krijgt bericht.`,
    confirm: 'Ja, annuleren',
    back: 'Terug',
    done: 'Je afspraak is geannuleerd; het tijdvak is weer vrij.',
    notCancellable: 'Deze afspraak kan niet meer geannuleerd worden.',
  },
  ics: {
    link: 'In mijn agenda (.ics)',
    bookerTitle: (expert: string, topic: string) => `Spreekuur bij ${expert}: ${topic}`,
    bookerDescription: 'Spreekuur via Gastplek. Deel geen cliëntgegevens.',
    expertTitle: (booker: string, topic: string) => `Spreekuur: ${booker}, ${topic}`,
    expertDescription: (org: string) => `Geboekt via Gastplek door een medewerker van ${org}.`,
  },
  myList: {
    title: 'Spreekuren',
    none: 'Geen geboekte spreekuren.',
    find: 'Spreekuur zoeken',
    topic: (topic: string) => `Onderwerp: ${topic}`,
  },
  mine: {
    title: 'Mijn spreekuren',
    intro: 'Je spreekuren vanaf vandaag, met wie welk tijdvak boekte en waarover.',
    publish: 'Spreekuur aanbieden',
    none: 'Je hebt geen komende spreekuren.',
    free: 'vrij',
    bookedBy: (name: string, org: string, topic: string) => `${name} (${org}): ${topic}`,
    cancel: 'Spreekuur annuleren',
    confirmTitle: 'Spreekuur annuleren?',
    confirmText: (when: string, n: number) =>
      n === 0
        ? `Je annuleert je spreekuur van ${when}. Er is nog niemand geboekt.`
        : `Je annuleert je spreekuur van ${when}. ${n === 1 ? 'De collega die boekte krijgt' : `De ${n} collega's die boekten krijgen`} bericht.`,
    confirm: 'Ja, spreekuur annuleren',
    cancelled: (n: number) =>
      n === 0
        ? 'Je spreekuur is geannuleerd.'
        : `Je spreekuur is geannuleerd; ${n === 1 ? 'de collega die boekte heeft' : `${n} collega's hebben`} bericht gekregen.`,
    notCancellable: 'Dit spreekuur kan niet meer geannuleerd worden.',
    notExpert: 'Spreekuren aanbieden kan met de rol "Spreekuurhouder (deskundige)"; de beheerder van je organisatie kan die rol geven.',
  },
  publish: {
    title: 'Spreekuur aanbieden',
    place: 'Waar',
    online: 'Online (videobellen)',
    onlineUrl: 'Link voor online (https://…)',
    onlineUrlHint: 'Alleen nodig bij online; de link staat in de bevestiging en het agendabestand van wie boekt.',
    date: 'Datum',
    startTime: 'Begintijd',
    slots: 'Aantal tijdvakken',
    slotMinutes: 'Minuten per tijdvak',
    slotsHint: '1 tot 16 tijdvakken van 10 tot 120 minuten, tussen 07:00 en 22:00.',
    submit: 'Aanbieden',
    published: 'Je spreekuur staat open voor boekingen.',
    errors: 'Het spreekuur is niet aangeboden.',
    invalidPlace: 'Kies een locatie van je organisatie, of online.',
    invalidUrl: 'Geef een link die met https:// begint.',
    invalidDate: 'Geef een geldige datum.',
    invalidTime: 'Geef een tijd als 09:30.',
    invalidSlots: 'Kies 1 tot 16 tijdvakken.',
    invalidMinutes: 'Kies 10 tot 120 minuten.',
    refusals: {
      forbidden: 'Je hebt de rol "Spreekuurhouder (deskundige)" niet.',
      location: 'Kies een locatie van je organisatie, of online met een https-link.',
      past: 'Dat tijdstip is al voorbij.',
      horizon: 'Spreekuren kun je tot een jaar vooruit aanbieden.',
      too_late: 'Een spreekuur valt tussen 07:00 en 22:00; kies een vroegere begintijd of minder tijdvakken.',
      overlap: 'Je hebt op dat moment al een spreekuur.',
      closed: 'Kies een andere datum, of online.',
    },
  },
  mail: {
    bookedSubject: (expert: string, when: string) => `Spreekuur geboekt: ${expert}, ${when}`,
    bookedBody: (name: string, expert: string, when: string, place: string, topic: string) =>
      `Hallo ${name},\n\nJe hebt een spreekuur geboekt bij ${expert} op ${when}.\nPlek: ${place}\nOnderwerp: ${topic}\n\nDeel geen cliëntgegevens. Het agendabestand zit in de bijlage. Annuleren kan in Gastplek onder Mijn reserveringen.`,
    newBookingSubject: (booker: string, when: string) => `Nieuwe afspraak in je spreekuur: ${booker}, ${when}`,
    newBookingBody: (name: string, booker: string, org: string, when: string, place: string, topic: string) =>
      `Hallo ${name},\n\n${booker} (${org}) heeft een tijdvak in je spreekuur geboekt op ${when}.\nPlek: ${place}\nOnderwerp: ${topic}\n\nHet agendabestand zit in de bijlage.`,
    youCancelledSubject: (expert: string, when: string) => `Geannuleerd: spreekuur bij ${expert}, ${when}`,
    youCancelledBody: (name: string, expert: string, when: string) =>
      `Hallo ${name},\n\nJe afspraak bij ${expert} op ${when} is geannuleerd. Met de bijlage verdwijnt hij uit je agenda.`,
    bookerCancelledSubject: (booker: string, when: string) => `Afspraak geannuleerd: ${booker}, ${when}`,
    bookerCancelledBody: (name: string, booker: string, when: string) =>
      `Hallo ${name},\n\n${booker} heeft de afspraak in je spreekuur op ${when} geannuleerd. Het tijdvak is weer vrij.`,
    expertCancelledSubject: (expert: string, when: string) => `Spreekuur gaat niet door: ${expert}, ${when}`,
    expertCancelledBody: (name: string, expert: string, when: string) =>
      `Hallo ${name},\n\nHet spreekuur van ${expert} op ${when} gaat niet door; je afspraak is geannuleerd. Met de bijlage verdwijnt hij uit je agenda.`,
    closedBody: (name: string, expert: string, when: string, location: string, reason: string) =>
      `Hallo ${name},\n\nHet spreekuur van ${expert} op ${when} gaat niet door: locatie ${location} is dan gesloten (${reason}). Je afspraak is geannuleerd. Met de bijlage verdwijnt hij uit je agenda.`,
    hoursClosedSubject: (location: string, when: string) => `Spreekuur gaat niet door: ${location} gesloten, ${when}`,
    hoursClosedBody: (name: string, when: string, location: string, reason: string, n: number) =>
      `Hallo ${name},\n\nJe spreekuur op ${when} bij locatie ${location} gaat niet door: de locatie is dan gesloten (${reason}). ${
        n === 0
          ? 'Er was nog geen tijdvak geboekt.'
          : n === 1
            ? 'De afspraak is geannuleerd en wie geboekt had, heeft bericht. Met de bijlage verdwijnt hij uit je agenda.'
            : `De ${n} afspraken zijn geannuleerd en wie geboekt had, heeft bericht. Met de bijlage verdwijnen ze uit je agenda.`
      }`,
    reminderSubject: (who: string, when: string) => `Morgen: spreekuur met ${who}, ${when}`,
    reminderBody: (name: string, who: string, when: string, place: string, topic: string) =>
      `Hallo ${name},\n\nEen herinnering: morgen, ${when}, spreekuur met ${who}.\nPlek: ${place}\nOnderwerp: ${topic}`,
  },
};
