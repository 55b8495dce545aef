import { INVITATION_TTL_MS } from '../auth/accounts';
import { ACCESS_LOG_YEARS, DEFAULT_RETENTION, THROTTLE_HOURS, type Retention } from './retention';

const INVITATION_DAYS = INVITATION_TTL_MS / 86_400_000;

/**
 * The processing register (verwerkingsregister, AVG art. 30) of Gastplek: per processing its
 * purpose, legal basis, categories of people and data, recipients, retention and where it lives in
 * the code. It is the one source for the privacy statement page (/privacy), for
 * docs/privacy/register.md (`npm run privacy:register`, checked by a test) and for the test that
 * fails when a column is added to db/schema without an entry here.
 */

type Text = { nl: string; en: string };
type Lang = keyof Text;

export type TableEntry = {
  /** Every column of the table, by its name in the database. */
  columns: readonly string[];
  /** The columns that hold personal data (a subset of `columns`). */
  personal: readonly string[];
  /** What the table holds, in words. */
  holds: Text;
};

export type Processing = {
  key: string;
  name: Text;
  purpose: Text;
  legalBasis: Text;
  people: Text;
  recipients: Text;
  retention: (r: Retention) => Text;
  /** Where in the code this processing lives. */
  code: readonly string[];
  tables: Record<string, TableEntry>;
};

const t = (nl: string, en: string): Text => ({ nl, en });

/** The controller and the processor, as the deployment states them (the network's coordinating organisation is the controller). */
export const ROLES = {
  controller: t(
    'De deelnemende organisaties samen (gezamenlijke verwerkingsverantwoordelijken, AVG art. 26); het coördinerende netwerk legt de afspraken vast.',
    'The participating organisations together (joint controllers, GDPR art. 26); the coordinating network records the arrangement.',
  ),
  noCaseContent: t(
    'Gastplek bewaart nooit de inhoud van intervisiecasussen: alleen of iemand een casus inbrengt (ja/nee).',
    'Gastplek never stores the content of intervision cases: only whether someone brings one (yes/no).',
  ),
  rights: t(
    'Je kunt je gegevens zelf downloaden (Mijn account → Mijn gegevens), je account zelf verwijderen, en zien wie jouw gegevens heeft bekeken. Voor andere verzoeken: neem contact op met de functionaris gegevensbescherming van je organisatie.',
    'You can download your data yourself (My account → My data), delete your account yourself, and see who looked at your data. For other requests: contact your organisation’s data protection officer.',
  ),
};

const LEGITIMATE = t(
  'Gerechtvaardigd belang van de deelnemende organisaties (AVG art. 6 lid 1 sub f): hun medewerkers laten werken en leren op elkaars locaties. Voor organisaties met een publieke taak: goede vervulling van die taak (sub e).',
  'Legitimate interest of the participating organisations (GDPR art. 6(1)(f)): letting their staff work and learn at each other’s locations. For organisations with a public task: the proper performance of that task (6(1)(e)).',
);

