import fs from 'node:fs';
import path from 'node:path';
import HolidaysParser from 'date-holidays-parser';
import { projectRoot } from '../lib/paths';
import { addDays, isoWeekday } from '../lib/time';

/**
 * Dutch public holidays. The dates come from `date-holidays` (country NL: Easter-based dates,
 * Koningsdag moving to Saturday when 27 April is a Sunday), never from a table of our own; we
 * only give each holiday a stable key, so an organisation can store which ones close its
 * locations, and a name in each language (views/i18n). See ADR 010.
 */
export const HOLIDAY_KEYS = [
  'nieuwjaarsdag',
  'goede_vrijdag',
  'eerste_paasdag',
  'tweede_paasdag',
  'koningsdag',
  'bevrijdingsdag',
  'bevrijdingsdag_lustrum',
  'hemelvaartsdag',
  'eerste_pinksterdag',
  'tweede_pinksterdag',
  'eerste_kerstdag',
  'tweede_kerstdag',
] as const;
export type HolidayKey = (typeof HOLIDAY_KEYS)[number];

/**
 * Closed unless an organisation chooses otherwise: the holidays most Dutch employers give off
 * (collective agreements in care and government). Goede Vrijdag and Bevrijdingsdag are
 * choosable; Pasen and Pinksteren fall on Sundays, choosable for locations open then.
 */
export const DEFAULT_CLOSED_HOLIDAYS: readonly HolidayKey[] = [
  'nieuwjaarsdag',
  'tweede_paasdag',
  'koningsdag',
  'hemelvaartsdag',
  'tweede_pinksterdag',
  'eerste_kerstdag',
  'tweede_kerstdag',
];

/** date-holidays' rule text → our key. A library update that renames a rule fails test/desks/holidays.test.ts. */
const BY_RULE: [RegExp, HolidayKey][] = [
  [/^01-01$/, 'nieuwjaarsdag'],
  [/^easter -2$/, 'goede_vrijdag'],
  [/^easter$/, 'eerste_paasdag'],
  [/^easter 1$/, 'tweede_paasdag'],
  [/^04-27\b/, 'koningsdag'],
  [/^05-05$/, 'bevrijdingsdag'],
  [/^easter 39$/, 'hemelvaartsdag'],
  [/^easter 49$/, 'eerste_pinksterdag'],
  [/^easter 50$/, 'tweede_pinksterdag'],
  [/^12-25$/, 'eerste_kerstdag'],
  [/^12-26$/, 'tweede_kerstdag'],
];

/**
 * date-holidays' own engine (date-holidays-parser) with only the Dutch part of its data
 * (src/desks/holidays-nl.json, written by `npm run holidays:nl`): the package's data for every
 * country cost ~24 MB in each server process (issue #18). test/desks/holidays.test.ts checks the
 * file against the installed package and the dates against the package itself.
 */
const nl = new HolidaysParser(JSON.parse(fs.readFileSync(path.join(projectRoot, 'src/desks/holidays-nl.json'), 'utf8')), 'NL');
/** Pure computation per year, so a cache that is never stale; a handful of years at most. */
const byYear = new Map<number, Map<string, HolidayKey[]>>();

function holidaysOfYear(year: number): Map<string, HolidayKey[]> {
  let map = byYear.get(year);
  if (map) return map;
  map = new Map();
  for (const h of nl.getHolidays(year) || []) {
    const key = BY_RULE.find(([re]) => re.test(h.rule))?.[1];
    if (!key) continue;
    const date = h.date.slice(0, 10);
    const keys = [key];
    // Bevrijdingsdag is a day off for many employers only every five years (2025, 2030, …).
    if (key === 'bevrijdingsdag' && year % 5 === 0) keys.push('bevrijdingsdag_lustrum');
    map.set(date, [...(map.get(date) ?? []), ...keys]);
  }
  byYear.set(year, map);
  return map;
}

/** The holidays (keys) on a local date; empty on an ordinary day. */
export function holidaysOn(date: string): HolidayKey[] {
  return holidaysOfYear(Number(date.slice(0, 4))).get(date) ?? [];
}

/**
 * Why a local date is not an ordinary working day: the weekend, or a holiday most employers give
 * off (`DEFAULT_CLOSED_HOLIDAYS`); null on a working day.
 */
export function dayOff(date: string): { kind: 'weekend' } | { kind: 'holiday'; holiday: HolidayKey } | null {
  if (isoWeekday(date) > 5) return { kind: 'weekend' };
  const holiday = holidaysOn(date).find((k) => DEFAULT_CLOSED_HOLIDAYS.includes(k));
  return holiday ? { kind: 'holiday', holiday } : null;
}

/** The last working day (`dayOff` is null) before a local date. */
export function workingDayBefore(date: string): string {
  let d = addDays(date, -1);
  while (dayOff(d)) d = addDays(d, -1);
  return d;
}

/** Every holiday of a year as [date, keys], in date order (for the settings page). */
export function holidaysIn(year: number): [string, HolidayKey[]][] {
  return [...holidaysOfYear(year)].sort(([a], [b]) => (a < b ? -1 : 1));
}

/** A stored set ("a,b,c"); null means "not chosen here" (inherit). Unknown keys are dropped. */
export function parseHolidaySet(stored: string | null): HolidayKey[] | null {
  if (stored === null) return null;
  return stored.split(',').filter((k): k is HolidayKey => (HOLIDAY_KEYS as readonly string[]).includes(k));
}

export function formatHolidaySet(keys: readonly HolidayKey[]): string {
  return HOLIDAY_KEYS.filter((k) => keys.includes(k)).join(',');
}

/** Which holidays close a location: its own choice, else its organisation's, else the default. */
export function closedHolidaySet(locationSet: string | null, orgSet: string | null): readonly HolidayKey[] {
  return parseHolidaySet(locationSet) ?? parseHolidaySet(orgSet) ?? DEFAULT_CLOSED_HOLIDAYS;
}

/**
 * The one definition of "this location is closed for a holiday on this date": the holiday's key,
 * or null. The booking rule (`closuresFor` in rules.ts) calls it, and the search SQL calls the
 * same function, registered on the connection as `holiday_closed(date, location_set, org_set)`.
 */
export function holidayClosure(date: string, locationSet: string | null, orgSet: string | null): HolidayKey | null {
  const on = holidaysOn(date);
  if (on.length === 0) return null;
  const closed = closedHolidaySet(locationSet, orgSet);
  return on.find((k) => closed.includes(k)) ?? null;
}
