import { Hono } from 'hono';
import { checkinQrSvg } from './qr';
import { requireUser } from '../auth/middleware';
import { orgsWithRole } from '../orgs/orgs';
import { confirmSchema, parseId, queryValues, readForm, validate, type FormValues } from '../lib/forms';
import { isHtmx } from '../lib/htmx';
import { localTimeOf } from '../lib/time';
import { forbidden, fragment, notFound, page, redirectWithFlash, type Ctx } from '../lib/render';
import { logRead } from '../privacy/context';
import type { AppEnv } from '../types';
import { CheckinPosterPage, GuestListPage, LocationPage, LocationsPage, NewLocationPage, RequestsPage, SpaceEditPage } from '../../views/pages/desks/host';
import type { Notice } from '../../views/partials/notice';
import { GuestRow, RequestRow } from '../../views/partials/desks/bookings';
import type { FormState } from '../../views/partials/form';
import { getGuest, getRequest, hostBookingAction, listGuests, listOpenRequests, type HostAction } from './bookings';
import { holidayEffect } from './closures';
import { needsConfirmation } from './reach';
import { ConfirmClosurePage, ConfirmHolidayChangePage, ConfirmRemoveClosurePage } from '../../views/pages/desks/closures';
import {
  addClosure,
  addSpace,
  closedDayCancellations,
  countClosureAffected,
  createLocation,
  deleteClosure,
  getHostClosure,
  getHostLocation,
  getHostSpace,
  closedRunsAhead,
  listClosures,
  listHostLocations,
  listPartnerOrgs,
  listShares,
  listSpacesOf,
  updateLocation,
  updateSpace,
  type Location,
  type LocationInput,
} from './desks';
import { maskToAmenities, maskToWeekdays, NO_SPACE, weekdaysToMask } from './rules';
import { closureSchema, guestListSchema, locationSchema, spaceSchema } from './schemas';
import { hostOrgIds, today } from './context';
import { formatHolidaySet, parseHolidaySet } from './holidays';

/**
 * /host: a host's locations, spaces, closures and guest list. Every query is scoped to the
 * organisations in which the person is a host; another organisation's ids are simply not found.
 */
export const hostRoutes = new Hono<AppEnv>();

hostRoutes.use('*', requireUser);

// ——— Locations, spaces, closures ———

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
    holidayMode: l.closedHolidays === null ? 'inherit' : 'own',
    closedHolidays: parseHolidaySet(l.closedHolidays) ?? [],
    requestDeadlineDays: String(l.requestDeadlineDays),
    requestDeadlineTime: l.requestDeadlineTime,
    guestShareMax: l.guestShareMax === null ? '' : String(l.guestShareMax),
    guestSharePer: l.guestSharePer,
    reservedForStaff: String(l.reservedForStaff),
    reservedUntilHours: String(l.reservedUntilHours),
  };
}

const NEW_LOCATION_DEFAULTS: FormValues = {
  openWeekdays: ['1', '2', '3', '4', '5'],
  sharing: 'all',
  horizonWeeks: '8',
  checkinDeadlineMorning: '10:00',
  checkinDeadlineAfternoon: '14:00',
  holidayMode: 'inherit',
  requestDeadlineDays: '1',
  requestDeadlineTime: '16:00',
  guestShareMax: '',
  guestSharePer: 'day',
  reservedForStaff: '0',
  reservedUntilHours: '24',
};

/** Reads and checks the location form; shared organisations must exist. */
async function readLocationForm(c: Ctx) {
  const form = await readForm(c, locationSchema(c.get('t')));
  if (!form.ok) return form;
  const known = new Set(listPartnerOrgs(c.get('deps').db).map((o) => o.id));
  if (form.data.sharedOrgIds.some((id) => !known.has(id)))
    return { ok: false as const, values: form.values, errors: { sharedOrgIds: c.get('t').errors.invalidChoice } };
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
    closedHolidays: d.holidayMode === 'own' ? formatHolidaySet(d.closedHolidays) : null,
    requestDeadlineDays: d.requestDeadlineDays,
    requestDeadlineTime: d.requestDeadlineTime,
    guestShareMax: d.guestShareMax,
    guestSharePer: d.guestSharePer,
    reservedForStaff: d.reservedForStaff,
    reservedUntilHours: d.reservedUntilHours,
    sharedOrgIds: d.sharing === 'list' ? d.sharedOrgIds : [],
  };
  return { ok: true as const, input, orgId: d.orgId, values: form.values, confirmed: d.confirm === 'yes' };
}

