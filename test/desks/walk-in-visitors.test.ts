import { describe, expect, it } from 'vitest';
import { closures } from '../../db/schema';
import { bookSpace } from '../../src/desks/bookings';
import { instantOf } from '../../src/lib/time';
import { countRows, createOrg, createTestApp, createUser, html, loginAs, TestClock, text } from '../helpers';
import { createSpace } from './factory';

// A host registers a visitor without an account who walks in today (issue #12, part 4, second
// bullet): name and organisation only. The visitor takes a desk like any booking. The clock stands
// at Wednesday 9 December 2026, 09:30 Amsterdam.

const TODAY = '2026-12-09';

async function world(capacity = 1) {
  const t = createTestApp({ clock: new TestClock(instantOf(TODAY, '09:30')) });
  const hostOrg = createOrg(t.db, { name: 'CJG Harderwijk' });
  const ggd = createOrg(t.db, { name: 'GGD Noord- en Oost-Gelderland' });
  const space = createSpace(t.db, hostOrg.id, { capacity });
  const other = createSpace(t.db, hostOrg.id, { capacity: 1, name: 'Tweede locatie' });
  const host = await createUser(t.db, { orgId: hostOrg.id, roles: ['host'], name: 'Marieke Jansen' });
  const guest = await createUser(t.db, { orgId: ggd.id, name: 'Sanne de Vries' });
  const hostClient = await loginAs(t.app, host.email);
  const path = `/host/walk-ins/${space.locationId}/visitor`;
  const body = (o: Record<string, string> = {}) => ({
    name: 'Jeroen Bakker',
    organisation: 'Basisschool De Regenboog',
    space: String(space.spaceId),
    daypart: 'morning',
    ...o,
  });
  return { t, hostOrg, ggd, space, other, host, guest, hostClient, path, body };
}

const rows = (w: Awaited<ReturnType<typeof world>>) =>
  w.t.db.$client.prepare('select user_id, guest_org_id, visitor_name, visitor_org, booked_by, status, arrived_at, date, daypart from bookings').all();

