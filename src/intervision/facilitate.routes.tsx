import { Hono } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { requireUser } from '../auth/middleware';
import { parseId, readForm } from '../lib/forms';
import { errorPage, forbidden, notFound, page, redirectWithFlash, type Ctx } from '../lib/render';
import { localDateOf } from '../lib/time';
import { listOrganisations } from '../orgs/orgs';
import { logRead } from '../privacy/context';
import type { AppEnv } from '../types';
import type { FormState } from '../../views/partials/form';
import { formatLocalDate } from '../../views/i18n/format';
import { locationClosedText } from '../../views/partials/desks/cards';
import { AttendancePage, FacilitatePage, ManageMeetingPage, MeetingFormPage, type FormMode } from '../../views/pages/intervision/facilitate';
import { attendanceCsv, attendanceState, durationMinutes, listAttendanceChanges, recordAttendance } from './attendance';
import { closedGroupOf, publishGroup, removeFromMeeting } from './groups';
import { cancelMeeting, updateMeeting } from './meeting-changes';
import {
  confirmGoAhead,
  formerParticipant,
  getManagedMeeting,
  getMeetingCard,
  listManaged,
  listParticipants,
  listVisibleOrgIds,
  publishMeeting,
  type Meeting,
  type PlaceClosed,
} from './meetings';
import { deadlinesOnDaysOff, meetingValues, newMeetingValues, parseAttendanceForm, parseGroupForm, parseMeetingForm, rawForm } from './schemas';
import { adminOrgIdsOf, baseUrl, csvResponse, facilitatorOrgsOf } from './context';
import { meetingLocations } from './locations';

/**
 * /facilitate: facilitators publish meetings and closed groups; they and the organisation's
 * admins manage them (edit, cancel, go ahead, remove someone, attendance). Another organisation's
 * meeting is simply not found.
 */
export const facilitateRoutes = new Hono<AppEnv>();

facilitateRoutes.use('*', requireUser);

facilitateRoutes.get('/', (c) => {
  if (facilitatorOrgsOf(c).length === 0 && adminOrgIdsOf(c).length === 0) return forbidden(c);
  const { db, now } = c.get('deps');
  return page(
    c,
    c.get('t').intervision.facilitate.title,
    <FacilitatePage
      t={c.get('t')}
      locale={c.get('locale')}
      meetings={listManaged(db, c.get('user')!.id, adminOrgIdsOf(c), now())}
      now={now()}
      canPlan={facilitatorOrgsOf(c).length > 0}
    />,
  );
});

// ——— New meetings and groups ———

function formPage(c: Ctx, mode: FormMode, state: FormState, status: ContentfulStatusCode = 200, extraOrg?: { orgId: number; orgName: string }) {
  const orgs = facilitatorOrgsOf(c).map((m) => ({ orgId: m.orgId, orgName: m.orgName }));
  if (extraOrg && !orgs.some((o) => o.orgId === extraOrg.orgId)) orgs.unshift(extraOrg);
  const allOrgs = listOrganisations(c.get('deps').db).map((o) => ({ id: o.id, name: o.name }));
  const title =
    mode.kind === 'edit'
      ? c.get('t').intervision.form.editTitle(mode.title)
      : mode.kind === 'group'
        ? c.get('t').intervision.facilitate.newGroup
        : c.get('t').intervision.facilitate.newMeeting;
  return page(
    c,
    title,
    <MeetingFormPage
      t={c.get('t')}
      mode={mode}
      state={state}
      facilitatorOrgs={orgs}
      allOrgs={allOrgs}
      locations={meetingLocations(
        c.get('deps').db,
        orgs.map((o) => o.orgId),
      )}
    />,
    status,
  );
}

/** The message after saving a meeting, with a warning for each deadline on a weekend or holiday (allowed, not refused). */
function withDeadlineWarnings(c: Ctx, message: string, input: Parameters<typeof deadlinesOnDaysOff>[0]): string {
  const t = c.get('t');
  const f = t.intervision.facilitate;
  const warnings = deadlinesOnDaysOff(input).map((w) =>
    f.deadlineOnDayOff(
      w.which === 'signup' ? f.signupDeadline : f.cancelDeadline,
      formatLocalDate(c.get('locale'), w.date, true),
      w.off.kind === 'weekend' ? f.weekend : t.closures.holidays[w.off.holiday],
    ),
  );
  return [message, ...warnings].join(' ');
}

