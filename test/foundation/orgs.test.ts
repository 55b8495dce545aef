import { describe, expect, it } from 'vitest';
import { Client, countRows, createOrg, createTestApp, createUser, html, loginAs, text } from '../helpers';
import { outbox } from '../../db/schema';
import { listMemberships } from '../../src/orgs/orgs';
import { changeRoles, inviteToOrganisation, leavesNoOrgAdmin, manageRefusal, type Actor } from '../../src/orgs/people';

function lastMail(db: ReturnType<typeof createTestApp>['db']) {
  return db.select().from(outbox).orderBy(outbox.id).all().at(-1)!;
}
const linkIn = (body: string) => /http:\/\/localhost:3000(\/invite\/[A-Za-z0-9_-]+)/.exec(body)![1]!;

describe('invitations', () => {
  async function invite() {
    const t = createTestApp();
    const org = createOrg(t.db, { name: 'Lokalis Utrecht' });
    const admin = await createUser(t.db, { orgId: org.id, roles: ['org_admin'], name: 'Joost Bakker' });
    const client = await loginAs(t.app, admin.email);
    const res = await client.post(`/org/${org.id}/invitations`, { email: 'Nieuwe.Collega@Example.test', role: 'host' });
    expect(res.status).toBe(303);
    const mail = lastMail(t.db);
    return { ...t, org, admin, mail, link: linkIn(mail.body) };
  }

  it('valid: the invitee sets name and password, is logged in, and holds the invited role', async () => {
    const { app, db, org, mail, link } = await invite();
    expect(mail.toAddress).toBe('nieuwe.collega@example.test');
    expect(mail.subject).toBe('Uitnodiging voor Lokalis Utrecht op Gastplek');
    expect(mail.body).toContain('Joost Bakker');
    const guest = new Client(app);
    const form = await html(await guest.get(link));
    expect(text(form)).toContain('Je bent uitgenodigd voor Lokalis Utrecht');
    const res = await guest.post(link, { name: 'Nieuwe Collega', password: 'een goed wachtwoord', passwordConfirm: 'een goed wachtwoord' });
    expect(res.status).toBe(303);
    const home = await html(await guest.get('/'));
    expect(text(home.querySelector('h1'))).toBe('Welkom, Nieuwe Collega');
    const user = db.$client.prepare("select id from users where email = 'nieuwe.collega@example.test'").get() as { id: string };
    expect(listMemberships(db, user.id)).toEqual([{ orgId: org.id, orgName: 'Lokalis Utrecht', roles: ['member', 'host'] }]);
  });

  it('the mail names the role; inviting the same address again replaces the open invitation (the first link stops working), not a second row', async () => {
    const { app, db, org, admin, mail, link } = await invite();
    expect(mail.body).toContain('Je rol bij Lokalis Utrecht: Gastheer/-vrouw.');
    const client = await loginAs(app, admin.email);
    const again = await client.post(`/org/${org.id}/invitations`, { email: 'NIEUWE.collega@example.test', role: 'facilitator' });
    expect(again.status).toBe(303);
    const page = await html(await client.get(again.headers.get('location')!));
    expect(text(page.querySelector('[role=status]'))).toBe(
      'Nieuwe uitnodiging verstuurd naar nieuwe.collega@example.test (Begeleider intervisie). De eerdere uitnodiging aan dit adres is vervangen; die link werkt niet meer.',
    );
    expect(countRows(db, 'invitations')).toBe(1);
    const guest = new Client(app);
    expect(text(await html(await guest.get(link)))).toContain('Deze uitnodiging is ongeldig');
    const second = linkIn(lastMail(db).body);
    expect(lastMail(db).body).toContain('Je rol bij Lokalis Utrecht: Begeleider intervisie.');
    expect((await guest.post(second, { name: 'Nieuwe Collega', password: 'een goed wachtwoord', passwordConfirm: 'een goed wachtwoord' })).status).toBe(303);
    expect(text(await html(await client.get(`/org/${org.id}/members`)))).toContain('Geen openstaande uitnodigingen.');
  });

  it('an open invitation can be withdrawn after confirming: its link stops working; again, or another organisation’s, changes nothing', async () => {
    const { app, db, org, admin, link } = await invite();
    const client = await loginAs(app, admin.email);
    const page = await html(await client.get(`/org/${org.id}/members`));
    const form = page.querySelectorAll('details form').find((f) => (f.getAttribute('action') ?? '').endsWith('/revoke'))!;
    expect(text(form)).toContain('De uitnodiging aan nieuwe.collega@example.test intrekken?');
    const action = form.getAttribute('action')!;
    // An admin of another organisation: their own path finds nothing to withdraw, ours is not theirs (404).
    const other = createOrg(db, { name: 'CJG Ede' });
    const otherAdmin = await loginAs(app, (await createUser(db, { orgId: other.id, roles: ['org_admin'] })).email);
    expect((await otherAdmin.post(action)).status).toBe(404);
    const foreign = await otherAdmin.post(action.replace(`/org/${org.id}/`, `/org/${other.id}/`));
    expect(text(await html(await otherAdmin.get(foreign.headers.get('location')!)))).toContain('Deze uitnodiging staat niet meer open');
    expect(countRows(db, 'invitations')).toBe(1);
    const res = await client.post(action);
    expect(res.status).toBe(303);
    expect(text((await html(await client.get(res.headers.get('location')!))).querySelector('[role=status]'))).toBe(
      'De uitnodiging aan nieuwe.collega@example.test is ingetrokken.',
    );
    expect(countRows(db, 'invitations')).toBe(0);
    expect(text(await html(await new Client(app).get(link)))).toContain('Deze uitnodiging is ongeldig');
    const twice = await client.post(action);
    expect(text((await html(await client.get(twice.headers.get('location')!))).querySelector('[role=status]'))).toContain('staat niet meer open');
  });

  it('reused: a second use of the link is refused', async () => {
    const { app, db, link } = await invite();
    await new Client(app).post(link, { name: 'Eerste', password: 'een goed wachtwoord', passwordConfirm: 'een goed wachtwoord' });
    const again = new Client(app);
    expect((await again.get(link)).status).toBe(404);
    const res = await again.post(link, { name: 'Tweede', password: 'een goed wachtwoord', passwordConfirm: 'een goed wachtwoord' });
    expect(res.status).toBe(404);
    expect(countRows(db, 'users')).toBe(2);
  });

  it('expired: after 7 days the link is refused and no account is made', async () => {
    const { app, db, clock, link } = await invite();
    clock.advance(7 * 24 * 3600 * 1000 + 1000);
    const res = await new Client(app).post(link, { name: 'Te Laat', password: 'een goed wachtwoord', passwordConfirm: 'een goed wachtwoord' });
    expect(res.status).toBe(404);
    expect(text(await html(res))).toContain('Deze uitnodiging is ongeldig, verlopen of al gebruikt.');
    expect(countRows(db, 'users')).toBe(1);
  });

  it('bad input keeps the link usable', async () => {
    const { app, db, link } = await invite();
    const guest = new Client(app);
    const res = await guest.post(link, { name: '', password: 'kort', passwordConfirm: 'kort' });
    expect(res.status).toBe(422);
    const doc = await html(res);
    expect(text(doc)).toContain('Kies een wachtwoord van minstens 10 tekens.');
    expect(countRows(db, 'users')).toBe(1);
    expect((await guest.post(link, { name: 'Toch', password: 'een goed wachtwoord', passwordConfirm: 'een goed wachtwoord' })).status).toBe(303);
  });

  it('an existing account accepts after logging in and keeps its other organisations', async () => {
    const t = createTestApp();
    const a = createOrg(t.db, { name: 'Org A' });
    const b = createOrg(t.db, { name: 'Org B' });
    const admin = await createUser(t.db, { orgId: b.id, roles: ['org_admin'] });
    const existing = await createUser(t.db, { orgId: a.id, email: 'bestaand@example.test' });
    await (await loginAs(t.app, admin.email)).post(`/org/${b.id}/invitations`, { email: existing.email, role: 'facilitator' });
    const link = linkIn(lastMail(t.db).body);
    const me = await loginAs(t.app, existing.email);
    expect((await me.post(link)).status).toBe(303);
    expect(listMemberships(t.db, existing.id).map((m) => [m.orgName, m.roles])).toEqual([
      ['Org A', ['member']],
      ['Org B', ['member', 'facilitator']],
    ]);
  });
});

