import type { Dict, Locale } from '../i18n';
import type { Membership } from '../../src/types';
import { ErrorSummary, Field, type FormState } from '../partials/form';

export type FeedState = { active: boolean; url: string | null };

export function AccountPage(p: {
  t: Dict;
  locale: Locale;
  user: { name: string; email: string; emailReminders: boolean; emailConfirmations: boolean };
  memberships: Membership[];
  state: FormState;
  feed: FeedState;
}) {
  const t = p.t.auth.account;
  return (
    <section>
      <h1>{t.title}</h1>
      <dl>
        <dt>{t.name}</dt>
        <dd>{p.user.name}</dd>
        <dt>{t.email}</dt>
        <dd>{p.user.email}</dd>
      </dl>
      <h2>{t.memberships}</h2>
      {p.memberships.length === 0 ? (
        <p>{p.t.home.noOrgs}</p>
      ) : (
        <ul>
          {p.memberships.map((m) => (
            <li>
              {m.orgName}: {m.roles.map((r) => p.t.roles[r]).join(', ')}
            </li>
          ))}
        </ul>
      )}
      <h2>{t.language}</h2>
      <form method="post" action="/language" class="inline-form">
        <input type="hidden" name="next" value="/account" />
        <fieldset>
          <legend class="visually-hidden">{t.language}</legend>
          <label>
            <input type="radio" name="locale" value="nl" checked={p.locale === 'nl'} /> <span lang="nl">{p.t.language.nl}</span>
          </label>
          <label>
            <input type="radio" name="locale" value="en" checked={p.locale === 'en'} /> <span lang="en">{p.t.language.en}</span>
          </label>
        </fieldset>
        <button type="submit" class="secondary">
          {t.saveLanguage}
        </button>
      </form>
      <h2>{p.t.notifications.preferences}</h2>
      <form method="post" action="/account/preferences">
        <label>
          <input type="checkbox" name="emailReminders" value="on" checked={p.user.emailReminders} aria-describedby="reminders-hint" />{' '}
          {p.t.notifications.reminders}
        </label>
        <small id="reminders-hint">{p.t.notifications.remindersHint}</small>
        <label>
          <input type="checkbox" name="emailConfirmations" value="on" checked={p.user.emailConfirmations} aria-describedby="confirmations-hint" />{' '}
          {p.t.notifications.confirmations}
        </label>
        <small id="confirmations-hint">{p.t.notifications.confirmationsHint}</small>
        <button type="submit" class="secondary">
          {p.t.notifications.savePreferences}
        </button>
      </form>
      <h2>{p.t.calendar.feed.title}</h2>
      <p>{p.t.calendar.feed.intro}</p>
      {p.feed.url ? (
        <div role="status">
          <p>{p.t.calendar.feed.created}</p>
          <label for="feed-url">{p.t.calendar.feed.urlLabel}</label>
          <input id="feed-url" type="text" readonly value={p.feed.url} />
        </div>
      ) : (
        <p>{p.feed.active ? p.t.calendar.feed.active : p.t.calendar.feed.none}</p>
      )}
      <form method="post" action="/account/calendar-feed" class="inline">
        <button type="submit" class="secondary">
          {p.feed.active ? p.t.calendar.feed.renew : p.t.calendar.feed.create}
        </button>
      </form>{' '}
      {p.feed.active && (
        <form method="post" action="/account/calendar-feed/revoke" class="inline">
          <button type="submit" class="secondary outline">
            {p.t.calendar.feed.revoke}
          </button>
        </form>
      )}
      <h2>{p.t.people.profile.title}</h2>
      <p>{p.t.people.profile.accountIntro}</p>
      <p>
        <a href="/people/profile">{p.t.people.profile.accountLink}</a>
      </p>
      <h2>{t.myData}</h2>
      <p>{t.myDataIntro}</p>
      <p>
        <a href="/account/export.json" download>
          {t.myDataLink}
        </a>
      </p>
      <p>
        <a href="/access-log/mine">{p.t.privacy.mine.title}</a>
      </p>
      <h2>{p.t.rights.deleteTitle}</h2>
      <p>{p.t.rights.deleteIntro}</p>
      <p>
        <a href="/account/delete">{p.t.rights.deleteLink}</a>
      </p>
      <h2>{t.changePassword}</h2>
      <ErrorSummary
        state={p.state}
        title={p.t.form.errorSummary}
        labels={{ currentPassword: t.currentPassword, password: t.newPassword, passwordConfirm: t.newPasswordConfirm }}
      />
      <form method="post" action="/account/password" novalidate>
        <Field state={p.state} name="currentPassword" label={t.currentPassword} type="password" autocomplete="current-password" required noEcho />
        <Field
          state={p.state}
          name="password"
          label={t.newPassword}
          type="password"
          autocomplete="new-password"
          required
          hint={p.t.auth.password.hint}
          noEcho
        />
        <Field state={p.state} name="passwordConfirm" label={t.newPasswordConfirm} type="password" autocomplete="new-password" required noEcho />
        <button type="submit">{t.submitPassword}</button>
      </form>
    </section>
  );
}
