import { describe, expect, it } from 'vitest';
import { applyRetention, DEFAULT_RETENTION, RETENTION_BATCH, retentionJob } from '../../src/privacy/retention';
import { createStatement } from '../../src/intervision/statements';
import { addDays, instantOf } from '../../src/lib/time';
import { createHours, createTags } from '../consults/factory';
import { createSpace } from '../desks/factory';
import { rawBooking, type RawBookingPeople } from './raw-booking';
import { createUser } from '../helpers';
import { network, pastMeeting } from '../intervision/fixtures';

/**
 * Retention rules, each by name, at its cut-off (issue 11: a test per rule that fails when the
 * rule breaks; these killed the surviving mutants of src/privacy/retention.ts listed in
 * docs/quality.md). The clock stands at Monday 23 November 2026, 10:00 Amsterdam: consult
 * bookings and "ik ben er vandaag" go 12 months after their date (before 2025-11-23).
 */
async function world() {
  const ta = await network();
  const { db, orgs } = ta;
  const now = ta.clock.now();
  const space = createSpace(db, orgs.cjg.id);
  const sanne = await createUser(db, { orgId: orgs.ggd.id, name: 'Sanne de Vries' });
  const expert = await createUser(db, { orgId: orgs.cjg.id, roles: ['expert'], name: 'Lieke Verhoeven' });
  const tags = createTags(db);
  const consult = (date: string, slot = 0) => {
    const hourId = createHours(db, { expertId: expert.id, orgId: orgs.cjg.id, locationId: null, date });
    return db.$client
      .prepare(
        `insert into consult_bookings (hour_id, slot, user_id, org_id, tag_id, status, created_at, updated_at) values (?, ?, ?, ?, ?, 'booked', 0, 0) returning id`,
      )
      .get(hourId, slot, sanne.id, orgs.ggd.id, tags.get('LVB')) as { id: number };
  };
  const presence = (date: string) =>
    db.$client.prepare('insert into staff_presence (user_id, location_id, date, created_at) values (?, ?, ?, 0)').run(sanne.id, space.locationId, date);
  const booking = (date: string, over: Partial<RawBookingPeople> = {}) =>
    rawBooking(db, space, orgs.cjg.id, date, { user: null, guestOrg: null, note: null, visitorName: null, visitorOrg: null, bookedBy: null, ...over });
  const rows = (sql: string, ...a: unknown[]) => db.$client.prepare(sql).all(...a) as Record<string, unknown>[];
  return { ...ta, now, space, sanne, expert, tags, consult, presence, booking, rows };
}

describe('retention: consults and presence', () => {
  it('consult bookings lose the person and the topic 12 months after the hours’ date; slot, status and organisation stay; younger ones keep both', async () => {
    const w = await world();
    const old = w.consult('2025-11-22');
    const recent = w.consult('2025-11-23');
    expect(applyRetention(w.db, w.now).bookings).toBe(1);
    expect(w.rows('select id, slot, user_id, tag_id, org_id, status from consult_bookings order by id')).toEqual([
      { id: old.id, slot: 0, user_id: null, tag_id: null, org_id: w.orgs.ggd.id, status: 'booked' },
      { id: recent.id, slot: 0, user_id: w.sanne.id, tag_id: w.tags.get('LVB'), org_id: w.orgs.ggd.id, status: 'booked' },
    ]);
    // Each row once: the next pass finds nothing.
    expect(applyRetention(w.db, w.now).bookings).toBe(0);
    // The period is the network's bookings period.
    expect(applyRetention(w.db, w.now, { ...DEFAULT_RETENTION, bookingsMonths: 11 }).bookings).toBe(1);
    expect(w.rows('select user_id from consult_bookings where id = ?', recent.id)).toEqual([{ user_id: null }]);
  });

  it('"ik ben er vandaag" is deleted 12 months after its date and counted with the bookings; the cut-off day stays', async () => {
    const w = await world();
    w.presence('2025-11-21');
    w.presence('2025-11-22');
    w.presence('2025-11-23');
    expect(applyRetention(w.db, w.now).bookings).toBe(2);
    expect(w.rows('select date from staff_presence')).toEqual([{ date: '2025-11-23' }]);
  });

  it('the bookings count adds desk bookings, consult bookings and presence together', async () => {
    const w = await world();
    w.booking('2025-11-01', { user: w.sanne.id });
    w.consult('2025-11-01');
    w.consult('2025-11-02');
    w.presence('2025-11-01');
    expect(applyRetention(w.db, w.now)).toMatchObject({ bookings: 4 });
  });

  it('every rule works in batches of the given size', async () => {
    const w = await world();
    for (const d of ['2025-01-01', '2025-01-02', '2025-01-03']) {
      w.booking(d, { user: w.sanne.id });
      w.consult(d);
    }
    expect(applyRetention(w.db, w.now, DEFAULT_RETENTION, 2).bookings).toBe(4);
    expect(applyRetention(w.db, w.now, DEFAULT_RETENTION, 2).bookings).toBe(2);
    expect(w.rows('select count(*) as n from consult_bookings where user_id is not null')).toEqual([{ n: 0 }]);
  });
});

