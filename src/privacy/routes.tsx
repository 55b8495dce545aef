import { Hono } from 'hono';
import type { AppEnv } from '../types';
import { requireUser } from '../auth/middleware';
import { exportPersonalData } from './export';

export const privacyRoutes = new Hono<AppEnv>();

/** "Mijn gegevens": a JSON download of what is stored about the logged-in person, and only them. */
privacyRoutes.get('/account/export.json', requireUser, (c) => {
  const data = exportPersonalData(c.var.deps.db, c.var.user!.id, c.var.deps.now());
  return c.body(JSON.stringify(data, null, 2), 200, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Disposition': 'attachment; filename="gastplek-mijn-gegevens.json"',
  });
});