function formContext(c: Ctx, stored?: Meeting) {
  const ids = facilitatorOrgsOf(c).map((m) => m.orgId);
  if (stored !== undefined) ids.push(stored.orgId);
  return {
    facilitatorOrgIds: ids,
    knownOrgIds: listOrganisations(c.get('deps').db).map((o) => o.id),
    now: c.get('deps').now(),
    locations: meetingLocations(c.get('deps').db, ids),
    stored,
  };
}

/** A meeting (of a series) at a partner location on a day it is closed: the reason at the date field. */
function placeClosedError(c: Ctx, p: PlaceClosed) {
  const e = c.get('t').intervision.form.errors;
  const why = e.placeClosed(locationClosedText(c.get('t'), p.closed));
  return { date: p.index === 0 ? why : `${e.seriesDate(p.index + 1, c.get('t').longDate(p.date))} ${why}` };
}

facilitateRoutes.get('/meetings/new', (c) => {
  const orgs = facilitatorOrgsOf(c);
  if (orgs.length === 0) return forbidden(c);
  return formPage(c, { kind: 'new' }, { values: newMeetingValues(c.get('deps').now(), orgs[0]?.orgId) });
});

facilitateRoutes.post('/meetings/new', async (c) => {
  if (facilitatorOrgsOf(c).length === 0) return forbidden(c);
  const { db, now } = c.get('deps');
  const form = await readForm(c, rawForm);
  const parsed = parseMeetingForm(form.values, c.get('t'), formContext(c));
  if (!parsed.ok) return formPage(c, { kind: 'new' }, parsed, 422);
  const result = publishMeeting(db, { ...parsed.data, facilitatorId: c.get('user')!.id }, now());
  if (!result.ok) return formPage(c, { kind: 'new' }, { values: form.values, errors: placeClosedError(c, result.placeClosed) }, 422);
  return redirectWithFlash(c, `/facilitate/meetings/${result.id}`, withDeadlineWarnings(c, c.get('t').intervision.facilitate.created, parsed.data));
});

facilitateRoutes.get('/groups/new', (c) => {
  const orgs = facilitatorOrgsOf(c);
  if (orgs.length === 0) return forbidden(c);
  return formPage(c, { kind: 'group' }, { values: newMeetingValues(c.get('deps').now(), orgs[0]?.orgId) });
});

facilitateRoutes.post('/groups/new', async (c) => {
  if (facilitatorOrgsOf(c).length === 0) return forbidden(c);
  const { db, now } = c.get('deps');
  const form = await readForm(c, rawForm);
  const parsed = parseGroupForm(form.values, c.get('t'), formContext(c));
  if (!parsed.ok) return formPage(c, { kind: 'group' }, parsed, 422);
  const result = publishGroup(db, { ...parsed.data, facilitatorId: c.get('user')!.id }, now());
  if (!result.ok) return formPage(c, { kind: 'group' }, { values: form.values, errors: placeClosedError(c, result.placeClosed) }, 422);
  return redirectWithFlash(c, `/groups/${result.id}`, withDeadlineWarnings(c, c.get('t').intervision.facilitate.groupCreated(parsed.data.count), parsed.data));
});

// ——— One managed meeting ———

/** The meeting in the path when the user manages it; another organisation's id is simply not found. */
function managed(c: Ctx, rawId: string): Meeting | undefined {
  const id = parseId(rawId);
  if (!id) return undefined;
  return getManagedMeeting(c.get('deps').db, id, c.get('user')!.id, adminOrgIdsOf(c));
}

function manager(c: Ctx) {
  return { userId: c.get('user')!.id, adminOrgIds: adminOrgIdsOf(c) };
}

function managePage(c: Ctx, meeting: Meeting) {
  const { db, now } = c.get('deps');
  const card = getMeetingCard(db, meeting.id)!;
  const { registered, waiting } = listParticipants(db, meeting.id);
  const n = now();
  const underMinimum =
    card.status === 'scheduled' && n >= card.signupClosesAt && n < card.startsAt && card.registered < card.minParticipants && card.minConfirmedAt === null;
  return page(
    c,
    card.title,
    <ManageMeetingPage
      t={c.get('t')}
      locale={c.get('locale')}
      m={card}
      registered={registered}
      waiting={waiting}
      group={closedGroupOf(db, meeting)}
      underMinimum={underMinimum}
      attendance={attendanceState(meeting, n)}
      now={n}
    />,
  );
}

