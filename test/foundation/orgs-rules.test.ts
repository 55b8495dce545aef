import { describe, expect, it } from 'vitest';
import { INVITATION_TTL_MS } from '../../src/auth/accounts';
import {
  countOrgAdmins,
  findOrganisationByName,
  hasRole,
  holdsRole,
  listMemberships,
  listOpenInvitations,
  listOrganisations,
  listOrgMembers,
  type Membership,
  membershipsFromJson,
  orgIdsWithRole,
  orgsWithRole,
  setRoles,
  userRolesInOrg,
} from '../../src/orgs/orgs';
import { inviteToOrganisation } from '../../src/orgs/people';
import { createOrg, createTestApp, createUser } from '../helpers';

const add = (db: ReturnType<typeof createTestApp>['db'], userId: string, orgId: number, role: string) =>
  db.$client.prepare('insert into memberships (user_id, org_id, role) values (?, ?, ?)').run(userId, orgId, role);

describe('rule: a person’s memberships (the session’s list)', () => {
  it('one entry per organisation, by name, with the roles in ORG_ROLES order whatever order they come in', () => {
    const json = JSON.stringify([
      [2, 'Beta', 'org_admin'],
      [2, 'Beta', 'facilitator'],
      [2, 'Beta', 'member'],
      [1, 'Alfa', 'member'],
    ]);
    expect(membershipsFromJson(json)).toEqual([
      { orgId: 2, orgName: 'Beta', roles: ['member', 'facilitator', 'org_admin'] },
      { orgId: 1, orgName: 'Alfa', roles: ['member'] },
    ]);
    expect(membershipsFromJson('[]')).toEqual([]);
  });

  it('from the database: by organisation name, roles ordered, nobody else’s; someone without an organisation has none', async () => {
    const { db } = createTestApp();
    const z = createOrg(db, { name: 'Zorgteam' });
    const a = createOrg(db, { name: 'Aandacht' });
    const p = await createUser(db, { orgId: z.id, roles: ['org_admin', 'expert', 'host'] });
    add(db, p.id, a.id, 'member');
    await createUser(db, { orgId: a.id, roles: ['facilitator'] });
    expect(listMemberships(db, p.id)).toEqual([
      { orgId: a.id, orgName: 'Aandacht', roles: ['member'] },
      { orgId: z.id, orgName: 'Zorgteam', roles: ['member', 'host', 'expert', 'org_admin'] },
    ]);
    const loner = await createUser(db);
    expect(listMemberships(db, loner.id)).toEqual([]);
  });

  it('a role in one organisation is not that role in another', () => {
    const ms: Membership[] = [
      { orgId: 1, orgName: 'A', roles: ['member', 'host'] },
      { orgId: 2, orgName: 'B', roles: ['member', 'org_admin'] },
      { orgId: 3, orgName: 'C', roles: ['member', 'host', 'org_admin'] },
    ];
    expect(hasRole(ms, 1, 'host')).toBe(true);
    expect(hasRole(ms, 1, 'org_admin')).toBe(false);
    expect(hasRole(ms, 2, 'host')).toBe(false);
    expect(hasRole(ms, 4, 'member')).toBe(false);
    expect(orgIdsWithRole(ms, 'org_admin')).toEqual([2, 3]);
    expect(orgsWithRole(ms, 'host').map((m) => m.orgName)).toEqual(['A', 'C']);
    expect(orgIdsWithRole(ms, 'expert')).toEqual([]);
    expect(holdsRole(ms, 'org_admin')).toBe(true);
    expect(holdsRole(ms, 'facilitator')).toBe(false);
    expect(holdsRole([], 'member')).toBe(false);
  });
});

