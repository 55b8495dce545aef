import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { meetings, statements } from '../../db/schema';
import { correctedHours, createStatement, statementContent } from '../../src/intervision/statements';
import { instantOf } from '../../src/lib/time';
import { createUser } from '../helpers';
import { network, pastMeeting } from './fixtures';

/**
 * When is an issued statement's period "corrected" since (issue 11; survivors of statements.ts
 * in docs/quality.md)? When the meetings or the minutes counted differ, not their order. The
 * test clock stands at 2026-11-23.
 */
const PERIOD = { from: '2026-01-01', to: '2026-11-22' };

async function statementWorld(meetingsAttended: { date: string; start: string; end: string; minutes?: number }[]) {
  const ta = await network();
  const s = await createUser(ta.db, { orgId: ta.orgs.ggd.id, name: 'Sanne de Vries' });
  const ids = meetingsAttended.map((m) => pastMeeting(ta, m.date, m.start, m.end, [{ id: s.id, orgId: ta.orgs.ggd.id, minutes: m.minutes }]));
  const st = createStatement(ta.db, s.id, PERIOD, ta.clock.now());
  return { ...ta, s, ids, st };
}

describe('statement corrections', () => {
  it('statement correction: a meeting moved within the period (the same meetings, minutes and hours, in another order) is not a correction', async () => {
    const w = await statementWorld([
      { date: '2026-03-10', start: '09:00', end: '11:00' },
      { date: '2026-06-10', start: '09:00', end: '10:30' },
    ]);
    const issued = statementContent(w.db, w.st, 'Sanne de Vries').meetings;
    expect(issued.map((m) => m.meetingId)).toEqual([w.ids[1], w.ids[0]]);
    // The March meeting turns out to have been in September: newest first, it now comes first.
    w.db
      .update(meetings)
      .set({ startsAt: instantOf('2026-09-10', '09:00'), endsAt: instantOf('2026-09-10', '11:00') })
      .where(eq(meetings.id, w.ids[0]!))
      .run();
    expect(correctedHours(w.db, w.st, issued)).toBeNull();
  });

  it('statement correction: each meeting is compared with its own minutes; meeting ids and minutes that read alike run together are still a correction', async () => {
    // Live: meeting 1 for 202 minutes and meeting 3 for 45 (meeting 2 is not hers).
    const ta = await network();
    const s = await createUser(ta.db, { orgId: ta.orgs.ggd.id, name: 'Sanne de Vries' });
    const other = await createUser(ta.db, { orgId: ta.orgs.cjg.id });
    const one = pastMeeting(ta, '2026-03-10', '09:00', '13:00', [{ id: s.id, orgId: ta.orgs.ggd.id, minutes: 202 }]);
    pastMeeting(ta, '2026-04-10', '09:00', '11:00', [{ id: other.id, orgId: ta.orgs.cjg.id }]);
    const three = pastMeeting(ta, '2026-05-10', '09:00', '11:00', [{ id: s.id, orgId: ta.orgs.ggd.id, minutes: 45 }]);
    expect([one, three]).toEqual([1, 3]);
    const st = createStatement(ta.db, s.id, PERIOD, ta.clock.now());
    expect(correctedHours(ta.db, st, statementContent(ta.db, st, '').meetings)).toBeNull();
    // As issued: meeting 1 for 20 minutes and meeting 23 for 45. "1:20" + "23:45" and "1:202" + "3:45" read the same run together.
    const issued = (JSON.parse(st.issuedMeetings!) as { meetingId: number; minutes: number }[]).map((m) =>
      m.meetingId === 1 ? { ...m, minutes: 20 } : { ...m, meetingId: 23 },
    );
    ta.db
      .update(statements)
      .set({ issuedMeetings: JSON.stringify(issued) })
      .where(eq(statements.id, st.id))
      .run();
    const reissued = ta.db.select().from(statements).where(eq(statements.id, st.id)).get()!;
    const shown = statementContent(ta.db, reissued, '');
    expect(shown.hours).toBe(1.08);
    expect(correctedHours(ta.db, reissued, shown.meetings)).toBe(4.12);
  });
});
