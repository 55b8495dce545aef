import { addDays, isoWeekday, localToday } from '../../src/lib/time';
import { holidayClosure } from '../../src/desks/holidays';

/** The next weekday after the server's today in Amsterdam: the demo locations are open Monday to Friday. */
export function nextOpenWeekday(now: Date): string {
  return openWeekdaysAfter(now, 1)[0]!;
}

/**
 * The first `n` weekdays after the server's today (never today itself, whose dagdelen may be over),
 * leaving out the public holidays on which locations close by default (Koningsdag, Hemelvaart …).
 */
export function openWeekdaysAfter(now: Date, n: number): string[] {
  const days: string[] = [];
  for (let d = addDays(localToday(now), 1); days.length < n; d = addDays(d, 1)) if (isoWeekday(d) <= 5 && holidayClosure(d, null, null) === null) days.push(d);
  return days;
}

const NL_DAYS = ['ma', 'di', 'wo', 'do', 'vr', 'za', 'zo'];
const NL_MONTHS = ['jan', 'feb', 'mrt', 'apr', 'mei', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'dec'];
const EN_DAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const EN_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sept?', 'Oct', 'Nov', 'Dec'];

/** How a person should read a local date, written out by hand (not with the app's formatter): "di 24 nov 2026". */
export function dutchDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return `${NL_DAYS[isoWeekday(iso) - 1]} ${d} ${NL_MONTHS[m - 1]} ${y}`;
}

/** "Tue, 24 Nov 2026" as a pattern (British style; September is "Sep" or "Sept" depending on the ICU version). */
export function englishDate(iso: string): RegExp {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return new RegExp(`${EN_DAYS[isoWeekday(iso) - 1]},? ${d} ${EN_MONTHS[m - 1]} ${y}`);
}
