import type { Dict } from '../../views/i18n';
import type { Insight } from './insight';
import { protectRest, shown, shownHours, shownPart, shownPartRate, shownRate, type Rate, type Shown } from './present';

/**
 * What Inzicht shows of each figure, decided once per reading (`presented`) by the rules of
 * `present.ts`, and the data table of each section built from it: the page shows the table beside
 * its chart, and the CSV download is the same rows, so the page, the charts and the files hide the
 * same numbers.
 */

export type Cell = string | Shown | { rate: Rate };
export type DataTable = { title: string; headers: string[]; rows: Cell[][] };

/** Rows per table on the page (a national network has tens of thousands of pairs; the CSV has every row). */
export const PAGE_ROWS = 50;

export const SECTIONS = ['hosting', 'occupancy', 'reliability', 'learning', 'trend'] as const;
export type Section = (typeof SECTIONS)[number];

const RATES = ['noShow', 'lateCancel', 'declined', 'expired'] as const;

export type Presented = {
  hosting: { dagdelen: Shown; pairs: Shown[]; cell: (hostOrgId: number, guestOrgId: number, n: number) => Shown };
  occupancy: {
    booked: Shown;
    rate: Rate;
    locations: { booked: Shown; rate: Rate; cells: Rate[] }[];
  };
  reliability: ({ total: Shown } & Record<(typeof RATES)[number], Rate>)[];
  learning: { participants: Shown[]; hours: Shown };
  trend: { dagdelen: Shown[]; totalDagdelen: Shown };
};

const cache = new WeakMap<Insight, Presented>();

/** Every figure of a reading as shown: counts, rates and the parts a total beside them would give back. */
export function presented(data: Insight): Presented {
  let p = cache.get(data);
  if (!p) cache.set(data, (p = present(data)));
  return p;
}

/** Primary hiding (`small`), then what the total beside the parts would give back. */
function parts(ns: number[], total: number, small: boolean[] = ns.map((n) => shown(n) !== n), totalShown = true): boolean[] {
  return protectRest(ns, small, total, totalShown);
}

function present(d: Insight): Presented {
  // Who hosts whom: the pairs add up to the period's dagdelen when every pair is there (the CSV, a
  // filter, or fewer pairs than the page asks for); an org admin's pairs are part of the network's.
  const h = d.hosting;
  const complete = h.pairs.length < PAGE_ROWS || d.pairsComplete;
  const pairHidden = complete
    ? parts(
        h.pairs.map((x) => x.dagdelen),
        h.dagdelen,
      )
    : h.pairs.map((x) => shown(x.dagdelen) !== x.dagdelen);
  const byPair = new Map(h.pairs.map((x, i) => [`${x.hostOrgId}:${x.guestOrgId}`, pairHidden[i]!]));

  // Occupancy: the locations add up to the total booked, each location's cells to its own.
  const locs = d.occupancy.locations;
  const totalBooked = locs.reduce((a, x) => a + x.booked, 0);
  const totalAvailable = locs.reduce((a, x) => a + x.available, 0);
  const locHidden = parts(
    locs.map((x) => x.booked),
    totalBooked,
  );

  // Reliability: the host rows add up to the network row, and so do the guest rows; a row's rates
  // go with its total (a rate of a withheld total would give the total back with the count).
  const rows = d.reliability;
  const network = rows.find((r) => r.role === 'network');
  const hiddenRows = new Map<number, { total: boolean } & Record<(typeof RATES)[number], boolean>>();
  for (const role of ['host', 'guest'] as const) {
    const idx = rows.flatMap((r, i) => (r.role === role ? [i] : []));
    if (!network) continue;
    const totals = parts(
      idx.map((i) => rows[i]!.total),
      network.total,
    );
    const flags = idx.map((_, k) => ({ total: totals[k]!, noShow: false, lateCancel: false, declined: false, expired: false }));
    for (const key of RATES) {
      const hidden = parts(
        idx.map((i) => rows[i]![key]),
        network[key],
        idx.map((i, k) => flags[k]!.total || typeof shownRate(rows[i]![key], rows[i]!.total) !== 'number'),
      );
      for (const [k, x] of hidden.entries()) flags[k]![key] = x;
    }
    for (const [k, i] of idx.entries()) hiddenRows.set(i, flags[k]!);
  }

  // Learning together: the participants per organisation add up to (part of) the people present.
  const l = d.learning;
  const presences = l.participants.reduce((a, x) => a + x.present, 0);
  const partHidden = parts(
    l.participants.map((x) => x.present),
    l.presentTotal,
  );
  // The trend's months add up to the twelve months' dagdelen in its summary.
  const months = d.trend.map((m) => m.dagdelen);
  const total12 = months.reduce((a, n) => a + n, 0);
  const monthHidden = parts(months, total12);

  return {
    hosting: {
      dagdelen: shown(h.dagdelen),
      pairs: h.pairs.map((x, i) => shownPart(x.dagdelen, pairHidden[i]!)),
      cell: (hostOrgId, guestOrgId, n) => shownPart(n, byPair.get(`${hostOrgId}:${guestOrgId}`) ?? shown(n) !== n),
    },
    occupancy: {
      booked: shown(totalBooked),
      rate: shownRate(totalBooked, totalAvailable, true),
      locations: locs.map((x, i) => {
        const hidden = locHidden[i]!;
        const cells = parts(
          x.cells.map((c) => c.booked),
          x.booked,
          undefined,
          !hidden,
        );
        return {
          booked: shownPart(x.booked, hidden),
          rate: shownPartRate(x.booked, x.available, hidden, true),
          cells: x.cells.map((c, k) => shownPartRate(c.booked, c.available, cells[k]!, true)),
        };
      }),
    },
    reliability: rows.map((r, i) => {
      const f = hiddenRows.get(i);
      return {
        total: shownPart(r.total, f?.total ?? shown(r.total) !== r.total),
        noShow: shownPartRate(r.noShow, r.total, f?.noShow ?? false),
        lateCancel: shownPartRate(r.lateCancel, r.total, f?.lateCancel ?? false),
        declined: shownPartRate(r.declined, r.total, f?.declined ?? false),
        expired: shownPartRate(r.expired, r.total, f?.expired ?? false),
      };
    }),
    learning: {
      participants: l.participants.map((x, i) => shownPart(x.present, partHidden[i]!)),
      hours: shownHours(l.reflectionHours, presences),
    },
    trend: { dagdelen: months.map((n, i) => shownPart(n, monthHidden[i]!)), totalDagdelen: shown(total12) },
  };
}

