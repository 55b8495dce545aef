import { Hono } from 'hono';
import { requireUser } from '../auth/middleware';
import { parseId, readForm } from '../lib/forms';
import { notFound, page, redirectWithFlash, type Ctx } from '../lib/render';
import type { AppEnv } from '../types';
import { daypartEndedText, WalkInPage, type WalkInRefusal, walkInRefusalText } from '../../views/pages/desks/walkins';
import { refusalText } from '../../views/pages/desks/space';
import { bookSpace, findPartnerPeople, PARTNER_QUERY_MIN, registerVisitor } from './bookings';
import { getHostLocation, listSpacesOf } from './desks';
import { hostOrgIds, today } from './context';
import { visitorSchema, walkInSchema } from './schemas';
import { DAYPART_TIMES } from './rules';

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

function walkInPage(
  c: Ctx,
  loc: { id: number; name: string },
  query: string,
  refusal: WalkInRefusal | null = null,
  status: 200 | 422 = 200,
  people = findPartnerPeople(c.get('deps').db, hostOrgIds(c), query),
) {
  const { db } = c.get('deps');
  const spaces = listSpacesOf(db, loc.id).filter((s) => s.active);
  return page(
    c,
    c.get('t').desks.walkIn.title(loc.name),
    <WalkInPage t={c.get('t')} location={loc} query={query} minQuery={PARTNER_QUERY_MIN} people={people} spaces={spaces} refusal={refusal} />,
    status,
  );
}

/** A field of a posted form as text (at most `max` characters), or '' when it is missing or repeated. */
const posted = (v: unknown, max = 120) => (typeof v === 'string' ? v.slice(0, max) : '');

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
  // A refusal shows the same search again, with the reason in this person's form and their choice kept.
  const query = posted(form.values.q);
  const who = { userId: posted(form.values.user, 64), orgId: posted(form.values.org, 20) };
  const chosen = { space: posted(form.values.space, 20), daypart: posted(form.values.daypart, 20) };
  const refuse = (message: string, people?: ReturnType<typeof findPartnerPeople>) =>
    walkInPage(c, loc, query, { form: 'person', ...who, message, chosen }, 422, people);
  if (!form.ok) return refuse(Object.values(form.errors)[0] ?? t.errors.formInvalid);
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
  if (!r.ok) {
    // The same list the page draws again: read once, to name the person and to show it.
    const people = findPartnerPeople(c.get('deps').db, hostOrgIds(c), query);
    const person = people.find((p) => p.userId === user && p.orgId === org);
    const ended = r.reason === 'daypart_ended' ? { daypart, end: DAYPART_TIMES[daypart].end } : undefined;
    return refuse(walkInRefusalText(t, r.reason, person ?? null, r.closed, ended), people);
  }
  return redirectWithFlash(c, `/host/guests?location=${loc.id}`, t.desks.walkIn.registered);
});

walkInRoutes.post('/:locationId/visitor', async (c) => {
  const loc = hostLocation(c, c.req.param('locationId'));
  if (!loc) return notFound(c);
  const t = c.get('t');
  const form = await readForm(c, visitorSchema(t));
  // What was typed and chosen stays in the form when something is refused.
  const values = {
    name: posted(form.values.name),
    organisation: posted(form.values.organisation),
    space: posted(form.values.space, 20),
    daypart: posted(form.values.daypart, 20),
  };
  const refuse = (errors: Record<string, string>) => walkInPage(c, loc, '', { form: 'visitor', state: { values, errors } }, 422);
  if (!form.ok) return refuse(form.errors);
  const { name, organisation, space, daypart } = form.data;
  const chosenSpace = listSpacesOf(c.get('deps').db, loc.id).find((s) => s.id === space);
  if (!chosenSpace) return notFound(c);
  const r = registerVisitor(
    c.get('deps').db,
    { spaceId: space, hostUserId: c.get('user')!.id, name, organisation, date: today(c), daypart },
    c.get('deps').now(),
  );
  // A dagdeel that has ended is this form's choice of dagdeel: said at that field.
  if (!r.ok && r.reason === 'daypart_ended') return refuse({ daypart: daypartEndedText(t, { daypart, end: DAYPART_TIMES[daypart].end }) });
  if (!r.ok) return refuse({ _form: `${chosenSpace.name}, ${t.dayparts[daypart]}: ${refusalText(t, r.reason, 0, r.closed)}` });
  return redirectWithFlash(c, `/host/guests?location=${loc.id}`, t.desks.walkIn.visitorRegistered(name));
});
