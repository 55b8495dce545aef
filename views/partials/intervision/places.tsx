import type { Dict, Locale } from '../../i18n';
import { formatDateTime, formatTime } from '../../i18n/format';
import type { MeetingListCard as Card } from '../../../src/intervision/meetings';
import type { Paging } from '../../../src/lib/paging';
import { fromPager, Pager } from '../pager';

type PlaceFields = { placeKind: 'location' | 'address' | 'online'; placeName: string | null; address: string | null; town: string | null };

export function placeText(t: Dict, m: PlaceFields): string {
  if (m.placeKind === 'online') return t.intervision.placeKinds.online;
  return [m.placeName, m.address, m.town].filter(Boolean).join(', ');
}

export function whenText(locale: Locale, m: { startsAt: Date; endsAt: Date }): string {
  return `${formatDateTime(locale, m.startsAt)}–${formatTime(locale, m.endsAt)}`;
}

function placesText(t: Dict, m: { maxParticipants: number; status: string }, registered: number, waiting: number): string {
  if (m.status === 'cancelled') return t.intervision.places.cancelled;
  const left = m.maxParticipants - registered;
  return left > 0 ? t.intervision.places.left(left) : t.intervision.places.waiting(waiting);
}

/**
 * Places left or the waiting-list length. On a meeting's page (`poll`) the element asks
 * GET /meetings/:id/places for itself again every 30 s; the surrounding aria-live region announces
 * changes. In the list's cards it does not poll: the list refreshes itself as a whole.
 */
export function Places(p: { t: Dict; m: { id: number; maxParticipants: number; status: string }; registered: number; waiting: number; poll?: boolean }) {
  const text = placesText(p.t, p.m, p.registered, p.waiting);
  if (!p.poll) return <span class="places">{text}</span>;
  return (
    <span class="places" hx-get={`/meetings/${p.m.id}/places`} hx-trigger="every 30s" hx-swap="outerHTML">
      {text}
    </span>
  );
}

export function MeetingCard(p: { t: Dict; locale: Locale; m: Card; myStatus?: string }) {
  const t = p.t.intervision;
  return (
    <article class="meeting-card">
      <header>
        <h3>
          <a id={`meeting-${p.m.id}-link`} href={`/meetings/${p.m.id}`}>
            {p.m.title}
          </a>
        </h3>
        <p>
          <strong>{whenText(p.locale, p.m)}</strong>
          <br />
          {placeText(p.t, p.m)}
        </p>
      </header>
      <p>
        {t.kinds[p.m.kind]} · {t.methods[p.m.method]}
        <br />
        <small>{t.list.by(p.m.facilitatorName, p.m.orgName)}</small>
      </p>
      <p aria-live="polite">
        <Places t={p.t} m={p.m} registered={p.m.registered} waiting={p.m.waiting} />
      </p>
      {p.myStatus && (p.myStatus === 'registered' || p.myStatus === 'waitlisted') && <p class="status status-ok">{t.list.you(t.statuses[p.myStatus])}</p>}
    </article>
  );
}

/**
 * Which page of the meeting list is shown: `url` is the request's path and query (for the page
 * links and the poll), `trigger` the element that sent the htmx request (after a page link the
 * list takes the focus).
 */
export type Listing = { paging: Paging; url: string; trigger?: string | null };

const PAGER_ID = 'meeting-page';

/**
 * The result list: inside the page, alone for htmx (filters, page links), and alone again every
 * 30 s, when the list asks for itself: one request refreshes the places of all its cards. The
 * inner element polls and replaces the whole list; filters and page links take over from a poll
 * under way (`hx-sync` on the list), a poll waits for them. Ids on the heading and the links let
 * htmx keep the keyboard focus across a refresh. Without JavaScript it is a plain list.
 */
export function MeetingResults(p: { t: Dict; locale: Locale; meetings: Card[]; mine: Map<number, string> } & Listing) {
  const t = p.t.intervision.list;
  const pg = p.paging;
  const focus = fromPager(p.trigger, PAGER_ID);
  return (
    <div id="meeting-results">
      <div hx-get={p.url} hx-trigger="every 30s" hx-target="#meeting-results" hx-swap="outerHTML" hx-sync="#meeting-results:drop">
        {/* The focus target after a page link (a heading: focusing the live region would announce it twice). */}
        <h2 id="meeting-results-title" class="visually-hidden" tabindex={-1} autofocus={focus || undefined}>
          {t.resultsTitle}
        </h2>
        <p role="status">{pg.pages > 1 ? t.shown(pg.from, pg.to, pg.total) : t.results(pg.total)}</p>
        {p.meetings.length === 0 ? (
          <p class="empty-state">
            {t.empty} <a href="/meetings">{t.showAll}</a>
          </p>
        ) : (
          <div class="cards">
            {p.meetings.map((m) => (
              <MeetingCard t={p.t} locale={p.locale} m={m} myStatus={p.mine.get(m.id)} />
            ))}
          </div>
        )}
        <Pager t={p.t} paging={pg} url={p.url} target="#meeting-results" id={PAGER_ID} />
      </div>
    </div>
  );
}
