import { describe, expect, it } from 'vitest';
import { createTestApp, createUser, countRows, html, loginAs, TestClock, text, type Client, sentAttachments } from '../helpers';
import { instantOf } from '../../src/lib/time';
import type { DB } from '../../src/db';
import { sendReminders } from '../../src/notifications/reminders';
import { consultWorld, createHours } from './factory';
import { renewFeedToken } from '../../src/calendar/feeds';

/** Consult hours (spreekuur, ADR 017), through the app with a fixed clock: Monday 23 November 2026, 10:00 in Amsterdam. */
async function setup() {
  const t = createTestApp({ clock: new TestClock(instantOf('2026-11-23', '10:00')) });
  const w = await consultWorld(t.db);
  const as = async (u: { email: string }) => loginAs(t.app, u.email);
  return { ...t, w, as };
}

const rows = (t: { db: DB }, sql: string, ...a: unknown[]) => t.db.$client.prepare(sql).all(...a) as Record<string, unknown>[];

const book = (c: Client, hourId: number, body: Record<string, string>) => c.post(`/consults/${hourId}/book`, body);
const mails = (db: Parameters<typeof countRows>[0], to: string) =>
  (
    db.$client.prepare('select subject, body, attachments from outbox where to_address = ? order by id').all(to) as {
      subject: string;
      body: string;
      attachments: string | null;
    }[]
  ).map((m) => ({ ...m, attachments: sentAttachments(m.attachments) }));

const PUBLISH = { place: 'online', onlineUrl: 'https://meet.example.nl/spreekuur', date: '2026-11-26', startTime: '13:00', slots: '4', slotMinutes: '20' };

describe('publishing consult hours', () => {
  it('someone with the expert role publishes 4 × 20 min at a location of their organisation; it is listed for others and under /consults/mine', async () => {
    const t = await setup();
    const expert = await t.as(t.w.expert);
    const res = await expert.post('/consults/mine/new', { ...PUBLISH, place: String(t.w.open.locationId), onlineUrl: '' });
    expect(res.status).toBe(303);
    expect(rows(t, 'select org_id, location_id, online_url, date, start_time, slots, slot_minutes, status from consult_hours')).toEqual([
      {
        org_id: t.w.cjg.id,
        location_id: t.w.open.locationId,
        online_url: null,
        date: '2026-11-26',
        start_time: '13:00',
        slots: 4,
        slot_minutes: 20,
        status: 'open',
      },
    ]);
    expect(text(await html(await expert.get('/consults/mine')))).toContain('13:00–13:20');
    const list = text(await html(await (await t.as(t.w.stranger)).get('/consults')));
    expect(list).toContain('Lieke Verhoeven');
    expect(list).toContain('4 tijdvakken vrij');
  });

  it('without the expert role: 403 that says the org admin grants it, nothing written', async () => {
    const t = await setup();
    const worker = await t.as(t.w.worker);
    for (const res of [await worker.get('/consults/mine'), await worker.get('/consults/mine/new'), await worker.post('/consults/mine/new', PUBLISH)]) {
      expect(res.status).toBe(403);
      expect(text(await html(res))).toContain('beheerder van je organisatie');
    }
    expect(countRows(t.db, 'consult_hours')).toBe(0);
  });

  it.each([
    [
      'another organisation’s location',
      (w: Awaited<ReturnType<typeof consultWorld>>) => ({ place: String(w.open.locationId + 100), onlineUrl: '' }),
      'Kies een locatie van je organisatie',
    ],
    ['online without a link', () => ({ onlineUrl: '' }), 'https://'],
    ['online over http', () => ({ onlineUrl: 'http://meet.example.nl/x' }), 'https://'],
    ['a date in the past', () => ({ date: '2026-11-20' }), 'al voorbij'],
    ['today, an hour ago', () => ({ date: '2026-11-23', startTime: '09:00' }), 'al voorbij'],
    ['over a year ahead', () => ({ date: '2028-01-10' }), 'een jaar vooruit'],
    ['no real date', () => ({ date: '2026-02-30' }), 'geldige datum'],
    ['no real time', () => ({ startTime: '25:00' }), 'tijd als 09:30'],
    ['17 slots', () => ({ slots: '17' }), '1 tot 16'],
    ['0 slots', () => ({ slots: '0' }), '1 tot 16'],
    ['5-minute slots', () => ({ slotMinutes: '5' }), '10 tot 120'],
    ['past 22:00', () => ({ startTime: '21:00', slots: '4', slotMinutes: '30' }), 'tussen 07:00 en 22:00'],
  ])('refuses %s with a Dutch message (422), nothing written', async (_what, change, message) => {
    const t = await setup();
    const other = (await import('../desks/factory')).createSpace(t.db, t.w.outside.id);
    const body = { ...PUBLISH, ...change(t.w) };
    if (body.place !== 'online' && body.place === String(t.w.open.locationId + 100)) body.place = String(other.locationId);
    const res = await (await t.as(t.w.expert)).post('/consults/mine/new', body);
    expect(res.status).toBe(422);
    expect(text(await html(res))).toContain(message);
    expect(countRows(t.db, 'consult_hours')).toBe(0);
  });

  it('refuses hours overlapping the expert’s own open hours that day', async () => {
    const t = await setup();
    const expert = await t.as(t.w.expert);
    expect((await expert.post('/consults/mine/new', PUBLISH)).status).toBe(303);
    const res = await expert.post('/consults/mine/new', { ...PUBLISH, startTime: '13:40' });
    expect(res.status).toBe(422);
    expect(text(await html(res))).toContain('al een spreekuur');
    expect((await expert.post('/consults/mine/new', { ...PUBLISH, startTime: '14:20' })).status).toBe(303);
    expect(countRows(t.db, 'consult_hours')).toBe(2);
  });
});

