import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { memberships, users } from '../../db/schema';
import {
  bookConsultSlot,
  cancelConsultBooking,
  cancelConsultHours,
  consultTowns,
  getConsultHours,
  listOpenConsultHours,
  maySeeHours,
  publishConsultHours,
  slotViews,
  type PublishInput,
} from '../../src/consults/consults';
import type { DB } from '../../src/db';
import { instantOf } from '../../src/lib/time';
import { createSpace } from '../desks/factory';
import { countRows, createOrg, createTestApp, createUser, html, loginAs, TestClock, text } from '../helpers';
import { consultWorld, createHours } from './factory';

/**
 * Consult-hour rules, each by name, at its edge (issue 11: a test per rule that fails when the
 * rule breaks; these killed the surviving mutants of src/consults/consults.ts listed in
 * docs/quality.md). The clock stands at Monday 23 November 2026, 10:00 in Amsterdam.
 */
const NOW = instantOf('2026-11-23', '10:00');

async function setup() {
  const t = createTestApp({ clock: new TestClock(NOW) });
  const w = await consultWorld(t.db);
  return { ...t, w };
}

const rows = (t: { db: DB }, sql: string, ...a: unknown[]) => t.db.$client.prepare(sql).all(...a) as Record<string, unknown>[];

const ONLINE: Omit<PublishInput, 'expertId'> = {
  locationId: null,
  onlineUrl: 'https://meet.example.nl/spreekuur',
  date: '2026-11-26',
  startTime: '13:00',
  slotMinutes: 20,
  slots: 4,
};

