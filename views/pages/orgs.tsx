import type { Dict, Locale } from '../i18n';
import { formatDateTime } from '../i18n/format';
import { ORG_KINDS, ORG_ROLES, type OrgRole } from '../../db/schema/core';
import type { OrgMember } from '../../src/orgs/orgs';
import { ErrorSummary, Field, Select, type FormState } from '../partials/form';
import { ConfirmDisclosure } from '../partials/confirm';
import { NoticeLine } from '../partials/notice';

type Invitation = { id: number; email: string; role: OrgRole; expiresAt: Date };

/** A refused change of one person's roles or account: said in their row, beside the form that was sent. */
export type MemberRefusal = { userId: string; form: 'roles' | 'account'; message: string };

/** The refusal, in the row of the person it is about, beside the form that was sent (focused: `NoticeLine`). */
function RefusalNotice(p: { refusal: MemberRefusal | null | undefined; userId: string; form: MemberRefusal['form'] }) {
  if (p.refusal?.userId !== p.userId || p.refusal.form !== p.form) return null;
  return <NoticeLine id="member-refusal" notice={{ kind: 'error', text: p.refusal.message }} />;
}

export function MembersPage(p: {
  t: Dict;
  locale: Locale;
  org: { id: number; name: string };
  members: OrgMember[];
  invitations: Invitation[];
  /** The invitation form's values and errors. */
  state: FormState;
  refusal?: MemberRefusal | null;
  meId: string;
  /** People who also work for an organisation this admin does not administer: their account is the network admin's to change. */
  outOfReach: Set<string>;
}) {
  const t = p.t.admin.members;
  const base = `/org/${p.org.id}`;
  return (
    <section>
      <h1>{t.title(p.org.name)}</h1>
      <p>
        <a href={`${base}/sso`}>{p.t.sso.link}</a>
      </p>
      {p.members.length === 0 ? (
        <p>{t.empty}</p>
      ) : (
        <div class="table-wrap" role="region" tabindex={0} aria-label={p.t.tableRegion}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t.name}</th>
                <th scope="col">{t.email}</th>
                <th scope="col">{t.roles}</th>
                <th scope="col">{t.status}</th>
              </tr>
            </thead>
            <tbody>
              {p.members.map((m) => (
                <tr>
                  <td>{m.name}</td>
                  <td>{m.email}</td>
                  <td>
                    <RefusalNotice refusal={p.refusal} userId={m.id} form="roles" />
                    <form method="post" action={`${base}/members/${m.id}/roles`} class="roles-form">
                      <fieldset>
                        <legend class="visually-hidden">{`${t.roles}: ${m.name}`}</legend>
                        {ORG_ROLES.filter((r) => r !== 'member').map((r) => (
                          <label>
                            <input type="checkbox" name="roles" value={r} checked={m.roles.includes(r)} /> {p.t.roles[r]}
                          </label>
                        ))}
                      </fieldset>
                      <button type="submit" class="secondary small">
                        {t.saveRoles}
                      </button>
                    </form>
                  </td>
                  <td>
                    {m.deactivated ? t.deactivated : t.active}
                    <RefusalNotice refusal={p.refusal} userId={m.id} form="account" />
                    {m.id !== p.meId && p.outOfReach.has(m.id) && <p class="small">{t.elsewhere}</p>}
                    {m.id !== p.meId && !p.outOfReach.has(m.id) && (
                      <form method="post" action={`${base}/members/${m.id}/${m.deactivated ? 'reactivate' : 'deactivate'}`}>
                        {m.deactivated ? (
                          <button type="submit" class="secondary small">
                            {p.t.admin.users.reactivate}
                          </button>
                        ) : (
                          <details>
                            <summary class="small">{p.t.admin.users.deactivate}</summary>
                            <p>{p.t.admin.users.deactivateConfirm(m.name)}</p>
                            <button type="submit" class="contrast small">
                              {p.t.admin.users.deactivate}
                            </button>
                          </details>
                        )}
                      </form>
                    )}
                    {m.id !== p.meId && !p.outOfReach.has(m.id) && (
                      <a href={`${base}/members/${m.id}/delete`} class="small">
                        {p.t.rights.adminLink}
                        <span class="visually-hidden">{`: ${m.name}`}</span>
                      </a>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <h2>{t.pending}</h2>
      {p.invitations.length === 0 ? (
        <p>{t.noPending}</p>
      ) : (
        <ul>
          {p.invitations.map((i) => (
            <li>
              {i.email} — {p.t.roles[i.role]} — {t.expires} {formatDateTime(p.locale, i.expiresAt)}
              <ConfirmDisclosure
                summary={t.revoke}
                action={`${base}/invitations/${i.id}/revoke`}
                says={t.revokeConfirm(i.email)}
                submit={t.revokeSubmit(i.email)}
              />
            </li>
          ))}
        </ul>
      )}
      <h2 id="invite">{t.invite}</h2>
      <ErrorSummary state={p.state} title={p.t.form.errorSummary} labels={{ email: t.inviteEmail, role: t.inviteRole }} />
      <form method="post" action={`${base}/invitations`} novalidate>
        <Field state={p.state} name="email" label={t.inviteEmail} type="email" required maxlength={254} autocomplete="off" />
        <Select state={p.state} name="role" label={t.inviteRole} options={ORG_ROLES.map((r) => ({ value: r, label: p.t.roles[r] }))} />
        <button type="submit">{t.inviteSubmit}</button>
      </form>
    </section>
  );
}

export function ChooseOrgPage(p: { t: Dict; orgs: { orgId: number; orgName: string }[] }) {
  return (
    <section>
      <h1>{p.t.admin.members.chooseOrg}</h1>
      <ul>
        {p.orgs.map((o) => (
          <li>
            <a href={`/org/${o.orgId}/members`}>{o.orgName}</a>
          </li>
        ))}
      </ul>
    </section>
  );
}

export function OrganisationsPage(p: {
  t: Dict;
  orgs: { id: number; name: string; kind: (typeof ORG_KINDS)[number]; town: string; memberCount: number }[];
  state: FormState;
}) {
  const t = p.t.admin.orgs;
  return (
    <section>
      <h1>{t.title}</h1>
      {p.orgs.length === 0 ? (
        <p>{t.empty}</p>
      ) : (
        <div class="table-wrap" role="region" tabindex={0} aria-label={p.t.tableRegion}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t.name}</th>
                <th scope="col">{t.kind}</th>
                <th scope="col">{t.town}</th>
                <th scope="col">{t.members}</th>
              </tr>
            </thead>
            <tbody>
              {p.orgs.map((o) => (
                <tr>
                  <td>
                    <a href={`/org/${o.id}/members`}>{o.name}</a>
                  </td>
                  <td>{p.t.orgKinds[o.kind]}</td>
                  <td>{o.town}</td>
                  <td>{o.memberCount}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <h2 id="add">{t.add}</h2>
      <ErrorSummary state={p.state} title={p.t.form.errorSummary} labels={{ ...t, adminEmail: t.firstAdminEmail }} />
      <form method="post" action="/admin/organisations" novalidate>
        <Field state={p.state} name="name" label={t.name} required maxlength={120} />
        <Select state={p.state} name="kind" label={t.kind} options={ORG_KINDS.map((k) => ({ value: k, label: p.t.orgKinds[k] }))} />
        <Field state={p.state} name="town" label={t.town} required maxlength={80} />
        <Field state={p.state} name="adminEmail" label={t.firstAdminEmail} type="email" required maxlength={254} autocomplete="off" />
        <button type="submit">{t.submit}</button>
      </form>
    </section>
  );
}
