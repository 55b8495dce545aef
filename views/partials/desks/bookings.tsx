import type { Dict, Locale } from '../../i18n';
import { formatDateTime, formatLocalDate, formatTime } from '../../i18n/format';
import type { GuestRow as GuestRowData, MyBooking, OpenRequest } from '../../../src/desks/bookings';
import { StatusWord } from './cards';
import { NoticeLine, type Notice } from '../notice';
import { ConfirmDisclosure } from '../confirm';
import { daypartOver } from '../../../src/desks/rules';

/** Guest instructions of a location: only rendered for people with a booking there, and its hosts. */
export function Instructions(p: { t: Dict; guestInstructions: string | null; houseRules: string | null; contactPerson: string | null }) {
  const t = p.t.desks.space;
  if (!p.guestInstructions && !p.houseRules && !p.contactPerson) return null;
  return (
    <div class="instructions">
      {p.guestInstructions && (
        <>
          <h4>{t.instructions}</h4>
          <p class="prewrap">{p.guestInstructions}</p>
        </>
      )}
      {p.houseRules && (
        <>
          <h4>{t.houseRules}</h4>
          <p class="prewrap">{p.houseRules}</p>
        </>
      )}
      {p.contactPerson && (
        <p>
          <strong>{t.contact}:</strong> {p.contactPerson}
        </p>
      )}
    </div>
  );
}

/** One of "my bookings". Cancel and check-in return the same item in its new state. */
export function BookingItem(p: { t: Dict; locale: Locale; b: MyBooking; today: string; notice?: Notice | null }) {
  const t = p.t.desks.bookings;
  const b = p.b;
  const active = (b.status === 'confirmed' || b.status === 'pending') && b.date >= p.today;
  const deadline = b.daypart === 'morning' ? b.deadlineMorning : b.deadlineAfternoon;
  const base = `/bookings/${b.id}`;
  return (
    <article class="booking-item">
      <header>
        <h3>
          {formatLocalDate(p.locale, b.date, true)} · {p.t.dayparts[b.daypart]}
        </h3>
        <p>
          {t.status}: <StatusWord t={p.t} status={b.status} />
        </p>
        {/* Released today: why, and what one can still do (the poster's check-in page shows this item too). */}
        {b.status === 'no_show' && b.date === p.today && !p.notice && <p>{p.t.desks.refusals.released}</p>}
      </header>
      <p>
        <strong>{b.spaceName}</strong> — {b.locationName} ({b.hostOrgName})
        <br />
        {b.street}, {b.postcode} {b.town}
      </p>
      {b.bookedByName && <p>{p.t.desks.colleague.bookedBy(b.bookedByName)}</p>}
      {b.note && (
        <p>
          <strong>{t.note}:</strong> {b.note}
        </p>
      )}
      {/* Only with a booking (PRODUCT): a request still waiting for the host does not get them yet. */}
      {active && b.status === 'confirmed' && (
        <Instructions t={p.t} guestInstructions={b.guestInstructions} houseRules={b.houseRules} contactPerson={b.contactPerson} />
      )}
      <NoticeLine notice={p.notice} />
      {b.checkedInAt && <p class="status status-ok">{t.checkedIn(formatTime(p.locale, b.checkedInAt))}</p>}
      {active && (
        <div class="booking-actions">
          {b.status === 'confirmed' && b.date === p.today && !b.checkedInAt && (
            <form method="post" action={`${base}/checkin`} hx-post={`${base}/checkin`} hx-target="closest article" hx-swap="outerHTML">
              <p>
                <small>{t.checkinBy(deadline)}</small>
              </p>
              <button type="submit">{t.checkin}</button>
            </form>
          )}
          <a href={`${base}.ics`} download>
            {t.ics}
          </a>
          {b.status === 'confirmed' && (
            <a href={`/people/here/${b.locationId}/${b.date}`}>
              {p.t.people.here.link}
              <span class="visually-hidden">{` ${b.locationName}, ${formatLocalDate(p.locale, b.date, true)}`}</span>
            </a>
          )}
          {/* Once there (checked in or marked arrived) the booking is a record of having been there, not something to cancel. */}
          {!b.checkedInAt && !b.arrivedAt && (
            <ConfirmDisclosure
              summary={t.cancel}
              action={`${base}/cancel`}
              says={t.cancelConfirm}
              submit={t.cancelSubmit}
              htmx={{ 'hx-post': `${base}/cancel`, 'hx-target': 'closest article', 'hx-swap': 'outerHTML' }}
            />
          )}
        </div>
      )}
    </article>
  );
}

