import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { memberships, oidcFlows, orgSso, userIdentities, users } from '../../db/schema';
import { openSecret, sealSecret } from '../../src/auth/secrets';
import { MAX_SSO_STARTS_PER_IP } from '../../src/auth/throttle';
import { Client, countRows, createOrg, createTestApp, createUser, html, loginAs, ORIGIN, PASSWORD, TestClock, text } from '../helpers';
import { CLIENT_ID, CLIENT_SECRET, signInAtProvider, startProvider, type TestAccount } from './provider';

// Sign in with your organisation (issue #16): a real OpenID Connect provider (oidc-provider) runs
// in this process; Gastplek talks to it through openid-client. The app's clock starts at the real
// time, because the provider stamps its tokens with the real time (expiry is tested by moving it).

const SECRET_KEY = 'test-secret-key-of-at-least-32-characters!';
const REDIRECT = `${ORIGIN}/login/oidc/callback`;
const HOUR = 60 * 60 * 1000;

const ACCOUNTS: Record<string, TestAccount> = {
  nieuw: { email: 'nieuw@icare.test', email_verified: true, name: 'Nadia Nieuw' },
  bestaand: { email: 'bestaand@icare.test', email_verified: true, name: 'Bas Bestaand' },
  elders: { email: 'iemand@elders.test', email_verified: true, name: 'Iemand Elders' },
  onbevestigd: { email: 'onbevestigd@icare.test', email_verified: false, name: 'Olga Onbevestigd' },
  gedeactiveerd: { email: 'weg@icare.test', email_verified: true, name: 'Wim Weg' },
};

const stops: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (stops.length) await stops.pop()!();
});

async function world(o: { secretKey?: string | null; clientId?: string } = {}) {
  const provider = await startProvider(REDIRECT, ACCOUNTS, { clientId: o.clientId });
  stops.push(provider.close);
  const env: Record<string, string> = o.secretKey === null ? {} : { SECRET_KEY: o.secretKey ?? SECRET_KEY };
  const t = createTestApp({ clock: new TestClock(new Date()), env });
  const icare = createOrg(t.db, { name: 'Icare JGZ', kind: 'jgz' });
  const ggd = createOrg(t.db, { name: 'GGD Noord- en Oost-Gelderland', kind: 'ggd' });
  const admin = await createUser(t.db, { orgId: icare.id, roles: ['org_admin'], email: 'beheer@icare.test', name: 'Noor Hendriks' });
  const worker = await createUser(t.db, { orgId: ggd.id, email: 'sanne@ggd.test', name: 'Sanne de Vries' });
  const otherAdmin = await createUser(t.db, { orgId: ggd.id, roles: ['org_admin'], email: 'beheer@ggd.test' });
  const settings = { issuer: provider.issuer, clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, domains: 'icare.test' };
  return { t, provider, icare, ggd, admin, worker, otherAdmin, settings };
}

type World = Awaited<ReturnType<typeof world>>;

/** The org admin saves the settings through the page. */
async function configure(w: World, extra: Record<string, string> = {}) {
  const admin = await loginAs(w.t.app, w.admin.email);
  const res = await admin.post(`/org/${w.icare.id}/sso`, { ...w.settings, ...extra });
  expect(res.status).toBe(303);
  return admin;
}

/** From the login page to the provider and back: the response to the callback, and the browser. */
async function signIn(w: World, email: string, login: string, beforeCallback?: (callback: URL) => void) {
  const browser = new Client(w.t.app);
  const start = await browser.post('/login', { email, next: '/bookings' });
  expect(start.status).toBe(200);
  // A page that moves on by itself (meta refresh) and by its link: the login form's CSP covers redirects.
  const location = (await html(start)).querySelector('#sso-continue')!.getAttribute('href')!;
  expect(location.startsWith(w.provider.issuer)).toBe(true);
  const callback = await signInAtProvider(location, login);
  expect(`${callback.origin}${callback.pathname}`).toBe(REDIRECT);
  beforeCallback?.(callback);
  const res = await browser.get(callback.pathname + callback.search);
  return { browser, res, callback };
}

