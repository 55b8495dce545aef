import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { users } from '../../db/schema';
import { bookSpace } from '../../src/desks/bookings';
import { checkinQrSvg } from '../../src/desks/qr';
import { instantOf } from '../../src/lib/time';
import { createOrg, createTestApp, createUser, html, loginAs, ORIGIN, TestClock, text } from '../helpers';
import { bookingRows, createSpace } from './factory';

// Check-in from the link and QR code on a location's poster (issue #12, part 4, third bullet).
// The clock stands at Wednesday 9 December 2026, 09:00 Amsterdam.

const TODAY = '2026-12-09';

async function world() {
  const t = createTestApp({ clock: new TestClock(instantOf(TODAY, '09:00')) });
  const hostOrg = createOrg(t.db, { name: 'CJG Harderwijk' });
  const guestOrg = createOrg(t.db, { name: 'GGD Noord- en Oost-Gelderland' });
  const space = createSpace(t.db, hostOrg.id);
  const elsewhere = createSpace(t.db, hostOrg.id, { town: 'Ermelo' });
  const worker = await createUser(t.db, { orgId: guestOrg.id, name: 'Sanne de Vries' });
  const other = await createUser(t.db, { orgId: guestOrg.id, name: 'Ruben Mulder' });
  const host = await createUser(t.db, { orgId: hostOrg.id, roles: ['host'] });
  const book = (userId: string, spaceId: number, date = TODAY) =>
    bookSpace(t.db, { spaceId, userId, guestOrgId: guestOrg.id, date, dayparts: ['morning'], note: null }, t.clock.now());
  return { t, hostOrg, guestOrg, space, elsewhere, worker, other, host, book };
}

describe('check-in from the location’s link', () => {
  it('check-in link: after login the guest sees only their own booking of today at this location and checks in', async () => {
    const w = await world();
    w.book(w.worker.id, w.space.spaceId);
    w.book(w.worker.id, w.space.spaceId, '2026-12-10');
    w.book(w.other.id, w.space.spaceId);
    const link = `/bookings/at/${w.space.locationId}`;
    const anon = await w.t.app.request(link);
    expect(anon.status).toBe(303);
    expect(anon.headers.get('location')).toBe(`/login?next=${encodeURIComponent(link)}`);

    const guest = await loginAs(w.t.app, w.worker.email);
    const doc = await html(await guest.get(link));
    expect(doc.querySelectorAll('article.booking-item')).toHaveLength(1);
    const form = doc.querySelector('form[action$="/checkin"]')!;
    const mine = bookingRows(w.t.db).find((b) => b.user_id === w.worker.id && b.date === TODAY)!;
    expect(form.getAttribute('action')).toBe(`/bookings/${mine.id}/checkin`);
    expect((await guest.post(form.getAttribute('action')!)).status).toBe(303);
    expect(text(await html(await guest.get(link)))).toContain('Ingecheckt om 09:00');
  });

  it('check-in link: no check-in for anyone else’s booking; a booking at another location or another day is not shown', async () => {
    const w = await world();
    w.book(w.other.id, w.space.spaceId);
    w.book(w.worker.id, w.elsewhere.spaceId);
    const guest = await loginAs(w.t.app, w.worker.email);
    const page = await html(await guest.get(`/bookings/at/${w.space.locationId}`));
    expect(text(page)).toContain('Je hebt vandaag geen reservering op deze locatie.');
    expect(page.querySelector('form[action$="/checkin"]')).toBeNull();
    const theirs = bookingRows(w.t.db).find((b) => b.user_id === w.other.id)!;
    expect((await guest.post(`/bookings/${theirs.id}/checkin`)).status).toBe(404);
    expect(
      (w.t.db.$client.prepare('select checked_in_at from bookings where id = ?').get(theirs.id) as { checked_in_at: number | null }).checked_in_at,
    ).toBeNull();
    w.t.db.update(users).set({ locale: 'en' }).where(eq(users.id, w.worker.id)).run();
    const en = await loginAs(w.t.app, w.worker.email);
    expect(text(await html(await en.get(`/bookings/at/${w.space.locationId}`)))).toContain('You have no booking at this location today.');
    expect((await en.get('/bookings/at/abc')).status).toBe(404);
  });

  it('check-in poster: the host prints the location’s link; a host of another organisation gets 404, a worker 403/404', async () => {
    const w = await world();
    const host = await loginAs(w.t.app, w.host.email);
    const path = `/host/locations/${w.space.locationId}/poster`;
    const res = await host.get(path);
    expect(res.status).toBe(200);
    const doc = await html(res);
    expect(text(doc.querySelector('h1'))).toMatch(/^Inchecken bij /);
    expect(doc.querySelector('.checkin-link a')!.getAttribute('href')).toBe(`${ORIGIN}/bookings/at/${w.space.locationId}`);
    expect(text(await html(await host.get(`/host/locations/${w.space.locationId}`)))).toContain('Affiche om in te checken');
    // The QR code is an image of the same link (the SVG uqr makes for exactly that URL).
    const img = doc.querySelector('img.checkin-qr')!;
    expect(img.getAttribute('alt')).toMatch(/^QR-code: inchecken bij /);
    const qr = await host.get(img.getAttribute('src')!);
    expect(qr.status).toBe(200);
    expect(qr.headers.get('content-type')).toMatch(/^image\/svg\+xml/);
    expect(await qr.text()).toBe(checkinQrSvg(`${ORIGIN}/bookings/at/${w.space.locationId}`));
    expect(checkinQrSvg(`${ORIGIN}/bookings/at/${w.space.locationId}`)).not.toBe(checkinQrSvg(`${ORIGIN}/bookings/at/${w.elsewhere.locationId}`));
    const otherOrg = createOrg(w.t.db);
    const otherHost = await loginAs(w.t.app, (await createUser(w.t.db, { orgId: otherOrg.id, roles: ['host'] })).email);
    expect((await otherHost.get(path)).status).toBe(404);
    expect((await otherHost.get(`${path}.svg`)).status).toBe(404);
    const worker = await loginAs(w.t.app, w.worker.email);
    expect([403, 404]).toContain((await worker.get(path)).status);
    expect([403, 404]).toContain((await worker.get(`${path}.svg`)).status);
  });
});
