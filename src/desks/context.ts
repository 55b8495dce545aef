import { orgIdsWithRole } from '../orgs/orgs';
import { localToday } from '../lib/time';
import type { Ctx } from '../lib/render';

// What the desk routes (/desks, /bookings, /host) read from the request besides its path and form.

/** Today in Amsterdam, by the app's clock (tests set it). */
export const today = (c: Ctx) => localToday(c.get('deps').now());

/** The organisations the person belongs to. */
export const userOrgIds = (c: Ctx) => c.get('memberships').map((m) => m.orgId);

/** The organisations in which the person is a host. */
export const hostOrgIds = (c: Ctx) => orgIdsWithRole(c.get('memberships'), 'host');
