import { and, eq, isNull, ne, sql } from 'drizzle-orm';
import { invitations, memberships, users, type OrgKind, type OrgRole } from '../../db/schema';
import { writeTx, type DB, type Queryable } from '../db';
import { createInvitation, setDeactivated } from '../auth/accounts';
import { countOrgAdmins, findOrganisationByName, insertOrganisation, listOpenInvitations, setRoles, userRolesInOrg } from './orgs';

/** Who is acting: their id, the network-admin flag and the organisations they administer. */
export type Actor = { id: string; isNetworkAdmin: boolean; adminOrgIds: number[] };

export type PersonAction = 'roles' | 'deactivate' | 'reactivate';

export type PersonRefusal =
  /** Not a member of this organisation, or the actor does not administer it (→ 404). */
  | 'not-found'
  /** An org admin and someone who also works for an organisation they do not administer (→ 404). */
  | 'other-orgs'
  /** The actor's own account. */
  | 'self'
  /** A network admin, and the actor is not one. */
  | 'network-admin'
  /** The change leaves the organisation without an active org admin. */
  | 'last-org-admin'
  /** The change leaves the network without an active network admin. */
  | 'last-network-admin';

type Target = { id: string; isNetworkAdmin: boolean; orgIds: number[] };

function loadTarget(q: Queryable, userId: string): Target | undefined {
  const user = q.select({ id: users.id, isNetworkAdmin: users.isNetworkAdmin }).from(users).where(eq(users.id, userId)).get();
  if (!user) return undefined;
  const orgIds = q
    .selectDistinct({ orgId: memberships.orgId })
    .from(memberships)
    .where(eq(memberships.userId, userId))
    .all()
    .map((r) => r.orgId);
  return { ...user, orgIds };
}

/** Active network admins other than `userId`. */
function otherActiveNetworkAdmins(q: Queryable, userId: string): number {
  return (
    q
      .select({ n: sql<number>`count(*)` })
      .from(users)
      .where(and(eq(users.isNetworkAdmin, true), isNull(users.deactivatedAt), ne(users.id, userId)))
      .get()?.n ?? 0
  );
}

/**
 * The last-admin rule: true when giving `userId` the roles `rolesAfter` in `orgId` would leave the
 * organisation without an active org admin. Deactivation is not counted here: a network admin may
 * deactivate someone who left, and invites a new org admin.
 */
export function leavesNoOrgAdmin(q: Queryable, orgId: number, userId: string, rolesAfter: OrgRole[]): boolean {
  const had = userRolesInOrg(q, orgId, userId);
  return had.includes('org_admin') && !rolesAfter.includes('org_admin') && countOrgAdmins(q, orgId) <= 1;
}

/**
 * The rule "may this actor change this person" (roles in `orgId`, or the account itself), one
 * definition for both routes (ADR 008):
 * - an org admin manages people of the organisations they administer; deactivation locks someone out
 *   of the whole platform, so only people whose every membership is in such an organisation;
 * - a network admin's account and roles are changed only by another network admin;
 * - nobody deactivates their own account, and the network keeps an active network admin.
 */
export function manageRefusal(q: Queryable, actor: Actor, orgId: number, targetId: string, action: PersonAction): PersonRefusal | null {
  if (!actor.isNetworkAdmin && !actor.adminOrgIds.includes(orgId)) return 'not-found';
  const target = loadTarget(q, targetId);
  if (!target?.orgIds.includes(orgId)) return 'not-found';
  if (action !== 'roles' && target.id === actor.id) return 'self';
  if (target.isNetworkAdmin && !actor.isNetworkAdmin) return 'network-admin';
  if (action !== 'roles' && !actor.isNetworkAdmin && !target.orgIds.every((id) => actor.adminOrgIds.includes(id))) return 'other-orgs';
  if (action === 'deactivate' && target.isNetworkAdmin && otherActiveNetworkAdmins(q, target.id) === 0) return 'last-network-admin';
  return null;
}

/**
 * The people of `orgId` whose account this actor may not deactivate or delete because they also
 * work for an organisation the actor does not administer (the 'other-orgs' rule above, for a whole
 * member list in one query, so the page offers only what the rule allows).
 */
