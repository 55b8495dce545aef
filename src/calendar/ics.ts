import { createEvents, type EventAttributes } from 'ics';
import { multiLine, singleLine } from '../lib/text';

export type CalEvent = {
  uid: string;
  start: Date;
  end: Date;
  title: string;
  description?: string;
  location?: string;
  url?: string;
  /** Bumped on every change so calendars replace the old copy (RFC 5545 SEQUENCE). */
  sequence: number;
  status: 'CONFIRMED' | 'TENTATIVE' | 'CANCELLED';
};

export type IcsMethod = 'PUBLISH' | 'CANCEL';

const PRODUCT_ID = 'gastplek/calendar';

/**
 * RFC 5545 text by the `ics` package. Times are written in UTC (…Z): the instants were computed
 * from Europe/Amsterdam wall time with @date-fns/tz, so they are right across daylight-saving
 * changes and every client shows them in its own zone without a VTIMEZONE block.
 * METHOD:CANCEL with STATUS:CANCELLED makes Outlook and Google remove the event.
 */
export function toIcs(events: CalEvent[], method: IcsMethod = 'PUBLISH', calName?: string): string {
  if (events.length === 0) {
    const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', `PRODID:${PRODUCT_ID}`, `METHOD:${method}`, 'CALSCALE:GREGORIAN'];
    if (calName) lines.push(`X-WR-CALNAME:${singleLine(calName).replace(/[\\;,]/g, ' ')}`);
    return [...lines, 'END:VCALENDAR', ''].join('\r\n');
  }
  const attrs: EventAttributes[] = events.map((e) => ({
    uid: e.uid,
    start: e.start.getTime(),
    startInputType: 'utc',
    startOutputType: 'utc',
    end: e.end.getTime(),
    endInputType: 'utc',
    endOutputType: 'utc',
    // Stored text is clean since input strips control characters, but rows from before that (and
    // any other writer) must not break out of their line either: the `ics` package escapes CRLF
    // and LF, not a lone CR or other control characters (ADR 008).
    title: singleLine(e.title),
    description: e.description === undefined ? undefined : multiLine(e.description),
    location: e.location === undefined ? undefined : singleLine(e.location),
    url: e.url === undefined ? undefined : singleLine(e.url),
    sequence: e.sequence,
    status: e.status,
  }));
  const { error, value } = createEvents(attrs, { productId: PRODUCT_ID, method, ...(calName ? { calName: singleLine(calName) } : {}) });
  if (error || !value) throw error ?? new Error('ics: no output');
  return value;
}

/**
 * A SEQUENCE that grows with every change without a counter column: whole seconds between
 * creation and the last update (every write of a booking or meeting sets updated_at).
 */
export function sequenceOf(createdAt: Date, updatedAt: Date | null): number {
  if (!updatedAt) return 0;
  return Math.max(0, Math.floor((updatedAt.getTime() - createdAt.getTime()) / 1000));
}

/**
 * An .ics attachment as the outbox keeps it: the events, turned into RFC 5545 text by `toIcs` when
 * the mail is sent (`renderAttachment`). Validating and writing the events (the `ics` package) took
 * ~1 ms, which the booking's write transaction, holding the database's one write lock, no longer
 * pays (issue #18). The outbox row still holds everything the mail says: nothing is read again.
 */
export type CalendarAttachment = {
  filename: string;
  contentType: string;
  calendar: { method: IcsMethod; events: (Omit<CalEvent, 'start' | 'end'> & { start: number; end: number })[] };
};

export function icsAttachment(filename: string, events: CalEvent[], method: IcsMethod): CalendarAttachment {
  return {
    filename,
    contentType: `text/calendar; charset=utf-8; method=${method}`,
    calendar: { method, events: events.map((e) => ({ ...e, start: e.start.getTime(), end: e.end.getTime() })) },
  };
}

/** A kept attachment as it is sent: an .ics written from its events, any other as it is. */
export function renderAttachment<A extends { filename: string; contentType: string; content: string }>(a: A | CalendarAttachment) {
  if (!('calendar' in a)) return a;
  const events = a.calendar.events.map((e) => ({ ...e, start: new Date(e.start), end: new Date(e.end) }));
  return { filename: a.filename, contentType: a.contentType, content: toIcs(events, a.calendar.method) };
}
