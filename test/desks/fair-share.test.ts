import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { locations, spaces, users } from '../../db/schema';
import { bookSpace } from '../../src/desks/bookings';
import { reservationLapse, shareRefusal, type GuestShareSetting } from '../../src/desks/rules';
import { instantOf } from '../../src/lib/time';
import { countRows, createOrg, createTestApp, createUser, html, loginAs, TestClock, text } from '../helpers';
import { bookingRows, createSpace, HX } from './factory';

// A fair share for each guest organisation (issue #12, part 3; ADR 011). The clock stands at
// Monday 7 December 2026, 09:00 Amsterdam.

const NOW = '2026-12-07';
const WED = '2026-12-09';

type Share = Partial<GuestShareSetting>;

async function world(share: Share = {}, o: { capacity?: number; openWeekdays?: number } = {}) {
  const t = createTestApp({ clock: new TestClock(instantOf(NOW, '09:00')) });
  const hostOrg = createOrg(t.db, { name: 'CJG Harderwijk' });
  const wijkteam = createOrg(t.db, { name: 'Wijkteam Harderwijk' });
  const ggd = createOrg(t.db, { name: 'GGD Noord- en Oost-Gelderland' });
  const space = createSpace(t.db, hostOrg.id, { capacity: o.capacity ?? 5, openWeekdays: o.openWeekdays ?? 31 });
  // A second space at the same location: the share counts the location, not one space.
  const second = t.db
    .insert(spaces)
    .values({ locationId: space.locationId, orgId: hostOrg.id, name: 'Stilteruimte', kind: 'stilteruimte', capacity: 5 })
    .returning()
    .get();
  if (Object.keys(share).length) t.db.update(locations).set(share).where(eq(locations.id, space.locationId)).run();
  const host = await createUser(t.db, { orgId: hostOrg.id, roles: ['host'], name: 'Marieke Jansen' });
  const workers = [];
  for (const name of ['Sanne de Vries', 'Ruben Mulder', 'Aylin Demir']) workers.push(await createUser(t.db, { orgId: wijkteam.id, name }));
  const ggdWorker = await createUser(t.db, { orgId: ggd.id, name: 'Emma Bakker' });
  const client = async (u: { email: string }) => loginAs(t.app, u.email);
  const book = (c: Awaited<ReturnType<typeof client>>, date: string, daypart = 'morning', spaceId = space.spaceId) =>
    c.post(`/desks/spaces/${spaceId}/book`, { date, daypart });
  return { t, hostOrg, wijkteam, ggd, space, second, host, workers, ggdWorker, client, book };
}

const ORG_FULL_NL = 'Jouw organisatie heeft hier al het maximale aantal dagdelen gereserveerd';
const RESERVED_NL = 'nog gereserveerd voor eigen medewerkers';

describe('fair share: the rule', () => {
  const base: GuestShareSetting & { capacity: number } = {
    guestShareMax: null,
    guestSharePer: 'day',
    reservedForStaff: 0,
    reservedUntilHours: 24,
    capacity: 3,
  };
  const at = instantOf(NOW, '09:00');
  const none = () => 0;
  it('no limit and nothing held back: never refuses', () => {
    expect(shareRefusal(base, WED, ['morning', 'afternoon'], () => 2, 99, at)).toBeNull();
  });
  it('fair share: an organisation holding N-1 may take one more dagdeel, not two; holding N, none', () => {
    const s = { ...base, guestShareMax: 2 };
    expect(shareRefusal(s, WED, ['morning'], none, 1, at)).toBeNull();
    expect(shareRefusal(s, WED, ['morning', 'afternoon'], none, 1, at)).toBe('org_share_full');
    expect(shareRefusal(s, WED, ['morning'], none, 2, at)).toBe('org_share_full');
  });
  it('reserved places: the last K desks are not for guests before the lapse, and are after it', () => {
    const s = { ...base, reservedForStaff: 1 };
    const lapse = reservationLapse(s, WED);
    expect(lapse).toEqual(instantOf('2026-12-08', '00:00'));
    expect(shareRefusal(s, WED, ['morning'], () => 1, 0, at)).toBeNull();
    expect(shareRefusal(s, WED, ['morning'], () => 2, 0, at)).toBe('reserved_for_staff');
    expect(shareRefusal(s, WED, ['morning'], () => 2, 0, new Date(lapse.getTime() - 1))).toBe('reserved_for_staff');
    expect(shareRefusal(s, WED, ['morning'], () => 2, 0, lapse)).toBeNull();
    // A whole day is refused when either dagdeel reaches the held places.
    expect(shareRefusal(s, WED, ['morning', 'afternoon'], (dp) => (dp === 'afternoon' ? 2 : 0), 0, at)).toBe('reserved_for_staff');
  });
  it('the lapse counts elapsed hours before 00:00 Amsterdam of the day: across the spring change, 48 hours before is 23:00 two days before', () => {
    expect(reservationLapse({ ...base, reservedUntilHours: 0 }, '2027-03-29')).toEqual(instantOf('2027-03-29', '00:00'));
    expect(reservationLapse({ ...base, reservedUntilHours: 48 }, '2027-03-29')).toEqual(instantOf('2027-03-26', '23:00'));
  });
});