describe('rule: an organisation’s people (scoped by organisation)', () => {
  async function world() {
    const t = createTestApp();
    const a = createOrg(t.db, { name: 'Org A' });
    const b = createOrg(t.db, { name: 'Org B' });
    const bram = await createUser(t.db, { orgId: a.id, roles: ['facilitator', 'host'], name: 'Bram' });
    const anna = await createUser(t.db, { orgId: a.id, roles: ['org_admin'], name: 'Anna' });
    const carla = await createUser(t.db, { orgId: a.id, name: 'Carla', deactivated: true });
    add(t.db, carla.id, a.id, 'org_admin');
    add(t.db, bram.id, b.id, 'member');
    add(t.db, bram.id, b.id, 'org_admin');
    const onlyB = await createUser(t.db, { orgId: b.id, roles: ['expert'], name: 'Aad' });
    return { ...t, a, b, bram, anna, carla, onlyB };
  }

  it('the member list: only this organisation’s people, by name, with their roles here in ORG_ROLES order, and who is deactivated', async () => {
    const w = await world();
    expect(listOrgMembers(w.db, w.a.id).map(({ name, deactivated, roles }) => ({ name, deactivated, roles }))).toEqual([
      { name: 'Anna', deactivated: false, roles: ['member', 'org_admin'] },
      { name: 'Bram', deactivated: false, roles: ['member', 'host', 'facilitator'] },
      { name: 'Carla', deactivated: true, roles: ['member', 'org_admin'] },
    ]);
    expect(listOrgMembers(w.db, w.b.id).map(({ name, roles }) => ({ name, roles }))).toEqual([
      { name: 'Aad', roles: ['member', 'expert'] },
      { name: 'Bram', roles: ['member', 'org_admin'] },
    ]);
  });

  it('roles in an organisation: only that organisation’s', async () => {
    const w = await world();
    expect(userRolesInOrg(w.db, w.a.id, w.bram.id).sort()).toEqual(['facilitator', 'host', 'member']);
    expect(userRolesInOrg(w.db, w.b.id, w.bram.id).sort()).toEqual(['member', 'org_admin']);
    expect(userRolesInOrg(w.db, w.a.id, w.onlyB.id)).toEqual([]);
  });

  it('org admins: only the active ones of this organisation count', async () => {
    const w = await world();
    expect(countOrgAdmins(w.db, w.a.id)).toBe(1);
    expect(countOrgAdmins(w.db, w.b.id)).toBe(1);
    expect(countOrgAdmins(w.db, createOrg(w.db).id)).toBe(0);
  });

  it('setting roles: replaces them in this organisation only, always keeps member, and takes a role given twice once', async () => {
    const w = await world();
    setRoles(w.db, w.a.id, w.bram.id, ['expert', 'member', 'expert']);
    expect(listMemberships(w.db, w.bram.id)).toEqual([
      { orgId: w.a.id, orgName: 'Org A', roles: ['member', 'expert'] },
      { orgId: w.b.id, orgName: 'Org B', roles: ['member', 'org_admin'] },
    ]);
    setRoles(w.db, w.a.id, w.bram.id, []);
    expect(userRolesInOrg(w.db, w.a.id, w.bram.id)).toEqual(['member']);
  });
});

describe('rule: organisations and open invitations', () => {
  it('the network’s organisations by name, each counting its people once (a person with several roles is one)', async () => {
    const { db } = createTestApp();
    const z = createOrg(db, { name: 'Zuid', kind: 'ggd', town: 'Ede' });
    const n = createOrg(db, { name: 'Noord', kind: 'cjg', town: 'Epe' });
    await createUser(db, { orgId: z.id, roles: ['org_admin', 'host'] });
    await createUser(db, { orgId: z.id });
    expect(listOrganisations(db)).toEqual([
      { id: n.id, name: 'Noord', kind: 'cjg', town: 'Epe', memberCount: 0 },
      { id: z.id, name: 'Zuid', kind: 'ggd', town: 'Ede', memberCount: 2 },
    ]);
  });

  it('an organisation is found by its name in any case, and nothing by another name', () => {
    const { db } = createTestApp();
    const o = createOrg(db, { name: 'Lokalis Utrecht' });
    expect(findOrganisationByName(db, 'LOKALIS utrecht')).toEqual({ id: o.id });
    expect(findOrganisationByName(db, 'Lokalis')).toBeUndefined();
  });

  it('open invitations: this organisation’s, not accepted, until the instant they expire; the soonest to expire first', async () => {
    const { db, clock } = createTestApp();
    const a = createOrg(db);
    const b = createOrg(db);
    const admin = await createUser(db, { orgId: a.id, roles: ['org_admin'] });
    const invite = (orgId: number, email: string) =>
      inviteToOrganisation(db, { orgId, email, role: 'member', invitedBy: admin.id, inviterName: 'A', baseUrl: 'http://localhost:3000' }, clock.now());
    const start = clock.now().getTime();
    invite(a.id, 'eerste@example.test');
    clock.advance(60_000);
    invite(a.id, 'tweede@example.test');
    invite(a.id, 'aangenomen@example.test');
    invite(b.id, 'elders@example.test');
    db.$client.prepare("update invitations set accepted_at = ? where email = 'aangenomen@example.test'").run(clock.now().getTime());
    const open = (at: number) => listOpenInvitations(db, a.id, new Date(at)).map((i) => i.email);
    expect(open(start)).toEqual(['eerste@example.test', 'tweede@example.test']);
    expect(open(start + INVITATION_TTL_MS - 1)).toEqual(['eerste@example.test', 'tweede@example.test']);
    expect(open(start + INVITATION_TTL_MS)).toEqual(['tweede@example.test']);
  });
});
