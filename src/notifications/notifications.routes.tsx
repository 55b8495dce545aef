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
  page(c, c.var.t.notifications.title, <NotificationsPage t={c.var.t} locale={c.var.locale} rows={listNotifications(c.var.deps.db, c.var.user!.id)} />),
);

notificationsRoutes.post('/read', (c) => {
  markAllRead(c.var.deps.db, c.var.user!.id, c.var.deps.now());
  return redirectWithFlash(c, '/notifications');
});
