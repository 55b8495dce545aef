import { Hono } from 'hono';
import type { Daypart } from '../../db/schema';
import { requireUser } from '../auth/middleware';
import { orgsWithRole, orgIdsWithRole } from '../orgs/orgs';
import { parseId, readForm, validate, type FormValues } from '../lib/forms';
import { htmx, isHtmx } from '../lib/htmx';
import { forbidden, fragment, notFound, page, pageOrFragment, redirectWithFlash, requestUrl, type Ctx } from '../lib/render';
import { addDays, isValidLocalDate, localToday } from '../lib/time';
import { requestedPage, type Paging } from '../lib/paging';
import type { AppEnv } from '../types';
import { formatLocalDate } from '../../views/i18n/format';
import { SearchPage } from '../../views/pages/desks/search';
import { SearchResults } from '../../views/partials/desks/results';
import { SpacePage, SeriesResultPage, refusalText } from '../../views/pages/desks/space';
import { MyBookingsPage } from '../../views/pages/desks/bookings';
import { GuestListPage, LocationPage, LocationsPage, NewLocationPage, SpaceEditPage } from '../../views/pages/desks/host';
import { CardAlert, SlotAlert, SlotCell, SpaceCard, type CellProps, type Notice } from '../../views/partials/desks/cards';
import { BookingItem, GuestRow } from '../../views/partials/desks/bookings';
import type { FormState } from '../../views/partials/form';
import {
  bookSeries,
  bookSpace,
  canSeeInstructions,
  cancelBooking,
  checkIn,
  getGuest,
  getMyBooking,
  hostBookingAction,
  listGuests,
  listMyBookings,
  myActiveOn,
  type HostAction,
} from './bookings';
import {
  addClosure,
  addSpace,
  createLocation,
  deleteClosure,
  getHostLocation,
  getHostSpace,
  getVisibleSpace,
  listClosures,
  listHostLocations,
  listPartnerOrgs,
  listShares,
  listSpacesOf,
  searchOptions,
  searchSpaces,
  SEARCH_PAGE_SIZE,
  type SpaceResult,
  takenBetween,
  updateLocation,
  updateSpace,
  type Location,
  type LocationInput,
  type VisibleSpace,
} from './desks';
import { closedDatesFor, dayRefusal, maskToAmenities, maskToWeekdays, mondayOf, weekdaysToMask, type SpaceForRules } from './rules';
import { bookSchema, closureSchema, guestListSchema, locationSchema, searchSchema, seriesSchema, spaceSchema } from './schemas';
import { bookingIcs } from './ics';

export const desksRoutes = new Hono<AppEnv>();

for (const path of ['/desks', '/desks/*', '/bookings', '/bookings/*', '/host/*']) desksRoutes.use(path, requireUser);

// ——— Small helpers ———

const today = (c: Ctx) => localToday(c.var.deps.now());
const userOrgIds = (c: Ctx) => c.var.memberships.map((m) => m.orgId);
const hostOrgIds = (c: Ctx) => orgIdsWithRole(c.var.memberships, 'host');

/** The organisation a worker books on behalf of: the one asked for if it is theirs, else their first. */
function guestOrgFor(c: Ctx, requested: number | null | undefined): number | null {
  const ms = c.var.memberships;
  if (requested && ms.some((m) => m.orgId === requested)) return requested;
  return ms[0]?.orgId ?? null;
}

/** Query parameters as form values: repeated keys become arrays. */
function queryValues(c: Ctx): FormValues {
  const values: FormValues = {};
  for (const [k, v] of Object.entries(c.req.queries())) values[k] = v.length === 1 ? v[0]! : v;
  return values;
}

function rulesOf(s: VisibleSpace): SpaceForRules {
  const l = s.location;
  return {
    id: s.id,
    orgId: l.orgId,
    locationId: l.id,
    active: s.active,
    capacity: s.capacity,
    archivedAt: l.archivedAt,
    sharing: l.sharing,
    openWeekdays: l.openWeekdays,
    horizonWeeks: l.horizonWeeks,
    approvalRequired: l.approvalRequired,
  };
}

// ——— Search ———

