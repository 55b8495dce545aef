import type { DB } from '../../src/db';

/** What a raw booking row says of people; each may be null. */
export type RawBookingPeople = {
  user: string | null;
  guestOrg: number | null;
  note: string | null;
  visitorName: string | null;
  visitorOrg: string | null;
  bookedBy: string | null;
};

/**
 * A confirmed morning booking written straight into the table, on any date (also long past, which
 * the booking rules refuse): for the retention tests. Returns its id.
 */
export function rawBooking(db: DB, space: { spaceId: number; locationId: number }, hostOrgId: number, date: string, people: RawBookingPeople): number {
  return db.$client
    .prepare(
      `insert into bookings (space_id, location_id, org_id, user_id, guest_org_id, date, daypart, status, note, visitor_name, visitor_org, booked_by, updated_at)
       values (@space, @loc, @org, @user, @guestOrg, @date, 'morning', 'confirmed', @note, @visitorName, @visitorOrg, @bookedBy, 0)`,
    )
    .run({ space: space.spaceId, loc: space.locationId, org: hostOrgId, date, ...people }).lastInsertRowid as number;
}