function locationPage(
  c: Ctx,
  loc: Location,
  states: { locationState?: FormState; spaceState?: FormState; closureState?: FormState } = {},
  status: 200 | 422 = 200,
) {
  const { db } = c.get('deps');
  return page(
    c,
    c.get('t').desks.host.editLocation(loc.name),
    <LocationPage
      t={c.get('t')}
      locale={c.get('locale')}
      location={loc}
      orgs={orgsWithRole(c.get('memberships'), 'host')}
      partners={listPartnerOrgs(db)}
      spaces={listSpacesOf(db, loc.id)}
      closures={listClosures(db, loc.id, today(c))}
      closedAhead={closedRunsAhead(db, { id: NO_SPACE, locationId: loc.id, openWeekdays: loc.openWeekdays, horizonWeeks: loc.horizonWeeks }, today(c))}
      locationState={states.locationState ?? { values: locationFormValues(loc, listShares(db, loc.id)) }}
      spaceState={states.spaceState ?? { values: { kind: 'flexplek', capacity: '4', active: 'on' } }}
      closureState={states.closureState ?? {}}
      today={today(c)}
    />,
    status,
  );
}

/** The location in the path, scoped to the host's organisations in the query; undefined → 404. */
function hostLocation(c: Ctx, rawId: string) {
  const id = parseId(rawId);
  return id ? getHostLocation(c.get('deps').db, id, hostOrgIds(c)) : undefined;
}

hostRoutes.get('/locations', (c) => {
  if (hostOrgIds(c).length === 0) return forbidden(c);
  return page(c, c.get('t').desks.host.locationsTitle, <LocationsPage t={c.get('t')} locations={listHostLocations(c.get('deps').db, hostOrgIds(c))} />);
});

hostRoutes.get('/locations/new', (c) => {
  const orgs = orgsWithRole(c.get('memberships'), 'host');
  if (orgs.length === 0) return forbidden(c);
  return page(
    c,
    c.get('t').desks.host.newLocation,
    <NewLocationPage t={c.get('t')} state={{ values: NEW_LOCATION_DEFAULTS }} orgs={orgs} partners={listPartnerOrgs(c.get('deps').db)} />,
  );
});

hostRoutes.post('/locations/new', async (c) => {
  const orgs = orgsWithRole(c.get('memberships'), 'host');
  if (orgs.length === 0) return forbidden(c);
  const t = c.get('t');
  const form = await readLocationForm(c);
  const again = (state: FormState) =>
    page(c, t.desks.host.newLocation, <NewLocationPage t={t} state={state} orgs={orgs} partners={listPartnerOrgs(c.get('deps').db)} />, 422);
  if (!form.ok) return again(form);
  const orgId = form.orgId ?? orgs[0]!.orgId;
  if (!orgs.some((o) => o.orgId === orgId)) return again({ values: form.values, errors: { orgId: t.errors.invalidChoice } });
  const id = createLocation(c.get('deps').db, orgId, form.input);
  return redirectWithFlash(c, `/host/locations/${id}`, t.desks.host.created(form.input.name));
});

hostRoutes.get('/locations/:id', (c) => {
  const loc = hostLocation(c, c.req.param('id'));
  if (!loc) return notFound(c);
  return locationPage(c, loc);
});

hostRoutes.get('/locations/:id/poster', (c) => {
  const loc = hostLocation(c, c.req.param('id'));
  if (!loc) return notFound(c);
  const url = `${c.get('config').baseUrl}/bookings/at/${loc.id}`;
  return page(
    c,
    c.get('t').desks.checkinHere.posterTitle(loc.name),
    <CheckinPosterPage t={c.get('t')} locationName={loc.name} url={url} qrSrc={`/host/locations/${loc.id}/poster.svg`} />,
  );
});