describe('consult hours only when they can take place (review 2026-12)', () => {
  it('at a location on a Sunday it is not open, or on a closure → 422 at the date with the reason; nothing written, so nobody can book', async () => {
    const t = await setup();
    const { closures } = await import('../../db/schema');
    t.db.insert(closures).values({ scope: 'org', orgId: t.w.cjg.id, startDate: '2026-12-24', endDate: '2026-12-24', reason: 'Kerst' }).run();
    const expert = await t.as(t.w.expert);
    const at = (date: string) => ({ ...PUBLISH, place: String(t.w.open.locationId), onlineUrl: '', date });
    const cases: [string, string][] = [
      ['2026-11-29', 'De locatie is gesloten op zondag. Kies een andere datum, of online.'],
      ['2026-12-24', 'De locatie is dan gesloten: Kerst. Kies een andere datum, of online.'],
      ['2026-12-25', 'De locatie is dan gesloten: Eerste kerstdag. Kies een andere datum, of online.'],
    ];
    for (const [date, message] of cases) {
      const res = await expert.post('/consults/mine/new', at(date));
      expect(res.status, date).toBe(422);
      const doc = await html(res);
      expect(text(doc.querySelector('#f-date-err'))).toBe(message);
      expect(doc.querySelector('#f-date')?.getAttribute('value')).toBe(date);
    }
    expect(countRows(t.db, 'consult_hours')).toBe(0);
    // Online that Sunday, or at the location on an open day: fine.
    expect((await expert.post('/consults/mine/new', { ...PUBLISH, date: '2026-11-29' })).status).toBe(303);
    expect((await expert.post('/consults/mine/new', at('2026-12-23'))).status).toBe(303);
    expect(countRows(t.db, 'consult_hours')).toBe(2);
  });

  it('a start the clocks skip (28 March 2027, 02:30) → 422 at the start time, saying so', async () => {
    const t = await setup();
    const res = await (await t.as(t.w.expert)).post('/consults/mine/new', { ...PUBLISH, date: '2027-03-28', startTime: '02:30' });
    expect(res.status).toBe(422);
    expect(text((await html(res)).querySelector('#f-startTime-err'))).toBe('Deze tijd bestaat niet op 28 maart 2027: de klok gaat dan van 02:00 naar 03:00.');
    expect(countRows(t.db, 'consult_hours')).toBe(0);
  });
});

