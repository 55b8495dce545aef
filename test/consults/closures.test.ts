import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { organisations } from '../../db/schema';
import { bookSpace } from '../../src/desks/bookings';
import { addWideClosure } from '../../src/desks/closures';
import { instantOf } from '../../src/lib/time';
import { sendReminders } from '../../src/notifications/reminders';
import { createSpace } from '../desks/factory';
import { makeMeeting } from '../intervision/fixtures';
import { createOrg, createTestApp, createUser, html, loginAs, sentAttachments, TestClock, text, type Client } from '../helpers';
import { consultWorld, createHours } from './factory';

/**
 * A closure of a location (ADR 010, amended 2026-12) also cancels the consult hours there (ADR 017):
 * the hours are cancelled with the consequences of the expert cancelling them, and the expert is
 * told. Online hours and a closure of one space are untouched; intervision meetings at the location
 * are counted for the host, not cancelled. The clock stands at Tuesday 1 December 2026, 09:00.
 */
async function setup() {
  const t = createTestApp({ clock: new TestClock(instantOf('2026-12-01', '09:00')) });
  const w = await consultWorld(t.db);
  const host = await createUser(t.db, { orgId: w.cjg.id, roles: ['host'], name: 'Marieke Jansen' });
  const as = (u: { email: string }) => loginAs(t.app, u.email);
  const hours = (locationId: number | null, o: { date?: string; startTime?: string; expertId?: string; orgId?: number } = {}) =>
    createHours(t.db, { expertId: o.expertId ?? w.expert.id, orgId: o.orgId ?? w.cjg.id, locationId, date: o.date ?? '2026-12-04', startTime: o.startTime });
  const rows = (sql: string, ...a: unknown[]) => t.db.$client.prepare(sql).all(...a) as Record<string, unknown>[];
  const hourStatus = (id: number) => (t.db.$client.prepare('select status from consult_hours where id = ?').get(id) as { status: string }).status;
  const mails = (to: string) =>
    (
      t.db.$client.prepare('select subject, body, attachments from outbox where to_address = ? order by id').all(to) as {
        subject: string;
        body: string;
        attachments: string | null;
      }[]
    ).map((m) => ({ ...m, attachments: sentAttachments(m.attachments) }));
  return { ...t, w, host, as, hours, rows, hourStatus, mails };
}

const bookSlot = (c: Client, hourId: number, slot: number, tagId: number) =>
  c.post(`/consults/${hourId}/book`, { slot: String(slot), tagId: String(tagId), noClientData: 'yes' });

/** The first POST of a closure form: the confirmation page's heading, status text and hidden fields. */
async function ask(c: Client, path: string, body: Record<string, string | string[]>) {
  const res = await c.post(path, body);
  const doc = await html(res);
  const form = doc.querySelector('main form[method="post"]');
  return {
    status: res.status,
    location: res.headers.get('location'),
    h1: text(doc.querySelector('h1')),
    said: doc
      .querySelectorAll('main [role="status"] p')
      .map((p) => text(p))
      .join(' '),
    confirm: Object.fromEntries((form?.querySelectorAll('input[type="hidden"]') ?? []).map((i) => [i.getAttribute('name'), i.getAttribute('value')])),
  };
}

async function flashAfter(c: Client, res: Response) {
  expect(res.status).toBe(303);
  return text((await html(await c.get(res.headers.get('location')!))).querySelector('.flash'));
}

