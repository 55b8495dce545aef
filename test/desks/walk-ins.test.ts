import { describe, expect, it } from 'vitest';
import { locations, spaces } from '../../db/schema';
import { eq } from 'drizzle-orm';
import { bookSpace } from '../../src/desks/bookings';
import { instantOf } from '../../src/lib/time';
import { countRows, createOrg, createTestApp, createUser, html, loginAs, TestClock, text } from '../helpers';
import { bookingRows, createSpace } from './factory';

// A host registers a walk-in at the desk (issue #12, part 4, second bullet: account holders). The
// clock stands at Wednesday 9 December 2026, 15:00 Amsterdam: the afternoon's check-in time has passed.

const TODAY = '2026-12-09';

async function world() {
  const t = createTestApp({ clock: new TestClock(instantOf(TODAY, '15:00')) });
  const hostOrg = createOrg(t.db, { name: 'CJG Harderwijk' });
  const ggd = createOrg(t.db, { name: 'GGD Noord- en Oost-Gelderland' });
  const space = createSpace(t.db, hostOrg.id, { capacity: 1 });
  t.db.update(locations).set({ reservedForStaff: 1, reservedUntilHours: 0, approvalRequired: true }).where(eq(locations.id, space.locationId)).run();
  const host = await createUser(t.db, { orgId: hostOrg.id, roles: ['host'], name: 'Marieke Jansen' });
  const staff = await createUser(t.db, { orgId: hostOrg.id, name: 'Fatima Ouali' });
  const guest = await createUser(t.db, { orgId: ggd.id, name: 'Sanne de Vries', email: 'sanne@ggd.example' });
  const gone = await createUser(t.db, { orgId: ggd.id, name: 'Sanne Oud', deactivated: true });
  const hostClient = await loginAs(t.app, host.email);
  return { t, hostOrg, ggd, space, host, staff, guest, gone, hostClient };
}

