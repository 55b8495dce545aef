import { Hono } from 'hono';
import type { AppEnv } from '../types';
import { localToday } from '../lib/time';
import { getUser } from '../auth/accounts';
import { dictFor } from '../../views/i18n';
import { feedEvents } from './events';
import { feedOwner } from './feeds';
import { toIcs } from './ics';

/**
 * /calendar: the private subscription feed. No session and no login guard: calendar clients cannot
 * log in, so the unguessable token is the credential. Only its hash is stored; a wrong or revoked
 * token is a plain 404. (The feed link is made on /account; one meeting's file is on /meetings.)
 */
export const calendarRoutes = new Hono<AppEnv>();

calendarRoutes.get('/:token{[A-Za-z0-9_-]{20,100}\\.ics}', (c) => {
  const { db, now } = c.get('deps');
  const token = c.req.param('token').replace(/\.ics$/, '');
  const userId = feedOwner(db, token);
  const user = userId ? getUser(db, userId) : undefined;
  if (!user || user.deactivatedAt) return c.text('Not found', 404);
  const t = dictFor(user.locale);
  const events = feedEvents(db, t, user.id, localToday(now()), now(), c.get('config').baseUrl);
  c.header('Cache-Control', 'no-store');
  c.header('Referrer-Policy', 'no-referrer');
  return c.body(toIcs(events, 'PUBLISH', t.calendar.feed.calName), 200, { 'Content-Type': 'text/calendar; charset=utf-8' });
});
