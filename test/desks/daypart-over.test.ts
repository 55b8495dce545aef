import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { parse } from 'node-html-parser';
import { bookings, locations, type Daypart } from '../../db/schema';
import { bookSpace, releaseNoShows } from '../../src/desks/bookings';
import { searchSpaces } from '../../src/desks/desks';
import { closedDatesFor, daypartOver, loadSpaceForRules, localMoment, slotRefusal } from '../../src/desks/rules';
import { addDays, instantOf } from '../../src/lib/time';
import { SlotCell, SpaceCard, unavailableText } from '../../views/partials/desks/cards';
import { dictFor } from '../../views/i18n';
import { countRows, createOrg, createTestApp, createUser, html, loginAs, TestClock, text } from '../helpers';
import { bookingRows, createSpace, desksWorld, HX } from './factory';

// Issue #11: at 21:16 someone booked today's afternoon; a minute later the no-show job released it.
// The rule: a dagdeel whose check-in deadline has passed is over — not bookable, shown as past, and
// exactly what the no-show release frees. Default deadlines: morning 10:00, afternoon 14:00.

const TODAY = '2026-11-23'; // a Monday
const at = (time: string, date = TODAY) => new TestClock(instantOf(date, time));

async function world(time: string) {
  const t = createTestApp({ clock: at(time) });
  return { t, ...(await desksWorld(t, { capacity: 2 })) };
}

const book = (c: Awaited<ReturnType<typeof world>>['workerClient'], spaceId: number, daypart: string, date = TODAY, headers: Record<string, string> = {}) =>
  c.post(`/desks/spaces/${spaceId}/book`, { date, daypart }, headers);

describe('dagdeel over: booking', () => {
  it('daypart over: today’s afternoon is bookable until its check-in deadline (13:59)', async () => {
    const w = await world('13:59');
    const res = await book(w.workerClient, w.space.spaceId, 'afternoon');
    expect(res.status).toBe(303);
    expect(bookingRows(w.t.db).map((b) => [b.date, b.daypart, b.status])).toEqual([[TODAY, 'afternoon', 'confirmed']]);
  });

  it('daypart over: from the check-in deadline on (14:00, 21:16) today’s afternoon is refused with a message, nothing stored', async () => {
    const w = await world('14:00');
    for (const time of ['14:00', '21:16']) {
      w.t.clock.set(instantOf(TODAY, time).toISOString());
      const res = await book(w.workerClient, w.space.spaceId, 'afternoon');
      expect(res.status, time).toBe(422);
      expect(text((await html(res)).querySelector('[role=alert]')), time).toBe(
        'Dit dagdeel is voorbij: de inchecktijd is verstreken, dus reserveren kan niet meer.',
      );
    }
    const en = await book(w.workerClient, w.space.spaceId, 'afternoon', TODAY, { 'accept-language': 'en' });
    expect(text((await html(en)).querySelector('[role=alert]'))).toBe(
      'This part of the day is over: its check-in time has passed, so it can no longer be booked.',
    );
    const cell = await w.workerClient.post(`/desks/spaces/${w.space.spaceId}/book`, { date: TODAY, daypart: 'afternoon', fragment: 'cell' }, HX);
    expect(cell.status).toBe(422);
    expect(await cell.text()).toContain('Dit dagdeel is voorbij');
    expect(countRows(w.t.db, 'bookings')).toBe(0);
    // The bug as reported: nothing for the no-show job to turn into no_show a minute later.
    w.t.clock.advance(60_000);
    expect(releaseNoShows(w.t.db, w.t.clock.now())).toBe(0);
    // Tomorrow's afternoon is not affected.
    expect((await book(w.workerClient, w.space.spaceId, 'afternoon', addDays(TODAY, 1))).status).toBe(303);
  });

  it('daypart over: at 11:00 the morning is over but the afternoon is not; a whole day is refused (all or nothing)', async () => {
    const w = await world('11:00');
    expect((await book(w.workerClient, w.space.spaceId, 'morning')).status).toBe(422);
    const whole = await book(w.workerClient, w.space.spaceId, 'whole');
    expect(whole.status).toBe(422);
    expect(text(await html(whole))).toContain('Dit dagdeel is voorbij');
    expect(countRows(w.t.db, 'bookings')).toBe(0);
    expect((await book(w.workerClient, w.space.spaceId, 'afternoon')).status).toBe(303);
  });

  it('daypart over: the deadline is the location’s own (afternoon check-in until 16:30 → bookable at 16:00, not at 16:30)', async () => {
    const w = await world('16:00');
    w.t.db.update(locations).set({ checkinDeadlineAfternoon: '16:30' }).where(eq(locations.id, w.space.locationId)).run();
    expect((await book(w.workerClient, w.space.spaceId, 'afternoon')).status).toBe(303);
    const other = await loginAs(w.t.app, (await createUser(w.t.db, { orgId: w.guestOrg.id })).email);
    w.t.clock.set(instantOf(TODAY, '16:30').toISOString());
    expect((await book(other, w.space.spaceId, 'afternoon')).status).toBe(422);
  });

  it('daypart over: a recurring booking that starts today skips today’s dagdeel once it is over, with the reason', async () => {
    const w = await world('15:00');
    const res = await w.workerClient.post(`/desks/spaces/${w.space.spaceId}/book-series`, { weekday: '1', daypart: 'afternoon', weeks: '2', startDate: TODAY });
    expect(res.status).toBe(200);
    expect(text(await html(res))).toContain('Dit dagdeel is voorbij');
    expect(bookingRows(w.t.db).map((b) => b.date)).toEqual([addDays(TODAY, 7)]);
  });
});

