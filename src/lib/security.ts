import { isIP } from 'node:net';
import type { MiddlewareHandler } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';
import { HTTPException } from 'hono/http-exception';
import type { AppEnv } from '../types';
import type { Ctx } from './render';

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);
const FORM_TYPES = /^(application\/x-www-form-urlencoded|multipart\/form-data)\s*(;|$)/i;

export class CsrfError extends HTTPException {}
export class UnsupportedBodyError extends HTTPException {}

/**
 * CSRF defence for a forms-only app (ADR 003). Every unsafe request must
 * - carry a form body: JSON, text and anything else is refused (415), so no fetch() from another
 *   origin can slip past on a content type a browser may send without a preflight;
 * - come from our own origin: the Origin header must be present and equal BASE_URL's origin (or be
 *   `null` from a no-referrer page of ours, with Sec-Fetch-Site: same-origin), and a
 *   Sec-Fetch-Site header, when the browser sends one, must say same-origin.
 * Stricter than hono's csrf(), which lets a request through when either check passes.
 */
export function sameOriginForms(origin: string): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (SAFE.has(c.req.method)) return next();
    const site = c.req.header('sec-fetch-site');
    if (site !== undefined && site !== 'same-origin') throw new CsrfError(403);
    // A page that sends `Referrer-Policy: no-referrer` (its URL holds a secret: /invite/:token,
    // /password/reset/:token) makes the browser send `Origin: null` with its own form. That is
    // accepted only when the browser itself vouches for the request with Sec-Fetch-Site:
    // same-origin, a header no page can set (ADR 003).
    const sent = c.req.header('origin');
    if (sent !== origin && !(sent === 'null' && site === 'same-origin')) throw new CsrfError(403);
    if (!FORM_TYPES.test(c.req.header('content-type') ?? '')) throw new UnsupportedBodyError(415);
    return next();
  };
}

/**
 * A Host that no DNS name can have (a label over 63 characters, over 253 in all) is refused with 400
 * before any work is done. @hono/node-server already refuses hosts it cannot parse; this closes the
 * rest, so oversized or junk Host values never reach logs or handlers (issue 7, limits).
 */
export function saneHost(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    // Two Host headers are ambiguous (RFC 9112 §3.2 says 400); Node would quietly keep the first.
    const raw = (c.env as { incoming?: { rawHeaders?: string[] } } | undefined)?.incoming?.rawHeaders;
    if (raw && raw.filter((h, i) => i % 2 === 0 && h.toLowerCase() === 'host').length > 1) return c.text('Bad Request', 400);
    const hostname = new URL(c.req.url).hostname;
    const plain = hostname.startsWith('[') ? hostname.slice(1, -1) : hostname;
    if (plain.length > 253 || (!hostname.startsWith('[') && plain.split('.').some((label) => label.length > 63))) return c.text('Bad Request', 400);
    return next();
  };
}

/** C0 controls, DEL and C1 controls: never part of a path we redirect to. */
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

/**
 * The path to send someone to after login or a language switch, or '/' (ADR 008). Only a path on
 * our own origin passes: `next` is resolved against BASE_URL with the WHATWG URL parser (the one
 * browsers use) and must keep BASE_URL's origin. Control characters and backslashes are refused
 * before parsing, because the parser silently drops tabs and newlines and reads `\` as `/`: a
 * `/<TAB>/evil.example` that looks local becomes `//evil.example` in the browser. The answer is the
 * parser's own serialisation (percent-encoded ASCII), so it is always a valid Location header.
 */
export function safeRedirectPath(next: string | undefined, origin: string): string {
  if (!next?.startsWith('/') || next.length > 500 || CONTROL.test(next) || next.includes('\\')) return '/';
  let url: URL;
  try {
    url = new URL(next, origin);
  } catch {
    return '/';
  }
  if (url.origin !== origin || url.username || url.password) return '/';
  const path = url.pathname + url.search + url.hash;
  return path.startsWith('//') ? '/' : path;
}

/**
 * The client's IP address, for throttling (ADR 008). Without TRUST_PROXY it is the socket's peer.
 * Behind TRUST_PROXY_HOPS trusted proxies, each of which appends the address it received the
 * request from to X-Forwarded-For, the client is that many entries from the right: everything to
 * the left of it was sent by the client and proves nothing (the rule of Express's `trust proxy`
 * with a hop count, and of Hono's and MDN's X-Forwarded-For notes). With fewer entries than hops,
 * the left-most is the best we know; anything that is not an IP address counts as the peer.
 */
export function clientIp(c: Ctx): string {
  const { trustProxy, trustProxyHops } = c.get('config');
  if (trustProxy) {
    const entries = (c.req.header('x-forwarded-for') ?? '')
      .split(',')
      .map((e) => e.trim())
      .filter(Boolean);
    const entry = entries[Math.max(0, entries.length - trustProxyHops)];
    if (entry && isIP(entry)) return entry;
  }
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown';
  }
}