facilitateRoutes.get('/meetings/:id', (c) => {
  const meeting = managed(c, c.req.param('id'));
  return meeting ? managePage(c, meeting) : notFound(c);
});

/** A meeting that started or was cancelled is no longer edited (updateMeeting holds the same rule in its transaction). */
const editLocked = (meeting: Meeting, now: Date) => meeting.status === 'cancelled' || now >= meeting.startsAt;

function editBlocked(c: Ctx, meeting: Meeting) {
  if (editLocked(meeting, c.get('deps').now()))
    return errorPage(c, 409, c.get('t').intervision.facilitate.edit, c.get('t').intervision.facilitate.cannotEditStarted);
  return null;
}

facilitateRoutes.get('/meetings/:id/edit', (c) => {
  const meeting = managed(c, c.req.param('id'));
  if (!meeting) return notFound(c);
  const blocked = editBlocked(c, meeting);
  if (blocked) return blocked;
  const card = getMeetingCard(c.get('deps').db, meeting.id)!;
  return formPage(
    c,
    { kind: 'edit', meetingId: meeting.id, title: meeting.title },
    { values: meetingValues(meeting, listVisibleOrgIds(c.get('deps').db, meeting.id)) },
    200,
    { orgId: card.orgId, orgName: card.orgName },
  );
});

facilitateRoutes.post('/meetings/:id/edit', async (c) => {
  // The form first, then the rules in one transaction (updateMeeting reads the meeting afresh).
  const form = await readForm(c, rawForm);
  const meeting = managed(c, c.req.param('id'));
  if (!meeting) return notFound(c);
  const { db, now } = c.get('deps');
  const mode: FormMode = { kind: 'edit', meetingId: meeting.id, title: meeting.title };
  const card = getMeetingCard(db, meeting.id)!;
  const org = { orgId: card.orgId, orgName: card.orgName };
  // Started or cancelled while the form was open: nothing is saved, and what was typed is shown
  // again with the reason (not an error page that loses it), without a button that cannot work.
  const locked = () =>
    formPage(c, { ...mode, locked: true }, { values: form.values, errors: { _form: c.get('t').intervision.facilitate.notSavedStarted } }, 409, org);
  if (editLocked(meeting, now())) return locked();
  const parsed = parseMeetingForm(form.values, c.get('t'), formContext(c, meeting));
  if (!parsed.ok) return formPage(c, mode, parsed, 422, org);
  const result = updateMeeting(db, meeting.id, manager(c), parsed.data, now(), baseUrl(c));
  if (result === 'not_found') return notFound(c);
  if (result === 'closed') return locked();
  if (typeof result === 'object') return formPage(c, mode, { values: form.values, errors: placeClosedError(c, result.placeClosed) }, 422, org);
  return redirectWithFlash(c, `/facilitate/meetings/${meeting.id}`, withDeadlineWarnings(c, c.get('t').intervision.facilitate.saved, parsed.data));
});

facilitateRoutes.post('/meetings/:id/cancel', async (c) => {
  const body = await c.req.parseBody().catch(() => ({}) as Record<string, unknown>);
  const meeting = managed(c, c.req.param('id'));
  if (!meeting) return notFound(c);
  if (body.confirm !== 'yes') return redirectWithFlash(c, `/facilitate/meetings/${meeting.id}#cancel`);
  const { db, now } = c.get('deps');
  const result = cancelMeeting(db, meeting.id, manager(c), now(), baseUrl(c));
  if (result === 'not_found') return notFound(c);
  if (result === 'started') return errorPage(c, 409, c.get('t').intervision.facilitate.cancelMeeting, c.get('t').intervision.facilitate.cannotCancelStarted);
  return redirectWithFlash(c, `/facilitate/meetings/${meeting.id}`, c.get('t').intervision.facilitate.cancelled);
});

facilitateRoutes.post('/meetings/:id/go-ahead', (c) => {
  const meeting = managed(c, c.req.param('id'));
  if (!meeting) return notFound(c);
  const { db, now } = c.get('deps');
  confirmGoAhead(db, meeting.id, now());
  return redirectWithFlash(c, `/facilitate/meetings/${meeting.id}`, c.get('t').intervision.facilitate.goingAhead);
});