describe('fair share: per organisation, through the booking form', () => {
  it('fair share: the N-th dagdeel of an organisation on a day is allowed, the next refused — at any space of the location', async () => {
    const w = await world({ guestShareMax: 2, guestSharePer: 'day' });
    const [a, b, c] = await Promise.all(w.workers.map(w.client));
    expect((await w.book(a!, WED, 'morning')).status).toBe(303);
    expect((await w.book(b!, WED, 'afternoon', w.second.id)).status).toBe(303);
    const refused = await w.book(c!, WED, 'morning', w.second.id);
    expect(refused.status).toBe(422);
    expect(text(await html(refused))).toContain(ORG_FULL_NL);
    expect(bookingRows(w.t.db).filter((r) => r.status === 'confirmed')).toHaveLength(2);
    // Another day is another share; another organisation is unaffected.
    expect((await w.book(c!, '2026-12-10', 'morning')).status).toBe(303);
    expect((await w.book(await w.client(w.ggdWorker), WED, 'morning')).status).toBe(303);
  });

  it('fair share: a whole day counts as two dagdelen, and the refusal books nothing', async () => {
    const w = await world({ guestShareMax: 1 });
    const res = await w.book(await w.client(w.workers[0]!), WED, 'whole');
    expect(res.status).toBe(422);
    expect(countRows(w.t.db, 'bookings')).toBe(0);
    expect((await w.book(await w.client(w.workers[0]!), WED, 'afternoon')).status).toBe(303);
  });

  it('fair share per week: Monday to Sunday is one period; the Sunday before and the Monday after are not', async () => {
    const w = await world({ guestShareMax: 2, guestSharePer: 'week' }, { openWeekdays: 127 });
    const [a, b, c] = await Promise.all(w.workers.map(w.client));
    expect((await w.book(a!, '2026-12-14', 'morning')).status).toBe(303);
    expect((await w.book(b!, '2026-12-20', 'afternoon')).status).toBe(303);
    expect((await w.book(c!, '2026-12-16', 'morning')).status).toBe(422);
    expect((await w.book(c!, '2026-12-13', 'morning')).status).toBe(303);
    expect((await w.book(c!, '2026-12-21', 'morning')).status).toBe(303);
  });

  it('fair share: cancelling frees the share at once; a pending request holds it like a desk', async () => {
    const w = await world({ guestShareMax: 1 });
    const [a, b] = await Promise.all(w.workers.map(w.client));
    expect((await w.book(a!, WED)).status).toBe(303);
    expect((await w.book(b!, WED, 'afternoon')).status).toBe(422);
    const id = bookingRows(w.t.db)[0]!.id;
    expect((await a!.post(`/bookings/${id}/cancel`)).status).toBe(303);
    expect((await w.book(b!, WED, 'afternoon')).status).toBe(303);

    w.t.db.update(locations).set({ approvalRequired: true }).where(eq(locations.id, w.space.locationId)).run();
    const pending = bookSpace(
      w.t.db,
      { spaceId: w.space.spaceId, userId: w.workers[0]!.id, guestOrgId: w.wijkteam.id, date: '2026-12-10', dayparts: ['morning'], note: null },
      w.t.clock.now(),
    );
    expect(pending).toMatchObject({ ok: true, status: 'pending' });
    expect(
      bookSpace(
        w.t.db,
        { spaceId: w.space.spaceId, userId: w.workers[1]!.id, guestOrgId: w.wijkteam.id, date: '2026-12-10', dayparts: ['morning'], note: null },
        w.t.clock.now(),
      ),
    ).toMatchObject({
      ok: false,
      reason: 'org_share_full',
    });
  });

  it('fair share: search shows "Vol voor jouw organisatie" to that organisation only, and "Full for your organisation" in English', async () => {
    const w = await world({ guestShareMax: 1 });
    const a = await w.client(w.workers[0]!);
    expect((await w.book(a, WED)).status).toBe(303);
    w.t.db.update(users).set({ locale: 'en' }).where(eq(users.id, w.workers[2]!.id)).run();
    const [b, en, ggd] = [await w.client(w.workers[1]!), await w.client(w.workers[2]!), await w.client(w.ggdWorker)];
    const results = async (c: typeof a) => (await html(await c.get(`/desks?date=${WED}&daypart=morning`))).querySelector('#desk-results');
    const forB = await results(b);
    expect(text(forB)).toContain('Vol voor jouw organisatie');
    expect(forB!.querySelectorAll('form[action*="/book"]')).toHaveLength(0);
    expect(text(await results(en))).toContain('Full for your organisation');
    const forGgd = await results(ggd);
    expect(text(forGgd)).not.toContain('Vol voor jouw organisatie');
    expect(forGgd!.querySelectorAll('form[action*="/book"]')).toHaveLength(2);
    // The htmx card answer of a refused booking says the same.
    const card = await b.post(`/desks/spaces/${w.space.spaceId}/book`, { date: WED, daypart: 'afternoon', fragment: 'card' }, HX);
    expect(card.status).toBe(422);
    const cardText = text(await html(card));
    expect(cardText).toContain(ORG_FULL_NL);
    expect(cardText).toContain('Vol voor jouw organisatie');
  });
});