describe('a host closes a location: the consult hours there are cancelled too', () => {
  it('the review’s scenario: confirm page counts hours; the hours are cancelled, not listed, not bookable; booker and expert told; no reminder', async () => {
    const t = await setup();
    const here = t.hours(t.w.open.locationId);
    const online = t.hours(null, { startTime: '15:00' });
    const elsewhere = t.hours(t.w.listed.locationId, { startTime: '09:00' });
    const worker = await t.as(t.w.worker);
    expect((await bookSlot(worker, here, 0, t.w.tags.get('LVB')!)).status).toBe(303);
    expect(
      bookSpace(
        t.db,
        { spaceId: t.w.open.spaceId, userId: t.w.worker.id, guestOrgId: t.w.partner.id, date: '2026-12-04', dayparts: ['morning'], note: null },
        t.clock.now(),
      ).ok,
    ).toBe(true);
    const host = await t.as(t.host);
    const path = `/host/locations/${t.w.open.locationId}/closures`;
    const body = { startDate: '2026-12-04', endDate: '2026-12-04', reason: 'Stroomstoring', spaceId: '' };

    const first = await ask(host, path, body);
    expect(first.h1).toBe('Sluiting bevestigen');
    expect(first.said).toBe(
      '1 reservering en 1 spreekuur (1 geboekt tijdvak) worden geannuleerd; de gast, de spreekuurhouder en wie een tijdvak heeft geboekt, krijgen bericht.',
    );
    expect(first.confirm).toMatchObject({ reason: 'Stroomstoring', confirm: 'yes' });
    expect(t.hourStatus(here)).toBe('open');

    const before = { worker: t.mails(t.w.worker.email).length, expert: t.mails(t.w.expert.email).length };
    expect(await flashAfter(host, await host.post(path, { ...body, confirm: 'yes' }))).toBe(
      'De sluitingsdag is toegevoegd; 1 reservering en 1 spreekuur (1 geboekt tijdvak) zijn geannuleerd en de gast, de spreekuurhouder en wie een tijdvak had geboekt, hebben bericht.',
    );
    expect([here, online, elsewhere].map(t.hourStatus)).toEqual(['cancelled', 'open', 'open']);
    expect(t.rows('select status from consult_bookings')).toEqual([{ status: 'cancelled' }]);

    // Not listed, and a booking is refused.
    const list = text(await html(await worker.get('/consults')));
    expect(list).toContain('Drielanden Harderwijk');
    expect(list).not.toContain('Stationslaan Harderwijk');
    const again = await bookSlot(worker, here, 1, t.w.tags.get('LVB')!);
    expect(again.status).toBe(422);
    expect(text(await html(again))).toContain('Dit spreekuur gaat niet door');
    expect(t.rows("select id from consult_bookings where status = 'booked'")).toEqual([]);

    // The booker hears why, with the calendar cancellation; the expert hears it too (they did not cancel).
    const toWorker = t.mails(t.w.worker.email).slice(before.worker);
    const consultMail = toWorker.find((m) => m.subject.startsWith('Spreekuur gaat niet door: Lieke Verhoeven'));
    expect(consultMail?.body).toContain('locatie Stationslaan Harderwijk is dan gesloten (Stroomstoring)');
    expect(consultMail?.attachments).toContain('METHOD:CANCEL');
    const toExpert = t.mails(t.w.expert.email).slice(before.expert);
    expect(toExpert).toHaveLength(1);
    expect(toExpert[0]!.subject).toBe('Spreekuur gaat niet door: Stationslaan Harderwijk gesloten, vr 4 dec 2026 13:00–14:20');
    expect(toExpert[0]!.body).toContain('de locatie is dan gesloten (Stroomstoring). De afspraak is geannuleerd en wie geboekt had, heeft bericht.');
    expect(toExpert[0]!.attachments).toContain('METHOD:CANCEL');
    expect(toExpert[0]!.attachments).toContain('UID:consult-1-expert@gastplek');

    // The day before: nobody is reminded of the cancelled consult.
    expect(sendReminders(t.db, instantOf('2026-12-03', '16:30'))).toBe(0);
    expect(t.mails(t.w.expert.email).filter((m) => m.subject.startsWith('Morgen'))).toEqual([]);
    expect(t.mails(t.w.worker.email).filter((m) => m.subject.startsWith('Morgen'))).toEqual([]);
  });

  it('only consult hours in the range: the confirmation is still asked, and nothing changes before it', async () => {
    const t = await setup();
    const here = t.hours(t.w.open.locationId);
    const host = await t.as(t.host);
    const path = `/host/locations/${t.w.open.locationId}/closures`;
    const body = { startDate: '2026-12-04', endDate: '2026-12-04', reason: 'Stroomstoring', spaceId: '' };
    const first = await ask(host, path, body);
    expect(first.status).toBe(200);
    expect(first.said).toBe('1 spreekuur wordt geannuleerd; de spreekuurhouder krijgt bericht.');
    expect(t.rows('select reason from closures')).toEqual([]);
    expect(t.hourStatus(here)).toBe('open');
    expect(await flashAfter(host, await host.post(path, { ...body, confirm: 'yes' }))).toBe(
      'De sluitingsdag is toegevoegd; 1 spreekuur is geannuleerd en de spreekuurhouder heeft bericht.',
    );
    expect(t.hourStatus(here)).toBe('cancelled');
    expect(t.mails(t.w.expert.email).at(-1)!.body).toContain('Er was nog geen tijdvak geboekt.');
  });

  it('a closure of one space leaves the location’s consult hours open (and closes at once when it cancels nothing)', async () => {
    const t = await setup();
    const here = t.hours(t.w.open.locationId);
    const host = await t.as(t.host);
    const res = await host.post(`/host/locations/${t.w.open.locationId}/closures`, {
      startDate: '2026-12-04',
      endDate: '2026-12-04',
      reason: 'Schilder',
      spaceId: String(t.w.open.spaceId),
    });
    expect(await flashAfter(host, res)).toBe('De sluitingsdag is toegevoegd.');
    expect(t.hourStatus(here)).toBe('open');
    expect(t.mails(t.w.expert.email)).toEqual([]);
  });

  it('hours already over today stay as they were; hours later today are cancelled', async () => {
    const t = await setup();
    const morning = t.hours(t.w.open.locationId, { date: '2026-12-01', startTime: '07:00' }); // 07:00–08:20, over at 09:00
    const afternoon = t.hours(t.w.open.locationId, { date: '2026-12-01', startTime: '13:00' });
    const host = await t.as(t.host);
    const path = `/host/locations/${t.w.open.locationId}/closures`;
    await host.post(path, { startDate: '2026-12-01', endDate: '2026-12-01', reason: 'Stroomstoring', spaceId: '', confirm: 'yes' });
    expect([morning, afternoon].map(t.hourStatus)).toEqual(['open', 'cancelled']);
  });

  it('a meeting at the location is not cancelled, but the confirm page and the flash tell the host to pass it on', async () => {
    const t = await setup();
    const facilitator = await createUser(t.db, { orgId: t.w.partner.id, roles: ['facilitator'] });
    const meeting = makeMeeting(t.db, facilitator.id, t.w.partner.id, {
      placeKind: 'location',
      locationId: t.w.open.locationId,
      startsAt: instantOf('2026-12-04', '14:00'),
      endsAt: instantOf('2026-12-04', '16:00'),
      signupClosesAt: instantOf('2026-12-03', '17:00'),
      cancelDeadlineAt: instantOf('2026-12-03', '17:00'),
    });
    makeMeeting(t.db, facilitator.id, t.w.partner.id, {
      placeKind: 'location',
      locationId: t.w.open.locationId,
      startsAt: instantOf('2026-12-05', '14:00'),
      endsAt: instantOf('2026-12-05', '16:00'),
      signupClosesAt: instantOf('2026-12-03', '17:00'),
      cancelDeadlineAt: instantOf('2026-12-03', '17:00'),
    }); // the day after: not in the period
    const host = await t.as(t.host);
    const path = `/host/locations/${t.w.open.locationId}/closures`;
    const body = { startDate: '2026-12-04', endDate: '2026-12-04', reason: 'Stroomstoring', spaceId: '' };
    const first = await ask(host, path, body);
    expect(first.said).toBe(
      'Er zijn in deze periode geen reserveringen of spreekuren; er wordt niets geannuleerd. Let op: op een locatie die dan gesloten is, staat ook 1 intervisiebijeenkomst gepland. Die wordt niet vanzelf afgezegd: laat het de begeleider weten, zodat die de bijeenkomst kan verplaatsen.',
    );
    expect(await flashAfter(host, await host.post(path, { ...body, confirm: 'yes' }))).toBe(
      'De sluitingsdag is toegevoegd. Let op: op een locatie die dan gesloten is, staat ook 1 intervisiebijeenkomst gepland. Die wordt niet vanzelf afgezegd: laat het de begeleider weten, zodat die de bijeenkomst kan verplaatsen.',
    );
    expect(t.rows('select status from meetings where id = ?', meeting)).toEqual([{ status: 'scheduled' }]);
  });

  it('in English, the same count', async () => {
    const t = await setup();
    const here = t.hours(t.w.open.locationId);
    const worker = await t.as(t.w.worker);
    expect((await bookSlot(worker, here, 0, t.w.tags.get('LVB')!)).status).toBe(303);
    t.db.$client.prepare("update users set locale = 'en' where id = ?").run(t.host.id);
    const host = await t.as(t.host);
    const first = await ask(host, `/host/locations/${t.w.open.locationId}/closures`, {
      startDate: '2026-12-04',
      endDate: '2026-12-04',
      reason: 'Power cut',
      spaceId: '',
    });
    expect(first.said).toBe('1 consult session (1 booked slot) will be cancelled; the expert and whoever booked a slot are told.');
  });
});

