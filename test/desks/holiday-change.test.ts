import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { locations, organisations, outbox } from '../../db/schema';
import { bookSpace } from '../../src/desks/bookings';
import { instantOf } from '../../src/lib/time';
import { createOrg, createTestApp, createUser, html, loginAs, TestClock, text } from '../helpers';
import { bookingRows, createSpace } from './factory';

// Changing which holidays close (issue #12, part 1): a choice that closes days guests have booked
// cancels those bookings and tells each guest, as a closure does — after a confirmation that says
// how many. The clock stands at Tuesday 1 December 2026, 09:00 Amsterdam.

const NOW = '2026-12-01';
const XMAS = '2026-12-25';

async function world() {
  const t = createTestApp({ clock: new TestClock(instantOf(NOW, '09:00')) });
  const hostOrg = createOrg(t.db, { name: 'CJG Harderwijk' });
  const guestOrg = createOrg(t.db, { name: 'GGD Noord- en Oost-Gelderland' });
  const space = createSpace(t.db, hostOrg.id);
  const ownSet = createSpace(t.db, hostOrg.id, { town: 'Ermelo' });
  const orgAdmin = await createUser(t.db, { orgId: hostOrg.id, roles: ['org_admin'] });
  const host = await createUser(t.db, { orgId: hostOrg.id, roles: ['host'] });
  const sanne = await createUser(t.db, { orgId: guestOrg.id, name: 'Sanne de Vries' });
  const john = await createUser(t.db, { orgId: guestOrg.id, name: 'John Smith' });
  t.db.$client.prepare("update users set locale = 'en' where id = ?").run(john.id);
  // Christmas Day open everywhere (the organisation chose so); Ermelo keeps its own choice.
  t.db.update(organisations).set({ closedHolidays: 'nieuwjaarsdag' }).where(eq(organisations.id, hostOrg.id)).run();
  t.db.update(locations).set({ closedHolidays: 'nieuwjaarsdag' }).where(eq(locations.id, ownSet.locationId)).run();
  const book = (spaceId: number, userId: string) =>
    bookSpace(t.db, { spaceId, userId, guestOrgId: guestOrg.id, date: XMAS, dayparts: ['morning'], note: null }, t.clock.now());
  expect(book(space.spaceId, sanne.id).ok).toBe(true);
  expect(book(space.spaceId, john.id).ok).toBe(true);
  expect(book(ownSet.spaceId, (await createUser(t.db, { orgId: guestOrg.id })).id).ok).toBe(true);
  t.db.delete(outbox).run();
  return { t, hostOrg, space, ownSet, orgAdmin, host, sanne, john };
}

const statuses = (w: Awaited<ReturnType<typeof world>>) => bookingRows(w.t.db).map((b) => `${b.space_id}:${b.status}`);