describe('publishing: where, when and how long', () => {
  it('publish horizon: 365 days ahead is allowed, 366 days is refused as "horizon"', async () => {
    const t = await setup();
    const publish = (date: string) => publishConsultHours(t.db, { ...ONLINE, expertId: t.w.expert.id, date }, NOW);
    expect(publish('2027-11-24')).toEqual({ ok: false, reason: 'horizon' });
    expect(publish('2027-11-23')).toMatchObject({ ok: true });
    expect(countRows(t.db, 'consult_hours')).toBe(1);
  });

  it('publish in the past: hours starting now are refused; a minute later is allowed', async () => {
    const t = await setup();
    const publish = (startTime: string) => publishConsultHours(t.db, { ...ONLINE, expertId: t.w.expert.id, date: '2026-11-23', startTime, slots: 1 }, NOW);
    expect(publish('10:00')).toEqual({ ok: false, reason: 'past' });
    expect(publish('10:01')).toMatchObject({ ok: true });
  });

  it('publish between 07:00 and 22:00: a start at 07:00 and a last slot ending at 22:00 are allowed; 06:59 and 22:01 are not', async () => {
    const t = await setup();
    const publish = (date: string, startTime: string, slots: number, slotMinutes: number) =>
      publishConsultHours(t.db, { ...ONLINE, expertId: t.w.expert.id, date, startTime, slots, slotMinutes }, NOW);
    expect(publish('2026-11-24', '06:59', 1, 20)).toEqual({ ok: false, reason: 'too_late' });
    expect(publish('2026-11-24', '07:00', 1, 20)).toMatchObject({ ok: true });
    expect(publish('2026-11-25', '21:01', 1, 60)).toEqual({ ok: false, reason: 'too_late' });
    // Ends at 22:00 exactly: 3 × 20 minutes from 21:00.
    expect(publish('2026-11-25', '21:00', 3, 20)).toMatchObject({ ok: true });
    expect(rows(t, 'select date, start_time, slots from consult_hours order by id')).toEqual([
      { date: '2026-11-24', start_time: '07:00', slots: 1 },
      { date: '2026-11-25', start_time: '21:00', slots: 3 },
    ]);
  });

  it('publish overlap: only the expert’s own open hours that day count; hours that end when the new ones start (or start when they end) do not overlap', async () => {
    const t = await setup();
    const publish = (o: Partial<PublishInput>) => publishConsultHours(t.db, { ...ONLINE, expertId: t.w.expert.id, ...o }, NOW);
    // 13:00–14:20 on 26 November.
    expect(publish({})).toMatchObject({ ok: true });
    expect(publish({ startTime: '12:00', slots: 4, slotMinutes: 20 })).toEqual({ ok: false, reason: 'overlap' }); // 12:00–13:20
    expect(publish({ startTime: '14:00', slots: 1, slotMinutes: 30 })).toEqual({ ok: false, reason: 'overlap' }); // 14:00–14:30
    expect(publish({ startTime: '11:40', slots: 4, slotMinutes: 20 })).toMatchObject({ ok: true }); // 11:40–13:00
    // Another day, and another expert the same day, never overlap.
    expect(publish({ date: '2026-11-27' })).toMatchObject({ ok: true });
    const other = await createUser(t.db, { orgId: t.w.cjg.id, roles: ['expert'] });
    expect(publishConsultHours(t.db, { ...ONLINE, expertId: other.id }, NOW)).toMatchObject({ ok: true });
    // Cancelled hours free their time.
    t.db.$client.prepare(`update consult_hours set status = 'cancelled' where date = '2026-11-27'`).run();
    expect(publish({ date: '2026-11-27', startTime: '13:20' })).toMatchObject({ ok: true });
    expect(countRows(t.db, 'consult_hours')).toBe(5);
  });

  it('publish place: online needs an https link (also when the form is bypassed); a location must belong to an organisation where the person is expert', async () => {
    const t = await setup();
    const publish = (o: Partial<PublishInput>) => publishConsultHours(t.db, { ...ONLINE, expertId: t.w.expert.id, ...o }, NOW);
    expect(publish({ onlineUrl: 'http://meet.example.nl/x' })).toEqual({ ok: false, reason: 'location' });
    expect(publish({ onlineUrl: null })).toEqual({ ok: false, reason: 'location' });
    const partnerPlace = createSpace(t.db, t.w.partner.id);
    expect(publish({ locationId: partnerPlace.locationId, onlineUrl: null })).toEqual({ ok: false, reason: 'location' });
    expect(publishConsultHours(t.db, { ...ONLINE, expertId: t.w.worker.id }, NOW)).toEqual({ ok: false, reason: 'forbidden' });
    expect(countRows(t.db, 'consult_hours')).toBe(0);
  });

  it('publish organisation: hours at a location belong to that location’s organisation, online hours to the first organisation where the person is expert', async () => {
    const t = await setup();
    // The expert also holds the role at the partner organisation (created after CJG: a higher id).
    t.db.insert(memberships).values({ userId: t.w.expert.id, orgId: t.w.partner.id, role: 'member' }).run();
    t.db.insert(memberships).values({ userId: t.w.expert.id, orgId: t.w.partner.id, role: 'expert' }).run();
    const partnerPlace = createSpace(t.db, t.w.partner.id);
    expect(
      publishConsultHours(t.db, { ...ONLINE, expertId: t.w.expert.id, locationId: partnerPlace.locationId, onlineUrl: 'https://x.example.nl' }, NOW),
    ).toMatchObject({ ok: true });
    expect(publishConsultHours(t.db, { ...ONLINE, expertId: t.w.expert.id, date: '2026-11-27' }, NOW)).toMatchObject({ ok: true });
    expect(rows(t, 'select org_id, location_id, online_url from consult_hours order by id')).toEqual([
      { org_id: t.w.partner.id, location_id: partnerPlace.locationId, online_url: null },
      { org_id: t.w.cjg.id, location_id: null, online_url: 'https://meet.example.nl/spreekuur' },
    ]);
  });
});

