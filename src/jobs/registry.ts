import type { Job } from './runner';
import { EXPIRE_BATCH, expireRequests, RELEASE_BATCH, releaseNoShows } from '../desks/bookings';
import { intervisionJobs } from '../intervision/jobs';
import { sendReminders } from '../notifications/reminders';
import { RETENTION_BATCH, retentionJob } from '../privacy/retention';

/** Scheduled work, registered here; what a job must be is said where it is run (runner.ts). */
export const jobs: Job[] = [
  { name: 'desks.releaseNoShows', everyMs: 60_000, run: releaseNoShows, batch: RELEASE_BATCH },
  { name: 'desks.expireRequests', everyMs: 60_000, run: expireRequests, batch: EXPIRE_BATCH },
  ...intervisionJobs,
  { name: 'notifications.reminders', everyMs: 5 * 60_000, run: sendReminders },
  // Daily, and once shortly after every start; counts only in the log (issue #13).
  {
    name: 'privacy.retention',
    everyMs: 24 * 60 * 60_000,
    run: (db, now, ctx) => retentionJob(db, now, { retention: ctx.retention, log: (counts) => ctx.log?.info('retention', counts) }),
    batch: RETENTION_BATCH,
  },
];
