import { Hono } from 'hono';
import { page } from '../lib/render';
import type { AppEnv } from '../types';
import { PrivacyStatementPage } from '../../views/pages/privacy/statement';

/** /privacy: the privacy statement, public (linked from every page's footer and from the invitation e-mail). */
export const privacyRoutes = new Hono<AppEnv>();

privacyRoutes.get('/', (c) =>
  page(c, c.get('t').rights.statement.title, <PrivacyStatementPage t={c.get('t')} locale={c.get('locale')} retention={c.get('config').retention} />),
);