describe('role guards', () => {
  async function twoOrgs() {
    const t = createTestApp();
    const a = createOrg(t.db, { name: 'Org A' });
    const b = createOrg(t.db, { name: 'Org B' });
    const adminA = await createUser(t.db, { orgId: a.id, roles: ['org_admin'] });
    const adminB = await createUser(t.db, { orgId: b.id, roles: ['org_admin'] });
    const memberB = await createUser(t.db, { orgId: b.id });
    return { ...t, a, b, adminA, adminB, memberB };
  }

  it('a member cannot open org-admin pages', async () => {
    const { app, b, memberB } = await twoOrgs();
    const client = await loginAs(app, memberB.email);
    expect((await client.get(`/org/${b.id}/members`)).status).toBe(404);
    expect((await client.get('/org/members')).status).toBe(404);
    expect((await client.post(`/org/${b.id}/invitations`, { email: 'x@example.test', role: 'member' })).status).toBe(404);
    expect((await client.get('/admin/organisations')).status).toBe(403);
  });

  it('an org admin of A cannot invite into B, change B’s roles or deactivate B’s people', async () => {
    const { app, db, b, adminA, memberB } = await twoOrgs();
    const client = await loginAs(app, adminA.email);
    expect((await client.get(`/org/${b.id}/members`)).status).toBe(404);
    expect((await client.post(`/org/${b.id}/invitations`, { email: 'x@example.test', role: 'org_admin' })).status).toBe(404);
    expect((await client.post(`/org/${b.id}/members/${memberB.id}/roles`, { roles: ['org_admin'] })).status).toBe(404);
    expect((await client.post(`/org/${b.id}/members/${memberB.id}/deactivate`)).status).toBe(404);
    expect(countRows(db, 'invitations')).toBe(0);
    expect(listMemberships(db, memberB.id)[0]!.roles).toEqual(['member']);
    expect(countRows(db, 'users where deactivated_at is not null')).toBe(0);
  });

  it('an org admin of A cannot reach B’s people through A’s path either', async () => {
    const { app, db, a, adminA, memberB } = await twoOrgs();
    const client = await loginAs(app, adminA.email);
    expect((await client.post(`/org/${a.id}/members/${memberB.id}/roles`, { roles: ['host'] })).status).toBe(404);
    expect((await client.post(`/org/${a.id}/members/${memberB.id}/deactivate`)).status).toBe(404);
    expect(listMemberships(db, memberB.id)[0]!.roles).toEqual(['member']);
  });

  it('an org admin grants roles in their own organisation; the last admin cannot be removed', async () => {
    const { app, db, b, adminB, memberB } = await twoOrgs();
    const client = await loginAs(app, adminB.email);
    expect((await client.post(`/org/${b.id}/members/${memberB.id}/roles`, { roles: ['host', 'facilitator'] })).status).toBe(303);
    expect(listMemberships(db, memberB.id)[0]!.roles).toEqual(['member', 'host', 'facilitator']);
    const res = await client.post(`/org/${b.id}/members/${adminB.id}/roles`, { roles: [] });
    expect(res.status).toBe(409);
    expect(text(await html(res))).toContain('Een organisatie houdt altijd minstens één beheerder.');
    const bogus = await client.post(`/org/${b.id}/members/${memberB.id}/roles`, { roles: ['superuser'] });
    expect(bogus.status).toBe(422);
  });

  it('an org admin cannot deactivate someone who also works for another organisation', async () => {
    const { app, db, a, b, adminB } = await twoOrgs();
    const shared = await createUser(db, { orgId: b.id });
    db.$client.prepare("insert into memberships (user_id, org_id, role) values (?, ?, 'member')").run(shared.id, a.id);
    const client = await loginAs(app, adminB.email);
    expect((await client.post(`/org/${b.id}/members/${shared.id}/deactivate`)).status).toBe(404);
    expect(countRows(db, 'users where deactivated_at is not null')).toBe(0);
  });
});

