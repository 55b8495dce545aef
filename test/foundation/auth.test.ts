import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { Client, createOrg, createTestApp, createUser, html, loginAs, PASSWORD, text, countRows } from '../helpers';
import { outbox, sessions, users } from '../../db/schema';
import { MAX_FAILURES_PER_ACCOUNT, MAX_FAILURES_PER_IP } from '../../src/auth/throttle';
import { hashToken } from '../../src/lib/tokens';

describe('login and sessions', () => {
  it('login: success sets an HttpOnly SameSite=Lax session cookie and lands on the Dutch home page', async () => {
    const { app, db } = createTestApp();
    const org = createOrg(db, { name: 'CJG Harderwijk' });
    const u = await createUser(db, { orgId: org.id, name: 'Marieke Jansen', roles: ['host'] });
    const client = new Client(app);
    const res = await client.post('/login', { email: u.email.toUpperCase(), password: PASSWORD });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/');
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith('gastplek_session='))!;
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).toMatch(/Path=\//);
    expect(cookie).not.toMatch(/Secure/i);
    const home = await client.get('/');
    expect(home.headers.get('cache-control')).toBe('no-store');
    const doc = await html(home);
    expect(text(doc.querySelector('h1'))).toBe('Welkom, Marieke Jansen');
    expect(text(doc)).toContain('Gastheer/-vrouw');
  });

  it('login: cookie is Secure when BASE_URL is https, and HSTS is sent', async () => {
    const { app, db } = createTestApp({ env: { BASE_URL: 'https://gastplek.example.org' } });
    const u = await createUser(db);
    const res = await app.request('/login', {
      method: 'POST',
      headers: { origin: 'https://gastplek.example.org', 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ email: u.email, password: PASSWORD }),
    });
    expect(res.status).toBe(303);
    expect(res.headers.getSetCookie().find((c) => c.startsWith('gastplek_session='))).toMatch(/Secure/);
    expect(res.headers.get('strict-transport-security')).toMatch(/max-age=31536000/);
  });

  it('login: unknown e-mail and wrong password get the same answer', async () => {
    const { app, db } = createTestApp();
    const u = await createUser(db);
    const a = await new Client(app).post('/login', { email: 'niemand@example.test', password: 'whatever-password' });
    const b = await new Client(app).post('/login', { email: u.email, password: 'wrong-password!' });
    expect(a.status).toBe(401);
    expect(b.status).toBe(401);
    const ta = text((await html(a)).querySelector('[role=alert]'));
    const tb = text((await html(b)).querySelector('[role=alert]'));
    expect(ta).toContain('Onbekend e-mailadres of onjuist wachtwoord.');
    expect(ta).toBe(tb);
  });

  it('login: bad input is a 422 with a message, never a 500', async () => {
    const { app } = createTestApp();
    const res = await new Client(app).post('/login', { email: 'geen-email', password: '' });
    expect(res.status).toBe(422);
    const doc = await html(res);
    expect(text(doc)).toContain('Vul een geldig e-mailadres in.');
    expect(doc.querySelector('#f-email')?.getAttribute('aria-invalid')).toBe('true');
  });

  it('throttling: after repeated failures the account gets 429, even with the right password', async () => {
    const { app, db } = createTestApp();
    const u = await createUser(db);
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT; i++) {
      expect((await new Client(app).post('/login', { email: u.email, password: 'wrong-password!' })).status).toBe(401);
    }
    const res = await new Client(app).post('/login', { email: u.email, password: PASSWORD });
    expect(res.status).toBe(429);
    expect(res.headers.get('retry-after')).toBeTruthy();
    expect(text(await html(res))).toContain('Te veel mislukte pogingen');
  });

  it('throttling: guesses at one account sent all at once get no more tries than the limit (counted before the password is checked)', async () => {
    const { app, db } = createTestApp();
    const u = await createUser(db);
    const statuses = await Promise.all(
      Array.from({ length: 20 }, () => new Client(app).post('/login', { email: u.email, password: 'wrong-password!' }).then((r) => r.status)),
    );
    expect(statuses.filter((s) => s === 401)).toHaveLength(MAX_FAILURES_PER_ACCOUNT);
    expect(statuses.filter((s) => s === 429)).toHaveLength(20 - MAX_FAILURES_PER_ACCOUNT);
  });

  it('throttling: colleagues behind one address logging in at the same moment are not refused', async () => {
    const { app, db } = createTestApp();
    const users = await Promise.all(Array.from({ length: MAX_FAILURES_PER_IP + 10 }, () => createUser(db)));
    const statuses = await Promise.all(users.map((u) => new Client(app).post('/login', { email: u.email, password: PASSWORD }).then((r) => r.status)));
    expect(statuses.every((s) => s === 303)).toBe(true);
  });

  it('throttling: a successful login does not use up one of the account’s tries', async () => {
    const { app, db } = createTestApp();
    const u = await createUser(db);
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT - 1; i++) await new Client(app).post('/login', { email: u.email, password: 'wrong-password!' });
    await loginAs(app, u.email);
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT - 1; i++)
      expect((await new Client(app).post('/login', { email: u.email, password: 'wrong-password!' })).status).toBe(401);
    await loginAs(app, u.email);
  });

  it('throttling: the window passes and the account can log in again', async () => {
    const { app, db, clock } = createTestApp();
    const u = await createUser(db);
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT; i++) await new Client(app).post('/login', { email: u.email, password: 'wrong-password!' });
    clock.advance(16 * 60 * 1000);
    expect((await new Client(app).post('/login', { email: u.email, password: PASSWORD })).status).toBe(303);
  });

  it('an htmx request (a poll, a swap) after the session ended is sent to the login page as a whole page, and back to where it was', async () => {
    const { app } = createTestApp();
    const anonymous = new Client(app);
    const poll = await anonymous.get('/meetings?page=2', { 'HX-Request': 'true', 'HX-Current-URL': 'http://localhost:3000/meetings?town=Ede' });
    expect(poll.status).toBe(401);
    expect(poll.headers.get('hx-redirect')).toBe(`/login?next=${encodeURIComponent('/meetings?town=Ede')}`);
    expect(await poll.text()).toBe('');
    // A current URL on another site never becomes the way back.
    const foreign = await anonymous.get('/bookings', { 'HX-Request': 'true', 'HX-Current-URL': 'https://evil.example/x' });
    expect(foreign.headers.get('hx-redirect')).toBe(`/login?next=${encodeURIComponent('/')}`);
    // Without htmx: the plain redirect, as before.
    const plain = await anonymous.get('/meetings?page=2');
    expect(plain.status).toBe(303);
    expect(plain.headers.get('location')).toBe(`/login?next=${encodeURIComponent('/meetings?page=2')}`);
  });

  it('sessions: a new session id at every login (no fixation)', async () => {
    const { app, db } = createTestApp();
    const u = await createUser(db);
    const a = await loginAs(app, u.email);
    const b = await loginAs(app, u.email);
    expect(a.cookies.get('gastplek_session')).not.toBe(b.cookies.get('gastplek_session'));
    // A cookie planted before login is replaced.
    const c = new Client(app);
    c.cookies.set('gastplek_session', 'planted-by-attacker');
    await c.post('/login', { email: u.email, password: PASSWORD });
    expect(c.cookies.get('gastplek_session')).not.toBe('planted-by-attacker');
  });

  it('logout ends the session on the server: the old cookie no longer works', async () => {
    const { app, db } = createTestApp();
    const u = await createUser(db);
    const client = await loginAs(app, u.email);
    const stolen = client.cookies.get('gastplek_session')!;
    const res = await client.post('/logout');
    expect(res.status).toBe(303);
    const replay = await app.request('/', { headers: { cookie: `gastplek_session=${stolen}` } });
    expect(replay.status).toBe(303);
    expect(replay.headers.get('location')).toBe('/login');
  });

  it('sessions: a tampered or expired cookie is treated as logged out', async () => {
    const { app, db } = createTestApp();
    const u = await createUser(db);
    const client = await loginAs(app, u.email);
    const id = client.cookies.get('gastplek_session')!;
    expect((await app.request('/', { headers: { cookie: `gastplek_session=${id}x` } })).status).toBe(303);
    // The table holds the SHA-256 of the cookie's token, not the token.
    db.update(sessions)
      .set({ expiresAt: Math.floor(Date.now() / 1000) - 1 })
      .where(eq(sessions.id, hashToken(id)))
      .run();
    expect((await app.request('/', { headers: { cookie: `gastplek_session=${id}` } })).status).toBe(303);
  });

  it('password change ends the other sessions and keeps this one', async () => {
    const { app, db } = createTestApp();
    const u = await createUser(db);
    const here = await loginAs(app, u.email);
    const elsewhere = await loginAs(app, u.email);
    const res = await here.post('/account/password', { currentPassword: PASSWORD, password: 'een nieuw wachtwoord', passwordConfirm: 'een nieuw wachtwoord' });
    expect(res.status).toBe(303);
    expect((await here.get('/')).status).toBe(200);
    expect((await elsewhere.get('/')).status).toBe(303);
    await loginAs(app, u.email, 'een nieuw wachtwoord');
  });

  it('password change: wrong current password is refused with a message', async () => {
    const { app, db } = createTestApp();
    const u = await createUser(db);
    const client = await loginAs(app, u.email);
    const res = await client.post('/account/password', {
      currentPassword: 'niet-het-goede',
      password: 'een nieuw wachtwoord',
      passwordConfirm: 'een nieuw wachtwoord',
    });
    expect(res.status).toBe(422);
    expect(text(await html(res))).toContain('Het huidige wachtwoord klopt niet.');
  });

  it('deactivation: a deactivated account cannot log in and loses its sessions', async () => {
    const { app, db } = createTestApp();
    const org = createOrg(db);
    const admin = await createUser(db, { orgId: org.id, roles: ['org_admin'] });
    const u = await createUser(db, { orgId: org.id });
    const victim = await loginAs(app, u.email);
    const adminClient = await loginAs(app, admin.email);
    const res = await adminClient.post(`/org/${org.id}/members/${u.id}/deactivate`);
    expect(res.status).toBe(303);
    expect((await victim.get('/')).status).toBe(303);
    expect(countRows(db, `sessions where user_id = '${u.id}'`)).toBe(0);
    const again = await new Client(app).post('/login', { email: u.email, password: PASSWORD });
    expect(again.status).toBe(401);
  });
});