describe('who sees which hours (maySeeHours)', () => {
  it('hours at a location shared with everyone: any member of any organisation sees and books them', async () => {
    const t = await setup();
    const hour = createHours(t.db, { expertId: t.w.expert.id, orgId: t.w.cjg.id, locationId: t.w.open.locationId });
    const stranger = await loginAs(t.app, t.w.stranger.email);
    expect((await stranger.get(`/consults/${hour}`)).status).toBe(200);
    expect(text(await html(await stranger.get('/consults')))).toContain('Lieke Verhoeven');
    const tag = t.w.tags.get('LVB')!;
    expect(bookConsultSlot(t.db, { hourId: hour, slot: 0, userId: t.w.stranger.id, tagId: tag, noClientData: true }, NOW)).toMatchObject({ ok: true });
    expect(rows(t, 'select org_id from consult_bookings')).toEqual([{ org_id: t.w.outside.id }]);
  });

  it('the rule itself: no organisation sees nothing; online is for every member; own staff see an archived location; a list admits any of the person’s organisations', () => {
    const at = { orgId: 1, locationId: 10, sharing: 'list' as const, archivedAt: null, sharedOrgIds: [3] };
    expect(maySeeHours({ ...at, locationId: null }, [])).toBe(false);
    expect(maySeeHours({ ...at, locationId: null }, [7])).toBe(true);
    expect(maySeeHours({ ...at, archivedAt: new Date(0) }, [1])).toBe(true);
    expect(maySeeHours({ ...at, archivedAt: new Date(0), sharing: 'all' }, [3])).toBe(false);
    expect(maySeeHours(at, [2, 3])).toBe(true);
    expect(maySeeHours(at, [2])).toBe(false);
    expect(maySeeHours({ ...at, sharing: 'all' }, [2])).toBe(true);
  });

  it('hours at a list-shared location: someone in two organisations, one on the list, sees and books them (booked for the admitted organisation)', async () => {
    const t = await setup();
    // A location of CJG shared only with the outside organisation; the person is in partner and outside.
    const listedOutside = createSpace(t.db, t.w.cjg.id, { name: 'Ermelo', sharing: 'list', sharedWith: [t.w.outside.id] });
    const both = await createUser(t.db, { orgId: t.w.partner.id });
    t.db.insert(memberships).values({ userId: both.id, orgId: t.w.outside.id, role: 'member' }).run();
    const hour = createHours(t.db, { expertId: t.w.expert.id, orgId: t.w.cjg.id, locationId: listedOutside.locationId });
    const c = await loginAs(t.app, both.email);
    expect((await c.get(`/consults/${hour}`)).status).toBe(200);
    expect(text(await html(await c.get('/consults')))).toContain('Lieke Verhoeven');
    const r = bookConsultSlot(t.db, { hourId: hour, slot: 0, userId: both.id, tagId: t.w.tags.get('LVB')!, noClientData: true }, NOW);
    expect(r).toMatchObject({ ok: true });
    expect(rows(t, 'select org_id from consult_bookings')).toEqual([{ org_id: t.w.outside.id }]);
  });

  it('booking organisation of record: the hours’ own organisation when the booker works there, also when they belong to a listed partner too', async () => {
    const t = await setup();
    const both = await createUser(t.db, { orgId: t.w.partner.id });
    t.db.insert(memberships).values({ userId: both.id, orgId: t.w.cjg.id, role: 'member' }).run();
    const hour = createHours(t.db, { expertId: t.w.expert.id, orgId: t.w.cjg.id, locationId: t.w.listed.locationId });
    expect(bookConsultSlot(t.db, { hourId: hour, slot: 0, userId: both.id, tagId: t.w.tags.get('LVB')!, noClientData: true }, NOW)).toMatchObject({ ok: true });
    expect(rows(t, 'select org_id from consult_bookings')).toEqual([{ org_id: t.w.cjg.id }]);
  });

  it('the expert always sees their own hours, also after leaving the organisation', async () => {
    const t = await setup();
    const hour = createHours(t.db, { expertId: t.w.expert.id, orgId: t.w.cjg.id, locationId: t.w.listed.locationId });
    t.db.delete(memberships).run();
    expect(getConsultHours(t.db, hour, t.w.expert.id)).toMatchObject({ id: hour, expertName: 'Lieke Verhoeven' });
    expect(getConsultHours(t.db, hour, t.w.worker.id)).toBeUndefined();
  });
});