/** The poster's QR code as an image of its own (an <img>, so no markup from a library goes into the page). */
hostRoutes.get('/locations/:id/poster.svg', (c) => {
  const loc = hostLocation(c, c.req.param('id'));
  if (!loc) return notFound(c);
  return c.body(checkinQrSvg(`${c.get('config').baseUrl}/bookings/at/${loc.id}`), 200, { 'Content-Type': 'image/svg+xml; charset=utf-8' });
});

hostRoutes.post('/locations/:id', async (c) => {
  const loc = hostLocation(c, c.req.param('id'));
  if (!loc) return notFound(c);
  const form = await readLocationForm(c);
  if (!form.ok) return locationPage(c, loc, { locationState: form }, 422);
  const { db, now } = c.get('deps');
  const t = c.get('t');
  const back = `/host/locations/${loc.id}`;
  // Fewer opening days, or a holiday choice, that close booked days cancel those bookings (and consult
  // hours on the holidays): that takes a second, confirming click that says what and how many.
  if (!form.confirmed) {
    const effect = {
      ...holidayEffect(db, { locationId: loc.id }, form.input.closedHolidays, today(c), now()),
      bookings: closedDayCancellations(db, loc.id, form.input, today(c)),
    };
    if (needsConfirmation(effect))
      return page(
        c,
        t.closures.daysConfirmTitle,
        <ConfirmHolidayChangePage
          t={t}
          action={back}
          back={back}
          values={form.values}
          effect={effect}
          title={t.closures.daysConfirmTitle}
          text={t.closures.daysConfirmText}
        />,
      );
  }
  const r = updateLocation(db, loc.id, hostOrgIds(c), form.input, { today: today(c), now: now(), baseUrl: c.get('config').baseUrl });
  if (!r) return notFound(c);
  return redirectWithFlash(c, back, needsConfirmation(r) ? t.closures.daysSavedCancelled(r) : t.desks.host.saved);
});

hostRoutes.post('/locations/:id/spaces', async (c) => {
  const loc = hostLocation(c, c.req.param('id'));
  if (!loc) return notFound(c);
  const form = await readForm(c, spaceSchema(c.get('t')));
  if (!form.ok) return locationPage(c, loc, { spaceState: form }, 422);
  const id = addSpace(c.get('deps').db, loc.id, hostOrgIds(c), form.data);
  if (!id) return notFound(c);
  return redirectWithFlash(c, `/host/locations/${loc.id}#spaces`, c.get('t').desks.host.spaceAdded(form.data.name));
});

hostRoutes.post('/locations/:id/closures', async (c) => {
  const loc = hostLocation(c, c.req.param('id'));
  if (!loc) return notFound(c);
  const t = c.get('t');
  const form = await readForm(c, closureSchema(t, today(c)));
  if (!form.ok) return locationPage(c, loc, { closureState: form }, 422);
  const { confirm, ...input } = form.data;
  const { db, now } = c.get('deps');
  const badSpace = () => locationPage(c, loc, { closureState: { values: form.values, errors: { spaceId: t.errors.invalidChoice } } }, 422);
  // A closure that cancels bookings or consult hours (or leaves meetings standing) takes a second, confirming click, as an organisation's does.
  if (!confirm) {
    const n = countClosureAffected(db, loc.id, hostOrgIds(c), input, now());
    if (!n.ok) return n.reason === 'not_found' ? notFound(c) : badSpace();
    if (needsConfirmation(n.effect)) {
      const scope = n.spaceName ? t.closures.scopeSpace(n.spaceName, loc.name) : t.closures.scopeLocation(loc.name);
      const back = `/host/locations/${loc.id}`;
      return page(
        c,
        t.closures.confirmTitle,
        <ConfirmClosurePage
          t={t}
          locale={c.get('locale')}
          action={`${back}/closures`}
          back={`${back}#closures`}
          scope={scope}
          input={input}
          effect={n.effect}
        />,
      );
    }
  }
  const r = addClosure(db, loc.id, hostOrgIds(c), input, now(), c.get('config').baseUrl);
  if (!r.ok && r.reason === 'not_found') return notFound(c);
  if (!r.ok) return badSpace();
  return redirectWithFlash(c, `/host/locations/${loc.id}#closures`, t.desks.host.closureAdded(r));
});

