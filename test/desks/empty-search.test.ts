import { describe, expect, it } from 'vitest';
import { bookSpace } from '../../src/desks/bookings';
import { closures } from '../../db/schema';
import { instantOf } from '../../src/lib/time';
import { createOrg, createTestApp, createUser, html, loginAs, TestClock, text } from '../helpers';
import { createSpace, desksWorld, HX } from './factory';

// Issue #17 point 6: an empty search says why, when one rule explains it. Monday 23 November 2026, 08:00.
const world = async (o: Parameters<typeof desksWorld>[1] = {}) => {
  const t = createTestApp({ clock: new TestClock(instantOf('2026-11-23', '08:00')) });
  return { t, ...(await desksWorld(t, o)) };
};
const said = async (w: Awaited<ReturnType<typeof world>>, query: string, lang?: 'en') => {
  const res = await w.workerClient.get(`/desks?${query}`, lang ? { 'accept-language': lang } : {});
  expect(res.status).toBe(200);
  const results = (await html(res)).querySelector('#desk-results')!;
  return { empty: text(results.querySelector('.empty-state')), cards: results.querySelectorAll('article').length };
};

describe('empty desk search says why', () => {
  it('empty search: on a Saturday "in het weekend gesloten"; on a weekday the locations are closed, that weekday', async () => {
    const w = await world({ openWeekdays: 0b01111 }); // Monday to Thursday
    expect(await said(w, 'date=2026-11-28&daypart=morning')).toEqual({
      empty: 'In het weekend zijn de locaties die je kunt boeken gesloten. Kies een werkdag.',
      cards: 0,
    });
    expect((await said(w, 'date=2026-11-27&daypart=morning')).empty).toBe(
      'Op deze dag van de week zijn de locaties die je kunt boeken gesloten. Kies een andere dag.',
    );
    expect((await said(w, 'date=2026-11-28&daypart=morning', 'en')).empty).toBe('The locations you can book are closed at the weekend. Choose a working day.');
  });

  it('empty search: a holiday (Eerste kerstdag) or a closure of the location says closed, the holiday by name', async () => {
    const w = await world();
    const res = await w.workerClient.get('/desks?date=2026-12-25&daypart=morning');
    const page = await html(res);
    expect(text(page.querySelector('#desk-results .empty-state'))).toBe(
      'Op deze dag zijn de locaties die je kunt boeken gesloten (feestdag of sluitingsdag). Kies een andere dag.',
    );
    expect(text(page.querySelector('.closed-note'))).toContain('Eerste kerstdag');
    w.t.db
      .insert(closures)
      .values({ locationId: w.space.locationId, orgId: w.hostOrg.id, startDate: '2026-11-25', endDate: '2026-11-25', reason: 'Verbouwing' })
      .run();
    expect((await said(w, 'date=2026-11-25&daypart=morning')).empty).toContain('gesloten (feestdag of sluitingsdag)');
  });

  it('empty search: beyond the booking horizon says up to which date one can book', async () => {
    const w = await world({ horizonWeeks: 8 });
    expect((await said(w, 'date=2027-01-25&daypart=morning')).empty).toBe('Zo ver vooruit kun je nog niet reserveren: dat kan tot en met ma 18 jan 2027.');
    expect((await said(w, 'date=2027-01-18&daypart=morning')).cards).toBe(1);
  });

  it('empty search: rules that exclude a date only together still say why — a Sunday beyond the horizon says the horizon, a holiday on a Saturday the weekend', async () => {
    const w = await world({ horizonWeeks: 8 });
    expect((await said(w, 'date=2027-03-07&daypart=morning')).empty).toBe('Zo ver vooruit kun je nog niet reserveren: dat kan tot en met ma 18 jan 2027.');
    expect((await said(w, 'date=2027-03-07&daypart=morning', 'en')).empty).toContain('18 Jan 2027');
    expect(await said(w, 'date=2026-12-26&daypart=morning')).toEqual({
      empty: 'In het weekend zijn de locaties die je kunt boeken gesloten. Kies een werkdag.',
      cards: 0,
    });
    // A closure beyond the horizon: still the horizon, the first thing to change.
    w.t.db
      .insert(closures)
      .values({ locationId: w.space.locationId, orgId: w.hostOrg.id, startDate: '2027-03-01', endDate: '2027-03-31', reason: 'Verbouwing' })
      .run();
    expect((await said(w, 'date=2027-03-10&daypart=morning')).empty).toContain('Zo ver vooruit kun je nog niet reserveren');
  });

  it('empty search: filters that match nothing keep the filters message; no space shared at all says so', async () => {
    const w = await world();
    expect((await said(w, 'date=2026-11-24&daypart=morning&town=Zwolle')).empty).toBe(
      'Geen werkruimtes gevonden met deze filters. Probeer een andere plaats of organisatie, of minder voorzieningen.',
    );
    const lonely = createOrg(w.t.db, { name: 'Wijkteam Elders' });
    const alone = await loginAs(w.t.app, (await createUser(w.t.db, { orgId: lonely.id })).email);
    w.t.db.$client.prepare('update locations set sharing = ? where id = ?').run('list', w.space.locationId);
    const res = await alone.get('/desks?date=2026-11-24&daypart=morning');
    expect(text((await html(res)).querySelector('#desk-results .empty-state'))).toBe('Er zijn nog geen werkruimtes met jouw organisatie gedeeld.');
  });

  it('empty search: spaces found but every one full for the dagdeel says everything is full; a free one says nothing of the kind', async () => {
    const w = await world({ capacity: 1 });
    const other = await createUser(w.t.db, { orgId: w.guestOrg.id });
    expect(
      bookSpace(
        w.t.db,
        { spaceId: w.space.spaceId, userId: other.id, guestOrgId: w.guestOrg.id, date: '2026-11-24', dayparts: ['morning'], note: null },
        w.t.clock.now(),
      ).ok,
    ).toBe(true);
    expect(await said(w, 'date=2026-11-24&daypart=morning')).toEqual({
      empty: 'Alle werkruimtes zijn vol voor dit dagdeel. Kies een ander dagdeel of een andere dag; een afmelding komt direct vrij.',
      cards: 1,
    });
    expect(await said(w, 'date=2026-11-24&daypart=afternoon')).toEqual({ empty: '', cards: 1 });
  });

  it('host filter: the worker’s own organisation is not suggested, even when it shares a location, since it can never match', async () => {
    const w = await world();
    createSpace(w.t.db, w.guestOrg.id, { name: 'Eigen plekken' });
    const suggested = (await html(await w.workerClient.get('/desks/hosts', HX))).querySelectorAll('option').map((o) => o.getAttribute('value'));
    expect(suggested).toEqual([w.hostOrg.name]);
  });
});

