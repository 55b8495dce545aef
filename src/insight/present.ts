/**
 * Small numbers are not shown (issue #14): a count from 1 to 4 reads "< 5", so no single person's
 * behaviour can be read off a chart, a table or a CSV. A rate is shown only over 5 or more.
 * Everything Inzicht shows or exports passes through these two functions.
 */
export const MIN_SHOWN = 5;
export const SUPPRESSED = '< 5';

export type Shown = number | typeof SUPPRESSED;

export function shown(n: number): Shown {
  return n > 0 && n < MIN_SHOWN ? SUPPRESSED : n;
}

/** `part / total`, or "< 5" when the total is too small to show, or null when there is nothing to divide. */
export function shownRate(part: number, total: number): number | typeof SUPPRESSED | null {
  if (total === 0) return null;
  if (total < MIN_SHOWN) return SUPPRESSED;
  return part / total;
}
