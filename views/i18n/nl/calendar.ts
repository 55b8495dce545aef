export const calendar = {
  meetingSummary: (title: string) => `Intervisie: ${title}`,
  meetingDescription: (org: string, facilitator: string) => `Bijeenkomst van ${org}, begeleid door ${facilitator}. Via Gastplek.`,
  online: 'Online',
  addToCalendar: 'In mijn agenda (.ics)',
  feed: {
    title: 'Agenda-abonnement',
    intro:
      'Abonneer je agenda (Outlook, Google, Apple) op deze privélink: je komende reserveringen en bijeenkomsten verschijnen dan vanzelf. Deel de link met niemand.',
    none: 'Je hebt nog geen abonnementslink.',
    create: 'Maak een abonnementslink',
    renew: 'Nieuwe link maken (de oude werkt dan niet meer)',
    created: 'Je nieuwe abonnementslink staat hieronder. De vorige link werkt niet meer.',
    urlLabel: 'Abonnementslink',
    active: 'Je hebt een abonnementslink. Uit veiligheid tonen we hem maar één keer; maak een nieuwe als je hem kwijt bent.',
    revoke: 'Link intrekken',
    revoked: 'Je abonnementslink is ingetrokken.',
    calName: 'Gastplek',
  },
  mail: {
    bookingConfirmedSubject: (location: string, date: string) => `Bevestigd: werkplek bij ${location} op ${date}`,
    bookingConfirmedBody: (name: string, location: string, date: string, dayparts: string) =>
      `Beste ${name},\n\nJe werkplek bij ${location} op ${date} (${dayparts}) is gereserveerd. De instructies voor gasten vind je bij Mijn reserveringen. De afspraak voor je agenda zit als bijlage bij deze e-mail.\n\nMet vriendelijke groet,\nGastplek`,
    bookingRequestedSubject: (location: string, date: string) => `Aangevraagd: werkplek bij ${location} op ${date}`,
    bookingRequestedBody: (name: string, location: string, date: string, dayparts: string) =>
      `Beste ${name},\n\nJe aanvraag voor een werkplek bij ${location} op ${date} (${dayparts}) is ontvangen. De gastlocatie keurt aanvragen goed; je hoort het zodra dat gebeurd is.\n\nMet vriendelijke groet,\nGastplek`,
    bookingCancelledSubject: (location: string, date: string) => `Geannuleerd: werkplek bij ${location} op ${date}`,
    bookingCancelledBody: (name: string, location: string, date: string, daypart: string) =>
      `Beste ${name},\n\nJe reservering bij ${location} op ${date} (${daypart}) is geannuleerd. De bijlage haalt de afspraak uit je agenda.\n\nMet vriendelijke groet,\nGastplek`,
    noShowSubject: (location: string, date: string) => `Niet ingecheckt: je werkplek bij ${location} op ${date} is vrijgegeven`,
    noShowBody: (name: string, location: string, date: string, daypart: string) =>
      `Beste ${name},\n\nJe was op ${date} (${daypart}) niet op tijd ingecheckt bij ${location}. De werkplek is daarom vrijgegeven voor anderen. Kom je toch? Vraag dan even aan de balie of er nog plek is.\n\nMet vriendelijke groet,\nGastplek`,
    bookingReminderSubject: (location: string, date: string) => `Morgen: werkplek bij ${location} (${date})`,
    bookingReminderBody: (name: string, location: string, date: string, dayparts: string) =>
      `Beste ${name},\n\nEen herinnering: morgen, ${date} (${dayparts}), heb je een werkplek bij ${location}. Vergeet niet in te checken. Kun je niet? Annuleer dan in Gastplek, zodat een collega de plek kan gebruiken.\n\nMet vriendelijke groet,\nGastplek`,
    registeredSubject: (title: string) => `Aangemeld: ${title}`,
    registeredBody: (name: string, title: string, when: string) =>
      `Beste ${name},\n\nJe bent aangemeld voor ${title} op ${when}. De afspraak voor je agenda zit als bijlage bij deze e-mail.\n\nMet vriendelijke groet,\nGastplek`,
    waitlistedSubject: (title: string) => `Wachtlijst: ${title}`,
    waitlistedBody: (name: string, title: string, when: string, position: number) =>
      `Beste ${name},\n\n${title} op ${when} is vol. Je staat op de wachtlijst, op plaats ${position}. Komt er een plek vrij, dan schuif je vanzelf door en krijg je bericht.\n\nMet vriendelijke groet,\nGastplek`,
    meetingReminderSubject: (title: string) => `Morgen: ${title}`,
    meetingReminderBody: (name: string, title: string, when: string) =>
      `Beste ${name},\n\nEen herinnering: morgen is ${title} (${when}). Kun je niet? Meld je dan af in Gastplek, zodat iemand van de wachtlijst kan doorschuiven.\n\nMet vriendelijke groet,\nGastplek`,
  },
};
