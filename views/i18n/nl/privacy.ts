/** The access log: who looked at whose personal data (issue #13, part 4; ADR 014). */
export const privacy = {
  log: {
    nav: 'Inzagelog',
    card: 'Zie wie presentielijsten, gastenlijsten, ledenlijsten en gegevensdownloads heeft geopend.',
    title: 'Inzagelog',
    introOrg: (orgs: string) =>
      `Wie persoonsgegevens van anderen heeft geopend bij ${orgs}: presentielijsten, gastenlijsten, de ledenlijst. Alleen wie, wat en wanneer, nooit de gegevens zelf. Elke regel blijft twee jaar bewaard en kan niet worden gewijzigd of verwijderd.`,
    introNetwork:
      'Wie persoonsgegevens van anderen heeft geopend in het hele netwerk, en wie eigen gegevens heeft gedownload. Alleen wie, wat en wanneer, nooit de gegevens zelf. Elke regel blijft twee jaar bewaard en kan niet worden gewijzigd of verwijderd.',
    filters: 'Filters',
    action: 'Wat',
    anyAction: 'Alles',
    actor: 'Naam van wie keek',
    actorHint: 'Een deel van de naam is genoeg.',
    from: 'Vanaf',
    to: 'Tot en met',
    org: 'Organisatie',
    anyOrg: 'Alle organisaties',
    apply: 'Filteren',
    clear: 'Filters wissen',
    resultsTitle: 'Regels',
    results: (n: number) => (n === 1 ? '1 regel' : `${n} regels`),
    shown: (from: number, to: number, total: number) => `${from}–${to} van ${total} regels`,
    when: 'Wanneer',
    who: 'Wie',
    what: 'Wat',
    whose: 'Van organisatie',
    object: 'Geopend',
    people: 'Personen',
    noOrg: 'Geen organisatie',
    emptyFiltered: 'Geen regels bij deze filters. Kies een andere periode of wis de filters.',
    emptyOrg: (orgs: string) =>
      `Nog niemand heeft persoonsgegevens van ${orgs} geopend (of het is langer dan twee jaar geleden). Een regel verschijnt hier zodra iemand een presentielijst, gastenlijst of ledenlijst opent.`,
    emptyNetwork:
      'Nog niemand heeft persoonsgegevens geopend (of het is langer dan twee jaar geleden). Een regel verschijnt hier zodra iemand een presentielijst, gastenlijst of ledenlijst opent of gegevens downloadt.',
  },
  actions: {
    attendance_list: 'Presentielijst bekeken',
    attendance_csv: 'Presentielijst gedownload (CSV)',
    guest_list: 'Gastenlijst bekeken',
    member_details: 'Gegevens van een collega bekeken',
    member_list: 'Ledenlijst bekeken',
    export: 'Eigen gegevens gedownload',
    account_deleted: 'Account verwijderd',
  },
  objects: {
    meeting: (id: string) => `Bijeenkomst ${id}`,
    location: (id: string, date: string) => `Locatie ${id}, ${date}`,
    org: (id: string) => `Organisatie ${id}`,
    user: 'Een account',
    requests: 'Open verzoeken',
  },
  mine: {
    title: 'Wie bekeek mijn gegevens',
    intro:
      'Hier zie je wie jouw gegevens heeft bekeken: op een presentielijst, een gastenlijst of de ledenlijst van je organisatie, en wanneer je je eigen gegevens hebt gedownload. Alleen wie, wat en wanneer; regels blijven twee jaar bewaard.',
    empty:
      'Nog niemand heeft je gegevens bekeken. Zodra bijvoorbeeld een begeleider de presentielijst opent van een bijeenkomst waarvoor je bent aangemeld, of een gastheer de gastenlijst van een dag waarop je een werkplek hebt, staat dat hier.',
    you: 'Jijzelf',
    forOrg: (org: string) => `bij ${org}`,
    actions: {
      attendance_list: 'bekeek de presentielijst van een bijeenkomst waarvoor je was aangemeld',
      attendance_csv: 'downloadde de presentielijst van een bijeenkomst waarvoor je was aangemeld',
      guest_list: 'bekeek de gastenlijst van een dag waarop je een werkplek had',
      member_details: 'bekeek je gegevens als collega',
      member_list: 'bekeek de ledenlijst van je organisatie',
      export: 'downloadde je gegevens',
      account_deleted: 'verwijderde je account',
    },
  },
};
