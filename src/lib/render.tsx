import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { raw } from 'hono/html';
import type { Child } from 'hono/jsx';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { Layout } from '../../views/layouts/Layout';
import { ErrorPage } from '../../views/pages/error';
import type { AppEnv } from '../types';
import { unreadCount } from '../notifications/notify';
import { countOpenRequests } from '../desks/bookings';
import { orgIdsWithRole } from '../orgs/orgs';
import { localToday } from './time';
import { isHtmx, vary } from './htmx';
import { COMPRESS_MIN_BYTES, compressText, negotiateEncoding } from './compress';

export type Ctx = Context<AppEnv>;

const FLASH_COOKIE = 'gastplek_flash';

/** A full page in the layout. */
export function page(c: Ctx, title: string, body: Child, status: ContentfulStatusCode = 200) {
  const flash = takeFlash(c);
  const user = c.get('user');
  vary(c, 'Cookie');
  return sendHtml(
    c,
    <>
      {raw('<!DOCTYPE html>')}
      <Layout
        t={c.get('t')}
        locale={c.get('locale')}
        title={title}
        user={user}
        memberships={c.get('memberships')}
        currentPath={c.req.path}
        returnTo={returnTo(c)}
        devOutbox={c.get('config').nodeEnv !== 'production'}
        flash={flash}
        unread={user ? unreadCount(c.get('deps').db, user.id) : 0}
        openRequests={openRequestsOf(c)}
      >
        {body}
      </Layout>
    </>,
    status,
  );
}

/**
 * Where the language switch returns to: the page with its query (a desk search keeps its date,
 * dagdeel and filters), for a GET; the path alone for a query too long to carry. A page drawn by
 * a POST (a refused form) has a URL no GET may answer, so there it returns to the page the form
 * was sent from (the Referer, when it is ours and a page), else to the nearest page at or above
 * the path (/desks/spaces/3/book-series → /desks/spaces/3), else to the start page: never to a
 * "not found".
 */
function returnTo(c: Ctx): string {
  if (c.req.method === 'GET') {
    const url = requestUrl(c);
    return url.length <= 500 ? url : c.req.path;
  }
  const { answersGet } = c.get('deps');
  const from = ownPage(c.req.header('referer'), c.get('config').origin);
  if (from && answersGet(from.path)) return from.url;
  for (let path = c.req.path; path.length > 1; path = path.slice(0, path.lastIndexOf('/'))) if (answersGet(path)) return path;
  return '/';
}

/** A Referer on our own origin as path (+ query, when short), or null. */
function ownPage(referer: string | undefined, origin: string): { path: string; url: string } | null {
  if (!referer) return null;
  try {
    const u = new URL(referer);
    if (u.origin !== origin) return null;
    const url = u.pathname + u.search;
    return { path: u.pathname, url: url.length <= 500 ? url : u.pathname };
  } catch {
    return null;
  }
}

/** Requests waiting for this host, for the count in the navigation (0 for everyone else). */
function openRequestsOf(c: Ctx): number {
  const hostOrgIds = orgIdsWithRole(c.get('memberships'), 'host');
  return c.get('user') && hostOrgIds.length ? countOpenRequests(c.get('deps').db, hostOrgIds, localToday(c.get('deps').now())) : 0;
}

/** A fragment alone, without the layout: what htmx swaps in. Same element as inside the page. */
export function fragment(c: Ctx, body: Child, status: ContentfulStatusCode = 200) {
  vary(c, 'Cookie');
  // biome-ignore lint/complexity/noUselessFragments: the fragment turns any Child into the JSX element sendHtml takes
  return sendHtml(c, <>{body}</>, status);
}

/**
 * Renders and sends HTML, compressed (brotli or gzip, src/lib/compress.ts) when the client accepts
 * it and the page is large enough to gain. The body is a string or buffer, which the Node adapter
 * writes as it is (no stream).
 */
function sendHtml(c: Ctx, node: Parameters<Ctx['html']>[0], status: ContentfulStatusCode) {
  const html = node.toString();
  // Every component here renders synchronously; an async one would give a promise, which c.html() awaits.
  if (typeof html !== 'string') return c.html(node, status);
  vary(c, 'Accept-Encoding');
  c.header('Content-Type', 'text/html; charset=UTF-8');
  const encoding = html.length >= COMPRESS_MIN_BYTES ? negotiateEncoding(c.req.header('Accept-Encoding')) : null;
  if (!encoding) return c.body(html, status);
  c.header('Content-Encoding', encoding);
  // A Buffer is a Uint8Array; hono's types ask for one over a plain ArrayBuffer.
  return c.body(compressText(html, encoding) as Uint8Array<ArrayBuffer>, status);
}

/** A page for htmx-less requests, the fragment alone for htmx requests (one URL, `Vary: HX-Request`). */
export function pageOrFragment(c: Ctx, title: string, pageBody: Child, fragmentBody: Child, status: ContentfulStatusCode = 200) {
  return isHtmx(c) ? fragment(c, fragmentBody, status) : page(c, title, pageBody, status);
}

/** POST → 303 → GET, with a one-time message for the next page. */
export function redirectWithFlash(c: Ctx, location: string, message?: string) {
  if (message) {
    setCookie(c, FLASH_COOKIE, Buffer.from(message, 'utf8').toString('base64url'), {
      path: '/',
      httpOnly: true,
      sameSite: 'Lax',
      secure: c.get('config').secureCookies,
      maxAge: 60,
    });
  }
  return c.redirect(location, 303);
}

function takeFlash(c: Ctx): string | null {
  const raw = getCookie(c, FLASH_COOKIE);
  if (!raw) return null;
  deleteCookie(c, FLASH_COOKIE, { path: '/' });
  try {
    return Buffer.from(raw, 'base64url').toString('utf8').slice(0, 500);
  } catch {
    return null;
  }
}

export function errorPage(c: Ctx, status: 403 | 404 | 409 | 413 | 415 | 422 | 429 | 500 | 503, title: string, message: string) {
  return page(c, title, <ErrorPage t={c.get('t')} title={title} message={message} />, status);
}

export const notFound = (c: Ctx) => errorPage(c, 404, c.get('t').errors.notFoundTitle, c.get('t').errors.notFound);
export const forbidden = (c: Ctx) => errorPage(c, 403, c.get('t').errors.forbiddenTitle, c.get('t').errors.forbidden);

/** The request's path and query string (for links back to the same list, e.g. page links). */
export function requestUrl(c: Ctx): string {
  const q = c.req.url.indexOf('?');
  return q === -1 ? c.req.path : c.req.path + c.req.url.slice(q);
}
