import { Hono } from 'hono';
import { listPartnerLocations } from '../desks/desks';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { writeTx } from '../db';
import { parseId, readForm } from '../lib/forms';
import { htmx, isHtmx } from '../lib/htmx';
import { errorPage, fragment, notFound, forbidden, page, pageOrFragment, redirectWithFlash, requestUrl, type Ctx } from '../lib/render';
import { localDateOf } from '../lib/time';
import { requestedPage } from '../lib/paging';
import { requireUser } from '../auth/middleware';
import { listOrganisations, orgsWithRole, orgIdsWithRole } from '../orgs/orgs';
import type { AppEnv } from '../types';
import { formatDateTime } from '../../views/i18n/format';
import type { FormState } from '../../views/partials/form';
import { MeetingResults, Places } from '../../views/partials/intervision/places';
import { GroupPage, MeetingPage, MeetingsPage } from '../../views/pages/intervision/meetings';
import { AttendancePage, FacilitatePage, ManageMeetingPage, MeetingFormPage, type FormMode } from '../../views/pages/intervision/facilitate';
import { ReflectionPage, StatementPage, VerifyPage } from '../../views/pages/intervision/reflection';
import { attendanceCsv, attendanceState, durationMinutes, listAttendanceChanges, recordAttendance } from './attendance';
import { createGroup, getGroup, getMember, getVisibleGroup, groupWaitPosition, joinGroup, leaveGroup, listGroupMeetings, listGroupMembers } from './groups';
import { cancelMeeting, updateMeeting } from './meeting-changes';
import {
  confirmGoAhead,
  getManagedMeeting,
  getMeetingCard,
  getVisibleMeeting,
  isManager,
  listManaged,
  listParticipants,
  listFilterOptions,
  listUpcoming,
  MEETINGS_PAGE_SIZE,
  listVisibleOrgIds,
  insertMeeting,
  type Meeting,
} from './meetings';
import { cancelRegistration, getRegistration, listMyActiveRegistrations, removeParticipant, signUp, waitlistPosition } from './registrations';
import { rawForm, meetingValues, newMeetingValues, parseAttendanceForm, parseFilters, parseGroupForm, parseMeetingForm, parsePeriodForm, signupSchema } from './schemas';
import {
  attendedMeetings,
  createStatement,
  findStatementByCode,
  getOwnStatement,
  groupByYear,
  listOwnStatements,
  periodStart,
  REFLECTION_TARGET_HOURS,
  reflectionCsv,
  statementContent,
  correctedHours,
  totalHours,
} from './statements';

export const intervisionRoutes = new Hono<AppEnv>();

for (const p of ['/meetings', '/meetings/*', '/groups/*', '/facilitate', '/facilitate/*', '/reflection', '/reflection/*', '/reflection.csv']) {
  intervisionRoutes.use(p, requireUser);
}

const orgIdsOf = (c: Ctx) => c.var.memberships.map((m) => m.orgId);
const adminOrgIdsOf = (c: Ctx) => orgIdsWithRole(c.var.memberships, 'org_admin');
const facilitatorOrgsOf = (c: Ctx) => orgsWithRole(c.var.memberships, 'facilitator');
const baseUrl = (c: Ctx) => c.var.config.baseUrl;

function csvResponse(c: Ctx, body: string, filename: string) {
  return c.body(body, 200, {
    'Content-Type': 'text/csv; charset=utf-8',
    'Content-Disposition': `attachment; filename="${filename.replace(/[^A-Za-z0-9._-]/g, '_')}"`,
  });
}

/* ---------- participants ---------- */

intervisionRoutes.get('/meetings', (c) => {
  const { db, now } = c.var.deps;
  const t = c.var.t;
  const orgIds = orgIdsOf(c);
  const filters = parseFilters(c.req.query());
  const at = now();
  const { cards: list, paging: pages } = listUpcoming(db, orgIds, filters, at, { requested: requestedPage(c.req.query('page')), size: MEETINGS_PAGE_SIZE });
  const mine = listMyActiveRegistrations(
    db,
    c.var.user!.id,
    list.map((m) => m.id),
  ) as Map<number, string>;
  const listing = { paging: pages, url: requestUrl(c), trigger: htmx(c).trigger };
  return pageOrFragment(
    c,
    t.intervision.list.title,
    <MeetingsPage
      t={t}
      locale={c.var.locale}
      meetings={list}
      mine={mine}
      listing={listing}
      filters={filters.raw}
      {...(isHtmx(c) ? { towns: [], orgs: [] } : listFilterOptions(db, orgIds, at))}
    />,
    <MeetingResults t={t} locale={c.var.locale} meetings={list} mine={mine} {...listing} />,
  );
});

