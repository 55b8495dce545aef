import type { MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { hasRole } from '../orgs/orgs';
import type { AppEnv } from '../types';
import { forbidden, type Ctx } from '../lib/render';
import { htmx } from '../lib/htmx';
import { safeRedirectPath } from '../lib/security';
import type { OrgRole } from '../../db/schema';

/** Loads the session (if any), the user and their memberships; ends sessions of deactivated users. */
export function sessionMiddleware(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    c.set('user', null);
    c.set('sessionId', null);
    c.set('memberships', []);
    const { auth } = c.get('deps');
    const sessionId = getCookie(c, auth.cookieName);
    if (sessionId) {
      const check = await auth.validate(sessionId);
      if (!check.ok) {
        c.header('Set-Cookie', auth.blankCookie(), { append: true });
      } else if (check.deactivated) {
        await auth.endAllSessions(check.userId);
        c.header('Set-Cookie', auth.blankCookie(), { append: true });
      } else {
        if (check.fresh) c.header('Set-Cookie', auth.sessionCookie(check.sessionId), { append: true });
        // lucia's session lookup already read the user and the memberships: no second query.
        c.set('user', check.user);
        c.set('sessionId', check.sessionId);
        c.set('memberships', check.memberships);
      }
    }
    // Pages for a logged-in person must never be stored by a browser or proxy. Set before the
    // handler runs: setting a header after the response exists makes hono copy the response.
    if (c.get('user')) c.header('Cache-Control', 'no-store');
    await next();
  };
}

/**
 * Guard: a logged-in user, or off to the login page (and back afterwards). An htmx request (a poll,
 * a swap) would follow a plain redirect itself and swap the login page into a list; it gets 401 with
 * `HX-Redirect`, so the whole page goes to the login, and back to the page it was on.
 */
export const requireUser: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (c.get('user')) return next();
  if (htmx(c).request) {
    const current = c.req.header('HX-Current-URL');
    let back = '/';
    try {
      const url = current ? new URL(current) : null;
      if (url && url.origin === c.get('config').origin) back = safeRedirectPath(url.pathname + url.search, c.get('config').origin);
    } catch {
      /* not a URL: back to the start page */
    }
    c.header('HX-Redirect', `/login?next=${encodeURIComponent(back)}`);
    return c.body(null, 401);
  }
  const next_ = c.req.method === 'GET' ? c.req.path + (new URL(c.req.url).search || '') : '/';
  return c.redirect(`/login?next=${encodeURIComponent(next_)}`, 303);
};

export const requireNetworkAdmin: MiddlewareHandler<AppEnv> = async (c, next) => {
  const user = c.get('user');
  if (!user) return requireUser(c, next);
  if (!user.isNetworkAdmin) return forbidden(c);
  return next();
};

/** True when the current user holds `role` in organisation `orgId`. */
export function can(c: Ctx, orgId: number, role: OrgRole): boolean {
  return hasRole(c.get('memberships'), orgId, role);
}
