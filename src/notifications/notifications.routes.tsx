import { Hono } from 'hono';
import type { AppEnv } from '../types';
import { requireUser } from '../auth/middleware';
import { page, redirectWithFlash } from '../lib/render';
import { NotificationsPage } from '../../views/pages/notifications';
import { listNotifications, markAllRead } from './notify';

/** /notifications: a person's in-app notices. (Reminder mails are set on /account.) */
export const notificationsRoutes = new Hono<AppEnv>();

notificationsRoutes.use('*', requireUser);

notificationsRoutes.get('/', (c) =>
  page(
    c,
    c.get('t').notifications.title,
    <NotificationsPage t={c.get('t')} locale={c.get('locale')} rows={listNotifications(c.get('deps').db, c.get('user')!.id)} />,
  ),
);

notificationsRoutes.post('/read', (c) => {
  markAllRead(c.get('deps').db, c.get('user')!.id, c.get('deps').now());
  return redirectWithFlash(c, '/notifications');
});
