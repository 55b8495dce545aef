import { describe, expect, it } from 'vitest';
import { createOrg, createTestApp, createUser, html, loginAs, text } from '../helpers';
import { listMemberships } from '../../src/orgs/orgs';

/**
 * A refused change on the members page is said where it was asked for: in the person's row,
 * beside the form that was sent, focused, naming the person. (It used to appear in the
 * invitation form's error summary at the bottom of the page, out of sight.)
 */
async function world() {
  const t = createTestApp();
  const org = createOrg(t.db, { name: 'Lokalis Utrecht' });
  const admin = await createUser(t.db, { orgId: org.id, roles: ['org_admin'], name: 'Joost Bakker', email: 'joost@example.test' });
  const colleague = await createUser(t.db, { orgId: org.id, roles: ['host'], name: 'Yasmina Bouzid', email: 'yasmina@example.test' });
  const networkAdmin = await createUser(t.db, { orgId: org.id, networkAdmin: true, name: 'Sanne de Vries', email: 'sanne@example.test' });
  const client = await loginAs(t.app, admin.email);
  return { ...t, org, admin, colleague, networkAdmin, client };
}

async function refusalIn(res: Response, email: string) {
  const doc = await html(res);
  const rows = [...doc.querySelectorAll('tbody tr')];
  const row = rows.find((r) => text(r).includes(email))!;
  const alerts = doc.querySelectorAll('[role="alert"]');
  return { doc, row, alerts, notice: row.querySelector('#member-refusal') };
}

describe('members page: a refused change is said in the person’s row', () => {
  it('the last admin removing their own admin role: the reason beside their roles, focused; roles unchanged; the invitation form shows no error', async () => {
    const { db, org, admin, client } = await world();
    const res = await client.post(`/org/${org.id}/members/${admin.id}/roles`, { roles: [] });
    expect(res.status).toBe(409);
    const { doc, row, alerts, notice } = await refusalIn(res, 'joost@example.test');
    expect(alerts).toHaveLength(1);
    expect(notice).not.toBeNull();
    expect(text(notice)).toBe('De rollen van Joost Bakker zijn niet gewijzigd. Een organisatie houdt altijd minstens één beheerder.');
    expect(notice!.getAttribute('role')).toBe('alert');
    expect(notice!.hasAttribute('autofocus')).toBe(true);
    // Beside the roles form of that row, not in the status cell.
    expect(notice!.nextElementSibling?.getAttribute('action')).toBe(`/org/${org.id}/members/${admin.id}/roles`);
    expect(row.querySelector('input[value="org_admin"]')!.hasAttribute('checked')).toBe(true);
    expect(doc.querySelector('.error-summary')).toBeNull();
    expect(listMemberships(db, admin.id)[0]!.roles).toEqual(['member', 'org_admin']);
  });

  it('an org admin deactivating a network admin: the reason in that person’s status cell; the account stays active', async () => {
    const { db, org, networkAdmin, client } = await world();
    const res = await client.post(`/org/${org.id}/members/${networkAdmin.id}/deactivate`);
    expect(res.status).toBe(403);
    const { row, alerts, notice } = await refusalIn(res, 'sanne@example.test');
    expect(alerts).toHaveLength(1);
    expect(text(notice)).toBe(
      'Het account van Sanne de Vries is niet gewijzigd. Alleen een netwerkbeheerder kan het account of de rollen van een netwerkbeheerder wijzigen.',
    );
    expect(notice!.closest('td')).toBe(row.querySelectorAll('td')[3]);
    expect(db.$client.prepare('select deactivated_at from users where id = ?').pluck().get(networkAdmin.id)).toBeNull();
  });

  it('an org admin changing a network admin’s roles: the reason beside that person’s roles', async () => {
    const { db, org, networkAdmin, client } = await world();
    const res = await client.post(`/org/${org.id}/members/${networkAdmin.id}/roles`, { roles: ['host'] });
    expect(res.status).toBe(403);
    const { notice } = await refusalIn(res, 'sanne@example.test');
    expect(text(notice)).toMatch(/^De rollen van Sanne de Vries zijn niet gewijzigd\. Alleen een netwerkbeheerder/);
    expect(listMemberships(db, networkAdmin.id)[0]!.roles).toEqual(['member']);
  });

  it('an unknown role: the reason beside that person’s roles, nothing saved', async () => {
    const { db, org, colleague, client } = await world();
    const res = await client.post(`/org/${org.id}/members/${colleague.id}/roles`, { roles: ['superuser'] });
    expect(res.status).toBe(422);
    const { notice, alerts } = await refusalIn(res, 'yasmina@example.test');
    expect(alerts).toHaveLength(1);
    expect(text(notice)).toMatch(/^De rollen van Yasmina Bouzid zijn niet gewijzigd\. /);
    expect(listMemberships(db, colleague.id)[0]!.roles).toEqual(['member', 'host']);
  });

  it('an invitation error still shows in the invitation form, and in no row', async () => {
    const { org, client } = await world();
    const res = await client.post(`/org/${org.id}/invitations`, { email: 'yasmina@example.test', role: 'member' });
    expect(res.status).toBe(409);
    const doc = await html(res);
    expect(doc.querySelector('#member-refusal')).toBeNull();
    const summary = doc.querySelector('.error-summary')!;
    expect(text(summary)).toContain('Het formulier bevat fouten');
    // Focused when the page opens, so the browser scrolls down to the form that failed.
    expect(summary.getAttribute('tabindex')).toBe('-1');
    expect(summary.hasAttribute('autofocus')).toBe(true);
    expect(text(doc.querySelector('[name="email"]')?.closest('form'))).toContain('Deze persoon hoort al bij je organisatie.');
  });

  it('in English too', async () => {
    const { org, admin, client } = await world();
    await client.post('/language', { locale: 'en', next: '/' });
    const res = await client.post(`/org/${org.id}/members/${admin.id}/roles`, { roles: [] });
    const { notice } = await refusalIn(res, 'joost@example.test');
    expect(text(notice)).toBe('Joost Bakker’s roles were not changed. An organisation always keeps at least one admin.');
  });
});