describe('booking a slot', () => {
  it('a worker of a partner organisation books with a tag and the tick: booked, both told with an .ics, listed in Mijn reserveringen', async () => {
    const t = await setup();
    const hour = createHours(t.db, { expertId: t.w.expert.id, orgId: t.w.cjg.id, locationId: t.w.listed.locationId });
    const worker = await t.as(t.w.worker);
    const page = await html(await worker.get(`/consults/${hour}`));
    expect(text(page)).toContain('Ik deel geen cliëntgegevens');
    const res = await book(worker, hour, { slot: '1', tagId: String(t.w.tags.get('LVB')), noClientData: 'yes' });
    expect(res.status).toBe(303);
    expect(rows(t, 'select slot, org_id, status from consult_bookings')).toEqual([{ slot: 1, org_id: t.w.partner.id, status: 'booked' }]);
    const toWorker = mails(t.db, t.w.worker.email);
    const toExpert = mails(t.db, t.w.expert.email);
    expect(toWorker).toHaveLength(1);
    expect(toExpert).toHaveLength(1);
    expect(toWorker[0]!.subject).toContain('Spreekuur geboekt: Lieke Verhoeven');
    expect(toExpert[0]!.body).toContain('Sanne de Vries');
    expect(toExpert[0]!.body).toContain('Onderwerp: LVB');
    expect(toWorker[0]!.attachments).toContain('BEGIN:VCALENDAR');
    expect(toExpert[0]!.attachments).toContain('BEGIN:VCALENDAR');
    const bookings = text(await html(await worker.get('/bookings')));
    expect(bookings).toContain('Lieke Verhoeven');
    expect(bookings).toContain('13:20–13:40');
    expect(bookings).toContain('Onderwerp: LVB');
  });

  it('the booking form has no free-text field: only the slot, the topic select and the tick', async () => {
    const t = await setup();
    const hour = createHours(t.db, { expertId: t.w.expert.id, orgId: t.w.cjg.id, locationId: t.w.open.locationId });
    const form = (await html(await (await t.as(t.w.worker)).get(`/consults/${hour}`))).querySelector('#book-consult')!;
    expect(form).not.toBeNull();
    expect(form.querySelectorAll('textarea')).toHaveLength(0);
    const inputs = form.querySelectorAll('input').map((i) => `${i.getAttribute('type')}:${i.getAttribute('name')}`);
    expect([...new Set(inputs)].sort()).toEqual(['checkbox:noClientData', 'radio:slot']);
    expect(form.querySelectorAll('select').map((s) => s.getAttribute('name'))).toEqual(['tagId']);
  });

  it('a free-text field posted anyway is ignored: nothing but the tag is stored', async () => {
    const t = await setup();
    const hour = createHours(t.db, { expertId: t.w.expert.id, orgId: t.w.cjg.id, locationId: null });
    const worker = await t.as(t.w.worker);
    const res = await book(worker, hour, {
      slot: '0',
      tagId: String(t.w.tags.get('Schulden')),
      noClientData: 'yes',
      note: 'Jan de Vries, 12 jaar',
      topic: 'casus',
    });
    expect(res.status).toBe(303);
    expect(JSON.stringify(rows(t, 'select * from consult_bookings'))).not.toContain('Jan de Vries');
  });

  const refusals: [
    string,
    (x: Awaited<ReturnType<typeof setup>>, hour: number) => Promise<{ who: Client; body: Record<string, string>; hour?: number }>,
    number,
    string,
  ][] = [
    ['no tag', async (x) => ({ who: await x.as(x.w.worker), body: { slot: '0', noClientData: 'yes' } }), 422, 'Kies een onderwerp uit de lijst'],
    [
      'an inactive or unknown tag',
      async (x) => ({ who: await x.as(x.w.worker), body: { slot: '0', tagId: '999', noClientData: 'yes' } }),
      422,
      'Kies een onderwerp uit de lijst',
    ],
    ['the tick not set', async (x) => ({ who: await x.as(x.w.worker), body: { slot: '0', tagId: String(x.w.tags.get('LVB')) } }), 422, 'geen cliëntgegevens'],
    [
      'a slot beyond the hours',
      async (x) => ({ who: await x.as(x.w.worker), body: { slot: '4', tagId: String(x.w.tags.get('LVB')), noClientData: 'yes' } }),
      422,
      'Kies een tijdvak',
    ],
    [
      'own hours',
      async (x) => ({ who: await x.as(x.w.expert), body: { slot: '0', tagId: String(x.w.tags.get('LVB')), noClientData: 'yes' } }),
      422,
      'eigen spreekuur',
    ],
  ];
  it.each(refusals)('refuses %s with a 4xx and a Dutch message, nothing written', async (_what, make, status, message) => {
    const t = await setup();
    const hour = createHours(t.db, { expertId: t.w.expert.id, orgId: t.w.cjg.id, locationId: t.w.open.locationId });
    const { who, body } = await make(t, hour);
    const res = await book(who, hour, body);
    expect(res.status).toBe(status);
    expect(text(await html(res))).toContain(message);
    expect(countRows(t.db, 'consult_bookings')).toBe(0);
    expect(countRows(t.db, 'outbox')).toBe(0);
  });

  it('capacity 1: a taken slot is refused with 409 and the message says to pick another', async () => {
    const t = await setup();
    const hour = createHours(t.db, { expertId: t.w.expert.id, orgId: t.w.cjg.id, locationId: t.w.open.locationId });
    const body = { slot: '2', tagId: String(t.w.tags.get('LVB')), noClientData: 'yes' };
    expect((await book(await t.as(t.w.worker), hour, body)).status).toBe(303);
    const res = await book(await t.as(t.w.staff), hour, body);
    expect(res.status).toBe(409);
    expect(text(await html(res))).toContain('net door iemand anders geboekt');
    expect(countRows(t.db, 'consult_bookings')).toBe(1);
  });

  it('one slot per person in the same hours: a second slot is refused', async () => {
    const t = await setup();
    const hour = createHours(t.db, { expertId: t.w.expert.id, orgId: t.w.cjg.id, locationId: null });
    const worker = await t.as(t.w.worker);
    const tag = String(t.w.tags.get('LVB'));
    expect((await book(worker, hour, { slot: '0', tagId: tag, noClientData: 'yes' })).status).toBe(303);
    const res = await book(worker, hour, { slot: '1', tagId: tag, noClientData: 'yes' });
    expect(res.status).toBe(422);
    expect(text(await html(res))).toContain('al een tijdvak in dit spreekuur');
    expect(countRows(t.db, 'consult_bookings')).toBe(1);
  });

  it('cancelled hours and a slot that has started are refused', async () => {
    const t = await setup();
    const tag = String(t.w.tags.get('LVB'));
    const worker = await t.as(t.w.worker);
    const cancelled = createHours(t.db, { expertId: t.w.expert.id, orgId: t.w.cjg.id, locationId: null, status: 'cancelled' });
    let res = await book(worker, cancelled, { slot: '0', tagId: tag, noClientData: 'yes' });
    expect(res.status).toBe(422);
    expect(text(await html(res))).toContain('gaat niet door');
    // Today 09:40–11:00 in four slots; it is 10:00, so slots 0 (09:40) is over and 1 (10:00) has started.
    const today = createHours(t.db, { expertId: t.w.expert.id, orgId: t.w.cjg.id, locationId: null, date: '2026-11-23', startTime: '09:40' });
    for (const slot of ['0', '1']) {
      res = await book(worker, today, { slot, tagId: tag, noClientData: 'yes' });
      expect(res.status).toBe(422);
      expect(text(await html(res))).toContain('al begonnen of voorbij');
    }
    expect(countRows(t.db, 'consult_bookings')).toBe(0);
    expect((await book(worker, today, { slot: '2', tagId: tag, noClientData: 'yes' })).status).toBe(303);
  });
});

