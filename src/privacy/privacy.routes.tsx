import { Hono } from 'hono';
import { page } from '../lib/render';
import type { AppEnv } from '../types';
import { PrivacyStatementPage } from '../../views/pages/privacy/statement';

/** /privacy: the privacy statement, public (linked from every page's footer and from the invitation e-mail). */
export const privacyRoutes = new Hono<AppEnv>();

privacyRoutes.get('/', (c) =>
  page(c, c.var.t.rights.statement.title, <PrivacyStatementPage t={c.var.t} locale={c.var.locale} retention={c.var.config.retention} />),
);
