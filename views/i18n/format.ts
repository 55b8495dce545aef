import type { Locale } from './index';

export const TIME_ZONE = 'Europe/Amsterdam';

const cache = new Map<string, Intl.DateTimeFormat>();
function fmt(locale: Locale, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = locale + JSON.stringify(options);
  let f = cache.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale === 'nl' ? 'nl-NL' : 'en-GB', { timeZone: TIME_ZONE, ...options });
    cache.set(key, f);
  }
  return f;
}

/** "di 24 nov" / "Tue 24 Nov" for a local date string (YYYY-MM-DD). */
export function formatLocalDate(locale: Locale, isoDate: string, withYear = false): string {
  const key = `${locale} ${isoDate} ${withYear}`;
  let text = localDates.get(key);
  if (text === undefined) {
    // Noon UTC lies on the same calendar day in Amsterdam all year round.
    const d = new Date(`${isoDate}T12:00:00Z`);
    text = fmt(locale, { weekday: 'short', day: 'numeric', month: 'short', ...(withYear ? { year: 'numeric' } : {}) })
      .format(d)
      .replace(/\./g, '');
    if (localDates.size >= 10_000) localDates.clear();
    localDates.set(key, text);
  }
  return text;
}

/** `formatLocalDate` is a pure function of its arguments; Intl formatting took ~10 µs a call (issue #18). */
const localDates = new Map<string, string>();

/** Date and 24-hour time of an instant, shown in Europe/Amsterdam. */
export function formatDateTime(locale: Locale, instant: Date): string {
  return fmt(locale, { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
    .format(instant)
    .replace(/\./g, '');
}

export function formatTime(locale: Locale, instant: Date): string {
  return fmt(locale, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(instant);
}

const numberFormats = new Map<string, Intl.NumberFormat>();
function numberFormat(locale: Locale, style: 'decimal' | 'percent'): Intl.NumberFormat {
  const key = `${locale}:${style}`;
  let f = numberFormats.get(key);
  if (!f) {
    f = new Intl.NumberFormat(locale === 'nl' ? 'nl-NL' : 'en-GB', { style, maximumFractionDigits: 1 });
    numberFormats.set(key, f);
  }
  return f;
}

/** A whole number in the reader's format (Dutch: 1.234). */
export function formatNumber(locale: Locale, n: number): string {
  return numberFormat(locale, 'decimal').format(n);
}

/** A share as a percentage in the reader's format (Dutch: 12,5%). */
export function formatPercent(locale: Locale, share: number): string {
  return numberFormat(locale, 'percent').format(share);
}
