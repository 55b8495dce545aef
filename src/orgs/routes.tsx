import { Hono } from 'hono';
import { z } from 'zod';
import { ORG_KINDS, ORG_ROLES } from '../../db/schema';
import { fields, parseId, readForm } from '../lib/forms';
import { notFound, page, redirectWithFlash, type Ctx } from '../lib/render';
import { logRead } from '../privacy/context';
import type { AppEnv } from '../types';
import { ChooseOrgPage, type MemberRefusal, MembersPage, OrganisationsPage } from '../../views/pages/orgs';
import { requireNetworkAdmin, requireUser } from '../auth/middleware';
import { adminOrg } from './context';
import { listOpenInvitations, listOrganisations, listOrgMembers, orgIdsWithRole, orgsWithRole } from './orgs';
import {
  accountsOutOfReach,
  addOrganisation,
  changeRoles,
  inviteToOrganisation,
  revokeInvitation,
  setAccountActive,
  type Actor,
  type PersonRefusal,
} from './people';
import type { FormState } from '../../views/partials/form';
import { deleteAccount, deletionPreview, type Deleter } from '../privacy/deletion';
import { DeleteAccountPage } from '../../views/pages/privacy/delete-account';

export const orgRoutes = new Hono<AppEnv>();

/** The organisation in the path, when the user administers it (or is a network admin); else null → 404. */

/**
 * The member list. `state`: the invitation form's values and errors; `refusal`: a refused change
 * of one person's roles or account, said in that person's row (where the button was pressed);
 * `opened`: a GET that shows it, logged as a reading of the members' data.
 */
function membersPage(
  c: Ctx,
  org: { id: number; name: string },
  {
    state = {},
    refusal = null,
    status = 200,
    opened = false,
  }: { state?: FormState; refusal?: MemberRefusal | null; status?: 200 | 403 | 409 | 422; opened?: boolean } = {},
) {
  const { db } = c.get('deps');
  const members = listOrgMembers(db, org.id);
  if (opened) logRead(c, { action: 'member_list', orgId: org.id, object: `org:${org.id}`, subjectIds: members.map((m) => m.id) });
  return page(
    c,
    c.get('t').admin.members.title(org.name),
    <MembersPage
      t={c.get('t')}
      locale={c.get('locale')}
      org={org}
      members={members}
      invitations={listOpenInvitations(db, org.id, c.get('deps').now())}
      state={state}
      refusal={refusal}
      meId={c.get('user')!.id}
      outOfReach={accountsOutOfReach(db, actorOf(c), org.id)}
    />,
    status,
  );
}

orgRoutes.use('/org/*', requireUser);
orgRoutes.use('/admin/*', requireNetworkAdmin);

orgRoutes.get('/org/members', (c) => {
  const orgs = orgsWithRole(c.get('memberships'), 'org_admin');
  if (orgs.length === 1) return c.redirect(`/org/${orgs[0]!.orgId}/members`, 303);
  if (orgs.length === 0) return notFound(c);
  return page(c, c.get('t').admin.members.chooseOrg, <ChooseOrgPage t={c.get('t')} orgs={orgs} />);
});

orgRoutes.get('/org/:orgId/members', (c) => {
  const org = adminOrg(c);
  if (!org) return notFound(c);
  return membersPage(c, org, { opened: true });
});

const inviteSchema = (c: Ctx) => z.object({ email: fields.email(c.get('t')), role: z.enum(ORG_ROLES, { error: c.get('t').errors.invalidChoice }) });

orgRoutes.post('/org/:orgId/invitations', async (c) => {
  const org = adminOrg(c);
  if (!org) return notFound(c);
  const form = await readForm(c, inviteSchema(c));
  if (!form.ok) return membersPage(c, org, { state: form, status: 422 });
  const { db, now } = c.get('deps');
  const user = c.get('user')!;
  const invited = inviteToOrganisation(
    db,
    { orgId: org.id, email: form.data.email, role: form.data.role, invitedBy: user.id, inviterName: user.name, baseUrl: c.get('config').baseUrl },
    now(),
  );
  if (!invited.ok) return membersPage(c, org, { state: { values: form.values, errors: { email: c.get('t').admin.members.alreadyMember } }, status: 409 });
  const t = c.get('t').admin.members;
  return redirectWithFlash(
    c,
    `/org/${org.id}/members`,
    invited.replaced ? t.invitedAgain(form.data.email, c.get('t').roles[form.data.role]) : t.invited(form.data.email),
  );
});

