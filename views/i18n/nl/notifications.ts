export const notifications = {
  title: 'Meldingen',
  navLabel: (n: number) => (n > 0 ? `Meldingen (${n} ongelezen)` : 'Meldingen'),
  empty:
    'Nog geen meldingen. Hier zie je wat anderen of Gastplek aan je plannen veranderden: een sluiting, een plek van de wachtlijst, een reservering door een collega.',
  markAllRead: 'Alles gelezen',
  unread: 'Nieuw',
  open: 'Bekijken',
  preferences: 'E-mailvoorkeuren',
  reminders: 'Stuur me de dag van tevoren een herinnering per e-mail (werkplek en bijeenkomst)',
  remindersHint: 'Wijzigingen door anderen (een sluiting, een geannuleerde bijeenkomst) krijg je altijd.',
  confirmations: 'Stuur me een bevestiging met agenda-bestand (.ics) als ik zelf iets boek, me aanmeld of annuleer',
  confirmationsHint: 'Wat je zelf doet, zie je niet als melding in Gastplek; deze e-mail zet het in je agenda.',
  savePreferences: 'Voorkeuren opslaan',
  preferencesSaved: 'Je e-mailvoorkeuren zijn opgeslagen.',
};