describe('who sees and books which hours', () => {
  it('hours at a list-shared location: its partners and the host’s own staff see and book them; another organisation gets 404 and does not find them in the list', async () => {
    const t = await setup();
    const hour = createHours(t.db, { expertId: t.w.expert.id, orgId: t.w.cjg.id, locationId: t.w.listed.locationId });
    const body = { slot: '0', tagId: String(t.w.tags.get('LVB')), noClientData: 'yes' };
    const stranger = await t.as(t.w.stranger);
    expect((await stranger.get(`/consults/${hour}`)).status).toBe(404);
    expect((await book(stranger, hour, body)).status).toBe(404);
    expect(text(await html(await stranger.get('/consults')))).not.toContain('Lieke Verhoeven');
    expect(countRows(t.db, 'consult_bookings')).toBe(0);
    const staff = await t.as(t.w.staff);
    expect((await staff.get(`/consults/${hour}`)).status).toBe(200);
    expect((await book(staff, hour, body)).status).toBe(303);
    const worker = await t.as(t.w.worker);
    expect(text(await html(await worker.get('/consults')))).toContain('Lieke Verhoeven');
  });

  it('online hours: every member of any organisation sees them; an archived location’s hours only its own staff', async () => {
    const t = await setup();
    const online = createHours(t.db, { expertId: t.w.expert.id, orgId: t.w.cjg.id, locationId: null });
    expect((await (await t.as(t.w.stranger)).get(`/consults/${online}`)).status).toBe(200);
    const atOpen = createHours(t.db, { expertId: t.w.expert.id, orgId: t.w.cjg.id, locationId: t.w.open.locationId, date: '2026-11-25' });
    t.db.$client.prepare('update locations set archived_at = 1 where id = ?').run(t.w.open.locationId);
    expect((await (await t.as(t.w.stranger)).get(`/consults/${atOpen}`)).status).toBe(404);
    expect((await (await t.as(t.w.staff)).get(`/consults/${atOpen}`)).status).toBe(200);
  });

  it('someone without an organisation sees no hours at all, not even online ones (404)', async () => {
    const t = await setup();
    const online = createHours(t.db, { expertId: t.w.expert.id, orgId: t.w.cjg.id, locationId: null });
    const loner = await createUser(t.db, { name: 'Zonder Organisatie' });
    const c = await loginAs(t.app, loner.email);
    expect((await c.get(`/consults/${online}`)).status).toBe(404);
    expect((await book(c, online, { slot: '0', tagId: String(t.w.tags.get('LVB')), noClientData: 'yes' })).status).toBe(404);
    expect(text(await html(await c.get('/consults')))).not.toContain('Lieke Verhoeven');
    expect(countRows(t.db, 'consult_bookings')).toBe(0);
  });

  it('an archived location cannot be chosen for new hours', async () => {
    const t = await setup();
    t.db.$client.prepare('update locations set archived_at = 1 where id = ?').run(t.w.open.locationId);
    const res = await (await t.as(t.w.expert)).post('/consults/mine/new', { ...PUBLISH, place: String(t.w.open.locationId), onlineUrl: '' });
    expect(res.status).toBe(422);
    expect(text(await html(res))).toContain('Kies een locatie van je organisatie');
    expect(countRows(t.db, 'consult_hours')).toBe(0);
  });

  it('the town filter and the empty state say why nothing is listed', async () => {
    const t = await setup();
    createHours(t.db, { expertId: t.w.expert.id, orgId: t.w.cjg.id, locationId: null });
    const worker = await t.as(t.w.worker);
    expect(text(await html(await worker.get('/consults?town=online')))).toContain('Lieke Verhoeven');
    const empty = text(await html(await worker.get('/consults?town=Harderwijk')));
    expect(empty).toContain('geen spreekuren');
    expect(empty).toContain('gedeeld worden');
  });
});