orgRoutes.post('/org/:orgId/invitations/:id/revoke', (c) => {
  const org = adminOrg(c);
  const id = parseId(c.req.param('id'));
  if (!org || !id) return notFound(c);
  const revoked = revokeInvitation(c.get('deps').db, org.id, id, c.get('deps').now());
  const t = c.get('t').admin.members;
  // Used or withdrawn meanwhile (a second click, another admin): the outcome asked for, said as such.
  return redirectWithFlash(c, `/org/${org.id}/members#invite`, revoked ? t.revoked(revoked.email) : t.revokedAlready);
});

const rolesSchema = z.object({
  roles: z
    .union([z.string(), z.array(z.string())])
    .optional()
    .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]))
    .pipe(z.array(z.enum(ORG_ROLES))),
});

const actorOf = (c: Ctx): Actor => ({
  id: c.get('user')!.id,
  isNetworkAdmin: c.get('user')!.isNetworkAdmin,
  adminOrgIds: orgIdsWithRole(c.get('memberships'), 'org_admin'),
});

/**
 * A refused change as the members page, the reason said in the person's row beside the form that
 * was sent (`form`); someone the actor may not see is a plain 404.
 */
function refused(c: Ctx, org: { id: number; name: string }, target: { id: string; name: string }, form: MemberRefusal['form'], reason: PersonRefusal) {
  const t = c.get('t').admin;
  const say = (message: string, status: 403 | 409 | 422) =>
    membersPage(c, org, {
      refusal: {
        userId: target.id,
        form,
        message: `${form === 'roles' ? t.members.rolesNotChanged(target.name) : t.users.accountNotChanged(target.name)} ${message}`,
      },
      status,
    });
  switch (reason) {
    case 'not-found':
    case 'other-orgs':
      return notFound(c);
    case 'self':
      return say(t.users.self, 409);
    case 'network-admin':
      return say(t.users.networkAdminOnly, 403);
    case 'last-org-admin':
      return say(t.members.lastAdmin, 409);
    case 'last-network-admin':
      return say(t.users.lastNetworkAdmin, 409);
  }
}

orgRoutes.post('/org/:orgId/members/:userId/roles', async (c) => {
  const org = adminOrg(c);
  if (!org) return notFound(c);
  const form = await readForm(c, rolesSchema);
  const { db } = c.get('deps');
  const userId = c.req.param('userId');
  const target = listOrgMembers(db, org.id).find((m) => m.id === userId);
  if (!target) return notFound(c);
  if (!form.ok)
    return membersPage(c, org, {
      refusal: { userId, form: 'roles', message: `${c.get('t').admin.members.rolesNotChanged(target.name)} ${c.get('t').errors.invalidChoice}` },
      status: 422,
    });
  const result = changeRoles(db, actorOf(c), org.id, userId, form.data.roles);
  if (!result.ok) return refused(c, org, target, 'roles', result.reason);
  return redirectWithFlash(c, `/org/${org.id}/members`, c.get('t').admin.members.rolesSaved(target.name));
});

/** Deactivation locks a person out of the whole platform; who may do it is the rule in src/orgs/people.ts. */
orgRoutes.post('/org/:orgId/members/:userId/:action{deactivate|reactivate}', async (c) => {
  const org = adminOrg(c);
  if (!org) return notFound(c);
  const { db, now } = c.get('deps');
  const userId = c.req.param('userId');
  const target = listOrgMembers(db, org.id).find((m) => m.id === userId);
  if (!target) return notFound(c);
  const deactivate = c.req.param('action') === 'deactivate';
  const result = setAccountActive(db, actorOf(c), org.id, userId, !deactivate, now());
  if (!result.ok) return refused(c, org, target, 'account', result.reason);
  const t = c.get('t').admin.users;
  return redirectWithFlash(c, `/org/${org.id}/members`, deactivate ? t.deactivated(target.name) : t.reactivated(target.name));
});

