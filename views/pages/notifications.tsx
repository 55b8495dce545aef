import type { Dict, Locale } from '../i18n';
import { formatDateTime } from '../i18n/format';

type Row = { id: number; subject: string; body: string; link: string | null; readAt: Date | null; createdAt: Date };

export function NotificationsPage(p: { t: Dict; locale: Locale; rows: Row[] }) {
  const t = p.t.notifications;
  const anyUnread = p.rows.some((r) => !r.readAt);
  return (
    <section>
      <h1>{t.title}</h1>
      {anyUnread && (
        <form method="post" action="/notifications/read">
          <button type="submit" class="secondary small">
            {t.markAllRead}
          </button>
        </form>
      )}
      {p.rows.length === 0 ? (
        <p>{t.empty}</p>
      ) : (
        <ul class="notifications">
          {p.rows.map((r) => (
            <li class={r.readAt ? 'read' : 'unread'}>
              <article>
                <header>
                  {!r.readAt && <span class="badge">{t.unread}</span>} <strong>{r.subject}</strong>
                  <br />
                  <small>{formatDateTime(p.locale, r.createdAt)}</small>
                </header>
                <p class="pre">{r.body}</p>
                {r.link && <a href={r.link}>{t.open}</a>}
              </article>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
