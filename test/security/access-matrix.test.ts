import { describe, expect, it } from 'vitest';
import { Client, createTestApp } from '../helpers';
import { ACTORS, changedTables, routeKeys, row, seededWithClients, snapshot, type Actor } from './support';
import type { App } from '../../src/app';
import { renewFeedToken } from '../../src/calendar/feeds';
import type { DB } from '../../src/db';

/**
 * Access matrix, deny by default (issue 7). Every `METHOD path` in app.routes needs an entry here;
 * a route without one fails the first test. Each entry names its rule and gives concrete cases with
 * real ids from the demo data: who may use it (`allow`); everyone else must be refused — anonymous
 * with 303 to /login, a logged-in person with 403 or 404 — and a refused write changes nothing.
 *
 * Demo accounts: worker (member, org 2), host (host, org 1), facilitator (facilitator, org 3),
 * orgadmin (org_admin, org 4), admin (network admin, member of org 8).
 */
type Case = { path: string; body?: Record<string, string>; allow: readonly Actor[]; actors?: readonly Actor[] };
type Fixture = ReturnType<typeof fixture>;
type Entry = { rule: string; cases: (f: Fixture) => Case[] };

const ALL = ACTORS;
const USERS: Actor[] = ['worker', 'host', 'facilitator', 'orgadmin', 'admin'];

/** Extra rows on top of the demo data, so that every rule has an "own" and a "foreign" case. */
function fixture(db: DB) {
  const uid = (email: string) => row<{ id: string }>(db, 'select id from users where email = ?', email).id;
  const yasmina = uid('yasmina.bouzid@gastplek.test'); // facilitator of org 4
  const thomas = uid('thomas.dekker@gastplek.test'); // member of org 4 only
  const fatima = uid('fatima.ouali@gastplek.test'); // member of org 1 only
  const worker = uid('worker@gastplek.test');
  // A meeting of org 4, visible to org 4 only, with one registration.
  const listMeeting = Number(
    db.$client
      .prepare(
        `insert into meetings (org_id, facilitator_id, title, kind, method, description, starts_at, ends_at, place_kind, place_name, address, town,
           online_url, location_id, min_participants, max_participants, max_per_org, signup_opens_at, signup_closes_at, cancel_deadline_at, visibility, status)
         select 4, ?, 'Lokalis intern', kind, method, description, starts_at, ends_at, place_kind, place_name, address, town,
           online_url, null, min_participants, max_participants, max_per_org, signup_opens_at, signup_closes_at, cancel_deadline_at, 'list', 'scheduled'
         from meetings where id = 1`,
      )
      .run(yasmina).lastInsertRowid,
  );
  db.$client.prepare('insert into meeting_visibility (meeting_id, org_id) values (?, 4)').run(listMeeting);
  const listReg = Number(
    db.$client
      .prepare("insert into registrations (meeting_id, user_id, org_id, status, registered_at) values (?, ?, 4, 'registered', 0)")
      .run(listMeeting, thomas).lastInsertRowid,
  );
  const m1Reg = row<{ id: number }>(db, "select id from registrations where meeting_id = 1 and status = 'registered' limit 1").id;
  const workerStatement = Number(
    db.$client.prepare("insert into statements (user_id, code, from_date, to_date) values (?, 'worker-statement-code', '2026-01-01', '2026-11-23')").run(worker)
      .lastInsertRowid,
  );
  const registeredMeeting = row<{ meeting_id: number }>(
    db,
    "select meeting_id from registrations where user_id = ? and status = 'registered' order by meeting_id desc limit 1",
    worker,
  ).meeting_id;
  // Who may see space 4 (a 'list' location of org 1): its host organisation and the partners on the list.
  const listSpaceOrgs = (db.$client.prepare('select org_id from location_shares where location_id = 2').all() as { org_id: number }[]).map((r) => r.org_id);
  const orgOf: Record<Actor, number | null> = { anonymous: null, worker: 2, host: 1, facilitator: 3, orgadmin: 4, admin: 8 };
  const seesListSpace = USERS.filter((a) => orgOf[a] === 1 || listSpaceOrgs.includes(orgOf[a]!));
  const groupMembers = (
    db.$client
      .prepare("select u.email from group_members g join users u on u.id = g.user_id where g.group_id = 1 and g.status in ('registered','waitlisted')")
      .all() as {
      email: string;
    }[]
  ).map((r) => r.email.replace('@gastplek.test', ''));
  const feedToken = renewFeedToken(db, worker);
  // A day the worker is booked at a location of org 1 (CJG Harderwijk Stationslaan): who is there.
  const workerHere = row<{ location_id: number; date: string }>(
    db,
    "select location_id, date from bookings where user_id = ? and status = 'confirmed' order by date limit 1",
    worker,
  );
  const tag = row<{ id: number }>(db, 'select id from expertise_tags order by id limit 1').id;
  // The last one who joined group 1 (its waiting member), whom its facilitator may take out.
  const group1Member = row<{ id: number }>(db, 'select id from group_members where group_id = 1 order by id desc limit 1').id;
  return {
    group1Member,
    feedToken,
    here: `/people/here/${workerHere.location_id}/${workerHere.date}`,
    tag,
    yasmina,
    thomas,
    fatima,
    listMeeting,
    listReg,
    m1Reg,
    workerStatement,
    registeredMeeting,
    seesListSpace,
    groupMembers: USERS.filter((a) => groupMembers.includes(a)),
  };
}

