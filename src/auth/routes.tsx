import { Hono } from 'hono';
import { setCookie } from 'hono/cookie';
import type { AppEnv } from '../types';
import { readForm, single } from '../lib/forms';
import { page, redirectWithFlash, type Ctx } from '../lib/render';
import { ForgotPage, InvitePage, LoginPage, ResetPage, type InviteView } from '../../views/pages/auth';
import { SsoContinuePage } from '../../views/pages/sso';
import { acceptInviteSchema, forgotSchema, localeSchema, loginSchema, newPasswordSchema, safeNext } from './schemas';
import { failedLogin, forgiveLogin, resetLimits, ssoStartLimits, takeHit, takeLoginTry } from './throttle';
import { hashPassword, verifyDummy, verifyPassword } from './password';
import {
  acceptInvitationAsNewUser,
  acceptInvitationAsUser,
  findOpenInvitation,
  findUserByEmail,
  findValidPasswordToken,
  requestPasswordReset,
  resetPassword,
  setLocale,
} from './accounts';
import { clientIp } from '../lib/security';
import { finishSsoLogin, oidcEnv, oidcRedirectUri, passwordLoginBlocked, ssoForEmail, startSsoLogin } from './sso';

export const LANG_COOKIE = 'gastplek_lang';

const nextOf = (c: Ctx, next: string | undefined) => safeNext(next, c.get('config').origin);

export const authRoutes = new Hono<AppEnv>();

authRoutes.get('/login', (c) => {
  if (c.get('user')) return c.redirect(nextOf(c, c.req.query('next')), 303);
  return page(
    c,
    c.get('t').auth.login.title,
    <LoginPage t={c.get('t')} state={{}} next={nextOf(c, c.req.query('next'))} showDemoHint={c.get('config').nodeEnv !== 'production'} />,
  );
});

authRoutes.post('/login', async (c) => {
  const { db, auth } = c.get('deps');
  const t = c.get('t');
  const form = await readForm(c, loginSchema(t));
  const next = nextOf(c, single(form.values.next));
  const again = (status: 401 | 403 | 422 | 429 | 503, message?: string, errors?: Record<string, string>) =>
    page(
      c,
      t.auth.login.title,
      <LoginPage
        t={t}
        state={{ values: { email: single(form.values.email) }, errors: errors ?? (message ? { _form: message } : form.ok ? {} : form.errors) }}
        next={next}
        showDemoHint={c.get('config').nodeEnv !== 'production'}
      />,
      status,
    );
  if (!form.ok) return again(422);
  const { email, password } = form.data;
  const now = c.get('deps').now();
  // An address of an organisation that signs its people in itself goes to its provider (ADR 018).
  const sso = ssoForEmail(db, email);
  if (sso) {
    if (!takeHit(db, ssoStartLimits(clientIp(c)), now)) {
      c.header('Retry-After', '900');
      return again(429, t.auth.login.throttled);
    }
    const started = await startSsoLogin(db, sso.orgId, next, oidcRedirectUri(c.get('config').baseUrl), oidcEnv(c.get('config'), c.get('deps').now()));
    if (started.ok) return page(c, t.sso.login.continueTitle(sso.orgName), <SsoContinuePage t={t} orgName={sso.orgName} url={started.url.href} />);
    return again(503, t.sso.login.unreachable(sso.orgName));
  }
  if (!password) return again(422, undefined, { password: t.sso.login.passwordRequired });
  const ip = clientIp(c);
  // Throttle before hashing: a flood of guesses costs a row read, not 19 MiB of argon2; the
  // account's counters are taken up front so parallel guesses cannot slip past them.
  if (!takeLoginTry(db, email, ip, now)) {
    c.header('Retry-After', '900');
    return again(429, t.auth.login.throttled);
  }
  const user = findUserByEmail(db, email);
  const ok = user?.passwordHash && !user.deactivatedAt ? await verifyPassword(user.passwordHash, password) : await verifyDummy(password);
  if (!ok || !user) {
    failedLogin(db, ip, now);
    return again(401, t.auth.login.failed);
  }
  forgiveLogin(db, email, ip);
  // Passwords are off for members of an organisation that requires its own sign-in.
  if (passwordLoginBlocked(db, user.id)) return again(403, t.sso.login.passwordOff);
  c.header('Set-Cookie', await auth.startSession(user.id), { append: true });
  return c.redirect(next, 303);
});

/** The provider sends the browser back here with a code (or an error); the session starts only after every check. */
authRoutes.get('/login/oidc/callback', async (c) => {
  const { db, auth } = c.get('deps');
  const t = c.get('t');
  const url = new URL(c.req.url);
  const fail = (status: 400 | 403 | 503, message: string) =>
    page(
      c,
      t.auth.login.title,
      <LoginPage t={t} state={{ errors: { _form: message } }} next="/" showDemoHint={c.get('config').nodeEnv !== 'production'} />,
      status,
    );
  if (url.searchParams.has('error')) return fail(400, t.sso.login.cancelled);
  const r = await finishSsoLogin(db, url, oidcRedirectUri(c.get('config').baseUrl), oidcEnv(c.get('config'), c.get('deps').now()));
  if (!r.ok) {
    const reason = r.reason;
    if (reason === 'unreachable' || reason === 'not_oidc' || reason === 'issuer_mismatch' || reason === 'not_allowed' || reason === 'no_secret')
      return fail(503, t.sso.login.unreachable(r.orgName ?? ''));
    return fail(reason === 'deactivated' || reason === 'domain' ? 403 : 400, t.sso.login[reason]);
  }
  c.header('Set-Cookie', await auth.startSession(r.userId), { append: true });
  return c.redirect(safeNext(r.next, c.get('config').origin), 303);
});

