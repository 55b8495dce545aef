import type { Dict } from '../../i18n';
import { AMENITIES } from '../../../db/schema/desks';
import { ErrorSummary, Field, Select, type FormState } from '../../partials/form';
import { SearchResults, type ResultsProps } from '../../partials/desks/results';

export type SearchPageProps = {
  t: Dict;
  state: FormState;
  towns: string[];
  orgs: { id: number; name: string }[];
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
  const chosen = new Set(list(p.state, 'amenities'));
  const townErr = p.state.errors?.town;
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
          <ErrorSummary state={p.state} title={p.t.form.errorSummary} />
          <form
            method="get"
            action="/desks"
            class="desk-search"
            hx-get="/desks"
            hx-trigger="submit, change, input changed delay:300ms from:#f-town"
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
              <datalist id="desk-towns">
                {p.towns.map((town) => (
                  <option value={town}></option>
                ))}
              </datalist>
              <Select
                state={p.state}
                name="org"
                label={t.org}
                options={[{ value: '', label: t.anyOrg }, ...p.orgs.map((o) => ({ value: String(o.id), label: o.name }))]}
              />
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
          {/* The live region stays while htmx replaces the results inside it, so new counts are announced. */}
          <div aria-live="polite">
            <SearchResults {...p.results} />
          </div>
        </>
      )}
    </section>
  );
}