describe('booking a slot: every refusal by its reason, at its edge', () => {
  it('book refusals: unknown hours, a deactivated booker, a slot before the first or after the last, a slot starting now; nothing written', async () => {
    const t = await setup();
    const tag = t.w.tags.get('LVB')!;
    // Today 10:00–11:20 in four slots: slot 0 starts at this very moment.
    const hour = createHours(t.db, { expertId: t.w.expert.id, orgId: t.w.cjg.id, locationId: null, date: '2026-11-23', startTime: '10:00' });
    const book = (o: Partial<Parameters<typeof bookConsultSlot>[1]>) =>
      bookConsultSlot(t.db, { hourId: hour, slot: 1, userId: t.w.worker.id, tagId: tag, noClientData: true, ...o }, NOW);
    expect(book({ hourId: hour + 100 })).toEqual({ ok: false, reason: 'not_found' });
    expect(book({ slot: -1 })).toEqual({ ok: false, reason: 'slot' });
    expect(book({ slot: 4 })).toEqual({ ok: false, reason: 'slot' });
    expect(book({ slot: 1.5 })).toEqual({ ok: false, reason: 'slot' });
    expect(book({ slot: 0 })).toEqual({ ok: false, reason: 'past' });
    expect(book({ tagId: null })).toEqual({ ok: false, reason: 'no_tag' });
    t.db.$client.prepare('update expertise_tags set active = 0 where id = ?').run(tag);
    expect(book({})).toEqual({ ok: false, reason: 'no_tag' });
    t.db.$client.prepare('update expertise_tags set active = 1 where id = ?').run(tag);
    expect(book({ noClientData: false })).toEqual({ ok: false, reason: 'not_confirmed' });
    t.db.$client.prepare('update users set deactivated_at = 1 where id = ?').run(t.w.worker.id);
    expect(book({})).toEqual({ ok: false, reason: 'not_member' });
    expect(countRows(t.db, 'consult_bookings')).toBe(0);
    t.db.$client.prepare('update users set deactivated_at = null where id = ?').run(t.w.worker.id);
    expect(book({ slot: 3 })).toMatchObject({ ok: true });
    expect(rows(t, 'select slot, user_id, tag_id, status from consult_bookings')).toEqual([{ slot: 3, user_id: t.w.worker.id, tag_id: tag, status: 'booked' }]);
  });

  it('book hours the person may not see: not found, as if they did not exist; own hours: refused as own', async () => {
    const t = await setup();
    const tag = t.w.tags.get('LVB')!;
    const listed = createHours(t.db, { expertId: t.w.expert.id, orgId: t.w.cjg.id, locationId: t.w.listed.locationId });
    expect(bookConsultSlot(t.db, { hourId: listed, slot: 0, userId: t.w.stranger.id, tagId: tag, noClientData: true }, NOW)).toEqual({
      ok: false,
      reason: 'not_found',
    });
    expect(bookConsultSlot(t.db, { hourId: listed, slot: 0, userId: t.w.expert.id, tagId: tag, noClientData: true }, NOW)).toEqual({
      ok: false,
      reason: 'own',
    });
    expect(countRows(t.db, 'consult_bookings')).toBe(0);
  });

  it('a database error other than a taken place is not hidden behind "taken" or "already"', async () => {
    const t = await setup();
    const hour = createHours(t.db, { expertId: t.w.expert.id, orgId: t.w.cjg.id, locationId: null });
    t.db.$client.exec(`create temp trigger broken before insert on consult_bookings begin select raise(abort, 'schijf vol'); end`);
    expect(() => bookConsultSlot(t.db, { hourId: hour, slot: 0, userId: t.w.worker.id, tagId: t.w.tags.get('LVB')!, noClientData: true }, NOW)).toThrow(
      'schijf vol',
    );
  });

  it('book cancelled hours and own hours: cancelled is told before own', async () => {
    const t = await setup();
    const hour = createHours(t.db, { expertId: t.w.expert.id, orgId: t.w.cjg.id, locationId: null, status: 'cancelled' });
    const r = bookConsultSlot(t.db, { hourId: hour, slot: 0, userId: t.w.expert.id, tagId: t.w.tags.get('LVB')!, noClientData: true }, NOW);
    expect(r).toEqual({ ok: false, reason: 'cancelled' });
  });

  it('one slot per person: a cancelled booking does not count, so the same person books the hours again', async () => {
    const t = await setup();
    const hour = createHours(t.db, { expertId: t.w.expert.id, orgId: t.w.cjg.id, locationId: null });
    const tag = t.w.tags.get('LVB')!;
    const first = bookConsultSlot(t.db, { hourId: hour, slot: 0, userId: t.w.worker.id, tagId: tag, noClientData: true }, NOW);
    expect(first).toMatchObject({ ok: true });
    expect(bookConsultSlot(t.db, { hourId: hour, slot: 0, userId: t.w.worker.id, tagId: tag, noClientData: true }, NOW)).toEqual({
      ok: false,
      reason: 'already',
    });
    expect(cancelConsultBooking(t.db, (first as { id: number }).id, t.w.worker.id, NOW)).toEqual({ ok: true });
    expect(bookConsultSlot(t.db, { hourId: hour, slot: 2, userId: t.w.worker.id, tagId: tag, noClientData: true }, NOW)).toMatchObject({ ok: true });
    expect(rows(t, 'select slot, status from consult_bookings order by id')).toEqual([
      { slot: 0, status: 'cancelled' },
      { slot: 2, status: 'booked' },
    ]);
  });

  it('capacity 1 at the last word: a booking slipped in between the checks and the insert (another process) is "taken" for a slot, "already" for the person', async () => {
    const t = await setup();
    const hour = createHours(t.db, { expertId: t.w.expert.id, orgId: t.w.cjg.id, locationId: null });
    const tag = t.w.tags.get('LVB')!;
    // As another process would: the row appears after this process's checks, just before its insert.
    t.db.$client.exec(`create temp trigger slip before insert on consult_bookings when new.user_id = '${t.w.worker.id}' begin
      insert into consult_bookings (hour_id, slot, user_id, org_id, tag_id, status, created_at, updated_at)
      values (new.hour_id, new.slot, '${t.w.staff.id}', ${t.w.cjg.id}, new.tag_id, 'booked', 0, 0); end`);
    expect(bookConsultSlot(t.db, { hourId: hour, slot: 1, userId: t.w.worker.id, tagId: tag, noClientData: true }, NOW)).toEqual({
      ok: false,
      reason: 'taken',
    });
    t.db.$client.exec('drop trigger slip');
    t.db.$client.exec(`create temp trigger slip before insert on consult_bookings when new.user_id = '${t.w.worker.id}' begin
      insert into consult_bookings (hour_id, slot, user_id, org_id, tag_id, status, created_at, updated_at)
      values (new.hour_id, new.slot + 1, new.user_id, ${t.w.partner.id}, new.tag_id, 'booked', 0, 0); end`);
    expect(bookConsultSlot(t.db, { hourId: hour, slot: 1, userId: t.w.worker.id, tagId: tag, noClientData: true }, NOW)).toEqual({
      ok: false,
      reason: 'already',
    });
    expect(countRows(t.db, 'consult_bookings')).toBe(0);
  });
});