describe('network admin', () => {
  it('adds an organisation and invites its first org admin in one go', async () => {
    const { app, db } = createTestApp();
    const admin = await createUser(db, { networkAdmin: true, name: 'Ellen Visser' });
    const client = await loginAs(app, admin.email);
    const res = await client.post('/admin/organisations', { name: 'WIJeindhoven', kind: 'wijkteam', town: 'Eindhoven', adminEmail: 'coordinator@wij.example' });
    expect(res.status).toBe(303);
    const list = await html(await client.get('/admin/organisations'));
    expect(text(list)).toContain('WIJeindhoven');
    expect(text(list)).toContain('Wijkteam');
    const mail = lastMail(db);
    expect(mail.toAddress).toBe('coordinator@wij.example');
    const guest = new Client(app);
    await guest.post(linkIn(mail.body), { name: 'Coördinator', password: 'een goed wachtwoord', passwordConfirm: 'een goed wachtwoord' });
    const home = await html(await guest.get('/'));
    expect(text(home)).toContain('Beheerder organisatie');
  });

  it('refuses a duplicate organisation name and writes nothing', async () => {
    const { app, db } = createTestApp();
    createOrg(db, { name: 'CJG Ede' });
    const admin = await createUser(db, { networkAdmin: true });
    const client = await loginAs(app, admin.email);
    const res = await client.post('/admin/organisations', { name: 'cjg ede', kind: 'cjg', town: 'Ede', adminEmail: 'x@example.test' });
    expect(res.status).toBe(409);
    expect(text(await html(res))).toContain('Er bestaat al een organisatie met deze naam.');
    expect(countRows(db, 'invitations')).toBe(0);
  });
});