/** `limit`: the page shows the first rows (the largest pairs first); the CSV has them all. */
export function sectionTable(data: Insight, section: Section, t: Dict, limit = Number.POSITIVE_INFINITY): DataTable {
  const i = t.insight;
  const p = presented(data);
  switch (section) {
    case 'hosting':
      return {
        title: i.hosting.title,
        headers: [i.hosting.guest, i.hosting.host, i.hosting.dagdelen],
        rows: data.hosting.pairs.slice(0, limit).map((x, k) => [x.guestOrg, x.hostOrg, p.hosting.pairs[k]!]),
      };
    case 'occupancy':
      return {
        title: i.occupancy.title,
        headers: [i.occupancy.location, i.town, i.occupancy.booked, i.occupancy.available, i.occupancy.rate],
        rows: data.occupancy.locations
          .slice(0, limit)
          .map((l, k) => [l.location, l.town, p.occupancy.locations[k]!.booked, l.available, { rate: p.occupancy.locations[k]!.rate }]),
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
        rows: data.reliability.slice(0, limit).map((r, k) => {
          const s = p.reliability[k]!;
          return [
            r.org ?? i.reliability.network,
            i.reliability.roles[r.role],
            s.total,
            { rate: s.noShow },
            { rate: s.lateCancel },
            { rate: s.declined },
            { rate: s.expired },
          ];
        }),
      };
    case 'learning': {
      const l = data.learning;
      return {
        title: i.learning.title,
        headers: [i.learning.figure, i.learning.value],
        rows: [
          // Meetings are published events, not people: their counts are shown as they are.
          [i.learning.held, l.held],
          [i.learning.threeOrMore, l.threeOrMoreOrgs],
          [i.learning.waitlisted, shown(l.waitlistedNotIn)],
          [i.learning.hours, p.learning.hours],
          [i.learning.cancelledTooFew, l.cancelledTooFew],
          ...l.participants.map((x, k): Cell[] => [`${i.learning.present}: ${x.org}`, p.learning.participants[k]!]),
        ],
      };
    }
    case 'trend':
      return {
        title: i.trend.title,
        headers: [i.trend.month, i.trend.dagdelen, i.trend.noShow, i.trend.meetings, i.trend.present],
        rows: data.trend.map((m, k) => [m.month, p.trend.dagdelen[k]!, shown(m.noShow), m.meetings, shown(m.present)]),
      };
  }
}

/**
 * A cell as CSV: a whole number as it is, a share as a fraction with a decimal comma, "< 5" and "x"
 * as text. The file is for Dutch spreadsheets whatever the page's language: `toCsv` separates with
 * semicolons, as Excel with Dutch regional settings expects, and that Excel reads "0.125" as 125
 * (the point groups thousands there); with a comma it is the number 0,125.
 */
export function cellValue(c: Cell): string | number {
  const v = typeof c === 'object' ? c.rate : c;
  if (v === null) return '';
  return typeof v === 'number' && !Number.isInteger(v) ? String(v).replace('.', ',') : v;
}
