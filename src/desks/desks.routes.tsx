import { Hono } from 'hono';
import type { Daypart } from '../../db/schema';
import { requireUser } from '../auth/middleware';
import { parseId, queryValues, readForm, validate } from '../lib/forms';
import { htmx, isHtmx } from '../lib/htmx';
import { fragment, notFound, page, pageOrFragment, redirectWithFlash, requestUrl, type Ctx } from '../lib/render';
import { addDays, isValidLocalDate } from '../lib/time';
import { requestedPage, type Paging } from '../lib/paging';
import type { AppEnv } from '../types';
import { formatLocalDate } from '../../views/i18n/format';
import { SearchPage, SuggestedOptions } from '../../views/pages/desks/search';
import { SearchResults } from '../../views/partials/desks/results';
import { SpacePage, SeriesResultPage, refusalText } from '../../views/pages/desks/space';
import { BookedCard, CardAlert, SlotAlert, SlotCell, unavailableText, type CellProps } from '../../views/partials/desks/cards';
import type { Notice } from '../../views/partials/notice';
import type { FormState } from '../../views/partials/form';
import { bookSeries, bookSpace, canSeeInstructions, myActiveOn } from './bookings';
import { recordDemand } from '../insight/demand';
import {
  allFull,
  anyBookable,
  closedRunsAhead,
  getVisibleSpace,
  hostSuggestions,
  searchSpaces,
  SEARCH_PAGE_SIZE,
  townSuggestions,
  takenBetween,
  whyNoResults,
  type NoResults,
  type SpaceResult,
  type VisibleSpace,
} from './desks';
import {
  closuresFor,
  defaultDaypartOn,
  nextBookableDaypart,
  colleagueByEmail,
  colleaguesOf,
  colleaguesToList,
  countOrgShare,
  localMoment,
  mayBook,
  mondayOf,
  reservedNow,
  shareRefusal,
  slotRefusal,
} from './rules';
import { bookSchema, suggestionSchema, searchSchema, seriesSchema } from './schemas';
import { wideClosuresOn } from './closures';
import { holidaysOn } from './holidays';
import { hostOrgIds, today, userOrgIds } from './context';

/** /desks: the search for a free desk and the week view of one space, where a worker books. */
export const desksRoutes = new Hono<AppEnv>();

desksRoutes.use('*', requireUser);

/** The organisation a worker books on behalf of: the one asked for if it is theirs, else their first. */
function guestOrgFor(c: Ctx, requested: number | null | undefined): number | null {
  const ms = c.get('memberships');
  if (requested && ms.some((m) => m.orgId === requested)) return requested;
  return ms[0]?.orgId ?? null;
}

type Colleague = { id: string; name: string };

/**
 * The colleagues the forms offer for `asOrg` (`colleaguesOf`, without the user), or, when there
 * are more than COLLEAGUE_LIST_MAX (a national organisation has thousands), none listed and an
 * e-mail field instead.
 */
function colleagueChoice(c: Ctx, asOrg: number | null): { list: Colleague[]; byEmail: boolean } {
  if (asOrg === null) return { list: [], byEmail: false };
  const list = colleaguesToList(c.get('deps').db, asOrg, c.get('user')!.id);
  return list === 'many' ? { list: [], byEmail: true } : { list, byEmail: false };
}

/** Shown as "booking on behalf of" only to people in more than one organisation. */
const asOrgShown = (c: Ctx, asOrg: number | null) => (c.get('memberships').length > 1 ? asOrg : null);

// ——— Search ———