describe('search form: amenities under "Meer filters" (issue #17 point 9)', () => {
  it('more filters: the amenity checkboxes sit in a collapsed <details> after the search button; open, with the count, while one is chosen', async () => {
    const w = await world();
    const form = (await html(await w.workerClient.get('/desks'))).querySelector('form.desk-search')!;
    const order = form.querySelectorAll('button[type=submit], details, input[name=amenities]').map((e) => e.tagName.toLowerCase());
    expect(order[0]).toBe('button');
    expect(order[1]).toBe('details');
    expect(order.slice(2).every((tag) => tag === 'input')).toBe(true);
    const details = form.querySelector('details.more-filters')!;
    expect(details.hasAttribute('open')).toBe(false);
    expect(text(details.querySelector('summary'))).toBe('Meer filters');
    expect(details.querySelectorAll('input[name=amenities]').length).toBeGreaterThan(3);

    const chosen = (await html(await w.workerClient.get('/desks?date=2026-11-24&daypart=morning&amenities=wifi'))).querySelector('details.more-filters')!;
    expect(chosen.hasAttribute('open')).toBe(true);
    expect(text(chosen.querySelector('summary'))).toBe('Meer filters (1 gekozen)');
    expect(chosen.querySelector('input[value=wifi]')!.hasAttribute('checked')).toBe(true);
    const en = (await html(await w.workerClient.get('/desks', { 'accept-language': 'en' }))).querySelector('details.more-filters summary');
    expect(text(en)).toBe('More filters');
  });
});