describe('cancelling', () => {
  it('the booker cancels until the slot starts: at its start it is too late; a cancelled booking cannot be cancelled again; another person’s is not found', async () => {
    const t = await setup();
    const hour = createHours(t.db, { expertId: t.w.expert.id, orgId: t.w.cjg.id, locationId: null, date: '2026-11-23', startTime: '11:00' });
    const tag = t.w.tags.get('LVB')!;
    const a = bookConsultSlot(t.db, { hourId: hour, slot: 0, userId: t.w.worker.id, tagId: tag, noClientData: true }, NOW) as { id: number };
    const b = bookConsultSlot(t.db, { hourId: hour, slot: 1, userId: t.w.staff.id, tagId: tag, noClientData: true }, NOW) as { id: number };
    expect(cancelConsultBooking(t.db, a.id, t.w.staff.id, NOW)).toEqual({ ok: false, reason: 'not_found' });
    expect(cancelConsultBooking(t.db, a.id, t.w.worker.id, instantOf('2026-11-23', '11:00'))).toEqual({ ok: false, reason: 'not_cancellable' });
    expect(cancelConsultBooking(t.db, a.id, t.w.worker.id, instantOf('2026-11-23', '10:59'))).toEqual({ ok: true });
    expect(cancelConsultBooking(t.db, a.id, t.w.worker.id, NOW)).toEqual({ ok: false, reason: 'not_cancellable' });
    // Slot 1 starts at 11:20: still cancellable at 11:19.
    expect(cancelConsultBooking(t.db, b.id, t.w.staff.id, instantOf('2026-11-23', '11:19'))).toEqual({ ok: true });
    expect(rows(t, 'select status from consult_bookings order by id')).toEqual([{ status: 'cancelled' }, { status: 'cancelled' }]);
  });

  it('hours can be cancelled until their last slot ends; cancelled hours not again; a member or another organisation’s admin gets not found', async () => {
    const t = await setup();
    // Today 09:00–10:20: the last slot (10:00–10:20) is running.
    const hour = createHours(t.db, { expertId: t.w.expert.id, orgId: t.w.cjg.id, locationId: null, date: '2026-11-23', startTime: '09:00' });
    const otherAdmin = await createUser(t.db, { orgId: t.w.partner.id, roles: ['org_admin'] });
    expect(cancelConsultHours(t.db, hour, otherAdmin.id, NOW)).toEqual({ ok: false, reason: 'not_found' });
    expect(cancelConsultHours(t.db, hour, t.w.staff.id, NOW)).toEqual({ ok: false, reason: 'not_found' });
    expect(cancelConsultHours(t.db, hour + 100, t.w.expert.id, NOW)).toEqual({ ok: false, reason: 'not_found' });
    expect(cancelConsultHours(t.db, hour, t.w.expert.id, instantOf('2026-11-23', '10:20'))).toEqual({ ok: false, reason: 'not_cancellable' });
    expect(cancelConsultHours(t.db, hour, t.w.expert.id, instantOf('2026-11-23', '10:19'))).toEqual({ ok: true, cancelled: 0 });
    expect(cancelConsultHours(t.db, hour, t.w.expert.id, NOW)).toEqual({ ok: false, reason: 'not_cancellable' });
    expect(rows(t, 'select status from consult_hours')).toEqual([{ status: 'cancelled' }]);
  });

  it('a deactivated org admin may not cancel hours', async () => {
    const t = await setup();
    const hour = createHours(t.db, { expertId: t.w.expert.id, orgId: t.w.cjg.id, locationId: null });
    t.db.update(users).set({ deactivatedAt: NOW }).where(eq(users.id, t.w.orgAdmin.id)).run();
    expect(cancelConsultHours(t.db, hour, t.w.orgAdmin.id, NOW)).toEqual({ ok: false, reason: 'not_found' });
  });

  it('cancelling hours cancels and tells only the bookings still booked: one cancelled earlier is neither counted nor told again', async () => {
    const t = await setup();
    const hour = createHours(t.db, { expertId: t.w.expert.id, orgId: t.w.cjg.id, locationId: null });
    const tag = t.w.tags.get('LVB')!;
    const a = bookConsultSlot(t.db, { hourId: hour, slot: 0, userId: t.w.worker.id, tagId: tag, noClientData: true }, NOW) as { id: number };
    bookConsultSlot(t.db, { hourId: hour, slot: 1, userId: t.w.staff.id, tagId: tag, noClientData: true }, NOW);
    cancelConsultBooking(t.db, a.id, t.w.worker.id, NOW);
    const later = new Date(NOW.getTime() + 60_000);
    expect(cancelConsultHours(t.db, hour, t.w.expert.id, later)).toEqual({ ok: true, cancelled: 1 });
    expect(rows(t, 'select user_id, status, updated_at from consult_bookings order by id')).toEqual([
      { user_id: t.w.worker.id, status: 'cancelled', updated_at: NOW.getTime() },
      { user_id: t.w.staff.id, status: 'cancelled', updated_at: later.getTime() },
    ]);
    const told = (to: string) => rows(t, `select subject from outbox where to_address = ? and subject like 'Spreekuur gaat niet door%'`, to).length;
    expect(told(t.w.worker.email)).toBe(0);
    expect(told(t.w.staff.email)).toBe(1);
  });
});

