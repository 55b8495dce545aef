import { Hono } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { requireUser } from '../auth/middleware';
import { meetingEvent, meetingForCalendar } from '../calendar/events';
import { toIcs } from '../calendar/ics';
import { parseId, readForm } from '../lib/forms';
import { htmx, isHtmx } from '../lib/htmx';
import { fragment, notFound, page, pageOrFragment, redirectWithFlash, requestUrl, type Ctx } from '../lib/render';
import { requestedPage } from '../lib/paging';
import type { AppEnv } from '../types';
import { formatDateTime } from '../../views/i18n/format';
import type { FormState } from '../../views/partials/form';
import { MeetingResults, Places } from '../../views/partials/intervision/places';
import { MeetingPage, MeetingsPage } from '../../views/pages/intervision/meetings';
import { getGroup } from './groups';
import {
  getManagedMeeting,
  getMeetingCard,
  getVisibleMeeting,
  isManager,
  listFilterOptions,
  listParticipants,
  listUpcoming,
  MEETINGS_PAGE_SIZE,
  type Meeting,
} from './meetings';
import { cancelRegistration, getRegistration, listMyActiveRegistrations, signUp, waitingReason, waitlistPosition } from './registrations';
import { parseFilters, signupSchema } from './schemas';
import { adminOrgIdsOf, baseUrl, orgIdsOf } from './context';

/** /meetings: the list of upcoming meetings, one meeting's page, signing up and cancelling. */
export const meetingsRoutes = new Hono<AppEnv>();

meetingsRoutes.use('*', requireUser);

meetingsRoutes.get('/', (c) => {
  const { db, now } = c.get('deps');
  const t = c.get('t');
  const orgIds = orgIdsOf(c);
  const filters = parseFilters(c.req.query());
  const at = now();
  const { cards: list, paging: pages } = listUpcoming(db, orgIds, filters, at, { requested: requestedPage(c.req.query('page')), size: MEETINGS_PAGE_SIZE });
  const mine = listMyActiveRegistrations(
    db,
    c.get('user')!.id,
    list.map((m) => m.id),
  ) as Map<number, string>;
  const listing = { paging: pages, url: requestUrl(c), trigger: htmx(c).trigger };
  return pageOrFragment(
    c,
    t.intervision.list.title,
    <MeetingsPage
      t={t}
      locale={c.get('locale')}
      meetings={list}
      mine={mine}
      listing={listing}
      filters={filters.raw}
      {...(isHtmx(c) ? { towns: [], orgs: [] } : listFilterOptions(db, orgIds, at))}
    />,
    <MeetingResults t={t} locale={c.get('locale')} meetings={list} mine={mine} {...listing} />,
  );
});

/** The meeting when the person may see it (visible to one of their organisations, or they manage it). */
function findMeeting(c: Ctx, rawId: string): Meeting | undefined {
  const id = parseId(rawId);
  if (!id) return undefined;
  const { db } = c.get('deps');
  return getVisibleMeeting(db, id, orgIdsOf(c)) ?? getManagedMeeting(db, id, c.get('user')!.id, adminOrgIdsOf(c));
}

function meetingPage(c: Ctx, meeting: Meeting, state: FormState = {}, status: ContentfulStatusCode = 200) {
  const { db, now } = c.get('deps');
  const user = c.get('user')!;
  const card = getMeetingCard(db, meeting.id)!;
  const reg = getRegistration(db, meeting.id, user.id);
  const manager = isManager(meeting, user.id, c.get('memberships'));
  const insider = manager || reg?.status === 'registered';
  const group = meeting.groupId !== null ? (getGroup(db, meeting.groupId) ?? null) : null;
  return page(
    c,
    meeting.title,
    <MeetingPage
      t={c.get('t')}
      locale={c.get('locale')}
      state={state}
      v={{
        card,
        group,
        myStatus: reg?.status ?? null,
        position: waitlistPosition(db, reg),
        // The organisations whose maximum is reached while places are free, by the sign-up's own rule.
        orgFull: c
          .get('memberships')
          .filter((ms) => waitingReason(db, meeting, ms.orgId) === 'org_full')
          .map((ms) => ms.orgId),
        waitingForOrg: reg?.status === 'waitlisted' && waitingReason(db, meeting, reg.orgId) === 'org_full',
        insider,
        manager,
        // Names are only loaded for insiders, so they cannot leak through the view.
        participants: insider ? listParticipants(db, meeting.id).registered : [],
        memberships: c.get('memberships'),
        now: now(),
      }}
    />,
    status,
  );
}

