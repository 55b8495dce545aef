// date-holidays-parser ships types, but its package.json "exports" does not point to them.
// Only what src/desks/holidays.ts uses.
declare module 'date-holidays-parser' {
  export type HolidayOfYear = { date: string; start: Date; end: Date; name: string; type: string; rule: string };
  export default class HolidaysParser {
    constructor(data: object, country: string);
    getHolidays(year?: number, lang?: string): HolidayOfYear[];
  }
}
