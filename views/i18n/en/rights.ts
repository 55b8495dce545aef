import type { rights as nl } from '../nl/rights';

export const rights: typeof nl = {
  deleteLink: 'Delete my account',
  deleteIntro: 'You can delete your account yourself. You first see exactly what happens.',
  deleteTitle: 'Delete account',
  deleteTitleFor: (name: string) => `Delete the account of ${name}`,
  cannotUndo: 'This cannot be undone.',
  happens: 'What happens',
  futureBookings: (n: number) =>
    n === 0 ? 'There are no future bookings.' : `${n} future ${n === 1 ? 'booking is' : 'bookings are'} cancelled; the desks are free at once.`,
  futureSignups: (n: number) =>
    n === 0
      ? 'There are no sign-ups for coming meetings.'
      : `${n} ${n === 1 ? 'sign-up' : 'sign-ups'} for coming meetings ${n === 1 ? 'is' : 'are'} cancelled; whoever is on the waiting list moves up.`,
  deleted: 'Name, e-mail address, password, organisations and roles, group memberships, notices, e-mails and the calendar link are deleted.',
  staysAnonymous: 'What stays, without a name',
  pastBookings: (n: number) => `${n} earlier ${n === 1 ? 'booking counts' : 'bookings count'} in the network's figures, without a name.`,
  pastSignups: (n: number) =>
    `Attendance at ${n} earlier ${n === 1 ? 'meeting' : 'meetings'} stays as an anonymous count: other participants' attendance statements rely on it.`,
  staysAsIs: 'What stays as it is',
  statements: (n: number) =>
    n === 0
      ? 'There are no issued attendance statements.'
      : `${n} issued attendance ${n === 1 ? 'statement stays' : 'statements stay'} verifiable with the code, with the name ${n === 1 ? 'it was' : 'they were'} issued to.`,
  downloadFirst: 'Want to keep something? Download your data and your attendance statements first.',
  refusals: {
    'not-found': 'This account does not exist (any more), or you may not delete it.',
    facilitates: 'This account still runs meetings, groups or consult hours to come. Hand them over to a colleague or cancel them first.',
    'last-org-admin': 'This is the only administrator of an organisation. Make someone else administrator first.',
    'last-network-admin': 'This is the only network administrator. Make someone else network administrator first.',
  },
  password: 'Your password, to confirm',
  wrongPassword: 'That password is not right.',
  understand: 'I understand that this account will be deleted for good.',
  mustConfirm: 'Tick the box to confirm that you understand this is final.',
  submit: 'Delete account for good',
  back: 'Back',
  done: 'Your account has been deleted. Thank you for using Gastplek.',
  doneFor: (name: string) => `The account of ${name} has been deleted.`,
  adminLink: 'Delete account (left)',
  statement: {
    link: 'Privacy',
    title: 'Privacy statement',
    intro:
      'Which data Gastplek keeps about you, why, who sees it and for how long. This page and the processing register for the data protection officer come from the same source.',
    controller: 'Responsible',
    purpose: 'What for',
    legalBasis: 'Legal basis',
    people: 'About whom',
    data: 'Which data',
    recipients: 'Who sees it',
    retention: 'How long',
    yourRights: 'Your rights',
  },
};
