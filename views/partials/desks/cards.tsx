import type { Dict, Locale } from '../../i18n';
import type { Amenity, BookingStatus, Daypart } from '../../../db/schema/desks';
import { formatLocalDate } from '../../i18n/format';
import { freePlaces, type SpaceResult } from '../../../src/desks/desks';
import { maskToAmenities, type ClosedReason, type LocationClosed, type Refusal } from '../../../src/desks/rules';
import { NoticeLine, type Notice } from '../notice';

/** Status as a word (never colour alone), with a class for a small visual marker. */
export function StatusWord(p: { t: Dict; status: BookingStatus }) {
  const cls = p.status === 'confirmed' ? 'status status-ok' : p.status === 'pending' ? 'status status-warn' : 'status status-off';
  return <span class={cls}>{p.t.desks.status[p.status]}</span>;
}

/** The amenities as one line ("Gastenwifi · Koffie en thee"): on 20 search cards a list element per amenity added up. */
export function AmenityList(p: { t: Dict; mask: number }) {
  const list: Amenity[] = maskToAmenities(p.mask);
  if (list.length === 0) return null;
  return <p class="amenities">{list.map((a) => p.t.desks.amenities[a]).join(' · ')}</p>;
}

/**
 * What a card (or a week-view cell) becomes when its booking form could not be read, or the space
 * can no longer be shown: the message in the card's place, so htmx swaps it where the card was.
 */
export function CardAlert(p: { title?: string; message: string }) {
  return (
    <article class="space-card">
      {p.title && <h3>{p.title}</h3>}
      <NoticeLine notice={{ kind: 'error', text: p.message }} />
    </article>
  );
}

export function SlotAlert(p: { message: string }) {
  return (
    <td class="slot">
      <NoticeLine notice={{ kind: 'error', text: p.message }} />
    </td>
  );
}

/**
 * Why there is no button: the viewer (or the colleague booked for) already holds this dagdeel
 * elsewhere. The link goes to the viewer's own bookings, so only when booking for themselves; and
 * nothing when the refusal notice just said the same.
 */
function HeldElsewhere(p: { t: Dict; forUser?: { id: string; name: string } | null; notice?: Notice | null; as: 'p' | 'span'; oob?: string }) {
  const t = p.t.desks;
  const text = p.forUser ? t.colleague.alreadyBooked(p.forUser.name) : t.refusals.already_booked;
  if (p.notice?.text === text) return null;
  const body = (
    <>
      {text}
      {!p.forUser && (
        <>
          {' '}
          <a href="/bookings">{t.nav.bookings}</a>
        </>
      )}
    </>
  );
  return p.as === 'p' ? (
    <p class="status status-off" hx-swap-oob={p.oob}>
      {body}
    </p>
  ) : (
    <span class="status status-off">{body}</span>
  );
}

/**
 * Sent with the card of a booking just made from the search results: every card of a results list
 * offers the same date and dagdeel (to the same person), so each other card's booking form is now
 * replaced by the reason it cannot be booked, instead of a button that would be refused. An htmx
 * out-of-band swap with a selector swaps every element it matches.
 */
function HeldOnOtherCards(p: { t: Dict; date: string; daypart: Daypart | 'whole'; forUser?: { id: string; name: string } | null }) {
  const list = cardListAttributes(p.date, p.daypart, p.forUser);
  // Only the list this booking came from: if the search changed (another date, dagdeel or person)
  // while the booking was under way, the list now shown is another one and keeps its buttons.
  const selector = `#desk-results .space-cards[data-slot="${list['data-slot']}"][data-for="${list['data-for']}"] form`;
  return <HeldElsewhere t={p.t} forUser={p.forUser} as="p" oob={`outerHTML:${selector}`} />;
}

/** What a results list offers (date, dagdeel, for whom), on its element: what a booking's update of the other cards matches. */
export function cardListAttributes(date: string, daypart: Daypart | 'whole', forUser?: { id: string } | null) {
  return { 'data-slot': `${date} ${daypart}`, 'data-for': forUser?.id ?? '' };
}

/**
 * The answer to a booking from a search card: the card in its new state (or, when the search no
 * longer finds the space, the outcome alone) and, when it booked, the other cards' update.
 */
export function BookedCard(p: Omit<CardProps, 'row'> & { row: SpaceResult | undefined; title: string; booked: boolean }) {
  const { booked, row, title, ...card } = p;
  return (
    <>
      {row ? <SpaceCard {...card} row={row} /> : <CardAlert title={title} message={p.notice?.text ?? ''} />}
      {booked && <HeldOnOtherCards t={p.t} date={p.date} daypart={p.daypart} forUser={p.forUser} />}
    </>
  );
}

