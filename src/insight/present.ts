/**
 * Small numbers are not shown (issue #14): a count from 1 to 4 reads "< 5", so no single person's
 * behaviour can be read off a chart, a table or a CSV. This file is the one place that decides what
 * is hidden; `tables.ts` applies it once per reading for the page, its charts and the CSVs alike.
 *
 * Three rules:
 * - a count of 1–4 is "< 5" (`shown`);
 * - a rate is hidden when the count it is a share of, or the count behind it, would be: 3,3 % of
 *   91 is 3 no-shows (`shownRate`);
 * - a total shown beside its parts must not give a hidden part back by subtraction: when the total
 *   minus the parts shown is 1–4, the smallest parts shown are hidden too, as "x", until what is
 *   hidden adds up to 5 or more (`protectRest`, secondary suppression as CBS does it).
 */
export const MIN_SHOWN = 5;
export const SUPPRESSED = '< 5';
/** A count of 5 or more hidden because, with a total beside it, it would give a "< 5" back. */
export const WITHHELD = 'x';

export type Hidden = typeof SUPPRESSED | typeof WITHHELD;
export type Shown = number | Hidden;
/** A share from 0 to 1, hidden, or null when there is nothing to divide. */
export type Rate = number | Hidden | null;

const small = (n: number) => n > 0 && n < MIN_SHOWN;

export function shown(n: number): Shown {
  return small(n) ? SUPPRESSED : n;
}

/**
 * `part / total`, or "< 5" when either count is 1–4, or null when there is nothing to divide.
 * `publicTotal`: the total is not about people (an occupancy's available places) and may be small.
 */
export function shownRate(part: number, total: number, publicTotal = false): Rate {
  if (total === 0) return null;
  if (small(part) || (!publicTotal && small(total))) return SUPPRESSED;
  return part / total;
}

/** Reflection hours, hidden as their presences would be (a person's hours are their attendance). */
export function shownHours(hours: number, presences: number): Shown {
  return small(presences) ? SUPPRESSED : hours;
}

/**
 * Which parts of a total to hide, given the ones already hidden (`hidden`), so that the total less
 * the parts shown (the hidden parts and any part of the total not listed, such as the rest of the
 * network beside an org admin's own row) is never 1–4: the smallest parts shown are hidden until it
 * is 0 or 5 or more. `totalShown` false: the total is itself withheld, so the parts shown must not
 * add up to it either. Returns the new hidden flags; a part hidden only here reads "x".
 */
export function protectRest(parts: number[], hidden: boolean[], total: number, totalShown = true): boolean[] {
  const out = [...hidden];
  if (total === 0 || small(total)) return out;
  let rest = total - parts.reduce((a, n, i) => a + (out[i] ? 0 : n), 0);
  const unsafe = () => small(rest) || (!totalShown && rest === 0);
  if (!unsafe()) return out;
  const order = parts.map((n, i) => ({ n, i })).filter((p) => !out[p.i] && p.n > 0);
  order.sort((a, b) => a.n - b.n);
  for (const p of order) {
    if (!unsafe()) break;
    out[p.i] = true;
    rest += p.n;
  }
  return out;
}

/** A count as shown, after `protectRest`: "< 5" when small, "x" when withheld for another's sake. */
export function shownPart(n: number, hidden: boolean): Shown {
  return hidden ? (small(n) ? SUPPRESSED : WITHHELD) : n;
}

/** A rate as shown, after `protectRest` hid the count behind it. */
export function shownPartRate(part: number, total: number, hidden: boolean, publicTotal = false): Rate {
  const r = shownRate(part, total, publicTotal);
  if (!hidden || r === null || typeof r !== 'number') return r;
  return small(part) ? SUPPRESSED : WITHHELD;
}

export const isHidden = (v: unknown): v is Hidden => v === SUPPRESSED || v === WITHHELD;
