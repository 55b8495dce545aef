import { describe, expect, it } from 'vitest';
import { bookSpace } from '../../src/desks/bookings';
import { instantOf } from '../../src/lib/time';
import { createTestApp, html, loginAs, TestClock, text } from '../helpers';
import { bookingRows, desksWorld, HX } from './factory';

// Review finding: a host could mark a guest who had checked in as no-show; the guest list then said
// "no-show" next to "ingecheckt om 19:27" and Inzicht counted it. Monday 7 December 2026.
const TODAY = '2026-12-07';

async function world() {
  const t = createTestApp({ clock: new TestClock(instantOf(TODAY, '09:00')) });
  const w = await desksWorld(t);
  const r = bookSpace(
    t.db,
    { spaceId: w.space.spaceId, userId: w.worker.id, guestOrgId: w.guestOrg.id, date: TODAY, dayparts: ['morning'], note: null },
    t.clock.now(),
  );
  if (!r.ok) throw new Error(r.reason);
  const id = r.ids[0]!;
  const guests = `/host/guests?location=${w.space.locationId}&date=${TODAY}`;
  const row = async (client = w.hostClient) => (await html(await client.get(guests))).querySelector(`#booking-${id}`)!;
  return { t, ...w, id, guests, row };
}

describe('no-show: only for a guest who is not there', () => {
  it('no-show: a guest who checked in is not offered "No-show", and a host who sends it anyway is refused in the row; the booking stays confirmed', async () => {
    const w = await world();
    // Before the check-in deadline (10:00) nobody is a no-show yet: not offered.
    expect(text(await w.row())).not.toContain('No-show');
    w.t.clock.set(instantOf(TODAY, '10:01').toISOString());
    expect(text(await w.row())).toContain('No-show');
    w.t.clock.set(instantOf(TODAY, '09:12').toISOString());
    expect((await w.workerClient.post(`/bookings/${w.id}/checkin`)).status).toBe(303);

    w.t.clock.set(instantOf(TODAY, '19:27').toISOString());
    const host = await loginAs(w.t.app, w.host.email);
    const before = await w.row(host);
    expect(text(before)).toContain('ingecheckt om 09:12');
    expect(before.querySelectorAll('button').map((b) => text(b))).not.toContainEqual(expect.stringContaining('No-show'));

    const refused = await host.post(`/host/bookings/${w.id}/no-show`, {}, HX);
    expect(refused.status).toBe(422);
    const fragment = await html(refused);
    expect(fragment.querySelector('tr')!.getAttribute('id')).toBe(`booking-${w.id}`);
    expect(text(fragment.querySelector('[role="alert"]'))).toBe('Sanne de Vries: Is al ingecheckt of aangekomen, dus geen no-show.');
    expect(text(fragment)).toContain('bevestigd');

    // Without JavaScript: back to the list, the reason naming the guest.
    const plain = await host.post(`/host/bookings/${w.id}/no-show`);
    expect(plain.status).toBe(303);
    const list = await html(await host.get(plain.headers.get('location')!));
    expect(text(list.querySelector('[role="status"]'))).toBe('Sanne de Vries: Is al ingecheckt of aangekomen, dus geen no-show.');
    expect(bookingRows(w.t.db).map((b) => b.status)).toEqual(['confirmed']);
    expect(text(await html(await loginAs(w.t.app, w.worker.email).then((c) => c.get('/bookings'))))).not.toContain('no-show');
  });

  it('no-show: a guest the host marked arrived is refused as present, in English too', async () => {
    const w = await world();
    expect((await w.hostClient.post(`/host/bookings/${w.id}/arrived`)).status).toBe(303);
    const refused = await w.hostClient.post(`/host/bookings/${w.id}/no-show`, {}, { ...HX, 'accept-language': 'en' });
    expect(refused.status).toBe(422);
    expect(text((await html(refused)).querySelector('[role="alert"]'))).toBe('Sanne de Vries: Has already checked in or arrived, so is not a no-show.');
    expect(bookingRows(w.t.db).map((b) => b.status)).toEqual(['confirmed']);
  });

  it('no-show, the other way round: a booking released as no-show cannot be checked in nor marked arrived; each says the desk was released', async () => {
    const w = await world();
    // After the morning's check-in deadline (10:00), before the release job ran.
    w.t.clock.set(instantOf(TODAY, '10:05').toISOString());
    expect((await w.hostClient.post(`/host/bookings/${w.id}/no-show`)).status).toBe(303);
    expect(bookingRows(w.t.db).map((b) => b.status)).toEqual(['no_show']);
    // Mijn reserveringen (and the poster's check-in page) say why and what one can still do.
    for (const path of ['/bookings', `/bookings/at/${w.space.locationId}`])
      expect(text(await html(await w.workerClient.get(path))), path).toContain('de inchecktijd was verstreken en de werkplek is vrijgegeven');
    // The guest is told, as by the release job.
    const told = w.t.db.$client.prepare('select subject from outbox where to_address = ? order by id desc limit 1').get(w.worker.email) as { subject: string };
    expect(told.subject).toMatch(/no-show|vrijgegeven/i);

    const checkin = await w.workerClient.post(`/bookings/${w.id}/checkin`, {}, HX);
    expect(checkin.status).toBe(422);
    expect(text((await html(checkin)).querySelector('[role="alert"]'))).toBe(
      'Deze reservering staat als no-show: de inchecktijd was verstreken en de werkplek is vrijgegeven. Reserveer opnieuw als er nog plek is.',
    );

    const arrived = await w.hostClient.post(`/host/bookings/${w.id}/arrived`, {}, HX);
    expect(arrived.status).toBe(422);
    expect(text((await html(arrived)).querySelector('[role="alert"]'))).toBe(
      'Sanne de Vries: Staat al als no-show: de werkplek is vrijgegeven. Is er nog plek, schrijf deze gast dan in als binnenloper.',
    );
    const [b] = w.t.db.$client.prepare('select status, checked_in_at, arrived_at from bookings').all() as {
      status: string;
      checked_in_at: number | null;
      arrived_at: number | null;
    }[];
    expect(b).toEqual({ status: 'no_show', checked_in_at: null, arrived_at: null });
  });
});
