import { Hono } from 'hono';
import { requireUser } from '../auth/middleware';
import { getSsoSettings, issuerAllowed, oidcEnv, oidcRedirectUri, removeSsoSettings, saveSsoSettings, testConnection } from '../auth/sso';
import { readForm } from '../lib/forms';
import { notFound, page, redirectWithFlash, type Ctx } from '../lib/render';
import type { AppEnv } from '../types';
import type { FormState } from '../../views/partials/form';
import { SsoPage } from '../../views/pages/sso';
import { adminOrg } from './context';
import { ssoSchema, ssoTestSchema } from './sso.schemas';

/** /org/:orgId/sso: an organisation's sign-in through its own identity provider (issue #16, ADR 018). */
export const ssoRoutes = new Hono<AppEnv>();
ssoRoutes.use('*', requireUser);

function ssoPage(c: Ctx, org: { id: number; name: string }, state: FormState | null, status: 200 | 409 | 422 = 200, test?: { ok: boolean; text: string }) {
  const settings = getSsoSettings(c.get('deps').db, org.id);
  const values = settings
    ? { issuer: settings.issuer, clientId: settings.clientId, domains: settings.domains.join(' '), ...(settings.required ? { required: 'on' } : {}) }
    : {};
  return page(
    c,
    c.get('t').sso.title(org.name),
    <SsoPage
      t={c.get('t')}
      org={org}
      state={state ?? { values }}
      redirectUri={oidcRedirectUri(c.get('config').baseUrl)}
      configured={settings ? { domains: settings.domains.length, hasSecret: true } : null}
      test={test ?? null}
    />,
    status,
  );
}

ssoRoutes.get('/', (c) => {
  const org = adminOrg(c);
  if (!org) return notFound(c);
  return ssoPage(c, org, null);
});

ssoRoutes.post('/', async (c) => {
  const org = adminOrg(c);
  if (!org) return notFound(c);
  const t = c.get('t').sso;
  const form = await readForm(c, ssoSchema(c.get('t')));
  if (!form.ok) return ssoPage(c, org, { errors: form.errors, values: form.values }, 422);
  const production = c.get('config').nodeEnv === 'production';
  if (!issuerAllowed(form.data.issuer, production)) return ssoPage(c, org, { errors: { issuer: t.problems.not_allowed }, values: form.values }, 422);
  const r = saveSsoSettings(c.get('deps').db, org.id, form.data, c.get('config').secretKey, c.get('deps').now());
  if (!r.ok) {
    const errors: Record<string, string> =
      r.reason === 'domain_taken'
        ? { domains: t.errors.domainTaken(r.domain) }
        : r.reason === 'no_key'
          ? { _form: t.errors.noKey }
          : { clientSecret: t.errors.noSecret };
    return ssoPage(c, org, { errors, values: form.values }, r.reason === 'domain_taken' ? 409 : 422);
  }
  return redirectWithFlash(c, `/org/${org.id}/sso`, t.saved);
});

/** Runs discovery against the issuer in the form (saved or not) and says what happened. */
ssoRoutes.post('/test', async (c) => {
  const org = adminOrg(c);
  if (!org) return notFound(c);
  const t = c.get('t').sso;
  const form = await readForm(c, ssoTestSchema(c.get('t')));
  if (!form.ok) return ssoPage(c, org, { errors: form.errors, values: form.values }, 422);
  const r = await testConnection(form.data.issuer, oidcEnv(c.get('config'), c.get('deps').now()));
  const state = { values: form.values };
  // The test's outcome is the page's content, either way: a failing provider is not an error of this request.
  return ssoPage(c, org, state, 200, r.ok ? { ok: true, text: t.testOk(r.issuer) } : { ok: false, text: t.problems[r.problem] });
});

ssoRoutes.post('/delete', (c) => {
  const org = adminOrg(c);
  if (!org) return notFound(c);
  if (!removeSsoSettings(c.get('deps').db, org.id)) return notFound(c);
  return redirectWithFlash(c, `/org/${org.id}/sso`, c.get('t').sso.removed);
});
