import { and, asc, eq, gt, isNull, sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import { invitations, memberships, organisations, users, type OrgKind, type OrgRole, ORG_ROLES } from '../../db/schema';
import type { Queryable } from '../db';

/** A person's roles in one organisation (the session's memberships). */
export type Membership = { orgId: number; orgName: string; roles: OrgRole[] };

/**
 * A person's memberships as one JSON array of `[orgId, orgName, role]`, by organisation name, for
 * a user id or an SQL expression (a column). The session lookup reads it in the same statement as
 * the session and the user: one statement per request instead of two (issue #18).
 */
export const membershipsJsonOf = (userId: string | SQL) =>
  sql`(select json_group_array(json_array(m.org_id, o.name, m.role) order by o.name, m.org_id, m.role)
       from ${memberships} m join ${organisations} o on o.id = m.org_id where m.user_id = ${userId})`;

/** `membershipsJsonOf`'s array as one Membership per organisation, its roles in ORG_ROLES order. */
export function membershipsFromJson(json: string): Membership[] {
  const byOrg = new Map<number, Membership>();
  for (const [orgId, orgName, role] of JSON.parse(json) as [number, string, OrgRole][]) {
    const m = byOrg.get(orgId);
    if (m) m.roles.push(role);
    else byOrg.set(orgId, { orgId, orgName, roles: [role] });
  }
  for (const m of byOrg.values()) if (m.roles.length > 1) m.roles.sort((a, b) => ORG_ROLES.indexOf(a) - ORG_ROLES.indexOf(b));
  return [...byOrg.values()];
}

export function listMemberships(db: Queryable, userId: string): Membership[] {
  return membershipsFromJson(db.get<{ json: string }>(sql`select ${membershipsJsonOf(userId)} as json`).json);
}

export function hasRole(ms: Membership[], orgId: number, role: OrgRole): boolean {
  return ms.some((m) => m.orgId === orgId && m.roles.includes(role));
}

/** `hasRole` as SQL, for a person and an organisation given as columns (e.g. a meeting's facilitator and organiser). */
export function holdsRoleSql(userId: SQLWrapper, orgId: SQLWrapper, role: OrgRole): SQL {
  return sql`exists (select 1 from ${memberships} where ${memberships.userId} = ${userId} and ${memberships.orgId} = ${orgId} and ${memberships.role} = ${role})`;
}

export function orgsWithRole(ms: Membership[], role: OrgRole): Membership[] {
  return ms.filter((m) => m.roles.includes(role));
}

/** Ids of the organisations in which the person holds `role` (for scoping queries). */
export function orgIdsWithRole(ms: Membership[], role: OrgRole): number[] {
  return orgsWithRole(ms, role).map((m) => m.orgId);
}

/** Whether the person holds `role` in any organisation (for navigation). */
export function holdsRole(ms: Membership[], role: OrgRole): boolean {
  return ms.some((m) => m.roles.includes(role));
}

export function getOrganisation(db: Queryable, orgId: number) {
  return db.select().from(organisations).where(eq(organisations.id, orgId)).get();
}

export function listOrganisations(db: Queryable) {
  return db
    .select({
      id: organisations.id,
      name: organisations.name,
      kind: organisations.kind,
      town: organisations.town,
      memberCount: sql<number>`(select count(*) from ${memberships} where ${memberships.orgId} = ${organisations.id} and ${memberships.role} = 'member')`,
    })
    .from(organisations)
    .orderBy(asc(organisations.name))
    .all();
}

export function insertOrganisation(db: Queryable, org: { name: string; kind: OrgKind; town: string }) {
  return db.insert(organisations).values(org).returning({ id: organisations.id }).get();
}

export function findOrganisationByName(db: Queryable, name: string) {
  return db.select({ id: organisations.id }).from(organisations).where(sql`lower(${organisations.name}) = lower(${name})`).get();
}

export type OrgMember = { id: string; name: string; email: string; deactivated: boolean; roles: OrgRole[] };

/** The people of one organisation with their roles there. Scoped by organisation in the query. */
export function listOrgMembers(db: Queryable, orgId: number): OrgMember[] {
  const rows = db
    .select({ id: users.id, name: users.name, email: users.email, deactivatedAt: users.deactivatedAt, role: memberships.role })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.orgId, orgId))
    .orderBy(asc(users.name))
    .all();
  const byUser = new Map<string, OrgMember>();
  for (const r of rows) {
    const m = byUser.get(r.id) ?? { id: r.id, name: r.name, email: r.email, deactivated: r.deactivatedAt !== null, roles: [] };
    m.roles.push(r.role);
    byUser.set(r.id, m);
  }
  for (const m of byUser.values()) m.roles.sort((a, b) => ORG_ROLES.indexOf(a) - ORG_ROLES.indexOf(b));
  return [...byUser.values()];
}

export function userRolesInOrg(db: Queryable, orgId: number, userId: string): OrgRole[] {
  return db
    .select({ role: memberships.role })
    .from(memberships)
    .where(and(eq(memberships.orgId, orgId), eq(memberships.userId, userId)))
    .all()
    .map((r) => r.role);
}

/** Replaces a person's roles in one organisation; 'member' is always kept. Run inside writeTx. */
export function setRoles(db: Queryable, orgId: number, userId: string, roles: OrgRole[]) {
  const wanted = new Set<OrgRole>(['member', ...roles]);
  db.delete(memberships)
    .where(and(eq(memberships.orgId, orgId), eq(memberships.userId, userId)))
    .run();
  for (const role of wanted) db.insert(memberships).values({ orgId, userId, role }).run();
}

export function countOrgAdmins(db: Queryable, orgId: number): number {
  const row = db
    .select({ n: sql<number>`count(*)` })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.orgId, orgId), eq(memberships.role, 'org_admin'), isNull(users.deactivatedAt)))
    .get();
  return row?.n ?? 0;
}

export function listOpenInvitations(db: Queryable, orgId: number, now: Date) {
  return db
    .select({ id: invitations.id, email: invitations.email, role: invitations.role, expiresAt: invitations.expiresAt })
    .from(invitations)
    .where(and(eq(invitations.orgId, orgId), isNull(invitations.acceptedAt), gt(invitations.expiresAt, now)))
    .orderBy(asc(invitations.expiresAt))
    .all();
}

/** The network admin's start page: how big the network is and what waits (issue #17, "also seen"). */
export function networkOverview(db: Queryable, now: Date, today: string) {
  const row = db.get<{ orgs: number; locations: number; meetings: number; requests: number }>(sql`
    select
      (select count(*) from organisations) as orgs,
      (select count(*) from locations where archived_at is null) as locations,
      (select count(*) from meetings where status = 'scheduled' and starts_at > ${now.getTime()}) as meetings,
      (select count(*) from bookings where status = 'pending' and date >= ${today}) as requests`);
  return row ?? { orgs: 0, locations: 0, meetings: 0, requests: 0 };
}
