import type { Dict } from '../i18n';
import { ErrorSummary, Field, type FormState } from '../partials/form';

export function LoginPage(p: { t: Dict; state: FormState; next: string; showDemoHint: boolean }) {
  const t = p.t.auth.login;
  return (
    <section class="narrow">
      <h1>{t.title}</h1>
      <ErrorSummary state={p.state} title={p.t.form.errorSummary} labels={t} />
      <form method="post" action="/login" novalidate>
        <input type="hidden" name="next" value={p.next} />
        <Field state={p.state} name="email" label={t.email} type="email" autocomplete="username" required maxlength={254} />
        <Field state={p.state} name="password" label={t.password} type="password" autocomplete="current-password" noEcho hint={p.t.sso.login.hint} />
        <button type="submit">{t.submit}</button>
      </form>
      <p>
        <a href="/password/forgot">{t.forgot}</a>
      </p>
      {p.showDemoHint && <p class="muted">{t.demoHint}</p>}
    </section>
  );
}

export function ForgotPage(p: { t: Dict; state: FormState; sent: boolean }) {
  const t = p.t.auth.forgot;
  return (
    <section class="narrow">
      <h1>{t.title}</h1>
      {p.sent ? (
        <p role="status">{t.sent}</p>
      ) : (
        <>
          <p>{t.intro}</p>
          <ErrorSummary state={p.state} title={p.t.form.errorSummary} labels={{ email: p.t.auth.login.email }} />
          <form method="post" action="/password/forgot" novalidate>
            <Field state={p.state} name="email" label={p.t.auth.login.email} type="email" autocomplete="username" required maxlength={254} />
            <button type="submit">{t.submit}</button>
          </form>
        </>
      )}
    </section>
  );
}

function NewPasswordFields(p: { t: Dict; state: FormState }) {
  return (
    <>
      <Field
        state={p.state}
        name="password"
        label={p.t.auth.reset.password}
        type="password"
        autocomplete="new-password"
        required
        hint={p.t.auth.password.hint}
        noEcho
      />
      <Field state={p.state} name="passwordConfirm" label={p.t.auth.reset.passwordConfirm} type="password" autocomplete="new-password" required noEcho />
    </>
  );
}

export function ResetPage(p: { t: Dict; state: FormState; action: string; valid: boolean }) {
  const t = p.t.auth.reset;
  return (
    <section class="narrow">
      <h1>{t.title}</h1>
      {!p.valid ? (
        <p role="alert">
          {t.invalidLink} <a href="/password/forgot">{p.t.auth.login.forgot}</a>
        </p>
      ) : (
        <>
          <ErrorSummary state={p.state} title={p.t.form.errorSummary} labels={t} />
          <form method="post" action={p.action} novalidate>
            <NewPasswordFields t={p.t} state={p.state} />
            <button type="submit">{t.submit}</button>
          </form>
        </>
      )}
    </section>
  );
}

export type InviteView =
  | { kind: 'invalid' }
  | { kind: 'new'; orgName: string; email: string }
  | { kind: 'existing-login'; orgName: string }
  | { kind: 'existing-accept'; orgName: string }
  | { kind: 'wrong-account' };

export function InvitePage(p: { t: Dict; state: FormState; action: string; view: InviteView }) {
  const t = p.t.auth.invite;
  const v = p.view;
  return (
    <section class="narrow">
      <h1>{t.title}</h1>
      {v.kind === 'invalid' && <p role="alert">{t.invalid}</p>}
      {v.kind === 'wrong-account' && <p role="alert">{t.wrongAccount}</p>}
      {v.kind === 'existing-login' && (
        <p>
          {t.introExisting(v.orgName)} <a href={`/login?next=${encodeURIComponent(p.action)}`}>{p.t.auth.login.submit}</a>
        </p>
      )}
      {v.kind === 'existing-accept' && (
        <form method="post" action={p.action}>
          <p>{t.introExisting(v.orgName)}</p>
          <button type="submit">{t.accept}</button>
        </form>
      )}
      {v.kind === 'new' && (
        <>
          <p>{t.intro(v.orgName)}</p>
          <ErrorSummary state={p.state} title={p.t.form.errorSummary} labels={{ ...p.t.auth.reset, name: t.name }} />
          <form method="post" action={p.action} novalidate>
            <p>
              {p.t.auth.login.email}: <strong>{v.email}</strong>
            </p>
            <Field state={p.state} name="name" label={t.name} required maxlength={120} autocomplete="name" />
            <NewPasswordFields t={p.t} state={p.state} />
            <button type="submit">{t.submit}</button>
          </form>
        </>
      )}
    </section>
  );
}