describe('members page: what an org admin may do to an account', () => {
  it('someone who also works for another organisation: no deactivate or delete offered (the network admin does that), with the reason; roles still editable; a network admin is offered both', async () => {
    const { db, org, colleague, client, app } = await world();
    const other = createOrg(db, { name: 'CJG Ede' });
    db.$client.prepare("insert into memberships (user_id, org_id, role) values (?, ?, 'member')").run(colleague.id, other.id);
    const only = await createUser(db, { orgId: org.id, name: 'Ruben Mulder', email: 'ruben@example.test' });
    const rowOf = async (c: typeof client, email: string) => {
      const doc = await html(await c.get(`/org/${org.id}/members`));
      return doc.querySelectorAll('tbody tr').find((r) => text(r).includes(email))!;
    };
    const both = await rowOf(client, colleague.email);
    expect(both.querySelector(`form[action$="/members/${colleague.id}/deactivate"]`)).toBeNull();
    expect(both.querySelector(`a[href$="/members/${colleague.id}/delete"]`)).toBeNull();
    expect(text(both)).toContain('Werkt ook voor een andere organisatie');
    expect(text(both)).not.toContain('CJG Ede');
    expect(both.querySelector(`form[action$="/members/${colleague.id}/roles"]`)).not.toBeNull();
    // What the page does not offer, the rule refuses (404, as before).
    expect((await client.post(`/org/${org.id}/members/${colleague.id}/deactivate`)).status).toBe(404);
    const single = await rowOf(client, only.email);
    expect(single.querySelector(`form[action$="/members/${only.id}/deactivate"]`)).not.toBeNull();
    expect(single.querySelector(`a[href$="/members/${only.id}/delete"]`)).not.toBeNull();
    expect(text(single)).not.toContain('Werkt ook voor');
    const network = await createUser(db, { orgId: other.id, networkAdmin: true, name: 'Netwerk Beheer', email: 'netwerk@example.test' });
    const asNetwork = await rowOf(await loginAs(app, network.email), colleague.email);
    expect(asNetwork.querySelector(`form[action$="/members/${colleague.id}/deactivate"]`)).not.toBeNull();
    expect(asNetwork.querySelector(`a[href$="/members/${colleague.id}/delete"]`)).not.toBeNull();
  });
});