export function accountsOutOfReach(q: Queryable, actor: Actor, orgId: number): Set<string> {
  if (actor.isNetworkAdmin) return new Set();
  const rows = q
    .selectDistinct({ userId: memberships.userId })
    .from(memberships)
    .where(
      and(
        sql`${memberships.userId} in (select ${memberships.userId} from ${memberships} where ${memberships.orgId} = ${orgId})`,
        sql`${memberships.orgId} not in (select value from json_each(${JSON.stringify(actor.adminOrgIds)}))`,
      ),
    )
    .all();
  return new Set(rows.map((r) => r.userId));
}

export type PersonResult = { ok: true } | { ok: false; reason: PersonRefusal };

/** Replaces a person's roles in one organisation, after the rules above and the last-admin rule, in one transaction. */
export function changeRoles(db: DB, actor: Actor, orgId: number, targetId: string, roles: OrgRole[]): PersonResult {
  return writeTx(db, (tx) => {
    const refusal = manageRefusal(tx, actor, orgId, targetId, 'roles') ?? (leavesNoOrgAdmin(tx, orgId, targetId, roles) ? 'last-org-admin' : null);
    if (refusal) return { ok: false, reason: refusal };
    setRoles(tx, orgId, targetId, roles);
    return { ok: true };
  });
}

/** Deactivates (ending every session) or reactivates an account, after the rules above, in one transaction. */
export function setAccountActive(db: DB, actor: Actor, orgId: number, targetId: string, active: boolean, now: Date): PersonResult {
  return writeTx(db, (tx) => {
    const refusal = manageRefusal(tx, actor, orgId, targetId, active ? 'reactivate' : 'deactivate');
    if (refusal) return { ok: false, reason: refusal };
    setDeactivated(tx, targetId, !active, now);
    return { ok: true };
  });
}

/** True when someone with this e-mail address is already a member of the organisation. */
export function isMemberByEmail(q: Queryable, orgId: number, email: string): boolean {
  return !!q
    .select({ one: sql`1` })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.orgId, orgId), eq(users.email, email.trim().toLowerCase())))
    .get();
}

/**
 * Invites a colleague into an organisation unless they are a member already: check and invitation
 * in one transaction. An open invitation to the same address is replaced (`replaced`), so a
 * corrected role does not leave two links behind.
 */
export function inviteToOrganisation(
  db: DB,
  input: { orgId: number; email: string; role: OrgRole; invitedBy: string; inviterName: string; baseUrl: string },
  now: Date,
): { ok: true; token: string; replaced: boolean } | { ok: false; reason: 'already-member' } {
  return writeTx(db, (tx) => {
    if (isMemberByEmail(tx, input.orgId, input.email)) return { ok: false, reason: 'already-member' };
    const replaced = listOpenInvitations(tx, input.orgId, now).some((i) => i.email === input.email);
    return { ok: true, token: createInvitation(tx, input, now), replaced };
  });
}

/** Withdraws an open invitation of this organisation (its link stops working); null when there is none (used, expired, another organisation's). */
export function revokeInvitation(db: DB, orgId: number, invitationId: number, now: Date): { email: string } | null {
  return writeTx(db, (tx) => {
    const open = listOpenInvitations(tx, orgId, now).find((i) => i.id === invitationId);
    if (!open) return null;
    tx.delete(invitations)
      .where(and(eq(invitations.id, open.id), eq(invitations.orgId, orgId)))
      .run();
    return { email: open.email };
  });
}

/**
 * A network admin adds an organisation and invites its first org admin, in one transaction: a
 * name already in the network is refused and nothing is written.
 */
export function addOrganisation(
  db: DB,
  input: { name: string; kind: OrgKind; town: string; adminEmail: string; invitedBy: string; inviterName: string; baseUrl: string },
  now: Date,
): { ok: true; orgId: number } | { ok: false; reason: 'duplicate' } {
  return writeTx(db, (tx) => {
    if (findOrganisationByName(tx, input.name)) return { ok: false, reason: 'duplicate' };
    const org = insertOrganisation(tx, { name: input.name, kind: input.kind, town: input.town });
    createInvitation(
      tx,
      { orgId: org.id, email: input.adminEmail, role: 'org_admin', invitedBy: input.invitedBy, inviterName: input.inviterName, baseUrl: input.baseUrl },
      now,
    );
    return { ok: true, orgId: org.id };
  });
}
