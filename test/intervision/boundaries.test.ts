import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { meetings } from '../../db/schema';
import { writeTx } from '../../src/db';
import { durationMinutes } from '../../src/intervision/attendance';
import { updateMeeting } from '../../src/intervision/meeting-changes';
import { getManagedMeeting } from '../../src/intervision/meetings';
import { promote, removeParticipant } from '../../src/intervision/registrations';
import { attendedMeetings, hoursOf, periodStart, totalHours, type AttendedMeeting } from '../../src/intervision/statements';
import { instantOf } from '../../src/lib/time';
import { html, text } from '../helpers';
import { DEFAULT_MEETING, groupLists, lists, makeGroup, makeMeeting, member, network, pastMeeting, statusOf } from './fixtures';

// Boundaries of the intervision rules: deadlines are instants (the exact instant is already past),
// the attendance window and the five-year period are counted on the clock the test sets, hours
// are rounded once, at the end. The default meeting: 10 December 2026 14:00–16:00 Amsterdam,
// sign-up and cancellation close 9 December 17:00.

const CLOSES = instantOf('2026-12-09', '17:00').getTime();
const STARTS = instantOf('2026-12-10', '14:00').getTime();
const at = (ms: number) => new Date(ms).toISOString();

describe('intervision deadlines at the exact instant', () => {
  it('sign-up deadline: open one millisecond before closing; the closing instant itself is closed', async () => {
    const ta = await network();
    const { db, orgs, facilitator } = ta;
    const id = makeMeeting(db, facilitator.id, orgs.icare.id, { signupOpensAt: instantOf('2026-11-25', '09:00') });
    const early = await member(ta, orgs.ggd.id, 'Vroeg');
    const justInTime = await member(ta, orgs.cjg.id, 'Net op tijd');
    const late = await member(ta, orgs.lokalis.id, 'Te laat');
    ta.clock.set(at(instantOf('2026-11-25', '09:00').getTime() - 1));
    expect((await early.client.post(`/meetings/${id}/signup`)).status).toBe(409);
    ta.clock.set(at(CLOSES - 1));
    expect((await justInTime.client.post(`/meetings/${id}/signup`)).status).toBe(303);
    ta.clock.set(at(CLOSES));
    const res = await late.client.post(`/meetings/${id}/signup`);
    expect(res.status).toBe(409);
    expect(text(await html(res))).toContain('Aanmelden is gesloten.');
    expect(lists(db, id)).toEqual({ registered: ['Net op tijd'], waiting: [] });
  });

  it('cancellation deadline: a place can be given up until one millisecond before it, not at it; the waiting list can be left until one millisecond before the start, not at it', async () => {
    const ta = await network();
    const { db, orgs, facilitator } = ta;
    const id = makeMeeting(db, facilitator.id, orgs.icare.id, { maxParticipants: 2, minParticipants: 1 });
    const [a, b, w1, w2, w3] = [
      await member(ta, orgs.ggd.id, 'A'),
      await member(ta, orgs.cjg.id, 'B'),
      await member(ta, orgs.lokalis.id, 'W1'),
      await member(ta, orgs.icare.id, 'W2'),
      await member(ta, orgs.ggd.id, 'W3'),
    ];
    for (const p of [a!, b!, w1!, w2!, w3!]) {
      await p.client.post(`/meetings/${id}/signup`);
      ta.clock.advance(1000);
    }
    const cancel = (p: typeof a) => p!.client.post(`/meetings/${id}/cancel-registration`);
    ta.clock.set(at(CLOSES - 1));
    expect((await cancel(a)).status).toBe(303);
    expect(lists(db, id)).toEqual({ registered: ['B', 'W1'], waiting: ['W2', 'W3'] });
    ta.clock.set(at(CLOSES));
    expect((await cancel(b)).status).toBe(409);
    expect(statusOf(db, id, b!.id)).toBe('registered');
    ta.clock.set(at(STARTS - 1));
    expect((await cancel(w2)).status).toBe(303);
    ta.clock.set(at(STARTS));
    expect((await cancel(w3)).status).toBe(409);
    expect(lists(db, id)).toEqual({ registered: ['B', 'W1'], waiting: ['W3'] });
  });

  it('move-up: a place freed one millisecond before the start goes to the waiting list; from the start on (or in a cancelled meeting) nobody moves up', async () => {
    const ta = await network();
    const { db, orgs, facilitator } = ta;
    const setupMeeting = async (suffix: string) => {
      const id = makeMeeting(db, facilitator.id, orgs.icare.id, { maxParticipants: 1, minParticipants: 1 });
      const a = await member(ta, orgs.ggd.id, `A${suffix}`);
      const w = await member(ta, orgs.cjg.id, `W${suffix}`);
      await a.client.post(`/meetings/${id}/signup`);
      await w.client.post(`/meetings/${id}/signup`);
      const regA = (db.$client.prepare('select id from registrations where user_id = ?').get(a.id) as { id: number }).id;
      return { id, regA, meeting: () => getManagedMeeting(db, id, facilitator.id, [])! };
    };
    const before = await setupMeeting('1');
    expect(writeTx(db, (tx) => removeParticipant(tx, before.meeting(), before.regA, new Date(STARTS - 1), ''))).toBe(true);
    expect(lists(db, before.id)).toEqual({ registered: ['W1'], waiting: [] });

    const atStart = await setupMeeting('2');
    expect(writeTx(db, (tx) => removeParticipant(tx, atStart.meeting(), atStart.regA, new Date(STARTS), ''))).toBe(true);
    expect(lists(db, atStart.id)).toEqual({ registered: [], waiting: ['W2'] });

    const cancelled = await setupMeeting('3');
    db.update(meetings).set({ status: 'cancelled' }).where(eq(meetings.id, cancelled.id)).run();
    db.$client.prepare(`update registrations set status = 'cancelled' where id = ?`).run(cancelled.regA);
    expect(writeTx(db, (tx) => promote(tx, cancelled.id, ta.clock.now(), ''))).toEqual([]);
    expect(lists(db, cancelled.id)).toEqual({ registered: [], waiting: ['W3'] });
  });
});