describe('cancelling', () => {
  it('the booker cancels after a confirmation step: the slot is free again and the expert is told with a CANCEL .ics', async () => {
    const t = await setup();
    const hour = createHours(t.db, { expertId: t.w.expert.id, orgId: t.w.cjg.id, locationId: t.w.open.locationId });
    const tag = String(t.w.tags.get('LVB'));
    const worker = await t.as(t.w.worker);
    await book(worker, hour, { slot: '0', tagId: tag, noClientData: 'yes' });
    const id = Number(rows(t, 'select id from consult_bookings')[0]!.id);
    const confirm = await worker.post(`/consults/bookings/${id}/cancel`, {});
    expect(confirm.status).toBe(200);
    expect(text(await html(confirm))).toContain('Afspraak annuleren?');
    expect(rows(t, 'select status from consult_bookings')).toEqual([{ status: 'booked' }]);
    expect((await (await t.as(t.w.staff)).post(`/consults/bookings/${id}/cancel`, { confirm: 'yes' })).status).toBe(404);
    const res = await worker.post(`/consults/bookings/${id}/cancel`, { confirm: 'yes' });
    expect(res.status).toBe(303);
    expect(rows(t, 'select status from consult_bookings')).toEqual([{ status: 'cancelled' }]);
    const toExpert = mails(t.db, t.w.expert.email);
    expect(toExpert.at(-1)!.subject).toContain('Afspraak geannuleerd: Sanne de Vries');
    expect(toExpert.at(-1)!.attachments).toContain('METHOD:CANCEL');
    expect((await book(await t.as(t.w.staff), hour, { slot: '0', tagId: tag, noClientData: 'yes' })).status).toBe(303);
  });

  it('the expert cancels the hours after a confirmation step: every booker is told, bookings cancelled', async () => {
    const t = await setup();
    const hour = createHours(t.db, { expertId: t.w.expert.id, orgId: t.w.cjg.id, locationId: t.w.open.locationId });
    const tag = String(t.w.tags.get('LVB'));
    await book(await t.as(t.w.worker), hour, { slot: '0', tagId: tag, noClientData: 'yes' });
    await book(await t.as(t.w.staff), hour, { slot: '3', tagId: tag, noClientData: 'yes' });
    const expert = await t.as(t.w.expert);
    const mine = text(await html(await expert.get('/consults/mine')));
    expect(mine).toContain('Sanne de Vries');
    expect(mine).toContain('Fatima Ouali');
    expect((await (await t.as(t.w.worker)).post(`/consults/mine/${hour}/cancel`, { confirm: 'yes' })).status).toBe(404);
    const confirm = await expert.post(`/consults/mine/${hour}/cancel`, {});
    expect(confirm.status).toBe(200);
    expect(text(await html(confirm))).toContain('De 2 collega');
    expect((await expert.post(`/consults/mine/${hour}/cancel`, { confirm: 'yes' })).status).toBe(303);
    expect(rows(t, 'select status from consult_hours')).toEqual([{ status: 'cancelled' }]);
    expect(rows(t, 'select status from consult_bookings order by id')).toEqual([{ status: 'cancelled' }, { status: 'cancelled' }]);
    for (const u of [t.w.worker, t.w.staff]) {
      const last = mails(t.db, u.email).at(-1)!;
      expect(last.subject).toContain('Spreekuur gaat niet door');
      expect(last.attachments).toContain('METHOD:CANCEL');
    }
  });

  it('an org admin of the hours’ organisation may cancel them too', async () => {
    const t = await setup();
    const hour = createHours(t.db, { expertId: t.w.expert.id, orgId: t.w.cjg.id, locationId: null });
    expect((await (await t.as(t.w.orgAdmin)).post(`/consults/mine/${hour}/cancel`, { confirm: 'yes' })).status).toBe(303);
    expect(rows(t, 'select status from consult_hours')).toEqual([{ status: 'cancelled' }]);
  });
});