describe('retention: desk bookings, whatever names a person', () => {
  it('a booking with only a booker, only a note, or only a visitor’s organisation is anonymised; one with nothing left is not counted again', async () => {
    const w = await world();
    const byHost = w.booking('2025-01-01', { bookedBy: w.facilitator.id });
    const withNote = w.booking('2025-01-02', { note: 'Sleutel bij de balie' });
    const visitorOrg = w.booking('2025-01-03', { visitorOrg: 'Basisschool De Regenboog' });
    const visitorName = w.booking('2025-01-06', { visitorName: 'Jeroen Bakker' });
    w.booking('2025-01-07'); // nothing that names a person
    expect(applyRetention(w.db, w.now).bookings).toBe(4);
    expect(
      w.rows('select booked_by, note, visitor_name, visitor_org, updated_at from bookings where id in (?, ?, ?, ?)', byHost, withNote, visitorOrg, visitorName),
    ).toEqual(Array(4).fill({ booked_by: null, note: null, visitor_name: null, visitor_org: null, updated_at: w.now.getTime() }));
  });
});

describe('retention: intervision', () => {
  it('an old sign-up that brought a case no longer says so', async () => {
    const w = await world();
    const old = pastMeeting(w, '2021-06-01', '14:00', '16:00', [{ id: w.sanne.id, orgId: w.orgs.ggd.id }]);
    w.db.$client.prepare('update registrations set brings_case = 1 where meeting_id = ?').run(old);
    expect(applyRetention(w.db, w.now).registrations).toBe(1);
    expect(w.rows('select user_id, brings_case from registrations where meeting_id = ?', old)).toEqual([{ user_id: null, brings_case: 0 }]);
  });

  it('a statement is anonymised once: the second pass neither counts it nor moves its date', async () => {
    const w = await world();
    pastMeeting(w, '2021-03-10', '14:00', '16:00', [{ id: w.sanne.id, orgId: w.orgs.ggd.id }]);
    createStatement(w.db, w.sanne.id, { from: '2021-01-01', to: '2021-06-30' }, instantOf('2021-07-01', '10:00'));
    expect(applyRetention(w.db, w.now).statements).toBe(1);
    const later = new Date(w.now.getTime() + 86_400_000);
    expect(applyRetention(w.db, later).statements).toBe(0);
    expect(w.rows('select holder_name, anonymised_at from statements')).toEqual([{ holder_name: null, anonymised_at: w.now.getTime() }]);
  });
});

describe('retention: the job', () => {
  it('logs only when something was done, and reports the total', async () => {
    const w = await world();
    const logged: unknown[] = [];
    expect(retentionJob(w.db, w.now, { log: (c) => logged.push(c) })).toBe(0);
    expect(logged).toEqual([]);
    w.consult('2025-01-01');
    w.presence('2025-01-01');
    expect(retentionJob(w.db, w.now, { log: (c) => logged.push(c) })).toBe(2);
    expect(logged).toEqual([{ bookings: 2, notifications: 0, emails: 0, throttle: 0, registrations: 0, statements: 0, accessLog: 0 }]);
  });

  it('without a log it runs all the same', async () => {
    const w = await world();
    w.consult('2025-01-01');
    expect(retentionJob(w.db, w.now, {})).toBe(1);
    expect(w.rows('select user_id from consult_bookings')).toEqual([{ user_id: null }]);
  });

  it('a full batch and more: the job reports the whole total, not just one batch', async () => {
    const w = await world();
    const insert = w.db.$client.prepare(
      `insert into bookings (space_id, location_id, org_id, user_id, date, daypart, status, updated_at) values (?, ?, ?, ?, ?, 'morning', 'confirmed', 0)`,
    );
    for (let i = 0; i < RETENTION_BATCH; i++) insert.run(w.space.spaceId, w.space.locationId, w.orgs.cjg.id, w.sanne.id, addDays('2023-01-01', i));
    w.consult('2025-01-01');
    expect(retentionJob(w.db, w.now, {})).toBe(RETENTION_BATCH + 1);
  });
});