/** Removing a closure of a location: the first POST shows what opens again, only `confirm=yes` removes (as for wide closures). */
hostRoutes.post('/closures/:id/delete', async (c) => {
  const id = parseId(c.req.param('id'));
  const { db } = c.get('deps');
  const t = c.get('t');
  const closure = id ? getHostClosure(db, id, hostOrgIds(c)) : undefined;
  if (!closure) return notFound(c);
  const form = await readForm(c, confirmSchema(t));
  if (!form.ok || !form.data.confirm) {
    const where = closure.spaceName ? t.closures.atSpace(closure.spaceName, closure.locationName) : t.closures.atLocation(closure.locationName);
    return page(
      c,
      t.closures.removeTitle,
      <ConfirmRemoveClosurePage
        t={t}
        locale={c.get('locale')}
        action={`/host/closures/${closure.id}/delete`}
        back={`/host/locations/${closure.locationId}#closures`}
        where={where}
        closure={closure}
      />,
    );
  }
  const locationId = deleteClosure(db, closure.id, hostOrgIds(c));
  if (!locationId) return notFound(c);
  return redirectWithFlash(c, `/host/locations/${locationId}#closures`, t.desks.host.closureDeleted);
});

function spaceFormValues(s: { name: string; kind: string; capacity: number; amenities: number; active: boolean }): FormValues {
  return { name: s.name, kind: s.kind, capacity: String(s.capacity), amenities: maskToAmenities(s.amenities), ...(s.active ? { active: 'on' } : {}) };
}

hostRoutes.get('/spaces/:id', (c) => {
  const id = parseId(c.req.param('id'));
  const found = id ? getHostSpace(c.get('deps').db, id, hostOrgIds(c)) : undefined;
  if (!found) return notFound(c);
  const s = found.space;
  return page(
    c,
    c.get('t').desks.host.editSpace(s.name),
    <SpaceEditPage
      t={c.get('t')}
      locale={c.get('locale')}
      spaceId={s.id}
      spaceName={s.name}
      locationId={s.locationId}
      locationName={found.locationName}
      state={{ values: spaceFormValues(s) }}
    />,
  );
});

hostRoutes.post('/spaces/:id', async (c) => {
  const id = parseId(c.req.param('id'));
  const { db } = c.get('deps');
  const found = id ? getHostSpace(db, id, hostOrgIds(c)) : undefined;
  if (!found) return notFound(c);
  const t = c.get('t');
  const s = found.space;
  const again = (state: FormState, status: 409 | 422, conflicts?: Parameters<typeof SpaceEditPage>[0]['conflicts']) =>
    page(
      c,
      t.desks.host.editSpace(s.name),
      <SpaceEditPage
        t={t}
        locale={c.get('locale')}
        spaceId={s.id}
        spaceName={s.name}
        locationId={s.locationId}
        locationName={found.locationName}
        state={state}
        conflicts={conflicts}
      />,
      status,
    );
  const form = await readForm(c, spaceSchema(t));
  if (!form.ok) return again(form, 422);
  const r = updateSpace(db, s.id, hostOrgIds(c), form.data, today(c));
  if (!r.ok && r.reason === 'not_found') return notFound(c);
  if (!r.ok && r.reason === 'capacity')
    return again({ values: form.values, errors: { _form: t.desks.host.capacityConflict, capacity: t.desks.host.capacityConflict } }, 409, r.conflicts);
  if (r.ok && r.kept) return redirectWithFlash(c, `/host/locations/${s.locationId}#spaces`, t.desks.host.savedInactiveKept(r.kept));
  return redirectWithFlash(c, `/host/locations/${s.locationId}#spaces`, t.desks.host.saved);
});

// ——— Guest list ———