describe('password reset', () => {
  async function requestReset(app: ReturnType<typeof createTestApp>['app'], db: ReturnType<typeof createTestApp>['db'], email: string) {
    const res = await new Client(app).post('/password/forgot', { email });
    expect(res.status).toBe(200);
    const mail = db.select().from(outbox).orderBy(outbox.id).all().at(-1)!;
    const link = /http:\/\/localhost:3000(\/password\/reset\/[A-Za-z0-9_-]+)/.exec(mail.body)![1]!;
    return { mail, link };
  }

  it('valid link sets the password once, logs in, and ends old sessions', async () => {
    const { app, db } = createTestApp();
    const u = await createUser(db);
    const old = await loginAs(app, u.email);
    const { mail, link } = await requestReset(app, db, u.email);
    expect(mail.toAddress).toBe(u.email);
    expect(mail.subject).toBe('Nieuw wachtwoord instellen voor Gastplek');
    const client = new Client(app);
    expect((await client.get(link)).status).toBe(200);
    const res = await client.post(link, { password: 'nieuw wachtwoord 123', passwordConfirm: 'nieuw wachtwoord 123' });
    expect(res.status).toBe(303);
    expect((await client.get('/')).status).toBe(200);
    expect((await old.get('/')).status).toBe(303);
    // Reused link: refused.
    const reuse = await new Client(app).post(link, { password: 'nog een wachtwoord', passwordConfirm: 'nog een wachtwoord' });
    expect(reuse.status).toBe(404);
    await loginAs(app, u.email, 'nieuw wachtwoord 123');
  });

  it('expired link (after one hour) is refused', async () => {
    const { app, db, clock } = createTestApp();
    const u = await createUser(db);
    const { link } = await requestReset(app, db, u.email);
    clock.advance(61 * 60 * 1000);
    const res = await new Client(app).post(link, { password: 'nieuw wachtwoord 123', passwordConfirm: 'nieuw wachtwoord 123' });
    expect(res.status).toBe(404);
    expect(text(await html(res))).toContain('Deze link is ongeldig, verlopen of al gebruikt.');
  });

  it('unknown e-mail gets the same answer and no mail', async () => {
    const { app, db } = createTestApp();
    const res = await new Client(app).post('/password/forgot', { email: 'niemand@example.test' });
    expect(res.status).toBe(200);
    expect(text(await html(res))).toContain('Als dit e-mailadres bij ons bekend is');
    expect(countRows(db, 'outbox')).toBe(0);
  });

  it('mismatched passwords re-render the form with a message', async () => {
    const { app, db } = createTestApp();
    const u = await createUser(db);
    const { link } = await requestReset(app, db, u.email);
    const res = await new Client(app).post(link, { password: 'nieuw wachtwoord 123', passwordConfirm: 'iets anders 12345' });
    expect(res.status).toBe(422);
    expect(text(await html(res))).toContain('De twee wachtwoorden zijn niet gelijk.');
    const row = db.select().from(users).where(eq(users.id, u.id)).get()!;
    await loginAs(app, u.email); // old password still works
    expect(row.passwordHash).toBeTruthy();
  });
});

describe('cookie-less pages', () => {
  it('GET /healthz reports the database', async () => {
    const { app } = createTestApp();
    const res = await app.request('/healthz');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok', database: 'ok' });
  });
});
