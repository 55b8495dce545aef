import { Hono } from 'hono';
import { z } from 'zod';
import { requireUser } from '../auth/middleware';
import { queryValues, validate, parseId } from '../lib/forms';
import { toCsv } from '../lib/csv';
import { forbidden, notFound, pageOrFragment, type Ctx } from '../lib/render';
import { addDays, isValidLocalDate, localToday } from '../lib/time';
import { listOrganisations, orgsWithRole } from '../orgs/orgs';
import type { AppEnv } from '../types';
import { InsightPage, InsightSections } from '../../views/pages/insight';
import { defaultPeriod, insight, insightOptions, type InsightFilters, type InsightScope } from './insight';
import { cellValue, PAGE_ROWS, SECTIONS, sectionTable, type Section } from './tables';

/**
 * /insight: *Inzicht* for network admins (the whole network, or one organisation chosen) and org
 * admins (their own organisation as host and guest, and network totals); everyone else 403.
 */
export const insightRoutes = new Hono<AppEnv>();

insightRoutes.use('*', requireUser);

/** Longest period asked for at once: two years. */
const MAX_DAYS = 731;

function scopeOf(c: Ctx): { scope: InsightScope; orgs: { orgId: number; orgName: string }[] } | null {
  const admin = orgsWithRole(c.get('memberships'), 'org_admin');
  const asked = parseId(c.req.query('org'));
  if (c.get('user')!.isNetworkAdmin) {
    const all = listOrganisations(c.get('deps').db).map((o) => ({ orgId: o.id, orgName: o.name }));
    const chosen = all.find((o) => o.orgId === asked);
    return { scope: chosen ? { kind: 'org', orgId: chosen.orgId } : { kind: 'network' }, orgs: all };
  }
  if (admin.length === 0) return null;
  const chosen = admin.find((o) => o.orgId === asked) ?? admin[0]!;
  return { scope: { kind: 'org', orgId: chosen.orgId }, orgs: admin };
}

const filterSchema = (c: Ctx) => {
  const t = c.get('t');
  const date = z
    .string()
    .optional()
    .transform((v) => (v ? v.trim() : ''))
    .refine((v) => v === '' || isValidLocalDate(v), t.errors.invalidDate);
  return z.object({ from: date, to: date, town: z.string().max(80).optional(), location: z.string().optional(), org: z.string().optional() });
};

type Read = { ok: true; filters: InsightFilters } | { ok: false; errors: Record<string, string> } | { ok: false; notFound: true };

function readFilters(c: Ctx, scope: InsightScope): Read {
  const form = validate(filterSchema(c), queryValues(c), c.get('t'));
  if (!form.ok) return { ok: false, errors: form.errors };
  const today = localToday(c.get('deps').now());
  const period = defaultPeriod(today);
  const from = form.data.from || period.from;
  const to = form.data.to || period.to;
  const days = (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000;
  if (days < 0 || days > MAX_DAYS) return { ok: false, errors: { to: c.get('t').insight.invalidPeriod } };
  const options = insightOptions(c.get('deps').db, scope);
  const locationId = parseId(form.data.location) ?? null;
  // Another organisation's location is not there for an org admin.
  if (locationId !== null && !options.locations.some((l) => l.id === locationId)) return { ok: false, notFound: true };
  const town = form.data.town?.trim() ? form.data.town.trim() : null;
  return { ok: true, filters: { from, to: to > addDays(today, 0) ? today : to, locationId, town } };
}

/** The query string the CSV links carry: the same filters as the page. */
function queryOf(c: Ctx): string {
  const q = new URL(c.req.url).search;
  return q;
}

insightRoutes.get('/', (c) => {
  const s = scopeOf(c);
  if (!s) return forbidden(c);
  const { db, now } = c.get('deps');
  const t = c.get('t');
  const read = readFilters(c, s.scope);
  if (!read.ok && 'notFound' in read) return notFound(c);
  const data = read.ok ? insight(db, s.scope, read.filters, now(), PAGE_ROWS) : null;
  const options = insightOptions(db, s.scope);
  const orgName = s.scope.kind === 'org' ? (s.orgs.find((o) => o.orgId === (s.scope as { orgId: number }).orgId)?.orgName ?? '') : '';
  const state = {
    values: { ...queryValues(c), ...(read.ok ? { from: read.filters.from, to: read.filters.to } : {}) },
    errors: read.ok ? undefined : read.errors,
  };
  const sections = <InsightSections t={t} locale={c.get('locale')} data={data} query={queryOf(c)} />;
  return pageOrFragment(
    c,
    t.insight.title,
    <InsightPage
      t={t}
      locale={c.get('locale')}
      data={data}
      scopeText={s.scope.kind === 'network' ? t.insight.scopeNetwork : t.insight.scopeOrg(orgName)}
      state={state}
      towns={options.towns}
      locations={options.locations}
      orgOptions={[
        ...(c.get('user')!.isNetworkAdmin ? [{ value: '', label: t.insight.wholeNetwork }] : []),
        ...s.orgs.map((o) => ({ value: String(o.orgId), label: o.orgName })),
      ]}
      query={queryOf(c)}
    />,
    sections,
    read.ok ? 200 : 422,
  );
});

insightRoutes.get('/:section{[a-z]+\\.csv}', (c) => {
  const section = c.req.param('section').replace(/\.csv$/, '') as Section;
  if (!SECTIONS.includes(section)) return notFound(c);
  const s = scopeOf(c);
  if (!s) return forbidden(c);
  const read = readFilters(c, s.scope);
  if (!read.ok) return 'notFound' in read ? notFound(c) : c.text(Object.values(read.errors)[0] ?? '', 422);
  const table = sectionTable(insight(c.get('deps').db, s.scope, read.filters, c.get('deps').now()), section, c.get('t'));
  return c.body(toCsv([table.headers, ...table.rows.map((r) => r.map(cellValue))]), 200, {
    'Content-Type': 'text/csv; charset=utf-8',
    'Content-Disposition': `attachment; filename="gastplek-inzicht-${section}-${read.filters.from}-${read.filters.to}.csv"`,
  });
});
