import type { Dict, Locale } from '../../i18n';
import type { MyBooking } from '../../../src/desks/bookings';
import { BookingItem } from '../../partials/desks/bookings';
import type { MyConsult } from '../../../src/consults/consults';
import { MyConsultsSection } from '../consults';
import { ConfirmDisclosure } from '../../partials/confirm';
import { formatLocalDate } from '../../i18n/format';

/** Mijn reserveringen in groups (`listMyBookings`): today, upcoming, requests, and earlier (collapsed). */
export function MyBookingsPage(p: {
  t: Dict;
  locale: Locale;
  today: MyBooking[];
  upcoming: MyBooking[];
  requests: MyBooking[];
  earlier: MyBooking[];
  /** Today's date. */
  now: string;
  consults: MyConsult[];
  /** Upcoming bookings the user made for colleagues. */
  forColleagues: (MyBooking & { ownerName: string })[];
}) {
  const t = p.t.desks.bookings;
  const item = (b: MyBooking) => <BookingItem t={p.t} locale={p.locale} b={b} today={p.now} />;
  return (
    <section>
      <h1>{t.title}</h1>
      <p>
        <a href="/desks">{p.t.desks.nav.search}</a>
      </p>
      {p.today.length > 0 && (
        <section class="booking-group" aria-labelledby="bookings-today">
          <h2 id="bookings-today">{t.today}</h2>
          {p.today.map(item)}
        </section>
      )}
      <section class="booking-group" aria-labelledby="bookings-upcoming">
        <h2 id="bookings-upcoming">{t.upcoming}</h2>
        {p.upcoming.length === 0 ? (
          <p class="empty-state">
            {t.noneUpcoming} — <a href="/desks">{t.findDesk}</a>
          </p>
        ) : (
          p.upcoming.map(item)
        )}
      </section>
      {p.requests.length > 0 && (
        <section class="booking-group" aria-labelledby="bookings-requests">
          <h2 id="bookings-requests">{t.requests}</h2>
          <p>{t.requestsHint}</p>
          {p.requests.map(item)}
        </section>
      )}
      {p.forColleagues.length > 0 && <BookedForColleagues t={p.t} locale={p.locale} list={p.forColleagues} />}
      <MyConsultsSection t={p.t} locale={p.locale} consults={p.consults} />
      <section class="booking-group" aria-labelledby="bookings-earlier">
        <h2 id="bookings-earlier">{t.past}</h2>
        {p.earlier.length === 0 ? (
          <p>{t.nonePast}</p>
        ) : (
          <details>
            <summary>{t.showPast(p.earlier.length)}</summary>
            {p.earlier.map(item)}
          </details>
        )}
      </section>
    </section>
  );
}

/** What the user booked for colleagues (ADR 012): whom, where and when, and a confirmed cancel that tells the colleague. */
function BookedForColleagues(p: { t: Dict; locale: Locale; list: (MyBooking & { ownerName: string })[] }) {
  const c = p.t.desks.colleague;
  return (
    <section class="booking-group" aria-labelledby="bookings-for-colleagues">
      <h2 id="bookings-for-colleagues">{c.forOthersTitle}</h2>
      <p>{c.forOthersIntro}</p>
      <ul class="for-colleagues">
        {p.list.map((b) => (
          <li>
            <strong>{c.forOthersWho(b.ownerName)}</strong>: {formatLocalDate(p.locale, b.date, true)}, {p.t.dayparts[b.daypart]} — {b.spaceName},{' '}
            {b.locationName} ({p.t.desks.status[b.status]})
            <ConfirmDisclosure
              summary={c.cancelFor(b.ownerName)}
              action={`/bookings/${b.id}/cancel`}
              says={c.cancelForConfirm(b.ownerName)}
              submit={c.cancelFor(b.ownerName)}
            />
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The check-in link of a location (its poster): the person's own bookings there today, or why there are none. */
export function CheckinHerePage(p: { t: Dict; locale: Locale; bookings: MyBooking[]; today: string }) {
  const t = p.t.desks.checkinHere;
  return (
    <section>
      <h1>{t.title}</h1>
      {p.bookings.length === 0 ? (
        <p class="empty-state">
          {t.none} — <a href="/bookings">{p.t.desks.bookings.title}</a>
        </p>
      ) : (
        p.bookings.map((b) => <BookingItem t={p.t} locale={p.locale} b={b} today={p.today} />)
      )}
    </section>
  );
}
