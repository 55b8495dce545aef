import { parse } from 'node-html-parser';
import { describe, expect, it } from 'vitest';
import { closures } from '../../db/schema';
import { bookSpace } from '../../src/desks/bookings';
import { addClosure, countClosureAffected } from '../../src/desks/desks';
import { instantOf } from '../../src/lib/time';
import { createOrg, createTestApp, createUser, loginAs, TestClock, text } from '../helpers';
import { bookingRows, closureReasons, createSpace } from './factory';

/**
 * A host closes a location or one of its spaces. When that cancels bookings, the host first sees
 * how many and confirms (as an org admin does for all locations); without bookings in the range
 * it closes at once. A closure cannot start in the past: it would cancel bookings already used.
 * The clock stands at Tuesday 1 December 2026, 09:00 Amsterdam.
 */
async function world() {
  const t = createTestApp({ clock: new TestClock(instantOf('2026-12-01', '09:00')) });
  const hostOrg = createOrg(t.db, { name: 'CJG Harderwijk' });
  const guestOrg = createOrg(t.db, { name: 'GGD Noord- en Oost-Gelderland' });
  const space = createSpace(t.db, hostOrg.id, { openWeekdays: 127, name: 'Stationslaan' });
  const otherLoc = createSpace(t.db, hostOrg.id, { openWeekdays: 127, name: 'Tweelingstad' });
  const second = t.db.$client
    .prepare("insert into spaces (location_id, org_id, name, kind, capacity, amenities) values (?, ?, 'Stilteruimte', 'stilteruimte', 1, 0) returning id")
    .get(space.locationId, hostOrg.id) as { id: number };
  const worker = await createUser(t.db, { orgId: guestOrg.id, name: 'Sanne de Vries' });
  const host = await createUser(t.db, { orgId: hostOrg.id, roles: ['host'], name: 'Marieke Jansen' });
  const book = (date: string, spaceId = space.spaceId) =>
    bookSpace(t.db, { spaceId, userId: worker.id, guestOrgId: guestOrg.id, date, dayparts: ['morning'], note: null }, t.clock.now());
  const path = `/host/locations/${space.locationId}/closures`;
  const reasons = () => closureReasons(t.db);
  return { t, hostOrg, space, otherLoc, second: second.id, host, book, path, reasons };
}

async function post(client: Awaited<ReturnType<typeof loginAs>>, path: string, body: Record<string, string>) {
  const res = await client.post(path, body);
  const doc = parse(await res.text());
  const form = doc.querySelector('main form[method="post"]');
  const hidden = Object.fromEntries((form?.querySelectorAll('input[type="hidden"]') ?? []).map((i) => [i.getAttribute('name'), i.getAttribute('value')]));
  const reason = doc.querySelector('main input[name="reason"]')?.getAttribute('value');
  return { res, h1: text(doc.querySelector('h1')), main: text(doc.querySelector('main')), action: form?.getAttribute('action'), hidden, reason };
}

