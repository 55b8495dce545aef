import type { DB } from '../db';

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