/** The meeting when the person may see it (visible to one of their organisations, or they manage it). */
function findMeeting(c: Ctx, id: number): Meeting | undefined {
  const { db } = c.var.deps;
  return getVisibleMeeting(db, id, orgIdsOf(c)) ?? getManagedMeeting(db, id, c.var.user!.id, adminOrgIdsOf(c));
}

function meetingPage(c: Ctx, meeting: Meeting, state: FormState = {}, status: ContentfulStatusCode = 200) {
  const { db, now } = c.var.deps;
  const user = c.var.user!;
  const card = getMeetingCard(db, meeting.id)!;
  const reg = getRegistration(db, meeting.id, user.id);
  const manager = isManager(meeting, user.id, adminOrgIdsOf(c));
  const insider = manager || reg?.status === 'registered';
  const group = meeting.groupId !== null ? (getGroup(db, meeting.groupId) ?? null) : null;
  return page(
    c,
    meeting.title,
    <MeetingPage
      t={c.var.t}
      locale={c.var.locale}
      state={state}
      v={{
        card,
        group,
        myStatus: reg?.status ?? null,
        position: waitlistPosition(db, reg),
        insider,
        manager,
        // Names are only loaded for insiders, so they cannot leak through the view.
        participants: insider ? listParticipants(db, meeting.id).registered : [],
        memberships: c.var.memberships,
        now: now(),
      }}
    />,
    status,
  );
}

intervisionRoutes.get('/meetings/:id', (c) => {
  const id = parseId(c.req.param('id'));
  const meeting = id ? findMeeting(c, id) : undefined;
  if (!meeting) return notFound(c);
  return meetingPage(c, meeting);
});

intervisionRoutes.get('/meetings/:id/places', (c) => {
  const id = parseId(c.req.param('id'));
  const meeting = id ? findMeeting(c, id) : undefined;
  if (!meeting) return notFound(c);
  const card = getMeetingCard(c.var.deps.db, meeting.id)!;
  return fragment(c, <Places t={c.var.t} m={card} registered={card.registered} waiting={card.waiting} poll />);
});

intervisionRoutes.post('/meetings/:id/signup', async (c) => {
  const { db, now } = c.var.deps;
  const t = c.var.t.intervision.signup;
  const id = parseId(c.req.param('id'));
  const meeting = id ? findMeeting(c, id) : undefined;
  if (!meeting) return notFound(c);
  const form = await readForm(c, signupSchema);
  if (!form.ok) return meetingPage(c, meeting, { errors: { _form: c.var.t.errors.formInvalid } }, 422);
  const ms = c.var.memberships;
  if (ms.length === 0) return meetingPage(c, meeting, { errors: { _form: t.noOrg } }, 422);
  const orgId = form.data.orgId ?? ms[0]!.orgId;
  if (!ms.some((m) => m.orgId === orgId)) return meetingPage(c, meeting, { errors: { orgId: c.var.t.errors.invalidChoice, _form: c.var.t.errors.invalidChoice } }, 422);
  const result = writeTx(db, (tx) => signUp(tx, { meetingId: meeting.id, userId: c.var.user!.id, orgId, bringsCase: form.data.bringsCase }, now(), c.var.config.baseUrl));
  if (!result.ok) {
    if (result.reason === 'not-found') return notFound(c);
    const msg = {
      cancelled: t.cancelledMeeting,
      'not-open': t.notOpen(formatDateTime(c.var.locale, meeting.signupOpensAt)),
      closed: t.closed,
      already: t.already,
      removed: t.removed,
      'closed-group': t.closedGroup,
    }[result.reason];
    return meetingPage(c, meeting, { errors: { _form: msg } }, 409);
  }
  const pos = waitlistPosition(db, getRegistration(db, meeting.id, c.var.user!.id));
  return redirectWithFlash(c, `/meetings/${meeting.id}`, result.status === 'registered' ? t.registered : t.waitlisted(pos ?? 1));
});

