import { describe, expect, it } from 'vitest';
import { parse, type HTMLElement } from 'node-html-parser';
import { dictFor } from '../../views/i18n';
import { BookedCard, SpaceCard } from '../../views/partials/desks/cards';
import { instantOf } from '../../src/lib/time';
import { createTestApp, html, TestClock, text } from '../helpers';
import { bookingRows, createSpace, desksWorld, HX } from './factory';

// A person holds one desk per dagdeel (bookSpace refuses a second: 'already_booked'). The search
// cards and the week view say so where it applies, instead of a button that is then refused.

const MONDAY = '2026-11-23';
const DATE = '2026-11-25'; // Wednesday
const HELD = 'Je hebt op dat dagdeel al een reservering.';

async function world() {
  const t = createTestApp({ clock: new TestClock(instantOf(MONDAY, '08:00')) });
  const w = await desksWorld(t, { name: 'Flexplekken' });
  const other = createSpace(t.db, w.hostOrg.id, { name: 'Stilteruimte', kind: 'stilteruimte' });
  return { t, ...w, other };
}

type World = Awaited<ReturnType<typeof world>>;

async function cards(w: World, daypart: string) {
  const page = await html(await w.workerClient.get(`/desks?date=${DATE}&daypart=${daypart}&town=Harderwijk`));
  const card = (spaceId: number) => page.querySelector(`#s${spaceId}`)!.parentNode as HTMLElement;
  return { mine: card(w.space.spaceId), other: card(w.other.spaceId) };
}

async function weekCells(w: World, spaceId: number) {
  const page = await html(await w.workerClient.get(`/desks/spaces/${spaceId}?week=${DATE}`));
  const rows = page.querySelectorAll('tbody tr');
  const row = rows.find((r) => text(r).includes('25'))!;
  const [morning, afternoon] = row.querySelectorAll('td.slot');
  return { morning: morning!, afternoon: afternoon! };
}

