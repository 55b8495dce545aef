import { instantOf } from '../lib/time';

/** What the slot times depend on: the Amsterdam date and wall-clock start, and the slot length. */
export type SlotClock = { date: string; startTime: string; slotMinutes: number };

/**
 * The instant a slot starts: the hours' Amsterdam wall-clock start (to UTC by @date-fns/tz, so
 * right on either side of a daylight-saving change) plus whole slots of real minutes.
 */
export function slotStart(h: SlotClock, slot: number): Date {
  return new Date(instantOf(h.date, h.startTime).getTime() + slot * h.slotMinutes * 60_000);
}

export function slotEnd(h: SlotClock, slot: number): Date {
  return slotStart(h, slot + 1);
}