meetingsRoutes.get('/:id', (c) => {
  const meeting = findMeeting(c, c.req.param('id'));
  if (!meeting) return notFound(c);
  return meetingPage(c, meeting);
});

/** The places left, polled by the meeting's page. */
meetingsRoutes.get('/:id/places', (c) => {
  const meeting = findMeeting(c, c.req.param('id'));
  if (!meeting) return notFound(c);
  const card = getMeetingCard(c.get('deps').db, meeting.id)!;
  return fragment(c, <Places t={c.get('t')} m={card} registered={card.registered} waiting={card.waiting} poll />);
});

meetingsRoutes.post('/:id/signup', async (c) => {
  const { db, now } = c.get('deps');
  const t = c.get('t').intervision.signup;
  const meeting = findMeeting(c, c.req.param('id'));
  if (!meeting) return notFound(c);
  const form = await readForm(c, signupSchema);
  if (!form.ok) return meetingPage(c, meeting, { errors: { _form: c.get('t').errors.formInvalid } }, 422);
  const ms = c.get('memberships');
  if (ms.length === 0) return meetingPage(c, meeting, { errors: { _form: t.noOrg } }, 422);
  const orgId = form.data.orgId ?? ms[0]!.orgId;
  if (!ms.some((m) => m.orgId === orgId))
    return meetingPage(c, meeting, { errors: { orgId: c.get('t').errors.invalidChoice, _form: c.get('t').errors.invalidChoice } }, 422);
  const result = signUp(db, { meetingId: meeting.id, userId: c.get('user')!.id, orgId, bringsCase: form.data.bringsCase }, now(), baseUrl(c));
  if (!result.ok) {
    if (result.reason === 'not-found') return notFound(c);
    const msg = {
      cancelled: t.cancelledMeeting,
      'not-open': t.notOpen(formatDateTime(c.get('locale'), meeting.signupOpensAt)),
      closed: t.closed,
      already: t.already,
      removed: t.removed,
      'closed-group': t.closedGroup,
    }[result.reason];
    return meetingPage(c, meeting, { errors: { _form: msg } }, 409);
  }
  const pos = waitlistPosition(db, getRegistration(db, meeting.id, c.get('user')!.id)) ?? 1;
  const said =
    result.status === 'registered'
      ? t.registered
      : waitingReason(db, meeting, orgId) === 'org_full'
        ? t.waitlistedOrgFull(meeting.maxPerOrg ?? 0, pos)
        : t.waitlisted(pos);
  return redirectWithFlash(c, `/meetings/${meeting.id}`, said);
});

meetingsRoutes.post('/:id/cancel-registration', (c) => {
  const { db, now } = c.get('deps');
  const meeting = findMeeting(c, c.req.param('id'));
  if (!meeting) return notFound(c);
  const result = cancelRegistration(db, meeting.id, c.get('user')!.id, now(), baseUrl(c));
  if (!result.ok) {
    if (result.reason === 'not-found') return notFound(c);
    return meetingPage(c, meeting, { errors: { _form: c.get('t').intervision.signup.deadlinePassed } }, 409);
  }
  return redirectWithFlash(c, `/meetings/${meeting.id}`, c.get('t').intervision.signup.cancelled);
});

/**
 * A meeting in your calendar: for the people registered and for the meeting's managers, the same
 * people who see its online link. Anyone else gets 404.
 */
meetingsRoutes.get('/:id/calendar.ics', (c) => {
  const { db } = c.get('deps');
  const id = parseId(c.req.param('id'));
  if (!id) return notFound(c);
  const me = c.get('user')!.id;
  const registered = getRegistration(db, id, me)?.status === 'registered';
  if (!registered && !getManagedMeeting(db, id, me, adminOrgIdsOf(c))) return notFound(c);
  const meeting = meetingForCalendar(db, id);
  if (!meeting) return notFound(c);
  const event = meetingEvent(c.get('t'), meeting, baseUrl(c));
  return c.body(toIcs([event], event.status === 'CANCELLED' ? 'CANCEL' : 'PUBLISH'), 200, {
    'Content-Type': 'text/calendar; charset=utf-8',
    'Content-Disposition': `attachment; filename="gastplek-bijeenkomst-${id}.ics"`,
  });
});
