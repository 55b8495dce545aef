import { parse } from 'node-html-parser';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { bookings, locations, notifications, outbox } from '../../db/schema';
import { bookSpace, expireRequests } from '../../src/desks/bookings';
import { searchSpaces } from '../../src/desks/desks';
import { requestDeadline } from '../../src/desks/rules';
import { instantOf } from '../../src/lib/time';
import { createOrg, createTestApp, createUser, html, loginAs, TestClock, text } from '../helpers';
import { bookingRows, createSpace, HX } from './factory';

// Requests a host cannot miss, and a guest is never left waiting (issue #12, part 2). The clock
// stands at Monday 7 December 2026, 09:00 Amsterdam.

const NOW = '2026-12-07';

async function world() {
  const t = createTestApp({ clock: new TestClock(instantOf(NOW, '09:00')) });
  const hostOrg = createOrg(t.db, { name: 'CJG Harderwijk' });
  const guestOrg = createOrg(t.db, { name: 'GGD Noord- en Oost-Gelderland' });
  const otherOrg = createOrg(t.db, { name: 'Lokalis Utrecht' });
  const space = createSpace(t.db, hostOrg.id, { approvalRequired: true, capacity: 1 });
  const second = createSpace(t.db, hostOrg.id, { approvalRequired: true, town: 'Ermelo' });
  const host = await createUser(t.db, { orgId: hostOrg.id, roles: ['host'], name: 'Marieke Jansen' });
  const host2 = await createUser(t.db, { orgId: hostOrg.id, roles: ['host'], name: 'Fatima Ouali' });
  t.db.$client.prepare("update users set locale = 'en' where id = ?").run(host2.id);
  const member = await createUser(t.db, { orgId: hostOrg.id, name: 'Geen Gastvrouw' });
  const otherHost = await createUser(t.db, { orgId: otherOrg.id, roles: ['host', 'org_admin'] });
  const worker = await createUser(t.db, { orgId: guestOrg.id, name: 'Sanne de Vries' });
  const worker2 = await createUser(t.db, { orgId: guestOrg.id, name: 'Ruben Mulder' });
  const request = (date: string, userId = worker.id, spaceId = space.spaceId) =>
    bookSpace(t.db, { spaceId, userId, guestOrgId: guestOrg.id, date, dayparts: ['morning'], note: null, baseUrl: 'http://localhost:3000' }, t.clock.now());
  return { t, hostOrg, guestOrg, otherOrg, space, second, host, host2, member, otherHost, worker, worker2, request };
}

const loc = { requestDeadlineDays: 1, requestDeadlineTime: '16:00', openWeekdays: 31, checkinDeadlineMorning: '10:00', checkinDeadlineAfternoon: '14:00' };
const never = () => false;

describe('request deadline: the working day before, 16:00, unless the host sets another', () => {
  const at = instantOf(NOW, '09:00');
  it('a Wednesday request: Tuesday 16:00; a Monday request: the Friday before', () => {
    expect(requestDeadline(loc, '2026-12-09', 'morning', at, never)).toEqual(instantOf('2026-12-08', '16:00'));
    expect(requestDeadline(loc, '2026-12-14', 'morning', at, never)).toEqual(instantOf('2026-12-11', '16:00'));
  });
  it('skips the location’s closed days and holidays: the Tuesday after Easter Monday has the Thursday before Good Friday… when Good Friday is closed', () => {
    const closed = (d: string) => d === '2027-03-29' || d === '2027-03-26';
    expect(requestDeadline(loc, '2027-03-30', 'morning', at, closed)).toEqual(instantOf('2027-03-25', '16:00'));
    expect(requestDeadline({ ...loc, openWeekdays: 0b0001111 }, '2026-12-14', 'morning', at, never)).toEqual(instantOf('2026-12-10', '16:00'));
  });
  it('the host’s setting: 0 working days is the day itself; 2 days at 12:00', () => {
    expect(requestDeadline({ ...loc, requestDeadlineDays: 0, requestDeadlineTime: '08:30' }, '2026-12-09', 'morning', at, never)).toEqual(
      instantOf('2026-12-09', '08:30'),
    );
    expect(requestDeadline({ ...loc, requestDeadlineDays: 2, requestDeadlineTime: '12:00' }, '2026-12-09', 'morning', at, never)).toEqual(
      instantOf('2026-12-07', '12:00'),
    );
  });
  it('a request made after that moment can be answered until the dagdeel’s check-in deadline', () => {
    expect(requestDeadline(loc, '2026-12-08', 'afternoon', instantOf(NOW, '16:00'), never)).toEqual(instantOf('2026-12-08', '14:00'));
    expect(requestDeadline(loc, '2026-12-08', 'morning', instantOf(NOW, '15:59'), never)).toEqual(instantOf('2026-12-07', '16:00'));
  });
});

