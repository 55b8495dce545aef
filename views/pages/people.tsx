import type { Dict, Locale } from '../i18n';
import { formatLocalDate } from '../i18n/format';
import { CheckboxGroup, ErrorSummary, Field, Select, type FormState } from '../partials/form';
import { DISCIPLINES } from '../../db/schema/people';
import type { PresentPerson } from '../../src/people/people';

const checked = (s: FormState, name: string) => {
  const v = s.values?.[name];
  return v !== undefined && v !== '';
};

/** "Mijn profiel voor collega's": every field optional, both switches off by default. */
export function ProfilePage(p: { t: Dict; state: FormState; tags: { id: number; name: string }[] }) {
  const t = p.t.people.profile;
  return (
    <section>
      <h1>{t.title}</h1>
      <p>{t.intro}</p>
      <ErrorSummary state={p.state} title={p.t.form.errorSummary} labels={t} />
      <form method="post" action="/people/profile" novalidate>
        <fieldset>
          <label>
            <input type="checkbox" name="visible" value="on" checked={checked(p.state, 'visible')} /> {t.visible}
          </label>
          <label>
            <input type="checkbox" name="showPresence" value="on" checked={checked(p.state, 'showPresence')} aria-describedby="show-presence-hint" />{' '}
            {t.showPresence}
          </label>
          <small id="show-presence-hint">{t.showPresenceHint}</small>
        </fieldset>
        <Select
          state={p.state}
          name="discipline"
          label={t.discipline}
          options={[{ value: '', label: t.noDiscipline }, ...DISCIPLINES.map((d) => ({ value: d, label: p.t.people.disciplines[d] }))]}
        />
        <CheckboxGroup
          state={p.state}
          name="tags"
          legend={t.tags}
          options={p.tags.map((tag) => ({ value: String(tag.id), label: tag.name }))}
          empty={t.noTags}
        />
        <Field state={p.state} name="about" label={t.about} maxlength={140} hint={t.aboutHint} />
        <button type="submit">{t.save}</button>
      </form>
    </section>
  );
}

/** Who is at a location on a date: names, and what they may be asked about when their profile is visible. */
export function WhoIsHerePage(p: {
  t: Dict;
  locale: Locale;
  location: { id: number; name: string };
  date: string;
  people: PresentPerson[];
  staff: { here: boolean } | null;
}) {
  const t = p.t.people.here;
  const action = `/people/here/${p.location.id}/${p.date}/presence`;
  return (
    <section>
      <h1>{t.title(p.location.name, formatLocalDate(p.locale, p.date, true))}</h1>
      <p>{t.intro}</p>
      {p.people.length === 0 ? (
        <p>{t.none}</p>
      ) : (
        <ul class="present-people">
          {p.people.map((person) => (
            <li>
              <strong>{person.name}</strong>
              {person.dayparts.length > 0 && ` · ${person.dayparts.map((d) => p.t.dayparts[d]).join(' + ')}`}
              {person.staff && ` · ${t.staff}`}
              {person.discipline && (
                <>
                  <br />
                  {p.t.people.disciplines[person.discipline]}
                </>
              )}
              {person.tags.length > 0 && (
                <>
                  <br />
                  <small>{person.tags.join(', ')}</small>
                </>
              )}
              {person.about && (
                <>
                  <br />
                  <small>
                    {t.askAbout}: {person.about}
                  </small>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
      {p.staff && (
        <form method="post" action={action}>
          <input type="hidden" name="here" value={p.staff.here ? '0' : '1'} />
          <p>
            <small>{t.imHereHint}</small>
          </p>
          <button type="submit" class="secondary">
            {p.staff.here ? t.notHere : t.imHere}
          </button>
        </form>
      )}
    </section>
  );
}

/** Where is someone with this discipline or expertise on a date: counts per location, never names. */
export function WherePage(p: {
  t: Dict;
  locale: Locale;
  state: FormState;
  tags: { id: number; name: string }[];
  results: { locationId: number; location: string; town: string; people: number }[] | null;
  date: string;
}) {
  const t = p.t.people.where;
  return (
    <section>
      <h1>{t.title}</h1>
      <p>{t.intro}</p>
      <ErrorSummary state={p.state} title={p.t.form.errorSummary} labels={t} />
      <form method="get" action="/people/where">
        <div class="grid">
          <Field state={p.state} name="date" label={t.date} type="date" />
          <Select
            state={p.state}
            name="what"
            label={t.what}
            options={[
              ...DISCIPLINES.filter((d) => d !== 'anders').map((d) => ({ value: `d:${d}`, label: p.t.people.disciplines[d] })),
              ...p.tags.map((tag) => ({ value: `t:${tag.id}`, label: tag.name })),
            ]}
          />
        </div>
        <button type="submit">{t.show}</button>
      </form>
      {p.results &&
        (p.results.length === 0 ? (
          <p>{t.none}</p>
        ) : (
          <ul>
            {p.results.map((r) => (
              <li>
                {r.location}, {r.town}: {t.people(r.people)} ·{' '}
                <a href={`/desks?date=${p.date}&town=${encodeURIComponent(r.town)}`}>
                  {t.book}
                  <span class="visually-hidden">{`: ${r.location}`}</span>
                </a>
              </li>
            ))}
          </ul>
        ))}
    </section>
  );
}

/** The network's list of expertise (network admins). */
export function TagsPage(p: { t: Dict; state: FormState; tags: { id: number; name: string; active: boolean }[] }) {
  const t = p.t.people.tags;
  return (
    <section>
      <h1>{t.title}</h1>
      <p>{t.intro}</p>
      {p.tags.length === 0 ? (
        <p>{t.none}</p>
      ) : (
        <ul>
          {p.tags.map((tag) => (
            <li>
              {tag.name} {!tag.active && <small>{t.retired}</small>}
              <form method="post" action={`/people/tags/${tag.id}/${tag.active ? 'retire' : 'restore'}`} class="inline">
                <button type="submit" class="secondary small">
                  {tag.active ? t.retire : t.restore}
                  <span class="visually-hidden">{`: ${tag.name}`}</span>
                </button>
              </form>
            </li>
          ))}
        </ul>
      )}
      <ErrorSummary state={p.state} title={p.t.form.errorSummary} labels={t} />
      <form method="post" action="/people/tags" novalidate>
        <Field state={p.state} name="name" label={t.name} maxlength={60} required />
        <button type="submit">{t.add}</button>
      </form>
    </section>
  );
}
