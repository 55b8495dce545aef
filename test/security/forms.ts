import { createInvitation } from '../../src/auth/accounts';
import type { DB } from '../../src/db';
import { newMeetingValues } from '../../src/intervision/schemas';
import { ORIGIN } from '../helpers';
import { row, type Actor } from './support';

export type FormSpec = { actor: Actor; path: string; body: Record<string, string | string[]> };

/**
 * A valid submission for every POST route of the demo data, as the person who may send it.
 * Shared by the mass-assignment, fuzz and stored-XSS suites; keyed like app.routes.
 */
export function validForms(db: DB, now: Date): Record<string, FormSpec> {
  const uid = (email: string) => row<{ id: string }>(db, 'select id from users where email = ?', email).id;
  const thomas = uid('thomas.dekker@gastplek.test');
  const invite = createInvitation(db, { orgId: 4, email: 'nieuw@example.test', role: 'member', invitedBy: null, inviterName: 'Test', baseUrl: ORIGIN }, now);
  createInvitation(db, { orgId: 4, email: 'intrekken@example.test', role: 'member', invitedBy: null, inviterName: 'Test', baseUrl: ORIGIN }, now);
  const withdrawable = row<{ id: number }>(db, "select id from invitations where email = 'intrekken@example.test'").id;
  const reg = row<{ id: number }>(db, "select id from registrations where meeting_id = 1 and status = 'registered' limit 1").id;
  const meeting = newMeetingValues(now, 3);
  const password = 'een nieuw lang wachtwoord';
  const worker = uid('worker@gastplek.test');
  const workerHere = row<{ location_id: number; date: string }>(
    db,
    "select location_id, date from bookings where user_id = ? and status = 'confirmed' order by date limit 1",
    worker,
  );
  const here = `/people/here/${workerHere.location_id}/${workerHere.date}`;
  const tag = row<{ id: number }>(db, 'select id from expertise_tags order by id limit 1').id;
  return {
    'POST /login': { actor: 'anonymous', path: '/login', body: { email: 'worker@gastplek.test', password: 'wrong password' } },
    'POST /logout': { actor: 'anonymous', path: '/logout', body: {} },
    'POST /language': { actor: 'worker', path: '/language', body: { locale: 'en', next: '/desks' } },
    'POST /password/forgot': { actor: 'anonymous', path: '/password/forgot', body: { email: 'worker@gastplek.test' } },
    'POST /password/reset/:token': { actor: 'anonymous', path: '/password/reset/not-a-token', body: { password, passwordConfirm: password } },
    'POST /invite/:token': { actor: 'anonymous', path: `/invite/${invite}`, body: { name: 'Nieuwe Collega', password, passwordConfirm: password } },
    'POST /account/password': { actor: 'worker', path: '/account/password', body: { currentPassword: 'wrong', password, passwordConfirm: password } },
    'POST /org/:orgId/invitations': { actor: 'orgadmin', path: '/org/4/invitations', body: { email: 'collega@example.test', role: 'host' } },
    'POST /org/:orgId/invitations/:id/revoke': { actor: 'orgadmin', path: `/org/4/invitations/${withdrawable}/revoke`, body: {} },
    'POST /org/:orgId/members/:userId/roles': { actor: 'orgadmin', path: `/org/4/members/${thomas}/roles`, body: { roles: ['member', 'host'] } },
    'POST /org/:orgId/members/:userId/:action{deactivate|reactivate}': { actor: 'orgadmin', path: `/org/4/members/${thomas}/reactivate`, body: {} },
    'POST /org/:orgId/members/:userId/delete': { actor: 'orgadmin', path: `/org/4/members/${thomas}/delete`, body: { understand: 'yes' } },
    'POST /account/delete': { actor: 'worker', path: '/account/delete', body: { password: 'wrong', understand: 'yes' } },
    'POST /admin/organisations': {
      actor: 'admin',
      path: '/admin/organisations',
      body: { name: 'Nieuwe Organisatie', kind: 'cjg', town: 'Zwolle', adminEmail: 'beheer@nieuw.example' },
    },
    'POST /notifications/read': { actor: 'worker', path: '/notifications/read', body: {} },
    'POST /org/:orgId/sso': {
      actor: 'orgadmin',
      path: '/org/4/sso',
      body: {
        issuer: 'https://login.microsoftonline.com/lokalis/v2.0',
        clientId: 'gastplek',
        clientSecret: 'geheim',
        domains: 'lokalis.example',
        required: 'on',
      },
    },
    'POST /org/:orgId/sso/test': { actor: 'orgadmin', path: '/org/4/sso/test', body: { issuer: 'http://idp.lokalis.example' } },
    'POST /org/:orgId/sso/delete': { actor: 'orgadmin', path: '/org/4/sso/delete', body: {} },
    'POST /account/preferences': { actor: 'worker', path: '/account/preferences', body: { emailReminders: 'on' } },
    'POST /people/profile': {
      actor: 'worker',
      path: '/people/profile',
      body: { visible: 'on', showPresence: 'on', discipline: 'gezinswerker', about: 'Schulden en scheiding', tags: [String(tag)] },
    },
    'POST /people/here/:locationId/:date/presence': { actor: 'host', path: `${here}/presence`, body: { here: '1' } },
    'POST /people/tags': { actor: 'admin', path: '/people/tags', body: { name: 'Rouw en verlies' } },
    'POST /people/tags/:id/:action{retire|restore}': { actor: 'admin', path: `/people/tags/${tag}/restore`, body: {} },
    'POST /desks/spaces/:spaceId/book': {
      actor: 'worker',
      path: '/desks/spaces/1/book',
      body: { date: '2026-11-25', daypart: 'morning', note: 'Graag bij het raam' },
    },
    'POST /desks/spaces/:spaceId/book-series': {
      actor: 'worker',
      path: '/desks/spaces/3/book-series',
      body: { weekday: '4', daypart: 'afternoon', weeks: '3', startDate: '2026-11-30', note: 'Vaste plek' },
    },
    'POST /bookings/:id/cancel': { actor: 'worker', path: '/bookings/2/cancel', body: {} },
    'POST /consults/:id{[0-9]+}/book': { actor: 'worker', path: '/consults/1/book', body: { slot: '0', tagId: '1', noClientData: 'yes' } },
    'POST /consults/bookings/:id{[0-9]+}/cancel': { actor: 'worker', path: '/consults/bookings/1/cancel', body: {} },
    // Nobody in the demo's actor list has the expert role: refused (403), which the suites accept; test/consults covers the expert.
    'POST /consults/mine/new': {
      actor: 'host',
      path: '/consults/mine/new',
      body: { place: 'online', onlineUrl: 'https://meet.example.nl/spreekuur', date: '2027-02-01', startTime: '10:00', slots: '4', slotMinutes: '20' },
    },
    'POST /consults/mine/:id{[0-9]+}/cancel': { actor: 'host', path: '/consults/mine/1/cancel', body: {} },
    'POST /bookings/:id/checkin': { actor: 'worker', path: '/bookings/1/checkin', body: {} },
    'POST /host/locations/new': {
      actor: 'host',
      path: '/host/locations/new',
      body: {
        orgId: '1',
        name: 'Nieuwe locatie',
        street: 'Markt 1',
        postcode: '3841 AA',
        town: 'Harderwijk',
        accessibility: 'Lift aanwezig',
        openWeekdays: ['1', '2', '3', '4', '5'],
        guestInstructions: 'Meld je bij de balie',
        houseRules: 'Clean desk',
        contactPerson: 'Marieke',
        sharing: 'all',
        horizonWeeks: '8',
        checkinDeadlineMorning: '10:00',
        checkinDeadlineAfternoon: '14:00',
      },
    },
    'POST /host/locations/:id': {
      actor: 'host',
      path: '/host/locations/1',
      body: {
        name: 'CJG Harderwijk Stationslaan',
        street: 'Stationslaan 1',
        postcode: '3841 AA',
        town: 'Harderwijk',
        openWeekdays: ['1', '2', '3', '4', '5'],
        guestInstructions: 'Meld je bij de balie',
        houseRules: 'Clean desk',
        sharing: 'all',
        horizonWeeks: '8',
        checkinDeadlineMorning: '10:00',
        checkinDeadlineAfternoon: '14:00',
      },
    },
    'POST /host/locations/:id/spaces': {
      actor: 'host',
      path: '/host/locations/1/spaces',
      body: { name: 'Nieuwe ruimte', kind: 'flexplek', capacity: '3', amenities: ['wifi'], active: 'on' },
    },
    'POST /host/walk-ins/:locationId': {
      actor: 'host',
      path: '/host/walk-ins/1',
      body: {
        user: uid('worker@gastplek.test'),
        org: String(row<{ id: number }>(db, "select id from organisations where name = 'GGD Noord- en Oost-Gelderland'").id),
        space: '1',
        daypart: 'afternoon',
      },
    },
    'POST /host/walk-ins/:locationId/visitor': {
      actor: 'host',
      path: '/host/walk-ins/1/visitor',
      body: { name: 'Jeroen Bakker', organisation: 'Basisschool De Regenboog', space: '1', daypart: 'afternoon' },
    },
    'POST /host/locations/:id/closures': {
      actor: 'host',
      path: '/host/locations/1/closures',
      body: { spaceId: '2', startDate: '2026-12-24', endDate: '2026-12-26', reason: 'Kerst' },
    },
    'POST /host/closures/:id/delete': { actor: 'host', path: '/host/closures/1/delete', body: { confirm: 'yes' } },
    'POST /closures/org/:orgId': {
      actor: 'orgadmin',
      path: '/closures/org/4',
      body: { startDate: '2027-02-01', endDate: '2027-02-02', reason: 'Studiedagen', confirm: 'yes' },
    },
    'POST /closures/org/:orgId/holidays': {
      actor: 'orgadmin',
      path: '/closures/org/4/holidays',
      body: { closedHolidays: ['goede_vrijdag', 'eerste_kerstdag'] },
    },
    'POST /closures/org/:orgId/:closureId/delete': { actor: 'orgadmin', path: '/closures/org/4/2/delete', body: { confirm: 'yes' } },
    'POST /closures/network': {
      actor: 'admin',
      path: '/closures/network',
      body: { startDate: '2027-02-03', endDate: '2027-02-03', reason: 'Netwerkdag', confirm: 'yes' },
    },
    'POST /closures/network/:closureId/delete': { actor: 'admin', path: '/closures/network/2/delete', body: { confirm: 'yes' } },
    'POST /host/spaces/:id': {
      actor: 'host',
      path: '/host/spaces/3',
      body: { name: 'Grote zaal', kind: 'flexplek', capacity: '9', amenities: ['wifi', 'coffee'], active: 'on' },
    },
    'POST /host/bookings/:id/:action{arrived|no-show|approve|decline}': { actor: 'host', path: '/host/bookings/5/approve', body: {} },
    'POST /meetings/:id/signup': { actor: 'worker', path: '/meetings/1/signup', body: { orgId: '2', bringsCase: 'on' } },
    'POST /meetings/:id/cancel-registration': { actor: 'worker', path: '/meetings/1/cancel-registration', body: {} },
    'POST /groups/:id/join': { actor: 'worker', path: '/groups/1/join', body: {} },
    'POST /groups/:id/leave': { actor: 'worker', path: '/groups/1/leave', body: {} },
    'POST /groups/:id/members/:memberId/remove': {
      actor: 'facilitator',
      path: `/groups/1/members/${row<{ id: number }>(db, 'select id from group_members where group_id = 1 order by id desc limit 1').id}/remove`,
      body: {},
    },
    'POST /facilitate/meetings/new': {
      actor: 'facilitator',
      path: '/facilitate/meetings/new',
      body: {
        ...meeting,
        title: 'Nieuwe intervisie',
        description: 'Incidentmethode',
        placeName: 'Zaal 1',
        address: 'Markt 1',
        town: 'Meppel',
        visibility: 'all',
      },
    },
    'POST /facilitate/groups/new': {
      actor: 'facilitator',
      path: '/facilitate/groups/new',
      body: {
        ...meeting,
        title: 'Nieuwe groep',
        placeName: 'Zaal 2',
        address: 'Markt 1',
        town: 'Meppel',
        visibility: 'all',
        cadenceWeeks: '4',
        count: '3',
        closed: 'on',
      },
    },
    'POST /facilitate/meetings/:id/edit': {
      actor: 'facilitator',
      path: '/facilitate/meetings/2/edit',
      body: { ...meeting, title: 'Aangepaste intervisie', description: 'Nieuw', placeName: 'Zaal 3', address: 'Markt 2', town: 'Meppel', visibility: 'all' },
    },
    'POST /facilitate/meetings/:id/cancel': { actor: 'facilitator', path: '/facilitate/meetings/2/cancel', body: { confirm: 'yes', reason: 'Ziek' } },
    'POST /facilitate/meetings/:id/go-ahead': { actor: 'facilitator', path: '/facilitate/meetings/1/go-ahead', body: {} },
    'POST /facilitate/meetings/:id/participants/:regId/remove': { actor: 'facilitator', path: `/facilitate/meetings/1/participants/${reg}/remove`, body: {} },
    'POST /facilitate/meetings/:id/attendance': { actor: 'facilitator', path: '/facilitate/meetings/7/attendance', body: {} },
    'POST /account/calendar-feed': { actor: 'worker', path: '/account/calendar-feed', body: {} },
    'POST /account/calendar-feed/revoke': { actor: 'worker', path: '/account/calendar-feed/revoke', body: {} },
    'POST /reflection/statements': { actor: 'worker', path: '/reflection/statements', body: { from: '2026-01-01', to: '2026-11-23' } },
  };
}
