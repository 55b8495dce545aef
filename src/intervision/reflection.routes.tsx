import { Hono } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { requireUser } from '../auth/middleware';
import { parseId, readForm } from '../lib/forms';
import { notFound, page, redirectWithFlash, type Ctx } from '../lib/render';
import { localDateOf } from '../lib/time';
import type { AppEnv } from '../types';
import type { FormState } from '../../views/partials/form';
import { ReflectionPage, StatementPage } from '../../views/pages/intervision/reflection';
import { parsePeriodForm, rawForm } from './schemas';
import {
  attendedMeetings,
  createStatement,
  getOwnStatement,
  groupByYear,
  listOwnStatements,
  periodStart,
  REFLECTION_TARGET_HOURS,
  reflectionCsv,
  statementContent,
  totalHours,
} from './statements';
import { baseUrl, csvResponse } from './context';

/** /reflection: a person's own reflection hours and their statements of attendance. */
export const reflectionRoutes = new Hono<AppEnv>();

reflectionRoutes.use('*', requireUser);

function reflectionPage(c: Ctx, state: FormState, status: ContentfulStatusCode = 200) {
  const { db, now } = c.get('deps');
  const userId = c.get('user')!.id;
  const all = attendedMeetings(db, userId);
  const from = periodStart(now());
  const inPeriod = attendedMeetings(db, userId, { from, to: localDateOf(now()) });
  return page(
    c,
    c.get('t').intervision.reflection.title,
    <ReflectionPage
      t={c.get('t')}
      locale={c.get('locale')}
      years={groupByYear(all)}
      periodHours={totalHours(inPeriod)}
      periodFrom={from}
      target={REFLECTION_TARGET_HOURS}
      statements={listOwnStatements(db, userId)}
      state={state}
    />,
    status,
  );
}

reflectionRoutes.get('/', (c) => {
  const n = c.get('deps').now();
  return reflectionPage(c, { values: { from: periodStart(n), to: localDateOf(n) } });
});

reflectionRoutes.post('/statements', async (c) => {
  const { db, now } = c.get('deps');
  const form = await readForm(c, rawForm);
  const parsed = parsePeriodForm(form.values, c.get('t'), localDateOf(now()));
  if (!parsed.ok) return reflectionPage(c, parsed, 422);
  const st = createStatement(db, c.get('user')!.id, parsed.data, now());
  return redirectWithFlash(c, `/reflection/statements/${st.id}`);
});

reflectionRoutes.get('/statements/:id', (c) => {
  const { db } = c.get('deps');
  const id = parseId(c.req.param('id'));
  const st = id ? getOwnStatement(db, id, c.get('user')!.id) : undefined;
  if (!st) return notFound(c);
  const shown = statementContent(db, st, c.get('user')!.name);
  return page(
    c,
    c.get('t').intervision.statement.title,
    <StatementPage
      t={c.get('t')}
      locale={c.get('locale')}
      name={shown.name}
      statement={st}
      meetings={shown.meetings}
      hours={shown.hours}
      verifyUrl={`${baseUrl(c)}/verify/${st.code}`}
    />,
  );
});

/** /reflection.csv: the same hours as a spreadsheet (a URL of its own, beside /reflection). */
export const reflectionCsvRoutes = new Hono<AppEnv>();

reflectionCsvRoutes.use('*', requireUser);

reflectionCsvRoutes.get('/', (c) => {
  const list = attendedMeetings(c.get('deps').db, c.get('user')!.id);
  return csvResponse(c, reflectionCsv(list, c.get('t')), c.get('t').intervision.csv.reflectionFile);
});
