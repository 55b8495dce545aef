import type { DB } from '../db';
import type { Logger } from '../lib/log';
import type { Job, JobContext } from './job';

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