describe('fair share: places kept for the host’s own staff', () => {
  it('reserved places: before the lapse guests get capacity − K and search shows that; from the lapse instant the held places are bookable', async () => {
    const w = await world({ reservedForStaff: 1, reservedUntilHours: 24 }, { capacity: 3 });
    const [a, b, c] = await Promise.all(w.workers.map(w.client));
    const free = async () => text((await html(await c!.get(`/desks?date=${WED}&daypart=morning`))).querySelector('#desk-results'));
    expect(await free()).toContain('2 van 3 vrij');
    expect((await w.book(a!, WED)).status).toBe(303);
    expect((await w.book(b!, WED)).status).toBe(303);
    expect(await free()).toMatch(/0 van 3 vrij[\s\S]*Vol/);
    w.t.clock.set(new Date(instantOf('2026-12-08', '00:00').getTime() - 1).toISOString());
    const refused = await w.book(c!, WED);
    expect(refused.status).toBe(422);
    expect(text(await html(refused))).toContain(RESERVED_NL);
    w.t.clock.set(instantOf('2026-12-08', '00:00').toISOString());
    expect(await free()).toContain('1 van 3 vrij');
    expect((await w.book(c!, WED)).status).toBe(303);
    expect(bookingRows(w.t.db).filter((r) => r.status === 'confirmed')).toHaveLength(3);
  });
});