describe('moving up, more than one at a time', () => {
  it('move-up: raising the maximum by two moves up the first two who fit, in order, in one go', async () => {
    const ta = await network();
    const { db, orgs, facilitator } = ta;
    const id = makeMeeting(db, facilitator.id, orgs.icare.id, { maxParticipants: 1, minParticipants: 1 });
    const people = [
      await member(ta, orgs.ggd.id, 'P1'),
      await member(ta, orgs.cjg.id, 'P2'),
      await member(ta, orgs.lokalis.id, 'P3'),
      await member(ta, orgs.icare.id, 'P4'),
    ];
    for (const p of people) {
      await p.client.post(`/meetings/${id}/signup`);
      ta.clock.advance(1000);
    }
    updateMeeting(
      db,
      id,
      { userId: facilitator.id, adminOrgIds: [] },
      { ...DEFAULT_MEETING(), orgId: orgs.icare.id, minParticipants: 1, maxParticipants: 3 },
      ta.clock.now(),
      '',
    );
    expect(lists(db, id)).toEqual({ registered: ['P1', 'P2', 'P3'], waiting: ['P4'] });
  });
});

describe('closed groups and time', () => {
  it('closed group: joining places you only in meetings that have not started (one starting at this very instant has); leaving keeps the past on record and gives up the rest', async () => {
    const ta = await network();
    const { db, orgs, facilitator } = ta;
    const groupId = makeGroup(db, facilitator.id, orgs.icare.id, { maxParticipants: 4, minParticipants: 1, count: 3 });
    const [first, second, third] = (
      db.$client.prepare('select id, starts_at as s from meetings where group_id = ? order by starts_at').all(groupId) as { id: number; s: number }[]
    ).map((m) => m);
    const early = await member(ta, orgs.ggd.id, 'Vanaf het begin');
    await early.client.post(`/groups/${groupId}/join`);
    for (const m of [first!, second!, third!]) expect(statusOf(db, m.id, early.id)).toBe('registered');

    // At the very start of the second meeting, someone joins: only the third is still to come.
    ta.clock.set(at(second!.s));
    const late = await member(ta, orgs.cjg.id, 'Later erbij');
    expect((await late.client.post(`/groups/${groupId}/join`)).status).toBe(303);
    expect([first!, second!, third!].map((m) => statusOf(db, m.id, late.id) ?? null)).toEqual([null, null, 'registered']);

    // Leaving at that same instant: the first two meetings stay on record (attendance, hours), the third is given up.
    expect((await early.client.post(`/groups/${groupId}/leave`)).status).toBe(303);
    expect([first!, second!, third!].map((m) => statusOf(db, m.id, early.id))).toEqual(['registered', 'registered', 'cancelled']);
    expect(groupLists(db, groupId).registered).toEqual(['Later erbij']);
  });
});