/**
 * Deleting the account of someone who left (issue #13): the same preview and transaction as the
 * person's own deletion; who may do it is the deactivation rule (src/orgs/people.ts).
 */
function memberToDelete(c: Ctx) {
  const org = adminOrg(c);
  if (!org) return null;
  const target = listOrgMembers(c.get('deps').db, org.id).find((m) => m.id === c.req.param('userId'));
  if (!target || target.id === c.get('user')!.id) return null;
  const by: Deleter = { self: false, actor: actorOf(c), orgId: org.id, name: c.get('user')!.name };
  return { org, target, by };
}

function deleteMemberPage(c: Ctx, m: NonNullable<ReturnType<typeof memberToDelete>>, state: FormState = {}, status: 200 | 409 | 422 = 200) {
  const t = c.get('t').rights;
  const base = `/org/${m.org.id}/members`;
  const preview = deletionPreview(c.get('deps').db, m.target.id, m.by, c.get('deps').now());
  if (preview.refusal === 'not-found') return notFound(c);
  return page(
    c,
    t.deleteTitleFor(m.target.name),
    <DeleteAccountPage
      t={c.get('t')}
      title={t.deleteTitleFor(m.target.name)}
      preview={preview}
      self={false}
      action={`${base}/${m.target.id}/delete`}
      back={base}
      state={state}
    />,
    status,
  );
}

orgRoutes.get('/org/:orgId/members/:userId/delete', (c) => {
  const m = memberToDelete(c);
  if (!m) return notFound(c);
  // The preview shows what is kept of the person (bookings, meetings): an inspection of their data (ADR 014).
  logRead(c, { action: 'member_details', orgId: m.org.id, object: `user:${m.target.id}`, subjectIds: [m.target.id] });
  return deleteMemberPage(c, m);
});

orgRoutes.post('/org/:orgId/members/:userId/delete', async (c) => {
  const m = memberToDelete(c);
  if (!m) return notFound(c);
  const form = await readForm(c, z.object({ understand: z.string().optional() }));
  if (form.values.understand !== 'yes') return deleteMemberPage(c, m, { errors: { understand: c.get('t').rights.mustConfirm } }, 422);
  const r = deleteAccount(c.get('deps').db, m.target.id, m.by, c.get('deps').now(), c.get('config').baseUrl);
  if (!r.ok) return r.reason === 'not-found' ? notFound(c) : deleteMemberPage(c, m, {}, 409);
  return redirectWithFlash(c, `/org/${m.org.id}/members`, c.get('t').rights.doneFor(m.target.name));
});

orgRoutes.get('/admin/organisations', (c) =>
  page(c, c.get('t').admin.orgs.title, <OrganisationsPage t={c.get('t')} orgs={listOrganisations(c.get('deps').db)} state={{}} />),
);

const orgSchema = (c: Ctx) =>
  z.object({
    name: fields.text(c.get('t'), 120),
    kind: z.enum(ORG_KINDS, { error: c.get('t').errors.invalidChoice }),
    town: fields.text(c.get('t'), 80),
    adminEmail: fields.email(c.get('t')),
  });

orgRoutes.post('/admin/organisations', async (c) => {
  const { db, now } = c.get('deps');
  const t = c.get('t');
  const form = await readForm(c, orgSchema(c));
  const again = (state: FormState, status: 409 | 422) =>
    page(c, t.admin.orgs.title, <OrganisationsPage t={t} orgs={listOrganisations(db)} state={state} />, status);
  if (!form.ok) return again(form, 422);
  const { name, kind, town, adminEmail } = form.data;
  const created = addOrganisation(
    db,
    { name, kind, town, adminEmail, invitedBy: c.get('user')!.id, inviterName: c.get('user')!.name, baseUrl: c.get('config').baseUrl },
    now(),
  );
  if (!created.ok) return again({ values: form.values, errors: { name: t.admin.orgs.duplicate } }, 409);
  return redirectWithFlash(c, '/admin/organisations', t.admin.orgs.created(name));
});
