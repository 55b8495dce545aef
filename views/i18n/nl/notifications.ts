export const notifications = {
  title: 'Meldingen',
  navLabel: (n: number) => (n > 0 ? `Meldingen (${n} ongelezen)` : 'Meldingen'),
  empty: 'Nog geen meldingen. Hier zie je bevestigingen, wijzigingen en herinneringen.',
  markAllRead: 'Alles gelezen',
  unread: 'Nieuw',
  open: 'Bekijken',
  preferences: 'E-mailvoorkeuren',
  reminders: 'Stuur me de dag van tevoren een herinnering per e-mail (werkplek en bijeenkomst)',
  remindersHint: 'Bevestigingen, wijzigingen en annuleringen krijg je altijd.',
  savePreferences: 'Voorkeuren opslaan',
  preferencesSaved: 'Je e-mailvoorkeuren zijn opgeslagen.',
};
