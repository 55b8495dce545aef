import { and, count, desc, eq, isNull, sql } from 'drizzle-orm';
import { notifications, users } from '../../db/schema';
import { prepared, type Queryable } from '../db';
import { queueMail, type QueuedMail } from '../mail/outbox';
import { dictFor, type Dict, type Locale } from '../../views/i18n';

export type Message = { subject: string; body: string; link?: string; attachments?: QueuedMail['attachments'] };

/**
 * Tells a person about a change: an in-app notification plus an e-mail, both in the recipient's
 * language, written in the caller's transaction (transactional outbox). Optional messages
 * (reminders) respect the person's preference; confirmations and changes are always sent.
 */
export type Recipient = { locale: Locale; name: string };

export function notify(
  tx: Queryable,
  /** null: an anonymised registration or booking, or a visitor without an account: nobody to tell. */
  userId: string | null,
  compose: (t: Dict, to: Recipient) => Message,
  now: Date,
  /**
   * `own`: the person did this themself (booked, signed up, cancelled). They get the confirmation
   * e-mail with its calendar file (unless they turned those off), but no in-app notice: notices
   * are for what others or the system did to their plans (issue #17).
   */
  opts: { optional?: boolean; baseUrl?: string; own?: boolean } = {},
): void {
  if (userId === null) return;
  const user = prepared(tx, 'notify.recipient', (q) =>
    q
      .select({
        email: users.email,
        name: users.name,
        locale: users.locale,
        emailReminders: users.emailReminders,
        emailConfirmations: users.emailConfirmations,
        deactivatedAt: users.deactivatedAt,
        deletedAt: users.deletedAt,
      })
      .from(users)
      .where(eq(users.id, sql.placeholder('userId')))
      .prepare(),
  ).get({ userId });
  // A deactivated or deleted account is never written to.
  if (!user || user.deactivatedAt || user.deletedAt) return;
  const msg = compose(dictFor(user.locale), { locale: user.locale ?? 'nl', name: user.name });
  if (!opts.own)
    tx.insert(notifications)
      .values({ userId, subject: msg.subject, body: msg.body, link: msg.link ?? null, createdAt: now })
      .run();
  if (opts.optional && !user.emailReminders) return;
  if (opts.own && !user.emailConfirmations) return;
  const body = msg.link && opts.baseUrl ? `${msg.body}\n\n${opts.baseUrl}${msg.link}` : msg.body;
  queueMail(tx, { to: user.email, subject: msg.subject, body, attachments: msg.attachments }, now);
}

export function unreadCount(db: Queryable, userId: string): number {
  const query = prepared(db, 'notifications.unread', (q) =>
    q
      .select({ n: count() })
      .from(notifications)
      .where(and(eq(notifications.userId, sql.placeholder('userId')), isNull(notifications.readAt)))
      .prepare(),
  );
  return query.get({ userId })?.n ?? 0;
}

export function listNotifications(db: Queryable, userId: string, limit = 100) {
  return db.select().from(notifications).where(eq(notifications.userId, userId)).orderBy(desc(notifications.id)).limit(limit).all();
}

export function markAllRead(db: Queryable, userId: string, now: Date): void {
  db.update(notifications)
    .set({ readAt: now })
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)))
    .run();
}

/** Both e-mail preferences of Mijn account in one write. */
export function setEmailPreferences(db: Queryable, userId: string, prefs: { reminders: boolean; confirmations: boolean }): void {
  db.update(users).set({ emailReminders: prefs.reminders, emailConfirmations: prefs.confirmations }).where(eq(users.id, userId)).run();
}