export const PROCESSINGS: readonly Processing[] = [
  {
    key: 'accounts',
    name: t('Accounts, organisaties en rollen', 'Accounts, organisations and roles'),
    purpose: t(
      'Toegang geven tot Gastplek en bepalen wie wat mag (gastheer/-vrouw, begeleider, beheerder).',
      'Giving access to Gastplek and deciding who may do what (host, facilitator, administrator).',
    ),
    legalBasis: LEGITIMATE,
    people: t('Medewerkers van de deelnemende organisaties, uitgenodigden.', 'Staff of the participating organisations, invitees.'),
    recipients: t(
      'De beheerders van de eigen organisatie; netwerkbeheerders. Collega’s van dezelfde organisatie zien je naam wanneer ze voor je reserveren.',
      'The administrators of one’s own organisation; network administrators. Colleagues of the same organisation see your name when they book for you.',
    ),
    retention: () =>
      t(
        `Zolang het account bestaat. Een verwijderd account laat een lege rij achter (zonder naam, e-mailadres of wachtwoord). Uitnodigingen verlopen na ${INVITATION_DAYS} dagen.`,
        `As long as the account exists. A deleted account leaves an empty row (no name, e-mail address or password). Invitations expire after ${INVITATION_DAYS} days.`,
      ),
    code: ['src/auth/accounts.ts', 'src/orgs/', 'src/account/', 'src/privacy/deletion.ts'],
    tables: {
      users: {
        columns: [
          'id',
          'email',
          'name',
          'password_hash',
          'locale',
          'is_network_admin',
          'email_reminders',
          'email_confirmations',
          'deactivated_at',
          'deleted_at',
          'created_at',
        ],
        personal: [
          'id',
          'email',
          'name',
          'password_hash',
          'locale',
          'is_network_admin',
          'email_reminders',
          'email_confirmations',
          'deactivated_at',
          'deleted_at',
          'created_at',
        ],
        holds: t(
          'Naam, e-mailadres, wachtwoord-hash (argon2id), taal, keuze voor herinneringsmails.',
          'Name, e-mail address, password hash (argon2id), language, choice of reminder e-mails.',
        ),
      },
      memberships: {
        columns: ['user_id', 'org_id', 'role', 'created_at'],
        personal: ['user_id', 'role'],
        holds: t('Bij welke organisatie iemand werkt, met welke rollen.', 'Which organisation someone works for, in which roles.'),
      },
      invitations: {
        columns: ['id', 'org_id', 'email', 'role', 'token_hash', 'invited_by', 'expires_at', 'accepted_at', 'created_at'],
        personal: ['email', 'invited_by'],
        holds: t('E-mailadres van de uitgenodigde, wie uitnodigde, de hash van de link.', 'Invitee’s e-mail address, who invited, the hash of the link.'),
      },
      organisations: {
        columns: ['id', 'name', 'kind', 'town', 'closed_holidays', 'created_at'],
        personal: [],
        holds: t('Naam, soort en plaats van de organisatie (geen persoonsgegevens).', 'Name, kind and town of the organisation (no personal data).'),
      },
    },
  },
  {
    key: 'login_security',
    name: t('Inloggen en beveiliging', 'Login and security'),
    purpose: t(
      'Veilig inloggen, sessies, wachtwoord vergeten, de agendakoppeling, en het afremmen van te veel mislukte pogingen.',
      'Secure login, sessions, password reset, the calendar link, and slowing down too many failed attempts.',
    ),
    legalBasis: t(
      'Gerechtvaardigd belang (AVG art. 6 lid 1 sub f) en de plicht tot passende beveiliging (art. 32).',
      'Legitimate interest (GDPR art. 6(1)(f)) and the duty of appropriate security (art. 32).',
    ),
    people: t('Iedereen met een account; wie probeert in te loggen.', 'Everyone with an account; whoever tries to log in.'),
    recipients: t('Niemand: alleen het systeem gebruikt deze gegevens.', 'Nobody: only the system uses this data.'),
    retention: () =>
      t(
        `Sessies tot ze verlopen of je uitlogt; links tot ze gebruikt zijn of verlopen; tellers van mislukte pogingen ${THROTTLE_HOURS} uur.`,
        `Sessions until they expire or you log out; links until used or expired; counters of failed attempts ${THROTTLE_HOURS} hours.`,
      ),
    code: ['src/auth/', 'src/orgs/sso.routes.tsx', 'src/calendar/feeds.ts'],
    tables: {
      sessions: { columns: ['id', 'user_id', 'expires_at'], personal: ['user_id'], holds: t('Open sessies.', 'Open sessions.') },
      password_tokens: {
        columns: ['token_hash', 'user_id', 'expires_at', 'used_at', 'created_at'],
        personal: ['user_id'],
        holds: t('Hashes van links om een wachtwoord (opnieuw) in te stellen.', 'Hashes of links to set or reset a password.'),
      },
      calendar_feeds: {
        columns: ['user_id', 'token_hash', 'created_at'],
        personal: ['user_id'],
        holds: t('De hash van je privé-agendalink.', 'The hash of your private calendar link.'),
      },
      login_failures: {
        columns: ['key', 'count', 'window_start'],
        personal: ['key'],
        holds: t('Aantal mislukte pogingen per e-mailadres of IP-adres.', 'Number of failed attempts per e-mail address or IP address.'),
      },
      org_sso: {
        columns: ['org_id', 'issuer', 'client_id', 'client_secret_enc', 'required', 'updated_at'],
        personal: [],
        holds: t(
          'De inlogdienst (OpenID Connect) van een organisatie; het clientgeheim versleuteld (geen persoonsgegevens).',
          'An organisation’s sign-in service (OpenID Connect); the client secret encrypted (no personal data).',
        ),
      },
      sso_domains: {
        columns: ['domain', 'org_id'],
        personal: [],
        holds: t('E-maildomeinen waarvoor een organisatie instaat (geen persoonsgegevens).', 'E-mail domains an organisation vouches for (no personal data).'),
      },
      user_identities: {
        columns: ['issuer', 'subject', 'user_id', 'org_id', 'created_at'],
        personal: ['subject', 'user_id'],
        holds: t(
          'De koppeling tussen je account en je account bij de inlogdienst van je organisatie (SSO).',
          'The link between your account and your account at your organisation’s sign-in service (SSO).',
        ),
      },
      oidc_flows: {
        columns: ['state_hash', 'org_id', 'nonce', 'code_verifier', 'next', 'expires_at'],
        personal: [],
        holds: t('Een inlog via SSO die bezig is, tien minuten (geen persoonsgegevens).', 'A sign-in through SSO in progress, ten minutes (no personal data).'),
      },
    },
  },
  {
    key: 'desk_bookings',
    name: t('Gastwerkplekken en reserveringen', 'Guest desks and bookings'),
    purpose: t(
      'Werkplekken bij partnerorganisaties aanbieden en reserveren, de gastenlijst, inchecken, binnenlopers, en tellingen voor het netwerk.',
      'Offering and booking desks at partner organisations, the guest list, check-in, walk-ins, and counts for the network.',
    ),
    legalBasis: LEGITIMATE,
    people: t(
      'Medewerkers die reserveren; collega’s voor wie gereserveerd wordt; bezoekers zonder account (alleen naam en organisatie); contactpersonen van locaties.',
      'Staff who book; colleagues booked for; visitors without an account (name and organisation only); contact persons of locations.',
    ),
    recipients: t(
      'De gastheren/-vrouwen van de ontvangende organisatie (gastenlijst); de medewerker zelf; de collega die voor je reserveerde.',
      'The hosts of the receiving organisation (guest list); the person themself; the colleague who booked for you.',
    ),
    retention: (r) =>
      t(
        `Reserveringen en gastenlijst: ${r.bookingsMonths} maanden na de datum verdwijnen naam, notitie en bezoekersgegevens; de telling blijft.`,
        `Bookings and guest list: ${r.bookingsMonths} months after the date the name, note and visitor details are removed; the count stays.`,
      ),
    code: ['src/desks/', 'src/privacy/retention.ts'],
    tables: {
      bookings: {
        columns: [
          'id',
          'space_id',
          'location_id',
          'org_id',
          'user_id',
          'booked_by',
          'guest_org_id',
          'visitor_name',
          'visitor_org',
          'date',
          'daypart',
          'status',
          'note',
          'checked_in_at',
          'arrived_at',
          'series_id',
          'respond_by',
          'created_at',
          'updated_at',
        ],
        personal: ['user_id', 'booked_by', 'visitor_name', 'visitor_org', 'note', 'checked_in_at', 'arrived_at'],
        holds: t(
          'Wie welke plek op welke dag en welk dagdeel heeft, de status, een korte notitie, inchecktijd; bij een bezoeker zonder account naam en organisatie.',
          'Who has which desk on which day and part of the day, the status, a short note, check-in time; for a visitor without an account name and organisation.',
        ),
      },
      locations: {
        columns: [
          'id',
          'org_id',
          'name',
          'street',
          'postcode',
          'town',
          'accessibility',
          'open_weekdays',
          'guest_instructions',
          'house_rules',
          'contact_person',
          'sharing',
          'approval_required',
          'horizon_weeks',
          'checkin_deadline_morning',
          'checkin_deadline_afternoon',
          'closed_holidays',
          'request_deadline_days',
          'request_deadline_time',
          'guest_share_max',
          'guest_share_per',
          'reserved_for_staff',
          'reserved_until_hours',
          'archived_at',
          'created_at',
        ],
        personal: ['contact_person'],
        holds: t(
          'Adres en instellingen van de locatie; de naam van een contactpersoon als de gastheer/-vrouw die invult.',
          'Address and settings of the location; the name of a contact person when the host fills it in.',
        ),
      },
      location_shares: {
        columns: ['location_id', 'org_id'],
        personal: [],
        holds: t('Met welke organisaties een locatie gedeeld is.', 'Which organisations a location is shared with.'),
      },
      spaces: {
        columns: ['id', 'location_id', 'org_id', 'name', 'kind', 'capacity', 'amenities', 'active', 'created_at'],
        personal: [],
        holds: t('Werkruimtes met hun capaciteit en voorzieningen.', 'Spaces with their capacity and amenities.'),
      },
      closures: {
        columns: ['id', 'scope', 'location_id', 'org_id', 'space_id', 'start_date', 'end_date', 'reason', 'created_at'],
        personal: [],
        holds: t('Sluitingsdagen met hun reden.', 'Closing days with their reason.'),
      },
    },
  },
  {
    key: 'intervision',
    name: t('Intervisie: bijeenkomsten, groepen en aanmeldingen', 'Intervision: meetings, groups and sign-ups'),
    purpose: t(
      'Gezamenlijke intervisie organiseren: aanmelden, wachtlijsten, groepen, en de begeleider en deelnemers op de hoogte houden.',
      'Organising joint intervision: sign-ups, waiting lists, groups, and keeping facilitator and participants informed.',
    ),
    legalBasis: LEGITIMATE,
    people: t('Deelnemers en begeleiders.', 'Participants and facilitators.'),
    recipients: t(
      'De begeleider en de beheerder van de organiserende organisatie; deelnemers zien alleen hun eigen aanmelding en het aantal plaatsen.',
      'The facilitator and the administrator of the organising organisation; participants see only their own sign-up and the number of places.',
    ),
    retention: (r) =>
      t(
        `${r.intervisionYears} jaar na de bijeenkomst verdwijnt de naam bij de aanmelding (de SKJ-herregistratie is elke 5 jaar); organisatie, aanwezigheid en minuten blijven als telling.`,
        `${r.intervisionYears} years after the meeting the name is removed from the sign-up (SKJ re-registration is every 5 years); organisation, attendance and minutes stay as a count.`,
      ),
    code: ['src/intervision/meetings.ts', 'src/intervision/registrations.ts', 'src/intervision/groups.ts', 'src/intervision/waitlist.ts'],
    tables: {
      meetings: {
        columns: [
          'id',
          'org_id',
          'facilitator_id',
          'group_id',
          'title',
          'kind',
          'method',
          'description',
          'starts_at',
          'ends_at',
          'place_kind',
          'place_name',
          'address',
          'town',
          'online_url',
          'location_id',
          'min_participants',
          'max_participants',
          'max_per_org',
          'signup_opens_at',
          'signup_closes_at',
          'cancel_deadline_at',
          'visibility',
          'status',
          'min_warning_sent_at',
          'min_confirmed_at',
          'created_at',
          'updated_at',
        ],
        personal: ['facilitator_id'],
        holds: t(
          'De bijeenkomst: titel, vorm, tijd, plaats, begeleider. Nooit de inhoud van casussen.',
          'The meeting: title, form, time, place, facilitator. Never the content of cases.',
        ),
      },
      meeting_visibility: {
        columns: ['meeting_id', 'org_id'],
        personal: [],
        holds: t('Voor welke organisaties een bijeenkomst zichtbaar is.', 'Which organisations a meeting is visible to.'),
      },
      intervision_groups: {
        columns: ['id', 'org_id', 'facilitator_id', 'title', 'closed', 'cadence_weeks', 'count', 'max_participants', 'max_per_org', 'created_at'],
        personal: ['facilitator_id'],
        holds: t('Intervisiegroepen en hun begeleider.', 'Intervision groups and their facilitator.'),
      },
      group_members: {
        columns: ['id', 'group_id', 'user_id', 'org_id', 'status', 'queue_seq', 'queued_at', 'joined_at'],
        personal: ['user_id', 'status', 'queued_at', 'joined_at'],
        holds: t('Wie lid is van een gesloten groep of op de wachtlijst staat.', 'Who is a member of a closed group or on its waiting list.'),
      },
      registrations: {
        columns: ['id', 'meeting_id', 'user_id', 'org_id', 'status', 'brings_case', 'queue_seq', 'queued_at', 'registered_at', 'created_at', 'updated_at'],
        personal: ['user_id', 'status', 'brings_case', 'queued_at', 'registered_at'],
        holds: t(
          'Aanmelding of wachtlijstplaats, en of iemand een casus inbrengt (ja/nee, nooit de casus zelf).',
          'Sign-up or waiting-list place, and whether someone brings a case (yes/no, never the case itself).',
        ),
      },
    },
  },
  {
    key: 'attendance',
    name: t('Aanwezigheid en bewijs van deelname', 'Attendance and attendance statements'),
    purpose: t(
      'Aanwezigheid vastleggen en deelnemers een controleerbaar bewijs geven voor hun SKJ-herregistratie (reflectie-uren).',
      'Recording attendance and giving participants a verifiable statement for their SKJ re-registration (reflection hours).',
    ),
    legalBasis: t(
      'Gerechtvaardigd belang (AVG art. 6 lid 1 sub f) van de deelnemer en de organisaties: aantonen van deskundigheidsbevordering voor de registratie.',
      'Legitimate interest (GDPR art. 6(1)(f)) of the participant and the organisations: demonstrating professional development for the registration.',
    ),
    people: t('Deelnemers en begeleiders.', 'Participants and facilitators.'),
    recipients: t(
      'De begeleider; de deelnemer zelf; wie de deelnemer de controlelink van een bewijs geeft (bijvoorbeeld het SKJ), die alleen dat bewijs ziet.',
      'The facilitator; the participant themself; whoever the participant gives a statement’s verification link (e.g. the SKJ), who sees only that statement.',
    ),
    retention: (r) =>
      t(
        `${r.intervisionYears} jaar: daarna verdwijnen de namen bij de aanwezigheid en in de wijzigingslog; een bewijs blijft controleerbaar maar toont "gegevens verwijderd".`,
        `${r.intervisionYears} years: then the names are removed from attendance and the change log; a statement stays verifiable but shows "details removed".`,
      ),
    code: ['src/intervision/attendance.ts', 'src/intervision/statements.ts', 'src/intervision/verify.routes.tsx'],
    tables: {
      registrations: {
        columns: ['presence', 'minutes_present'],
        personal: ['presence', 'minutes_present'],
        holds: t('Aanwezig, afwezig of afgemeld, en het aantal minuten.', 'Present, absent or excused, and the number of minutes.'),
      },
      attendance_changes: {
        columns: ['id', 'registration_id', 'changed_by', 'changed_at', 'old_presence', 'new_presence', 'old_minutes', 'new_minutes'],
        personal: ['registration_id', 'changed_by', 'old_presence', 'new_presence', 'old_minutes', 'new_minutes'],
        holds: t('Elke wijziging van de aanwezigheid: wie, wanneer, oud → nieuw.', 'Every change of attendance: who, when, old → new.'),
      },
      statements: {
        columns: ['id', 'user_id', 'code', 'from_date', 'to_date', 'holder_name', 'issued_meetings', 'anonymised_at', 'created_at'],
        personal: ['user_id', 'holder_name', 'issued_meetings'],
        holds: t(
          'Uitgegeven bewijzen: naam zoals uitgegeven, periode, bijgewoonde bijeenkomsten met uren, en een controlecode.',
          'Issued statements: name as issued, period, meetings attended with hours, and a verification code.',
        ),
      },
    },
  },
  {
    key: 'notifications',
    name: t('Meldingen en e-mail', 'Notices and e-mail'),
    purpose: t(
      'Bevestigingen, wijzigingen, herinneringen en agenda-uitnodigingen sturen (in de app en per e-mail).',
      'Sending confirmations, changes, reminders and calendar invitations (in the app and by e-mail).',
    ),
    legalBasis: LEGITIMATE,
    people: t('Iedereen met een account.', 'Everyone with an account.'),
    recipients: t(
      'De ontvanger; de e-mailprovider van de organisatie die Gastplek host (verwerker).',
      'The recipient; the e-mail provider of the organisation hosting Gastplek (processor).',
    ),
    retention: (r) =>
      t(
        `${r.notificationsDays} dagen; e-mail die nog niet is afgeleverd blijft tot hij is verstuurd of opgegeven.`,
        `${r.notificationsDays} days; e-mail not yet delivered stays until it is sent or given up.`,
      ),
    code: ['src/notifications/', 'src/mail/', 'src/desks/notices.ts', 'src/intervision/mails.ts'],
    tables: {
      notifications: {
        columns: ['id', 'user_id', 'subject', 'body', 'link', 'read_at', 'created_at'],
        personal: ['user_id', 'subject', 'body', 'read_at'],
        holds: t('Meldingen in de app.', 'Notices in the app.'),
      },
      outbox: {
        columns: [
          'id',
          'to_address',
          'subject',
          'body',
          'attachments',
          'status',
          'attempts',
          'next_attempt_at',
          'lease_until',
          'last_error',
          'sent_at',
          'created_at',
        ],
        personal: ['to_address', 'subject', 'body', 'attachments'],
        holds: t('Te versturen en verstuurde e-mails met hun agendabijlage.', 'E-mails to send and sent, with their calendar attachment.'),
      },
      reminders_sent: {
        columns: ['kind', 'ref_id', 'sent_at'],
        personal: [],
        holds: t('Welke herinnering al is verstuurd (alleen een verwijzing).', 'Which reminder has been sent (a reference only).'),
      },
    },
  },
  {
    key: 'meet_each_other',
    name: t('Elkaar ontmoeten: profiel, aanwezigheid en spreekuren', 'Meeting each other: profile, presence and consult hours'),
    purpose: t(
      'Collega’s die op dezelfde plek werken laten zien wie er is en waarover je hen mag aanspreken, en een kort overleg met een deskundige (spreekuur) laten reserveren.',
      'Showing colleagues who work at the same place who is there and what they may be asked about, and letting them book a short consult with an expert.',
    ),
    legalBasis: t(
      'Toestemming (AVG art. 6 lid 1 sub a) voor profiel en aanwezigheid: standaard uit, op elk moment uit te zetten; voor spreekuren het gerechtvaardigd belang van de organisaties (sub f).',
      'Consent (GDPR art. 6(1)(a)) for profile and presence: off by default, can be switched off at any time; for consult hours the organisations’ legitimate interest (6(1)(f)).',
    ),
    people: t(
      'Medewerkers die een profiel invullen; deskundigen met spreekuren en wie bij hen reserveert.',
      'Staff who fill in a profile; experts with consult hours and whoever books with them.',
    ),
    recipients: t(
      'Alleen wie dezelfde dag op dezelfde locatie geboekt heeft, en de eigen medewerkers van de ontvangende organisatie; bij een spreekuur de deskundige. Nooit in zoekresultaten of Inzicht.',
      'Only people booked at the same location on the same day, and the receiving organisation’s own staff; for a consult, the expert. Never in search results or Insight.',
    ),
    retention: (r) =>
      t(
        `Het profiel tot je het leegmaakt of je account verwijdert; "ik ben er vandaag" en spreekuurreserveringen ${r.bookingsMonths} maanden na de datum.`,
        `The profile until you clear it or delete your account; "I am here today" and consult bookings ${r.bookingsMonths} months after the date.`,
      ),
    code: ['db/schema/people.ts'],
    tables: {
      expertise_tags: {
        columns: ['id', 'name', 'active', 'created_at'],
        personal: [],
        holds: t('De lijst met expertises die het netwerk bijhoudt (geen persoonsgegevens).', 'The list of expertise the network keeps (no personal data).'),
      },
      profiles: {
        columns: ['user_id', 'visible', 'show_presence', 'discipline', 'about', 'updated_at'],
        personal: ['user_id', 'visible', 'show_presence', 'discipline', 'about', 'updated_at'],
        holds: t(
          'Discipline, een korte regel "waarover je me mag aanspreken", en je keuzes om ze te tonen.',
          'Discipline, a short line on what you may be asked about, and your choices to show them.',
        ),
      },
      profile_tags: {
        columns: ['user_id', 'tag_id'],
        personal: ['user_id', 'tag_id'],
        holds: t('Je expertises uit de lijst.', 'Your expertise from the list.'),
      },
      staff_presence: {
        columns: ['user_id', 'location_id', 'date', 'created_at'],
        personal: ['user_id', 'location_id', 'date'],
        holds: t('"Ik ben er vandaag" van eigen medewerkers op een locatie.', '"I am here today" of own staff at a location.'),
      },
      consult_hours: {
        columns: ['id', 'expert_id', 'org_id', 'location_id', 'online_url', 'date', 'start_time', 'slot_minutes', 'slots', 'status', 'created_at'],
        personal: ['expert_id'],
        holds: t('Spreekuren: wie, waar, wanneer en hoeveel plekken.', 'Consult hours: who, where, when and how many slots.'),
      },
      consult_bookings: {
        columns: ['id', 'hour_id', 'slot', 'user_id', 'org_id', 'tag_id', 'status', 'created_at', 'updated_at'],
        personal: ['user_id', 'tag_id'],
        holds: t(
          'Wie welk tijdvak reserveerde en over welk onderwerp (een expertise, nooit cliëntgegevens).',
          'Who booked which slot and on which topic (an expertise, never client data).',
        ),
      },
    },
  },
  {
    key: 'access_log',
    name: t('Wie bekeek welke gegevens', 'Who looked at which data'),
    purpose: t(
      'Verantwoording: vastleggen wie persoonsgegevens van anderen bekeek, exporteerde of verwijderde (gastenlijst, aanwezigheid, ledengegevens).',
      'Accountability: recording who viewed, exported or deleted other people’s personal data (guest list, attendance, member details).',
    ),
    legalBasis: t(
      'Wettelijke plicht tot passende beveiliging en verantwoording (AVG art. 5 lid 2 en 32).',
      'Legal duty of appropriate security and accountability (GDPR art. 5(2) and 32).',
    ),
    people: t('Wie keek, en van wie de gegevens waren.', 'Who looked, and whose data it was.'),
    recipients: t(
      'De beheerder van de eigen organisatie; netwerkbeheerders; ieder ziet wie zijn of haar gegevens bekeek.',
      'The administrator of one’s own organisation; network administrators; everyone sees who looked at their data.',
    ),
    retention: () =>
      t(
        `${ACCESS_LOG_YEARS} jaar; niet te wijzigen of eerder te verwijderen (afgedwongen in de database).`,
        `${ACCESS_LOG_YEARS} years; cannot be changed or deleted earlier (enforced in the database).`,
      ),
    code: ['src/privacy/'],
    tables: {
      access_log: {
        columns: ['id', 'at', 'actor_id', 'actor_name', 'action', 'org_id', 'object', 'subject_count'],
        personal: ['actor_id', 'actor_name', 'object'],
        holds: t('Wie, wat en wanneer — nooit de gegevens zelf.', 'Who, what and when — never the data itself.'),
      },
      access_log_subjects: {
        columns: ['log_id', 'user_id', 'at'],
        personal: ['user_id'],
        holds: t('Van wie de bekeken gegevens waren.', 'Whose data was viewed.'),
      },
    },
  },
];

