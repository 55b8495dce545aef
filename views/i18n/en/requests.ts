import type { requests as nl } from '../nl/requests';

export const requests: typeof nl = {
  nav: (n) => (n > 0 ? `Open requests (${n})` : 'Open requests'),
  title: 'Open requests',
  intro: 'Requests for all of your locations, oldest first. A request not answered in time expires: the desk is freed and the guest is told.',
  none: 'There are no open requests.',
  requestedAt: 'Requested',
  respondBy: 'Answer before',
  when: 'When',
  location: 'Location',
  guestList: 'Guest list of that day',
  deadlineDays: 'Answer requests: working days before the date',
  deadlineTime: 'at the latest at',
  deadlineHint:
    'Not answered in time? Then the request expires and the desk is freed. 1 working day, 16:00 means: the working day before at 16:00; 0 means: on the day itself.',
  invalidDays: 'Enter a number of working days from 0 to 10.',
  mail: {
    newSubject: (guest, location, date) => `New request: ${guest} at ${location} on ${date}`,
    newBody: (name, guest, org, location, date, daypart, respondBy) =>
      `Dear ${name},\n\n${guest} (${org}) requests a desk at ${location} on ${date} (${daypart}).\nApprove or decline the request before ${respondBy}; after that it expires and the desk is freed.\n\nKind regards,\nGastplek`,
    expiredSubject: (location, date) => `Expired: your request at ${location} on ${date}`,
    expiredBody: (name, location, date, daypart) =>
      `Dear ${name},\n\nYour request for a desk at ${location} on ${date} (${daypart}) was not answered in time and has therefore expired. Feel free to find another desk in Gastplek.\n\nKind regards,\nGastplek`,
  },
};
