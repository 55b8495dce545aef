import type { HtmlEscapedString } from 'hono/utils/html';
import type { Dict, Locale } from '../../i18n';
import { AMENITIES } from '../../../db/schema/desks';
import { ErrorSummary, Field, Select, type FormState } from '../../partials/form';
import { SearchResults, type ResultsProps } from '../../partials/desks/results';
import { rememberedHtml } from '../../partials/remembered';

export type SearchPageProps = {
  t: Dict;
  state: FormState;
  /** The worker's organisations; a select "book on behalf of" appears when there are several. */
  myOrgs: { orgId: number; orgName: string }[];
  /** Colleagues of the organisation booked on behalf of, to book for one of them. */
  colleagues: { id: string; name: string }[];
  /** Too many colleagues to list: the form asks for the colleague's e-mail address. */
  colleagueByEmail: boolean;
  results: ResultsProps;
};

const list = (s: FormState, name: string): string[] => {
  const v = s.values?.[name];
  return v === undefined ? [] : Array.isArray(v) ? v : [v];
};

export function SearchPage(p: SearchPageProps) {
  const t = p.t.desks.search;
  return (
    <section>
      <h1>{t.title}</h1>
      <p>{t.intro}</p>
      <p>
        <a href="/people/where">{p.t.people.where.searchLink}</a>
      </p>
      {p.myOrgs.length === 0 ? (
        <p role="alert">{t.noOrg}</p>
      ) : (
        <>
          <ErrorSummary state={p.state} title={p.t.form.errorSummary} labels={t} />
          {rememberedSearchForm({
            t: p.t,
            locale: p.results.locale,
            state: p.state,
            myOrgs: p.myOrgs,
            colleagues: p.colleagues,
            colleagueByEmail: p.colleagueByEmail,
          })}
          {/* The live region stays while htmx replaces the results inside it, so new counts are announced. */}
          <div aria-live="polite">
            <SearchResults {...p.results} />
          </div>
        </>
      )}
    </section>
  );
}

type SearchFormProps = Pick<SearchPageProps, 't' | 'state' | 'myOrgs' | 'colleagues' | 'colleagueByEmail'> & { locale: Locale };

export const REMEMBERED_FORMS_MAX = 500;
const rememberedForms = rememberedHtml(REMEMBERED_FORMS_MAX);

/**
 * The search form's HTML by everything it is drawn from (the dictionary follows from the locale),
 * like the result cards (`renderedCard`): the same search by anyone with the same organisations
 * and colleague list gets the form drawn once (issue #18).
 */
export function rememberedSearchForm(p: SearchFormProps): HtmlEscapedString {
  const key = JSON.stringify([p.locale, p.state.values ?? null, p.state.errors ?? null, p.myOrgs, p.colleagues, p.colleagueByEmail]);
  return rememberedForms(key, () => <SearchForm {...p} />);
}

export function SearchForm(p: SearchFormProps) {
  const t = p.t.desks.search;
  const chosen = new Set(list(p.state, 'amenities'));
  const townErr = p.state.errors?.town;
  const hostErr = p.state.errors?.host;
  return (
    <form
      method="get"
      action="/desks"
      class="desk-search"
      hx-get="/desks"
      hx-trigger="submit, change, input changed delay:300ms from:#f-town, input changed delay:300ms from:#f-host"
      hx-target="#desk-results"
      hx-swap="outerHTML"
      hx-push-url="true"
      hx-indicator="#desk-search-indicator"
      novalidate
    >
      <div class="grid">
        <Field state={p.state} name="date" label={t.date} type="date" required />
        <Select
          state={p.state}
          name="daypart"
          label={t.daypart}
          options={(['morning', 'afternoon', 'whole'] as const).map((d) => ({ value: d, label: p.t.dayparts[d] }))}
        />
        <label for="f-town">
          {t.town}
          <input
            id="f-town"
            name="town"
            type="search"
            list="desk-towns"
            maxlength={80}
            value={typeof p.state.values?.town === 'string' ? p.state.values.town : ''}
            aria-invalid={townErr ? 'true' : undefined}
            aria-describedby={townErr ? 'f-town-err' : 'f-town-hint'}
          />
          <small id="f-town-hint">{t.townHint}</small>
          {townErr && (
            <small id="f-town-err" class="error">
              {townErr}
            </small>
          )}
        </label>
        <Suggestions id="desk-towns" url="/desks/towns" field="f-town" />
        <label for="f-host">
          {t.org}
          <input
            id="f-host"
            name="host"
            type="search"
            list="desk-hosts"
            maxlength={120}
            autocomplete="off"
            value={typeof p.state.values?.host === 'string' ? p.state.values.host : ''}
            aria-invalid={hostErr ? 'true' : undefined}
            aria-describedby={hostErr ? 'f-host-err' : 'f-host-hint'}
          />
          <small id="f-host-hint">{t.orgHint}</small>
          {hostErr && (
            <small id="f-host-err" class="error">
              {hostErr}
            </small>
          )}
        </label>
        <Suggestions id="desk-hosts" url="/desks/hosts" field="f-host" />
        {p.myOrgs.length > 1 && (
          <Select state={p.state} name="as" label={t.asOrg} options={p.myOrgs.map((m) => ({ value: String(m.orgId), label: m.orgName }))} />
        )}
        {p.colleagueByEmail ? (
          <Field state={p.state} name="forEmail" label={p.t.desks.colleague.emailLabel} type="email" hint={p.t.desks.colleague.hint} />
        ) : (
          p.colleagues.length > 0 && (
            <div>
              <Select
                state={p.state}
                name="for"
                label={p.t.desks.colleague.label}
                options={[{ value: '', label: p.t.desks.colleague.myself }, ...p.colleagues.map((col) => ({ value: col.id, label: col.name }))]}
              />
              <small>{p.t.desks.colleague.hint}</small>
            </div>
          )
        )}
      </div>
      <button type="submit">{t.submit}</button>
      <span id="desk-search-indicator" class="htmx-indicator" aria-hidden="true">
        {t.loading}
      </span>
      {/* After the search button, so the keyboard reaches it without passing every checkbox; open while one is chosen. */}
      <details class="more-filters" open={chosen.size > 0 || !!p.state.errors?.amenities}>
        <summary>{chosen.size > 0 ? t.moreFiltersChosen(chosen.size) : t.moreFilters}</summary>
        <fieldset class="amenity-filter">
          <legend>{t.amenities}</legend>
          {AMENITIES.map((a) => (
            <label>
              <input type="checkbox" name="amenities" value={a} checked={chosen.has(a)} /> {p.t.desks.amenities[a]}
            </label>
          ))}
          {p.state.errors?.amenities && <small class="error">{p.state.errors.amenities}</small>}
        </fieldset>
      </details>
    </form>
  );
}

/**
 * The suggestions of a text field (its datalist), filled by htmx from `url` when the field gets
 * focus and as one types, with the form's values: a national network has too many towns and
 * organisations to send with every page. Without JavaScript the field is a plain text field.
 */
function Suggestions(p: { id: string; url: string; field: string }) {
  return (
    <datalist
      id={p.id}
      hx-get={p.url}
      hx-trigger={`input changed delay:200ms from:#${p.field}`}
      hx-include="closest form"
      hx-target="this"
      hx-swap="innerHTML"
      hx-push-url="false"
    ></datalist>
  );
}

/** The options of a Suggestions datalist. */
export function SuggestedOptions(p: { values: string[] }) {
  return (
    <>
      {p.values.map((v) => (
        <option value={v}></option>
      ))}
    </>
  );
}