describe('an organisation’s or the network’s closure cancels the consult hours at every location it closes', () => {
  it('an org admin closes all of CJG: hours at both its locations cancelled; online hours and another organisation’s hours untouched', async () => {
    const t = await setup();
    const a = t.hours(t.w.open.locationId);
    const b = t.hours(t.w.listed.locationId, { startTime: '09:00' });
    const online = t.hours(null, { startTime: '15:00' });
    const lokalisLoc = createSpace(t.db, t.w.outside.id, { name: 'Lokalis', town: 'Utrecht' });
    const lokalisExpert = await createUser(t.db, { orgId: t.w.outside.id, roles: ['expert'] });
    const foreign = t.hours(lokalisLoc.locationId, { expertId: lokalisExpert.id, orgId: t.w.outside.id });
    const worker = await t.as(t.w.worker);
    expect((await bookSlot(worker, b, 2, t.w.tags.get('Schulden')!)).status).toBe(303);
    const admin = await t.as(t.w.orgAdmin);
    const path = `/closures/org/${t.w.cjg.id}`;
    const body = { startDate: '2026-12-03', endDate: '2026-12-04', reason: 'Verhuizing' };
    const first = await ask(admin, path, body);
    expect(first.said).toBe('2 spreekuren (1 geboekt tijdvak) worden geannuleerd; de spreekuurhouders en wie een tijdvak heeft geboekt, krijgen bericht.');
    expect([a, b, online, foreign].map(t.hourStatus)).toEqual(['open', 'open', 'open', 'open']);
    expect(await flashAfter(admin, await admin.post(path, { ...body, confirm: 'yes' }))).toBe(
      'De sluiting is toegevoegd; 2 spreekuren (1 geboekt tijdvak) zijn geannuleerd en de spreekuurhouders en wie een tijdvak had geboekt, hebben bericht.',
    );
    expect([a, b, online, foreign].map(t.hourStatus)).toEqual(['cancelled', 'cancelled', 'open', 'open']);
    expect(t.mails(t.w.worker.email).at(-1)!.body).toContain('is dan gesloten (Verhuizing)');
    expect(t.mails(lokalisExpert.email)).toEqual([]);
  });

  it('a network closure reaches every location, never online hours', async () => {
    const t = await setup();
    const a = t.hours(t.w.open.locationId);
    const online = t.hours(null, { startTime: '15:00' });
    const lokalisLoc = createSpace(t.db, t.w.outside.id, { name: 'Lokalis', town: 'Utrecht' });
    const lokalisExpert = await createUser(t.db, { orgId: t.w.outside.id, roles: ['expert'] });
    const foreign = t.hours(lokalisLoc.locationId, { expertId: lokalisExpert.id, orgId: t.w.outside.id });
    const r = addWideClosure(
      t.db,
      { scope: 'network', orgId: null },
      { startDate: '2026-12-04', endDate: '2026-12-04', reason: 'Landelijke storing' },
      t.clock.now(),
    );
    expect(r).toEqual({ bookings: 0, hours: 2, slots: 0, meetings: 0 });
    expect([a, online, foreign].map(t.hourStatus)).toEqual(['cancelled', 'open', 'cancelled']);
  });
});