facilitateRoutes.post('/meetings/:id/participants/:regId/remove', (c) => {
  const meeting = managed(c, c.req.param('id'));
  const regId = parseId(c.req.param('regId'));
  if (!meeting || !regId) return notFound(c);
  const { db, now } = c.get('deps');
  const blocked = editBlocked(c, meeting);
  if (blocked) return blocked;
  const people = listParticipants(db, meeting.id);
  const who = [...people.registered, ...people.waiting].find((p) => p.registrationId === regId);
  const done = removeFromMeeting(db, meeting, regId, now(), baseUrl(c));
  const t = c.get('t').intervision.facilitate;
  if (done && who) return redirectWithFlash(c, `/facilitate/meetings/${meeting.id}`, done === 'group' ? t.removedFromGroup(who.name) : t.removed(who.name));
  // Removed already (a second click, another facilitator) or cancelled meanwhile: the outcome asked for, said as such.
  const former = formerParticipant(db, meeting.id, regId);
  if (former) return redirectWithFlash(c, `/facilitate/meetings/${meeting.id}`, c.get('t').intervision.facilitate.alreadyOff(former.name));
  return notFound(c);
});

// ——— Attendance ———

/** The attendance page; `opened`: a GET that shows the list, logged as a reading of the participants' data. */
function attendancePage(c: Ctx, meeting: Meeting, form: FormState = {}, status: ContentfulStatusCode = 200, opened = false) {
  const { db, now } = c.get('deps');
  const card = getMeetingCard(db, meeting.id)!;
  const participants = listParticipants(db, meeting.id).registered;
  if (opened) logRead(c, { action: 'attendance_list', orgId: meeting.orgId, object: `meeting:${meeting.id}`, subjectIds: participants.map((p) => p.userId) });
  return page(
    c,
    c.get('t').intervision.attendance.title(meeting.title),
    <AttendancePage
      t={c.get('t')}
      locale={c.get('locale')}
      m={card}
      participants={participants}
      state={attendanceState(meeting, now())}
      form={form}
      log={listAttendanceChanges(db, meeting.id)}
      duration={durationMinutes(meeting)}
    />,
    status,
  );
}

facilitateRoutes.get('/meetings/:id/attendance', (c) => {
  const meeting = managed(c, c.req.param('id'));
  if (!meeting) return notFound(c);
  const state = attendanceState(meeting, c.get('deps').now());
  return attendancePage(c, meeting, {}, state === 'not-started' ? 409 : 200, true);
});

facilitateRoutes.post('/meetings/:id/attendance', async (c) => {
  const meeting = managed(c, c.req.param('id'));
  if (!meeting) return notFound(c);
  const { db, now } = c.get('deps');
  const form = await readForm(c, rawForm);
  // Not open (yet, or any more — the 14 days can end while the form is open): nothing is saved,
  // and the page shows what was sent with the reason, so it can be noted elsewhere.
  const refused = (state: 'not-started' | 'closed') =>
    attendancePage(c, meeting, { values: form.values, errors: { _form: c.get('t').intervision.attendance.notSaved(state) } }, 409);
  const state = attendanceState(meeting, now());
  if (state !== 'open') return refused(state);
  const ids = listParticipants(db, meeting.id).registered.map((p) => p.registrationId);
  const parsed = parseAttendanceForm(form.values, ids, durationMinutes(meeting), c.get('t'));
  if (!parsed.ok) return attendancePage(c, meeting, parsed, 422);
  const result = recordAttendance(db, meeting, parsed.data, c.get('user')!.id, now());
  if (!result.ok) return refused(result.reason);
  return redirectWithFlash(c, `/facilitate/meetings/${meeting.id}/attendance`, c.get('t').intervision.attendance.saved(result.changed));
});

facilitateRoutes.get('/meetings/:id/attendance.csv', (c) => {
  const meeting = managed(c, c.req.param('id'));
  if (!meeting) return notFound(c);
  const card = getMeetingCard(c.get('deps').db, meeting.id)!;
  const { csv, subjectIds } = attendanceCsv(c.get('deps').db, meeting, card.facilitatorName, c.get('t'));
  logRead(c, { action: 'attendance_csv', orgId: meeting.orgId, object: `meeting:${meeting.id}`, subjectIds });
  return csvResponse(c, csv, c.get('t').intervision.csv.attendanceFile(localDateOf(meeting.startsAt)));
});