desksRoutes.get('/', (c) => {
  const { db } = c.get('deps');
  const t = c.get('t');
  const now = today(c);
  const asked = queryValues(c);
  // Without a date the search opens on the next bookable dagdeel; without a dagdeel, on the first one not over that day.
  const at = localMoment(c.get('deps').now());
  // Only when the date or dagdeel is missing or invalid (a holiday table walk, issue #18).
  let nextOne: ReturnType<typeof nextBookableDaypart> | undefined;
  const next = () => (nextOne ??= nextBookableDaypart(at));
  const askedDate = typeof asked.date === 'string' && asked.date.trim() ? asked.date.trim() : null;
  const values = {
    ...asked,
    date: askedDate ?? next().date,
    daypart:
      typeof asked.daypart === 'string' && asked.daypart
        ? asked.daypart
        : askedDate && isValidLocalDate(askedDate)
          ? defaultDaypartOn(askedDate, at)
          : next().daypart,
  };
  const form = validate(searchSchema(t, now), values, t);
  const date = form.ok ? form.data.date : isValidLocalDate(values.date) ? values.date : next().date;
  const daypart = form.ok ? form.data.daypart : 'morning';
  const errors = form.ok ? {} : { ...form.errors };
  if (form.ok && date < now) errors.date = t.desks.refusals.past;
  const state: FormState = { values, errors: Object.keys(errors).length ? errors : undefined };
  const asOrg = guestOrgFor(c, form.ok ? form.data.as : null);
  const valid = form.ok && !state.errors;
  let results: SpaceResult[] | null = null;
  let pages: Paging | null = null;
  let why: NoResults | null = null;
  let full = false;
  if (valid && asOrg !== null) {
    const params = { date, town: form.data.town, amenities: form.data.amenities, host: form.data.host };
    const viewer = { userId: c.get('user')!.id, userOrgIds: userOrgIds(c), guestOrgId: asOrg };
    const found = searchSpaces(db, params, viewer, c.get('deps').now(), { requested: requestedPage(c.req.query('page')), size: SEARCH_PAGE_SIZE });
    results = found.rows;
    pages = found.paging;
    // Nothing to book: say why when one rule explains it (weekend, closure, horizon, filters), or that everything is full.
    if (pages.total === 0) why = whyNoResults(db, params, viewer, c.get('deps').now());
    else full = pages.pages <= 1 && allFull(results, daypart);
    // Demand that found nothing (Inzicht): no space at all, or every space full for the dagdeel asked for.
    if (pages.page === 1 && pages.pages <= 1 && date >= today(c) && !anyBookable(results, daypart)) recordDemand(db, 'search_empty', date);
  }
  const colleagues = colleagueChoice(c, asOrg);
  const forUser = form.ok ? colleagueFor(c, asOrg, form.data.for, form.data.forEmail) : null;
  if (form.ok && form.data.forEmail && !forUser) state.errors = { ...state.errors, forEmail: t.desks.colleague.notFound };
  const mine = new Map<number, Daypart[]>();
  if (results) for (const b of myActiveOn(db, forUser?.id ?? c.get('user')!.id, date, date)) mine.set(b.spaceId, [...(mine.get(b.spaceId) ?? []), b.daypart]);
  const held = heldDayparts([...mine.values()].flat());
  const resultsProps = {
    closedNote: valid ? closedNote(c, date) : null,
    why,
    full,
    t,
    locale: c.get('locale'),
    results,
    date,
    daypart,
    mine,
    held,
    asOrg: asOrgShown(c, asOrg),
    forUser,
    message: valid ? null : (errors.date ?? t.errors.formInvalid),
    paging: pages,
    url: requestUrl(c),
    trigger: htmx(c).trigger,
  };
  return pageOrFragment(
    c,
    t.desks.search.title,
    <SearchPage t={t} state={state} myOrgs={c.get('memberships')} colleagues={colleagues.list} colleagueByEmail={colleagues.byEmail} results={resultsProps} />,
    <SearchResults {...resultsProps} />,
    valid ? 200 : 422,
  );
});

// ——— Suggestions while typing in the search form (its datalists, for htmx) ———
// A national network has hundreds of organisations and tens of towns: too many to send with every
// search page. Without JavaScript the fields are plain text fields.

/** The datalist's options from the form's values (town, host, as); a bad value is a 422 with none. */
function suggest(c: Ctx, pick: (q: { asOrg: number; town: string | null; host: string | null }) => string[]) {
  const form = validate(suggestionSchema(c.get('t')), queryValues(c), c.get('t'));
  const asOrg = guestOrgFor(c, form.ok ? form.data.as : null);
  const values = form.ok && asOrg !== null ? pick({ asOrg, town: form.data.town, host: form.data.host }) : [];
  return fragment(c, <SuggestedOptions values={values} />, form.ok ? 200 : 422);
}

