import type { Dict, Locale } from '../../i18n';
import { formatDateTime, formatTime } from '../../i18n/format';
import type { MeetingCard as Card } from '../../../src/intervision/meetings';
import type { Paging } from '../../../src/lib/paging';
import { Pager } from '../pager';

type PlaceFields = { placeKind: 'location' | 'address' | 'online'; placeName: string | null; address: string | null; town: string | null };

export function placeText(t: Dict, m: PlaceFields): string {
  if (m.placeKind === 'online') return t.intervision.placeKinds.online;
  return [m.placeName, m.address, m.town].filter(Boolean).join(', ');
}

export function whenText(locale: Locale, m: { startsAt: Date; endsAt: Date }): string {
  return `${formatDateTime(locale, m.startsAt)}–${formatTime(locale, m.endsAt)}`;
}

export function placesText(t: Dict, m: { maxParticipants: number; status: string }, registered: number, waiting: number): string {
  if (m.status === 'cancelled') return t.intervision.places.cancelled;
  const left = m.maxParticipants - registered;
  return left > 0 ? t.intervision.places.left(left) : t.intervision.places.waiting(waiting);
}

/**
 * Places left or the waiting-list length. The same element is rendered in the card and returned
 * alone by GET /meetings/:id/places, which it polls; the surrounding aria-live region announces changes.
 */
export function Places(p: { t: Dict; m: { id: number; maxParticipants: number; status: string }; registered: number; waiting: number }) {
  return (
    <span class="places" hx-get={`/meetings/${p.m.id}/places`} hx-trigger="every 30s" hx-swap="outerHTML">
      {placesText(p.t, p.m, p.registered, p.waiting)}
    </span>
  );
}

export function MeetingCard(p: { t: Dict; locale: Locale; m: Card; myStatus?: string }) {
  const t = p.t.intervision;
  return (
    <article class="meeting-card">
      <header>
        <h3>
          <a href={`/meetings/${p.m.id}`}>{p.m.title}</a>
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
      {p.myStatus && (p.myStatus === 'registered' || p.myStatus === 'waitlisted') && (
        <p class="status status-ok">{t.list.you(t.statuses[p.myStatus])}</p>
      )}
    </article>
  );
}

/** The result list: inside the page, and alone for htmx active search. */
/** Which page of the meeting list is shown; `url` is the request's path and query, for the page links. */
export type Listing = { paging: Paging; url: string; focus?: boolean };

export function MeetingResults(p: { t: Dict; locale: Locale; meetings: Card[]; mine: Map<number, string> } & Listing) {
  const t = p.t.intervision.list;
  const pg = p.paging;
  return (
    <div id="meeting-results">
      {/* The focus target after a page link (a heading: focusing the live region would announce it twice). */}
      <h2 class="visually-hidden" tabindex={p.focus ? -1 : undefined} autofocus={p.focus || undefined}>
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
      <Pager t={p.t} paging={pg} url={p.url} target="#meeting-results" id="meeting-page" />
    </div>
  );
}