describe('rule: who may change a person (src/orgs/people.ts), by named scenarios', () => {
  async function world() {
    const t = createTestApp();
    const a = createOrg(t.db, { name: 'Org A' });
    const b = createOrg(t.db, { name: 'Org B' });
    const adminA = await createUser(t.db, { orgId: a.id, roles: ['org_admin'] });
    const memberA = await createUser(t.db, { orgId: a.id });
    const netAdmin = await createUser(t.db, { orgId: a.id, networkAdmin: true });
    const inBoth = await createUser(t.db, { orgId: a.id });
    t.db.$client.prepare("insert into memberships (user_id, org_id, role) values (?, ?, 'member')").run(inBoth.id, b.id);
    const asAdminA: Actor = { id: adminA.id, isNetworkAdmin: false, adminOrgIds: [a.id] };
    const asNetAdmin: Actor = { id: netAdmin.id, isNetworkAdmin: true, adminOrgIds: [] };
    return { ...t, a, b, adminA, memberA, netAdmin, inBoth, asAdminA, asNetAdmin };
  }

  it.each([
    ['org admin deactivates a member of their organisation → allowed', (w: W) => manageRefusal(w.db, w.asAdminA, w.a.id, w.memberA.id, 'deactivate'), null],
    [
      'org admin deactivates someone who also works for B → other-orgs',
      (w: W) => manageRefusal(w.db, w.asAdminA, w.a.id, w.inBoth.id, 'deactivate'),
      'other-orgs',
    ],
    ['org admin changes roles in A of someone who also works for B → allowed', (w: W) => manageRefusal(w.db, w.asAdminA, w.a.id, w.inBoth.id, 'roles'), null],
    [
      'org admin deactivates a network admin of A → network-admin',
      (w: W) => manageRefusal(w.db, w.asAdminA, w.a.id, w.netAdmin.id, 'deactivate'),
      'network-admin',
    ],
    ['org admin reactivates a network admin → network-admin', (w: W) => manageRefusal(w.db, w.asAdminA, w.a.id, w.netAdmin.id, 'reactivate'), 'network-admin'],
    ['org admin changes a network admin’s roles → network-admin', (w: W) => manageRefusal(w.db, w.asAdminA, w.a.id, w.netAdmin.id, 'roles'), 'network-admin'],
    ['org admin of A acts in B → not-found', (w: W) => manageRefusal(w.db, w.asAdminA, w.b.id, w.inBoth.id, 'roles'), 'not-found'],
    ['someone who is not in the organisation → not-found', (w: W) => manageRefusal(w.db, w.asNetAdmin, w.b.id, w.memberA.id, 'deactivate'), 'not-found'],
    ['org admin deactivates themselves → self', (w: W) => manageRefusal(w.db, w.asAdminA, w.a.id, w.adminA.id, 'deactivate'), 'self'],
    ['network admin deactivates someone in two organisations → allowed', (w: W) => manageRefusal(w.db, w.asNetAdmin, w.a.id, w.inBoth.id, 'deactivate'), null],
    [
      'network admin deactivates the only network admin (another actor id) → last-network-admin',
      (w: W) => manageRefusal(w.db, { ...w.asNetAdmin, id: 'someone-else' }, w.a.id, w.netAdmin.id, 'deactivate'),
      'last-network-admin',
    ],
  ] as const)('%s', async (_name, run, expected) => {
    const w = await world();
    expect(run(w)).toBe(expected);
  });

  it('last admin: removing the only active org admin’s role is refused; with a second admin it is allowed', async () => {
    const w = await world();
    expect(leavesNoOrgAdmin(w.db, w.a.id, w.adminA.id, ['member'])).toBe(true);
    expect(leavesNoOrgAdmin(w.db, w.a.id, w.adminA.id, ['member', 'org_admin'])).toBe(false);
    expect(leavesNoOrgAdmin(w.db, w.a.id, w.memberA.id, ['member'])).toBe(false);
    expect(changeRoles(w.db, w.asAdminA, w.a.id, w.adminA.id, [])).toEqual({ ok: false, reason: 'last-org-admin' });
    expect(changeRoles(w.db, w.asAdminA, w.a.id, w.memberA.id, ['org_admin'])).toEqual({ ok: true });
    expect(changeRoles(w.db, w.asAdminA, w.a.id, w.adminA.id, [])).toEqual({ ok: true });
    expect(listMemberships(w.db, w.adminA.id)[0]!.roles).toEqual(['member']);
  });

  it('last admin: a deactivated second admin does not count', async () => {
    const w = await world();
    const other = await createUser(w.db, { orgId: w.a.id, roles: ['org_admin'], deactivated: true });
    expect(other.id).toBeTruthy();
    expect(leavesNoOrgAdmin(w.db, w.a.id, w.adminA.id, [])).toBe(true);
  });

  it('invitation: an existing member is refused in the same transaction, nobody is invited twice over a member', async () => {
    const w = await world();
    const input = {
      orgId: w.a.id,
      email: w.memberA.email.toUpperCase(),
      role: 'host' as const,
      invitedBy: w.adminA.id,
      inviterName: 'A',
      baseUrl: 'http://localhost:3000',
    };
    expect(inviteToOrganisation(w.db, input, w.clock.now())).toEqual({ ok: false, reason: 'already-member' });
    expect(countRows(w.db, 'invitations')).toBe(0);
    const ok = inviteToOrganisation(w.db, { ...input, email: 'nieuw@example.test' }, w.clock.now());
    expect(ok.ok).toBe(true);
    expect(countRows(w.db, 'invitations')).toBe(1);
    expect(countRows(w.db, 'outbox')).toBe(1);
  });
});

type W = Awaited<ReturnType<typeof createTestApp>> & {
  a: { id: number };
  b: { id: number };
  adminA: { id: string };
  memberA: { id: string };
  netAdmin: { id: string };
  inBoth: { id: string };
  asAdminA: Actor;
  asNetAdmin: Actor;
};