const loggedIn = async (browser: Client) => (await browser.get('/account')).status === 200;

describe('sign in with your organisation', () => {
  it('sso: an org admin sets it up, a new colleague signs in through the provider on first visit and lands as a member', async () => {
    const w = await world();
    const admin = await configure(w);
    const page = await html(await admin.get(`/org/${w.icare.id}/sso`));
    expect(text(page)).toContain(REDIRECT);
    expect(text(page)).not.toContain(CLIENT_SECRET);
    const tested = await admin.post(`/org/${w.icare.id}/sso/test`, w.settings);
    expect(text(await html(tested))).toContain(`De verbinding werkt: ${w.provider.issuer}`);

    const { browser, res } = await signIn(w, 'nieuw@icare.test', 'nieuw');
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/bookings');
    expect(await loggedIn(browser)).toBe(true);
    const user = w.t.db.select().from(users).where(eq(users.email, 'nieuw@icare.test')).get()!;
    expect(user).toMatchObject({ name: 'Nadia Nieuw', passwordHash: null });
    expect(w.t.db.select({ role: memberships.role, orgId: memberships.orgId }).from(memberships).where(eq(memberships.userId, user.id)).all()).toEqual([
      { role: 'member', orgId: w.icare.id },
    ]);
    // The second time the provider's subject finds the same account: nobody new.
    const again = await signIn(w, 'nieuw@icare.test', 'nieuw');
    expect(again.res.status).toBe(303);
    expect(countRows(w.t.db, 'users')).toBe(4);
    expect(countRows(w.t.db, 'user_identities')).toBe(1);
  });

  it('sso: an existing account with that e-mail is linked, keeps its roles, and gets no second account', async () => {
    const w = await world();
    await configure(w);
    const existing = await createUser(w.t.db, { orgId: w.icare.id, roles: ['host'], email: 'bestaand@icare.test' });
    const { browser, res } = await signIn(w, 'bestaand@icare.test', 'bestaand');
    expect(res.status).toBe(303);
    expect(await loggedIn(browser)).toBe(true);
    expect(w.t.db.select().from(userIdentities).get()).toMatchObject({ userId: existing.id, orgId: w.icare.id, subject: 'bestaand' });
    const roles = w.t.db
      .select({ role: memberships.role })
      .from(memberships)
      .where(eq(memberships.userId, existing.id))
      .all()
      .map((r) => r.role)
      .sort();
    expect(roles).toEqual(['host', 'member']);
  });

  it('sso: a state that is unknown or already used is refused, and no session starts', async () => {
    const w = await world();
    await configure(w);
    const { res, callback } = await signIn(w, 'nieuw@icare.test', 'nieuw');
    expect(res.status).toBe(303);
    // The same answer a second time (replay): the flow was single use.
    const replay = new Client(w.t.app);
    const second = await replay.get(callback.pathname + callback.search);
    expect(second.status).toBe(400);
    expect(text(await html(second))).toContain('Het inloggen is verlopen of al gebruikt.');
    expect(await loggedIn(replay)).toBe(false);
    const forged = new Client(w.t.app);
    const bad = new URL(callback);
    bad.searchParams.set('state', 'not-the-state');
    expect((await forged.get(bad.pathname + bad.search)).status).toBe(400);
    expect((await forged.get('/login/oidc/callback')).status).toBe(400);
    expect(await loggedIn(forged)).toBe(false);
  });

  it('sso: an id_token without the nonce this sign-in asked for is refused', async () => {
    const w = await world();
    await configure(w);
    const { browser, res } = await signIn(w, 'nieuw@icare.test', 'nieuw', () => {
      w.t.db.update(oidcFlows).set({ nonce: 'another-nonce' }).run();
    });
    expect(res.status).toBe(400);
    expect(text(await html(res))).toContain('Je inlogdienst gaf geen geldig bewijs terug.');
    expect(await loggedIn(browser)).toBe(false);
    expect(countRows(w.t.db, 'user_identities')).toBe(0);
  });

  it('sso: an expired id_token is refused (the app clock two hours on; the token lives one hour)', async () => {
    const w = await world();
    await configure(w);
    const { browser, res } = await signIn(w, 'nieuw@icare.test', 'nieuw', () => {
      w.t.db
        .update(oidcFlows)
        .set({ expiresAt: new Date(Date.now() + 24 * HOUR) })
        .run();
      w.t.clock.advance(2 * HOUR);
    });
    expect(res.status).toBe(400);
    expect(await loggedIn(browser)).toBe(false);
  });

  it('sso: a sign-in that waited more than ten minutes at the provider is refused', async () => {
    const w = await world();
    await configure(w);
    const { res } = await signIn(w, 'nieuw@icare.test', 'nieuw', () => w.t.clock.advance(11 * 60 * 1000));
    expect(res.status).toBe(400);
    expect(text(await html(res))).toContain('verlopen');
  });

  it('sso: a code issued to another client (audience) is refused', async () => {
    const w = await world();
    await configure(w);
    const { browser, res } = await signIn(w, 'nieuw@icare.test', 'nieuw', () => {
      w.t.db.update(orgSso).set({ clientId: 'another-client' }).run();
    });
    expect(res.status).toBe(400);
    expect(await loggedIn(browser)).toBe(false);
  });

  it('sso: an address of a domain the organisation does not vouch for, or not verified, gets no account', async () => {
    const w = await world();
    await configure(w);
    const elsewhere = await signIn(w, 'nieuw@icare.test', 'elders');
    expect(elsewhere.res.status).toBe(403);
    expect(text(await html(elsewhere.res))).toContain('niet bij een domein');
    const unverified = await signIn(w, 'onbevestigd@icare.test', 'onbevestigd');
    expect(unverified.res.status).toBe(400);
    expect(text(await html(unverified.res))).toContain('geen bevestigd e-mailadres');
    expect(countRows(w.t.db, 'users')).toBe(3);
    expect(await loggedIn(elsewhere.browser)).toBe(false);
  });

  it('sso: someone deactivated in Gastplek does not get in through the provider', async () => {
    const w = await world();
    await configure(w);
    await createUser(w.t.db, { orgId: w.icare.id, email: 'weg@icare.test', deactivated: true });
    const { browser, res } = await signIn(w, 'weg@icare.test', 'gedeactiveerd');
    expect(res.status).toBe(403);
    expect(text(await html(res))).toContain('gedeactiveerd');
    expect(await loggedIn(browser)).toBe(false);
  });

  it('sso: with the provider down the login says so plainly; password login of other organisations is unaffected', async () => {
    const w = await world();
    await configure(w);
    await w.provider.close();
    const browser = new Client(w.t.app);
    const res = await browser.post('/login', { email: 'nieuw@icare.test' });
    expect(res.status).toBe(503);
    expect(text(await html(res))).toContain('De inlogdienst van Icare JGZ is nu niet bereikbaar.');
    const other = await browser.post('/login', { email: w.worker.email, password: PASSWORD });
    expect(other.status).toBe(303);
    expect(await loggedIn(browser)).toBe(true);
  });

  it('sso: when the organisation requires it, its members cannot log in with a password; others still can', async () => {
    const w = await world();
    await configure(w, { required: 'on' });
    // Their address has another domain, so the login page does not send them to the provider.
    const member = await createUser(w.t.db, { orgId: w.icare.id, email: 'prive@example.test' });
    const browser = new Client(w.t.app);
    const refused = await browser.post('/login', { email: member.email, password: PASSWORD });
    expect(refused.status).toBe(403);
    expect(text(await html(refused))).toContain('alleen inloggen met haar eigen account');
    expect(await loggedIn(browser)).toBe(false);
    expect((await browser.post('/login', { email: w.worker.email, password: PASSWORD })).status).toBe(303);
  });

  it('sso: the page after sign-in is our own, whatever `next` said; a provider that answers with an error is told plainly', async () => {
    const w = await world();
    await configure(w);
    const browser = new Client(w.t.app);
    const start = await browser.post('/login', { email: 'nieuw@icare.test', next: 'https://evil.example/steal' });
    const location = (await html(start)).querySelector('#sso-continue')!.getAttribute('href')!;
    const callback = await signInAtProvider(location, 'nieuw');
    const res = await browser.get(callback.pathname + callback.search);
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/');
    const denied = await new Client(w.t.app).get('/login/oidc/callback?error=access_denied&state=x');
    expect(denied.status).toBe(400);
    expect(text(await html(denied))).toContain('Het inloggen bij je organisatie is afgebroken.');
  });

  it('sso: one address can start only so many sign-ins (each costs requests to the provider); password login is not held up', async () => {
    const w = await world();
    await configure(w);
    await w.provider.close();
    const flood = new Client(w.t.app);
    const statuses: number[] = [];
    for (let i = 0; i < MAX_SSO_STARTS_PER_IP + 5; i++) statuses.push((await flood.post('/login', { email: 'nieuw@icare.test' })).status);
    expect(statuses.filter((s) => s === 429)).toHaveLength(5);
    expect(statuses.slice(0, MAX_SSO_STARTS_PER_IP).every((s) => s === 503)).toBe(true);
    // Password login is a separate counter: a colleague of another organisation behind the same address still gets in.
    expect((await flood.post('/login', { email: w.worker.email, password: PASSWORD })).status).toBe(303);
  });

  it('login: an address without SSO and without a password asks for the password', async () => {
    const w = await world();
    const res = await new Client(w.t.app).post('/login', { email: w.worker.email });
    expect(res.status).toBe(422);
    expect(text(await html(res))).toContain('Vul je wachtwoord in.');
  });
});

