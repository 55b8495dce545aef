import { can } from '../auth/middleware';
import { parseId } from '../lib/forms';
import type { Ctx } from '../lib/render';
import { getOrganisation } from './orgs';

/**
 * The organisation named by `:orgId` in the path, for its org admins and network admins; null
 * (→ 404) for anyone else or an id that does not exist. One rule for every /org/:orgId page.
 */
export function adminOrg(c: Ctx) {
  const orgId = parseId(c.req.param('orgId'));
  if (!orgId) return null;
  if (!can(c, orgId, 'org_admin') && !c.get('user')?.isNetworkAdmin) return null;
  return getOrganisation(c.get('deps').db, orgId) ?? null;
}
