import type { Dict } from '../i18n';
import type { Paging } from '../../src/lib/paging';
import { pageHref } from '../../src/lib/paging';

/**
 * Previous/next links under a long list. Plain links without JavaScript; with htmx they replace
 * only the list (`target`, outerHTML) and update the address bar, and take over from a request
 * for the list still under way (a poll). The link ids arrive as `HX-Trigger`, so the list they
 * bring can take the focus (`fromPager`).
 */
export function Pager(p: { t: Dict; paging: Paging; url: string; target: string; id: string }) {
  const { page, pages } = p.paging;
  if (pages <= 1) return null;
  const t = p.t.pager;
  const link = (to: number, label: string, rel: 'prev' | 'next') => {
    const href = pageHref(p.url, to);
    return (
      <a id={`${p.id}-${rel}`} href={href} rel={rel} hx-get={href} hx-target={p.target} hx-swap="outerHTML" hx-sync={`${p.target}:replace`} hx-push-url="true">
        {label}
      </a>
    );
  };
  return (
    <nav class="pager" aria-label={t.label}>
      {page > 1 ? link(page - 1, t.prev, 'prev') : <span />}
      <span>{t.page(page, pages)}</span>
      {page < pages ? link(page + 1, t.next, 'next') : <span />}
    </nav>
  );
}

/** True when an htmx request was sent by one of the links of the pager with this id. */
export const fromPager = (hxTrigger: string | null | undefined, id: string) => hxTrigger === `${id}-prev` || hxTrigger === `${id}-next`;