intervisionRoutes.post('/meetings/:id/cancel-registration', (c) => {
  const { db, now } = c.var.deps;
  const id = parseId(c.req.param('id'));
  const meeting = id ? findMeeting(c, id) : undefined;
  if (!meeting) return notFound(c);
  const result = writeTx(db, (tx) => cancelRegistration(tx, meeting.id, c.var.user!.id, now(), baseUrl(c)));
  if (!result.ok) {
    if (result.reason === 'not-found') return notFound(c);
    return meetingPage(c, meeting, { errors: { _form: c.var.t.intervision.signup.deadlinePassed } }, 409);
  }
  return redirectWithFlash(c, `/meetings/${meeting.id}`, c.var.t.intervision.signup.cancelled);
});

/* ---------- closed groups ---------- */

function groupPage(c: Ctx, groupId: number, state: FormState = {}, status: ContentfulStatusCode = 200) {
  const { db } = c.var.deps;
  const user = c.var.user!;
  const group = getVisibleGroup(db, groupId, orgIdsOf(c)) ?? getGroup(db, groupId);
  if (!group) return notFound(c);
  const manager = group.facilitatorId === user.id || adminOrgIdsOf(c).includes(group.orgId);
  const visible = manager || getVisibleGroup(db, groupId, orgIdsOf(c));
  if (!visible) return notFound(c);
  const member = getMember(db, groupId, user.id);
  const insider = manager || member?.status === 'registered';
  return page(
    c,
    c.var.t.intervision.group.title(group.title),
    <GroupPage
      t={c.var.t}
      locale={c.var.locale}
      group={group}
      meetings={listGroupMeetings(db, groupId)}
      memberStatus={member?.status ?? null}
      position={groupWaitPosition(db, member)}
      members={insider ? listGroupMembers(db, groupId) : null}
      canJoin={c.var.memberships.length > 0}
      state={state}
    />,
    status,
  );
}

intervisionRoutes.get('/groups/:id', (c) => {
  const id = parseId(c.req.param('id'));
  return id ? groupPage(c, id) : notFound(c);
});

intervisionRoutes.post('/groups/:id/join', (c) => {
  const { db, now } = c.var.deps;
  const t = c.var.t.intervision.group;
  const id = parseId(c.req.param('id'));
  if (!id) return notFound(c);
  const ms = c.var.memberships;
  const org = ms.find((m) => getVisibleGroup(db, id, [m.orgId]));
  if (!org) return notFound(c);
  const result = writeTx(db, (tx) => joinGroup(tx, id, c.var.user!.id, org.orgId, now()));
  if (!result.ok) {
    if (result.reason === 'not-found') return notFound(c);
    return groupPage(c, id, { errors: { _form: result.reason === 'already' ? t.already : t.openGroup } }, 409);
  }
  const pos = groupWaitPosition(db, getMember(db, id, c.var.user!.id));
  return redirectWithFlash(c, `/groups/${id}`, result.status === 'registered' ? t.joined : t.waitlisted(pos ?? 1));
});

intervisionRoutes.post('/groups/:id/leave', (c) => {
  const { db, now } = c.var.deps;
  const id = parseId(c.req.param('id'));
  if (!id) return notFound(c);
  const ok = writeTx(db, (tx) => leaveGroup(tx, id, c.var.user!.id, now(), baseUrl(c)));
  if (!ok) return notFound(c);
  return redirectWithFlash(c, `/groups/${id}`, c.var.t.intervision.group.left);
});

/* ---------- facilitators ---------- */

intervisionRoutes.get('/facilitate', (c) => {
  if (facilitatorOrgsOf(c).length === 0 && adminOrgIdsOf(c).length === 0) return forbidden(c);
  const { db, now } = c.var.deps;
  return page(
    c,
    c.var.t.intervision.facilitate.title,
    <FacilitatePage t={c.var.t} locale={c.var.locale} meetings={listManaged(db, c.var.user!.id, adminOrgIdsOf(c), now())} now={now()} />,
  );
});

function formPage(c: Ctx, mode: FormMode, state: FormState, status: ContentfulStatusCode = 200, extraOrg?: { orgId: number; orgName: string }) {
  const orgs = facilitatorOrgsOf(c).map((m) => ({ orgId: m.orgId, orgName: m.orgName }));
  if (extraOrg && !orgs.some((o) => o.orgId === extraOrg.orgId)) orgs.unshift(extraOrg);
  const allOrgs = listOrganisations(c.var.deps.db).map((o) => ({ id: o.id, name: o.name }));
  const title = mode.kind === 'edit' ? c.var.t.intervision.form.editTitle(mode.title) : mode.kind === 'group' ? c.var.t.intervision.facilitate.newGroup : c.var.t.intervision.facilitate.newMeeting;
  return page(c, title, <MeetingFormPage t={c.var.t} mode={mode} state={state} facilitatorOrgs={orgs} allOrgs={allOrgs} locations={listPartnerLocations(c.var.deps.db)} />, status);
}

