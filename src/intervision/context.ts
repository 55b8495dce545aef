import { orgIdsWithRole, orgsWithRole } from '../orgs/orgs';
import type { Ctx } from '../lib/render';

// What the intervision routes read from the request besides its path and form.

/** The organisations the person belongs to. */
export const orgIdsOf = (c: Ctx) => c.get('memberships').map((m) => m.orgId);

/** The organisations the person administers (they manage those organisations' meetings). */
export const adminOrgIdsOf = (c: Ctx) => orgIdsWithRole(c.get('memberships'), 'org_admin');

/** The organisations for which the person may organise meetings. */
export const facilitatorOrgsOf = (c: Ctx) => orgsWithRole(c.get('memberships'), 'facilitator');

/** The public address, for links in the mails a change sends. */
export const baseUrl = (c: Ctx) => c.get('config').baseUrl;

export function csvResponse(c: Ctx, body: string, filename: string) {
  return c.body(body, 200, {
    'Content-Type': 'text/csv; charset=utf-8',
    'Content-Disposition': `attachment; filename="${filename.replace(/[^A-Za-z0-9._-]/g, '_')}"`,
  });
}
