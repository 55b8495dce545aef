import { Hono } from 'hono';
import { z } from 'zod';
import { requireNetworkAdmin, requireUser } from '../auth/middleware';
import { parseId, queryValues, readForm, validate } from '../lib/forms';
import { errorPage, notFound, page, redirectWithFlash, type Ctx } from '../lib/render';
import { addDays, isValidLocalDate, localToday } from '../lib/time';
import type { AppEnv } from '../types';
import type { FormState } from '../../views/partials/form';
import { ProfilePage, TagsPage, WherePage, WhoIsHerePage } from '../../views/pages/people';
import {
  addTag,
  getLocationForPresence,
  getProfile,
  isStaffPresent,
  listTags,
  saveProfile,
  setStaffPresence,
  setTagActive,
  whereIsExpertise,
  whoIsHere,
} from './people';
import { profileSchema, tagSchema, whereSchema } from './schemas';

/**
 * /people: meeting each other (issue #15, ADR 016). The profile for colleagues (opt-in), who is
 * at a location on a day (only for those booked there that day and the host's own staff), where
 * someone with an expertise is (counts only). /people/tags: the network's list (network admins).
 */
export const peopleRoutes = new Hono<AppEnv>();
peopleRoutes.use('*', requireUser);

export const tagsRoutes = new Hono<AppEnv>();
tagsRoutes.use('*', requireNetworkAdmin);

// ——— My profile ———

function profilePage(c: Ctx, state: FormState, status: 200 | 422 = 200) {
  const tags = listTags(c.get('deps').db);
  return page(c, c.get('t').people.profile.title, <ProfilePage t={c.get('t')} state={state} tags={tags} />, status);
}

peopleRoutes.get('/profile', (c) => {
  const p = getProfile(c.get('deps').db, c.get('user')!.id);
  const values: Record<string, string | string[]> = {
    discipline: p.discipline ?? '',
    about: p.about ?? '',
    tags: p.tagIds.map(String),
  };
  if (p.visible) values.visible = 'on';
  if (p.showPresence) values.showPresence = 'on';
  return profilePage(c, { values });
});

peopleRoutes.post('/profile', async (c) => {
  const t = c.get('t');
  const form = await readForm(c, profileSchema(t));
  if (!form.ok) return profilePage(c, { errors: form.errors, values: form.values }, 422);
  const { visible, showPresence, discipline, about, tags } = form.data;
  const r = saveProfile(c.get('deps').db, c.get('user')!.id, { visible, showPresence, discipline, about, tagIds: tags }, c.get('deps').now());
  if (!r.ok) return profilePage(c, { errors: { tags: t.people.profile.badTag }, values: form.values }, 422);
  return redirectWithFlash(c, '/people/profile', t.people.profile.saved);
});

// ——— Who is here ———

/** The location and date of a who-is-here URL, or null (→ 404) for anything malformed or archived. */
function placeAndDay(c: Ctx) {
  const locationId = parseId(c.req.param('locationId'));
  const date = c.req.param('date') ?? '';
  if (!locationId || !isValidLocalDate(date)) return null;
  const location = getLocationForPresence(c.get('deps').db, locationId);
  return location ? { location, date } : null;
}

peopleRoutes.get('/here/:locationId/:date', (c) => {
  const { db } = c.get('deps');
  const at = placeAndDay(c);
  if (!at) return notFound(c);
  const me = c.get('user')!.id;
  // Not booked there that day and not the host's staff: the same 404 as a location that does not exist.
  const people = whoIsHere(db, me, at.location, at.date);
  if (people === null) return notFound(c);
  const isStaff = c.get('memberships').some((m) => m.orgId === at.location.orgId);
  const staff = isStaff && at.date >= localToday(c.get('deps').now()) ? { here: isStaffPresent(db, me, at.location.id, at.date) } : null;
  return page(
    c,
    c.get('t').people.here.link,
    <WhoIsHerePage t={c.get('t')} locale={c.get('locale')} location={at.location} date={at.date} people={people} staff={staff} />,
  );
});

/** Own staff say "ik ben er" for a day (today or later), or take it back. */
peopleRoutes.post('/here/:locationId/:date/presence', async (c) => {
  const t = c.get('t');
  const at = placeAndDay(c);
  if (!at) return notFound(c);
  const form = await readForm(c, z.object({ here: z.enum(['0', '1']) }));
  if (!form.ok) return errorPage(c, 422, t.errors.formInvalid, t.errors.formInvalid);
  if (at.date < localToday(c.get('deps').now())) return errorPage(c, 422, t.people.here.pastTitle, t.people.here.past);
  const done = setStaffPresence(c.get('deps').db, c.get('user')!.id, at.location, at.date, form.data.here === '1');
  if (!done) return notFound(c);
  return redirectWithFlash(c, `/people/here/${at.location.id}/${at.date}`, t.people.here.saved);
});

// ——— Where is someone with this expertise ———

peopleRoutes.get('/where', (c) => {
  const { db, now } = c.get('deps');
  const t = c.get('t');
  const tags = listTags(db);
  const values = queryValues(c);
  const asked = values.what !== undefined || values.date !== undefined;
  if (!asked) {
    const state = { values: { date: addDays(localToday(now()), 1) } };
    return page(c, t.people.where.title, <WherePage t={t} locale={c.get('locale')} state={state} tags={tags} results={null} date="" />);
  }
  const form = validate(whereSchema(t), values, t);
  if (!form.ok) {
    const state = { errors: form.errors, values };
    return page(c, t.people.where.title, <WherePage t={t} locale={c.get('locale')} state={state} tags={tags} results={null} date="" />, 422);
  }
  const { date, what } = form.data;
  const orgIds = c.get('memberships').map((m) => m.orgId);
  const results = whereIsExpertise(db, date, what, orgIds);
  return page(c, t.people.where.title, <WherePage t={t} locale={c.get('locale')} state={{ values }} tags={tags} results={results} date={date} />);
});

// ——— The network's list of expertise ———

function tagsPage(c: Ctx, state: FormState = {}, status: 200 | 409 | 422 = 200) {
  const tags = listTags(c.get('deps').db, { all: true });
  return page(c, c.get('t').people.tags.title, <TagsPage t={c.get('t')} state={state} tags={tags} />, status);
}

tagsRoutes.get('/', (c) => tagsPage(c));

tagsRoutes.post('/', async (c) => {
  const t = c.get('t');
  const form = await readForm(c, tagSchema(t));
  if (!form.ok) return tagsPage(c, { errors: form.errors, values: form.values }, 422);
  if (!addTag(c.get('deps').db, form.data.name)) return tagsPage(c, { errors: { name: t.people.tags.exists }, values: form.values }, 409);
  return redirectWithFlash(c, '/people/tags', t.people.tags.added(form.data.name));
});

tagsRoutes.post('/:id/:action{retire|restore}', (c) => {
  const id = parseId(c.req.param('id'));
  if (!id) return notFound(c);
  const done = setTagActive(c.get('deps').db, id, c.req.param('action') === 'restore');
  if (!done) return notFound(c);
  return redirectWithFlash(c, '/people/tags', c.get('t').people.tags.changed);
});