function formContext(c: Ctx, extraOrgId?: number) {
  const ids = facilitatorOrgsOf(c).map((m) => m.orgId);
  if (extraOrgId !== undefined) ids.push(extraOrgId);
  return { facilitatorOrgIds: ids, knownOrgIds: listOrganisations(c.var.deps.db).map((o) => o.id), now: c.var.deps.now(), locations: listPartnerLocations(c.var.deps.db) };
}

intervisionRoutes.get('/facilitate/meetings/new', (c) => {
  const orgs = facilitatorOrgsOf(c);
  if (orgs.length === 0) return forbidden(c);
  return formPage(c, { kind: 'new' }, { values: newMeetingValues(c.var.deps.now(), orgs[0]?.orgId) });
});

intervisionRoutes.post('/facilitate/meetings/new', async (c) => {
  if (facilitatorOrgsOf(c).length === 0) return forbidden(c);
  const { db, now } = c.var.deps;
  const form = await readForm(c, rawForm);
  const parsed = parseMeetingForm(form.values, c.var.t, formContext(c));
  if (!parsed.ok) return formPage(c, { kind: 'new' }, parsed, 422);
  const id = writeTx(db, (tx) => insertMeeting(tx, { ...parsed.data, facilitatorId: c.var.user!.id }, now()));
  return redirectWithFlash(c, `/facilitate/meetings/${id}`, c.var.t.intervision.facilitate.created);
});

intervisionRoutes.get('/facilitate/groups/new', (c) => {
  const orgs = facilitatorOrgsOf(c);
  if (orgs.length === 0) return forbidden(c);
  return formPage(c, { kind: 'group' }, { values: newMeetingValues(c.var.deps.now(), orgs[0]?.orgId) });
});

intervisionRoutes.post('/facilitate/groups/new', async (c) => {
  if (facilitatorOrgsOf(c).length === 0) return forbidden(c);
  const { db, now } = c.var.deps;
  const form = await readForm(c, rawForm);
  const parsed = parseGroupForm(form.values, c.var.t, formContext(c));
  if (!parsed.ok) return formPage(c, { kind: 'group' }, parsed, 422);
  const groupId = writeTx(db, (tx) => createGroup(tx, { ...parsed.data, facilitatorId: c.var.user!.id }, now()));
  return redirectWithFlash(c, `/groups/${groupId}`, c.var.t.intervision.facilitate.groupCreated(parsed.data.count));
});

/** The meeting in the path when the user manages it; another organisation's id is simply not found. */
function managed(c: Ctx): Meeting | undefined {
  const id = parseId(c.req.param('id'));
  if (!id) return undefined;
  return getManagedMeeting(c.var.deps.db, id, c.var.user!.id, adminOrgIdsOf(c));
}

function managePage(c: Ctx, meeting: Meeting) {
  const { db, now } = c.var.deps;
  const card = getMeetingCard(db, meeting.id)!;
  const { registered, waiting } = listParticipants(db, meeting.id);
  const n = now();
  const underMinimum =
    card.status === 'scheduled' && n >= card.signupClosesAt && n < card.startsAt && card.registered < card.minParticipants && card.minConfirmedAt === null;
  return page(
    c,
    card.title,
    <ManageMeetingPage t={c.var.t} locale={c.var.locale} m={card} registered={registered} waiting={waiting} underMinimum={underMinimum} attendance={attendanceState(meeting, n)} now={n} />,
  );
}

intervisionRoutes.get('/facilitate/meetings/:id', (c) => {
  const meeting = managed(c);
  return meeting ? managePage(c, meeting) : notFound(c);
});

function editBlocked(c: Ctx, meeting: Meeting) {
  if (meeting.status === 'cancelled' || c.var.deps.now() >= meeting.startsAt)
    return errorPage(c, 409, c.var.t.intervision.facilitate.edit, c.var.t.intervision.facilitate.cannotEditStarted);
  return null;
}

