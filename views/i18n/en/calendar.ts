import type { calendar as nl } from '../nl/calendar';

export const calendar: typeof nl = {
  meetingSummary: (title) => `Intervision: ${title}`,
  meetingDescription: (org, facilitator) => `Meeting of ${org}, facilitated by ${facilitator}. Via Gastplek.`,
  online: 'Online',
  addToCalendar: 'Add to my calendar (.ics)',
  feed: {
    title: 'Calendar subscription',
    intro:
      'Subscribe your calendar (Outlook, Google, Apple) to this private link: your upcoming bookings and meetings then appear by themselves. Share the link with no one.',
    none: 'You have no subscription link yet.',
    create: 'Create a subscription link',
    renew: 'Create a new link (the old one stops working)',
    created: 'Your new subscription link is below. The previous link no longer works.',
    urlLabel: 'Subscription link',
    active: 'You have a subscription link. For safety we show it only once; create a new one if you lost it.',
    revoke: 'Revoke link',
    revoked: 'Your subscription link has been revoked.',
    calName: 'Gastplek',
  },
  mail: {
    bookingConfirmedSubject: (location, date) => `Confirmed: desk at ${location} on ${date}`,
    bookingConfirmedBody: (name, location, date, dayparts) =>
      `Dear ${name},\n\nYour desk at ${location} on ${date} (${dayparts}) is booked. The guest instructions are under My bookings. The calendar entry is attached to this e-mail.\n\nKind regards,\nGastplek`,
    bookingRequestedSubject: (location, date) => `Requested: desk at ${location} on ${date}`,
    bookingRequestedBody: (name, location, date, dayparts) =>
      `Dear ${name},\n\nYour request for a desk at ${location} on ${date} (${dayparts}) has been received. The host approves requests; you will hear as soon as they do.\n\nKind regards,\nGastplek`,
    bookingCancelledSubject: (location, date) => `Cancelled: desk at ${location} on ${date}`,
    bookingCancelledBody: (name, location, date, daypart) =>
      `Dear ${name},\n\nYour booking at ${location} on ${date} (${daypart}) has been cancelled. The attachment removes it from your calendar.\n\nKind regards,\nGastplek`,
    noShowSubject: (location, date) => `Not checked in: your desk at ${location} on ${date} was released`,
    noShowBody: (name, location, date, daypart) =>
      `Dear ${name},\n\nYou had not checked in at ${location} on ${date} (${daypart}) in time, so the desk was released for others. Coming anyway? Ask at the desk whether there is still room.\n\nKind regards,\nGastplek`,
    bookingReminderSubject: (location, date) => `Tomorrow: desk at ${location} (${date})`,
    bookingReminderBody: (name, location, date, dayparts) =>
      `Dear ${name},\n\nA reminder: tomorrow, ${date} (${dayparts}), you have a desk at ${location}. Remember to check in. Can't make it? Cancel in Gastplek so a colleague can use the desk.\n\nKind regards,\nGastplek`,
    registeredSubject: (title) => `Signed up: ${title}`,
    registeredBody: (name, title, when) =>
      `Dear ${name},\n\nYou are signed up for ${title} on ${when}. The calendar entry is attached to this e-mail.\n\nKind regards,\nGastplek`,
    waitlistedSubject: (title) => `Waiting list: ${title}`,
    waitlistedBody: (name, title, when, position) =>
      `Dear ${name},\n\n${title} on ${when} is full. You are on the waiting list, at position ${position}. When a place frees up you move up automatically and we will let you know.\n\nKind regards,\nGastplek`,
    meetingReminderSubject: (title) => `Tomorrow: ${title}`,
    meetingReminderBody: (name, title, when) =>
      `Dear ${name},\n\nA reminder: ${title} is tomorrow (${when}). Can't make it? Cancel in Gastplek so someone on the waiting list can move up.\n\nKind regards,\nGastplek`,
  },
};