describe('a holiday choice that closes booked days', () => {
  it('organisation: the confirmation names the count and changes nothing; confirming saves, cancels the bookings at inheriting locations and tells each guest in their language', async () => {
    const w = await world();
    const admin = await loginAs(w.t.app, w.orgAdmin.email);
    const path = `/closures/org/${w.hostOrg.id}/holidays`;
    const ask = await admin.post(path, { closedHolidays: ['nieuwjaarsdag', 'eerste_kerstdag'] });
    expect(ask.status).toBe(200);
    const confirm = await html(ask);
    expect(text(confirm)).toContain('2 reserveringen worden geannuleerd');
    // The choice travels along, hidden, with the confirmation.
    expect(confirm.querySelectorAll('input[name=closedHolidays]').map((i) => i.getAttribute('value'))).toEqual(['nieuwjaarsdag', 'eerste_kerstdag']);
    expect(w.t.db.select().from(organisations).where(eq(organisations.id, w.hostOrg.id)).get()!.closedHolidays).toBe('nieuwjaarsdag');
    expect(statuses(w).filter((s) => s.endsWith('cancelled'))).toEqual([]);

    const done = await admin.post(path, { closedHolidays: ['nieuwjaarsdag', 'eerste_kerstdag'], confirm: 'yes' });
    expect(done.status).toBe(303);
    expect(text(await html(await admin.get(done.headers.get('location')!)))).toContain('2 reserveringen zijn geannuleerd');
    expect(statuses(w).sort()).toEqual([`${w.ownSet.spaceId}:confirmed`, `${w.space.spaceId}:cancelled`, `${w.space.spaceId}:cancelled`].sort());
    const mails = w.t.db.select().from(outbox).all();
    expect(mails).toHaveLength(2);
    expect(mails.find((m) => m.body.includes('Sanne'))!.body).toContain('Eerste kerstdag');
    expect(mails.find((m) => m.body.includes('John'))!.body).toContain('Christmas Day');
  });

  it('organisation: a choice that closes nothing booked saves at once', async () => {
    const w = await world();
    const admin = await loginAs(w.t.app, w.orgAdmin.email);
    const res = await admin.post(`/closures/org/${w.hostOrg.id}/holidays`, { closedHolidays: ['nieuwjaarsdag', 'koningsdag'] });
    expect(res.status).toBe(303);
    expect(text(await html(await admin.get(res.headers.get('location')!)))).toContain('De feestdagen zijn opgeslagen.');
    expect(statuses(w).every((s) => s.endsWith('confirmed'))).toBe(true);
  });

  it('location: the host’s own choice in the location form asks first, keeps every field, then cancels only there; another organisation’s host gets 404', async () => {
    const w = await world();
    const host = await loginAs(w.t.app, w.host.email);
    const path = `/host/locations/${w.ownSet.locationId}`;
    const form = {
      name: 'Locatie Ermelo',
      street: 'Stationslaan 2',
      postcode: '3841 DB',
      town: 'Ermelo',
      openWeekdays: ['1', '2', '3', '4', '5'],
      sharing: 'all',
      horizonWeeks: '8',
      checkinDeadlineMorning: '10:00',
      checkinDeadlineAfternoon: '14:00',
      requestDeadlineDays: '1',
      requestDeadlineTime: '16:00',
      holidayMode: 'own',
      closedHolidays: ['eerste_kerstdag'],
    };
    const other = await loginAs(w.t.app, (await createUser(w.t.db, { orgId: createOrg(w.t.db).id, roles: ['host'] })).email);
    expect((await other.post(path, { ...form, confirm: 'yes' })).status).toBe(404);

    const ask = await html(await host.post(path, form));
    expect(text(ask)).toContain('1 reservering wordt geannuleerd');
    expect(ask.querySelector('input[name=town]')?.getAttribute('value')).toBe('Ermelo');
    expect(ask.querySelectorAll('input[name=openWeekdays]')).toHaveLength(5);
    expect(statuses(w).every((s) => s.endsWith('confirmed'))).toBe(true);
    // What the confirmation posts back (every hidden field) is what gets saved.
    const hidden = Object.fromEntries(
      Object.entries(
        ask.querySelectorAll('form input[type=hidden]').reduce<Record<string, string[]>>((acc, i) => {
          const k = i.getAttribute('name')!;
          acc[k] = [...(acc[k] ?? []), i.getAttribute('value') ?? ''];
          return acc;
        }, {}),
      ).map(([k, v]) => [k, v.length === 1 && !['openWeekdays', 'closedHolidays'].includes(k) ? v[0]! : v]),
    );
    expect(hidden.confirm).toBe('yes');
    expect((await host.post(path, hidden)).status).toBe(303);
    expect(w.t.db.select().from(locations).where(eq(locations.id, w.ownSet.locationId)).get()!.closedHolidays).toBe('eerste_kerstdag');
    expect(statuses(w).sort()).toEqual([`${w.ownSet.spaceId}:cancelled`, `${w.space.spaceId}:confirmed`, `${w.space.spaceId}:confirmed`].sort());
  });

  it('location: fewer opening days with bookings on a day dropped ask first, then cancel those bookings and tell each guest which day closed (review finding)', async () => {
    const w = await world();
    const host = await loginAs(w.t.app, w.host.email);
    // Friday 25 December is booked three times (one at Ermelo); a Thursday booking stays.
    const guestOrgId = (w.t.db.$client.prepare('select org_id from memberships where user_id = ?').get(w.sanne.id) as { org_id: number }).org_id;
    const thursday = bookSpace(
      w.t.db,
      { spaceId: w.space.spaceId, userId: w.sanne.id, guestOrgId, date: '2026-12-24', dayparts: ['morning'], note: null },
      w.t.clock.now(),
    );
    expect(thursday.ok ? 'ok' : thursday.reason).toBe('ok');
    const path = `/host/locations/${w.space.locationId}`;
    const form = {
      name: 'CJG Harderwijk',
      street: 'Stationslaan 2',
      postcode: '3841 DB',
      town: 'Harderwijk',
      openWeekdays: ['1', '2', '3', '4'],
      sharing: 'all',
      horizonWeeks: '8',
      checkinDeadlineMorning: '10:00',
      checkinDeadlineAfternoon: '14:00',
      requestDeadlineDays: '1',
      requestDeadlineTime: '16:00',
    };
    const ask = await html(await host.post(path, form));
    expect(text(ask.querySelector('h1'))).toBe('Gesloten dagen wijzigen');
    expect(text(ask)).toContain('2 reserveringen worden geannuleerd');
    expect(statuses(w).every((s) => s.endsWith('confirmed'))).toBe(true);
    const done = await host.post(path, { ...form, confirm: 'yes' });
    expect(done.status).toBe(303);
    expect(text(await html(await host.get(done.headers.get('location')!)))).toContain(
      'De locatie is opgeslagen; 2 reserveringen zijn geannuleerd en de gasten zijn gemaild.',
    );
    const rows = bookingRows(w.t.db).filter((b) => b.space_id === w.space.spaceId);
    expect(rows.map((b) => `${b.date}:${b.status}`).sort()).toEqual(['2026-12-24:confirmed', '2026-12-25:cancelled', '2026-12-25:cancelled']);
    const mails = w.t.db.select().from(outbox).all();
    expect(mails.find((m) => m.body.includes('Sanne') && m.subject.startsWith('Geannuleerd'))!.body).toContain(
      'de locatie is voortaan niet meer open op vrijdag',
    );
    expect(mails.find((m) => m.body.includes('John'))!.body).toContain('no longer open on Fridays');
  });
});
