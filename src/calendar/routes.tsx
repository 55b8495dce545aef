import { Hono } from 'hono';
import type { AppEnv } from '../types';
import { requireUser } from '../auth/middleware';
import { page, redirectWithFlash, type Ctx } from '../lib/render';
import { localToday } from '../lib/time';
import { getUser } from '../auth/accounts';
import { AccountPage } from '../../views/pages/account';
import { dictFor } from '../../views/i18n';
import { feedEvents } from './events';
import { feedOwner, renewFeedToken, revokeFeed } from './feeds';
import { toIcs } from './ics';

export const calendarRoutes = new Hono<AppEnv>();

const ICS_HEADERS = { 'Content-Type': 'text/calendar; charset=utf-8' };

/**
 * The private subscription feed. No session: calendar clients cannot log in, so the unguessable
 * token is the credential. Only its hash is stored; a wrong or revoked token is a plain 404.
 */
calendarRoutes.get('/calendar/:token{[A-Za-z0-9_-]{20,100}\\.ics}', (c) => {
  const { db, now } = c.var.deps;
  const token = c.req.param('token').replace(/\.ics$/, '');
  const userId = feedOwner(db, token);
  const user = userId ? getUser(db, userId) : undefined;
  if (!user || user.deactivatedAt) return c.text('Not found', 404);
  const t = dictFor(user.locale);
  const events = feedEvents(db, t, user.id, localToday(now()), now(), c.var.config.baseUrl);
  c.header('Cache-Control', 'no-store');
  c.header('Referrer-Policy', 'no-referrer');
  return c.body(toIcs(events, 'PUBLISH', t.calendar.feed.calName), 200, ICS_HEADERS);
});

function accountWithFeed(c: Ctx, feedUrl: string | null) {
  const user = getUser(c.var.deps.db, c.var.user!.id)!;
  return page(
    c,
    c.var.t.auth.account.title,
    <AccountPage t={c.var.t} locale={c.var.locale} user={user} memberships={c.var.memberships} state={{}} feed={{ active: true, url: feedUrl }} />,
  );
}

/** Makes (or replaces) the feed link and shows it once, on this response only. */
calendarRoutes.post('/account/calendar-feed', requireUser, (c) => {
  const token = renewFeedToken(c.var.deps.db, c.var.user!.id);
  c.header('Referrer-Policy', 'no-referrer');
  return accountWithFeed(c, `${c.var.config.baseUrl}/calendar/${token}.ics`);
});

calendarRoutes.post('/account/calendar-feed/revoke', requireUser, (c) => {
  revokeFeed(c.var.deps.db, c.var.user!.id);
  return redirectWithFlash(c, '/account', c.var.t.calendar.feed.revoked);
});