desksRoutes.get('/desks', (c) => {
  const { db } = c.var.deps;
  const t = c.var.t;
  const now = today(c);
  const values = queryValues(c);
  const form = validate(searchSchema(t, now), values, t);
  const date = form.ok ? form.data.date : typeof values.date === 'string' && isValidLocalDate(values.date) ? values.date : now;
  const daypart = form.ok ? form.data.daypart : 'morning';
  const errors = form.ok ? {} : { ...form.errors };
  if (form.ok && date < now) errors.date = t.desks.refusals.past;
  const state: FormState = { values: { date, daypart, ...values }, errors: Object.keys(errors).length ? errors : undefined };
  const asOrg = guestOrgFor(c, form.ok ? form.data.as : null);
  const valid = form.ok && !state.errors;
  let results: SpaceResult[] | null = null;
  let pages: Paging | null = null;
  if (valid && asOrg !== null) {
    const params = { date, town: form.data.town, amenities: form.data.amenities, hostOrgId: form.data.org };
    const viewer = { userId: c.var.user!.id, userOrgIds: userOrgIds(c), guestOrgId: asOrg };
    const found = searchSpaces(db, params, viewer, now, { requested: requestedPage(c.req.query('page')), size: SEARCH_PAGE_SIZE });
    results = found.rows;
    pages = found.paging;
  }
  const mine = new Map<number, Daypart[]>();
  if (results) for (const b of myActiveOn(db, c.var.user!.id, date, date)) mine.set(b.spaceId, [...(mine.get(b.spaceId) ?? []), b.daypart]);
  const resultsProps = {
    t,
    locale: c.var.locale,
    results,
    date,
    daypart,
    mine,
    asOrg: c.var.memberships.length > 1 ? asOrg : null,
    message: valid ? null : (errors.date ?? t.errors.formInvalid),
    paging: pages,
    url: requestUrl(c),
    trigger: htmx(c).trigger,
  };
  // The filter lists are only needed for a full page, not for the htmx results fragment.
  const { towns, orgs } = isHtmx(c) || asOrg === null ? { towns: [], orgs: [] } : searchOptions(db, asOrg);
  return pageOrFragment(
    c,
    t.desks.search.title,
    <SearchPage t={t} state={state} towns={towns} orgs={orgs} myOrgs={c.var.memberships} results={resultsProps} />,
    <SearchResults {...resultsProps} />,
    valid ? 200 : 422,
  );
});

// ——— Week view of a space ———

/** The week-view cells of [from, to] for a space, as the viewer sees them. */
function buildCells(c: Ctx, space: VisibleSpace, asOrg: number | null, from: string, to: string) {
  const { db } = c.var.deps;
  const t = c.var.t;
  const now = today(c);
  const taken = takenBetween(db, space.id, from, to);
  const mine = new Set(
    myActiveOn(db, c.var.user!.id, from, to)
      .filter((b) => b.spaceId === space.id)
      .map((b) => `${b.date}:${b.daypart}`),
  );
  const closed = closedDatesFor(db, { id: space.id, locationId: space.location.id }, from, to);
  const rules = rulesOf(space);
  const canBook = asOrg !== null && !userOrgIds(c).includes(space.location.orgId) && space.active && !space.location.archivedAt;
  return (date: string, daypart: Daypart, notice?: Notice | null): CellProps => {
    const refusal = dayRefusal(rules, date, now, closed);
    return {
      t,
      locale: c.var.locale,
      spaceId: space.id,
      date,
      daypart,
      capacity: space.capacity,
      taken: taken.get(`${date}:${daypart}`) ?? 0,
      mine: mine.has(`${date}:${daypart}`),
      unavailable: refusal === null ? null : refusal === 'closed' || refusal === 'closed_weekday' ? t.desks.space.closedDay : t.desks.space.unavailable,
      canBook,
      asOrg: c.var.memberships.length > 1 ? asOrg : null,
      notice,
    };
  };
}

