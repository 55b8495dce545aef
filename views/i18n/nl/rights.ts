/** A person's own rights (issue #13, part 3): deleting an account, by the person or by an org admin. */
export const rights = {
  deleteLink: 'Mijn account verwijderen',
  deleteIntro: 'Je kunt je account zelf verwijderen. Je ziet eerst precies wat er gebeurt.',
  deleteTitle: 'Account verwijderen',
  deleteTitleFor: (name: string) => `Account van ${name} verwijderen`,
  cannotUndo: 'Dit kan niet ongedaan worden gemaakt.',
  happens: 'Wat er gebeurt',
  futureBookings: (n: number) =>
    n === 0
      ? 'Er zijn geen toekomstige reserveringen.'
      : `${n} toekomstige ${n === 1 ? 'reservering wordt' : 'reserveringen worden'} geannuleerd; de plekken komen direct vrij.`,
  futureSignups: (n: number) =>
    n === 0
      ? 'Er zijn geen aanmeldingen voor komende bijeenkomsten.'
      : `${n} ${n === 1 ? 'aanmelding' : 'aanmeldingen'} voor komende bijeenkomsten ${n === 1 ? 'wordt' : 'worden'} geannuleerd; wie op de wachtlijst staat, schuift door.`,
  deleted: 'Naam, e-mailadres, wachtwoord, organisaties en rollen, groepslidmaatschappen, meldingen, e-mails en de agendakoppeling worden verwijderd.',
  staysAnonymous: 'Wat blijft, zonder naam',
  pastBookings: (n: number) => `${n} eerdere ${n === 1 ? 'reservering telt' : 'reserveringen tellen'} mee in de cijfers van het netwerk, zonder naam.`,
  pastSignups: (n: number) =>
    `De aanwezigheid bij ${n} eerdere ${n === 1 ? 'bijeenkomst' : 'bijeenkomsten'} blijft als anonieme telling: andere deelnemers baseren hun bewijs van deelname daarop.`,
  staysAsIs: 'Wat blijft zoals het is',
  statements: (n: number) =>
    n === 0
      ? 'Er zijn geen uitgegeven bewijzen van deelname.'
      : `${n} uitgegeven ${n === 1 ? 'bewijs' : 'bewijzen'} van deelname ${n === 1 ? 'blijft' : 'blijven'} controleerbaar met de code, met de naam waarop ${n === 1 ? 'het is' : 'ze zijn'} uitgegeven.`,
  downloadFirst: 'Wil je iets bewaren? Download dan eerst je gegevens en je bewijzen van deelname.',
  refusals: {
    'not-found': 'Dit account bestaat niet (meer), of je mag het niet verwijderen.',
    facilitates: 'Er zijn nog bijeenkomsten, groepen of spreekuren die dit account begeleidt. Draag ze eerst over aan een collega of annuleer ze.',
    'last-org-admin': 'Dit is de enige beheerder van een organisatie. Maak eerst iemand anders beheerder.',
    'last-network-admin': 'Dit is de enige netwerkbeheerder. Maak eerst iemand anders netwerkbeheerder.',
  },
  password: 'Je wachtwoord, ter bevestiging',
  wrongPassword: 'Dat wachtwoord klopt niet.',
  understand: 'Ik begrijp dat dit account definitief wordt verwijderd.',
  mustConfirm: 'Vink aan dat je begrijpt dat dit definitief is.',
  submit: 'Account definitief verwijderen',
  back: 'Terug',
  done: 'Je account is verwijderd. Bedankt voor het gebruik van Gastplek.',
  doneFor: (name: string) => `Het account van ${name} is verwijderd.`,
  adminLink: 'Account verwijderen (vertrokken)',
  statement: {
    link: 'Privacy',
    title: 'Privacyverklaring',
    intro:
      'Welke gegevens Gastplek over jou bewaart, waarom, wie ze ziet en hoe lang. Deze pagina en het verwerkingsregister voor de functionaris gegevensbescherming komen uit dezelfde bron.',
    controller: 'Verantwoordelijk',
    purpose: 'Waarvoor',
    legalBasis: 'Grondslag',
    people: 'Over wie',
    data: 'Welke gegevens',
    recipients: 'Wie ze ziet',
    retention: 'Hoe lang',
    yourRights: 'Jouw rechten',
  },
};