describe('the SSO settings page', () => {
  it('sso settings: only the organisation’s own admin; another organisation’s admin and a member get 404, nothing saved', async () => {
    const w = await world();
    for (const email of [w.otherAdmin.email, w.worker.email]) {
      const c = await loginAs(w.t.app, email);
      expect((await c.get(`/org/${w.icare.id}/sso`)).status).toBe(404);
      expect((await c.post(`/org/${w.icare.id}/sso`, w.settings)).status).toBe(404);
      expect((await c.post(`/org/${w.icare.id}/sso/test`, w.settings)).status).toBe(404);
    }
    expect(countRows(w.t.db, 'org_sso')).toBe(0);
  });

  it('sso settings: the secret is stored encrypted, never shown, and kept when the field is left empty', async () => {
    const w = await world();
    const admin = await configure(w);
    const row = w.t.db.select().from(orgSso).get()!;
    expect(row.clientSecretEnc).not.toContain(CLIENT_SECRET);
    expect(openSecret(SECRET_KEY, `org-sso:${w.icare.id}`, row.clientSecretEnc)).toBe(CLIENT_SECRET);
    expect(await (await admin.get(`/org/${w.icare.id}/sso`)).text()).not.toContain(CLIENT_SECRET);
    expect((await admin.post(`/org/${w.icare.id}/sso`, { ...w.settings, clientSecret: '', domains: 'icare.test, @icarejgz.test' })).status).toBe(303);
    const after = w.t.db.select().from(orgSso).get()!;
    expect(after.clientSecretEnc).toBe(row.clientSecretEnc);
    expect(countRows(w.t.db, 'sso_domains')).toBe(2);
  });

  it('sso settings: bad input is refused with a clear message and nothing is saved', async () => {
    const w = await world();
    const admin = await loginAs(w.t.app, w.admin.email);
    const cases: [Record<string, string>, string][] = [
      [{ issuer: 'ftp://idp.example' }, 'https'],
      [{ issuer: 'http://idp.example.org' }, 'gebruik https'],
      [{ domains: '' }, 'minstens één'],
      [{ domains: 'icare.test niet_een_domein' }, 'geen e-maildomein'],
      [{ clientId: '' }, 'Vul dit veld in.'],
      [{ clientSecret: '' }, 'Vul het clientgeheim in.'],
    ];
    for (const [change, message] of cases) {
      const res = await admin.post(`/org/${w.icare.id}/sso`, { ...w.settings, ...change });
      expect(res.status, JSON.stringify(change)).toBe(422);
      expect(text(await html(res))).toContain(message);
    }
    expect(countRows(w.t.db, 'org_sso')).toBe(0);
  });

  it('sso settings: a domain of another organisation is refused (409)', async () => {
    const w = await world();
    await configure(w);
    const ggdAdmin = await loginAs(w.t.app, w.otherAdmin.email);
    const res = await ggdAdmin.post(`/org/${w.ggd.id}/sso`, { ...w.settings, domains: 'ggd.test icare.test' });
    expect(res.status).toBe(409);
    expect(text(await html(res))).toContain('Het domein icare.test hoort al bij een andere organisatie.');
    expect(countRows(w.t.db, 'org_sso')).toBe(1);
  });

  it('sso settings: without SECRET_KEY nothing can be saved, with a message for the administrator', async () => {
    const w = await world({ secretKey: null });
    const admin = await loginAs(w.t.app, w.admin.email);
    const res = await admin.post(`/org/${w.icare.id}/sso`, w.settings);
    expect(res.status).toBe(422);
    expect(text(await html(res))).toContain('SECRET_KEY');
    expect(countRows(w.t.db, 'org_sso')).toBe(0);
  });

  it('sso settings: testing an address that is not an OpenID Connect provider says what is wrong', async () => {
    const w = await world();
    const admin = await loginAs(w.t.app, w.admin.email);
    await w.provider.close();
    const down = await admin.post(`/org/${w.icare.id}/sso/test`, { issuer: w.provider.issuer });
    expect(down.status).toBe(200);
    expect(text(await html(down))).toContain('De inlogdienst is niet bereikbaar');
    expect(text(await html(await admin.post(`/org/${w.icare.id}/sso/test`, { issuer: 'http://idp.example.org' })))).toContain('gebruik https');
  });

  it('sso settings: turning it off lets members use passwords again', async () => {
    const w = await world();
    const admin = await configure(w, { required: 'on' });
    expect((await admin.post(`/org/${w.icare.id}/sso/delete`)).status).toBe(303);
    expect(countRows(w.t.db, 'org_sso')).toBe(0);
    expect(countRows(w.t.db, 'sso_domains')).toBe(0);
    expect((await new Client(w.t.app).post('/login', { email: w.admin.email, password: PASSWORD })).status).toBe(303);
  });
});

describe('stored secrets', () => {
  it('secrets: open only with the same key and context; a changed byte is refused', () => {
    const sealed = sealSecret(SECRET_KEY, 'org-sso:1', 'geheim');
    expect(openSecret(SECRET_KEY, 'org-sso:1', sealed)).toBe('geheim');
    expect(openSecret(SECRET_KEY, 'org-sso:2', sealed)).toBeNull();
    expect(openSecret(`${SECRET_KEY}x`, 'org-sso:1', sealed)).toBeNull();
    const parts = sealed.split('.');
    parts[3] = parts[3]!.slice(0, -1) + (parts[3]!.endsWith('A') ? 'B' : 'A');
    expect(openSecret(SECRET_KEY, 'org-sso:1', parts.join('.'))).toBeNull();
    expect(openSecret(SECRET_KEY, 'org-sso:1', 'garbage')).toBeNull();
  });
});