/** One guest on the host's list; every action returns the same row in its new state. */
/** `today` and `time`: now, as the Amsterdam date and HH:MM (no-show is offered once the check-in deadline has passed). */
export function GuestRow(p: { t: Dict; locale: Locale; g: GuestRowData; today: string; time: string; notice?: Notice | null }) {
  const t = p.t.desks.guests;
  const g = p.g;
  const base = `/host/bookings/${g.id}`;
  const act = (action: string, label: string, cls = 'secondary small') => (
    <form method="post" action={`${base}/${action}`} hx-post={`${base}/${action}`} hx-target="closest tr" hx-swap="outerHTML" class="inline">
      <button type="submit" class={cls}>
        {label}
        <span class="visually-hidden">{`: ${g.name ?? t.nameRemoved}, ${p.t.dayparts[g.daypart]}`}</span>
      </button>
    </form>
  );
  const who = g.name ?? t.nameRemoved;
  // Declining and no-show tell the guest and free the desk: said and confirmed first.
  const confirmed = (action: string, label: string, says: string) => (
    <ConfirmDisclosure
      summary={label}
      action={`${base}/${action}`}
      says={says}
      submit={`${label}: ${who}`}
      htmx={{ 'hx-post': `${base}/${action}`, 'hx-target': 'closest tr', 'hx-swap': 'outerHTML' }}
    />
  );
  return (
    <tr id={`booking-${g.id}`}>
      <td>
        {g.name ?? <em>{t.nameRemoved}</em>}
        {g.visitor && (
          <>
            <br />
            <small>{t.visitor}</small>
          </>
        )}
      </td>
      <td>{g.orgName ?? ''}</td>
      <td>{g.spaceName}</td>
      <td>{p.t.dayparts[g.daypart]}</td>
      <td>
        <StatusWord t={p.t} status={g.status} />
        {g.checkedInAt && (
          <>
            <br />
            <small>{t.checkedInAt(formatTime(p.locale, g.checkedInAt))}</small>
          </>
        )}
        {g.arrivedAt && (
          <>
            <br />
            <small>{t.arrivedAt(formatTime(p.locale, g.arrivedAt))}</small>
          </>
        )}
      </td>
      <td>{g.note ?? ''}</td>
      <td>
        <NoticeLine notice={p.notice} />
        {/* A guest who checked in is there: "Aangekomen" still records the host's word, never "No-show" (hostBookingAction refuses it too). */}
        {g.status === 'confirmed' && g.date <= p.today && !g.arrivedAt && (
          <>
            {act('arrived', t.markArrived, 'small')}
            {!g.checkedInAt &&
              daypartOver({ checkinDeadlineMorning: g.checkinDeadline, checkinDeadlineAfternoon: g.checkinDeadline }, g.date, g.daypart, {
                today: p.today,
                time: p.time,
              }) &&
              confirmed('no-show', t.markNoShow, t.noShowConfirm(who, p.t.dayparts[g.daypart]))}
          </>
        )}
        {g.status === 'pending' && g.date >= p.today && (
          <>
            {act('approve', t.approve, 'small')}
            {confirmed('decline', t.decline, t.declineConfirm(who, p.t.dayparts[g.daypart]))}
          </>
        )}
      </td>
    </tr>
  );
}

/** One request in the host's "Open verzoeken"; approving or declining returns the same row in its new state. */
export function RequestRow(p: { t: Dict; locale: Locale; r: OpenRequest; today: string; now: Date; notice?: Notice | null }) {
  const g = p.r;
  const base = `/host/bookings/${g.id}`;
  const open = g.status === 'pending' && g.date >= p.today && !(g.respondBy && g.respondBy <= p.now);
  const act = (action: string, label: string, cls: string) => (
    <form
      method="post"
      action={`${base}/${action}?from=requests`}
      hx-post={`${base}/${action}?from=requests`}
      hx-target="closest tr"
      hx-swap="outerHTML"
      class="inline"
    >
      <button type="submit" class={cls}>
        {label}
        <span class="visually-hidden">{`: ${g.name}, ${formatLocalDate(p.locale, g.date)}, ${p.t.dayparts[g.daypart]}`}</span>
      </button>
    </form>
  );
  return (
    <tr id={`request-${g.id}`}>
      <td>{formatDateTime(p.locale, g.createdAt)}</td>
      <td>
        {g.name}
        <br />
        <small>{g.orgName}</small>
      </td>
      <td>
        {g.locationName}
        <br />
        <small>{g.spaceName}</small>
      </td>
      <td>
        <a href={`/host/guests?location=${g.locationId}&date=${g.date}#booking-${g.id}`}>
          {formatLocalDate(p.locale, g.date, true)}, {p.t.dayparts[g.daypart]}
        </a>
      </td>
      <td>{g.note ?? ''}</td>
      <td>{g.respondBy ? formatDateTime(p.locale, g.respondBy) : ''}</td>
      <td>
        <NoticeLine notice={p.notice} />
        {open ? (
          <>
            {act('approve', p.t.desks.guests.approve, 'small')}
            <ConfirmDisclosure
              summary={p.t.desks.guests.decline}
              action={`${base}/decline?from=requests`}
              says={p.t.desks.guests.declineConfirm(g.name ?? p.t.desks.guests.nameRemoved, `${formatLocalDate(p.locale, g.date)}, ${p.t.dayparts[g.daypart]}`)}
              submit={`${p.t.desks.guests.decline}: ${g.name ?? p.t.desks.guests.nameRemoved}`}
              htmx={{ 'hx-post': `${base}/decline?from=requests`, 'hx-target': 'closest tr', 'hx-swap': 'outerHTML' }}
            />
          </>
        ) : (
          <StatusWord t={p.t} status={g.status} />
        )}
      </td>
    </tr>
  );
}