/** Tables that hold no personal data and belong to no processing: the reason is the entry. */
export const NOT_PERSONAL: Record<string, { columns: readonly string[]; reason: Text }> = {
  change_counters: {
    columns: ['name', 'n'],
    reason: t('Tellers voor caches (geen persoonsgegevens).', 'Counters for caches (no personal data).'),
  },
  desk_demand: {
    columns: ['day', 'kind', 'location_id', 'n'],
    reason: t(
      'Aantallen per dag: zoekopdrachten zonder vrije plek en reserveringen die vol bleken, voor Inzicht (geen persoon, geen zoekterm).',
      'Counts per day: searches without a free desk and bookings refused as full, for Insight (no person, no search terms).',
    ),
  },
  insight_host_days: {
    columns: ['day', 'host_org_id', 'total', 'held', 'no_show', 'declined', 'expired', 'self_held', 'self_no_show'],
    reason: t(
      'Aantallen reserveringen per dag en gastorganisatie, voor Inzicht (geen persoon; bijgehouden door de database).',
      'Counts of bookings per day and host organisation, for Insight (no person; kept by the database).',
    ),
  },
  insight_guest_days: {
    columns: ['day', 'guest_org_id', 'total', 'held', 'no_show', 'declined', 'expired'],
    reason: t(
      'Aantallen reserveringen per dag en organisatie van de gast, voor Inzicht (geen persoon; bijgehouden door de database).',
      'Counts of bookings per day and guest organisation, for Insight (no person; kept by the database).',
    ),
  },
  insight_pair_months: {
    columns: ['month', 'host_org_id', 'guest_org_id', 'held'],
    reason: t(
      'Aantallen gebruikte dagdelen per maand, gastheer en gastorganisatie, voor Inzicht (geen persoon; bijgehouden door de database).',
      'Counts of desk-dagdelen used per month, host and guest organisation, for Insight (no person; kept by the database).',
    ),
  },
  insight_location_months: {
    columns: ['month', 'location_id', 'weekday', 'morning', 'afternoon'],
    reason: t(
      'Aantallen bezette dagdelen per maand, locatie en weekdag, voor Inzicht (geen persoon; bijgehouden door de database).',
      'Counts of desk-dagdelen taken per month, location and weekday, for Insight (no person; kept by the database).',
    ),
  },
  insight_location_days: {
    columns: ['day', 'location_id', 'morning', 'afternoon'],
    reason: t(
      'Aantallen bezette dagdelen per dag en locatie, voor Inzicht (geen persoon; bijgehouden door de database).',
      'Counts of desk-dagdelen taken per day and location, for Insight (no person; kept by the database).',
    ),
  },
};

