import type { closures as nl, Effect } from '../nl/closures';

const and = (parts: string[]) => (parts.length > 1 ? `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}` : (parts[0] ?? ''));

/** "2 bookings and 1 consult session (1 booked slot)" */
const what = (e: Effect) =>
  and([
    ...(e.bookings > 0 ? [`${e.bookings} ${e.bookings === 1 ? 'booking' : 'bookings'}`] : []),
    ...(e.hours > 0
      ? [
          `${e.hours} ${e.hours === 1 ? 'consult session' : 'consult sessions'}${e.slots > 0 ? ` (${e.slots} ${e.slots === 1 ? 'booked slot' : 'booked slots'})` : ''}`,
        ]
      : []),
  ]);
const many = (e: Effect) => e.bookings + e.hours > 1;

function told(e: Effect, done: boolean): string {
  if (e.hours === 0) return done ? 'the guests have been e-mailed' : 'every guest is told';
  const who = [
    ...(e.bookings > 0 ? [e.bookings === 1 ? 'the guest' : 'the guests'] : []),
    e.hours === 1 ? 'the expert' : 'the experts',
    ...(e.slots > 0 ? ['whoever booked a slot'] : []),
  ];
  const plural = who.length > 1 || e.hours > 1;
  return done ? `${and(who)} ${plural ? 'have' : 'has'} been told` : `${and(who)} ${plural ? 'are' : 'is'} told`;
}

const meetingsNote = (n: number) =>
  n === 0
    ? ''
    : n === 1
      ? 'Note: 1 intervision meeting is also planned at a location that is closed then. It is not cancelled by itself: tell its facilitator, so they can move it.'
      : `Note: ${n} intervision meetings are also planned at a location that is closed then. They are not cancelled by themselves: tell their facilitators, so they can move them.`;

export const saved = (done: string, e: Effect) =>
  [e.bookings + e.hours > 0 ? `${done}; ${what(e)} ${many(e) ? 'have' : 'has'} been cancelled and ${told(e, true)}.` : `${done}.`, meetingsNote(e.meetings)]
    .filter(Boolean)
    .join(' ');

export const closures: typeof nl = {
  holidays: {
    nieuwjaarsdag: "New Year's Day",
    goede_vrijdag: 'Good Friday',
    eerste_paasdag: 'Easter Sunday',
    tweede_paasdag: 'Easter Monday',
    koningsdag: "King's Day",
    bevrijdingsdag: 'Liberation Day',
    bevrijdingsdag_lustrum: 'Liberation Day',
    hemelvaartsdag: 'Ascension Day',
    eerste_pinksterdag: 'Whit Sunday',
    tweede_pinksterdag: 'Whit Monday',
    eerste_kerstdag: 'Christmas Day',
    tweede_kerstdag: 'Boxing Day',
  },
  choice: {
    bevrijdingsdag: 'Liberation Day (every year)',
    bevrijdingsdag_lustrum: 'Liberation Day (only every five years: 2025, 2030, …)',
  },
  nav: 'Holidays and closures',
  card: 'Choose on which public holidays your locations are closed, and close all locations at once, for example around Christmas.',
  chooseOrg: 'Choose an organisation',
  title: (org) => `Holidays and closures: ${org}`,
  networkTitle: 'Closures of the whole network',
  networkCard: 'Announce a closure that applies to every location in the network.',
  holidaysTitle: 'Public holidays',
  holidaysIntro:
    "On the chosen holidays all of your organisation's locations are closed, unless a location chooses otherwise. The dates come from the official Dutch holiday calendar.",
  holidaysLegend: 'Closed on',
  holidaysSave: 'Save holidays',
  holidaysSaved: 'The holidays have been saved.',
  upcoming: (year) => `Public holidays in ${year}`,
  closedWord: 'closed',
  openWord: 'open',
  locationHolidays: 'Public holidays',
  locationInherit: 'As the organisation chooses',
  locationOwn: 'Own choice for this location:',
  closuresTitle: 'Closures of all locations',
  networkClosuresTitle: 'Closures of all locations in the network',
  none: 'No closures planned.',
  add: 'Close all locations',
  startDate: 'First day',
  endDate: 'Last day',
  reason: 'Name or reason',
  reasonHint: 'For example: Christmas closure. Guests see this name in the search and the week view.',
  next: 'Continue',
  confirmTitle: 'Confirm the closure',
  confirmText: (reason, days, scope) => `${reason}: ${scope} ${days}.`,
  scopeOrg: (org) => `all locations of ${org} closed`,
  scopeNetwork: 'all locations in the network closed',
  scopeLocation: (location) => `location ${location} closed`,
  scopeSpace: (space, location) => `space ${space} at location ${location} closed`,
  willCancel: (e) =>
    e.bookings + e.hours === 0
      ? 'There are no bookings or consult hours in this period; nothing will be cancelled.'
      : `${what(e)} will be cancelled; ${told(e, false)}.`,
  meetingsNote,
  confirm: 'Yes, close',
  back: 'Back',
  holidayConfirmTitle: 'Change holidays',
  daysConfirmTitle: 'Change closed days',
  daysConfirmText: 'With this change (opening days or holidays) the location closes on days on which something is already booked or planned.',
  daysSavedCancelled: (e) => saved('The location has been saved', e),
  weekdayClosed: (day: string) => `the location is no longer open on ${day}s`,
  holidayConfirmText: 'With this choice, days on which something is already booked or planned will be closed.',
  holidayConfirm: 'Yes, save and cancel',
  holidaysSavedCancelled: (e) => saved('The holidays have been saved', e),
  added: (e) => saved('The closure has been added', e),
  deleted: 'The closure has been removed. Cancelled bookings do not come back by themselves.',
  delete: 'Remove',
  removeTitle: 'Remove closure',
  removeWhat: (reason, days, where) => `${reason}: ${where}, ${days}.`,
  removeEffect: 'Once removed, guests can book on these days again. Bookings and consult hours this closure cancelled do not come back by themselves.',
  removeConfirm: 'Yes, remove',
  days: (from, to) => (from === to ? `on ${from}` : `from ${from} up to and including ${to}`),
  atLocation: (location) => `location ${location}`,
  atSpace: (space, location) => `space ${space} at location ${location}`,
  byOrg: (org) => `all locations of ${org}`,
  byNetwork: 'the whole network',
  closedOn: (names) => `${names}: locations closed on this day are not listed.`,
  closedFor: (name) => `closed: ${name}`,
  locationClosedOn: (name) => `The location is closed then: ${name}.`,
  locationClosedWeekday: (day) => `The location is closed on ${day}s.`,
  refusal: (name) => `${name}. The location or space is closed then.`,
};