intervisionRoutes.get('/facilitate/meetings/:id/edit', (c) => {
  const meeting = managed(c);
  if (!meeting) return notFound(c);
  const blocked = editBlocked(c, meeting);
  if (blocked) return blocked;
  const card = getMeetingCard(c.var.deps.db, meeting.id)!;
  return formPage(
    c,
    { kind: 'edit', meetingId: meeting.id, title: meeting.title },
    { values: meetingValues(meeting, listVisibleOrgIds(c.var.deps.db, meeting.id)) },
    200,
    { orgId: card.orgId, orgName: card.orgName },
  );
});

intervisionRoutes.post('/facilitate/meetings/:id/edit', async (c) => {
  const meeting = managed(c);
  if (!meeting) return notFound(c);
  const blocked = editBlocked(c, meeting);
  if (blocked) return blocked;
  const { db, now } = c.var.deps;
  const card = getMeetingCard(db, meeting.id)!;
  const form = await readForm(c, rawForm);
  const parsed = parseMeetingForm(form.values, c.var.t, formContext(c, meeting.orgId));
  const mode: FormMode = { kind: 'edit', meetingId: meeting.id, title: meeting.title };
  if (!parsed.ok) return formPage(c, mode, parsed, 422, { orgId: card.orgId, orgName: card.orgName });
  writeTx(db, (tx) => updateMeeting(tx, meeting, parsed.data, now(), baseUrl(c)));
  return redirectWithFlash(c, `/facilitate/meetings/${meeting.id}`, c.var.t.intervision.facilitate.saved);
});

intervisionRoutes.post('/facilitate/meetings/:id/cancel', async (c) => {
  const meeting = managed(c);
  if (!meeting) return notFound(c);
  const body = await c.req.parseBody().catch(() => ({}) as Record<string, unknown>);
  if (body.confirm !== 'yes') return redirectWithFlash(c, `/facilitate/meetings/${meeting.id}#cancel`);
  const { db, now } = c.var.deps;
  const result = writeTx(db, (tx) => cancelMeeting(tx, meeting, now(), baseUrl(c)));
  if (result === 'started') return errorPage(c, 409, c.var.t.intervision.facilitate.cancelMeeting, c.var.t.intervision.facilitate.cannotCancelStarted);
  return redirectWithFlash(c, `/facilitate/meetings/${meeting.id}`, c.var.t.intervision.facilitate.cancelled);
});

intervisionRoutes.post('/facilitate/meetings/:id/go-ahead', (c) => {
  const meeting = managed(c);
  if (!meeting) return notFound(c);
  const { db, now } = c.var.deps;
  writeTx(db, (tx) => confirmGoAhead(tx, meeting.id, now()));
  return redirectWithFlash(c, `/facilitate/meetings/${meeting.id}`, c.var.t.intervision.facilitate.goingAhead);
});

intervisionRoutes.post('/facilitate/meetings/:id/participants/:regId/remove', (c) => {
  const meeting = managed(c);
  const regId = parseId(c.req.param('regId'));
  if (!meeting || !regId) return notFound(c);
  const { db, now } = c.var.deps;
  const blocked = editBlocked(c, meeting);
  if (blocked) return blocked;
  const people = listParticipants(db, meeting.id);
  const who = [...people.registered, ...people.waiting].find((p) => p.registrationId === regId);
  const ok = writeTx(db, (tx) => removeParticipant(tx, meeting, regId, now(), baseUrl(c)));
  if (!ok || !who) return notFound(c);
  return redirectWithFlash(c, `/facilitate/meetings/${meeting.id}`, c.var.t.intervision.facilitate.removed(who.name));
});

function attendancePage(c: Ctx, meeting: Meeting, form: FormState = {}, status: ContentfulStatusCode = 200) {
  const { db, now } = c.var.deps;
  const card = getMeetingCard(db, meeting.id)!;
  return page(
    c,
    c.var.t.intervision.attendance.title(meeting.title),
    <AttendancePage
      t={c.var.t}
      locale={c.var.locale}
      m={card}
      participants={listParticipants(db, meeting.id).registered}
      state={attendanceState(meeting, now())}
      form={form}
      log={listAttendanceChanges(db, meeting.id)}
      duration={durationMinutes(meeting)}
    />,
    status,
  );
}

intervisionRoutes.get('/facilitate/meetings/:id/attendance', (c) => {
  const meeting = managed(c);
  if (!meeting) return notFound(c);
  const state = attendanceState(meeting, c.var.deps.now());
  return attendancePage(c, meeting, {}, state === 'not-started' ? 409 : 200);
});

