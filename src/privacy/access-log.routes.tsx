import { Hono } from 'hono';
import { requireUser } from '../auth/middleware';
import { htmx } from '../lib/htmx';
import { requestedPage } from '../lib/paging';
import { forbidden, pageOrFragment, requestUrl, type Ctx } from '../lib/render';
import { listOrganisations, orgsWithRole } from '../orgs/orgs';
import type { AppEnv } from '../types';
import { AccessLogPage, AccessLogResults, MyAccessPage, MyAccessResults } from '../../views/pages/privacy/access-log';
import { ACCESS_LOG_PAGE_SIZE, listAccessLog, listWhoLookedAtMe, parseAccessLogFilters, type AccessScope } from './access-log';

/**
 * /access-log: who looked at whose personal data (ADR 014). The log itself for org admins (their
 * organisations' entries) and network admins (all); "Wie bekeek mijn gegevens" for everyone.
 */
export const accessLogRoutes = new Hono<AppEnv>();

accessLogRoutes.use('*', requireUser);

/** The organisations whose entries the person may read, by name; null: they may read none (→ 403). */
function scopeOf(c: Ctx): { scope: AccessScope; orgs: { id: number; name: string }[] } | null {
  if (c.get('user')!.isNetworkAdmin) return { scope: 'all', orgs: listOrganisations(c.get('deps').db).map((o) => ({ id: o.id, name: o.name })) };
  const orgs = orgsWithRole(c.get('memberships'), 'org_admin').map((m) => ({ id: m.orgId, name: m.orgName }));
  return orgs.length === 0 ? null : { scope: { orgIds: orgs.map((o) => o.id) }, orgs };
}

accessLogRoutes.get('/', (c) => {
  const allowed = scopeOf(c);
  if (!allowed) return forbidden(c);
  const t = c.get('t').privacy.log;
  const { filters, raw } = parseAccessLogFilters(c.req.query());
  const { rows, paging } = listAccessLog(c.get('deps').db, allowed.scope, filters, {
    requested: requestedPage(c.req.query('page')),
    size: ACCESS_LOG_PAGE_SIZE,
  });
  const network = allowed.scope === 'all';
  const orgNames = allowed.orgs.map((o) => o.name).join(', ');
  const emptyText = network ? t.emptyNetwork : t.emptyOrg(orgNames);
  const listing = { paging, url: requestUrl(c), trigger: htmx(c).trigger };
  const filtered = Object.keys(raw).length > 0;
  // One organisation needs no choice; a network admin, or an admin of several, filters on them.
  const orgChoice = allowed.orgs.length > 1 ? allowed.orgs : [];
  return pageOrFragment(
    c,
    t.title,
    <AccessLogPage
      t={c.get('t')}
      locale={c.get('locale')}
      intro={network ? t.introNetwork : t.introOrg(orgNames)}
      emptyText={emptyText}
      filters={raw}
      orgs={orgChoice}
      rows={rows}
      listing={listing}
    />,
    <AccessLogResults t={c.get('t')} locale={c.get('locale')} rows={rows} filtered={filtered} emptyText={emptyText} {...listing} />,
  );
});

accessLogRoutes.get('/mine', (c) => {
  const me = c.get('user')!.id;
  const { rows, paging } = listWhoLookedAtMe(c.get('deps').db, me, { requested: requestedPage(c.req.query('page')), size: ACCESS_LOG_PAGE_SIZE });
  const listing = { paging, url: requestUrl(c), trigger: htmx(c).trigger };
  return pageOrFragment(
    c,
    c.get('t').privacy.mine.title,
    <MyAccessPage t={c.get('t')} locale={c.get('locale')} meId={me} rows={rows} listing={listing} />,
    <MyAccessResults t={c.get('t')} locale={c.get('locale')} meId={me} rows={rows} {...listing} />,
  );
});