/** The week view of a space from a card, for the same organisation and person as the search. */
const weekHref = (spaceId: number, date: string, asOrg: number | null, forUser?: { id: string } | null) =>
  `/desks/spaces/${spaceId}?week=${date}${asOrg !== null ? `&as=${asOrg}` : ''}${forUser ? `&for=${encodeURIComponent(forUser.id)}` : ''}`;

export type CardProps = {
  t: Dict;
  locale: Locale;
  row: SpaceResult;
  date: string;
  daypart: Daypart | 'whole';
  /** Dagdelen of this date the viewer already holds at this space. */
  mine: Daypart[];
  /**
   * Dagdelen of this date the viewer (or `forUser`) holds at any space, this one included: a
   * person holds one desk per dagdeel, so the card offers no button where that would be refused.
   */
  held: Daypart[];
  asOrg: number | null;
  /** The colleague this search books for (`colleaguesOf`); null or absent: the viewer. */
  forUser?: { id: string; name: string } | null;
  notice?: Notice | null;
};

/** One space in the search results. Booking from it returns the same card in its new state. */
export function SpaceCard(p: CardProps) {
  const t = p.t.desks;
  const r = p.row;
  // Desks held for the host's own staff are not free for guests until the reservation lapses.
  const freeM = freePlaces(r, 'morning');
  const freeA = freePlaces(r, 'afternoon');
  const parts: Daypart[] = p.daypart === 'whole' ? ['morning', 'afternoon'] : [p.daypart];
  const free = freePlaces(r, p.daypart);
  const mineHere = parts.every((d) => p.mine.includes(d));
  // A whole-day search where one dagdeel here is already the viewer's: the other is booked on its own.
  // When the other half is held too (elsewhere), there is nothing to book: the plain "held" status.
  const minePart = !mineHere && !parts.every((d) => p.held.includes(d)) ? parts.find((d) => p.mine.includes(d)) : undefined;
  const heldElsewhere = !mineHere && !minePart && parts.some((d) => p.held.includes(d));
  // Starts in lower case ("ochtend door jou …"): after "Voor <naam>:" it stays so, alone it is capitalised.
  const partText = minePart && t.search.partBooked(p.t.dayparts[minePart], p.t.dayparts[minePart === 'morning' ? 'afternoon' : 'morning']);
  const over = parts.some((d) => (d === 'morning' ? r.overMorning : r.overAfternoon));
  const orgFull = r.share[p.daypart] === 'org_share_full';
  const action = `/desks/spaces/${r.spaceId}/book`;
  return (
    <article class="space-card">
      <h3 id={`s${r.spaceId}`}>
        <a href={weekHref(r.spaceId, p.date, p.asOrg, p.forUser)}>{r.spaceName}</a>
      </h3>
      <p id={`l${r.spaceId}`}>
        {r.locationName}, {r.street}, {r.town} · {r.hostOrgName}
      </p>
      <p>
        {t.kinds[r.kind]} · {t.space.capacity(r.capacity)}
      </p>
      <AmenityList t={p.t} mask={r.amenities} />
      <p class="free">
        {p.daypart === 'whole' ? (
          <>
            {t.search.freeMorning(freeM)} · {t.search.freeAfternoon(freeA)}
          </>
        ) : (
          t.search.free(free, r.capacity)
        )}
      </p>
      {r.approvalRequired ? <p>{t.search.needsApproval}</p> : null}
      <NoticeLine notice={p.notice} />
      {mineHere ? (
        <p class="status status-ok">{p.forUser ? p.t.desks.colleague.bookedFor(p.forUser.name, t.space.bookedByYou) : t.space.bookedByYou}</p>
      ) : partText ? (
        <p class="status status-ok">
          {p.forUser ? p.t.desks.colleague.bookedFor(p.forUser.name, partText) : `${partText[0]!.toUpperCase()}${partText.slice(1)}`}{' '}
          <a href={weekHref(r.spaceId, p.date, p.asOrg, p.forUser)}>{t.search.week.toLowerCase()}</a>.
        </p>
      ) : heldElsewhere ? (
        <HeldElsewhere t={p.t} forUser={p.forUser} notice={p.notice} as="p" />
      ) : over ? (
        <p class="status status-off">{t.search.over}</p>
      ) : free <= 0 ? (
        <p class="status status-off">{t.search.full}</p>
      ) : orgFull ? (
        <p class="status status-off">{t.search.fullForOrg}</p>
      ) : (
        // Sent by htmx to its action (hx-boost); hx-target, hx-swap, hx-push-url and the htmx-only `fragment=card` are set
        // once on the list (results.tsx); the date and
        // dagdeel travel as the button's value (`slot`), so 20 cards do not repeat them as hidden fields.
        <form method="post" action={action} hx-boost="true">
          {p.asOrg !== null && <input type="hidden" name="as" value={String(p.asOrg)} />}
          {p.forUser && <input type="hidden" name="for" value={p.forUser.id} />}
          <details>
            <summary id={`n${r.spaceId}`}>{t.search.note}</summary>
            <textarea name="note" maxlength={280} aria-labelledby={`n${r.spaceId}`}></textarea>
          </details>
          <button type="submit" id={`b${r.spaceId}`} name="slot" value={`${p.date} ${p.daypart}`} aria-labelledby={`b${r.spaceId} s${r.spaceId} l${r.spaceId}`}>
            {p.daypart === 'whole' ? t.search.bookWhole : t.search.book}
            {p.forUser && ` ${p.t.desks.colleague.forName(p.forUser.name)}`}
          </button>
        </form>
      )}
    </article>
  );
}