describe('the list of open hours and the slots', () => {
  it('list: from today for 14 days, not one’s own, not cancelled, only hours with a slot free and not started, counting the free ones', async () => {
    const t = await setup();
    const e = t.w.expert.id;
    const o = t.w.cjg.id;
    const h = (date: string, startTime = '13:00', extra: Partial<Parameters<typeof createHours>[1]> = {}) =>
      createHours(t.db, { expertId: e, orgId: o, locationId: null, date, startTime, ...extra });
    h('2026-11-22'); // yesterday
    const today = h('2026-11-23', '09:40'); // slots 09:40, 10:00 (started now), 10:20, 10:40
    const last = h('2026-12-06'); // the 14th day
    const beyond = h('2026-12-07'); // the 15th day
    h('2026-11-24', '13:00', { status: 'cancelled' });
    const full = h('2026-11-25', '13:00', { slots: 1 });
    h('2026-11-23', '08:00', { slots: 2 }); // ended
    const tag = t.w.tags.get('LVB')!;
    expect(bookConsultSlot(t.db, { hourId: full, slot: 0, userId: t.w.staff.id, tagId: tag, noClientData: true }, NOW)).toMatchObject({ ok: true });
    expect(bookConsultSlot(t.db, { hourId: today, slot: 3, userId: t.w.staff.id, tagId: tag, noClientData: true }, NOW)).toMatchObject({ ok: true });
    const listed = listOpenConsultHours(t.db, t.w.worker.id, { from: '2026-11-23' }, NOW).map((r) => [r.id, r.free]);
    expect(listed).toEqual([
      [today, 1],
      [last, 4],
    ]);
    expect(listOpenConsultHours(t.db, e, { from: '2026-11-23' }, NOW)).toEqual([]);
    // From a later date: that date on, for 14 days (or as many as asked).
    expect(listOpenConsultHours(t.db, t.w.worker.id, { from: '2026-11-24' }, NOW).map((r) => r.id)).toEqual([last, beyond]);
    expect(listOpenConsultHours(t.db, t.w.worker.id, { from: '2026-11-24', days: 13 }, NOW).map((r) => r.id)).toEqual([last]);
  });

  it('list town filter: "online" only online hours; a town in any case only hours there', async () => {
    const t = await setup();
    const online = createHours(t.db, { expertId: t.w.expert.id, orgId: t.w.cjg.id, locationId: null });
    const ermelo = createSpace(t.db, t.w.cjg.id, { town: 'Ermelo' });
    const inHarderwijk = createHours(t.db, { expertId: t.w.expert.id, orgId: t.w.cjg.id, locationId: t.w.open.locationId, date: '2026-11-25' });
    const inErmelo = createHours(t.db, { expertId: t.w.expert.id, orgId: t.w.cjg.id, locationId: ermelo.locationId, date: '2026-11-26' });
    const list = (town: string | null) => listOpenConsultHours(t.db, t.w.stranger.id, { from: '2026-11-23', town }, NOW).map((r) => r.id);
    expect(list(null)).toEqual([online, inHarderwijk, inErmelo]);
    expect(list('online')).toEqual([online]);
    expect(list('hARDERWIJK')).toEqual([inHarderwijk]);
  });

  it('slots as the viewer sees them: mine (with its booking), taken by someone else, past, free; all past when the hours are cancelled', async () => {
    const t = await setup();
    const hour = createHours(t.db, { expertId: t.w.expert.id, orgId: t.w.cjg.id, locationId: null, date: '2026-11-23', startTime: '09:40' });
    const tag = t.w.tags.get('LVB')!;
    const mine = bookConsultSlot(t.db, { hourId: hour, slot: 2, userId: t.w.worker.id, tagId: tag, noClientData: true }, NOW) as { id: number };
    bookConsultSlot(t.db, { hourId: hour, slot: 3, userId: t.w.staff.id, tagId: tag, noClientData: true }, NOW);
    const h = getConsultHours(t.db, hour, t.w.worker.id)!;
    expect(slotViews(t.db, h, t.w.worker.id, NOW).map((s) => [s.slot, s.state, s.bookingId])).toEqual([
      [0, 'past', null],
      [1, 'past', null],
      [2, 'mine', mine.id],
      [3, 'taken', null],
    ]);
    const early = instantOf('2026-11-23', '09:39');
    expect(slotViews(t.db, h, t.w.worker.id, early).map((s) => s.state)).toEqual(['free', 'free', 'mine', 'taken']);
    expect(slotViews(t.db, { ...h, status: 'cancelled' }, t.w.worker.id, early).map((s) => s.state)).toEqual(['past', 'past', 'mine', 'taken']);
  });
});

