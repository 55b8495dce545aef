import { parse } from 'node-html-parser';
import { describe, expect, it } from 'vitest';
import { closures } from '../../db/schema';
import { bookSpace } from '../../src/desks/bookings';
import { instantOf } from '../../src/lib/time';
import { createOrg, createTestApp, createUser, loginAs, TestClock, text } from '../helpers';
import { bookingRows, createSpace } from './factory';

/**
 * Closures of a whole organisation and of the network, each rule by name (issue 11; these killed
 * the surviving mutants of src/desks/closures.ts listed in docs/quality.md): whose closures a page
 * lists and may remove, which bookings a network closure cancels, and the organisation's stored
 * choice of holidays as its page shows it. The clock stands at Tuesday 1 December 2026, 09:00 Amsterdam.
 */
async function world() {
  const t = createTestApp({ clock: new TestClock(instantOf('2026-12-01', '09:00')) });
  const hostOrg = createOrg(t.db, { name: 'CJG Harderwijk' });
  const otherOrg = createOrg(t.db, { name: 'Lokalis Utrecht' });
  const guestOrg = createOrg(t.db, { name: 'GGD Noord- en Oost-Gelderland' });
  const space = createSpace(t.db, hostOrg.id, { openWeekdays: 127 });
  const other = createSpace(t.db, otherOrg.id, { openWeekdays: 127, town: 'Utrecht' });
  const worker = await createUser(t.db, { orgId: guestOrg.id, name: 'Sanne de Vries' });
  const orgAdmin = await createUser(t.db, { orgId: hostOrg.id, roles: ['org_admin'], name: 'Ingrid Bakker' });
  const networkAdmin = await createUser(t.db, { orgId: otherOrg.id, networkAdmin: true });
  const book = (date: string, spaceId: number) =>
    bookSpace(t.db, { spaceId, userId: worker.id, guestOrgId: guestOrg.id, date, dayparts: ['morning'], note: null }, t.clock.now());
  const page = async (client: Awaited<ReturnType<typeof loginAs>>, path: string) => text(parse(await (await client.get(path)).text()));
  return { t, hostOrg, otherOrg, space, other, orgAdmin, networkAdmin, book, page };
}

describe('wide closures: whose closures a page lists and removes', () => {
  it('the organisation’s page lists its own closures, not the network’s; the network’s page lists the network’s, not an organisation’s', async () => {
    const w = await world();
    const admin = await loginAs(w.t.app, w.orgAdmin.email);
    const network = await loginAs(w.t.app, w.networkAdmin.email);
    expect(
      (await admin.post(`/closures/org/${w.hostOrg.id}`, { startDate: '2026-12-28', endDate: '2026-12-29', reason: 'Teamdagen CJG', confirm: 'yes' })).status,
    ).toBe(303);
    expect((await network.post('/closures/network', { startDate: '2027-01-15', endDate: '2027-01-15', reason: 'Netwerkdag', confirm: 'yes' })).status).toBe(
      303,
    );
    const orgPage = await w.page(admin, `/closures/org/${w.hostOrg.id}`);
    expect(orgPage).toContain('Teamdagen CJG');
    expect(orgPage).not.toContain('Netwerkdag');
    const networkPage = await w.page(network, '/closures/network');
    expect(networkPage).toContain('Netwerkdag');
    expect(networkPage).not.toContain('Teamdagen CJG');
  });

  it('the org admin removes the organisation’s own closure; not the network’s through the organisation’s page (404)', async () => {
    const w = await world();
    const admin = await loginAs(w.t.app, w.orgAdmin.email);
    expect(
      (await admin.post(`/closures/org/${w.hostOrg.id}`, { startDate: '2026-12-28', endDate: '2026-12-29', reason: 'Teamdagen CJG', confirm: 'yes' })).status,
    ).toBe(303);
    const network = await loginAs(w.t.app, w.networkAdmin.email);
    expect((await network.post('/closures/network', { startDate: '2027-01-15', endDate: '2027-01-15', reason: 'Netwerkdag', confirm: 'yes' })).status).toBe(
      303,
    );
    const rows = w.t.db.select().from(closures).all();
    const own = rows.find((r) => r.reason === 'Teamdagen CJG')!;
    const networks = rows.find((r) => r.reason === 'Netwerkdag')!;
    expect((await admin.post(`/closures/org/${w.hostOrg.id}/${networks.id}/delete`, { confirm: 'yes' })).status).toBe(404);
    expect((await admin.post(`/closures/org/${w.hostOrg.id}/${own.id}/delete`, { confirm: 'yes' })).status).toBe(303);
    expect(await w.page(admin, `/closures/org/${w.hostOrg.id}`)).toContain('De sluiting is verwijderd.');
    expect(
      w.t.db
        .select()
        .from(closures)
        .all()
        .map((r) => r.reason),
    ).toEqual(['Netwerkdag']);
    expect(w.book('2026-12-28', w.space.spaceId).ok).toBe(true);
  });
});

describe('wide closures: what a network closure cancels', () => {
  it('a network closure counts and cancels the bookings at every organisation’s locations in its range, and says how many', async () => {
    const w = await world();
    expect(w.book('2027-01-15', w.space.spaceId).ok).toBe(true);
    expect(w.book('2027-01-15', w.other.spaceId).ok).toBe(false); // one place per dagdeel
    expect(w.book('2027-01-14', w.other.spaceId).ok).toBe(true);
    expect(w.book('2027-01-18', w.other.spaceId).ok).toBe(true); // after the range: untouched
    const network = await loginAs(w.t.app, w.networkAdmin.email);
    const range = { startDate: '2027-01-14', endDate: '2027-01-15', reason: 'Netwerkdagen' };
    const preview = await network.post('/closures/network', range);
    expect(preview.status).toBe(200);
    expect(text(parse(await preview.text()))).toContain('2 reserveringen worden geannuleerd');
    expect((await network.post('/closures/network', { ...range, confirm: 'yes' })).status).toBe(303);
    expect(await w.page(network, '/closures/network')).toContain('De sluiting is toegevoegd; 2 reserveringen zijn geannuleerd');
    expect(
      bookingRows(w.t.db, "status = 'cancelled'")
        .map((b) => b.date)
        .sort(),
    ).toEqual(['2027-01-14', '2027-01-15']);
    expect(bookingRows(w.t.db, "status = 'confirmed'").map((b) => b.date)).toEqual(['2027-01-18']);
  });
});

describe('wide closures: the organisation’s stored choice of holidays', () => {
  it('after the org admin chooses, the page shows that choice: Goede Vrijdag closed, Nieuwjaarsdag open', async () => {
    const w = await world();
    const admin = await loginAs(w.t.app, w.orgAdmin.email);
    expect((await admin.post(`/closures/org/${w.hostOrg.id}/holidays`, { closedHolidays: ['goede_vrijdag', 'eerste_kerstdag'] })).status).toBe(303);
    const after = await w.page(admin, `/closures/org/${w.hostOrg.id}`);
    expect(after).toMatch(/Goede Vrijdag — gesloten/);
    expect(after).toMatch(/Nieuwjaarsdag — open/);
    expect(after).toMatch(/Eerste kerstdag — gesloten/);
  });
});
