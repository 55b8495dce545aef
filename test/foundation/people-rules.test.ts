import { describe, expect, it } from 'vitest';
import { invitations, organisations, users } from '../../db/schema';
import { listMemberships } from '../../src/orgs/orgs';
import { addOrganisation, changeRoles, inviteToOrganisation, leavesNoOrgAdmin, manageRefusal, setAccountActive, type Actor } from '../../src/orgs/people';
import { countRows, createOrg, createTestApp, createUser } from '../helpers';

/** Two organisations, an admin of each, a member of each, and the network admin (member of A). */
async function world() {
  const t = createTestApp();
  const a = createOrg(t.db, { name: 'Org A' });
  const b = createOrg(t.db, { name: 'Org B' });
  const adminA = await createUser(t.db, { orgId: a.id, roles: ['org_admin'] });
  const adminB = await createUser(t.db, { orgId: b.id, roles: ['org_admin'] });
  const memberA = await createUser(t.db, { orgId: a.id });
  const memberB = await createUser(t.db, { orgId: b.id });
  const netAdmin = await createUser(t.db, { orgId: a.id, networkAdmin: true });
  const asAdminA: Actor = { id: adminA.id, isNetworkAdmin: false, adminOrgIds: [a.id] };
  const asNetAdmin: Actor = { id: netAdmin.id, isNetworkAdmin: true, adminOrgIds: [] };
  return { ...t, a, b, adminA, adminB, memberA, memberB, netAdmin, asAdminA, asNetAdmin };
}

const rolesIn = (db: Awaited<ReturnType<typeof world>>['db'], userId: string, orgId: number) =>
  listMemberships(db, userId).find((m) => m.orgId === orgId)?.roles ?? [];

const deactivatedAt = (db: Awaited<ReturnType<typeof world>>['db'], userId: string) =>
  db.$client.prepare('select deactivated_at as at from users where id = ?').get(userId) as { at: number | null };

