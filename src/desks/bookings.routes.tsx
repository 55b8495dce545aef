import { Hono } from 'hono';
import { requireUser } from '../auth/middleware';
import { parseId } from '../lib/forms';
import { isHtmx } from '../lib/htmx';
import { fragment, notFound, page, redirectWithFlash, type Ctx } from '../lib/render';
import type { AppEnv } from '../types';
import { CheckinHerePage, MyBookingsPage } from '../../views/pages/desks/bookings';
import { BookingItem } from '../../views/partials/desks/bookings';
import type { Notice } from '../../views/partials/notice';
import { bookedForColleague, cancelBooking, checkIn, getMyBooking, listBookedForColleagues, listMyBookings, listMyBookingsAt } from './bookings';
import { bookingIcs } from './ics';
import { today } from './context';
import { listMyConsults } from '../consults/consults';

/** /bookings: a worker's own desk bookings (cancel, check in, calendar file). */
export const bookingsRoutes = new Hono<AppEnv>();

bookingsRoutes.use('*', requireUser);

bookingsRoutes.get('/', (c) => {
  const now = today(c);
  const groups = listMyBookings(c.get('deps').db, c.get('user')!.id, now);
  const consults = listMyConsults(c.get('deps').db, c.get('user')!.id, c.get('deps').now());
  const forColleagues = listBookedForColleagues(c.get('deps').db, c.get('user')!.id, now);
  return page(
    c,
    c.get('t').desks.bookings.title,
    <MyBookingsPage t={c.get('t')} locale={c.get('locale')} {...groups} now={now} consults={consults} forColleagues={forColleagues} />,
  );
});

/**
 * The check-in link on a location's poster: after login, the person's own bookings there today,
 * each with its check-in button (POST /bookings/:id/checkin, which only takes their own booking).
 * Reading it changes nothing, and shows nothing of the location to someone without a booking.
 */
bookingsRoutes.get('/at/:locationId', (c) => {
  const locationId = parseId(c.req.param('locationId'));
  if (!locationId) return notFound(c);
  const now = today(c);
  const list = listMyBookingsAt(c.get('deps').db, c.get('user')!.id, locationId, now);
  return page(c, c.get('t').desks.checkinHere.title, <CheckinHerePage t={c.get('t')} locale={c.get('locale')} bookings={list} today={now} />);
});

/** After cancel or check-in: the item itself for htmx, POST → 303 → GET otherwise. */
function bookingOutcome(c: Ctx, bookingId: number, notice: Notice, status: 200 | 422) {
  if (!isHtmx(c)) return redirectWithFlash(c, '/bookings', notice.text);
  const b = getMyBooking(c.get('deps').db, bookingId, c.get('user')!.id);
  if (!b) return notFound(c);
  return fragment(c, <BookingItem t={c.get('t')} locale={c.get('locale')} b={b} today={today(c)} notice={notice} />, status);
}

bookingsRoutes.post('/:id/cancel', (c) => {
  const id = parseId(c.req.param('id'));
  if (!id) return notFound(c);
  const t = c.get('t').desks;
  const { db } = c.get('deps');
  // A booking made for a colleague: cancelled from "Voor collega's geboekt", answered there (no htmx).
  const forColleague = bookedForColleague(db, id, c.get('user')!.id);
  const r = cancelBooking(db, id, c.get('user')!.id, c.get('deps').now(), c.get('config').baseUrl);
  if (!r.ok && r.reason === 'not_found') return notFound(c);
  if (forColleague)
    return redirectWithFlash(c, '/bookings#bookings-for-colleagues', r.ok ? t.colleague.cancelledFor(forColleague.ownerName) : t.refusals.not_cancellable);
  return r.ok
    ? bookingOutcome(c, id, { kind: 'ok', text: t.bookings.cancelled }, 200)
    : bookingOutcome(c, id, { kind: 'error', text: t.refusals.not_cancellable }, 422);
});

bookingsRoutes.post('/:id/checkin', (c) => {
  const id = parseId(c.req.param('id'));
  if (!id) return notFound(c);
  const t = c.get('t').desks;
  const r = checkIn(c.get('deps').db, id, c.get('user')!.id, c.get('deps').now());
  if (!r.ok && r.reason === 'not_found') return notFound(c);
  return r.ok
    ? bookingOutcome(c, id, { kind: 'ok', text: t.bookings.checkedInFlash }, 200)
    : bookingOutcome(c, id, { kind: 'error', text: r.reason === 'released' ? t.refusals.released : t.refusals.not_checkinable }, 422);
});

bookingsRoutes.get('/:file{[0-9]+\\.ics}', (c) => {
  const id = parseId(c.req.param('file').replace(/\.ics$/, ''));
  const b = id ? getMyBooking(c.get('deps').db, id, c.get('user')!.id) : undefined;
  if (!b) return notFound(c);
  const ics = bookingIcs(c.get('t'), b, c.get('config').baseUrl);
  if (!ics) return notFound(c);
  return c.body(ics, 200, {
    'Content-Type': 'text/calendar; charset=utf-8',
    'Content-Disposition': `attachment; filename="gastplek-${b.id}.ics"`,
  });
});
