import { describe, expect, it } from 'vitest';
import { accessLog, accessLogSubjects, loginFailures, notifications, outbox } from '../../db/schema';
import { createStatement } from '../../src/intervision/statements';
import { applyRetention, DEFAULT_RETENTION, RETENTION_BATCH, retentionJob } from '../../src/privacy/retention';
import { addDays, instantOf } from '../../src/lib/time';
import { createUser, html, text } from '../helpers';
import { createSpace } from '../desks/factory';
import { rawBooking, type RawBookingPeople } from './raw-booking';
import { network, pastMeeting } from '../intervision/fixtures';

// Retention, enforced by a job (issue #13, part 2). The test clock stands at Monday 23 November
// 2026, 10:00 Amsterdam; each rule is checked on both sides of its cut-off:
//   bookings: 12 months → dated before 2025-11-23;   notices and e-mails: 90 days;
//   login throttle: 24 hours;   intervision: 5 years → meetings ended before 2021-11-23;
//   access log: 2 years → before 2024-11-23 (and two years before the database's own clock).

const DAY = 86_400_000;

async function world() {
  const ta = await network();
  const { db, orgs } = ta;
  const now = ta.clock.now();
  const space = createSpace(db, orgs.cjg.id);
  const sanne = await createUser(db, { orgId: orgs.ggd.id, name: 'Sanne de Vries' });
  const booking = (date: string, over: Partial<RawBookingPeople> = {}) =>
    rawBooking(db, space, orgs.cjg.id, date, {
      user: sanne.id,
      guestOrg: orgs.ggd.id,
      note: 'Graag bij het raam',
      visitorName: null,
      visitorOrg: null,
      bookedBy: null,
      ...over,
    });
  return { ...ta, now, space, sanne, booking };
}

const bookingRow = (db: Awaited<ReturnType<typeof world>>['db'], id: number) =>
  db.$client.prepare('select user_id, booked_by, note, visitor_name, visitor_org, guest_org_id, status, date from bookings where id = ?').get(id);