/** The register as Markdown (docs/privacy/register.md), from the same entries as the page. */
export function registerMarkdown(lang: Lang = 'nl', retention: Retention = DEFAULT_RETENTION): string {
  const h = lang === 'nl' ? NL_HEAD : EN_HEAD;
  const out: string[] = [
    `# ${h.title}`,
    '',
    h.generated,
    '',
    `**${h.controller}:** ${ROLES.controller[lang]}`,
    '',
    ROLES.noCaseContent[lang],
    '',
    ROLES.rights[lang],
    '',
  ];
  for (const p of PROCESSINGS) {
    out.push(`## ${p.name[lang]}`, '');
    out.push(`- **${h.purpose}:** ${p.purpose[lang]}`);
    out.push(`- **${h.legalBasis}:** ${p.legalBasis[lang]}`);
    out.push(`- **${h.people}:** ${p.people[lang]}`);
    out.push(`- **${h.recipients}:** ${p.recipients[lang]}`);
    out.push(`- **${h.retention}:** ${p.retention(retention)[lang]}`);
    out.push(`- **${h.code}:** ${p.code.map((c) => `\`${c}\``).join(', ')}`, '');
    out.push(`| ${h.table} | ${h.holds} | ${h.personalColumns} | ${h.otherColumns} |`, '| --- | --- | --- | --- |');
    for (const [name, e] of Object.entries(p.tables)) {
      const other = e.columns.filter((c) => !e.personal.includes(c));
      out.push(`| \`${name}\` | ${e.holds[lang]} | ${e.personal.join(', ') || '–'} | ${other.join(', ') || '–'} |`);
    }
    out.push('');
  }
  out.push(`## ${h.notPersonal}`, '', `| ${h.table} | ${h.holds} | ${h.otherColumns} |`, '| --- | --- | --- |');
  for (const [name, e] of Object.entries(NOT_PERSONAL)) out.push(`| \`${name}\` | ${e.reason[lang]} | ${e.columns.join(', ')} |`);
  out.push('');
  return out.join('\n');
}