function spacePage(c: Ctx, space: VisibleSpace, asOrg: number | null, week: string | undefined, extra: { seriesState?: FormState; notice?: Notice | null } = {}, status: 200 | 409 | 422 = 200) {
  const { db } = c.var.deps;
  const now = today(c);
  const thisWeek = mondayOf(now);
  const weekStart = week && isValidLocalDate(week) ? mondayOf(week) : thisWeek;
  const weekEnd = addDays(weekStart, 6);
  const cell = buildCells(c, space, asOrg, weekStart, weekEnd);
  const days = [0, 1, 2, 3, 4, 5, 6].map((i) => {
    const date = addDays(weekStart, i);
    return { date, morning: cell(date, 'morning'), afternoon: cell(date, 'afternoon') };
  });
  const canBook = asOrg !== null && !userOrgIds(c).includes(space.location.orgId);
  return page(
    c,
    c.var.t.desks.space.title(space.name, space.location.name),
    <SpacePage
      t={c.var.t}
      locale={c.var.locale}
      space={space}
      weekStart={weekStart}
      prevWeek={weekStart > thisWeek ? addDays(weekStart, -7) : null}
      nextWeek={addDays(weekStart, 7)}
      days={days}
      showInstructions={canSeeInstructions(db, c.var.user!.id, { id: space.location.id, orgId: space.location.orgId }, hostOrgIds(c), now)}
      canBook={canBook}
      asOrg={c.var.memberships.length > 1 ? asOrg : null}
      seriesState={extra.seriesState ?? { values: { weekday: '2', daypart: 'morning', weeks: '6', startDate: now } }}
      notice={extra.notice}
    />,
    status,
  );
}

/** The space in the path as this worker may see it; undefined → 404 (also for spaces not shared with them). */
function visibleSpace(c: Ctx, asOrg: number | null) {
  const spaceId = parseId(c.req.param('spaceId'));
  if (!spaceId) return undefined;
  return getVisibleSpace(c.var.deps.db, spaceId, userOrgIds(c), asOrg);
}

desksRoutes.get('/desks/spaces/:spaceId', (c) => {
  const asOrg = guestOrgFor(c, parseId(c.req.query('as')));
  const space = visibleSpace(c, asOrg);
  if (!space) return notFound(c);
  return spacePage(c, space, asOrg, c.req.query('week'));
});

desksRoutes.post('/desks/spaces/:spaceId/book', async (c) => {
  const { db, now } = c.var.deps;
  const t = c.var.t;
  const form = await readForm(c, bookSchema(t));
  const asOrg = guestOrgFor(c, form.ok ? form.data.as : parseId(typeof form.values.as === 'string' ? form.values.as : undefined));
  const space = visibleSpace(c, asOrg);
  if (!space) return notFound(c);
  if (!form.ok) {
    const message = Object.values(form.errors)[0] ?? t.errors.formInvalid;
    if (isHtmx(c)) return fragment(c, form.values.fragment === 'cell' ? <SlotAlert message={message} /> : <CardAlert message={message} />, 422);
    return spacePage(c, space, asOrg, undefined, { notice: { kind: 'error', text: message } }, 422);
  }
  const { date, daypart, note, fragment: shape } = form.data;
  const dayparts: Daypart[] = daypart === 'whole' ? ['morning', 'afternoon'] : [daypart];
  const result = bookSpace(db, { spaceId: space.id, userId: c.var.user!.id, guestOrgId: asOrg, date, dayparts, note, baseUrl: c.var.config.baseUrl }, now());
  const when = formatLocalDate(c.var.locale, date, true);
  const notice: Notice = result.ok
    ? { kind: 'ok', text: (result.status === 'pending' ? t.desks.bookings.requested : t.desks.bookings.booked)(space.name, when, t.dayparts[daypart]) }
    : { kind: 'error', text: refusalText(t, result.reason, result.horizonWeeks) };
  const status = result.ok ? 200 : 422;
  if (!isHtmx(c)) {
    if (result.ok) return redirectWithFlash(c, '/bookings', notice.text);
    return spacePage(c, space, asOrg, date, { notice }, 422);
  }
  if (shape === 'cell' && daypart !== 'whole') return fragment(c, <SlotCell {...buildCells(c, space, asOrg, date, date)(date, daypart, notice)} />, status);
  const row = searchSpaces(db, { date, town: null, amenities: [], hostOrgId: null, spaceId: space.id }, { userId: c.var.user!.id, userOrgIds: userOrgIds(c), guestOrgId: asOrg ?? 0 }, today(c)).rows[0];
  if (!row) return fragment(c, <CardAlert title={space.name} message={notice.text} />, status);
  const mine = myActiveOn(db, c.var.user!.id, date, date)
    .filter((b) => b.spaceId === space.id)
    .map((b) => b.daypart);
  return fragment(c, <SpaceCard t={t} locale={c.var.locale} row={row} date={date} daypart={daypart} mine={mine} asOrg={c.var.memberships.length > 1 ? asOrg : null} notice={notice} />, status);
});