describe('dagdeel over: one definition for booking and the no-show release', () => {
  it('daypart over: around each deadline, the no-show job releases exactly the dagdelen the booking rule refuses', async () => {
    const t = createTestApp({ clock: at('07:00') });
    const hostOrg = createOrg(t.db);
    const guestOrg = createOrg(t.db);
    const space = createSpace(t.db, hostOrg.id, { capacity: 50 });
    t.db.update(locations).set({ checkinDeadlineMorning: '09:30', checkinDeadlineAfternoon: '13:45' }).where(eq(locations.id, space.locationId)).run();
    const rules = loadSpaceForRules(t.db, space.spaceId)!;
    const dates = [addDays(TODAY, -1), TODAY, addDays(TODAY, 1)];
    const times = ['00:00', '09:29', '09:30', '09:31', '13:44', '13:45', '13:46', '23:59'];
    const dayparts: Daypart[] = ['morning', 'afternoon'];
    const seen = { over: 0, open: 0 };
    for (const time of times) {
      const now = instantOf(TODAY, time);
      for (const date of dates)
        for (const daypart of dayparts) {
          const label = `${date} ${daypart} at ${time}`;
          const over = daypartOver(rules, date, daypart, localMoment(now));
          seen[over ? 'over' : 'open']++;
          // The booking rule (a fresh person each time, so "one place per dagdeel" never interferes).
          const person = await createUser(t.db, { orgId: guestOrg.id });
          const r = bookSpace(t.db, { spaceId: space.spaceId, userId: person.id, guestOrgId: guestOrg.id, date, dayparts: [daypart], note: null }, now);
          expect(r.ok, label).toBe(!over);
          if (!r.ok) expect(r.reason, label).toBe(date < TODAY ? 'past' : 'daypart_over');
          // The release: a confirmed booking of that dagdeel, not checked in, is released iff it is over.
          const id = t.db
            .insert(bookings)
            .values({
              spaceId: space.spaceId,
              locationId: space.locationId,
              orgId: hostOrg.id,
              userId: (await createUser(t.db, { orgId: guestOrg.id })).id,
              guestOrgId: guestOrg.id,
              date,
              daypart,
              status: 'confirmed',
              updatedAt: now,
            })
            .returning({ id: bookings.id })
            .get().id;
          releaseNoShows(t.db, now, {}, 1000);
          const status = t.db.select({ s: bookings.status }).from(bookings).where(eq(bookings.id, id)).get()!.s;
          expect(status, label).toBe(over ? 'no_show' : 'confirmed');
          // Leave no confirmed booking behind for the next round's release.
          t.db.update(bookings).set({ status: 'cancelled' }).where(eq(bookings.spaceId, space.spaceId)).run();
        }
    }
    // Both outcomes occur for today at the boundary minutes, so neither side passes trivially.
    expect(seen.over).toBeGreaterThan(10);
    expect(seen.open).toBeGreaterThan(10);
  });

  it('daypart over: daypartOver boundaries — the deadline minute itself is over, the minute before is not, other dates are by date alone', () => {
    const loc = { checkinDeadlineMorning: '10:00', checkinDeadlineAfternoon: '14:00' };
    const m = (time: string) => ({ today: TODAY, time });
    expect(daypartOver(loc, TODAY, 'morning', m('09:59'))).toBe(false);
    expect(daypartOver(loc, TODAY, 'morning', m('10:00'))).toBe(true);
    expect(daypartOver(loc, TODAY, 'afternoon', m('10:00'))).toBe(false);
    expect(daypartOver(loc, TODAY, 'afternoon', m('13:59'))).toBe(false);
    expect(daypartOver(loc, TODAY, 'afternoon', m('14:00'))).toBe(true);
    expect(daypartOver(loc, addDays(TODAY, -1), 'afternoon', m('00:00'))).toBe(true);
    expect(daypartOver(loc, addDays(TODAY, 1), 'morning', m('23:59'))).toBe(false);
    // Seconds do not count: 13:59:59 is still 13:59 on the wall clock.
    expect(daypartOver(loc, TODAY, 'afternoon', localMoment(new Date(instantOf(TODAY, '14:00').getTime() - 1000)))).toBe(false);
  });
});