/** Towns with a location open to the guest organisation, containing what was typed. */
desksRoutes.get('/towns', (c) => suggest(c, (q) => townSuggestions(c.get('deps').db, q.asOrg, q.town)));

/** Host organisations (in the town, when given) whose name contains what was typed. */
desksRoutes.get('/hosts', (c) => suggest(c, (q) => hostSuggestions(c.get('deps').db, q.asOrg, userOrgIds(c), q.town, q.host)));

/** What closes many locations on the date, by name (a public holiday, an organisation's or the network's closure). */
function closedNote(c: Ctx, date: string): string | null {
  const t = c.get('t');
  const names = [
    ...new Set(holidaysOn(date).map((k) => t.closures.holidays[k])),
    ...wideClosuresOn(c.get('deps').db, date).map((w) => `${w.reason} (${w.orgName ? t.closures.byOrg(w.orgName) : t.closures.byNetwork})`),
  ];
  return names.length ? t.closures.closedOn(names.join('; ')) : null;
}

// ——— Week view of a space ———

/** The dagdelen among `dayparts` (with repeats, any order), once each and in the day's order: a stable card key. */
const heldDayparts = (dayparts: Daypart[]): Daypart[] => (['morning', 'afternoon'] as const).filter((d) => dayparts.includes(d));

/** The colleague asked for (`for` by id, or `forEmail`), when they are one of the user's for `asOrg`; else null (booking for oneself). */
function colleagueFor(c: Ctx, asOrg: number | null, forId: string | null | undefined, forEmail?: string | null): Colleague | null {
  if (asOrg === null) return null;
  const found = forId ? colleaguesOf(c.get('deps').db, asOrg, forId)[0] : forEmail ? colleagueByEmail(c.get('deps').db, asOrg, forEmail) : undefined;
  return found && found.id !== c.get('user')!.id ? found : null;
}

/** The week-view cells of [from, to] for a space, as the viewer sees them (or as booked for `forUser`). */
function buildCells(c: Ctx, space: VisibleSpace, asOrg: number | null, from: string, to: string, forUser: Colleague | null = null) {
  const { db } = c.get('deps');
  const t = c.get('t');
  const taken = takenBetween(db, space.id, from, to);
  const active = myActiveOn(db, forUser?.id ?? c.get('user')!.id, from, to);
  const mine = new Set(active.filter((b) => b.spaceId === space.id).map((b) => `${b.date}:${b.daypart}`));
  // Held at another space: a person holds one desk per dagdeel, so that cell offers no button.
  const elsewhere = new Set(active.filter((b) => b.spaceId !== space.id).map((b) => `${b.date}:${b.daypart}`));
  const closed = closuresFor(db, { id: space.id, locationId: space.location.id }, from, to);
  const at = localMoment(c.get('deps').now());
  const canBook = mayBook(space.rules, { orgIds: userOrgIds(c), asOrgId: asOrg });
  const now = c.get('deps').now();
  // The fair share (ADR 011) for the guest organisation, by the booking's own rule; the host's staff see the plain counts.
  const orgUsed = new Map<string, number>();
  const used = (date: string) => {
    if (!canBook || asOrg === null || space.rules.guestShareMax === null) return 0;
    if (!orgUsed.has(date)) orgUsed.set(date, countOrgShare(db, space.location.id, asOrg, space.rules.guestSharePer, date));
    return orgUsed.get(date)!;
  };
  return (date: string, daypart: Daypart, notice?: Notice | null): CellProps => {
    const n = taken.get(`${date}:${daypart}`) ?? 0;
    const refusal = slotRefusal(space.rules, date, daypart, at, (d) => closed(d) !== null);
    const share = canBook && !refusal && n < space.capacity ? shareRefusal(space.rules, date, [daypart], () => n, used(date), now) : null;
    return {
      t,
      locale: c.get('locale'),
      spaceId: space.id,
      date,
      daypart,
      capacity: space.capacity,
      taken: n,
      reserved: canBook ? reservedNow(space.rules, date, now) : 0,
      mine: mine.has(`${date}:${daypart}`),
      heldElsewhere: elsewhere.has(`${date}:${daypart}`),
      unavailable: share === 'org_share_full' ? t.desks.search.fullForOrg : unavailableText(t, refusal, refusal === 'closed' ? closed(date) : null),
      canBook,
      asOrg: asOrgShown(c, asOrg),
      forUser,
      notice,
    };
  };
}