describe('visitors without an account', () => {
  it('visitor: the host registers name and organisation for today; the visitor is on the guest list as arrived and takes a desk from the search and from bookers', async () => {
    const w = await world();
    const page = text(await html(await w.hostClient.get(`/host/walk-ins/${w.space.locationId}`)));
    expect(page).toContain('Bezoeker zonder account');
    expect(page).toContain('Alleen naam en organisatie');

    const res = await w.hostClient.post(w.path, w.body());
    expect(res.status).toBe(303);
    expect(rows(w)).toEqual([
      {
        user_id: null,
        guest_org_id: null,
        visitor_name: 'Jeroen Bakker',
        visitor_org: 'Basisschool De Regenboog',
        booked_by: w.host.id,
        status: 'confirmed',
        arrived_at: instantOf(TODAY, '09:30').getTime(),
        date: TODAY,
        daypart: 'morning',
      },
    ]);
    const list = await html(await w.hostClient.get(res.headers.get('location')!));
    expect(text(list)).toContain('Jeroen Bakker is ingeschreven');
    const row = list.querySelector('tbody tr');
    expect(text(row)).toMatch(/Jeroen Bakker\s*bezoeker zonder account\s*Basisschool De Regenboog/);
    expect(text(row)).toContain('aangekomen om 09:30');
    // No "Aangekomen"/"No-show" buttons for someone who is already there.
    expect(row?.querySelectorAll('button')).toHaveLength(0);

    // The desk is taken: the search shows it full and a booking is refused.
    const worker = await loginAs(w.t.app, w.guest.email);
    const results = text((await html(await worker.get(`/desks?date=${TODAY}&daypart=morning`))).querySelector('#desk-results'));
    expect(results).toMatch(/0 van 1 vrij/);
    expect(
      bookSpace(
        w.t.db,
        { spaceId: w.space.spaceId, userId: w.guest.id, guestOrgId: w.ggd.id, date: TODAY, dayparts: ['morning'], note: null },
        w.t.clock.now(),
      ),
    ).toMatchObject({ ok: false, reason: 'full' });
    // The afternoon is still free; capacity cannot be lowered below the visitor either.
    expect(
      bookSpace(
        w.t.db,
        { spaceId: w.space.spaceId, userId: w.guest.id, guestOrgId: w.ggd.id, date: TODAY, dayparts: ['afternoon'], note: null },
        w.t.clock.now(),
      ),
    ).toMatchObject({ ok: true });
    // Nobody is told anything: the visitor has no account (only the worker's own confirmation is queued).
    expect(countRows(w.t.db, 'outbox')).toBe(1);
  });

  it('visitor refusals: empty or over-long name or organisation keep what was typed; a full space, a closed day; nothing written', async () => {
    const w = await world();
    const empty = await w.hostClient.post(w.path, w.body({ name: '   ' }));
    expect(empty.status).toBe(422);
    const emptyPage = await html(empty);
    // The message at the field it is about, the visitor form's summary focused, what was typed and chosen kept.
    expect(text(emptyPage.querySelector('#visitor-name-err'))).toBe('Vul dit veld in.');
    expect(emptyPage.querySelector('#visitor-name')?.getAttribute('aria-invalid')).toBe('true');
    const summary = emptyPage.querySelector('form.walk-in-visitor .error-summary');
    expect(summary?.getAttribute('role')).toBe('alert');
    expect(summary?.hasAttribute('autofocus')).toBe(true);
    expect(emptyPage.querySelector('#visitor-org')?.getAttribute('value')).toBe('Basisschool De Regenboog');
    expect(emptyPage.querySelector('#visitor-space option[selected]')?.getAttribute('value')).toBe(w.body().space);
    expect(emptyPage.querySelector('#visitor-daypart option[selected]')?.getAttribute('value')).toBe(w.body().daypart);
    const long = await w.hostClient.post(w.path, w.body({ organisation: 'x'.repeat(121) }));
    expect(long.status).toBe(422);
    expect(text(await html(long))).toContain('Maximaal 120 tekens.');
    expect((await w.hostClient.post(w.path, w.body({ daypart: 'evening' }))).status).toBe(422);
    expect(countRows(w.t.db, 'bookings')).toBe(0);

    // Line breaks and control characters do not reach the guest list.
    expect((await w.hostClient.post(w.path, w.body({ name: 'Jeroen\u0000 Bakker\r\n' }))).status).toBe(303);
    expect(rows(w)).toMatchObject([{ visitor_name: 'Jeroen Bakker' }]);
    const full = await w.hostClient.post(w.path, w.body({ name: 'Tweede bezoeker' }));
    expect(full.status).toBe(422);
    const fullPage = await html(full);
    // Said in the visitor form, naming the space and dagdeel.
    expect(text(fullPage.querySelector('form.walk-in-visitor .error-summary'))).toContain(': Deze werkruimte is op dat dagdeel vol.');
    expect(fullPage.querySelector('#visitor-name')?.getAttribute('value')).toBe('Tweede bezoeker');
    expect(countRows(w.t.db, 'bookings')).toBe(1);

    w.t.db.insert(closures).values({ scope: 'org', orgId: w.hostOrg.id, startDate: TODAY, endDate: TODAY, reason: 'Teamdag' }).run();
    const closed = await w.hostClient.post(w.path, w.body({ daypart: 'afternoon' }));
    expect(closed.status).toBe(422);
    expect(text(await html(closed))).toContain('Teamdag');
    expect(countRows(w.t.db, 'bookings')).toBe(1);
  });

  it('visitor: another organisation’s host, a worker, or a space of another location → 404/403; nothing written', async () => {
    const w = await world();
    const otherOrg = createOrg(w.t.db);
    const otherHost = await loginAs(w.t.app, (await createUser(w.t.db, { orgId: otherOrg.id, roles: ['host'] })).email);
    expect((await otherHost.post(w.path, w.body())).status).toBe(404);
    const worker = await loginAs(w.t.app, w.guest.email);
    expect([403, 404]).toContain((await worker.post(w.path, w.body())).status);
    // A space of the host's other location, posted to this location's form.
    expect((await w.hostClient.post(w.path, w.body({ space: String(w.other.spaceId) }))).status).toBe(404);
    expect(countRows(w.t.db, 'bookings')).toBe(0);
  });

  it('visitor: an English host sees the form and the messages in English', async () => {
    const w = await world();
    w.t.db.$client.prepare("update users set locale = 'en' where id = ?").run(w.host.id);
    const host = await loginAs(w.t.app, w.host.email);
    expect(text(await html(await host.get(`/host/walk-ins/${w.space.locationId}`)))).toContain('Visitor without an account');
    const res = await host.post(w.path, w.body({ organisation: '' }));
    expect(res.status).toBe(422);
    expect(text(await html(res))).toContain('Please fill in this field.');
    const ok = await host.post(w.path, w.body());
    expect(text(await html(await host.get(ok.headers.get('location')!)))).toMatch(/Jeroen Bakker is registered[\s\S]*visitor without an account/);
  });
});