describe('fair share: the host’s setting', () => {
  const form = (over: Record<string, string | string[]> = {}) => ({
    name: 'CJG Harderwijk Stationslaan',
    street: 'Stationslaan 2',
    postcode: '3841 DB',
    town: 'Harderwijk',
    openWeekdays: ['1', '2', '3', '4', '5'],
    sharing: 'all',
    horizonWeeks: '8',
    checkinDeadlineMorning: '10:00',
    checkinDeadlineAfternoon: '14:00',
    guestShareMax: '4',
    guestSharePer: 'week',
    reservedForStaff: '2',
    reservedUntilHours: '48',
    ...over,
  });
  const shareOf = (w: Awaited<ReturnType<typeof world>>) => {
    const l = w.t.db.select().from(locations).where(eq(locations.id, w.space.locationId)).get()!;
    return [l.guestShareMax, l.guestSharePer, l.reservedForStaff, l.reservedUntilHours];
  };

  it('a host sets, sees and clears the fair share of a location', async () => {
    const w = await world();
    const host = await w.client(w.host);
    const path = `/host/locations/${w.space.locationId}`;
    const page = text(await html(await host.get(path)));
    expect(page).toContain('Eerlijk delen');
    expect(page).toContain('Hoogstens zoveel dagdelen per gastorganisatie');
    expect((await host.post(path, form())).status).toBe(303);
    expect(shareOf(w)).toEqual([4, 'week', 2, 48]);
    const doc = await html(await host.get(path));
    expect(doc.querySelector('input[name="guestShareMax"]')!.getAttribute('value')).toBe('4');
    expect(doc.querySelector('select[name="guestSharePer"] option[selected]')!.getAttribute('value')).toBe('week');
    expect((await host.post(path, form({ guestShareMax: '' }))).status).toBe(303);
    expect(shareOf(w)).toEqual([null, 'week', 2, 48]);
  });

  it('validation: clear Dutch messages next to the fields, English for an English host, nothing saved', async () => {
    const w = await world({ guestShareMax: 3 });
    const host = await w.client(w.host);
    const path = `/host/locations/${w.space.locationId}`;
    const res = await host.post(path, form({ guestShareMax: '0', reservedForStaff: '-1', reservedUntilHours: '1e3', guestSharePer: 'maand' }));
    expect(res.status).toBe(422);
    const page = text(await html(res));
    expect(page).toContain('Vul een aantal dagdelen van 1 tot en met 100 in, of laat het veld leeg voor geen grens.');
    expect(page).toContain('Vul een aantal plekken van 0 tot en met 500 in.');
    expect(page).toContain('Vul een aantal uren van 0 tot en met 336 (twee weken) in.');
    expect(shareOf(w)).toEqual([3, 'day', 0, 24]);
    w.t.db.update(users).set({ locale: 'en' }).where(eq(users.id, w.host.id)).run();
    const en = await w.client(w.host);
    expect(text(await html(await en.post(path, form({ guestShareMax: '101' }))))).toContain('Enter a number of parts of the day from 1 to 100');
  });

  it('foreign organisation: a host of another organisation cannot see or change the setting (404), a worker gets 403/404; nothing changes', async () => {
    const w = await world({ guestShareMax: 3 });
    const other = createOrg(w.t.db, { name: 'Lokalis' });
    const otherHost = await loginAs(w.t.app, (await createUser(w.t.db, { orgId: other.id, roles: ['host', 'org_admin'] })).email);
    const path = `/host/locations/${w.space.locationId}`;
    expect((await otherHost.get(path)).status).toBe(404);
    expect((await otherHost.post(path, form({ guestShareMax: '100', reservedForStaff: '0' }))).status).toBe(404);
    const worker = await w.client(w.workers[0]!);
    expect([403, 404]).toContain((await worker.post(path, form({ guestShareMax: '100' }))).status);
    expect(shareOf(w)).toEqual([3, 'day', 0, 24]);
  });
});

describe('fair share: the week view of a space says the same as the search', () => {
  it('fair share: a dagdeel the organisation may no longer take shows "Vol voor jouw organisatie" without a button; held places are not counted as free', async () => {
    const w = await world({ guestShareMax: 1, reservedForStaff: 1, reservedUntilHours: 24 }, { capacity: 3 });
    const a = await w.client(w.workers[0]!);
    expect((await w.book(a, WED)).status).toBe(303);
    const cells = async (c: typeof a) =>
      (await html(await c.get(`/desks/spaces/${w.space.spaceId}?week=${WED}`))).querySelectorAll('td.slot').map((td) => text(td));
    const forColleague = await cells(await w.client(w.workers[1]!));
    // Cells run Monday morning, Monday afternoon, Tuesday …: Wednesday is cells 4 and 5.
    expect(forColleague[4]).toContain('Vol voor jouw organisatie');
    expect(forColleague[5]).toContain('Vol voor jouw organisatie');
    expect(forColleague[4]).not.toContain('Reserveren');
    expect(forColleague[6]).toContain('Reserveren');
    const forGgd = await cells(await w.client(w.ggdWorker));
    expect(forGgd[4]).toContain('1 van 3 vrij');
    expect(forGgd[5]).toContain('2 van 3 vrij');
    // Tuesday: the held place has lapsed (Monday 00:00), so all three are free.
    expect(forGgd[2]).toContain('3 van 3 vrij');
  });
});
