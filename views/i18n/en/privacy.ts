import type { privacy as nl } from '../nl/privacy';

export const privacy: typeof nl = {
  log: {
    nav: 'Access log',
    card: 'See who opened attendance lists, guest lists, member lists and data downloads.',
    title: 'Access log',
    introOrg: (orgs: string) =>
      `Who opened other people's personal data at ${orgs}: attendance lists, guest lists, the member list. Only who, what and when, never the data itself. Every entry is kept for two years and cannot be changed or deleted.`,
    introNetwork:
      "Who opened other people's personal data anywhere in the network, and who downloaded their own data. Only who, what and when, never the data itself. Every entry is kept for two years and cannot be changed or deleted.",
    filters: 'Filters',
    action: 'What',
    anyAction: 'Everything',
    actor: 'Name of who looked',
    actorHint: 'Part of the name is enough.',
    from: 'From',
    to: 'Up to and including',
    org: 'Organisation',
    anyOrg: 'All organisations',
    apply: 'Filter',
    clear: 'Clear filters',
    resultsTitle: 'Entries',
    results: (n: number) => (n === 1 ? '1 entry' : `${n} entries`),
    shown: (from: number, to: number, total: number) => `${from}–${to} of ${total} entries`,
    when: 'When',
    who: 'Who',
    what: 'What',
    whose: 'Of organisation',
    object: 'Opened',
    people: 'People',
    noOrg: 'No organisation',
    emptyFiltered: 'No entries match these filters. Choose another period or clear the filters.',
    emptyOrg: (orgs: string) =>
      `Nobody has opened personal data of ${orgs} yet (or it was more than two years ago). An entry appears here as soon as someone opens an attendance list, a guest list or the member list.`,
    emptyNetwork:
      'Nobody has opened personal data yet (or it was more than two years ago). An entry appears here as soon as someone opens an attendance list, a guest list or a member list, or downloads data.',
  },
  actions: {
    attendance_list: 'Attendance list viewed',
    attendance_csv: 'Attendance list downloaded (CSV)',
    guest_list: 'Guest list viewed',
    member_details: "A colleague's details viewed",
    member_list: 'Member list viewed',
    export: 'Own data downloaded',
    account_deleted: 'Account deleted',
  },
  objects: {
    meeting: (id: string) => `Meeting ${id}`,
    location: (id: string, date: string) => `Location ${id}, ${date}`,
    org: (id: string) => `Organisation ${id}`,
    user: 'An account',
    requests: 'Open requests',
  },
  mine: {
    title: 'Who looked at my data',
    intro:
      "Here you see who looked at your data: on an attendance list, a guest list or your organisation's member list, and when you downloaded your own data. Only who, what and when; entries are kept for two years.",
    empty:
      'Nobody has looked at your data yet. As soon as, for example, a facilitator opens the attendance list of a meeting you signed up for, or a host opens the guest list of a day you booked a desk, it shows here.',
    you: 'You',
    forOrg: (org: string) => `at ${org}`,
    actions: {
      attendance_list: 'viewed the attendance list of a meeting you signed up for',
      attendance_csv: 'downloaded the attendance list of a meeting you signed up for',
      guest_list: 'viewed the guest list of a day you had a desk',
      member_details: 'viewed your details as a colleague',
      member_list: "viewed your organisation's member list",
      export: 'downloaded your data',
      account_deleted: 'deleted your account',
    },
  },
};