hostRoutes.get('/guests', (c) => {
  const orgIds = hostOrgIds(c);
  if (orgIds.length === 0) return forbidden(c);
  const { db } = c.get('deps');
  const t = c.get('t');
  const now = today(c);
  const values = queryValues(c);
  const form = validate(guestListSchema(t, now), values, t);
  const locs = listHostLocations(db, orgIds);
  const date = form.ok ? form.data.date : now;
  const requested = form.ok ? form.data.location : null;
  const loc = requested ? locs.find((l) => l.id === requested) : locs[0];
  if (requested && !loc) return notFound(c);
  const guests = form.ok && loc ? listGuests(db, loc.id, orgIds, date) : [];
  if (form.ok && loc)
    logRead(c, {
      action: 'guest_list',
      orgId: loc.orgId,
      object: `location:${loc.id}:${date}`,
      subjectIds: guests.flatMap((g) => (g.userId ? [g.userId] : [])),
    });
  return page(
    c,
    t.desks.guests.title,
    <GuestListPage
      t={t}
      locale={c.get('locale')}
      locations={locs}
      locationId={loc?.id ?? null}
      locationName={loc?.name ?? null}
      date={date}
      guests={guests}
      today={now}
      time={localTimeOf(c.get('deps').now())}
      state={form.ok ? { values } : form}
    />,
    form.ok ? 200 : 422,
  );
});

hostRoutes.get('/requests', (c) => {
  const orgIds = hostOrgIds(c);
  if (orgIds.length === 0) return forbidden(c);
  const t = c.get('t');
  const requests = listOpenRequests(c.get('deps').db, orgIds, today(c));
  // Names and notes of the people asking, like a guest list: logged per organisation (ADR 014).
  for (const orgId of new Set(requests.map((r) => r.hostOrgId)))
    logRead(c, {
      action: 'guest_list',
      orgId,
      object: 'requests',
      subjectIds: requests.filter((r) => r.hostOrgId === orgId).flatMap((r) => (r.userId ? [r.userId] : [])),
    });
  return page(c, t.requests.title, <RequestsPage t={t} locale={c.get('locale')} requests={requests} today={today(c)} now={c.get('deps').now()} />);
});

hostRoutes.post('/bookings/:id/:action{arrived|no-show|approve|decline}', (c) => {
  const id = parseId(c.req.param('id'));
  if (!id) return notFound(c);
  const { db, now } = c.get('deps');
  const t = c.get('t');
  const orgIds = hostOrgIds(c);
  const r = hostBookingAction(db, id, orgIds, c.req.param('action') as HostAction, now());
  if (!r.ok && r.reason === 'not_found') return notFound(c);
  // From "Open verzoeken": back to that list, or its row in the new state.
  // The outcome names the guest, in the row (htmx) or on the list it returns to (without JavaScript).
  const said = (name: string | null) =>
    r.ok
      ? t.desks.guests.saved(name ?? t.desks.guests.nameRemoved)
      : `${name ?? t.desks.guests.nameRemoved}: ${
          r.reason === 'present'
            ? t.desks.guests.notNoShow
            : r.reason === 'released'
              ? t.desks.guests.released
              : r.reason === 'too_early'
                ? t.desks.guests.noShowTooEarly(r.deadline)
                : t.desks.guests.notAllowed
        }`;
  if (c.req.query('from') === 'requests') {
    const req = getRequest(db, id, orgIds);
    if (!isHtmx(c)) return redirectWithFlash(c, '/host/requests', said(req?.name ?? null));
    if (!req) return notFound(c);
    const notice: Notice = { kind: r.ok ? 'ok' : 'error', text: said(req.name) };
    return fragment(c, <RequestRow t={t} locale={c.get('locale')} r={req} today={today(c)} now={now()} notice={notice} />, r.ok ? 200 : 422);
  }
  const g = getGuest(db, id, orgIds);
  if (!isHtmx(c)) return redirectWithFlash(c, g ? `/host/guests?location=${g.locationId}&date=${g.date}` : '/host/guests', said(g?.name ?? null));
  if (!g) return notFound(c);
  // The row comes back with a message that takes focus, so keyboard users do not lose their place.
  const notice: Notice = { kind: r.ok ? 'ok' : 'error', text: said(g.name) };
  return fragment(c, <GuestRow t={t} locale={c.get('locale')} g={g} today={today(c)} time={localTimeOf(now())} notice={notice} />, r.ok ? 200 : 422);
});