describe('the calendar file', () => {
  const dtstart = (ics: string) => /DTSTART:(\S+)/.exec(ics)?.[1];

  it('for the booker and for the expert, each their own event; anyone else 404', async () => {
    const t = await setup();
    const hour = createHours(t.db, { expertId: t.w.expert.id, orgId: t.w.cjg.id, locationId: t.w.open.locationId });
    const worker = await t.as(t.w.worker);
    await book(worker, hour, { slot: '1', tagId: String(t.w.tags.get('Verslaving')), noClientData: 'yes' });
    const id = Number(rows(t, 'select id from consult_bookings')[0]!.id);
    const mine = await worker.get(`/consults/bookings/${id}/calendar.ics`);
    expect(mine.headers.get('content-type')).toContain('text/calendar');
    const booker = await mine.text();
    expect(dtstart(booker)).toBe('20261124T122000Z');
    expect(booker).toContain('SUMMARY:Spreekuur bij Lieke Verhoeven: Verslaving');
    expect(booker).toContain(`UID:consult-${id}@gastplek`);
    const expertIcs = await (await (await t.as(t.w.expert)).get(`/consults/bookings/${id}/calendar.ics`)).text();
    expect(expertIcs).toContain('SUMMARY:Spreekuur: Sanne de Vries\\, Verslaving');
    expect(expertIcs).toContain(`UID:consult-${id}-expert@gastplek`);
    expect((await (await t.as(t.w.staff)).get(`/consults/bookings/${id}/calendar.ics`)).status).toBe(404);
  });

  it('DTSTART in UTC on both sides of the daylight-saving change (27 and 28 March 2027, 10:00 Amsterdam)', async () => {
    const t = await setup();
    const tag = String(t.w.tags.get('LVB'));
    const worker = await t.as(t.w.worker);
    const ids: number[] = [];
    for (const date of ['2027-03-27', '2027-03-28']) {
      const hour = createHours(t.db, { expertId: t.w.expert.id, orgId: t.w.cjg.id, locationId: null, date, startTime: '10:00' });
      expect((await book(worker, hour, { slot: '0', tagId: tag, noClientData: 'yes' })).status).toBe(303);
      ids.push(Number(rows(t, 'select id from consult_bookings where hour_id = ?', hour)[0]!.id));
    }
    const [winter, summer] = await Promise.all(ids.map(async (id) => (await worker.get(`/consults/bookings/${id}/calendar.ics`)).text()));
    expect(dtstart(winter!)).toBe('20270327T090000Z');
    expect(dtstart(summer!)).toBe('20270328T080000Z');
    expect(/DTEND:(\S+)/.exec(summer!)?.[1]).toBe('20270328T082000Z');
  });
});

