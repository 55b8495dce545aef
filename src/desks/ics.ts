import type { Dict } from '../../views/i18n';
import { bookingEvent } from '../calendar/events';
import { toIcs } from '../calendar/ics';
import type { MyBooking } from './bookings';

/** A calendar file for one booking; a cancelled or ended booking is sent as METHOD:CANCEL so calendars remove it. */
export function bookingIcs(t: Dict, b: MyBooking, baseUrl: string): string {
  const event = bookingEvent(t, b, baseUrl);
  return toIcs([event], event.status === 'CANCELLED' ? 'CANCEL' : 'PUBLISH');
}