describe('rule: who may change a person — the cases the scenarios in orgs.test.ts leave out', () => {
  it('an id that is nobody is not found, for every action and also for a network admin', async () => {
    const w = await world();
    for (const action of ['roles', 'deactivate', 'reactivate'] as const) {
      expect(manageRefusal(w.db, w.asNetAdmin, w.a.id, 'nobody', action)).toBe('not-found');
      expect(manageRefusal(w.db, w.asAdminA, w.a.id, 'nobody', action)).toBe('not-found');
    }
    expect(changeRoles(w.db, w.asNetAdmin, w.a.id, 'nobody', ['host'])).toEqual({ ok: false, reason: 'not-found' });
    expect(setAccountActive(w.db, w.asNetAdmin, w.a.id, 'nobody', false, w.clock.now())).toEqual({ ok: false, reason: 'not-found' });
  });

  it('foreign: an admin of A gets not-found for B’s people through A and through B, and nothing is written', async () => {
    const w = await world();
    expect(manageRefusal(w.db, w.asAdminA, w.a.id, w.memberB.id, 'roles')).toBe('not-found');
    expect(manageRefusal(w.db, w.asAdminA, w.b.id, w.memberB.id, 'roles')).toBe('not-found');
    expect(changeRoles(w.db, w.asAdminA, w.b.id, w.memberB.id, ['org_admin'])).toEqual({ ok: false, reason: 'not-found' });
    expect(changeRoles(w.db, w.asAdminA, w.a.id, w.memberB.id, ['org_admin'])).toEqual({ ok: false, reason: 'not-found' });
    expect(changeRoles(w.db, w.asAdminA, w.b.id, w.adminB.id, [])).toEqual({ ok: false, reason: 'not-found' });
    expect(setAccountActive(w.db, w.asAdminA, w.b.id, w.memberB.id, false, w.clock.now())).toEqual({ ok: false, reason: 'not-found' });
    expect(setAccountActive(w.db, w.asAdminA, w.a.id, w.memberB.id, false, w.clock.now())).toEqual({ ok: false, reason: 'not-found' });
    expect(rolesIn(w.db, w.memberB.id, w.b.id)).toEqual(['member']);
    expect(rolesIn(w.db, w.adminB.id, w.b.id)).toEqual(['member', 'org_admin']);
    expect(listMemberships(w.db, w.memberB.id).map((m) => m.orgId)).toEqual([w.b.id]);
    expect(deactivatedAt(w.db, w.memberB.id).at).toBeNull();
  });

  it('an admin of A and B deactivates someone who works for both; an admin of A only may not', async () => {
    const w = await world();
    w.db.$client.prepare("insert into memberships (user_id, org_id, role) values (?, ?, 'member')").run(w.memberB.id, w.a.id);
    w.db.$client.prepare("insert into memberships (user_id, org_id, role) values (?, ?, 'org_admin')").run(w.adminA.id, w.b.id);
    const asAdminOfBoth: Actor = { ...w.asAdminA, adminOrgIds: [w.a.id, w.b.id] };
    expect(manageRefusal(w.db, w.asAdminA, w.a.id, w.memberB.id, 'deactivate')).toBe('other-orgs');
    expect(manageRefusal(w.db, w.asAdminA, w.a.id, w.memberB.id, 'reactivate')).toBe('other-orgs');
    expect(manageRefusal(w.db, asAdminOfBoth, w.a.id, w.memberB.id, 'deactivate')).toBeNull();
  });

  it('self: nobody deactivates or reactivates their own account, also a network admin; changing one’s own roles is not refused as self', async () => {
    const w = await world();
    expect(manageRefusal(w.db, w.asAdminA, w.a.id, w.adminA.id, 'reactivate')).toBe('self');
    expect(manageRefusal(w.db, w.asNetAdmin, w.a.id, w.netAdmin.id, 'deactivate')).toBe('self');
    expect(manageRefusal(w.db, w.asAdminA, w.a.id, w.adminA.id, 'roles')).toBeNull();
    expect(changeRoles(w.db, w.asAdminA, w.a.id, w.adminA.id, ['org_admin', 'host'])).toEqual({ ok: true });
    expect(rolesIn(w.db, w.adminA.id, w.a.id)).toEqual(['member', 'host', 'org_admin']);
  });

  it('the only network admin changes their own roles in an organisation: allowed (only deactivation needs another network admin)', async () => {
    const w = await world();
    expect(manageRefusal(w.db, w.asNetAdmin, w.a.id, w.netAdmin.id, 'roles')).toBeNull();
    expect(changeRoles(w.db, w.asNetAdmin, w.a.id, w.netAdmin.id, ['host'])).toEqual({ ok: true });
    expect(rolesIn(w.db, w.netAdmin.id, w.a.id)).toEqual(['member', 'host']);
  });

  it('network admins: one deactivates another while one stays active; deactivated ones do not count, a reactivated one does', async () => {
    const w = await world();
    const second = await createUser(w.db, { orgId: w.b.id, networkAdmin: true });
    const gone = await createUser(w.db, { orgId: w.b.id, networkAdmin: true, deactivated: true });
    expect(manageRefusal(w.db, w.asNetAdmin, w.b.id, second.id, 'deactivate')).toBeNull();
    expect(setAccountActive(w.db, w.asNetAdmin, w.b.id, second.id, false, w.clock.now())).toEqual({ ok: true });
    // An actor that is none of them (as in orgs.test.ts): besides netAdmin only deactivated network admins are left.
    const outsider: Actor = { id: 'someone-else', isNetworkAdmin: true, adminOrgIds: [] };
    expect(manageRefusal(w.db, outsider, w.a.id, w.netAdmin.id, 'deactivate')).toBe('last-network-admin');
    expect(setAccountActive(w.db, w.asNetAdmin, w.b.id, gone.id, true, w.clock.now())).toEqual({ ok: true });
    expect(deactivatedAt(w.db, gone.id).at).toBeNull();
    expect(manageRefusal(w.db, outsider, w.a.id, w.netAdmin.id, 'deactivate')).toBeNull();
    expect(setAccountActive(w.db, w.asNetAdmin, w.a.id, gone.id, false, w.clock.now())).toEqual({ ok: false, reason: 'not-found' });
  });

  it('last network admin: setAccountActive refuses to deactivate them and writes nothing; reactivating is never refused so', async () => {
    const w = await world();
    const outsider: Actor = { id: 'someone-else', isNetworkAdmin: true, adminOrgIds: [] };
    expect(setAccountActive(w.db, outsider, w.a.id, w.netAdmin.id, false, w.clock.now())).toEqual({ ok: false, reason: 'last-network-admin' });
    expect(deactivatedAt(w.db, w.netAdmin.id).at).toBeNull();
    expect(setAccountActive(w.db, outsider, w.a.id, w.netAdmin.id, true, w.clock.now())).toEqual({ ok: true });
  });
});

