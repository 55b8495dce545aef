import type { Dict } from '../../i18n';
import { ErrorSummary, Field, type FormState } from '../../partials/form';
import type { DeletionPreview } from '../../../src/privacy/deletion';

/**
 * "Account verwijderen": what will happen, in plain words, before anything happens; then a
 * confirmation (the person's password when it is their own account, and a tick in both cases).
 */
export function DeleteAccountPage(p: { t: Dict; title: string; preview: DeletionPreview; self: boolean; action: string; back: string; state: FormState }) {
  const t = p.t.rights;
  const pv = p.preview;
  const err = p.state.errors?.understand;
  return (
    <section>
      <h1>{p.title}</h1>
      {pv.refusal ? (
        <p role="alert" class="error">
          {t.refusals[pv.refusal]}
        </p>
      ) : (
        <p>
          <strong>{t.cannotUndo}</strong>
        </p>
      )}
      <h2>{t.happens}</h2>
      <ul>
        <li>{t.futureBookings(pv.futureBookings)}</li>
        <li>{t.futureSignups(pv.futureSignups)}</li>
        <li>{t.deleted}</li>
      </ul>
      <h2>{t.staysAnonymous}</h2>
      <ul>
        <li>{t.pastBookings(pv.pastBookings)}</li>
        <li>{t.pastSignups(pv.pastSignups)}</li>
      </ul>
      <h2>{t.staysAsIs}</h2>
      <ul>
        <li>{t.statements(pv.statements)}</li>
      </ul>
      {p.self && (
        <p>
          {t.downloadFirst} <a href="/account/export.json">{p.t.auth.account.myDataLink}</a> · <a href="/reflection">{p.t.intervision.nav.reflection}</a>
        </p>
      )}
      {!pv.refusal && (
        <form method="post" action={p.action} novalidate>
          <ErrorSummary state={p.state} title={p.t.form.errorSummary} labels={{ password: t.password }} />
          {p.self && <Field state={p.state} name="password" label={t.password} type="password" autocomplete="current-password" required noEcho />}
          <div class="field">
            <label>
              <input
                id="f-understand"
                type="checkbox"
                name="understand"
                value="yes"
                checked={p.state.values?.understand === 'yes'}
                aria-invalid={err ? 'true' : undefined}
                aria-describedby={err ? 'understand-err' : undefined}
              />{' '}
              {t.understand}
            </label>
            {err && (
              <small id="understand-err" class="error">
                {err}
              </small>
            )}
          </div>
          <button type="submit" class="contrast">
            {t.submit}
          </button>{' '}
          <a href={p.back}>{t.back}</a>
        </form>
      )}
    </section>
  );
}