const pub = (path: string, body?: Record<string, string>): Case[] => [{ path, body, allow: ALL }];
const user = (path: string, body?: Record<string, string>): Case[] => [{ path, body, allow: USERS }];
const only = (allow: Actor[], path: string, body?: Record<string, string>): Case[] => [{ path, body, allow }];

const ACCESS: Record<string, Entry> = {
  'GET /': { rule: 'logged in (the start page; anonymous goes to the login page)', cases: () => user('/') },
  'GET /healthz': { rule: 'public', cases: () => pub('/healthz') },
  'GET /dev/outbox': { rule: 'public outside production (404 in production, see separate test)', cases: () => pub('/dev/outbox') },
  'GET /login': { rule: 'public', cases: () => pub('/login') },
  'POST /login': { rule: 'public', cases: () => pub('/login', { email: 'x@example.test', password: 'wrong' }) },
  // Only anonymous here (sent back to the login page): a logged-in actor would be logged out for the rest of the matrix.
  'POST /logout': { rule: 'public', cases: () => [{ path: '/logout', allow: [], actors: ['anonymous'] }] },
  'POST /language': { rule: 'public', cases: () => pub('/language', { locale: 'nl' }) },
  'GET /password/forgot': { rule: 'public', cases: () => pub('/password/forgot') },
  'POST /password/forgot': { rule: 'public', cases: () => pub('/password/forgot', { email: 'nobody@example.test' }) },
  'GET /password/reset/:token': { rule: 'public (token)', cases: () => pub('/password/reset/not-a-token') },
  'POST /password/reset/:token': { rule: 'public (token)', cases: () => pub('/password/reset/not-a-token') },
  'GET /invite/:token': { rule: 'public (token)', cases: () => pub('/invite/not-a-token') },
  'POST /invite/:token': { rule: 'public (token)', cases: () => pub('/invite/not-a-token') },
  'GET /verify/:code': { rule: 'public (code)', cases: () => pub('/verify/worker-statement-code') },
  'GET /privacy': { rule: 'public', cases: () => pub('/privacy') },
  'GET /insight': { rule: 'org admin (own organisation) or network admin', cases: () => only(['orgadmin', 'admin'], '/insight') },
  'GET /insight/:section{[a-z]+\\.csv}': {
    rule: 'org admin (own organisation) or network admin',
    cases: () => only(['orgadmin', 'admin'], '/insight/hosting.csv'),
  },

  'GET /calendar/:token{[A-Za-z0-9_-]{20,100}\\.ics}': {
    rule: 'public (the unguessable feed token is the credential)',
    cases: (f) => [...pub(`/calendar/${f.feedToken}.ics`), ...pub(`/calendar/${'a'.repeat(40)}.ics`)],
  },
  'POST /account/calendar-feed': { rule: 'logged in (own feed)', cases: () => user('/account/calendar-feed') },
  'POST /account/calendar-feed/revoke': { rule: 'logged in (own feed)', cases: () => user('/account/calendar-feed/revoke') },
  'GET /meetings/:id/calendar.ics': {
    rule: 'registered for the meeting, or its manager',
    cases: (f) => [
      ...only(['worker', 'facilitator'], `/meetings/${f.registeredMeeting}/calendar.ics`),
      ...only(['orgadmin'], `/meetings/${f.listMeeting}/calendar.ics`),
    ],
  },
  'GET /account': { rule: 'logged in', cases: () => user('/account') },
  'GET /account/export.json': { rule: 'logged in (own data only)', cases: () => user('/account/export.json') },
  'POST /account/password': { rule: 'logged in (own account)', cases: () => user('/account/password') },
  'GET /account/delete': { rule: 'logged in (own account)', cases: () => user('/account/delete') },
  'POST /account/delete': { rule: 'logged in (own account; password and tick required)', cases: () => user('/account/delete') },
  'GET /notifications': { rule: 'logged in (own)', cases: () => user('/notifications') },
  'POST /notifications/read': { rule: 'logged in (own)', cases: () => user('/notifications/read') },
  'POST /account/preferences': { rule: 'logged in (own)', cases: () => user('/account/preferences', { emailReminders: 'on' }) },
  'GET /desks': { rule: 'logged in', cases: () => user('/desks') },
  'GET /desks/towns': { rule: 'logged in (towns open to their organisation)', cases: () => user('/desks/towns?town=a') },
  'GET /desks/hosts': { rule: 'logged in (organisations with a location open to theirs)', cases: () => user('/desks/hosts?host=a') },
  'GET /bookings': { rule: 'logged in (own)', cases: () => user('/bookings') },
  'GET /meetings': { rule: 'logged in', cases: () => user('/meetings') },
  'GET /reflection': { rule: 'logged in (own)', cases: () => user('/reflection') },
  'GET /reflection.csv': { rule: 'logged in (own)', cases: () => user('/reflection.csv') },
  'POST /reflection/statements': { rule: 'logged in (own)', cases: () => user('/reflection/statements') },
  'GET /reflection/statements/:id': { rule: 'owner of the statement', cases: (f) => only(['worker'], `/reflection/statements/${f.workerStatement}`) },

  'GET /org/members': { rule: 'org_admin of some organisation', cases: () => only(['orgadmin'], '/org/members') },
  'GET /org/:orgId/members': {
    rule: 'org_admin of that organisation, or network admin',
    cases: () => [...only(['orgadmin', 'admin'], '/org/4/members'), ...only(['admin'], '/org/1/members')],
  },
  'GET /login/oidc/callback': {
    rule: 'public (the state of a sign-in in progress is the credential; unknown state: 400)',
    cases: () => pub('/login/oidc/callback?state=unknown&code=x'),
  },
  'GET /org/:orgId/sso': {
    rule: 'org_admin of that organisation, or network admin',
    cases: () => [...only(['orgadmin', 'admin'], '/org/4/sso'), ...only(['admin'], '/org/1/sso')],
  },
  'POST /org/:orgId/sso': {
    rule: 'org_admin of that organisation, or network admin',
    cases: () =>
      only(['orgadmin', 'admin'], '/org/4/sso', { issuer: 'https://idp.lokalis.example', clientId: 'gastplek', clientSecret: 's', domains: 'lokalis.example' }),
  },
  'POST /org/:orgId/sso/test': {
    rule: 'org_admin of that organisation, or network admin',
    // An http address outside this machine is refused before any request leaves.
    cases: () => only(['orgadmin', 'admin'], '/org/4/sso/test', { issuer: 'http://idp.lokalis.example' }),
  },
  'POST /org/:orgId/sso/delete': { rule: 'org_admin of that organisation; SSO set up (not in the demo)', cases: () => only([], '/org/4/sso/delete') },
  'POST /org/:orgId/invitations': {
    rule: 'org_admin of that organisation, or network admin',
    cases: () => [...only(['orgadmin', 'admin'], '/org/4/invitations'), ...only(['admin'], '/org/1/invitations')],
  },
  'POST /org/:orgId/invitations/:id/revoke': {
    rule: 'org_admin of that organisation, or network admin (an id not open in that organisation withdraws nothing)',
    cases: () => [...only(['orgadmin', 'admin'], '/org/4/invitations/999999/revoke'), ...only(['admin'], '/org/1/invitations/999999/revoke')],
  },
  'POST /org/:orgId/members/:userId/roles': {
    rule: 'org_admin of that organisation (member of it), or network admin',
    cases: (f) => [
      ...only(['orgadmin', 'admin'], `/org/4/members/${f.thomas}/roles`, { roles: 'member' }),
      ...only(['admin'], `/org/1/members/${f.fatima}/roles`, { roles: 'member' }),
      // A person of org 1 addressed through org 4, where the org admin does have rights: not found.
      ...only([], `/org/4/members/${f.fatima}/roles`, { roles: 'member' }),
    ],
  },
  'POST /org/:orgId/members/:userId/:action{deactivate|reactivate}': {
    rule: 'org_admin of every organisation of the person, or network admin',
    cases: (f) => [
      ...only(['orgadmin', 'admin'], `/org/4/members/${f.thomas}/reactivate`),
      ...only(['admin'], `/org/1/members/${f.fatima}/reactivate`),
      ...only([], `/org/4/members/${f.fatima}/deactivate`),
    ],
  },
  'GET /org/:orgId/members/:userId/delete': {
    rule: 'org_admin of every organisation of the person, or network admin',
    cases: (f) => [
      ...only(['orgadmin', 'admin'], `/org/4/members/${f.thomas}/delete`),
      ...only(['admin'], `/org/1/members/${f.fatima}/delete`),
      ...only([], `/org/4/members/${f.fatima}/delete`),
    ],
  },
  'POST /org/:orgId/members/:userId/delete': {
    rule: 'org_admin of every organisation of the person, or network admin (tick required)',
    cases: (f) => [
      ...only(['orgadmin', 'admin'], `/org/4/members/${f.thomas}/delete`),
      ...only(['admin'], `/org/1/members/${f.fatima}/delete`),
      ...only([], `/org/4/members/${f.fatima}/delete`),
    ],
  },
  'GET /admin/organisations': { rule: 'network admin', cases: () => only(['admin'], '/admin/organisations') },
  'GET /access-log': {
    rule: 'org_admin of some organisation (their organisations only), or network admin',
    cases: () => [...only(['orgadmin', 'admin'], '/access-log'), ...only(['orgadmin', 'admin'], '/access-log?org=1&action=guest_list')],
  },
  'GET /access-log/mine': { rule: 'logged in (own entries only)', cases: () => user('/access-log/mine') },
  'POST /admin/organisations': { rule: 'network admin', cases: () => only(['admin'], '/admin/organisations') },

  'GET /people/profile': { rule: 'logged in (own profile only)', cases: () => user('/people/profile') },
  'POST /people/profile': { rule: 'logged in (own profile only)', cases: () => user('/people/profile', { about: 'Pubers' }) },
  'GET /people/where': { rule: 'logged in (counts only, locations they may see)', cases: () => user('/people/where') },
  'GET /people/here/:locationId/:date': {
    rule: 'booked at the location that day, or staff of its organisation',
    cases: (f) => only(['worker', 'host'], f.here),
  },
  'POST /people/here/:locationId/:date/presence': {
    rule: 'staff of the location’s organisation',
    cases: (f) => only(['host'], `${f.here}/presence`, { here: '1' }),
  },
  'GET /people/tags': { rule: 'network admin', cases: () => only(['admin'], '/people/tags') },
  'POST /people/tags': { rule: 'network admin', cases: () => only(['admin'], '/people/tags', { name: 'Rouw' }) },
  'POST /people/tags/:id/:action{retire|restore}': { rule: 'network admin', cases: (f) => only(['admin'], `/people/tags/${f.tag}/retire`) },

  'GET /desks/spaces/:spaceId': {
    rule: 'logged in, space shared with one of their organisations',
    cases: (f) => [...user('/desks/spaces/1'), ...only(f.seesListSpace, '/desks/spaces/4'), ...only([], '/desks/spaces/999999')],
  },
  'POST /desks/spaces/:spaceId/book': {
    rule: 'logged in, space shared with one of their organisations',
    cases: (f) => [...user('/desks/spaces/1/book'), ...only(f.seesListSpace, '/desks/spaces/4/book')],
  },
  'POST /desks/spaces/:spaceId/book-series': {
    rule: 'logged in, space shared with one of their organisations',
    cases: (f) => [...user('/desks/spaces/1/book-series'), ...only(f.seesListSpace, '/desks/spaces/4/book-series')],
  },
  'POST /bookings/:id/cancel': { rule: 'owner of the booking, or the colleague who booked it for them', cases: () => only(['worker'], '/bookings/2/cancel') },
  'POST /bookings/:id/checkin': { rule: 'owner of the booking', cases: () => only(['worker'], '/bookings/1/checkin') },
  'GET /bookings/at/:locationId': { rule: 'logged in (own bookings at the location today only)', cases: () => user('/bookings/at/1') },
  'GET /bookings/:file{[0-9]+\\.ics}': { rule: 'owner of the booking', cases: () => only(['worker'], '/bookings/1.ics') },

  // Consult hours (demo): 1 and 4 at Stationslaan (sharing 'all'), 2 at Drielanden (location 2, a 'list'
  // location: same audience as space 4), 3 online; booking 1 is the worker's. Nobody in the matrix has the expert role.
  'GET /consults': { rule: 'logged in (hours they may see only)', cases: () => user('/consults') },
  'GET /consults/:id{[0-9]+}': {
    rule: "logged in, hours online or at a location shared with one of their organisations (or their own organisation's)",
    cases: (f) => [...user('/consults/1'), ...user('/consults/3'), ...only(f.seesListSpace, '/consults/2'), ...only([], '/consults/999999')],
  },
  'POST /consults/:id{[0-9]+}/book': {
    rule: "logged in, hours online or at a location shared with one of their organisations (or their own organisation's)",
    cases: (f) => [
      ...user('/consults/1/book', { slot: '2', tagId: '1', noClientData: 'yes' }),
      ...only(f.seesListSpace, '/consults/2/book', { slot: '2', tagId: '1', noClientData: 'yes' }),
    ],
  },
  'POST /consults/bookings/:id{[0-9]+}/cancel': { rule: 'the person who booked', cases: () => only(['worker'], '/consults/bookings/1/cancel') },
  'GET /consults/bookings/:id{[0-9]+}/calendar.ics': {
    rule: 'the person who booked, or the expert whose hours it is',
    cases: () => only(['worker'], '/consults/bookings/1/calendar.ics'),
  },
  'GET /consults/mine': { rule: 'expert role in some organisation', cases: () => only([], '/consults/mine') },
  'GET /consults/mine/new': { rule: 'expert role in some organisation', cases: () => only([], '/consults/mine/new') },
  'POST /consults/mine/new': {
    rule: 'expert role in some organisation (locations of those organisations only)',
    cases: () =>
      only([], '/consults/mine/new', {
        place: 'online',
        onlineUrl: 'https://meet.example.nl/x',
        date: '2027-02-01',
        startTime: '10:00',
        slots: '4',
        slotMinutes: '20',
      }),
  },
  'POST /consults/mine/:id{[0-9]+}/cancel': {
    rule: "the hours' expert, or org_admin of its organisation",
    cases: () => [...only([], '/consults/mine/1/cancel', { confirm: 'yes' }), ...only([], '/consults/mine/4/cancel')],
  },

  'GET /host/locations': { rule: 'host of some organisation', cases: () => only(['host'], '/host/locations') },
  'GET /host/locations/new': { rule: 'host of some organisation', cases: () => only(['host'], '/host/locations/new') },
  'POST /host/locations/new': { rule: 'host of some organisation', cases: () => only(['host'], '/host/locations/new') },
  'GET /host/requests': { rule: "host of some organisation (their own organisations' requests only)", cases: () => only(['host'], '/host/requests') },
  'GET /host/guests': { rule: 'host of some organisation', cases: () => [...only(['host'], '/host/guests'), ...only([], '/host/guests?location=5')] },
  'GET /host/locations/:id': {
    rule: 'host of the owning organisation',
    cases: () => [...only(['host'], '/host/locations/1'), ...only([], '/host/locations/5')],
  },
  'GET /host/walk-ins/:locationId': {
    rule: 'host of the owning organisation',
    cases: () => [...only(['host'], '/host/walk-ins/1'), ...only([], '/host/walk-ins/5')],
  },
  'POST /host/walk-ins/:locationId': {
    rule: 'host of the owning organisation',
    cases: () => [...only(['host'], '/host/walk-ins/1'), ...only([], '/host/walk-ins/5')],
  },
  'POST /host/walk-ins/:locationId/visitor': {
    rule: 'host of the owning organisation',
    cases: () => [...only(['host'], '/host/walk-ins/1/visitor'), ...only([], '/host/walk-ins/5/visitor')],
  },
  'GET /host/locations/:id/poster': {
    rule: 'host of the owning organisation',
    cases: () => [...only(['host'], '/host/locations/1/poster'), ...only([], '/host/locations/5/poster')],
  },
  'GET /host/locations/:id/poster.svg': {
    rule: 'host of the owning organisation',
    cases: () => [...only(['host'], '/host/locations/1/poster.svg'), ...only([], '/host/locations/5/poster.svg')],
  },
  'POST /host/locations/:id': {
    rule: 'host of the owning organisation',
    cases: () => [...only(['host'], '/host/locations/1'), ...only([], '/host/locations/5')],
  },
  'POST /host/locations/:id/spaces': {
    rule: 'host of the owning organisation',
    cases: () => [...only(['host'], '/host/locations/1/spaces'), ...only([], '/host/locations/5/spaces')],
  },
  'POST /host/locations/:id/closures': {
    rule: 'host of the owning organisation',
    cases: () => [...only(['host'], '/host/locations/1/closures'), ...only([], '/host/locations/5/closures')],
  },
  'POST /host/closures/:id/delete': { rule: 'host of the owning organisation', cases: () => only(['host'], '/host/closures/1/delete') },
  'GET /closures': { rule: 'org_admin of some organisation, or network admin', cases: () => only(['orgadmin', 'admin'], '/closures') },
  'GET /closures/org/:orgId': {
    rule: 'org_admin of that organisation',
    cases: () => [...only(['orgadmin'], '/closures/org/4'), ...only([], '/closures/org/1')],
  },
  'POST /closures/org/:orgId': {
    rule: 'org_admin of that organisation',
    cases: () => [
      ...only(['orgadmin'], '/closures/org/4', { startDate: '2027-02-01', endDate: '2027-02-01', reason: 'Studiedag' }),
      ...only([], '/closures/org/1', { startDate: '2027-02-01', endDate: '2027-02-01', reason: 'Studiedag', confirm: 'yes' }),
    ],
  },
  'POST /closures/org/:orgId/holidays': {
    rule: 'org_admin of that organisation',
    cases: () => [...only([], '/closures/org/1/holidays', { closedHolidays: 'goede_vrijdag' })],
  },
  'POST /closures/org/:orgId/:closureId/delete': {
    rule: 'org_admin of the organisation whose closure it is',
    cases: () => [...only([], '/closures/org/1/2/delete'), ...only([], '/closures/org/4/1/delete')],
  },
  'GET /closures/network': { rule: 'network admin', cases: () => only(['admin'], '/closures/network') },
  'POST /closures/network': {
    rule: 'network admin',
    cases: () => only(['admin'], '/closures/network', { startDate: '2027-02-01', endDate: '2027-02-01', reason: 'Netwerkdag' }),
  },
  'POST /closures/network/:closureId/delete': { rule: 'network admin; a network closure', cases: () => only([], '/closures/network/2/delete') },
  'GET /host/spaces/:id': { rule: 'host of the owning organisation', cases: () => [...only(['host'], '/host/spaces/1'), ...only([], '/host/spaces/7')] },
  'POST /host/spaces/:id': { rule: 'host of the owning organisation', cases: () => [...only(['host'], '/host/spaces/1'), ...only([], '/host/spaces/7')] },
  'POST /host/bookings/:id/:action{arrived|no-show|approve|decline}': {
    rule: 'host of the organisation that owns the space',
    cases: () => [...only(['host'], '/host/bookings/1/arrived'), ...only([], '/host/bookings/4/no-show')],
  },

  'GET /meetings/:id': {
    rule: 'logged in, meeting visible to one of their organisations',
    cases: (f) => [...user('/meetings/1'), ...only(['orgadmin'], `/meetings/${f.listMeeting}`)],
  },
  'GET /meetings/:id/places': {
    rule: 'logged in, meeting visible to one of their organisations',
    cases: (f) => [...user('/meetings/1/places'), ...only(['orgadmin'], `/meetings/${f.listMeeting}/places`)],
  },
  'POST /meetings/:id/signup': {
    rule: 'logged in, meeting visible to one of their organisations',
    cases: (f) => [...only(['orgadmin'], `/meetings/${f.listMeeting}/signup`), ...user('/meetings/1/signup')],
  },
  'POST /meetings/:id/cancel-registration': {
    rule: 'owner of the registration (meeting visible)',
    cases: (f) => [...only(['worker'], `/meetings/${f.registeredMeeting}/cancel-registration`), ...only([], `/meetings/${f.listMeeting}/cancel-registration`)],
  },
  'GET /groups/:id': { rule: 'logged in, group visible', cases: () => user('/groups/1') },
  'POST /groups/:id/join': { rule: 'logged in, group visible', cases: () => [...only([], '/groups/999999/join'), ...user('/groups/1/join')] },
  'POST /groups/:id/leave': { rule: 'member of the group', cases: (f) => only(f.groupMembers, '/groups/1/leave') },
  'POST /groups/:id/members/:memberId/remove': {
    rule: "the group's facilitator or org_admin of its organisation; a member of that group",
    cases: (f) => [
      ...only(['facilitator'], `/groups/1/members/${f.group1Member}/remove`),
      ...only([], '/groups/1/members/999999/remove'),
      ...only([], `/groups/999999/members/${f.group1Member}/remove`),
    ],
  },

  'GET /facilitate': { rule: 'facilitator or org_admin of some organisation', cases: () => only(['facilitator', 'orgadmin'], '/facilitate') },
  'GET /facilitate/meetings/new': { rule: 'facilitator of some organisation', cases: () => only(['facilitator'], '/facilitate/meetings/new') },
  'POST /facilitate/meetings/new': { rule: 'facilitator of some organisation', cases: () => only(['facilitator'], '/facilitate/meetings/new') },
  'GET /facilitate/groups/new': { rule: 'facilitator of some organisation', cases: () => only(['facilitator'], '/facilitate/groups/new') },
  'POST /facilitate/groups/new': { rule: 'facilitator of some organisation', cases: () => only(['facilitator'], '/facilitate/groups/new') },
  ...Object.fromEntries(
    (
      [
        ['GET', ''],
        ['GET', '/edit'],
        ['POST', '/edit'],
        ['POST', '/cancel'],
        ['POST', '/go-ahead'],
        ['GET', '/attendance'],
        ['POST', '/attendance'],
        ['GET', '/attendance.csv'],
      ] as const
    ).map(([method, suffix]) => [
      `${method} /facilitate/meetings/:id${suffix}`,
      {
        rule: "the meeting's facilitator or org_admin of its organisation",
        cases: (f: Fixture) => [
          ...only(['facilitator'], `/facilitate/meetings/1${suffix}`),
          ...only(['orgadmin'], `/facilitate/meetings/${f.listMeeting}${suffix}`),
        ],
      } satisfies Entry,
    ]),
  ),
  'POST /facilitate/meetings/:id/participants/:regId/remove': {
    rule: "the meeting's facilitator or org_admin of its organisation; registration of that meeting",
    cases: (f) => [
      ...only([], `/facilitate/meetings/1/participants/${f.listReg}/remove`),
      ...only([], `/facilitate/meetings/${f.listMeeting}/participants/${f.m1Reg}/remove`),
      ...only(['facilitator'], `/facilitate/meetings/1/participants/${f.m1Reg}/remove`),
      ...only(['orgadmin'], `/facilitate/meetings/${f.listMeeting}/participants/${f.listReg}/remove`),
    ],
  },
};