describe('dagdeel over: search and week view show it as past', () => {
  it('daypart over: search results mark an over dagdeel as past, with no booking button; the other dagdeel stays bookable', async () => {
    const t = createTestApp({ clock: at('11:00') });
    const w = await desksWorld(t);
    const viewer = { userId: w.worker.id, userOrgIds: [w.guestOrg.id], guestOrgId: w.guestOrg.id };
    const [row] = searchSpaces(t.db, { date: TODAY, town: null, amenities: [], host: null }, viewer, t.clock.now()).rows;
    expect(row).toMatchObject({ spaceId: w.space.spaceId, overMorning: true, overAfternoon: false });
    const card = (daypart: Daypart | 'whole') =>
      parse(String(SpaceCard({ t: dictFor('nl'), locale: 'nl', row: row!, date: TODAY, daypart, mine: [], held: [], asOrg: null })));
    for (const daypart of ['morning', 'whole'] as const) {
      expect(text(card(daypart).querySelector('.status')), daypart).toBe('Voorbij: de inchecktijd van dit dagdeel is verstreken');
      expect(card(daypart).querySelector('form'), daypart).toBeNull();
    }
    expect(card('afternoon').querySelector('form')).not.toBeNull();
    expect(text(card('afternoon'))).not.toContain('Voorbij');
    // Tomorrow nothing is over yet.
    const [next] = searchSpaces(t.db, { date: addDays(TODAY, 1), town: null, amenities: [], host: null }, viewer, t.clock.now()).rows;
    expect(next).toMatchObject({ overMorning: false, overAfternoon: false });
  });

  it('daypart over: week-view cells say "voorbij" for an over dagdeel (and earlier days), "gesloten" on closed days', async () => {
    const t = createTestApp({ clock: at('11:00') });
    const w = await desksWorld(t);
    const rules = loadSpaceForRules(t.db, w.space.spaceId)!;
    const closed = closedDatesFor(t.db, rules, addDays(TODAY, -1), addDays(TODAY, 6));
    const nl = dictFor('nl');
    const cell = (date: string, daypart: Daypart) => {
      const refusal = slotRefusal(rules, date, daypart, localMoment(t.clock.now()), closed);
      const props = {
        t: nl,
        locale: 'nl' as const,
        spaceId: w.space.spaceId,
        date,
        daypart,
        capacity: 3,
        taken: 0,
        mine: false,
        unavailable: unavailableText(nl, refusal),
        canBook: true,
        asOrg: null,
      };
      return text(parse(String(SlotCell(props))));
    };
    expect(cell(TODAY, 'morning')).toBe('voorbij');
    expect(cell(TODAY, 'afternoon')).toContain('3 van 3 vrij');
    expect(cell(addDays(TODAY, -1), 'afternoon')).toBe('voorbij');
    expect(cell(addDays(TODAY, 5), 'morning')).toBe('gesloten'); // Saturday
  });

  it('daypart over (request): GET /desks for today’s morning at 11:00 shows the space as past, without a button', async () => {
    const t = createTestApp({ clock: at('11:00') });
    const w = await desksWorld(t);
    const results = (await html(await w.workerClient.get(`/desks?date=${TODAY}&daypart=morning`))).querySelector('#desk-results')!;
    expect(text(results)).toContain('Flexplekken');
    expect(text(results)).toContain('Voorbij: de inchecktijd van dit dagdeel is verstreken');
    expect(results.querySelector('form')).toBeNull();
  });

  it('daypart over (request): the week view shows today’s morning as "voorbij" at 11:00 and the afternoon bookable', async () => {
    const t = createTestApp({ clock: at('11:00') });
    const w = await desksWorld(t);
    const page = await html(await w.workerClient.get(`/desks/spaces/${w.space.spaceId}`));
    const row = page.querySelectorAll('table.week tbody tr')[0]!;
    const [morning, afternoon] = row.querySelectorAll('td.slot');
    expect(text(morning)).toBe('voorbij');
    expect(afternoon!.querySelector('form')).not.toBeNull();
  });
});