desksRoutes.post('/desks/spaces/:spaceId/book-series', async (c) => {
  const { db, now } = c.var.deps;
  const t = c.var.t;
  const form = await readForm(c, seriesSchema(t));
  const asOrg = guestOrgFor(c, form.ok ? form.data.as : null);
  const space = visibleSpace(c, asOrg);
  if (!space) return notFound(c);
  if (!form.ok) return spacePage(c, space, asOrg, undefined, { seriesState: form }, 422);
  const result = bookSeries(db, { spaceId: space.id, userId: c.var.user!.id, guestOrgId: asOrg, ...form.data, baseUrl: c.var.config.baseUrl }, now());
  // The result lists the skipped dates with reasons; it is shown directly rather than after a redirect.
  return page(c, t.desks.series.title, <SeriesResultPage t={t} locale={c.var.locale} spaceId={space.id} result={result} />);
});

// ——— My bookings ———

desksRoutes.get('/bookings', (c) => {
  const now = today(c);
  const { upcoming, past } = listMyBookings(c.var.deps.db, c.var.user!.id, now);
  return page(c, c.var.t.desks.bookings.title, <MyBookingsPage t={c.var.t} locale={c.var.locale} upcoming={upcoming} past={past} today={now} />);
});

/** After cancel or check-in: the item itself for htmx, POST → 303 → GET otherwise. */
function bookingOutcome(c: Ctx, bookingId: number, notice: Notice, status: 200 | 422) {
  if (!isHtmx(c)) return redirectWithFlash(c, '/bookings', notice.text);
  const b = getMyBooking(c.var.deps.db, bookingId, c.var.user!.id);
  if (!b) return notFound(c);
  return fragment(c, <BookingItem t={c.var.t} locale={c.var.locale} b={b} today={today(c)} notice={notice} />, status);
}

desksRoutes.post('/bookings/:id/cancel', (c) => {
  const id = parseId(c.req.param('id'));
  if (!id) return notFound(c);
  const t = c.var.t.desks;
  const r = cancelBooking(c.var.deps.db, id, c.var.user!.id, c.var.deps.now(), c.var.config.baseUrl);
  if (!r.ok && r.reason === 'not_found') return notFound(c);
  return r.ok ? bookingOutcome(c, id, { kind: 'ok', text: t.bookings.cancelled }, 200) : bookingOutcome(c, id, { kind: 'error', text: t.refusals.not_cancellable }, 422);
});

desksRoutes.post('/bookings/:id/checkin', (c) => {
  const id = parseId(c.req.param('id'));
  if (!id) return notFound(c);
  const t = c.var.t.desks;
  const r = checkIn(c.var.deps.db, id, c.var.user!.id, c.var.deps.now());
  if (!r.ok && r.reason === 'not_found') return notFound(c);
  return r.ok ? bookingOutcome(c, id, { kind: 'ok', text: t.bookings.checkedInFlash }, 200) : bookingOutcome(c, id, { kind: 'error', text: t.refusals.not_checkinable }, 422);
});

desksRoutes.get('/bookings/:file{[0-9]+\\.ics}', (c) => {
  const id = parseId(c.req.param('file').replace(/\.ics$/, ''));
  const b = id ? getMyBooking(c.var.deps.db, id, c.var.user!.id) : undefined;
  if (!b) return notFound(c);
  const ics = bookingIcs(c.var.t, b, c.var.config.baseUrl);
  if (!ics) return notFound(c);
  return c.body(ics, 200, {
    'Content-Type': 'text/calendar; charset=utf-8',
    'Content-Disposition': `attachment; filename="gastplek-${b.id}.ics"`,
  });
});