function spacePage(
  c: Ctx,
  space: VisibleSpace,
  asOrg: number | null,
  week: string | undefined,
  extra: { seriesState?: FormState; notice?: Notice | null; forUser?: Colleague | null } = {},
  status: 200 | 409 | 422 = 200,
) {
  const { db } = c.get('deps');
  const now = today(c);
  const thisWeek = mondayOf(now);
  const weekStart = week && isValidLocalDate(week) ? mondayOf(week) : thisWeek;
  const weekEnd = addDays(weekStart, 6);
  const forUser = extra.forUser ?? null;
  const cell = buildCells(c, space, asOrg, weekStart, weekEnd, forUser);
  const days = [0, 1, 2, 3, 4, 5, 6].map((i) => {
    const date = addDays(weekStart, i);
    return { date, morning: cell(date, 'morning'), afternoon: cell(date, 'afternoon') };
  });
  const canBook = mayBook(space.rules, { orgIds: userOrgIds(c), asOrgId: asOrg });
  const colleagues = canBook ? colleagueChoice(c, asOrg) : { list: [], byEmail: false };
  return page(
    c,
    c.get('t').desks.space.title(space.name, space.location.name),
    <SpacePage
      t={c.get('t')}
      locale={c.get('locale')}
      space={space}
      weekStart={weekStart}
      prevWeek={weekStart > thisWeek ? addDays(weekStart, -7) : null}
      nextWeek={addDays(weekStart, 7)}
      days={days}
      showInstructions={canSeeInstructions(db, c.get('user')!.id, { id: space.location.id, orgId: space.location.orgId }, hostOrgIds(c), now)}
      canBook={canBook}
      asOrg={asOrgShown(c, asOrg)}
      seriesState={extra.seriesState ?? { values: { weekday: '2', daypart: 'morning', weeks: '6', startDate: now, for: forUser?.id ?? '' } }}
      colleagues={colleagues.list}
      colleagueByEmail={colleagues.byEmail}
      forUser={forUser}
      week={week && isValidLocalDate(week) ? weekStart : null}
      closedAhead={canBook ? closedRunsAhead(db, { ...space.rules, locationId: space.location.id }, now) : []}
      notice={extra.notice}
    />,
    status,
  );
}

/** The space in the path as this worker may see it; undefined → 404 (also for spaces not shared with them). */
function visibleSpace(c: Ctx, rawId: string, asOrg: number | null) {
  const spaceId = parseId(rawId);
  if (!spaceId) return undefined;
  return getVisibleSpace(c.get('deps').db, spaceId, userOrgIds(c), asOrg);
}

desksRoutes.get('/spaces/:spaceId', (c) => {
  const asOrg = guestOrgFor(c, parseId(c.req.query('as')));
  const space = visibleSpace(c, c.req.param('spaceId'), asOrg);
  if (!space) return notFound(c);
  return spacePage(c, space, asOrg, c.req.query('week'), { forUser: colleagueFor(c, asOrg, c.req.query('for'), c.req.query('forEmail')?.slice(0, 254)) });
});

