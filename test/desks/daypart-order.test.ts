import { describe, expect, it } from 'vitest';
import { outbox, type Daypart } from '../../db/schema';
import { bookSpace, cancelBooking } from '../../src/desks/bookings';
import { instantOf } from '../../src/lib/time';
import { createTestApp, createUser, html, TestClock, text } from '../helpers';
import { desksWorld } from './factory';

// Review finding: lists ordered by the daypart column sorted its text, so 'afternoon' came before
// 'morning' ("do 10 dec · middag" above "· ochtend"). Each booking below is made afternoon first,
// so that neither the text nor the order of making gives the order of the day. Monday 7 December 2026.
const TODAY = '2026-12-07';

async function world() {
  const t = createTestApp({ clock: new TestClock(instantOf(TODAY, '08:00')) });
  const w = await desksWorld(t, { capacity: 5 });
  const book = (userId: string, date: string, dayparts: Daypart[]) => {
    const r = bookSpace(t.db, { spaceId: w.space.spaceId, userId, guestOrgId: w.guestOrg.id, date, dayparts, note: null }, t.clock.now());
    if (!r.ok) throw new Error(r.reason);
    return r.ids;
  };
  return { t, ...w, book };
}

describe('dagdelen in the order of the day: ochtend, then middag', () => {
  it('daypart order: my bookings (today, upcoming and earlier) list the morning above the afternoon of the same date', async () => {
    const w = await world();
    w.book(w.worker.id, TODAY, ['afternoon']);
    w.book(w.worker.id, TODAY, ['morning']);
    w.book(w.worker.id, '2026-12-10', ['afternoon']);
    w.book(w.worker.id, '2026-12-10', ['morning']);
    const [afternoon] = w.book(w.worker.id, '2026-12-11', ['afternoon']);
    const [morning] = w.book(w.worker.id, '2026-12-11', ['morning']);
    for (const id of [afternoon!, morning!]) expect(cancelBooking(w.t.db, id, w.worker.id, w.t.clock.now())).toEqual({ ok: true });

    const page = await html(await w.workerClient.get('/bookings'));
    const items = (id: string) =>
      page
        .querySelector(`section[aria-labelledby=${id}]`)!
        .querySelectorAll('article.booking-item')
        .map((a) => text(a.querySelector('h3')));
    expect(items('bookings-today')).toEqual(['ma 7 dec 2026 · ochtend', 'ma 7 dec 2026 · middag']);
    expect(items('bookings-upcoming')).toEqual(['do 10 dec 2026 · ochtend', 'do 10 dec 2026 · middag']);
    expect(items('bookings-earlier')).toEqual(['vr 11 dec 2026 · ochtend', 'vr 11 dec 2026 · middag']);

    const here = await html(await w.workerClient.get(`/bookings/at/${w.space.locationId}`));
    expect(text(here.querySelector('main'))).toMatch(/ochtend.*middag/);
    expect(text(here.querySelector('main'))).not.toMatch(/middag.*ochtend/);
  });

  it('daypart order: the host’s guest list shows the morning guests first, then the afternoon, each by name', async () => {
    const w = await world();
    const ruben = await createUser(w.t.db, { orgId: w.guestOrg.id, name: 'Ruben Mulder' });
    const anna = await createUser(w.t.db, { orgId: w.guestOrg.id, name: 'Anna Bakker' });
    w.book(ruben.id, TODAY, ['afternoon']);
    w.book(anna.id, TODAY, ['afternoon']);
    w.book(w.worker.id, TODAY, ['morning']);
    const page = await html(await w.hostClient.get(`/host/guests?location=${w.space.locationId}&date=${TODAY}`));
    const rows = page.querySelectorAll('tbody tr').map((tr) =>
      tr
        .querySelectorAll('td')
        .slice(0, 4)
        .map((td) => text(td))
        .filter((_, i) => i === 0 || i === 3)
        .join(' · '),
    );
    expect(rows).toEqual(['Sanne de Vries · ochtend', 'Anna Bakker · middag', 'Ruben Mulder · middag']);
  });

  it('daypart order: a whole day’s confirmation says "ochtend + middag", in that order', async () => {
    const w = await world();
    w.book(w.worker.id, '2026-12-10', ['afternoon', 'morning']);
    expect(w.t.db.select().from(outbox).all().at(-1)!.body).toContain('ochtend + middag');
  });
});