describe('rule: deactivation and reactivation (setAccountActive)', () => {
  it('deactivating stamps the account with now and ends its sessions; reactivating clears the stamp', async () => {
    const w = await world();
    w.db.$client.prepare('insert into sessions (id, user_id, expires_at) values (?, ?, ?)').run('s1', w.memberA.id, w.clock.now().getTime() + 3_600_000);
    expect(setAccountActive(w.db, w.asAdminA, w.a.id, w.memberA.id, false, w.clock.now())).toEqual({ ok: true });
    expect(deactivatedAt(w.db, w.memberA.id).at).toBe(w.clock.now().getTime());
    expect(countRows(w.db, 'sessions')).toBe(0);
    w.clock.advance(60_000);
    expect(setAccountActive(w.db, w.asAdminA, w.a.id, w.memberA.id, true, w.clock.now())).toEqual({ ok: true });
    expect(deactivatedAt(w.db, w.memberA.id).at).toBeNull();
  });

  it('a refused deactivation writes nothing', async () => {
    const w = await world();
    expect(setAccountActive(w.db, w.asAdminA, w.a.id, w.adminA.id, false, w.clock.now())).toEqual({ ok: false, reason: 'self' });
    expect(setAccountActive(w.db, w.asAdminA, w.a.id, w.netAdmin.id, false, w.clock.now())).toEqual({ ok: false, reason: 'network-admin' });
    expect(countRows(w.db, 'users where deactivated_at is not null')).toBe(0);
  });
});

describe('rule: the last org admin (leavesNoOrgAdmin, changeRoles)', () => {
  it('counts only the organisation’s own admins: an admin of B does not keep A’s last admin removable', async () => {
    const w = await world();
    expect(leavesNoOrgAdmin(w.db, w.a.id, w.adminA.id, ['host'])).toBe(true);
    expect(changeRoles(w.db, w.asNetAdmin, w.a.id, w.adminA.id, ['host'])).toEqual({ ok: false, reason: 'last-org-admin' });
    expect(rolesIn(w.db, w.adminA.id, w.a.id)).toEqual(['member', 'org_admin']);
  });

  it('an admin of A and B may give up A’s role when A has another admin, and B’s count is not touched', async () => {
    const w = await world();
    w.db.$client.prepare("insert into memberships (user_id, org_id, role) values (?, ?, 'org_admin')").run(w.adminA.id, w.b.id);
    w.db.$client.prepare("insert into memberships (user_id, org_id, role) values (?, ?, 'member')").run(w.adminA.id, w.b.id);
    expect(changeRoles(w.db, w.asNetAdmin, w.a.id, w.memberA.id, ['org_admin'])).toEqual({ ok: true });
    expect(changeRoles(w.db, w.asNetAdmin, w.a.id, w.adminA.id, [])).toEqual({ ok: true });
    expect(rolesIn(w.db, w.adminA.id, w.a.id)).toEqual(['member']);
    expect(rolesIn(w.db, w.adminA.id, w.b.id)).toEqual(['member', 'org_admin']);
  });

  it('two admins: the first gives up the role, then the second is the last', async () => {
    const w = await world();
    const second = await createUser(w.db, { orgId: w.a.id, roles: ['org_admin'] });
    expect(leavesNoOrgAdmin(w.db, w.a.id, w.adminA.id, [])).toBe(false);
    expect(changeRoles(w.db, w.asNetAdmin, w.a.id, w.adminA.id, [])).toEqual({ ok: true });
    expect(leavesNoOrgAdmin(w.db, w.a.id, second.id, ['host', 'facilitator'])).toBe(true);
    expect(changeRoles(w.db, w.asNetAdmin, w.a.id, second.id, ['host'])).toEqual({ ok: false, reason: 'last-org-admin' });
  });

  it('a refusal by the person rule comes before the last-admin rule', async () => {
    const w = await world();
    const asAdminB: Actor = { id: w.adminB.id, isNetworkAdmin: false, adminOrgIds: [w.b.id] };
    expect(changeRoles(w.db, asAdminB, w.a.id, w.adminA.id, [])).toEqual({ ok: false, reason: 'not-found' });
  });
});