describe('the towns of the list’s filter', () => {
  it('towns: where this person may see open hours from the given day, each once and in order; not cancelled hours, not earlier days', async () => {
    const t = await setup();
    const ermelo = createSpace(t.db, t.w.cjg.id, { town: 'Ermelo' });
    const zwolle = createSpace(t.db, t.w.cjg.id, { town: 'Zwolle' });
    const apeldoorn = createSpace(t.db, t.w.cjg.id, { town: 'Apeldoorn' });
    const h = (locationId: number | null, date: string, status: 'open' | 'cancelled' = 'open') =>
      createHours(t.db, { expertId: t.w.expert.id, orgId: t.w.cjg.id, locationId, date, status });
    h(t.w.open.locationId, '2026-11-24');
    h(t.w.open.locationId, '2026-11-25');
    h(ermelo.locationId, '2026-11-26');
    h(zwolle.locationId, '2026-11-26', 'cancelled');
    h(apeldoorn.locationId, '2026-11-22');
    h(null, '2026-11-24');
    expect(consultTowns(t.db, t.w.stranger.id, '2026-11-23')).toEqual(['Ermelo', 'Harderwijk']);
  });

  it('someone without an organisation: no hours and no towns, without an error', async () => {
    const t = await setup();
    const loner = await createUser(t.db, { name: 'Zonder Organisatie' });
    createHours(t.db, { expertId: t.w.expert.id, orgId: t.w.cjg.id, locationId: null });
    createHours(t.db, { expertId: t.w.expert.id, orgId: t.w.cjg.id, locationId: t.w.open.locationId, date: '2026-11-25' });
    expect(listOpenConsultHours(t.db, loner.id, { from: '2026-11-23' }, NOW)).toEqual([]);
    expect(consultTowns(t.db, loner.id, '2026-11-23')).toEqual([]);
  });
});

describe('an organisation without hours of its own', () => {
  it('a new organisation’s member sees online hours only, not hours at a list-shared location', async () => {
    const t = await setup();
    const neworg = createOrg(t.db, { name: 'Nieuw' });
    const p = await createUser(t.db, { orgId: neworg.id });
    const online = createHours(t.db, { expertId: t.w.expert.id, orgId: t.w.cjg.id, locationId: null });
    createHours(t.db, { expertId: t.w.expert.id, orgId: t.w.cjg.id, locationId: t.w.listed.locationId, date: '2026-11-25' });
    expect(listOpenConsultHours(t.db, p.id, { from: '2026-11-23' }, NOW).map((r) => r.id)).toEqual([online]);
  });
});
