import type { MiddlewareHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { AppEnv } from '../types';

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);
const FORM_TYPES = /^(application\/x-www-form-urlencoded|multipart\/form-data)\s*(;|$)/i;

export class CsrfError extends HTTPException {}
export class UnsupportedBodyError extends HTTPException {}

/**
 * CSRF defence for a forms-only app (ADR 003). Every unsafe request must
 * - carry a form body: JSON, text and anything else is refused (415), so no fetch() from another
 *   origin can slip past on a content type a browser may send without a preflight;
 * - come from our own origin: the Origin header must be present and equal BASE_URL's origin, and
 *   a Sec-Fetch-Site header, when the browser sends one, must say same-origin.
 * Stricter than hono's csrf(), which lets a request through when either check passes.
 */
export function sameOriginForms(origin: string): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (SAFE.has(c.req.method)) return next();
    const site = c.req.header('sec-fetch-site');
    if (site !== undefined && site !== 'same-origin') throw new CsrfError(403);
    if (c.req.header('origin') !== origin) throw new CsrfError(403);
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
