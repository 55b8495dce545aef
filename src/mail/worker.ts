import type { DB } from '../db';
import type { Logger } from '../lib/log';
import { deliverDue, type Transport } from './outbox';

/**
 * Delivers the outbox in the background of the server process. A slow or failing SMTP server only
 * delays this loop; requests never wait for it, and nothing is lost (messages stay pending and are
 * retried with back-off).
 */
export function startMailWorker(db: DB, transport: Transport, from: string, now: () => Date, log: Logger, everyMs = 2000): () => void {
  let busy = false;
  const timer = setInterval(() => {
    if (busy) return;
    busy = true;
    deliverDue(db, transport, from, now)
      .then((sent) => sent && log.info('mail_sent', { count: sent }))
      .catch((err) => log.error('mail_worker', { error: String((err as Error)?.message ?? err) }))
      .finally(() => (busy = false));
  }, everyMs);
  return () => clearInterval(timer);
}
