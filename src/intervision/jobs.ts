import { and, eq, isNull } from 'drizzle-orm';
import { meetings } from '../../db/schema';
import { writeTx, type DB } from '../db';
import type { Job } from '../jobs/runner';
import { mailUnderMinimum } from './mails';
import { listUnderMinimumAtClose } from './meetings';

/**
 * At sign-up close with fewer than the minimum registered, the facilitator gets one mail. The
 * meeting row records that it was sent (min_warning_sent_at), set in the same transaction as the
 * queued mail, so a second run or a second process sends nothing extra.
 */
export function warnUnderMinimum(db: DB, now: Date, ctx: { baseUrl?: string } = {}): number {
  return writeTx(db, (tx) => {
    let n = 0;
    for (const { meeting, registered } of listUnderMinimumAtClose(tx, now)) {
      const claimed = tx
        .update(meetings)
        .set({ minWarningSentAt: now })
        .where(and(eq(meetings.id, meeting.id), isNull(meetings.minWarningSentAt)))
        .run();
      if (claimed.changes !== 1) continue;
      mailUnderMinimum(tx, meeting.facilitatorId, meeting, registered, now, ctx.baseUrl);
      n++;
    }
    return n;
  });
}

export const intervisionJobs: Job[] = [{ name: 'intervision.under-minimum-warning', everyMs: 60_000, run: warnUnderMinimum }];
