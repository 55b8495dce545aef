import type { Dict, Locale } from '../../i18n';
import type { MyBooking } from '../../../src/desks/bookings';
import { BookingItem } from '../../partials/desks/bookings';
import type { MyConsult } from '../../../src/consults/consults';
import { MyConsultsSection } from '../consults';

export function MyBookingsPage(p: { t: Dict; locale: Locale; upcoming: MyBooking[]; past: MyBooking[]; today: string; consults: MyConsult[] }) {
  const t = p.t.desks.bookings;
  return (
    <section>
      <h1>{t.title}</h1>
      <p>
        <a href="/desks">{p.t.desks.nav.search}</a>
      </p>
      <h2>{t.upcoming}</h2>
      {p.upcoming.length === 0 ? (
        <p class="empty-state">
          {t.noneUpcoming} — <a href="/desks">{t.findDesk}</a>
        </p>
      ) : (
        p.upcoming.map((b) => <BookingItem t={p.t} locale={p.locale} b={b} today={p.today} />)
      )}
      <MyConsultsSection t={p.t} locale={p.locale} consults={p.consults} />
      <h2>{t.past}</h2>
      {p.past.length === 0 ? <p>{t.nonePast}</p> : p.past.map((b) => <BookingItem t={p.t} locale={p.locale} b={b} today={p.today} />)}
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
