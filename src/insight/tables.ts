import type { Dict } from '../../views/i18n';
import type { Insight } from './insight';
import { shown, shownRate, type Shown, SUPPRESSED } from './present';

/**
 * The data table of each Inzicht section: the page shows it beside the chart, and the CSV download
 * is the same rows. Counts pass through `shown` and rates through `shownRate` here, once, so the
 * page and the file hide the same small numbers.
 */

export type Cell = string | Shown | { rate: number | typeof SUPPRESSED | null };
export type DataTable = { title: string; headers: string[]; rows: Cell[][] };

/** Rows per table on the page (a national network has tens of thousands of pairs; the CSV has every row). */
export const PAGE_ROWS = 50;

export const SECTIONS = ['hosting', 'occupancy', 'reliability', 'learning', 'trend'] as const;
export type Section = (typeof SECTIONS)[number];

/** `limit`: the page shows the first rows (the largest pairs first); the CSV has them all. */
export function sectionTable(data: Insight, section: Section, t: Dict, limit = Number.POSITIVE_INFINITY): DataTable {
  const i = t.insight;
  switch (section) {
    case 'hosting':
      return {
        title: i.hosting.title,
        headers: [i.hosting.guest, i.hosting.host, i.hosting.dagdelen],
        rows: data.hosting.pairs.slice(0, limit).map((p) => [p.guestOrg, p.hostOrg, shown(p.dagdelen)]),
      };
    case 'occupancy':
      return {
        title: i.occupancy.title,
        headers: [i.occupancy.location, i.town, i.occupancy.booked, i.occupancy.available, i.occupancy.rate],
        rows: data.occupancy.locations
          .slice(0, limit)
          .map((l) => [l.location, l.town, shown(l.booked), l.available, { rate: occupancyRate(l.booked, l.available) }]),
      };
    case 'reliability':
      return {
        title: i.reliability.title,
        headers: [
          i.reliability.org,
          i.reliability.role,
          i.reliability.total,
          i.reliability.noShow,
          i.reliability.lateCancel,
          i.reliability.declined,
          i.reliability.expired,
        ],
        rows: data.reliability
          .slice(0, limit)
          .map((r) => [
            r.org ?? i.reliability.network,
            i.reliability.roles[r.role],
            shown(r.total),
            { rate: shownRate(r.noShow, r.total) },
            { rate: shownRate(r.lateCancel, r.total) },
            { rate: shownRate(r.declined, r.total) },
            { rate: shownRate(r.expired, r.total) },
          ]),
      };
    case 'learning': {
      const l = data.learning;
      return {
        title: i.learning.title,
        headers: [i.learning.figure, i.learning.value],
        rows: [
          [i.learning.held, shown(l.held)],
          [i.learning.threeOrMore, shown(l.threeOrMoreOrgs)],
          [i.learning.waitlisted, shown(l.waitlistedNotIn)],
          [i.learning.hours, l.presentTotal > 0 && shown(l.presentTotal) === SUPPRESSED ? SUPPRESSED : l.reflectionHours],
          [i.learning.cancelledTooFew, shown(l.cancelledTooFew)],
          ...l.participants.map((p): Cell[] => [`${i.learning.present}: ${p.org}`, shown(p.present)]),
        ],
      };
    }
    case 'trend':
      return {
        title: i.trend.title,
        headers: [i.trend.month, i.trend.dagdelen, i.trend.noShow, i.trend.meetings, i.trend.present],
        rows: data.trend.map((m) => [m.month, shown(m.dagdelen), shown(m.noShow), shown(m.meetings), shown(m.present)]),
      };
  }
}

/** A cell as CSV: numbers stay numbers (a share as a fraction), "< 5" stays text. */
export function cellValue(c: Cell): string | number {
  if (typeof c === 'object') return c.rate === null ? '' : c.rate;
  return c;
}

/** Booked of available; hidden when the booked count itself would be (the available places are public). */
export function occupancyRate(booked: number, available: number): number | typeof SUPPRESSED | null {
  if (available === 0) return null;
  return shown(booked) === SUPPRESSED ? SUPPRESSED : booked / available;
}
