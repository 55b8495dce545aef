import { parse } from 'node-html-parser';
import { describe, expect, it } from 'vitest';
import { closures } from '../../db/schema';
import { bookSpace } from '../../src/desks/bookings';
import { deleteWideClosure, getWideClosure } from '../../src/desks/closures';
import { deleteClosure, getHostClosure } from '../../src/desks/desks';
import { instantOf } from '../../src/lib/time';
import { createOrg, createTestApp, createUser, loginAs, TestClock, text } from '../helpers';
import { closureReasons, createSpace } from './factory';

/**
 * Removing a closure opens its days again but does not bring back the bookings it cancelled, so
 * it takes two steps, as closing does: the first POST shows what opens again and where, and only
 * the confirming second POST (`confirm=yes`) removes. The same for a location's closure (its
 * host), an organisation's (its org admin) and the network's (a network admin). The clock stands
 * at Tuesday 1 December 2026, 09:00 Amsterdam.
 */
async function world() {
  const t = createTestApp({ clock: new TestClock(instantOf('2026-12-01', '09:00')) });
  const hostOrg = createOrg(t.db, { name: 'CJG Harderwijk' });
  const guestOrg = createOrg(t.db, { name: 'GGD Noord- en Oost-Gelderland' });
  const space = createSpace(t.db, hostOrg.id, { openWeekdays: 127, name: 'Stationslaan' });
  const worker = await createUser(t.db, { orgId: guestOrg.id, name: 'Sanne de Vries' });
  const host = await createUser(t.db, { orgId: hostOrg.id, roles: ['host'], name: 'Marieke Jansen' });
  const orgAdmin = await createUser(t.db, { orgId: hostOrg.id, roles: ['org_admin'], name: 'Ingrid Bakker' });
  const networkAdmin = await createUser(t.db, { orgId: guestOrg.id, networkAdmin: true });
  const book = (date: string) =>
    bookSpace(t.db, { spaceId: space.spaceId, userId: worker.id, guestOrgId: guestOrg.id, date, dayparts: ['morning'], note: null }, t.clock.now());
  const reasons = () => closureReasons(t.db);
  const idOf = (reason: string) =>
    t.db
      .select()
      .from(closures)
      .all()
      .find((r) => r.reason === reason)!.id;
  return { t, hostOrg, space, host, orgAdmin, networkAdmin, book, reasons, idOf };
}

const teamdagen = { startDate: '2026-12-28', endDate: '2026-12-29', reason: 'Teamdagen CJG' };

type Client = Awaited<ReturnType<typeof loginAs>>;

/** The confirmation page of a first POST: its status, text, and the form that removes. */
async function firstStep(client: Client, path: string, body: Record<string, string> = {}) {
  const res = await client.post(path, body);
  const doc = parse(await res.text());
  const form = doc.querySelector('main form[method="post"]');
  return {
    status: res.status,
    h1: text(doc.querySelector('h1')),
    main: text(doc.querySelector('main')),
    action: form?.getAttribute('action'),
    confirm: form?.querySelector('input[name="confirm"]')?.getAttribute('value'),
    back: form?.querySelector('a')?.getAttribute('href'),
  };
}

