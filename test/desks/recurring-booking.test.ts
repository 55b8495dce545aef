import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { closures, outbox, users } from '../../db/schema';
import { bookSeries } from '../../src/desks/bookings';
import { createOrg, createTestApp, createUser } from '../helpers';
import { bookingRows, createSpace } from './factory';

// "Every Tuesday morning for N weeks" (bookSeries). The clock stands at Monday 23 November 2026,
// 10:00 Amsterdam; nothing reads the real clock.

async function world(o: Parameters<typeof createSpace>[2] = {}) {
  const t = createTestApp();
  const hostOrg = createOrg(t.db, { name: 'CJG Harderwijk' });
  const guestOrg = createOrg(t.db, { name: 'GGD Noord- en Oost-Gelderland' });
  const space = createSpace(t.db, hostOrg.id, o);
  const host = await createUser(t.db, { orgId: hostOrg.id, roles: ['host'] });
  const worker = await createUser(t.db, { orgId: guestOrg.id, name: 'Sanne de Vries' });
  const series = (over: { weekday: number; startDate: string; weeks: number; daypart?: 'morning' | 'afternoon' | 'whole' }) =>
    bookSeries(t.db, { spaceId: space.spaceId, userId: worker.id, guestOrgId: guestOrg.id, daypart: 'morning', note: null, ...over }, t.clock.now());
  // What a person was sent: the e-mails (one's own bookings make no in-app notice, issue #17).
  const subjects = (userId: string) => {
    const to = t.db.select({ email: users.email }).from(users).where(eq(users.id, userId)).get()!.email;
    return t.db
      .select({ subject: outbox.subject })
      .from(outbox)
      .where(eq(outbox.toAddress, to))
      .all()
      .map((n) => n.subject);
  };
  return { t, hostOrg, guestOrg, space, host, worker, series, subjects };
}

describe('recurring booking: which dates', () => {
  it('recurring booking: the first date is the first chosen weekday on or after the start date, then every 7 days, exactly N times', async () => {
    const w = await world();
    // Start on Wednesday 25 November.
    expect(w.series({ weekday: 3, startDate: '2026-11-25', weeks: 2 }).booked.map((b) => b.date)).toEqual(['2026-11-25', '2026-12-02']);
    expect(w.series({ weekday: 2, startDate: '2026-11-25', weeks: 3 }).booked.map((b) => b.date)).toEqual(['2026-12-01', '2026-12-08', '2026-12-15']);
    expect(w.series({ weekday: 5, startDate: '2026-11-25', weeks: 1 }).booked.map((b) => b.date)).toEqual(['2026-11-27']);
    expect(w.series({ weekday: 1, startDate: '2026-11-25', weeks: 1 }).booked.map((b) => b.date)).toEqual(['2026-11-30']);
  });

  it('recurring booking: a whole day books both dagdelen every week', async () => {
    const w = await world();
    const r = w.series({ weekday: 4, startDate: '2026-11-23', weeks: 2, daypart: 'whole' });
    expect(r.booked).toEqual([
      { date: '2026-11-26', status: 'confirmed' },
      { date: '2026-12-03', status: 'confirmed' },
    ]);
    expect(bookingRows(w.t.db).map((b) => `${b.date} ${b.daypart}`)).toEqual([
      '2026-11-26 morning',
      '2026-11-26 afternoon',
      '2026-12-03 morning',
      '2026-12-03 afternoon',
    ]);
  });
});

describe('recurring booking: skipped dates and the summary', () => {
  it('recurring booking: a closed or full date is skipped with its reason; the others are booked, all in one series', async () => {
    const w = await world({ capacity: 1, horizonWeeks: 2 });
    w.t.db
      .insert(closures)
      .values({ locationId: w.space.locationId, orgId: w.hostOrg.id, startDate: '2026-12-01', endDate: '2026-12-01', reason: 'Studiedag' })
      .run();
    const r = w.series({ weekday: 2, startDate: '2026-11-23', weeks: 3 });
    expect(r.booked).toEqual([{ date: '2026-11-24', status: 'confirmed' }]);
    expect(r.skipped).toEqual([
      { date: '2026-12-01', reason: 'closed', horizonWeeks: 2, closed: { kind: 'closure', reason: 'Studiedag' } },
      { date: '2026-12-08', reason: 'beyond_horizon', horizonWeeks: 2, closed: undefined },
    ]);
    const seriesIds = w.t.db.$client.prepare('select distinct series_id from bookings').all() as { series_id: string | null }[];
    expect(seriesIds).toHaveLength(1);
    expect(seriesIds[0]!.series_id).toEqual(expect.any(String));
  });

  it('recurring booking: one summary message for all dates (not one per week); nothing booked, no message', async () => {
    const w = await world();
    w.series({ weekday: 2, startDate: '2026-11-23', weeks: 3 });
    expect(w.subjects(w.worker.id)).toEqual([expect.stringMatching(/^Bevestigd: werkplek bij /)]);
    expect(w.subjects(w.host.id)).toEqual([]);
    const none = await world({ horizonWeeks: 1 });
    expect(none.series({ weekday: 2, startDate: '2027-01-04', weeks: 2 }).booked).toEqual([]);
    expect(none.subjects(none.worker.id)).toEqual([]);
  });

  it('recurring booking: requests (approval required) give one "requested" summary, and the hosts are told of each request', async () => {
    const w = await world({ approvalRequired: true });
    const r = w.series({ weekday: 3, startDate: '2026-11-23', weeks: 2 });
    expect(r.booked).toEqual([
      { date: '2026-11-25', status: 'pending' },
      { date: '2026-12-02', status: 'pending' },
    ]);
    expect(w.subjects(w.worker.id)).toEqual([expect.stringMatching(/^Aangevraagd: werkplek bij /)]);
    expect(w.subjects(w.host.id)).toHaveLength(2);
  });
});
