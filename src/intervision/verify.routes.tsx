import { Hono } from 'hono';
import { page } from '../lib/render';
import type { AppEnv } from '../types';
import { VerifyInvalidPage, VerifyPage } from '../../views/pages/intervision/reflection';
import { correctedHours, findStatementByCode, statementContent } from './statements';

/**
 * /verify: public, no login. Whoever holds a statement's code (an employer, a register) sees only
 * the name, the meetings (date, title/kind, method, hours) and the total.
 */
export const verifyRoutes = new Hono<AppEnv>();

verifyRoutes.get('/:code', (c) => {
  const { db } = c.get('deps');
  c.header('X-Robots-Tag', 'noindex');
  c.header('Referrer-Policy', 'no-referrer');
  const st = findStatementByCode(db, c.req.param('code'));
  // Unknown and malformed codes get the same answer and status.
  if (!st) return page(c, c.get('t').intervision.verify.title, <VerifyInvalidPage t={c.get('t')} />, 404);
  const shown = statementContent(db, st, st.name);
  return page(
    c,
    c.get('t').intervision.verify.title,
    <VerifyPage
      t={c.get('t')}
      locale={c.get('locale')}
      name={shown.name}
      statement={st}
      meetings={shown.meetings}
      hours={shown.hours}
      issued={shown.issued}
      correctedHours={correctedHours(db, st, shown.meetings)}
    />,
  );
});
