import { describe, expect, it } from 'vitest';
import { countRows, createOrg, createTestApp, createUser, loginAs, ORIGIN } from '../helpers';

/**
 * The CSRF rule's edges (ADR 003; survivors of security.ts in docs/quality.md): only our own
 * Origin is accepted (`null` only when the browser vouches with Sec-Fetch-Site: same-origin), and
 * only a body whose content type _is_ a form type, not one that mentions it somewhere.
 */
async function setup() {
  const t = createTestApp();
  const org = createOrg(t.db);
  const admin = await createUser(t.db, { orgId: org.id, roles: ['org_admin'] });
  const client = await loginAs(t.app, admin.email);
  const path = `/org/${org.id}/invitations`;
  const post = (headers: Record<string, string>) =>
    client.request(path, { method: 'POST', headers, body: new URLSearchParams({ email: 'nieuw@example.test', role: 'member' }).toString() });
  return { ...t, post };
}

describe('CSRF: the Origin must be ours', () => {
  it('CSRF origin: Sec-Fetch-Site: same-origin does not excuse a foreign or missing Origin (only Origin: null)', async () => {
    const t = await setup();
    const form = 'application/x-www-form-urlencoded';
    expect((await t.post({ origin: 'https://evil.example', 'sec-fetch-site': 'same-origin', 'content-type': form })).status).toBe(403);
    expect((await t.post({ 'sec-fetch-site': 'same-origin', 'content-type': form })).status).toBe(403);
    expect(countRows(t.db, 'invitations')).toBe(0);
    expect((await t.post({ origin: 'null', 'sec-fetch-site': 'same-origin', 'content-type': form })).status).toBe(303);
    expect(countRows(t.db, 'invitations')).toBe(1);
  });
});

describe('CSRF: only form bodies', () => {
  it('form type: a content type that only mentions a form type (in a parameter, or as a longer name) is refused with 415', async () => {
    const t = await setup();
    for (const type of [
      'text/plain; charset=application/x-www-form-urlencoded',
      'text/plain;multipart/form-data',
      'application/x-www-form-urlencodedx',
      'multipart/form-data-json; boundary=x',
    ]) {
      expect((await t.post({ origin: ORIGIN, 'content-type': type })).status, type).toBe(415);
    }
    expect(countRows(t.db, 'invitations')).toBe(0);
  });

  it('form type: spaces before the parameters and any letter case are still a form', async () => {
    const t = await setup();
    expect((await t.post({ origin: ORIGIN, 'content-type': 'Application/X-WWW-Form-Urlencoded ; charset=UTF-8' })).status).toBe(303);
    expect(countRows(t.db, 'invitations')).toBe(1);
  });
});