describe('in English', () => {
  it('the list, the slots and the refusals are translated', async () => {
    const t = await setup();
    const hour = createHours(t.db, { expertId: t.w.expert.id, orgId: t.w.cjg.id, locationId: null });
    const worker = await t.as(t.w.worker);
    await worker.post('/language', { locale: 'en', next: '/consults' });
    expect(text(await html(await worker.get('/consults')))).toContain('4 slots free');
    expect(text(await html(await worker.get(`/consults/${hour}`)))).toContain('I will not share client data');
    const res = await book(worker, hour, { slot: '0', noClientData: 'yes' });
    expect(res.status).toBe(422);
    expect(text(await html(res))).toContain('Choose a topic from the list.');
  });
});

describe('the day-before reminder', () => {
  it('from 16:00 the day before, booker and expert are reminded once, also when the job runs twice', async () => {
    const t = await setup();
    const hour = createHours(t.db, { expertId: t.w.expert.id, orgId: t.w.cjg.id, locationId: t.w.open.locationId, date: '2026-11-24' });
    await book(await t.as(t.w.worker), hour, { slot: '0', tagId: String(t.w.tags.get('LVB')), noClientData: 'yes' });
    const before = countRows(t.db, 'outbox');
    expect(sendReminders(t.db, instantOf('2026-11-23', '15:59'))).toBe(0);
    expect(sendReminders(t.db, instantOf('2026-11-23', '16:05'))).toBe(1);
    expect(sendReminders(t.db, instantOf('2026-11-23', '16:10'))).toBe(0);
    expect(countRows(t.db, 'outbox') - before).toBe(2);
    expect(mails(t.db, t.w.worker.email).at(-1)!.subject).toContain('Morgen: spreekuur met Lieke Verhoeven');
    expect(mails(t.db, t.w.expert.email).at(-1)!.subject).toContain('Morgen: spreekuur met Sanne de Vries');
  });
});

