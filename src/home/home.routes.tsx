import { Hono } from 'hono';
import { sql } from 'drizzle-orm';
import type { AppEnv } from '../types';
import { notFound, page } from '../lib/render';
import { HomePage, OutboxPage } from '../../views/pages/home';
import { homeCards } from '../../views/layouts/nav';
import { listOutbox } from '../mail/outbox';
import { networkOverview } from '../orgs/orgs';
import { localToday } from '../lib/time';

/**
 * The root: the start page (logged in; anonymous goes to /login), the health check for the load
 * balancer, and the development outbox. Mounted at '/', with no guard of its own: each route checks.
 */
export const homeRoutes = new Hono<AppEnv>();

homeRoutes.get('/', (c) => {
  const user = c.get('user');
  if (!user) return c.redirect('/login', 303);
  return page(
    c,
    c.get('t').home.title,
    <HomePage
      t={c.get('t')}
      user={user}
      memberships={c.get('memberships')}
      cards={homeCards(c.get('t'), user, c.get('memberships'))}
      network={user.isNetworkAdmin ? networkOverview(c.get('deps').db, c.get('deps').now(), localToday(c.get('deps').now())) : null}
    />,
  );
});

homeRoutes.get('/healthz', (c) => {
  try {
    c.get('deps').db.get(sql`select 1`);
    return c.json({ status: 'ok', database: 'ok' });
  } catch {
    return c.json({ status: 'error', database: 'unavailable' }, 503);
  }
});

/**
 * Development outbox: the mails the app wrote, whether or not SMTP_URL sends them on. The route
 * exists in every environment but answers 404 in production, where mails hold reset links.
 */
homeRoutes.get('/dev/outbox', (c) => {
  if (c.get('config').nodeEnv === 'production') return notFound(c);
  return page(c, c.get('t').outbox.title, <OutboxPage t={c.get('t')} mails={listOutbox(c.get('deps').db)} />);
});