describe('retention: each rule on both sides of its cut-off', () => {
  it('desk bookings and guest-list entries lose every name 12 months after their date; place, date, status and organisation stay', async () => {
    const w = await world();
    const old = w.booking('2025-11-22', { bookedBy: w.facilitator.id });
    const visitor = w.booking('2025-06-01', { user: null, guestOrg: null, visitorName: 'Jeroen Bakker', visitorOrg: 'Basisschool De Regenboog', note: null });
    const recent = w.booking('2025-11-23');
    expect(applyRetention(w.db, w.now).bookings).toBe(2);
    expect(bookingRow(w.db, old)).toEqual({
      user_id: null,
      booked_by: null,
      note: null,
      visitor_name: null,
      visitor_org: null,
      guest_org_id: w.orgs.ggd.id,
      status: 'confirmed',
      date: '2025-11-22',
    });
    expect(bookingRow(w.db, visitor)).toMatchObject({ user_id: null, visitor_name: null, visitor_org: null });
    expect(bookingRow(w.db, recent)).toMatchObject({ user_id: w.sanne.id, note: 'Graag bij het raam' });
    // Configurable per network: one month keeps much less.
    expect(applyRetention(w.db, w.now, { ...DEFAULT_RETENTION, bookingsMonths: 1 }).bookings).toBe(1);
    expect(bookingRow(w.db, recent)).toMatchObject({ user_id: null, note: null });
  });

  it('in-app notices and sent e-mails are deleted after 90 days; mail not yet delivered is never dropped; throttle rows after 24 hours', async () => {
    const w = await world();
    const t = w.now.getTime();
    w.db
      .insert(notifications)
      .values({ userId: w.sanne.id, subject: 'oud', body: 'b', createdAt: new Date(t - 91 * DAY) })
      .run();
    w.db
      .insert(notifications)
      .values({ userId: w.sanne.id, subject: 'nieuw', body: 'b', createdAt: new Date(t - 89 * DAY) })
      .run();
    const mail = (subject: string, status: 'sent' | 'pending' | 'failed', age: number) =>
      w.db
        .insert(outbox)
        .values({ toAddress: 'sanne@example.nl', subject, body: 'b', status, nextAttemptAt: new Date(t), createdAt: new Date(t - age * DAY) })
        .run();
    mail('oud verzonden', 'sent', 91);
    mail('oud mislukt', 'failed', 91);
    mail('oud onderweg', 'pending', 91);
    mail('nieuw', 'sent', 89);
    w.db
      .insert(loginFailures)
      .values({ key: 'ip:203.0.113.9', count: 3, windowStart: new Date(t - 25 * 3_600_000) })
      .run();
    w.db
      .insert(loginFailures)
      .values({ key: 'ip:203.0.113.10', count: 3, windowStart: new Date(t - 23 * 3_600_000) })
      .run();

    expect(applyRetention(w.db, w.now)).toMatchObject({ notifications: 1, emails: 2, throttle: 1 });
    expect(w.db.select({ s: notifications.subject }).from(notifications).all()).toEqual([{ s: 'nieuw' }]);
    expect(
      w.db
        .select({ s: outbox.subject })
        .from(outbox)
        .all()
        .map((r) => r.s)
        .sort(),
    ).toEqual(['nieuw', 'oud onderweg']);
    expect(w.db.select({ k: loginFailures.key }).from(loginFailures).all()).toEqual([{ k: 'ip:203.0.113.10' }]);
  });

  it('intervision: sign-ups of meetings that ended more than 5 years ago lose the person; organisation, presence and minutes stay; the change log loses who changed it', async () => {
    const w = await world();
    const old = pastMeeting(w, '2021-11-22', '14:00', '16:00', [{ id: w.sanne.id, orgId: w.orgs.ggd.id }]);
    const recent = pastMeeting(w, '2021-11-24', '14:00', '16:00', [{ id: w.sanne.id, orgId: w.orgs.ggd.id }]);
    expect(applyRetention(w.db, w.now).registrations).toBe(1);
    const reg = (meetingId: number) =>
      w.db.$client.prepare('select user_id, org_id, presence, brings_case from registrations where meeting_id = ?').get(meetingId);
    expect(reg(old)).toEqual({ user_id: null, org_id: w.orgs.ggd.id, presence: 'present', brings_case: 0 });
    expect(reg(recent)).toMatchObject({ user_id: w.sanne.id });
    const changes = w.db.$client
      .prepare('select c.changed_by from attendance_changes c join registrations r on r.id = c.registration_id where r.meeting_id = ?')
      .all(old) as { changed_by: string | null }[];
    expect(changes.length).toBeGreaterThan(0);
    expect(changes.every((c) => c.changed_by === null)).toBe(true);
  });

  it('statements: after 5 years they still verify (dates, hours) but show "gegevens verwijderd" instead of the name', async () => {
    const w = await world();
    pastMeeting(w, '2021-03-10', '14:00', '16:00', [{ id: w.sanne.id, orgId: w.orgs.ggd.id }]);
    const old = createStatement(w.db, w.sanne.id, { from: '2021-01-01', to: '2021-11-22' }, instantOf('2021-11-25', '10:00'));
    const recent = createStatement(w.db, w.sanne.id, { from: '2021-01-01', to: '2021-11-23' }, instantOf('2021-11-25', '10:00'));
    expect(applyRetention(w.db, w.now).statements).toBe(1);
    const page = text(await html(await w.app.request(`/verify/${old.code}`)));
    expect(page).toContain('gegevens verwijderd');
    expect(page).not.toContain('Sanne de Vries');
    expect(page).toMatch(/2 uur/);
    expect(text(await html(await w.app.request(`/verify/${recent.code}`)))).toContain('Sanne de Vries');
  });

  it('the access log: entries older than two years go, with their subjects; younger ones stay', async () => {
    const w = await world();
    const entry = (at: Date) => {
      const id = w.db
        .insert(accessLog)
        .values({
          at,
          actorId: w.facilitator.id,
          actorName: 'Ahmed El Amrani',
          action: 'attendance_list',
          orgId: w.orgs.icare.id,
          object: 'meeting:1',
          subjectCount: 1,
        })
        .returning({ id: accessLog.id })
        .get().id;
      w.db.insert(accessLogSubjects).values({ logId: id, userId: w.sanne.id, at }).run();
      return id;
    };
    entry(instantOf('2024-01-10', '10:00'));
    const kept = entry(instantOf('2025-06-01', '10:00'));
    expect(applyRetention(w.db, w.now).accessLog).toBe(1);
    expect(w.db.select({ id: accessLog.id }).from(accessLog).all()).toEqual([{ id: kept }]);
    expect(w.db.select({ id: accessLogSubjects.logId }).from(accessLogSubjects).all()).toEqual([{ id: kept }]);
  });
});

describe('retention: the job', () => {
  it('works in batches, each row once: a full batch asks for another run, the second pass finds nothing, the log gets counts only', async () => {
    const w = await world();
    // One person, one place per dagdeel: a different date for each.
    for (let i = 0; i < RETENTION_BATCH + 3; i++) w.booking(addDays('2023-01-01', i));
    const logged: unknown[] = [];
    expect(retentionJob(w.db, w.now, { log: (c) => logged.push(c) })).toBeGreaterThanOrEqual(RETENTION_BATCH);
    expect(retentionJob(w.db, w.now, { log: (c) => logged.push(c) })).toBe(3);
    expect(retentionJob(w.db, w.now, { log: (c) => logged.push(c) })).toBe(0);
    expect(w.db.$client.prepare('select count(*) as n from bookings where user_id is not null').get()).toEqual({ n: 0 });
    expect(logged).toHaveLength(2);
    expect(logged[0]).toMatchObject({ bookings: RETENTION_BATCH, notifications: 0 });
    expect(Object.values(logged[0] as object).every((v) => typeof v === 'number')).toBe(true);
  });

  it('is registered in the job runner and reads the configured periods', async () => {
    const { jobs } = await import('../../src/jobs/registry');
    const job = jobs.find((j) => j.name === 'privacy.retention')!;
    const w = await world();
    const id = w.booking('2026-10-01');
    job.run(w.db, w.now, { baseUrl: 'http://localhost', retention: { ...DEFAULT_RETENTION, bookingsMonths: 1 } });
    expect(bookingRow(w.db, id)).toMatchObject({ user_id: null });
  });
});