describe('removing a closure takes a confirming second step', () => {
  it('an organisation’s closure: the first POST says which days open where and that cancelled bookings do not come back; nothing is removed until confirmed', async () => {
    const w = await world();
    const admin = await loginAs(w.t.app, w.orgAdmin.email);
    expect((await admin.post(`/closures/org/${w.hostOrg.id}`, { ...teamdagen, confirm: 'yes' })).status).toBe(303);
    const id = w.idOf('Teamdagen CJG');
    const path = `/closures/org/${w.hostOrg.id}/${id}/delete`;

    const step = await firstStep(admin, path);
    expect(step.status).toBe(200);
    expect(step.h1).toBe('Sluiting verwijderen');
    expect(step.main).toContain('Teamdagen CJG: alle locaties van CJG Harderwijk, van ma 28 dec 2026 tot en met di 29 dec 2026.');
    expect(step.main).toContain('Reserveringen en spreekuren die door deze sluiting zijn geannuleerd, komen niet vanzelf terug.');
    expect(step).toMatchObject({ action: path, confirm: 'yes', back: `/closures/org/${w.hostOrg.id}#closures` });
    expect(w.reasons()).toEqual(['Teamdagen CJG']);
    expect(w.book('2026-12-28')).toMatchObject({ ok: false, reason: 'closed' });

    // Anything but confirm=yes shows the confirmation again.
    expect((await firstStep(admin, path, { confirm: 'no' })).h1).toBe('Sluiting verwijderen');
    expect(w.reasons()).toEqual(['Teamdagen CJG']);

    const done = await admin.post(path, { confirm: 'yes' });
    expect(done.status).toBe(303);
    expect(done.headers.get('location')).toBe(`/closures/org/${w.hostOrg.id}#closures`);
    expect(w.reasons()).toEqual([]);
    expect(w.book('2026-12-28').ok).toBe(true);
    // Removing it again: it is gone (404), in either step.
    expect((await admin.post(path)).status).toBe(404);
    expect((await admin.post(path, { confirm: 'yes' })).status).toBe(404);
  });

  it('the network’s closure: the same two steps on the network page, naming the whole network', async () => {
    const w = await world();
    const network = await loginAs(w.t.app, w.networkAdmin.email);
    expect((await network.post('/closures/network', { startDate: '2027-01-15', endDate: '2027-01-15', reason: 'Netwerkdag', confirm: 'yes' })).status).toBe(
      303,
    );
    const path = `/closures/network/${w.idOf('Netwerkdag')}/delete`;
    const step = await firstStep(network, path);
    expect(step.status).toBe(200);
    expect(step.main).toContain('Netwerkdag: het hele netwerk, op vr 15 jan 2027.');
    expect(step).toMatchObject({ action: path, confirm: 'yes', back: '/closures/network#closures' });
    expect(w.reasons()).toEqual(['Netwerkdag']);
    expect((await network.post(path, { confirm: 'yes' })).status).toBe(303);
    expect(w.reasons()).toEqual([]);
  });

  it('a location’s closure: the host sees the location (or the space) it opens, and only the confirmation removes it', async () => {
    const w = await world();
    const host = await loginAs(w.t.app, w.host.email);
    expect((await host.post(`/host/locations/${w.space.locationId}/closures`, { ...teamdagen, spaceId: '' })).status).toBe(303);
    expect(
      (
        await host.post(`/host/locations/${w.space.locationId}/closures`, {
          startDate: '2027-01-05',
          endDate: '2027-01-05',
          reason: 'Schilder',
          spaceId: String(w.space.spaceId),
        })
      ).status,
    ).toBe(303);

    const whole = await firstStep(host, `/host/closures/${w.idOf('Teamdagen CJG')}/delete`);
    expect(whole.status).toBe(200);
    expect(whole.main).toContain('Teamdagen CJG: locatie Stationslaan Harderwijk, van ma 28 dec 2026 tot en met di 29 dec 2026.');
    expect(whole.back).toBe(`/host/locations/${w.space.locationId}#closures`);
    const one = await firstStep(host, `/host/closures/${w.idOf('Schilder')}/delete`);
    expect(one.main).toContain('Schilder: werkruimte Stationslaan bij locatie Stationslaan Harderwijk, op di 5 jan 2027.');
    expect(w.reasons()).toEqual(['Teamdagen CJG', 'Schilder']);

    const done = await host.post(`/host/closures/${w.idOf('Schilder')}/delete`, { confirm: 'yes' });
    expect(done.status).toBe(303);
    expect(done.headers.get('location')).toBe(`/host/locations/${w.space.locationId}#closures`);
    expect(w.reasons()).toEqual(['Teamdagen CJG']);
  });

  it('a host cannot remove the organisation’s closure through a location’s (404, in either step); it stays', async () => {
    const w = await world();
    const admin = await loginAs(w.t.app, w.orgAdmin.email);
    expect((await admin.post(`/closures/org/${w.hostOrg.id}`, { ...teamdagen, confirm: 'yes' })).status).toBe(303);
    const host = await loginAs(w.t.app, w.host.email);
    const path = `/host/closures/${w.idOf('Teamdagen CJG')}/delete`;
    expect((await host.post(path)).status).toBe(404);
    expect((await host.post(path, { confirm: 'yes' })).status).toBe(404);
    expect(w.reasons()).toEqual(['Teamdagen CJG']);
    // The rule itself, not only the page before it: a location's closures only, at the host's organisations.
    const id = w.idOf('Teamdagen CJG');
    expect(getHostClosure(w.t.db, id, [w.hostOrg.id])).toBeUndefined();
    expect(deleteClosure(w.t.db, id, [w.hostOrg.id])).toBeNull();
    expect(w.reasons()).toEqual(['Teamdagen CJG']);
  });

  it('a wide closure is read and removed only in its own scope: another organisation’s or the network’s id gives undefined / false', async () => {
    const w = await world();
    const admin = await loginAs(w.t.app, w.orgAdmin.email);
    expect((await admin.post(`/closures/org/${w.hostOrg.id}`, { ...teamdagen, confirm: 'yes' })).status).toBe(303);
    const id = w.idOf('Teamdagen CJG');
    const otherOrg = createOrg(w.t.db, { name: 'Lokalis Utrecht' });
    for (const s of [
      { scope: 'org', orgId: otherOrg.id },
      { scope: 'network', orgId: null },
    ] as const) {
      expect(getWideClosure(w.t.db, id, s)).toBeUndefined();
      expect(deleteWideClosure(w.t.db, id, s)).toBe(false);
    }
    expect(w.reasons()).toEqual(['Teamdagen CJG']);
    const own = { scope: 'org', orgId: w.hostOrg.id } as const;
    expect(getWideClosure(w.t.db, id, own)).toEqual({ id, startDate: '2026-12-28', endDate: '2026-12-29', reason: 'Teamdagen CJG' });
    expect(deleteWideClosure(w.t.db, id, own)).toBe(true);
    expect(deleteWideClosure(w.t.db, id, own)).toBe(false);
    expect(w.reasons()).toEqual([]);
  });

  it('a location’s closure is removed only by a host of its organisation', async () => {
    const w = await world();
    const host = await loginAs(w.t.app, w.host.email);
    expect((await host.post(`/host/locations/${w.space.locationId}/closures`, { ...teamdagen, spaceId: '' })).status).toBe(303);
    const id = w.idOf('Teamdagen CJG');
    const otherOrg = createOrg(w.t.db, { name: 'Lokalis Utrecht' });
    expect(getHostClosure(w.t.db, id, [otherOrg.id])).toBeUndefined();
    expect(getHostClosure(w.t.db, id, [])).toBeUndefined();
    expect(deleteClosure(w.t.db, id, [otherOrg.id])).toBeNull();
    expect(deleteClosure(w.t.db, id, [])).toBeNull();
    expect(w.reasons()).toEqual(['Teamdagen CJG']);
    expect(getHostClosure(w.t.db, id, [otherOrg.id, w.hostOrg.id])).toMatchObject({
      id,
      locationId: w.space.locationId,
      reason: 'Teamdagen CJG',
      spaceName: null,
    });
    expect(deleteClosure(w.t.db, id, [otherOrg.id, w.hostOrg.id])).toBe(w.space.locationId);
    expect(w.reasons()).toEqual([]);
  });
});