describe('a holiday choice that closes a day cancels the consult hours on it', () => {
  it('an org admin adds Goede Vrijdag: confirm page counts the hours; only the hours on 26 March 2027 are cancelled', async () => {
    const t = await setup();
    const friday = t.hours(t.w.open.locationId, { date: '2027-03-26' });
    const thursday = t.hours(t.w.open.locationId, { date: '2027-03-25' });
    const online = t.hours(null, { date: '2027-03-26', startTime: '15:00' });
    const admin = await t.as(t.w.orgAdmin);
    const path = `/closures/org/${t.w.cjg.id}/holidays`;
    const chosen = [
      'nieuwjaarsdag',
      'goede_vrijdag',
      'tweede_paasdag',
      'koningsdag',
      'hemelvaartsdag',
      'tweede_pinksterdag',
      'eerste_kerstdag',
      'tweede_kerstdag',
    ];
    const first = await ask(admin, path, { closedHolidays: chosen });
    expect(first.h1).toBe('Feestdagen wijzigen');
    expect(first.said).toBe('1 spreekuur wordt geannuleerd; de spreekuurhouder krijgt bericht.');
    expect(t.hourStatus(friday)).toBe('open');
    expect(await flashAfter(admin, await admin.post(path, { closedHolidays: chosen, confirm: 'yes' }))).toBe(
      'De feestdagen zijn opgeslagen; 1 spreekuur is geannuleerd en de spreekuurhouder heeft bericht.',
    );
    expect([friday, thursday, online].map(t.hourStatus)).toEqual(['cancelled', 'open', 'open']);
    expect(t.db.select().from(organisations).where(eq(organisations.id, t.w.cjg.id)).get()!.closedHolidays).toContain('goede_vrijdag');
    expect(t.mails(t.w.expert.email).at(-1)!.body).toContain('de locatie is dan gesloten (Goede Vrijdag)');
  });

  it('a meeting on the newly closed holiday is named on the confirm page and in the flash, once: saving the same choice again does not ask', async () => {
    const t = await setup();
    const facilitator = await createUser(t.db, { orgId: t.w.partner.id, roles: ['facilitator'] });
    makeMeeting(t.db, facilitator.id, t.w.partner.id, {
      placeKind: 'location',
      locationId: t.w.open.locationId,
      startsAt: instantOf('2027-03-26', '14:00'),
      endsAt: instantOf('2027-03-26', '16:00'),
      signupClosesAt: instantOf('2027-03-25', '17:00'),
      cancelDeadlineAt: instantOf('2027-03-25', '17:00'),
    });
    const admin = await t.as(t.w.orgAdmin);
    const path = `/closures/org/${t.w.cjg.id}/holidays`;
    const chosen = [
      'nieuwjaarsdag',
      'goede_vrijdag',
      'tweede_paasdag',
      'koningsdag',
      'hemelvaartsdag',
      'tweede_pinksterdag',
      'eerste_kerstdag',
      'tweede_kerstdag',
    ];
    const first = await ask(admin, path, { closedHolidays: chosen });
    expect(first.h1).toBe('Feestdagen wijzigen');
    expect(first.said).toContain('op een locatie die dan gesloten is, staat ook 1 intervisiebijeenkomst gepland');
    expect(await flashAfter(admin, await admin.post(path, { closedHolidays: chosen, confirm: 'yes' }))).toContain(
      'De feestdagen zijn opgeslagen. Let op: op een locatie die dan gesloten is, staat ook 1 intervisiebijeenkomst gepland.',
    );
    expect(await flashAfter(admin, await admin.post(path, { closedHolidays: chosen }))).toBe('De feestdagen zijn opgeslagen.');
    expect(t.rows('select status from meetings')).toEqual([{ status: 'scheduled' }]);
  });

  it('another organisation’s holiday choice does not touch CJG’s hours', async () => {
    const t = await setup();
    const friday = t.hours(t.w.open.locationId, { date: '2027-03-26' });
    const other = createOrg(t.db, { name: 'Lokalis Amersfoort' });
    const otherAdmin = await createUser(t.db, { orgId: other.id, roles: ['org_admin'] });
    const admin = await t.as(otherAdmin);
    const res = await admin.post(`/closures/org/${other.id}/holidays`, { closedHolidays: ['goede_vrijdag'] });
    expect(res.status).toBe(303);
    expect(t.hourStatus(friday)).toBe('open');
  });
});
