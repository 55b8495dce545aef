import type { Dict, Locale } from '../../i18n';
import { formatLocalDate } from '../../i18n/format';
import type { Daypart } from '../../../db/schema/desks';
import type { SpaceResult } from '../../../src/desks/desks';
import type { Paging } from '../../../src/lib/paging';
import { Pager } from '../pager';
import { SpaceCard } from './cards';

export type ResultsProps = {
  t: Dict;
  locale: Locale;
  /** Null when the filters were invalid: the form shows the messages, the results stay empty. */
  results: SpaceResult[] | null;
  date: string;
  daypart: Daypart | 'whole';
  mine: Map<number, Daypart[]>;
  asOrg: number | null;
  message?: string | null;
  /** Which page of the results this is; null without results. */
  paging: Paging | null;
  /** The request's path and query, for the page links. */
  url: string;
  /** Move the focus to the results (after a page link was followed with htmx). */
  focus?: boolean;
};

/** The search results: rendered inside the search page, and alone for htmx's active search. */
export function SearchResults(p: ResultsProps) {
  const t = p.t.desks.search;
  return (
    <section id="desk-results" aria-labelledby="desk-results-title">
      <h2 id="desk-results-title" tabindex={p.focus ? -1 : undefined} autofocus={p.focus || undefined}>
        {p.results ? t.resultsFor(formatLocalDate(p.locale, p.date, true), p.t.dayparts[p.daypart]) : t.results}
      </h2>
      {p.message && <p role="alert">{p.message}</p>}
      {p.results && p.paging && p.paging.total > 0 && <p>{t.shown(p.paging.from, p.paging.to, p.paging.total)}</p>}
      {p.results && p.results.length === 0 && <p>{t.none}</p>}
      {p.results && p.results.length > 0 && (
        <div class="space-cards">
          {p.results.map((r) => (
            <SpaceCard t={p.t} locale={p.locale} row={r} date={p.date} daypart={p.daypart} mine={p.mine.get(r.spaceId) ?? []} asOrg={p.asOrg} />
          ))}
        </div>
      )}
      {p.paging && <Pager t={p.t} paging={p.paging} url={p.url} target="#desk-results" id="desk-page" />}
    </section>
  );
}
