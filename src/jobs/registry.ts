import type { DB } from '../db';
import { RELEASE_BATCH, releaseNoShows } from '../desks/bookings';
import { intervisionJobs } from '../intervision/jobs';
import { sendReminders } from '../notifications/reminders';

/**
 * Scheduled work. Every job must be idempotent and do its read-then-write inside writeTx, so that
 * running it twice, late, or from two server processes at once changes nothing extra. State lives
 * in the database (e.g. a booking's status), never in memory, so a restart simply resumes.
 */
export type Job = {
  name: string;
  everyMs: number;
  run: (db: DB, now: Date, ctx: JobContext) => number | void;
  /** The job changes at most this many rows per run; a full batch means more is due: run again soon. */
  batch?: number;
};

/** What jobs need from the configuration: the public address, for links in the mails they send. */
export type JobContext = { baseUrl: string };

export const jobs: Job[] = [
  { name: 'desks.releaseNoShows', everyMs: 60_000, run: releaseNoShows, batch: RELEASE_BATCH },
  ...intervisionJobs,
  { name: 'notifications.reminders', everyMs: 5 * 60_000, run: sendReminders },
];