describe('dagdeel over: the search opens on the next bookable dagdeel (issue #17 point 1)', () => {
  const opened = async (date: string, time: string, path = '/desks') => {
    const t = createTestApp({ clock: at(time, date) });
    const w = await desksWorld(t);
    const page = await html(await w.workerClient.get(path));
    return {
      date: page.querySelector('input[name=date]')?.getAttribute('value'),
      daypart: page.querySelector('select[name=daypart] option[selected]')?.getAttribute('value'),
      title: text(page.querySelector('#desk-results-title')),
      bookable: page.querySelector('#desk-results form') !== null,
      past: text(page.querySelector('#desk-results')).includes('Voorbij'),
    };
  };

  it('next bookable dagdeel: in the evening /desks opens on tomorrow’s ochtend, bookable, not on today’s past ochtend', async () => {
    const o = await opened(TODAY, '21:16');
    expect(o).toMatchObject({ date: addDays(TODAY, 1), daypart: 'morning', bookable: true, past: false });
    expect(o.title).toBe('Vrije plekken op di 24 nov 2026, ochtend');
  });

  it('next bookable dagdeel: once the ochtend is over (11:00) it opens on today’s middag; before its deadline (09:59) on today’s ochtend', async () => {
    expect(await opened(TODAY, '11:00')).toMatchObject({ date: TODAY, daypart: 'afternoon', bookable: true, past: false });
    expect(await opened(TODAY, '09:59')).toMatchObject({ date: TODAY, daypart: 'morning', bookable: true });
  });

  it('next bookable dagdeel: skips the weekend (Friday evening → Monday) and holidays (Christmas Eve evening → Monday 28 December)', async () => {
    expect(await opened('2026-11-27', '18:00')).toMatchObject({ date: '2026-11-30', daypart: 'morning' });
    expect(await opened('2026-12-24', '20:00')).toMatchObject({ date: '2026-12-28', daypart: 'morning' });
  });

  it('next bookable dagdeel: a date asked for without a dagdeel opens on its first dagdeel not over; an explicit past dagdeel still shows as past', async () => {
    expect(await opened(TODAY, '11:00', `/desks?date=${TODAY}`)).toMatchObject({ daypart: 'afternoon', bookable: true });
    expect(await opened(TODAY, '11:00', `/desks?date=${addDays(TODAY, 1)}`)).toMatchObject({ daypart: 'morning', bookable: true });
    expect(await opened(TODAY, '21:16', `/desks?date=${TODAY}&daypart=morning`)).toMatchObject({ daypart: 'morning', bookable: false, past: true });
  });
});