async function send(app: App, client: Client | null, method: string, c: Case) {
  const cl = client ?? new Client(app);
  return method === 'GET' ? cl.get(c.path) : cl.post(c.path, c.body ?? {});
}

const isLoginRedirect = (res: Response) => res.status === 303 && (res.headers.get('location') ?? '').startsWith('/login');

describe('access matrix (deny by default)', () => {
  it('has an access rule for every route, and no rule for a route that is gone', async () => {
    const { app } = await seededWithClients();
    const routes = routeKeys(app);
    expect(
      routes.filter((r) => !(r in ACCESS)),
      'routes without an access rule',
    ).toEqual([]);
    expect(
      Object.keys(ACCESS).filter((r) => !routes.includes(r)),
      'rules for routes that no longer exist',
    ).toEqual([]);
  });

  it('refuses everyone outside the rule (anonymous → login, others 403/404) without changing anything, and lets the rule in', async () => {
    const { app, db, as } = await seededWithClients();
    const f = fixture(db);
    const plan = Object.entries(ACCESS).flatMap(([key, entry]) => {
      const method = key.slice(0, key.indexOf(' '));
      return entry.cases(f).map((c) => ({ key, method, c }));
    });

    const before = snapshot(db);
    const wronglyAllowed: string[] = [];
    for (const { key, method, c } of plan) {
      for (const actor of c.actors ?? ALL) {
        if (c.allow.includes(actor)) continue;
        const res = await send(app, as[actor], method, c);
        const ok = actor === 'anonymous' ? isLoginRedirect(res) : res.status === 403 || res.status === 404;
        if (!ok) wronglyAllowed.push(`${key} ${method} ${c.path} as ${actor}: ${res.status} ${res.headers.get('location') ?? ''}`);
      }
    }
    expect(wronglyAllowed).toEqual([]);
    expect(changedTables(before, snapshot(db)), 'tables changed by refused requests').toEqual([]);

    const wronglyRefused: string[] = [];
    for (const { key, method, c } of plan) {
      for (const actor of c.actors ?? ALL) {
        if (!c.allow.includes(actor)) continue;
        const res = await send(app, as[actor], method, c);
        const token = /:token|:code/.test(key);
        const refused = isLoginRedirect(res) || res.status === 403 || res.status >= 500 || (res.status === 404 && !token);
        if (refused) wronglyRefused.push(`${key} ${method} ${c.path} as ${actor}: ${res.status} ${res.headers.get('location') ?? ''}`);
      }
    }
    expect(wronglyRefused).toEqual([]);
  });

  it('hides the development outbox in production', async () => {
    const { app } = createTestApp({ env: { NODE_ENV: 'production', SESSION_SECRET: 'x'.repeat(40) } });
    expect((await app.request('/dev/outbox')).status).toBe(404);
  });
});
