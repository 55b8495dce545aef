import { createEvent } from 'ics';
import type { Dict } from '../../views/i18n';
import { instantOf } from '../lib/time';
import type { MyBooking } from './bookings';
import { DAYPART_TIMES } from './rules';

/**
 * A calendar file for one booking. Times are converted from Amsterdam wall time to UTC by
 * instantOf (correct across daylight-saving changes) and written as UTC (…Z), which every
 * calendar reads without needing a VTIMEZONE block.
 */
export function bookingIcs(t: Dict, b: MyBooking, baseUrl: string): string | null {
  const times = DAYPART_TIMES[b.daypart];
  const { error, value } = createEvent({
    uid: `booking-${b.id}@gastplek`,
    start: instantOf(b.date, times.start).getTime(),
    startInputType: 'utc',
    startOutputType: 'utc',
    end: instantOf(b.date, times.end).getTime(),
    endInputType: 'utc',
    endOutputType: 'utc',
    title: t.desks.ics.summary(b.spaceName, b.locationName),
    description: t.desks.ics.description(b.hostOrgName),
    location: `${b.street}, ${b.postcode} ${b.town}`,
    url: `${baseUrl}/bookings`,
    status: b.status === 'pending' ? 'TENTATIVE' : 'CONFIRMED',
    productId: 'gastplek/desks',
  });
  if (error || !value) return null;
  return value;
}
