import type { Job } from './job';
import { RELEASE_BATCH, releaseNoShows } from '../desks/bookings';
import { intervisionJobs } from '../intervision/jobs';
import { sendReminders } from '../notifications/reminders';

/** Every scheduled job of the app (see Job in ./job.ts for what each must guarantee). */
export const jobs: Job[] = [
  { name: 'desks.releaseNoShows', everyMs: 60_000, run: releaseNoShows, batch: RELEASE_BATCH },
  ...intervisionJobs,
  { name: 'notifications.reminders', everyMs: 5 * 60_000, run: sendReminders },
];
