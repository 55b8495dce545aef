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

/** The same path and query with another page (page 1 drops the parameter). */
export function pageHref(url: string, page: number): string {
  const u = new URL(url, 'http://x');
  if (page <= 1) u.searchParams.delete('page');
  else u.searchParams.set('page', String(page));
  const q = u.searchParams.toString();
  return q ? `${u.pathname}?${q}` : u.pathname;
}