export type CellProps = {
  t: Dict;
  locale: Locale;
  spaceId: number;
  date: string;
  daypart: Daypart;
  capacity: number;
  taken: number;
  /** Desks held for the host's own staff (`reservedNow`): not free for this viewer. */
  reserved?: number;
  mine: boolean;
  /** The viewer (or `forUser`) holds this dagdeel at another space: no button, the reason instead. */
  heldElsewhere?: boolean;
  /** Why this day cannot be booked (closed, past…), already in words; null when it can. */
  unavailable: string | null;
  /** False for the host organisation's own staff: they see the counts without a button. */
  canBook: boolean;
  asOrg: number | null;
  /** Booking for a colleague (ADR 012): the cell's form carries them, and "mine" means theirs. */
  forUser?: { id: string; name: string } | null;
  notice?: Notice | null;
};

/** What closes a day, by name: the holiday in the reader's language, or the closure's reason. */
export function closedName(t: Dict, closed: ClosedReason): string {
  return closed.kind === 'holiday' ? t.closures.holidays[closed.holiday] : closed.reason;
}

/** Why a whole location is closed on a date (`locationClosures`), as a sentence: "De locatie is gesloten op zondag." */
export function locationClosedText(t: Dict, closed: LocationClosed): string {
  if (closed.kind === 'weekday') return t.closures.locationClosedWeekday(t.desks.weekdays[closed.weekday - 1] ?? '');
  return t.closures.locationClosedOn(closedName(t, closed));
}

/** A week-view cell's words for why its dagdeel cannot be booked (`slotRefusal`), or null when it can. */
export function unavailableText(t: Dict, refusal: Refusal | null, closed?: ClosedReason | null): string | null {
  if (refusal === null) return null;
  if (refusal === 'past' || refusal === 'daypart_over') return t.desks.space.over;
  if (refusal === 'closed' && closed) return t.closures.closedFor(closedName(t, closed));
  if (refusal === 'closed' || refusal === 'closed_weekday') return t.desks.space.closedDay;
  return t.desks.space.unavailable;
}

/** One dagdeel of one day in the week view; booking from it returns the same cell in its new state. */
export function SlotCell(p: CellProps) {
  const t = p.t.desks;
  const free = Math.max(0, p.capacity - (p.reserved ?? 0) - p.taken);
  const action = `/desks/spaces/${p.spaceId}/book`;
  return (
    <td class="slot">
      {p.unavailable ? (
        <>
          <span class="status status-off">{p.unavailable}</span>
          <NoticeLine notice={p.notice} />
        </>
      ) : (
        <>
          <span>{t.search.free(free, p.capacity)}</span>
          <NoticeLine notice={p.notice} />
          {p.mine ? (
            <span class="status status-ok">{p.forUser ? p.t.desks.colleague.bookedFor(p.forUser.name, t.space.bookedByYou) : t.space.bookedByYou}</span>
          ) : p.heldElsewhere && p.canBook ? (
            <HeldElsewhere t={p.t} forUser={p.forUser} notice={p.notice} as="span" />
          ) : free > 0 && p.canBook ? (
            <form method="post" action={action} hx-post={action} hx-target="closest td" hx-swap="outerHTML">
              <input type="hidden" name="date" value={p.date} />
              <input type="hidden" name="daypart" value={p.daypart} />
              <input type="hidden" name="fragment" value="cell" />
              {p.asOrg !== null && <input type="hidden" name="as" value={String(p.asOrg)} />}
              {p.forUser && <input type="hidden" name="for" value={p.forUser.id} />}
              <button type="submit" class="small">
                {t.search.book}
                <span class="visually-hidden">
                  {` ${formatLocalDate(p.locale, p.date)}, ${p.t.dayparts[p.daypart]}${p.forUser ? `, ${p.t.desks.colleague.forName(p.forUser.name)}` : ''}`}
                </span>
              </button>
            </form>
          ) : free <= 0 ? (
            <span class="status status-off">{t.search.full}</span>
          ) : null}
        </>
      )}
    </td>
  );
}