// ——— Host: locations, spaces, closures ———

function locationFormValues(l: Location, shares: number[]): FormValues {
  return {
    name: l.name,
    street: l.street,
    postcode: l.postcode,
    town: l.town,
    accessibility: l.accessibility ?? '',
    openWeekdays: maskToWeekdays(l.openWeekdays).map(String),
    guestInstructions: l.guestInstructions ?? '',
    houseRules: l.houseRules ?? '',
    contactPerson: l.contactPerson ?? '',
    sharing: l.sharing,
    sharedOrgIds: shares.map(String),
    ...(l.approvalRequired ? { approvalRequired: 'on' } : {}),
    horizonWeeks: String(l.horizonWeeks),
    checkinDeadlineMorning: l.checkinDeadlineMorning,
    checkinDeadlineAfternoon: l.checkinDeadlineAfternoon,
  };
}

const NEW_LOCATION_DEFAULTS: FormValues = {
  openWeekdays: ['1', '2', '3', '4', '5'],
  sharing: 'all',
  horizonWeeks: '8',
  checkinDeadlineMorning: '10:00',
  checkinDeadlineAfternoon: '14:00',
};

/** Reads and checks the location form; shared organisations must exist. */
async function readLocationForm(c: Ctx) {
  const form = await readForm(c, locationSchema(c.var.t));
  if (!form.ok) return form;
  const known = new Set(listPartnerOrgs(c.var.deps.db).map((o) => o.id));
  if (form.data.sharedOrgIds.some((id) => !known.has(id))) return { ok: false as const, values: form.values, errors: { sharedOrgIds: c.var.t.errors.invalidChoice } };
  const d = form.data;
  const input: LocationInput = {
    name: d.name,
    street: d.street,
    postcode: d.postcode,
    town: d.town,
    accessibility: d.accessibility,
    openWeekdays: weekdaysToMask(d.openWeekdays),
    guestInstructions: d.guestInstructions,
    houseRules: d.houseRules,
    contactPerson: d.contactPerson,
    sharing: d.sharing,
    approvalRequired: d.approvalRequired,
    horizonWeeks: d.horizonWeeks,
    checkinDeadlineMorning: d.checkinDeadlineMorning,
    checkinDeadlineAfternoon: d.checkinDeadlineAfternoon,
    sharedOrgIds: d.sharing === 'list' ? d.sharedOrgIds : [],
  };
  return { ok: true as const, input, orgId: d.orgId, values: form.values };
}

function locationPage(c: Ctx, loc: Location, states: { locationState?: FormState; spaceState?: FormState; closureState?: FormState } = {}, status: 200 | 422 = 200) {
  const { db } = c.var.deps;
  return page(
    c,
    c.var.t.desks.host.editLocation(loc.name),
    <LocationPage
      t={c.var.t}
      locale={c.var.locale}
      location={loc}
      orgs={orgsWithRole(c.var.memberships, 'host')}
      partners={listPartnerOrgs(db)}
      spaces={listSpacesOf(db, loc.id)}
      closures={listClosures(db, loc.id, today(c))}
      locationState={states.locationState ?? { values: locationFormValues(loc, listShares(db, loc.id)) }}
      spaceState={states.spaceState ?? { values: { kind: 'flexplek', capacity: '4', active: 'on' } }}
      closureState={states.closureState ?? {}}
    />,
    status,
  );
}

/** The location in the path, scoped to the host's organisations in the query; undefined → 404. */
function hostLocation(c: Ctx) {
  const id = parseId(c.req.param('id'));
  return id ? getHostLocation(c.var.deps.db, id, hostOrgIds(c)) : undefined;
}

desksRoutes.get('/host/locations', (c) => {
  if (hostOrgIds(c).length === 0) return forbidden(c);
  return page(c, c.var.t.desks.host.locationsTitle, <LocationsPage t={c.var.t} locations={listHostLocations(c.var.deps.db, hostOrgIds(c))} />);
});