describe('reflection hours and statements', () => {
  const attended = (minutes: number): AttendedMeeting => ({
    meetingId: 1,
    startsAt: new Date(0),
    endsAt: new Date(minutes * 60_000),
    title: 'x',
    kind: 'intervisie',
    method: 'balint',
    facilitatorName: 'y',
    minutes,
    orgs: [],
  });

  it('hours: rounded to two decimals, once, at the end (3 × 20 minutes is 1 hour, not 0.99; 100 minutes is 1.67)', () => {
    expect(hoursOf(100)).toBe(1.67);
    expect(hoursOf(50)).toBe(0.83);
    expect(hoursOf(90)).toBe(1.5);
    expect(hoursOf(1)).toBe(0.02);
    expect(totalHours([attended(20), attended(20), attended(20)])).toBe(1);
    expect(totalHours([attended(100), attended(50)])).toBe(2.5);
    expect(durationMinutes({ startsAt: new Date(STARTS), endsAt: new Date(STARTS + 119.6 * 60_000) })).toBe(120);
  });

  it('statement period: from the first day 00:00 to the end of the last day in Amsterdam; a minute outside either end does not count', async () => {
    const ta = await network();
    const s = await member(ta, ta.orgs.ggd.id, 'Sanne');
    const me = [{ id: s.id, orgId: ta.orgs.ggd.id }];
    pastMeeting(ta, '2026-05-31', '23:00', '23:59', me, 'Dag ervoor');
    pastMeeting(ta, '2026-06-01', '00:00', '01:00', me, 'Eerste minuut');
    pastMeeting(ta, '2026-06-30', '23:00', '23:59', me, 'Laatste uur');
    pastMeeting(ta, '2026-07-01', '00:00', '01:00', me, 'Dag erna');
    const titles = attendedMeetings(ta.db, s.id, { from: '2026-06-01', to: '2026-06-30' }).map((m) => m.title);
    expect(titles.sort()).toEqual(['Eerste minuut', 'Laatste uur']);
  });

  it('reflection hours count only meetings marked present, and not a meeting that was cancelled', async () => {
    const ta = await network();
    const s = await member(ta, ta.orgs.ggd.id, 'Sanne');
    const me = [{ id: s.id, orgId: ta.orgs.ggd.id }];
    pastMeeting(ta, '2026-06-02', '14:00', '16:00', me, 'Aanwezig');
    const absent = pastMeeting(ta, '2026-06-03', '14:00', '16:00', me, 'Afwezig');
    const excused = pastMeeting(ta, '2026-06-04', '14:00', '16:00', me, 'Afgemeld');
    const cancelled = pastMeeting(ta, '2026-06-05', '14:00', '16:00', me, 'Geannuleerd');
    ta.db.$client.prepare(`update registrations set presence = 'absent' where meeting_id = ?`).run(absent);
    ta.db.$client.prepare(`update registrations set presence = 'excused' where meeting_id = ?`).run(excused);
    ta.db.update(meetings).set({ status: 'cancelled' }).where(eq(meetings.id, cancelled)).run();
    const list = attendedMeetings(ta.db, s.id);
    expect(list.map((m) => m.title)).toEqual(['Aanwezig']);
    expect(totalHours(list)).toBe(2);
  });

  it('reflection period: the running five years start the day after today five years ago (in Amsterdam; 29 February counts from 1 March)', () => {
    expect(periodStart(instantOf('2026-11-23', '10:00'))).toBe('2021-11-24');
    // 00:30 on 23 November in Amsterdam is still 22 November in UTC.
    expect(periodStart(new Date('2026-11-22T23:30:00Z'))).toBe('2021-11-24');
    expect(periodStart(instantOf('2028-02-29', '12:00'))).toBe('2023-03-01');
  });
});