describe('the consult list, two weeks at a time', () => {
  it('hours beyond the first two weeks are reached by "Volgende twee weken" and by "the next one is on …"; a bad or past start means today', async () => {
    const t = await setup();
    const id = createHours(t.db, { expertId: t.w.expert.id, orgId: t.w.cjg.id, locationId: t.w.open.locationId, date: '2026-12-24' });
    const worker = await t.as(t.w.worker);
    const first = await html(await worker.get('/consults'));
    expect(text(first)).toContain('Van ma 23 nov 2026 tot en met zo 6 dec 2026');
    expect(text(first)).toContain('In deze twee weken zijn er geen spreekuren');
    expect(first.querySelector('a[href="/consults?from=2026-12-07"]')?.textContent).toBe('Volgende twee weken →');
    expect(first.querySelector('.period-nav')?.textContent).not.toContain('Vorige');
    const next = first.querySelector('a[href="/consults?from=2026-12-24"]');
    expect(text(next)).toBe('Het eerstvolgende spreekuur is op do 24 dec 2026');
    const there = await html(await worker.get(next!.getAttribute('href')!));
    expect(there.querySelector(`a[href="/consults/${id}"]`)).not.toBeNull();
    expect(there.querySelector('a[href="/consults?from=2026-12-10"]')?.textContent).toBe('← Vorige twee weken');
    // A town filter is kept in the period links.
    const inTown = await html(await worker.get('/consults?town=online&from=2026-12-07'));
    expect(inTown.querySelector('a[href="/consults?town=online&from=2026-12-21"]')).not.toBeNull();
    for (const from of ['2026-02-30', 'gisteren', '2020-01-01'])
      expect(text(await html(await worker.get(`/consults?from=${from}`))), from).toContain('Van ma 23 nov 2026');
  });
});

describe('consults in the calendar feed', () => {
  it('a booked consult is in the booker’s and the expert’s private feed; once cancelled it is gone from both', async () => {
    const t = await setup();
    const hour = createHours(t.db, { expertId: t.w.expert.id, orgId: t.w.cjg.id, locationId: t.w.open.locationId, date: '2026-11-24', startTime: '13:00' });
    const worker = await t.as(t.w.worker);
    expect((await book(worker, hour, { slot: '1', tagId: String(t.w.tags.get('LVB')), noClientData: 'yes' })).status).toBe(303);
    const feedOf = async (u: { id: string }) => {
      const token = renewFeedToken(t.db, u.id);
      return (await worker.get(`/calendar/${token}.ics`)).text();
    };
    const booker = await feedOf(t.w.worker);
    const bookingId = (t.db.$client.prepare('select id from consult_bookings').get() as { id: number }).id;
    expect(booker).toContain(`UID:consult-${bookingId}@gastplek`);
    expect(booker).toContain('DTSTART:20261124T122000Z');
    expect(booker).toContain('Spreekuur bij Lieke Verhoeven: LVB');
    const expert = await feedOf(t.w.expert);
    expect(expert).toContain(`UID:consult-${bookingId}-expert@gastplek`);
    expect(await feedOf(t.w.stranger)).not.toContain('consult-');
    expect((await worker.post(`/consults/bookings/${bookingId}/cancel`, { confirm: 'yes' })).status).toBe(303);
    expect(await feedOf(t.w.worker)).not.toContain('consult-');
    expect(await feedOf(t.w.expert)).not.toContain('consult-');
  });
});