desksRoutes.get('/host/locations/new', (c) => {
  const orgs = orgsWithRole(c.var.memberships, 'host');
  if (orgs.length === 0) return forbidden(c);
  return page(c, c.var.t.desks.host.newLocation, <NewLocationPage t={c.var.t} state={{ values: NEW_LOCATION_DEFAULTS }} orgs={orgs} partners={listPartnerOrgs(c.var.deps.db)} />);
});

desksRoutes.post('/host/locations/new', async (c) => {
  const orgs = orgsWithRole(c.var.memberships, 'host');
  if (orgs.length === 0) return forbidden(c);
  const t = c.var.t;
  const form = await readLocationForm(c);
  const again = (state: FormState) => page(c, t.desks.host.newLocation, <NewLocationPage t={t} state={state} orgs={orgs} partners={listPartnerOrgs(c.var.deps.db)} />, 422);
  if (!form.ok) return again(form);
  const orgId = form.orgId ?? orgs[0]!.orgId;
  if (!orgs.some((o) => o.orgId === orgId)) return again({ values: form.values, errors: { orgId: t.errors.invalidChoice } });
  const id = createLocation(c.var.deps.db, orgId, form.input);
  return redirectWithFlash(c, `/host/locations/${id}`, t.desks.host.created(form.input.name));
});

desksRoutes.get('/host/locations/:id', (c) => {
  const loc = hostLocation(c);
  if (!loc) return notFound(c);
  return locationPage(c, loc);
});

desksRoutes.post('/host/locations/:id', async (c) => {
  const loc = hostLocation(c);
  if (!loc) return notFound(c);
  const form = await readLocationForm(c);
  if (!form.ok) return locationPage(c, loc, { locationState: form }, 422);
  if (!updateLocation(c.var.deps.db, loc.id, hostOrgIds(c), form.input)) return notFound(c);
  return redirectWithFlash(c, `/host/locations/${loc.id}`, c.var.t.desks.host.saved);
});

desksRoutes.post('/host/locations/:id/spaces', async (c) => {
  const loc = hostLocation(c);
  if (!loc) return notFound(c);
  const form = await readForm(c, spaceSchema(c.var.t));
  if (!form.ok) return locationPage(c, loc, { spaceState: form }, 422);
  const id = addSpace(c.var.deps.db, loc.id, hostOrgIds(c), form.data);
  if (!id) return notFound(c);
  return redirectWithFlash(c, `/host/locations/${loc.id}#spaces`, c.var.t.desks.host.spaceAdded(form.data.name));
});

desksRoutes.post('/host/locations/:id/closures', async (c) => {
  const loc = hostLocation(c);
  if (!loc) return notFound(c);
  const t = c.var.t;
  const form = await readForm(c, closureSchema(t));
  if (!form.ok) return locationPage(c, loc, { closureState: form }, 422);
  const r = addClosure(c.var.deps.db, loc.id, hostOrgIds(c), form.data, c.var.deps.now());
  if (!r.ok && r.reason === 'not_found') return notFound(c);
  if (!r.ok) return locationPage(c, loc, { closureState: { values: form.values, errors: { spaceId: t.errors.invalidChoice } } }, 422);
  return redirectWithFlash(c, `/host/locations/${loc.id}#closures`, t.desks.host.closureAdded(r.cancelled));
});

desksRoutes.post('/host/closures/:id/delete', (c) => {
  const id = parseId(c.req.param('id'));
  const locationId = id ? deleteClosure(c.var.deps.db, id, hostOrgIds(c)) : null;
  if (!locationId) return notFound(c);
  return redirectWithFlash(c, `/host/locations/${locationId}#closures`, c.var.t.desks.host.closureDeleted);
});

function spaceFormValues(s: { name: string; kind: string; capacity: number; amenities: number; active: boolean }): FormValues {
  return { name: s.name, kind: s.kind, capacity: String(s.capacity), amenities: maskToAmenities(s.amenities), ...(s.active ? { active: 'on' } : {}) };
}

