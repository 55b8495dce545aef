import { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../types';
import { requireUser } from '../auth/middleware';
import { fields, readForm } from '../lib/forms';
import { page, redirectWithFlash } from '../lib/render';
import { NotificationsPage } from '../../views/pages/notifications';
import { listNotifications, markAllRead, setEmailReminders } from './notify';

export const notificationRoutes = new Hono<AppEnv>();

notificationRoutes.use('/notifications', requireUser);
notificationRoutes.use('/notifications/*', requireUser);
notificationRoutes.use('/account/preferences', requireUser);

notificationRoutes.get('/notifications', (c) =>
  page(c, c.var.t.notifications.title, <NotificationsPage t={c.var.t} locale={c.var.locale} rows={listNotifications(c.var.deps.db, c.var.user!.id)} />),
);

notificationRoutes.post('/notifications/read', (c) => {
  markAllRead(c.var.deps.db, c.var.user!.id, c.var.deps.now());
  return redirectWithFlash(c, '/notifications');
});

notificationRoutes.post('/account/preferences', async (c) => {
  const form = await readForm(c, z.object({ emailReminders: fields.checkbox() }));
  if (!form.ok) return redirectWithFlash(c, '/account');
  setEmailReminders(c.var.deps.db, c.var.user!.id, form.data.emailReminders);
  return redirectWithFlash(c, '/account', c.var.t.notifications.preferencesSaved);
});
