import type { consults as nl } from '../nl/consults';

export const consults: typeof nl = {
  nav: 'Consult hours',
  card: 'Book a short consult with an expert, such as a behavioural scientist.',
  navMine: 'My consult hours',
  title: 'Consult hours',
  intro:
    'An expert (for example a behavioural scientist) holds consult hours at a location or online. You only choose a topic from the list of expertise: do not share client data.',
  town: 'Town',
  anyTown: 'All towns',
  online: 'Online',
  show: 'Show',
  period: (from: string, to: string) => `From ${from} to ${to}`,
  empty: 'There are no consult hours with a free slot open to you in these two weeks.',
  periods: 'Other weeks',
  earlier: '← Previous two weeks',
  later: 'Next two weeks →',
  nextOn: (date: string) => `The next consult hours are on ${date}`,
  emptyWhy:
    'You only see consult hours online and at locations shared with your organisation (or of your own organisation), and no full or past consult hours.',
  emptyTown: 'Try all towns.',
  free: (n: number) => (n === 1 ? '1 slot free' : `${n} slots free`),
  slotsOf: (slots: number, minutes: number) => `${slots} × ${minutes} min`,
  with: (name: string, org: string) => `${name} (${org})`,
  view: 'View and book',
  place: 'Place',
  expert: 'Expert',
  when: 'When',
  status: 'Status',
  slots: 'Slots',
  anonymous: 'Former colleague',
  cancelledHours: 'These consult hours are cancelled.',
  slotState: {
    free: 'Free',
    taken: 'Taken',
    mine: 'Your appointment',
    past: 'Over',
  },
  book: {
    legend: 'Book a slot',
    slot: 'Slot',
    topic: 'Topic',
    chooseTopic: 'Choose a topic',
    topicHint: 'Only a topic from the list: there is no room for an explanation, so that no client data ends up in Gastplek.',
    noClientData: 'I will not share client data',
    submit: 'Book slot',
    noneFree: 'No slot is free any more.',
    noTags: 'There is no expertise to choose from yet; ask the network admin to fill the list.',
    booked: (when: string) => `Booked: ${when}. You will get a confirmation with a calendar file.`,
    ownHours: 'These are your own consult hours.',
  },
  refusals: {
    not_found: 'These consult hours do not exist or are not visible to you.',
    not_member: 'You do not belong to an organisation in the network.',
    cancelled: 'These consult hours are cancelled.',
    own: 'You cannot book your own consult hours.',
    slot: 'Choose a slot of these consult hours.',
    past: 'This slot has started or is over.',
    no_tag: 'Choose a topic from the list.',
    not_confirmed: 'Confirm that you will not share client data.',
    already: 'You already have a slot in these consult hours.',
    taken: 'Someone else has just booked this slot. Choose another slot.',
  },
  cancel: {
    button: 'Cancel',
    confirmTitle: 'Cancel appointment?',
    confirmText: (when: string, expert: string) =>
      `You are cancelling your appointment of ${when} with ${expert}. The slot becomes free and the expert is told.`,
    confirm: 'Yes, cancel',
    back: 'Back',
    done: 'Your appointment is cancelled; the slot is free again.',
    notCancellable: 'This appointment can no longer be cancelled.',
  },
  ics: {
    link: 'Add to my calendar (.ics)',
    bookerTitle: (expert: string, topic: string) => `Consult with ${expert}: ${topic}`,
    bookerDescription: 'Consult booked through Gastplek. Do not share client data.',
    expertTitle: (booker: string, topic: string) => `Consult: ${booker}, ${topic}`,
    expertDescription: (org: string) => `Booked through Gastplek by a worker of ${org}.`,
  },
  myList: {
    title: 'Consult hours',
    none: 'No booked consults.',
    find: 'Find consult hours',
    topic: (topic: string) => `Topic: ${topic}`,
  },
  mine: {
    title: 'My consult hours',
    intro: 'Your consult hours from today, with who booked which slot and on which topic.',
    publish: 'Offer consult hours',
    none: 'You have no upcoming consult hours.',
    free: 'free',
    bookedBy: (name: string, org: string, topic: string) => `${name} (${org}): ${topic}`,
    cancel: 'Cancel consult hours',
    confirmTitle: 'Cancel consult hours?',
    confirmText: (when: string, n: number) =>
      n === 0
        ? `You are cancelling your consult hours of ${when}. Nobody has booked yet.`
        : `You are cancelling your consult hours of ${when}. ${n === 1 ? 'The colleague who booked is' : `The ${n} colleagues who booked are`} told.`,
    confirm: 'Yes, cancel consult hours',
    cancelled: (n: number) =>
      n === 0
        ? 'Your consult hours are cancelled.'
        : `Your consult hours are cancelled; ${n === 1 ? 'the colleague who booked has' : `${n} colleagues have`} been told.`,
    notCancellable: 'These consult hours can no longer be cancelled.',
    notExpert: 'Offering consult hours takes the role "Consult-hours expert"; the admin of your organisation can grant it.',
  },
  publish: {
    title: 'Offer consult hours',
    place: 'Where',
    online: 'Online (video call)',
    onlineUrl: 'Link for online (https://…)',
    onlineUrlHint: 'Only needed for online; the link is in the confirmation and the calendar file of whoever books.',
    date: 'Date',
    startTime: 'Start time',
    slots: 'Number of slots',
    slotMinutes: 'Minutes per slot',
    slotsHint: '1 to 16 slots of 10 to 120 minutes, between 07:00 and 22:00.',
    submit: 'Offer',
    published: 'Your consult hours are open for booking.',
    errors: 'The consult hours were not offered.',
    invalidPlace: 'Choose a location of your organisation, or online.',
    invalidUrl: 'Give a link that starts with https://.',
    invalidDate: 'Give a valid date.',
    invalidTime: 'Give a time such as 09:30.',
    invalidSlots: 'Choose 1 to 16 slots.',
    invalidMinutes: 'Choose 10 to 120 minutes.',
    refusals: {
      forbidden: 'You do not have the role "Consult-hours expert".',
      location: 'Choose a location of your organisation, or online with an https link.',
      past: 'That time has passed.',
      horizon: 'Consult hours can be offered up to a year ahead.',
      too_late: 'Consult hours fall between 07:00 and 22:00; choose an earlier start or fewer slots.',
      overlap: 'You already have consult hours at that time.',
      closed: 'Choose another date, or online.',
    },
  },
  mail: {
    bookedSubject: (expert: string, when: string) => `Consult booked: ${expert}, ${when}`,
    bookedBody: (name: string, expert: string, when: string, place: string, topic: string) =>
      `Hello ${name},\n\nYou booked a consult with ${expert} on ${when}.\nPlace: ${place}\nTopic: ${topic}\n\nDo not share client data. The calendar file is attached. You can cancel in Gastplek under My bookings.`,
    newBookingSubject: (booker: string, when: string) => `New appointment in your consult hours: ${booker}, ${when}`,
    newBookingBody: (name: string, booker: string, org: string, when: string, place: string, topic: string) =>
      `Hello ${name},\n\n${booker} (${org}) booked a slot in your consult hours on ${when}.\nPlace: ${place}\nTopic: ${topic}\n\nThe calendar file is attached.`,
    youCancelledSubject: (expert: string, when: string) => `Cancelled: consult with ${expert}, ${when}`,
    youCancelledBody: (name: string, expert: string, when: string) =>
      `Hello ${name},\n\nYour appointment with ${expert} on ${when} is cancelled. The attachment removes it from your calendar.`,
    bookerCancelledSubject: (booker: string, when: string) => `Appointment cancelled: ${booker}, ${when}`,
    bookerCancelledBody: (name: string, booker: string, when: string) =>
      `Hello ${name},\n\n${booker} cancelled the appointment in your consult hours on ${when}. The slot is free again.`,
    expertCancelledSubject: (expert: string, when: string) => `Consult hours cancelled: ${expert}, ${when}`,
    expertCancelledBody: (name: string, expert: string, when: string) =>
      `Hello ${name},\n\nThe consult hours of ${expert} on ${when} are cancelled, and so is your appointment. The attachment removes it from your calendar.`,
    closedBody: (name: string, expert: string, when: string, location: string, reason: string) =>
      `Hello ${name},\n\nThe consult hours of ${expert} on ${when} will not take place: location ${location} is closed then (${reason}). Your appointment is cancelled. The attachment removes it from your calendar.`,
    hoursClosedSubject: (location: string, when: string) => `Consult hours cancelled: ${location} closed, ${when}`,
    hoursClosedBody: (name: string, when: string, location: string, reason: string, n: number) =>
      `Hello ${name},\n\nYour consult hours on ${when} at location ${location} will not take place: the location is closed then (${reason}). ${
        n === 0
          ? 'No slot had been booked yet.'
          : n === 1
            ? 'The appointment is cancelled and whoever booked it has been told. The attachment removes it from your calendar.'
            : `The ${n} appointments are cancelled and whoever booked them has been told. The attachment removes them from your calendar.`
      }`,
    reminderSubject: (who: string, when: string) => `Tomorrow: consult with ${who}, ${when}`,
    reminderBody: (name: string, who: string, when: string, place: string, topic: string) =>
      `Hello ${name},\n\nA reminder: tomorrow, ${when}, consult with ${who}.\nPlace: ${place}\nTopic: ${topic}`,
  },
};
