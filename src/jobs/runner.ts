import type { DB } from '../db';
import type { Logger } from '../lib/log';
import type { Job, JobContext } from './registry';

/** Runs each job on its interval in the server process; one failing run is logged, not fatal. */
export function startJobs(db: DB, jobs: Job[], now: () => Date, log: Logger, ctx: JobContext): () => void {
  const timers = jobs.map((job) => {
    const tick = () => {
      try {
        const changed = job.run(db, now(), ctx);
        if (changed) log.info('job', { job: job.name, changed });
      } catch (err) {
        log.error('job_failed', { job: job.name, error: String((err as Error)?.message ?? err) });
      }
    };
    setTimeout(tick, 1000).unref();
    return setInterval(tick, job.everyMs);
  });
  return () => timers.forEach(clearInterval);
}
