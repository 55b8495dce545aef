import { Hono } from 'hono';
import { requireUser } from '../auth/middleware';
import { orgIdsWithRole, holdsRole } from '../orgs/orgs';
import { confirmSchema, parseId, queryValues, readForm, validate, type FieldErrors } from '../lib/forms';
import { errorPage, notFound, page, redirectWithFlash, type Ctx } from '../lib/render';
import { addDays, localToday } from '../lib/time';
import type { AppEnv } from '../types';
import {
  ConfirmCancelBookingPage,
  ConfirmCancelHoursPage,
  ConsultHoursPage,
  ConsultListPage,
  MyConsultHoursPage,
  PublishConsultPage,
  slotWhen,
} from '../../views/pages/consults';
import type { FormState } from '../../views/partials/form';
import { locationClosedText } from '../../views/partials/desks/cards';
import { consultIcsFor } from './calendar';
import {
  bookConsultSlot,
  cancelConsultBooking,
  cancelConsultHours,
  consultTowns,
  countBooked,
  expertPlaces,
  getConsultHours,
  getMyConsult,
  LIST_DAYS,
  nextConsultDate,
  PUBLISH_HORIZON_DAYS,
  listActiveTags,
  listMyConsultHours,
  listOpenConsultHours,
  mayManageHours,
  publishConsultHours,
  slotViews,
  type ConsultRefusal,
} from './consults';
import { bookConsultSchema, listSchema, publishSchema } from './schemas';

/**
 * /consults: consult hours (spreekuur, ADR 017). Everyone logged in looks for hours and books a
 * slot; /consults/mine is for people with the expert role. Hours the person may not see are 404.
 */
export const consultsRoutes = new Hono<AppEnv>();

consultsRoutes.use('*', requireUser);

const today = (c: Ctx) => localToday(c.get('deps').now());

consultsRoutes.get('/', (c) => {
  const q = validate(listSchema(c.get('t')), queryValues(c), c.get('t'));
  const town = q.ok ? q.data.town : null;
  const { db, now } = c.get('deps');
  // Two weeks at a time, from today up to how far ahead hours can be published.
  const first = today(c);
  const last = addDays(first, PUBLISH_HORIZON_DAYS);
  const asked = q.ok ? q.data.from : null;
  // Dates as YYYY-MM-DD compare as text: the middle of three sorted is the asked date kept within the range.
  const from = asked === null ? first : [first, asked, last].sort()[1]!;
  const to = addDays(from, LIST_DAYS - 1);
  const userId = c.get('user')!.id;
  const hours = listOpenConsultHours(db, userId, { from, town }, now());
  return page(
    c,
    c.get('t').consults.title,
    <ConsultListPage
      t={c.get('t')}
      locale={c.get('locale')}
      hours={hours}
      towns={consultTowns(db, userId, first)}
      town={town}
      from={from}
      to={to}
      earlier={from > first ? [first, addDays(from, -LIST_DAYS)].sort()[1]! : null}
      later={to < last ? addDays(to, 1) : null}
      next={hours.length === 0 ? nextConsultDate(db, userId, { after: to, town }) : null}
      isExpert={holdsRole(c.get('memberships'), 'expert')}
    />,
  );
});

function hoursPage(c: Ctx, hourId: number, state: FormState = {}, status: 200 | 409 | 422 = 200) {
  const { db, now } = c.get('deps');
  const userId = c.get('user')!.id;
  const h = getConsultHours(db, hourId, userId);
  if (!h) return notFound(c);
  return page(
    c,
    c.get('t').consults.title,
    <ConsultHoursPage
      t={c.get('t')}
      locale={c.get('locale')}
      h={h}
      slots={slotViews(db, h, userId, now())}
      tags={listActiveTags(db)}
      own={h.expertId === userId}
      manage={mayManageHours(db, h, userId)}
      state={state}
    />,
    status,
  );
}

consultsRoutes.get('/:id{[0-9]+}', (c) => {
  const id = parseId(c.req.param('id'));
  if (!id) return notFound(c);
  return hoursPage(c, id);
});

/** Which field a refusal belongs to, so the message stands next to it. */
const REFUSAL_FIELD: Record<ConsultRefusal, string> = {
  not_found: '_form',
  not_member: '_form',
  cancelled: '_form',
  own: '_form',
  slot: 'slot',
  past: 'slot',
  taken: 'slot',
  already: '_form',
  no_tag: 'tagId',
  not_confirmed: 'noClientData',
};

consultsRoutes.post('/:id{[0-9]+}/book', async (c) => {
  const id = parseId(c.req.param('id'));
  if (!id) return notFound(c);
  const { db, now } = c.get('deps');
  const userId = c.get('user')!.id;
  const h = getConsultHours(db, id, userId);
  if (!h) return notFound(c);
  const form = await readForm(c, bookConsultSchema(c.get('t')));
  if (!form.ok) return hoursPage(c, id, form, 422);
  const r = bookConsultSlot(
    db,
    { hourId: id, slot: form.data.slot, userId, tagId: form.data.tagId, noClientData: form.data.noClientData },
    now(),
    c.get('config').baseUrl,
  );
  if (!r.ok) {
    if (r.reason === 'not_found') return notFound(c);
    const errors: FieldErrors = { [REFUSAL_FIELD[r.reason]]: c.get('t').consults.refusals[r.reason] };
    return hoursPage(c, id, { values: form.values, errors }, r.reason === 'taken' ? 409 : 422);
  }
  return redirectWithFlash(c, `/consults/${id}`, c.get('t').consults.book.booked(slotWhen(c.get('locale'), h, form.data.slot)));
});

