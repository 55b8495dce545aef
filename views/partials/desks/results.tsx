import type { Dict, Locale } from '../../i18n';
import { formatLocalDate } from '../../i18n/format';
import type { Daypart } from '../../../db/schema/desks';
import type { NoResults, SpaceResult } from '../../../src/desks/desks';
import type { Paging } from '../../../src/lib/paging';
import { fromPager, Pager } from '../pager';
import { rememberedByProps } from '../remembered';
import { type CardProps, cardListAttributes, SpaceCard } from './cards';

export type ResultsProps = {
  t: Dict;
  locale: Locale;
  /** Null when the filters were invalid: the form shows the messages, the results stay empty. */
  results: SpaceResult[] | null;
  date: string;
  daypart: Daypart | 'whole';
  mine: Map<number, Daypart[]>;
  /** Dagdelen of the date the viewer (or `forUser`) holds at any space (`CardProps.held`). */
  held: Daypart[];
  asOrg: number | null;
  /** The colleague the search books for; null: the viewer. */
  forUser?: { id: string; name: string } | null;
  message?: string | null;
  /** The holiday or closures that close locations on this date, by name. */
  closedNote?: string | null;
  /** Why nothing was found, when one rule explains it (`whyNoResults`). */
  why?: NoResults | null;
  /** Spaces were found but none has a place for the dagdeel asked for (`allFull`). */
  full?: boolean;
  /** Which page of the results this is; null without results. */
  paging: Paging | null;
  /** The request's path and query, for the page links. */
  url: string;
  /** The element that sent the htmx request (`HX-Trigger`), if any: after a page link the results take the focus. */
  trigger?: string | null;
};

const PAGER_ID = 'desk-page';

/** What an empty search says: the reason when one is known, else the plain "nothing with these filters". */
function noneText(p: ResultsProps): string {
  const t = p.t.desks.search;
  const why = p.why;
  if (!why) return t.none;
  if (why.kind === 'beyond_horizon') return t.why.beyond_horizon(formatLocalDate(p.locale, why.lastDate, true));
  return t.why[why.kind];
}

/**
 * A search card's HTML, drawn once for the same props. `SpaceCard` is a pure function of its
 * props, and a kept card is used only for props equal by value (`rememberedByProps`), free places
 * included: a booking changes the row, so a remembered card can never show old availability.
 * Most cards of a busy search are the same from one request to the next, and drawing 20 cards
 * with hono/jsx was the largest part of the page's cost (issue #18, bench/RESULTS.md).
 * At most RENDERED_CARDS_MAX (~1.5 KiB each), CARD_VARIANTS_MAX per space, date and dagdeel; the oldest go first.
 */
export const RENDERED_CARDS_MAX = 2000;
export const CARD_VARIANTS_MAX = 16;
export const renderedCard = rememberedByProps<Omit<CardProps, 'notice'>>(
  RENDERED_CARDS_MAX,
  CARD_VARIANTS_MAX,
  (p) => `${p.row.spaceId} ${p.date} ${p.daypart}`,
  (p) => <SpaceCard {...p} />,
);

/** The search results: rendered inside the search page, and alone for htmx's active search. */
export function SearchResults(p: ResultsProps) {
  const t = p.t.desks.search;
  const focus = fromPager(p.trigger, PAGER_ID);
  return (
    <section id="desk-results" aria-labelledby="desk-results-title">
      <h2 id="desk-results-title" tabindex={focus ? -1 : undefined} autofocus={focus || undefined}>
        {p.results ? t.resultsFor(formatLocalDate(p.locale, p.date, true), p.t.dayparts[p.daypart]) : t.results}
      </h2>
      {p.message && <p role="alert">{p.message}</p>}
      {p.closedNote && <p class="closed-note">{p.closedNote}</p>}
      {p.results && p.paging && p.paging.total > 0 && <p>{t.shown(p.paging.from, p.paging.to, p.paging.total)}</p>}
      {p.results && p.results.length === 0 && <p class="empty-state">{noneText(p)}</p>}
      {p.results && p.results.length > 0 && p.full && <p class="empty-state">{t.why.allFull}</p>}
      {p.results && p.results.length > 0 && (
        // Every card's booking form swaps its own card, and asks for the card back (not the whole page).
        <div
          class="space-cards"
          hx-target="closest article"
          hx-swap="outerHTML"
          hx-push-url="false"
          hx-vals={'{"fragment":"card"}'}
          {...cardListAttributes(p.date, p.daypart, p.forUser)}
        >
          {p.results.map((r) =>
            renderedCard({
              t: p.t,
              locale: p.locale,
              row: r,
              date: p.date,
              daypart: p.daypart,
              mine: p.mine.get(r.spaceId) ?? [],
              held: p.held,
              asOrg: p.asOrg,
              forUser: p.forUser,
            }),
          )}
        </div>
      )}
      {p.paging && <Pager t={p.t} paging={p.paging} url={p.url} target="#desk-results" id={PAGER_ID} />}
    </section>
  );
}