describe('a dagdeel already held at another space', () => {
  it('search: the other card says so with a link to Mijn reserveringen instead of a button; the other dagdeel stays bookable', async () => {
    const w = await world();
    expect((await w.workerClient.post(`/desks/spaces/${w.space.spaceId}/book`, { date: DATE, daypart: 'morning' })).status).toBe(303);

    const morning = await cards(w, 'morning');
    expect(text(morning.mine)).toContain('door jou gereserveerd');
    expect(morning.other.querySelector('form')).toBeNull();
    expect(text(morning.other)).toContain(HELD);
    expect(morning.other.querySelector('a[href="/bookings"]')).not.toBeNull();

    const afternoon = await cards(w, 'afternoon');
    expect(afternoon.other.querySelector('form')).not.toBeNull();
    expect(text(afternoon.other)).not.toContain(HELD);

    // A whole day overlaps the held morning, here and elsewhere: no button on either card. Here the
    // card says which half is the viewer's and where to book the other; elsewhere that it is held.
    const whole = await cards(w, 'whole');
    for (const card of [whole.mine, whole.other]) expect(card.querySelector('form')).toBeNull();
    expect(text(whole.other)).toContain(HELD);
    expect(text(whole.mine)).not.toContain(HELD);
    expect(text(whole.mine.querySelector('.status'))).toBe('Ochtend door jou gereserveerd. Voor de middag: zie het weekoverzicht.');
    expect(whole.mine.querySelector('.status a')!.getAttribute('href')).toBe(`/desks/spaces/${w.space.spaceId}?week=${DATE}`);
  });

  it('week view: the held dagdeel has no button at the other space, the other dagdeel has one', async () => {
    const w = await world();
    expect((await w.workerClient.post(`/desks/spaces/${w.space.spaceId}/book`, { date: DATE, daypart: 'morning' })).status).toBe(303);
    const other = await weekCells(w, w.other.spaceId);
    expect(other.morning.querySelector('form')).toBeNull();
    expect(text(other.morning)).toContain(HELD);
    expect(other.afternoon.querySelector('form')).not.toBeNull();
    const own = await weekCells(w, w.space.spaceId);
    expect(text(own.morning)).toContain('door jou gereserveerd');
    expect(text(own.morning)).not.toContain(HELD);
  });

  it('the button matches the rule: a booking sent anyway is refused (422, nothing stored) and its card comes back without a button', async () => {
    const w = await world();
    expect((await w.workerClient.post(`/desks/spaces/${w.space.spaceId}/book`, { date: DATE, daypart: 'morning' })).status).toBe(303);
    const res = await w.workerClient.post(`/desks/spaces/${w.other.spaceId}/book`, { date: DATE, daypart: 'morning', fragment: 'card' }, HX);
    expect(res.status).toBe(422);
    const card = await html(res);
    // Said once, as the refusal (role=alert); the card does not repeat it as its status.
    expect(text(card.querySelector('[role=alert]'))).toBe(HELD);
    expect(text(card).split(HELD).length - 1).toBe(1);
    expect(card.querySelector('form')).toBeNull();
    // The same from the week view's cell.
    const cellRes = await w.workerClient.post(`/desks/spaces/${w.other.spaceId}/book`, { date: DATE, daypart: 'morning', fragment: 'cell' }, HX);
    expect(cellRes.status).toBe(422);
    const cell = await html(cellRes);
    expect(text(cell).split(HELD).length - 1).toBe(1);
    expect(cell.querySelector('form')).toBeNull();
    expect(bookingRows(w.t.db, `space_id = ${w.other.spaceId}`)).toEqual([]);
  });

  it('booking from a search card: the answer also replaces the booking form of every other card on that list (htmx out-of-band), a refusal does not', async () => {
    const w = await world();
    // The lists as the browser has them before the booking: the morning one it is made from, and the afternoon one.
    const morningList = await html(await w.workerClient.get(`/desks?date=${DATE}&daypart=morning&town=Harderwijk`));
    const afternoonList = await html(await w.workerClient.get(`/desks?date=${DATE}&daypart=afternoon&town=Harderwijk`));
    const res = await w.workerClient.post(`/desks/spaces/${w.space.spaceId}/book`, { slot: `${DATE} morning`, fragment: 'card' }, HX);
    expect(res.status).toBe(200);
    const body = await html(res);
    expect(text(body.querySelector('article.space-card'))).toContain('door jou gereserveerd');
    const oob = body.querySelector('[hx-swap-oob]')!;
    const [style, selector] = [oob.getAttribute('hx-swap-oob')!.split(':')[0], oob.getAttribute('hx-swap-oob')!.slice('outerHTML:'.length)];
    expect(style).toBe('outerHTML');
    expect(text(oob)).toBe(`${HELD} Mijn reserveringen`);
    expect(oob.querySelector('a[href="/bookings"]')).not.toBeNull();
    // It matches every booking form of the list it came from, and none of a list for another dagdeel
    // (the search may have changed while the booking was under way).
    expect(morningList.querySelectorAll(selector)).toHaveLength(2);
    expect(afternoonList.querySelectorAll(selector)).toHaveLength(0);
    expect(afternoonList.querySelectorAll('#desk-results .space-card form')).toHaveLength(2);

    const refused = await w.workerClient.post(`/desks/spaces/${w.other.spaceId}/book`, { slot: `${DATE} morning`, fragment: 'card' }, HX);
    expect(refused.status).toBe(422);
    expect((await html(refused)).querySelector('[hx-swap-oob]')).toBeNull();
  });

  it('a booking whose space the search no longer finds still updates the other cards', () => {
    const t = dictFor('nl');
    const base = { t, locale: 'nl' as const, date: DATE, daypart: 'morning' as const, mine: [], held: [], asOrg: null, title: 'Stilteruimte' };
    const booked = parse(String(BookedCard({ ...base, row: undefined, booked: true, notice: { kind: 'ok', text: 'Gereserveerd.' } })));
    expect(text(booked.querySelector('article [role=alert]'))).toBe('Gereserveerd.');
    expect(booked.querySelector('[hx-swap-oob]')).not.toBeNull();
    const refused = parse(String(BookedCard({ ...base, row: undefined, booked: false, notice: { kind: 'error', text: 'Vol.' } })));
    expect(refused.querySelector('[hx-swap-oob]')).toBeNull();
  });

  it('booking for a colleague: the card says the colleague holds the dagdeel, without a link to the viewer’s own bookings', () => {
    const row = {
      spaceId: 7,
      spaceName: 'Stilteruimte',
      kind: 'stilteruimte' as const,
      capacity: 3,
      amenities: 0,
      locationId: 1,
      locationName: 'Locatie Harderwijk',
      street: 'Stationslaan 2',
      town: 'Harderwijk',
      hostOrgId: 1,
      hostOrgName: 'CJG Harderwijk',
      approvalRequired: 0,
      takenMorning: 0,
      takenAfternoon: 0,
      overMorning: false,
      overAfternoon: false,
      reserved: 0,
      share: { morning: null, afternoon: null, whole: null },
    };
    const base = { t: dictFor('nl'), locale: 'nl' as const, row, date: DATE, daypart: 'morning' as const, mine: [], asOrg: null };
    const forAnna = parse(String(SpaceCard({ ...base, held: ['morning'], forUser: { id: 'u2', name: 'Anna Bakker' } })));
    expect(text(forAnna.querySelector('.status'))).toBe('Anna Bakker heeft op dat dagdeel al een reservering.');
    expect(forAnna.querySelector('a[href="/bookings"]')).toBeNull();
    expect(forAnna.querySelector('form')).toBeNull();
    // A whole day of which the afternoon here is already held, in English: which half, and where to book the other.
    const en = parse(String(SpaceCard({ ...base, t: dictFor('en'), locale: 'en', daypart: 'whole', mine: ['afternoon'], held: ['afternoon'] })));
    expect(text(en.querySelector('.status'))).toBe('Afternoon booked by you. For the morning, see the week view.');
    expect(en.querySelector('form')).toBeNull();
    // The other half held elsewhere: nothing left to book, so the plain "held" status and no week link.
    const bothHeld = parse(String(SpaceCard({ ...base, daypart: 'whole', mine: ['morning'], held: ['morning', 'afternoon'] })));
    expect(text(bothHeld.querySelector('.status'))).toBe(`${HELD} Mijn reserveringen`);
    // The week view from a card keeps the organisation booked for and the colleague.
    const asFor = parse(
      String(SpaceCard({ ...base, asOrg: 5, daypart: 'whole', mine: ['morning'], held: ['morning'], forUser: { id: 'u2', name: 'Anna Bakker' } })),
    );
    for (const a of asFor.querySelectorAll('a')) expect(a.getAttribute('href')).toBe(`/desks/spaces/7?week=${DATE}&as=5&for=u2`);
    // For a colleague, after "Voor Anna Bakker:" the sentence goes on in lower case.
    const forAnnaHalf = parse(
      String(SpaceCard({ ...base, daypart: 'whole', mine: ['morning'], held: ['morning'], forUser: { id: 'u2', name: 'Anna Bakker' } })),
    );
    expect(text(forAnnaHalf.querySelector('.status'))).toBe('Voor Anna Bakker: ochtend door jou gereserveerd. Voor de middag: zie het weekoverzicht.');
    // The colleague holds nothing then: the button, for them.
    const free = parse(String(SpaceCard({ ...base, held: [], forUser: { id: 'u2', name: 'Anna Bakker' } })));
    expect(text(free.querySelector('form button'))).toContain('voor Anna Bakker');
  });

  it('after cancelling, the other card offers its button again (the remembered card is keyed by what is held)', async () => {
    const w = await world();
    expect((await w.workerClient.post(`/desks/spaces/${w.space.spaceId}/book`, { date: DATE, daypart: 'morning' })).status).toBe(303);
    expect((await cards(w, 'morning')).other.querySelector('form')).toBeNull();
    const [booking] = bookingRows(w.t.db);
    expect((await w.workerClient.post(`/bookings/${booking!.id}/cancel`)).status).toBeLessThan(400);
    const after = await cards(w, 'morning');
    expect(after.other.querySelector('form')).not.toBeNull();
    expect(text(after.other)).not.toContain(HELD);
  });
});
