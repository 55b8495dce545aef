import type { DB } from '../db';
import type { Logger } from '../lib/log';
import type { Retention } from '../privacy/retention';

/**
 * Scheduled work. Every job must be idempotent and do its read-then-write inside writeTx, so that
 * running it twice, late, or from two server processes at once changes nothing extra. State lives
 * in the database (e.g. a booking's status), never in memory, so a restart simply resumes.
 */
export type Job = {
  name: string;
  everyMs: number;
  // biome-ignore lint/suspicious/noConfusingVoidType: a job returns how many rows it changed, or nothing at all
  run: (db: DB, now: Date, ctx: JobContext) => number | void;
  /** The job changes at most this many rows per run; a full batch means more is due: run again soon. */
  batch?: number;
};

/**
 * What jobs need from the configuration: the public address, for links in the mails they send,
 * and how long personal data is kept; `log` for a job that reports more than a count.
 */
export type JobContext = { baseUrl: string; retention?: Retention; log?: Logger };

/** Runs each job on its interval in the server process; one failing run is logged, not fatal. */
export function startJobs(db: DB, jobs: Job[], now: () => Date, log: Logger, ctx: JobContext): () => void {
  let stopped = false;
  const timers = jobs.map((job) => {
    const tick = () => {
      try {
        const changed = job.run(db, now(), ctx);
        if (changed) log.info('job', { job: job.name, changed });
        // A full batch: more is due. The next batch runs after the requests already waiting.
        if (job.batch && typeof changed === 'number' && changed >= job.batch && !stopped) setImmediate(tick);
      } catch (err) {
        log.error('job_failed', { job: job.name, error: String((err as Error)?.message ?? err) });
      }
    };
    setTimeout(tick, 1000).unref();
    return setInterval(tick, job.everyMs);
  });
  return () => {
    stopped = true;
    timers.forEach(clearInterval);
  };
}