describe('rule: inviting into an organisation and adding one', () => {
  const inviteInput = (w: Awaited<ReturnType<typeof world>>, email: string) => ({
    orgId: w.a.id,
    email,
    role: 'host' as const,
    invitedBy: w.adminA.id,
    inviterName: 'Beheerder A',
    baseUrl: 'http://localhost:3000',
  });

  it('a member’s address with spaces around it and in capitals is still the member', async () => {
    const w = await world();
    expect(inviteToOrganisation(w.db, inviteInput(w, `  ${w.memberA.email.toUpperCase()}  `), w.clock.now())).toEqual({
      ok: false,
      reason: 'already-member',
    });
    expect(countRows(w.db, 'invitations')).toBe(0);
  });

  it('a member of B is invited into A like anyone else; the invitation holds the role and a token', async () => {
    const w = await world();
    const result = inviteToOrganisation(w.db, inviteInput(w, w.memberB.email), w.clock.now());
    expect(result.ok).toBe(true);
    expect(result.ok && result.token.length).toBeGreaterThanOrEqual(20);
    expect(w.db.select({ orgId: invitations.orgId, email: invitations.email, role: invitations.role }).from(invitations).all()).toEqual([
      { orgId: w.a.id, email: w.memberB.email, role: 'host' },
    ]);
  });

  it('a deactivated member is still a member: not invited again', async () => {
    const w = await world();
    const gone = await createUser(w.db, { orgId: w.a.id, deactivated: true });
    expect(inviteToOrganisation(w.db, inviteInput(w, gone.email), w.clock.now())).toEqual({ ok: false, reason: 'already-member' });
  });

  it('a new organisation: stored as given, its first admin invited as org admin by the network admin', async () => {
    const w = await world();
    const input = {
      name: 'Wijkteam Ede',
      kind: 'wijkteam' as const,
      town: 'Ede',
      adminEmail: 'eerste@example.test',
      invitedBy: w.netAdmin.id,
      inviterName: 'Netwerkbeheer',
      baseUrl: 'http://localhost:3000',
    };
    const result = addOrganisation(w.db, input, w.clock.now());
    expect(result.ok).toBe(true);
    const orgId = result.ok ? result.orgId : -1;
    expect(w.db.select({ name: organisations.name, kind: organisations.kind, town: organisations.town }).from(organisations).all()).toContainEqual({
      name: 'Wijkteam Ede',
      kind: 'wijkteam',
      town: 'Ede',
    });
    expect(
      w.db.select({ orgId: invitations.orgId, email: invitations.email, role: invitations.role, invitedBy: invitations.invitedBy }).from(invitations).all(),
    ).toEqual([{ orgId, email: 'eerste@example.test', role: 'org_admin', invitedBy: w.netAdmin.id }]);
    expect(countRows(w.db, 'outbox')).toBe(1);
  });

  it('a name already in the network, in other capitals: refused and nothing written', async () => {
    const w = await world();
    const result = addOrganisation(
      w.db,
      { name: 'ORG a', kind: 'cjg', town: 'Ede', adminEmail: 'x@example.test', invitedBy: w.netAdmin.id, inviterName: 'N', baseUrl: 'http://localhost:3000' },
      w.clock.now(),
    );
    expect(result).toEqual({ ok: false, reason: 'duplicate' });
    expect(countRows(w.db, 'organisations')).toBe(2);
    expect(countRows(w.db, 'invitations')).toBe(0);
    expect(countRows(w.db, 'outbox')).toBe(0);
    expect(w.db.select({ n: users.id }).from(users).all()).toHaveLength(5);
  });
});