const NL_HEAD = {
  title: 'Verwerkingsregister Gastplek (AVG art. 30)',
  generated:
    'Gemaakt uit `src/privacy/register.ts` met `npm run privacy:register`; een test houdt dit bestand en de privacyverklaring in de app gelijk aan die bron, en faalt als een kolom van `db/schema` hier ontbreekt. Bewaartermijnen: de standaardwaarden (instelbaar per netwerk met `RETENTION_*`, zie README).',
  controller: 'Verwerkingsverantwoordelijke',
  purpose: 'Doel',
  legalBasis: 'Grondslag',
  people: 'Betrokkenen',
  recipients: 'Ontvangers',
  retention: 'Bewaartermijn',
  code: 'In de code',
  table: 'Tabel',
  holds: 'Bevat',
  personalColumns: 'Kolommen met persoonsgegevens',
  otherColumns: 'Overige kolommen',
  notPersonal: 'Tabellen zonder persoonsgegevens',
};

const EN_HEAD: typeof NL_HEAD = {
  title: 'Gastplek processing register (GDPR art. 30)',
  generated:
    'Made from `src/privacy/register.ts` by `npm run privacy:register`; a test keeps this file and the privacy statement in the app equal to that source, and fails when a column of `db/schema` is missing here. Retention periods: the defaults (configurable per network with `RETENTION_*`, see README).',
  controller: 'Controller',
  purpose: 'Purpose',
  legalBasis: 'Legal basis',
  people: 'People concerned',
  recipients: 'Recipients',
  retention: 'Retention',
  code: 'In the code',
  table: 'Table',
  holds: 'Holds',
  personalColumns: 'Columns with personal data',
  otherColumns: 'Other columns',
  notPersonal: 'Tables without personal data',
};