desksRoutes.get('/host/spaces/:id', (c) => {
  const id = parseId(c.req.param('id'));
  const found = id ? getHostSpace(c.var.deps.db, id, hostOrgIds(c)) : undefined;
  if (!found) return notFound(c);
  const s = found.space;
  return page(
    c,
    c.var.t.desks.host.editSpace(s.name),
    <SpaceEditPage t={c.var.t} locale={c.var.locale} spaceId={s.id} spaceName={s.name} locationId={s.locationId} locationName={found.locationName} state={{ values: spaceFormValues(s) }} />,
  );
});

desksRoutes.post('/host/spaces/:id', async (c) => {
  const id = parseId(c.req.param('id'));
  const { db } = c.var.deps;
  const found = id ? getHostSpace(db, id, hostOrgIds(c)) : undefined;
  if (!found) return notFound(c);
  const t = c.var.t;
  const s = found.space;
  const again = (state: FormState, status: 409 | 422, conflicts?: Parameters<typeof SpaceEditPage>[0]['conflicts']) =>
    page(
      c,
      t.desks.host.editSpace(s.name),
      <SpaceEditPage t={t} locale={c.var.locale} spaceId={s.id} spaceName={s.name} locationId={s.locationId} locationName={found.locationName} state={state} conflicts={conflicts} />,
      status,
    );
  const form = await readForm(c, spaceSchema(t));
  if (!form.ok) return again(form, 422);
  const r = updateSpace(db, s.id, hostOrgIds(c), form.data, today(c));
  if (!r.ok && r.reason === 'not_found') return notFound(c);
  if (!r.ok && r.reason === 'capacity')
    return again({ values: form.values, errors: { _form: t.desks.host.capacityConflict, capacity: t.desks.host.capacityConflict } }, 409, r.conflicts);
  return redirectWithFlash(c, `/host/locations/${s.locationId}#spaces`, t.desks.host.saved);
});

// ——— Host: guest list ———

desksRoutes.get('/host/guests', (c) => {
  const orgIds = hostOrgIds(c);
  if (orgIds.length === 0) return forbidden(c);
  const { db } = c.var.deps;
  const t = c.var.t;
  const now = today(c);
  const values = queryValues(c);
  const form = validate(guestListSchema(t, now), values, t);
  const locs = listHostLocations(db, orgIds);
  const date = form.ok ? form.data.date : now;
  const requested = form.ok ? form.data.location : null;
  const loc = requested ? locs.find((l) => l.id === requested) : locs[0];
  if (requested && !loc) return notFound(c);
  const guests = form.ok && loc ? listGuests(db, loc.id, orgIds, date) : [];
  return page(
    c,
    t.desks.guests.title,
    <GuestListPage
      t={t}
      locale={c.var.locale}
      locations={locs}
      locationId={loc?.id ?? null}
      locationName={loc?.name ?? null}
      date={date}
      guests={guests}
      today={now}
      state={form.ok ? { values } : form}
    />,
    form.ok ? 200 : 422,
  );
});

desksRoutes.post('/host/bookings/:id/:action{arrived|no-show|approve|decline}', (c) => {
  const id = parseId(c.req.param('id'));
  if (!id) return notFound(c);
  const { db, now } = c.var.deps;
  const t = c.var.t;
  const orgIds = hostOrgIds(c);
  const r = hostBookingAction(db, id, orgIds, c.req.param('action') as HostAction, now());
  if (!r.ok && r.reason === 'not_found') return notFound(c);
  if (!isHtmx(c)) {
    const g = getGuest(db, id, orgIds);
    const back = g ? `/host/guests?location=${g.locationId}&date=${g.date}` : '/host/guests';
    return r.ok ? c.redirect(back, 303) : redirectWithFlash(c, back, t.desks.guests.notAllowed);
  }
  const g = getGuest(db, id, orgIds);
  if (!g) return notFound(c);
  // The row comes back with a message that takes focus, so keyboard users do not lose their place.
  const notice: Notice = r.ok ? { kind: 'ok', text: t.desks.guests.saved(g.name) } : { kind: 'error', text: t.desks.guests.notAllowed };
  return fragment(c, <GuestRow t={t} locale={c.var.locale} g={g} today={today(c)} notice={notice} />, r.ok ? 200 : 422);
});