describe('walk-ins registered by the host', () => {
  it('walk-in: the host finds a professional of a partner organisation by name or e-mail and registers them for today; the booking is theirs, arrived, booked by the host', async () => {
    const w = await world();
    const guests = text(await html(await w.hostClient.get(`/host/guests?location=${w.space.locationId}`)));
    expect(guests).toContain('Binnenloper inschrijven');
    const path = `/host/walk-ins/${w.space.locationId}`;
    const byName = await html(await w.hostClient.get(`${path}?q=sanne`));
    // Own staff and deactivated accounts are not offered.
    expect(byName.querySelectorAll('form.walk-in strong').map((e) => text(e))).toEqual(['Sanne de Vries']);
    expect((await html(await w.hostClient.get(`${path}?q=SANNE@GGD.EXAMPLE`))).querySelectorAll('form.walk-in')).toHaveLength(1);
    expect(text(await html(await w.hostClient.get(`${path}?q=fatima`)))).toContain('Niemand gevonden');

    const res = await w.hostClient.post(path, { user: w.guest.id, org: String(w.ggd.id), space: String(w.space.spaceId), daypart: 'afternoon' });
    expect(res.status).toBe(303);
    const row = w.t.db.$client.prepare('select user_id, booked_by, status, arrived_at, date from bookings').get() as Record<string, unknown>;
    expect(row).toEqual({ user_id: w.guest.id, booked_by: w.host.id, status: 'confirmed', arrived_at: instantOf(TODAY, '15:00').getTime(), date: TODAY });
    expect(text(await html(await w.hostClient.get(res.headers.get('location')!)))).toContain('Sanne de Vries');
  });

  it('walk-in refused: the same search again, the reason in that person’s form naming them, focused, the space and dagdeel kept', async () => {
    const w = await world();
    const path = `/host/walk-ins/${w.space.locationId}`;
    const form = await html(await w.hostClient.get(`${path}?q=sanne`));
    expect(form.querySelector('form.walk-in input[name="q"]')?.getAttribute('value')).toBe('sanne');
    const body = { q: 'sanne', user: w.guest.id, org: String(w.ggd.id), space: String(w.space.spaceId), daypart: 'afternoon' };
    expect((await w.hostClient.post(path, body)).status).toBe(303);
    const again = await w.hostClient.post(path, body);
    expect(again.status).toBe(422);
    const doc = await html(again);
    const forms = doc.querySelectorAll('form.walk-in');
    expect(forms.map((f) => text(f.querySelector('strong')))).toEqual(['Sanne de Vries']);
    const alert = forms[0]!.querySelector('[role="alert"]');
    expect(text(alert)).toBe('Sanne de Vries is niet ingeschreven. Er staat op dat dagdeel al een reservering op deze naam.');
    expect(alert!.hasAttribute('autofocus')).toBe(true);
    expect(doc.querySelectorAll('[role="alert"]')).toHaveLength(1);
    expect(forms[0]!.querySelector('select[name="daypart"] option[selected]')?.getAttribute('value')).toBe('afternoon');
    expect(forms[0]!.querySelector('select[name="space"] option[selected]')?.getAttribute('value')).toBe(String(w.space.spaceId));
    expect(doc.querySelector('#walkin-q')?.getAttribute('value')).toBe('sanne');
    // Someone of the host's own organisation, posted by hand: not in the list, so the reason stands at the top.
    const own = await html(await w.hostClient.post(path, { ...body, user: w.staff.id, org: String(w.hostOrg.id) }));
    expect(text(own.querySelector('main > section > [role="alert"]'))).toBe('Dit is iemand van je eigen organisatie: die schrijf je niet als gast in.');
    expect(countRows(w.t.db, 'bookings')).toBe(1);
  });

  it('walk-in refused because the last space was closed meanwhile: no form left, so the reason stands at the top', async () => {
    const w = await world();
    const path = `/host/walk-ins/${w.space.locationId}`;
    w.t.db.update(spaces).set({ active: false }).where(eq(spaces.id, w.space.spaceId)).run();
    const person = await html(
      await w.hostClient.post(path, { q: 'sanne', user: w.guest.id, org: String(w.ggd.id), space: String(w.space.spaceId), daypart: 'morning' }),
    );
    expect(person.querySelectorAll('form.walk-in')).toHaveLength(0);
    const top = person.querySelector('main > section > [role="alert"]');
    expect(text(top)).toBe('Sanne de Vries is niet ingeschreven. Deze werkruimte is niet meer te reserveren.');
    expect(top!.hasAttribute('autofocus')).toBe(true);
    const visitor = await html(
      await w.hostClient.post(`${path}/visitor`, { name: 'Jeroen Bakker', organisation: 'Basisschool', space: String(w.space.spaceId), daypart: 'morning' }),
    );
    expect(text(visitor.querySelector('main > section > [role="alert"]'))).toMatch(/: Deze werkruimte is niet meer te reserveren\.$/);
    expect(countRows(w.t.db, 'bookings')).toBe(0);
  });

  it('walk-in refusals: full, already booked, a deactivated account, own staff → 422; another organisation’s host → 404; nothing booked', async () => {
    const w = await world();
    const path = `/host/walk-ins/${w.space.locationId}`;
    const body = (user: string, org: number) => ({ user, org: String(org), space: String(w.space.spaceId), daypart: 'afternoon' });
    for (const [user, org] of [
      [w.gone.id, w.ggd.id],
      [w.staff.id, w.hostOrg.id],
      [w.guest.id, w.hostOrg.id],
    ] as const) {
      expect((await w.hostClient.post(path, body(user, org))).status, user).toBe(422);
    }
    expect(countRows(w.t.db, 'bookings')).toBe(0);
    const otherOrg = createOrg(w.t.db);
    const otherHost = await loginAs(w.t.app, (await createUser(w.t.db, { orgId: otherOrg.id, roles: ['host'] })).email);
    expect((await otherHost.get(path)).status).toBe(404);
    expect((await otherHost.post(path, body(w.guest.id, w.ggd.id))).status).toBe(404);
    const worker = await loginAs(w.t.app, w.guest.email);
    expect([403, 404]).toContain((await worker.post(path, body(w.guest.id, w.ggd.id))).status);
    expect(countRows(w.t.db, 'bookings')).toBe(0);

    expect((await w.hostClient.post(path, body(w.guest.id, w.ggd.id))).status).toBe(303);
    const second = await createUser(w.t.db, { orgId: w.ggd.id, name: 'Ruben Mulder' });
    const full = await w.hostClient.post(path, body(second.id, w.ggd.id));
    expect(full.status).toBe(422);
    expect(text(await html(full))).toContain('Deze werkruimte is op dat dagdeel vol.');
    expect((await w.hostClient.post(path, { ...body(w.guest.id, w.ggd.id), daypart: 'afternoon' })).status).toBe(422);
    // The guest cannot book the held place themselves; only the host gives it.
    expect(
      bookSpace(
        w.t.db,
        { spaceId: w.space.spaceId, userId: second.id, guestOrgId: w.ggd.id, date: '2026-12-10', dayparts: ['morning'], note: null },
        w.t.clock.now(),
      ),
    ).toMatchObject({ ok: false });
    expect(bookingRows(w.t.db)).toHaveLength(1);
  });
});

describe('walk-ins in English', () => {
  it('walk-in: an English host sees the page and the refusal in English', async () => {
    const w = await world();
    w.t.db.$client.prepare("update users set locale = 'en' where id = ?").run(w.host.id);
    const host = await loginAs(w.t.app, w.host.email);
    const path = `/host/walk-ins/${w.space.locationId}`;
    expect(text(await html(await host.get(`${path}?q=nobody`)))).toContain('Nobody found.');
    const res = await host.post(path, { user: w.gone.id, org: String(w.ggd.id), space: String(w.space.spaceId), daypart: 'morning' });
    expect(res.status).toBe(422);
    expect(text(await html(res))).toContain('This person has no active account with that organisation.');
  });
});