authRoutes.post('/logout', async (c) => {
  const { auth } = c.get('deps');
  const sessionId = c.get('sessionId');
  if (sessionId) await auth.endSession(sessionId);
  c.header('Set-Cookie', auth.blankCookie(), { append: true });
  return redirectWithFlash(c, '/login', c.get('t').auth.login.loggedOut);
});

authRoutes.post('/language', async (c) => {
  const form = await readForm(c, localeSchema);
  if (!form.ok) return redirectWithFlash(c, '/');
  const { locale } = form.data;
  const user = c.get('user');
  if (user) setLocale(c.get('deps').db, user.id, locale);
  setCookie(c, LANG_COOKIE, locale, { path: '/', sameSite: 'Lax', httpOnly: true, secure: c.get('config').secureCookies, maxAge: 365 * 24 * 3600 });
  return c.redirect(nextOf(c, form.data.next), 303);
});

authRoutes.get('/password/forgot', (c) => page(c, c.get('t').auth.forgot.title, <ForgotPage t={c.get('t')} state={{}} sent={false} />));

authRoutes.post('/password/forgot', async (c) => {
  const t = c.get('t');
  const form = await readForm(c, forgotSchema(t));
  if (!form.ok) return page(c, t.auth.forgot.title, <ForgotPage t={t} state={form} sent={false} />, 422);
  const { db, now } = c.get('deps');
  // A limit per address and per client address, counted for known and unknown addresses alike;
  // over it no mail is queued, and the answer is the same whether the address is known, unknown
  // or over its limit.
  if (takeHit(db, resetLimits(form.data.email, clientIp(c)), now())) requestPasswordReset(db, form.data.email, c.get('config').baseUrl, now());
  return page(c, t.auth.forgot.title, <ForgotPage t={t} state={{}} sent />);
});

authRoutes.get('/password/reset/:token', (c) => {
  const valid = !!findValidPasswordToken(c.get('deps').db, c.req.param('token'), c.get('deps').now());
  c.header('Referrer-Policy', 'no-referrer');
  return page(c, c.get('t').auth.reset.title, <ResetPage t={c.get('t')} state={{}} action={c.req.path} valid={valid} />, valid ? 200 : 404);
});

authRoutes.post('/password/reset/:token', async (c) => {
  const { db, auth } = c.get('deps');
  const t = c.get('t');
  const token = c.req.param('token');
  const form = await readForm(c, newPasswordSchema(t));
  if (!findValidPasswordToken(db, token, c.get('deps').now()))
    return page(c, t.auth.reset.title, <ResetPage t={t} state={{}} action={c.req.path} valid={false} />, 404);
  if (!form.ok) return page(c, t.auth.reset.title, <ResetPage t={t} state={{ errors: form.errors }} action={c.req.path} valid />, 422);
  const userId = resetPassword(db, token, await hashPassword(form.data.password), c.get('deps').now());
  if (!userId) return page(c, t.auth.reset.title, <ResetPage t={t} state={{}} action={c.req.path} valid={false} />, 404);
  c.header('Set-Cookie', await auth.startSession(userId), { append: true });
  return redirectWithFlash(c, '/', t.auth.reset.done);
});

function inviteView(c: Ctx, token: string): InviteView {
  const inv = findOpenInvitation(c.get('deps').db, token, c.get('deps').now());
  if (!inv) return { kind: 'invalid' };
  const user = c.get('user');
  if (user) return user.email === inv.email ? { kind: 'existing-accept', orgName: inv.orgName } : { kind: 'wrong-account' };
  if (findUserByEmail(c.get('deps').db, inv.email)) return { kind: 'existing-login', orgName: inv.orgName };
  return { kind: 'new', orgName: inv.orgName, email: inv.email };
}

authRoutes.get('/invite/:token', (c) => {
  const view = inviteView(c, c.req.param('token'));
  c.header('Referrer-Policy', 'no-referrer');
  return page(c, c.get('t').auth.invite.title, <InvitePage t={c.get('t')} state={{}} action={c.req.path} view={view} />, view.kind === 'invalid' ? 404 : 200);
});

authRoutes.post('/invite/:token', async (c) => {
  const { db, auth } = c.get('deps');
  const t = c.get('t');
  const token = c.req.param('token');
  const view = inviteView(c, token);
  const now = c.get('deps').now();
  const render = (v: InviteView, state: Parameters<typeof InvitePage>[0]['state'], status: 404 | 409 | 422) =>
    page(c, t.auth.invite.title, <InvitePage t={t} state={state} action={c.req.path} view={v} />, status);
  if (view.kind === 'invalid') return render(view, {}, 404);
  if (view.kind === 'wrong-account' || view.kind === 'existing-login') return render(view, {}, 409);
  if (view.kind === 'existing-accept') {
    const done = acceptInvitationAsUser(db, token, c.get('user')!.id, now);
    if (!done) return render({ kind: 'invalid' }, {}, 404);
    return redirectWithFlash(c, '/', t.auth.invite.accepted(done.orgName));
  }
  const form = await readForm(c, acceptInviteSchema(t));
  if (!form.ok) return render(view, { values: { name: single(form.values.name) }, errors: form.errors }, 422);
  const created = acceptInvitationAsNewUser(
    db,
    token,
    { name: form.data.name, passwordHash: await hashPassword(form.data.password), locale: c.get('locale') },
    now,
  );
  if (!created) return render({ kind: 'invalid' }, {}, 404);
  c.header('Set-Cookie', await auth.startSession(created.userId), { append: true });
  return redirectWithFlash(c, '/', t.auth.invite.accepted(created.orgName));
});