describe('requests: hosts are told, and answer from the open-requests view', () => {
  it('every host of the location gets a notice and an e-mail in their language, with a link to the request; no one else does', async () => {
    const w = await world();
    const r = w.request('2026-12-09');
    expect(r).toMatchObject({ ok: true, status: 'pending' });
    const id = r.ok ? r.ids[0]! : 0;
    expect(w.t.db.select().from(bookings).get()!.respondBy).toEqual(instantOf('2026-12-08', '16:00'));
    const to = (userId: string) => w.t.db.select().from(notifications).where(eq(notifications.userId, userId)).all();
    const link = `/host/guests?location=${w.space.locationId}&date=2026-12-09#booking-${id}`;
    expect(to(w.host.id).map((n) => [n.subject, n.link])).toEqual([[expect.stringMatching(/^Nieuw verzoek: Sanne de Vries bij .* op wo 9 dec 2026$/), link]]);
    expect(to(w.host2.id).map((n) => n.subject)).toEqual([expect.stringMatching(/^New request: Sanne de Vries at /)]);
    expect(to(w.member.id)).toEqual([]);
    expect(to(w.otherHost.id)).toEqual([]);
    const mails = w.t.db
      .select()
      .from(outbox)
      .all()
      .filter((m) => /^(Nieuw verzoek|New request)/.test(m.subject));
    expect(mails.map((m) => m.toAddress).sort()).toEqual([w.host.email, w.host2.email].sort());
    expect(mails.find((m) => m.toAddress === w.host.email)!.body).toContain(`http://localhost:3000${link}`);
    expect(mails.find((m) => m.toAddress === w.host.email)!.body).toContain('vóór di 8 dec 2026, 16:00');
    // The mail link works through the login page.
    const anon = await w.t.app.request(link.replace(/#.*/, ''));
    expect(anon.status).toBe(303);
    expect(anon.headers.get('location')).toBe(`/login?next=${encodeURIComponent(link.replace(/#.*/, ''))}`);
    const host = await loginAs(w.t.app, w.host.email);
    const page = parse(await (await host.get(link.replace(/#.*/, ''))).text());
    expect(page.querySelector(`#booking-${id}`)!.querySelector('button')).toBeTruthy();
  });

  it('a series of requests tells the hosts once per date', async () => {
    const w = await world();
    const client = await loginAs(w.t.app, w.worker.email);
    await client.post(`/desks/spaces/${w.second.spaceId}/book-series`, { weekday: '3', daypart: 'morning', weeks: '2', startDate: '2026-12-08' });
    expect(w.t.db.select().from(notifications).where(eq(notifications.userId, w.host.id)).all()).toHaveLength(2);
  });

  it('"Open verzoeken" lists requests of all the host’s locations, oldest first, with the count in the navigation; another organisation sees none', async () => {
    const w = await world();
    w.request('2026-12-10', w.worker.id, w.second.spaceId);
    w.t.clock.advance(60_000);
    w.request('2026-12-09', w.worker2.id);
    const host = await loginAs(w.t.app, w.host.email);
    const res = await host.get('/host/requests');
    expect(res.status).toBe(200);
    const doc = parse(await res.text());
    expect(doc.querySelectorAll('tbody tr').map((r) => text(r.querySelectorAll('td')[1]!))).toEqual([
      expect.stringContaining('Sanne de Vries'),
      expect.stringContaining('Ruben Mulder'),
    ]);
    expect(text(doc.querySelector('nav')!)).toContain('Open verzoeken (2)');
    // Declining tells the guest: behind a disclosure that says so, approving is one button.
    const first = doc.querySelectorAll('tbody tr')[0]!;
    const decline = first.querySelector('details form[action$="/decline?from=requests"]');
    expect(text(decline)).toContain('De aanvraag van Sanne de Vries voor');
    expect(text(decline)).toContain('afwijzen? Diegene krijgt bericht.');
    expect(first.querySelector('details form[action$="/approve?from=requests"]')).toBeNull();
    const other = await loginAs(w.t.app, w.otherHost.email);
    const otherDoc = parse(await (await other.get('/host/requests')).text());
    expect(text(otherDoc.querySelector('main')!)).toContain('Er zijn geen open verzoeken.');
    expect(text(otherDoc.querySelector('nav')!)).not.toContain('Open verzoeken (');
    const worker = await loginAs(w.t.app, w.worker.email);
    expect((await worker.get('/host/requests')).status).toBe(403);
  });

  it('approve from the list: htmx gets the row back confirmed, no-JS goes back to the list; another organisation’s host gets 404 and nothing changes', async () => {
    const w = await world();
    const a = w.request('2026-12-09');
    const b = w.request('2026-12-10', w.worker2.id);
    const [idA, idB] = [a.ok ? a.ids[0]! : 0, b.ok ? b.ids[0]! : 0];
    const other = await loginAs(w.t.app, w.otherHost.email);
    for (const action of ['approve', 'decline']) expect((await other.post(`/host/bookings/${idA}/${action}?from=requests`)).status).toBe(404);
    expect(bookingRows(w.t.db).map((r) => r.status)).toEqual(['pending', 'pending']);
    const host = await loginAs(w.t.app, w.host.email);
    const frag = await host.post(`/host/bookings/${idA}/approve?from=requests`, {}, HX);
    expect(frag.status).toBe(200);
    const row = parse(await frag.text());
    expect(row.querySelector('tr')!.id).toBe(`request-${idA}`);
    expect(text(row)).toContain('bevestigd');
    const noJs = await host.post(`/host/bookings/${idB}/decline?from=requests`);
    expect(noJs.status).toBe(303);
    expect(noJs.headers.get('location')).toBe('/host/requests');
    // The list says whose request it was.
    const back = await html(await host.get('/host/requests'));
    expect(text(back.querySelector('[role="status"]'))).toBe('Opgeslagen voor Ruben Mulder.');
    expect(bookingRows(w.t.db).map((r) => r.status)).toEqual(['confirmed', 'declined']);
  });
});

describe('requests expire: the desk is freed and the guest told', () => {
  it('at the deadline the job expires the request once, tells the guest, and the desk is free in search and for booking', async () => {
    const w = await world();
    expect(w.request('2026-12-09').ok).toBe(true);
    const viewer = { userId: w.worker2.id, userOrgIds: [w.guestOrg.id], guestOrgId: w.guestOrg.id };
    const taken = () =>
      searchSpaces(w.t.db, { date: '2026-12-09', town: 'Harderwijk', amenities: [], host: null }, viewer, w.t.clock.now()).rows[0]!.takenMorning;
    expect(taken()).toBe(1);
    w.t.clock.set(instantOf('2026-12-08', '15:59').toISOString());
    expect(expireRequests(w.t.db, w.t.clock.now())).toBe(0);
    w.t.clock.set(instantOf('2026-12-08', '16:00').toISOString());
    expect(expireRequests(w.t.db, w.t.clock.now())).toBe(1);
    expect(expireRequests(w.t.db, w.t.clock.now())).toBe(0);
    expect(bookingRows(w.t.db).map((r) => r.status)).toEqual(['expired']);
    expect(taken()).toBe(0);
    const told = w.t.db
      .select()
      .from(outbox)
      .all()
      .filter((m) => m.toAddress === w.worker.email && /^Verlopen:/.test(m.subject));
    expect(told).toHaveLength(1);
    expect(told[0]!.body).toContain('niet op tijd beantwoord');
    expect(w.request('2026-12-09', w.worker2.id)).toMatchObject({ ok: true, status: 'pending' });
    // The guest can book the same dagdeel elsewhere (one place per dagdeel no longer holds them).
    expect(w.request('2026-12-09', w.worker.id, w.second.spaceId)).toMatchObject({ ok: true });
  });

  it('a host cannot approve a request past its deadline, even before the job ran', async () => {
    const w = await world();
    const r = w.request('2026-12-09');
    w.t.clock.set(instantOf('2026-12-08', '16:01').toISOString());
    const host = await loginAs(w.t.app, w.host.email);
    const res = await host.post(`/host/bookings/${r.ok ? r.ids[0] : 0}/approve?from=requests`, {}, HX);
    expect(res.status).toBe(422);
    expect(bookingRows(w.t.db).map((b) => b.status)).toEqual(['pending']);
  });

  it('the host sets the deadline in the location form; a bad value is refused with a message', async () => {
    const w = await world();
    const host = await loginAs(w.t.app, w.host.email);
    const form = {
      name: 'Locatie Harderwijk',
      street: 'Stationslaan 2',
      postcode: '3841 DB',
      town: 'Harderwijk',
      openWeekdays: ['1', '2', '3', '4', '5'],
      sharing: 'all',
      approvalRequired: 'on',
      horizonWeeks: '8',
      checkinDeadlineMorning: '10:00',
      checkinDeadlineAfternoon: '14:00',
      holidayMode: 'inherit',
    };
    const bad = await host.post(`/host/locations/${w.space.locationId}`, { ...form, requestDeadlineDays: '11', requestDeadlineTime: '16:00' });
    expect(bad.status).toBe(422);
    expect(text(parse(await bad.text()))).toContain('Vul een aantal van 0 tot en met 10 werkdagen in.');
    expect((await host.post(`/host/locations/${w.space.locationId}`, { ...form, requestDeadlineDays: '2', requestDeadlineTime: '12:00' })).status).toBe(303);
    expect(w.t.db.select().from(locations).where(eq(locations.id, w.space.locationId)).get()).toMatchObject({
      requestDeadlineDays: 2,
      requestDeadlineTime: '12:00',
    });
    const other = await loginAs(w.t.app, w.otherHost.email);
    expect((await other.post(`/host/locations/${w.space.locationId}`, { ...form, requestDeadlineDays: '0', requestDeadlineTime: '08:00' })).status).toBe(404);
    expect(w.request('2026-12-10')).toMatchObject({ ok: true });
    expect(w.t.db.select().from(bookings).get()!.respondBy).toEqual(instantOf('2026-12-08', '12:00'));
  });
});
