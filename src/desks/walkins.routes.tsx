import { Hono } from 'hono';
import { requireUser } from '../auth/middleware';
import { parseId, readForm } from '../lib/forms';
import { notFound, page, redirectWithFlash, type Ctx } from '../lib/render';
import type { AppEnv } from '../types';
import { WalkInPage } from '../../views/pages/desks/walkins';
import { refusalText } from '../../views/pages/desks/space';
import { bookSpace, findPartnerPeople, registerVisitor } from './bookings';
import { getHostLocation, listSpacesOf } from './desks';
import { hostOrgIds, today } from './context';
import { visitorSchema, walkInSchema } from './schemas';

/**
 * /host/walk-ins: a host registers a guest who walks in today, from the guest list: an account
 * holder of a partner organisation (the booking is the guest's, made by the host), or a visitor
 * without an account, by name and organisation only (ADR 012).
 */
export const walkInRoutes = new Hono<AppEnv>();

walkInRoutes.use('*', requireUser);

function hostLocation(c: Ctx, rawId: string) {
  const id = parseId(rawId);
  return id ? getHostLocation(c.get('deps').db, id, hostOrgIds(c)) : undefined;
}

type VisitorFields = { name: string; organisation: string };

function walkInPage(
  c: Ctx,
  loc: { id: number; name: string },
  query: string,
  error: string | null,
  status: 200 | 422 = 200,
  visitor: VisitorFields = { name: '', organisation: '' },
) {
  const { db } = c.get('deps');
  const people = findPartnerPeople(db, hostOrgIds(c), query);
  const spaces = listSpacesOf(db, loc.id).filter((s) => s.active);
  return page(
    c,
    c.get('t').desks.walkIn.title(loc.name),
    <WalkInPage t={c.get('t')} location={loc} query={query} people={people} spaces={spaces} error={error} visitor={visitor} />,
    status,
  );
}

walkInRoutes.get('/:locationId', (c) => {
  const loc = hostLocation(c, c.req.param('locationId'));
  if (!loc) return notFound(c);
  return walkInPage(c, loc, (c.req.query('q') ?? '').slice(0, 120), null);
});

walkInRoutes.post('/:locationId', async (c) => {
  const loc = hostLocation(c, c.req.param('locationId'));
  if (!loc) return notFound(c);
  const t = c.get('t');
  const form = await readForm(c, walkInSchema(t));
  if (!form.ok) return walkInPage(c, loc, '', Object.values(form.errors)[0] ?? t.errors.formInvalid, 422);
  const { user, org, space, daypart } = form.data;
  // The space must be one of this location's: the booking itself checks the host, the guest's organisation and capacity.
  if (!listSpacesOf(c.get('deps').db, loc.id).some((s) => s.id === space)) return notFound(c);
  const r = bookSpace(
    c.get('deps').db,
    {
      spaceId: space,
      userId: user,
      bookedBy: c.get('user')!.id,
      walkIn: true,
      guestOrgId: org,
      date: today(c),
      dayparts: [daypart],
      note: null,
      baseUrl: c.get('config').baseUrl,
    },
    c.get('deps').now(),
  );
  if (!r.ok) return walkInPage(c, loc, '', refusalText(t, r.reason, r.horizonWeeks, r.closed), 422);
  return redirectWithFlash(c, `/host/guests?location=${loc.id}`, t.desks.walkIn.registered);
});

walkInRoutes.post('/:locationId/visitor', async (c) => {
  const loc = hostLocation(c, c.req.param('locationId'));
  if (!loc) return notFound(c);
  const t = c.get('t');
  const form = await readForm(c, visitorSchema(t));
  // What was typed stays in the form when something is refused.
  const typed = (v: unknown) => (typeof v === 'string' ? v.slice(0, 120) : '');
  const kept = { name: typed(form.values.name), organisation: typed(form.values.organisation) };
  if (!form.ok) return walkInPage(c, loc, '', Object.values(form.errors)[0] ?? t.errors.formInvalid, 422, kept);
  const { name, organisation, space, daypart } = form.data;
  if (!listSpacesOf(c.get('deps').db, loc.id).some((s) => s.id === space)) return notFound(c);
  const r = registerVisitor(
    c.get('deps').db,
    { spaceId: space, hostUserId: c.get('user')!.id, name, organisation, date: today(c), daypart },
    c.get('deps').now(),
  );
  if (!r.ok) return walkInPage(c, loc, '', refusalText(t, r.reason, 0, r.closed), 422, kept);
  return redirectWithFlash(c, `/host/guests?location=${loc.id}`, t.desks.walkIn.visitorRegistered(name));
});