/** Cancelling one's own booking: the first POST shows the confirmation, the second (`confirm=yes`) cancels. */
consultsRoutes.post('/bookings/:id{[0-9]+}/cancel', async (c) => {
  const id = parseId(c.req.param('id'));
  if (!id) return notFound(c);
  const { db, now } = c.get('deps');
  const userId = c.get('user')!.id;
  const mine = getMyConsult(db, id, userId);
  if (!mine) return notFound(c);
  const t = c.get('t').consults;
  const form = await readForm(c, confirmSchema(c.get('t')));
  if (!form.ok || !form.data.confirm) {
    if (mine.status !== 'booked' || mine.hourStatus !== 'open') return errorPage(c, 409, t.cancel.confirmTitle, t.cancel.notCancellable);
    return page(c, t.cancel.confirmTitle, <ConfirmCancelBookingPage t={c.get('t')} locale={c.get('locale')} c={mine} back="/bookings#consults" />);
  }
  const r = cancelConsultBooking(db, id, userId, now(), c.get('config').baseUrl);
  if (!r.ok) return r.reason === 'not_found' ? notFound(c) : errorPage(c, 409, t.cancel.confirmTitle, t.cancel.notCancellable);
  return redirectWithFlash(c, '/bookings#consults', t.cancel.done);
});

/** The calendar file of a consult, for the person who booked it and for the expert. */
consultsRoutes.get('/bookings/:id{[0-9]+}/calendar.ics', (c) => {
  const id = parseId(c.req.param('id'));
  const file = id ? consultIcsFor(c.get('deps').db, c.get('t'), id, c.get('user')!.id, c.get('config').baseUrl) : undefined;
  if (!file) return notFound(c);
  return c.body(file.ics, 200, {
    'Content-Type': 'text/calendar; charset=utf-8',
    'Content-Disposition': `attachment; filename="gastplek-spreekuur-${file.id}.ics"`,
  });
});

/** /consults/mine: only with the expert role; without it a 403 that says who grants it. */
function notExpert(c: Ctx) {
  return errorPage(c, 403, c.get('t').errors.forbiddenTitle, c.get('t').consults.mine.notExpert);
}

consultsRoutes.get('/mine', (c) => {
  if (!holdsRole(c.get('memberships'), 'expert')) return notExpert(c);
  const hours = listMyConsultHours(c.get('deps').db, c.get('user')!.id, today(c));
  return page(c, c.get('t').consults.mine.title, <MyConsultHoursPage t={c.get('t')} locale={c.get('locale')} hours={hours} />);
});

function publishPage(c: Ctx, state: FormState, status: 200 | 422 = 200) {
  const places = expertPlaces(c.get('deps').db, orgIdsWithRole(c.get('memberships'), 'expert'));
  return page(c, c.get('t').consults.publish.title, <PublishConsultPage t={c.get('t')} places={places} state={state} />, status);
}

consultsRoutes.get('/mine/new', (c) => {
  if (!holdsRole(c.get('memberships'), 'expert')) return notExpert(c);
  return publishPage(c, { values: { date: addDays(today(c), 1), startTime: '13:00', slots: '4', slotMinutes: '20' } });
});

/** Which field a publishing refusal belongs to. */
const PUBLISH_FIELD = {
  forbidden: '_form',
  location: 'place',
  past: 'date',
  horizon: 'date',
  too_late: 'startTime',
  overlap: 'startTime',
  closed: 'date',
} as const;

consultsRoutes.post('/mine/new', async (c) => {
  if (!holdsRole(c.get('memberships'), 'expert')) return notExpert(c);
  const form = await readForm(c, publishSchema(c.get('t')));
  if (!form.ok) return publishPage(c, form, 422);
  const r = publishConsultHours(c.get('deps').db, { expertId: c.get('user')!.id, ...form.data }, c.get('deps').now());
  if (!r.ok) {
    if (r.reason === 'forbidden') return notExpert(c);
    const refusal = c.get('t').consults.publish.refusals[r.reason];
    const message = r.reason === 'closed' ? `${locationClosedText(c.get('t'), r.closed)} ${refusal}` : refusal;
    return publishPage(c, { values: form.values, errors: { [PUBLISH_FIELD[r.reason]]: message } }, 422);
  }
  return redirectWithFlash(c, '/consults/mine', c.get('t').consults.publish.published);
});

/** Cancelling whole hours (the expert, or an org admin of its organisation): confirmation first; every booker is told. */
consultsRoutes.post('/mine/:id{[0-9]+}/cancel', async (c) => {
  const id = parseId(c.req.param('id'));
  if (!id) return notFound(c);
  const { db, now } = c.get('deps');
  const userId = c.get('user')!.id;
  const h = getConsultHours(db, id, userId);
  if (!h || !mayManageHours(db, h, userId)) return notFound(c);
  const t = c.get('t').consults;
  const form = await readForm(c, confirmSchema(c.get('t')));
  if (!form.ok || !form.data.confirm) {
    if (h.status !== 'open') return errorPage(c, 409, t.mine.confirmTitle, t.mine.notCancellable);
    return page(
      c,
      t.mine.confirmTitle,
      <ConfirmCancelHoursPage
        t={c.get('t')}
        locale={c.get('locale')}
        h={h}
        booked={countBooked(db, id)}
        back={h.expertId === userId ? '/consults/mine' : `/consults/${id}`}
      />,
    );
  }
  const r = cancelConsultHours(db, id, userId, now(), c.get('config').baseUrl);
  if (!r.ok) return r.reason === 'not_found' ? notFound(c) : errorPage(c, 409, t.mine.confirmTitle, t.mine.notCancellable);
  return redirectWithFlash(c, h.expertId === userId ? '/consults/mine' : `/consults/${id}`, t.mine.cancelled(r.cancelled));
});
