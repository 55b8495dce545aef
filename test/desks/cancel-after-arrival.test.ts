import { describe, expect, it } from 'vitest';
import { bookSpace } from '../../src/desks/bookings';
import { instantOf } from '../../src/lib/time';
import { createTestApp, html, TestClock, text } from '../helpers';
import { bookingRows, desksWorld, HX } from './factory';

// Review finding: at 20:30 "Annuleren" was still offered on today's morning booking that had been
// checked in, and confirming it erased the record that the worker had been there. Also: a request
// still waiting for the host showed the guest instructions (PRODUCT: only with a booking).
const TODAY = '2026-12-07';

async function world(opts: { approvalRequired?: boolean } = {}) {
  const t = createTestApp({ clock: new TestClock(instantOf(TODAY, '09:00')) });
  const w = await desksWorld(t, opts);
  const book = (daypart: 'morning' | 'afternoon') => {
    const r = bookSpace(
      t.db,
      { spaceId: w.space.spaceId, userId: w.worker.id, guestOrgId: w.guestOrg.id, date: TODAY, dayparts: [daypart], note: null },
      t.clock.now(),
    );
    if (!r.ok) throw new Error(r.reason);
    return r.ids[0]!;
  };
  const item = async (id: number) => (await html(await w.workerClient.get('/bookings'))).querySelector(`article:has(form[action^="/bookings/${id}/"])`);
  return { t, ...w, book, item };
}

describe('cancelling: not once one has been there, nor after the dagdeel is over', () => {
  it('checked in: no cancel offered, and a cancel sent anyway is refused in place; the booking stays with its check-in', async () => {
    const w = await world();
    const id = w.book('morning');
    expect((await w.workerClient.post(`/bookings/${id}/checkin`)).status).toBe(303);
    const list = text(await html(await w.workerClient.get('/bookings')));
    expect(list).toContain('Ingecheckt om 09:00');
    expect(list).not.toContain('Annuleren');
    const refused = await w.workerClient.post(`/bookings/${id}/cancel`, {}, HX);
    expect(refused.status).toBe(422);
    expect(text((await html(refused)).querySelector('[role="alert"]'))).not.toBe('');
    expect(bookingRows(w.t.db).map((b) => b.status)).toEqual(['confirmed']);
  });

  it('marked arrived by the host, or the check-in deadline passed: refused; before it, the afternoon is cancelled as usual', async () => {
    const w = await world();
    const morning = w.book('morning');
    const afternoon = w.book('afternoon');
    expect((await w.hostClient.post(`/host/bookings/${morning}/arrived`)).status).toBe(303);
    expect((await w.workerClient.post(`/bookings/${morning}/cancel`, {}, HX)).status).toBe(422);
    w.t.clock.set(instantOf(TODAY, '13:00').toISOString());
    expect((await w.workerClient.post(`/bookings/${afternoon}/cancel`, {}, HX)).status).toBe(200);
    const again = w.book('afternoon');
    w.t.clock.set(instantOf(TODAY, '14:01').toISOString());
    expect((await w.workerClient.post(`/bookings/${again}/cancel`, {}, HX)).status).toBe(422);
    expect(bookingRows(w.t.db).map((b) => b.status)).toEqual(['confirmed', 'cancelled', 'confirmed']);
  });

  it('a request still waiting for the host shows no guest instructions and no "who is there" (link or page); once approved it does', async () => {
    const w = await world({ approvalRequired: true });
    const id = w.book('afternoon');
    const pending = await w.item(id);
    expect(text(pending)).toContain('aangevraagd');
    expect(pending!.querySelector('a[href^="/people/here/"]')).toBeNull();
    const here = `/people/here/${w.space.locationId}/${TODAY}`;
    expect((await w.workerClient.get(here)).status).toBe(404);
    expect(text(pending)).not.toContain('wifi: CJG-Gast');
    expect((await w.hostClient.post(`/host/bookings/${id}/approve`)).status).toBe(303);
    const confirmed = await w.item(id);
    expect(confirmed!.querySelector('a[href^="/people/here/"]')).not.toBeNull();
    expect(text(confirmed)).toContain('wifi: CJG-Gast');
    expect((await w.workerClient.get(here)).status).toBe(200);
  });
});
