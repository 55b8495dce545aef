import { and, asc, desc, eq, isNull, lte, or, sql } from 'drizzle-orm';
import { outbox } from '../../db/schema';
import { writeTx, type DB, type Queryable } from '../db';
import { renderAttachment, type CalendarAttachment } from '../calendar/ics';

export type Attachment = { filename: string; contentType: string; content: string };
/** What a queued mail holds: its text, and attachments as they are or (an .ics) as events written when it is sent. */
export type QueuedMail = { to: string; subject: string; body: string; attachments?: (Attachment | CalendarAttachment)[] };
export type Mail = { to: string; subject: string; body: string; attachments?: Attachment[] };

/**
 * Queues a message. Call it with the transaction that makes the change the message is about:
 * the message exists exactly when the change does (transactional outbox).
 */
export function queueMail(tx: Queryable, mail: QueuedMail, now: Date): void {
  tx.insert(outbox)
    .values({
      toAddress: mail.to,
      subject: mail.subject,
      body: mail.body,
      attachments: mail.attachments?.length ? JSON.stringify(mail.attachments) : null,
      nextAttemptAt: now,
    })
    .run();
}

export function listOutbox(db: Queryable, limit = 100) {
  return db.select().from(outbox).orderBy(desc(outbox.id)).limit(limit).all();
}

export type Transport = { send(mail: Mail & { from: string }): Promise<void> };

const LEASE_MS = 60_000;
const MAX_ATTEMPTS = 10;

/**
 * Delivers due messages. Each message is leased in an immediate transaction before sending, so
 * two server processes never send the same one; a failed send is retried with exponential
 * back-off. Returns how many were sent.
 */
export async function deliverDue(db: DB, transport: Transport, from: string, now: () => Date, batch = 20): Promise<number> {
  const t = now();
  const leased = writeTx(db, (tx) => {
    const due = tx
      .select()
      .from(outbox)
      .where(and(eq(outbox.status, 'pending'), lte(outbox.nextAttemptAt, t), or(isNull(outbox.leaseUntil), lte(outbox.leaseUntil, t))))
      .orderBy(asc(outbox.id))
      .limit(batch)
      .all();
    for (const m of due) {
      tx.update(outbox)
        .set({ leaseUntil: new Date(t.getTime() + LEASE_MS) })
        .where(eq(outbox.id, m.id))
        .run();
    }
    return due;
  });
  let sent = 0;
  for (const m of leased) {
    try {
      await transport.send({
        from,
        to: m.toAddress,
        subject: m.subject,
        body: m.body,
        attachments: m.attachments ? (JSON.parse(m.attachments) as (Attachment | CalendarAttachment)[]).map(renderAttachment) : undefined,
      });
      db.update(outbox)
        .set({ status: 'sent', sentAt: now(), leaseUntil: null, attempts: sql`${outbox.attempts} + 1` })
        .where(eq(outbox.id, m.id))
        .run();
      sent++;
    } catch (err) {
      const attempts = m.attempts + 1;
      const backoff = Math.min(60 * 60_000, 2 ** attempts * 5_000);
      db.update(outbox)
        .set({
          attempts,
          leaseUntil: null,
          lastError: String((err as Error).message ?? err).slice(0, 500),
          status: attempts >= MAX_ATTEMPTS ? 'failed' : 'pending',
          nextAttemptAt: new Date(now().getTime() + backoff),
        })
        .where(eq(outbox.id, m.id))
        .run();
    }
  }
  return sent;
}