intervisionRoutes.post('/facilitate/meetings/:id/attendance', async (c) => {
  const meeting = managed(c);
  if (!meeting) return notFound(c);
  const { db, now } = c.var.deps;
  const state = attendanceState(meeting, now());
  if (state !== 'open') return attendancePage(c, meeting, {}, 409);
  const form = await readForm(c, rawForm);
  const ids = listParticipants(db, meeting.id).registered.map((p) => p.registrationId);
  const parsed = parseAttendanceForm(form.values, ids, durationMinutes(meeting), c.var.t);
  if (!parsed.ok) return attendancePage(c, meeting, parsed, 422);
  const result = writeTx(db, (tx) => recordAttendance(tx, meeting, parsed.data, c.var.user!.id, now()));
  if (!result.ok) return attendancePage(c, meeting, {}, 409);
  return redirectWithFlash(c, `/facilitate/meetings/${meeting.id}/attendance`, c.var.t.intervision.attendance.saved(result.changed));
});

intervisionRoutes.get('/facilitate/meetings/:id/attendance.csv', (c) => {
  const meeting = managed(c);
  if (!meeting) return notFound(c);
  const card = getMeetingCard(c.var.deps.db, meeting.id)!;
  const csv = attendanceCsv(c.var.deps.db, meeting, card.facilitatorName, c.var.t);
  return csvResponse(c, csv, c.var.t.intervision.csv.attendanceFile(localDateOf(meeting.startsAt)));
});

/* ---------- reflection hours and statements ---------- */

function reflectionPage(c: Ctx, state: FormState, status: ContentfulStatusCode = 200) {
  const { db, now } = c.var.deps;
  const userId = c.var.user!.id;
  const all = attendedMeetings(db, userId);
  const from = periodStart(now());
  const inPeriod = attendedMeetings(db, userId, { from, to: localDateOf(now()) });
  return page(
    c,
    c.var.t.intervision.reflection.title,
    <ReflectionPage
      t={c.var.t}
      locale={c.var.locale}
      years={groupByYear(all)}
      periodHours={totalHours(inPeriod)}
      periodFrom={from}
      target={REFLECTION_TARGET_HOURS}
      statements={listOwnStatements(db, userId)}
      state={state}
    />,
    status,
  );
}

intervisionRoutes.get('/reflection', (c) => {
  const n = c.var.deps.now();
  return reflectionPage(c, { values: { from: periodStart(n), to: localDateOf(n) } });
});

intervisionRoutes.get('/reflection.csv', (c) => {
  const list = attendedMeetings(c.var.deps.db, c.var.user!.id);
  return csvResponse(c, reflectionCsv(list, c.var.t), c.var.t.intervision.csv.reflectionFile);
});

intervisionRoutes.post('/reflection/statements', async (c) => {
  const { db, now } = c.var.deps;
  const form = await readForm(c, rawForm);
  const parsed = parsePeriodForm(form.values, c.var.t);
  if (!parsed.ok) return reflectionPage(c, parsed, 422);
  const st = writeTx(db, (tx) => createStatement(tx, c.var.user!.id, parsed.data, now()));
  return redirectWithFlash(c, `/reflection/statements/${st.id}`);
});

intervisionRoutes.get('/reflection/statements/:id', (c) => {
  const { db } = c.var.deps;
  const id = parseId(c.req.param('id'));
  const st = id ? getOwnStatement(db, id, c.var.user!.id) : undefined;
  if (!st) return notFound(c);
  const shown = statementContent(db, st, c.var.user!.name);
  return page(
    c,
    c.var.t.intervision.statement.title,
    <StatementPage t={c.var.t} locale={c.var.locale} name={shown.name} statement={st} meetings={shown.meetings} hours={shown.hours} verifyUrl={`${baseUrl(c)}/verify/${st.code}`} />,
  );
});

/** Public, no login: shows only name, meetings (date, title/kind, method, hours) and the total. */
intervisionRoutes.get('/verify/:code', (c) => {
  const { db } = c.var.deps;
  c.header('X-Robots-Tag', 'noindex');
  c.header('Referrer-Policy', 'no-referrer');
  const st = findStatementByCode(db, c.req.param('code'));
  if (!st) return notFound(c);
  const shown = statementContent(db, st, st.name);
  return page(
    c,
    c.var.t.intervision.verify.title,
    <VerifyPage
      t={c.var.t}
      locale={c.var.locale}
      name={shown.name}
      statement={st}
      meetings={shown.meetings}
      hours={shown.hours}
      issued={shown.issued}
      correctedHours={correctedHours(db, st, shown.meetings)}
    />,
  );
});