describe('a host closes a location: a confirming step when it cancels bookings', () => {
  it('with bookings in the range: the count and what closes first, nothing changed; the confirmation closes and cancels', async () => {
    const w = await world();
    expect(w.book('2026-12-28').ok).toBe(true);
    expect(w.book('2026-12-29', w.second).ok).toBe(true);
    expect(w.book('2026-12-30').ok).toBe(true); // after the range
    const host = await loginAs(w.t.app, w.host.email);
    const body = { startDate: '2026-12-28', endDate: '2026-12-29', reason: 'Teamdagen', spaceId: '' };

    const first = await post(host, w.path, body);
    expect(first.res.status).toBe(200);
    expect(first.h1).toBe('Sluiting bevestigen');
    expect(first.main).toContain('Teamdagen: locatie Stationslaan Harderwijk gesloten van ma 28 dec 2026 tot en met di 29 dec 2026.');
    expect(first.main).toContain('2 reserveringen worden geannuleerd; iedere gast krijgt bericht.');
    expect(first.action).toBe(w.path);
    expect(first.hidden).toEqual({ startDate: '2026-12-28', endDate: '2026-12-29', reason: 'Teamdagen', confirm: 'yes' });
    expect(w.reasons()).toEqual([]);
    expect(bookingRows(w.t.db).map((b) => b.status)).toEqual(['confirmed', 'confirmed', 'confirmed']);

    const done = await host.post(w.path, { ...body, confirm: 'yes' });
    expect(done.status).toBe(303);
    expect(text(parse(await (await host.get(done.headers.get('location')!)).text()))).toContain(
      'De sluitingsdag is toegevoegd; 2 reserveringen zijn geannuleerd en de gasten zijn gemaild.',
    );
    expect(w.reasons()).toEqual(['Teamdagen']);
    expect(bookingRows(w.t.db).map((b) => `${b.date}:${b.status}`)).toEqual(['2026-12-28:cancelled', '2026-12-29:cancelled', '2026-12-30:confirmed']);
  });

  it('one space: only its bookings count, and the confirmation keeps the space', async () => {
    const w = await world();
    expect(w.book('2026-12-28').ok).toBe(true);
    expect(w.book('2026-12-29', w.second).ok).toBe(true);
    const host = await loginAs(w.t.app, w.host.email);
    const body = { startDate: '2026-12-28', endDate: '2026-12-29', reason: 'Schilder', spaceId: String(w.second) };
    const first = await post(host, w.path, body);
    expect(first.main).toContain(
      'Schilder: werkruimte Stilteruimte bij locatie Stationslaan Harderwijk gesloten van ma 28 dec 2026 tot en met di 29 dec 2026.',
    );
    expect(first.main).toContain('1 reservering wordt geannuleerd');
    expect(first.hidden).toMatchObject({ spaceId: String(w.second), confirm: 'yes' });
    expect((await host.post(w.path, first.hidden as Record<string, string>)).status).toBe(303);
    expect(w.t.db.select().from(closures).all()).toMatchObject([{ spaceId: w.second, reason: 'Schilder' }]);
    expect(bookingRows(w.t.db).map((b) => `${b.date}:${b.status}`)).toEqual(['2026-12-28:confirmed', '2026-12-29:cancelled']);
  });

  it('one day is said as one day', async () => {
    const w = await world();
    expect(w.book('2026-12-28').ok).toBe(true);
    const host = await loginAs(w.t.app, w.host.email);
    const first = await post(host, w.path, { startDate: '2026-12-28', endDate: '2026-12-28', reason: 'Brandoefening', spaceId: '' });
    expect(first.main).toContain('Brandoefening: locatie Stationslaan Harderwijk gesloten op ma 28 dec 2026.');
  });

  it('without bookings in the range it closes at once', async () => {
    const w = await world();
    expect(w.book('2026-12-30').ok).toBe(true);
    const host = await loginAs(w.t.app, w.host.email);
    const res = await host.post(w.path, { startDate: '2026-12-28', endDate: '2026-12-29', reason: 'Teamdagen', spaceId: '' });
    expect(res.status).toBe(303);
    expect(w.reasons()).toEqual(['Teamdagen']);
  });

  it('refused with a message, nothing written: a start in the past, a space of another location (also on the confirming step)', async () => {
    const w = await world();
    expect(w.book('2026-12-02').ok).toBe(true);
    const host = await loginAs(w.t.app, w.host.email);
    const past = await post(host, w.path, { startDate: '2026-11-30', endDate: '2026-12-02', reason: 'Lekkage', spaceId: '', confirm: 'yes' });
    expect(past.res.status).toBe(422);
    expect(past.main).toContain('Deze datum ligt in het verleden.');
    expect(past.reason).toBe('Lekkage');
    for (const confirm of [{}, { confirm: 'yes' }] as Record<string, string>[]) {
      const wrong = await post(host, w.path, {
        startDate: '2026-12-02',
        endDate: '2026-12-02',
        reason: 'Lekkage',
        spaceId: String(w.otherLoc.spaceId),
        ...confirm,
      });
      expect(wrong.res.status).toBe(422);
      expect(wrong.main).toContain('Kies een van de mogelijkheden.');
      expect(wrong.reason).toBe('Lekkage');
    }
    expect(w.reasons()).toEqual([]);
    expect(bookingRows(w.t.db).map((b) => b.status)).toEqual(['confirmed']);
  });

  it('addClosure itself refuses another organisation’s location (not_found) and a space of another location (bad_space); nothing written', async () => {
    const w = await world();
    expect(w.book('2026-12-28').ok).toBe(true);
    const other = createOrg(w.t.db, { name: 'Lokalis Utrecht' });
    const input = { startDate: '2026-12-28', endDate: '2026-12-28', reason: 'x', spaceId: null };
    expect(addClosure(w.t.db, w.space.locationId, [other.id], input, w.t.clock.now())).toEqual({ ok: false, reason: 'not_found' });
    expect(addClosure(w.t.db, w.space.locationId, [w.hostOrg.id], { ...input, spaceId: w.otherLoc.spaceId }, w.t.clock.now())).toEqual({
      ok: false,
      reason: 'bad_space',
    });
    expect(w.reasons()).toEqual([]);
    expect(bookingRows(w.t.db).map((b) => b.status)).toEqual(['confirmed']);
    expect(addClosure(w.t.db, w.space.locationId, [other.id, w.hostOrg.id], input, w.t.clock.now())).toEqual({
      ok: true,
      bookings: 1,
      hours: 0,
      slots: 0,
      meetings: 0,
    });
  });

  it('the count is the host’s only: another organisation’s location gives not_found', async () => {
    const w = await world();
    const other = createOrg(w.t.db, { name: 'Lokalis Utrecht' });
    const input = { startDate: '2026-12-28', endDate: '2026-12-28', reason: 'x', spaceId: null };
    expect(countClosureAffected(w.t.db, w.space.locationId, [other.id], input, w.t.clock.now())).toEqual({ ok: false, reason: 'not_found' });
    expect(countClosureAffected(w.t.db, w.space.locationId, [w.hostOrg.id], { ...input, spaceId: w.otherLoc.spaceId }, w.t.clock.now())).toEqual({
      ok: false,
      reason: 'bad_space',
    });
    expect(w.book('2026-12-28').ok).toBe(true);
    expect(countClosureAffected(w.t.db, w.space.locationId, [w.hostOrg.id], input, w.t.clock.now())).toEqual({
      ok: true,
      effect: { bookings: 1, hours: 0, slots: 0, meetings: 0 },
      spaceName: null,
    });
    expect(countClosureAffected(w.t.db, w.space.locationId, [w.hostOrg.id], { ...input, spaceId: w.second }, w.t.clock.now())).toEqual({
      ok: true,
      effect: { bookings: 0, hours: 0, slots: 0, meetings: 0 },
      spaceName: 'Stilteruimte',
    });
  });
});