desksRoutes.post('/spaces/:spaceId/book', async (c) => {
  const { db, now } = c.get('deps');
  const t = c.get('t');
  const form = await readForm(c, bookSchema(t));
  const asOrg = guestOrgFor(c, form.ok ? form.data.as : parseId(typeof form.values.as === 'string' ? form.values.as : undefined));
  const space = visibleSpace(c, c.req.param('spaceId'), asOrg);
  // A card or week cell shown before the space was archived or its sharing changed: say so in it (htmx swaps only 2xx and 422).
  if (!space && isHtmx(c))
    return fragment(c, form.values.fragment === 'cell' ? <SlotAlert message={t.desks.refusals.gone} /> : <CardAlert message={t.desks.refusals.gone} />, 422);
  if (!space) return notFound(c);
  if (!form.ok) {
    const message = Object.values(form.errors)[0] ?? t.errors.formInvalid;
    if (isHtmx(c)) return fragment(c, form.values.fragment === 'cell' ? <SlotAlert message={message} /> : <CardAlert message={message} />, 422);
    return spacePage(c, space, asOrg, undefined, { notice: { kind: 'error', text: message } }, 422);
  }
  const { date, daypart, note, fragment: shape } = form.data;
  const dayparts: Daypart[] = daypart === 'whole' ? ['morning', 'afternoon'] : [daypart];
  const me = c.get('user')!.id;
  // Booking for a colleague: they are the booker of record; bookSpace refuses anyone who is not one.
  const forId = form.data.for && form.data.for !== me ? form.data.for : null;
  const forUser = forId && asOrg !== null ? (colleaguesOf(db, asOrg, forId)[0] ?? null) : null;
  const result = bookSpace(
    db,
    { spaceId: space.id, userId: forId ?? me, bookedBy: forId ? me : null, guestOrgId: asOrg, date, dayparts, note, baseUrl: c.get('config').baseUrl },
    now(),
  );
  const when = formatLocalDate(c.get('locale'), date, true);
  const said = result.ok
    ? (result.status === 'pending' ? t.desks.bookings.requested : t.desks.bookings.booked)(space.name, when, t.dayparts[daypart])
    : forUser && result.reason === 'already_booked'
      ? t.desks.colleague.alreadyBooked(forUser.name)
      : refusalText(t, result.reason, result.horizonWeeks, result.closed);
  const notice: Notice = { kind: result.ok ? 'ok' : 'error', text: forUser && result.ok ? t.desks.colleague.bookedFor(forUser.name, said) : said };
  const status = result.ok ? 200 : 422;
  if (!isHtmx(c)) {
    if (result.ok) return redirectWithFlash(c, '/bookings', notice.text);
    return spacePage(c, space, asOrg, date, { notice, forUser }, 422);
  }
  if (shape === 'cell' && daypart !== 'whole')
    return fragment(c, <SlotCell {...buildCells(c, space, asOrg, date, date, forUser)(date, daypart, notice)} />, status);
  const row = searchSpaces(
    db,
    { date, town: null, amenities: [], host: null, spaceId: space.id },
    { userId: c.get('user')!.id, userOrgIds: userOrgIds(c), guestOrgId: asOrg },
    c.get('deps').now(),
  ).rows[0];
  const active = myActiveOn(db, forUser?.id ?? me, date, date);
  const mine = active.filter((b) => b.spaceId === space.id).map((b) => b.daypart);
  return fragment(
    c,
    <BookedCard
      title={space.name}
      t={t}
      locale={c.get('locale')}
      row={row}
      date={date}
      daypart={daypart}
      mine={mine}
      held={heldDayparts(active.map((b) => b.daypart))}
      asOrg={asOrgShown(c, asOrg)}
      forUser={forUser}
      notice={notice}
      booked={result.ok}
    />,
    status,
  );
});

desksRoutes.post('/spaces/:spaceId/book-series', async (c) => {
  const { db, now } = c.get('deps');
  const t = c.get('t');
  const form = await readForm(c, seriesSchema(t));
  const asOrg = guestOrgFor(c, form.ok ? form.data.as : null);
  const space = visibleSpace(c, c.req.param('spaceId'), asOrg);
  if (!space) return notFound(c);
  if (!form.ok) return spacePage(c, space, asOrg, undefined, { seriesState: form }, 422);
  const { for: forId, ...series } = form.data;
  const me = c.get('user')!.id;
  const forUser = colleagueFor(c, asOrg, forId);
  // Someone who is not a colleague: refused before anything is booked (bookSpace would refuse each date too).
  if (forId && forId !== me && !forUser)
    return spacePage(c, space, asOrg, undefined, { seriesState: { values: form.values, errors: { _form: t.desks.refusals.not_colleague } } }, 422);
  const result = bookSeries(
    db,
    { spaceId: space.id, userId: forUser?.id ?? me, bookedBy: forUser ? me : null, guestOrgId: asOrg, ...series, baseUrl: c.get('config').baseUrl },
    now(),
  );
  // The result lists the skipped dates with reasons; it is shown directly rather than after a redirect.
  return page(c, t.desks.series.title, <SeriesResultPage t={t} locale={c.get('locale')} spaceId={space.id} result={result} forUser={forUser} />);
});
