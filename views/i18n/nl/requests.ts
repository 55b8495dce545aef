/** Requests a host cannot miss, and that expire instead of leaving a guest waiting (issue #12, part 2). */
export const requests = {
  nav: (n: number) => (n > 0 ? `Open verzoeken (${n})` : 'Open verzoeken'),
  title: 'Open verzoeken',
  intro: 'Aanvragen voor al je locaties, de oudste eerst. Een verzoek dat niet op tijd is beantwoord, verloopt: de plek komt vrij en de gast krijgt bericht.',
  none: 'Er zijn geen open verzoeken.',
  requestedAt: 'Aangevraagd',
  respondBy: 'Beantwoorden vóór',
  when: 'Wanneer',
  location: 'Locatie',
  guestList: 'Gastenlijst van die dag',
  deadlineDays: 'Verzoeken beantwoorden: werkdagen vóór de datum',
  deadlineTime: 'uiterlijk om',
  deadlineHint:
    'Niet op tijd beantwoord? Dan verloopt het verzoek en komt de plek vrij. 1 werkdag, 16:00 betekent: de werkdag ervoor om 16:00; 0 betekent: op de dag zelf.',
  invalidDays: 'Vul een aantal van 0 tot en met 10 werkdagen in.',
  mail: {
    newSubject: (guest: string, location: string, date: string) => `Nieuw verzoek: ${guest} bij ${location} op ${date}`,
    newBody: (name: string, guest: string, org: string, location: string, date: string, daypart: string, respondBy: string) =>
      `Beste ${name},\n\n${guest} (${org}) vraagt een werkplek aan bij ${location} op ${date} (${daypart}).\nKeur het verzoek goed of wijs het af vóór ${respondBy}; daarna verloopt het en komt de plek vrij.\n\nMet vriendelijke groet,\nGastplek`,
    expiredSubject: (location: string, date: string) => `Verlopen: je aanvraag bij ${location} op ${date}`,
    expiredBody: (name: string, location: string, date: string, daypart: string) =>
      `Beste ${name},\n\nJe aanvraag voor een werkplek bij ${location} op ${date} (${daypart}) is niet op tijd beantwoord en daarom verlopen. Zoek gerust een andere werkplek in Gastplek.\n\nMet vriendelijke groet,\nGastplek`,
  },
};
