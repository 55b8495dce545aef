import type { Dict } from '../i18n';
import { ConfirmDisclosure } from '../partials/confirm';
import { ErrorSummary, Field, type FormState } from '../partials/form';

/** An org admin's SSO settings: issuer, client, the domains vouched for, passwords off; test and remove. */
export function SsoPage(p: {
  t: Dict;
  org: { id: number; name: string };
  state: FormState;
  redirectUri: string;
  configured: { domains: number; hasSecret: boolean } | null;
  test?: { ok: boolean; text: string } | null;
}) {
  const t = p.t.sso;
  const base = `/org/${p.org.id}/sso`;
  const required = p.state.values?.required !== undefined && p.state.values.required !== '';
  return (
    <section class="narrow">
      <h1>{t.title(p.org.name)}</h1>
      <p>{t.intro}</p>
      <p role="status">{p.configured ? t.active(p.configured.domains) : t.notSet}</p>
      {p.test && (
        <p class={p.test.ok ? 'notice notice-ok' : 'notice notice-error'} role={p.test.ok ? 'status' : 'alert'}>
          {p.test.text}
        </p>
      )}
      <p>
        {t.redirectUri}: <code>{p.redirectUri}</code>
      </p>
      <ErrorSummary state={p.state} title={p.t.form.errorSummary} labels={t} />
      <form method="post" action={base} novalidate>
        <Field state={p.state} name="issuer" label={t.issuer} type="url" hint={t.issuerHint} required maxlength={300} autocomplete="off" />
        <Field state={p.state} name="clientId" label={t.clientId} required maxlength={200} autocomplete="off" />
        <Field
          state={{ ...p.state, values: { ...p.state.values, clientSecret: '' } }}
          name="clientSecret"
          label={t.clientSecret}
          type="password"
          hint={p.configured?.hasSecret ? t.clientSecretKept : t.clientSecretHint}
          maxlength={500}
          autocomplete="new-password"
          noEcho
        />
        <Field state={p.state} name="domains" label={t.domains} hint={t.domainsHint} required maxlength={500} autocomplete="off" />
        <label>
          <input type="checkbox" name="required" value="on" checked={required} /> {t.required}
        </label>
        <div class="grid">
          <button type="submit">{t.save}</button>
          <button type="submit" class="secondary" formaction={`${base}/test`}>
            {t.test}
          </button>
        </div>
      </form>
      {p.configured && <ConfirmDisclosure summary={t.remove} action={`${base}/delete`} says={t.removeConfirm} submit={t.removeSubmit} />}
    </section>
  );
}

/**
 * After the e-mail address: on to the organisation's sign-in service. A page, not a redirect, because
 * the login form's CSP (`form-action 'self'`) also covers where its POST redirects to; a meta refresh
 * and a link are navigations of their own and need no script.
 */
export function SsoContinuePage(p: { t: Dict; orgName: string; url: string }) {
  const t = p.t.sso.login;
  return (
    <section class="narrow">
      <meta http-equiv="refresh" content={`0;url=${p.url}`} />
      <h1>{t.continueTitle(p.orgName)}</h1>
      <p>{t.continueText}</p>
      <p>
        <a href={p.url} role="button" id="sso-continue">
          {t.continueLink(p.orgName)}
        </a>
      </p>
    </section>
  );
}
