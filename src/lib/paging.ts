/**
 * Page numbers for long lists (desk search, meeting list). A page that does not exist is shown as
 * the nearest one that does, so an old link or a hand-edited `?page=` never ends in an error.
 */
export type Paging = { page: number; pages: number; total: number; size: number; offset: number; from: number; to: number };

/** `?page=` as a number ≥ 1; anything else is page 1. */
export function requestedPage(raw: string | undefined): number {
  return raw && /^[1-9][0-9]{0,5}$/.test(raw) ? Number(raw) : 1;
}

export function paging(requested: number, total: number, size: number): Paging {
  const pages = Math.max(1, Math.ceil(total / size));
  const page = Math.min(Math.max(1, requested), pages);
  const offset = (page - 1) * size;
  return { page, pages, total, size, offset, from: total === 0 ? 0 : offset + 1, to: Math.min(total, offset + size) };
}

/**
 * The same path and query with another page (page 1 drops the parameter), for a request's URL.
 * Only the query is parsed: a whole `new URL` per pager link was ~1% of a search page (issue #18).
 */
export function pageHref(url: string, page: number): string {
  const origin = /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i.exec(url);
  const rest = origin ? url.slice(origin[0].length) : url;
  const cut = rest.search(/[?#]/);
  const path = (cut < 0 ? rest : rest.slice(0, cut)) || '/';
  const hash = rest.indexOf('#');
  const params = new URLSearchParams(cut < 0 || rest[cut] === '#' ? '' : rest.slice(cut + 1, hash < 0 ? undefined : hash));
  if (page <= 1) params.delete('page');
  else params.set('page', String(page));
  const q = params.toString();
  return q ? `${path}?${q}` : path;
}
