/** The NL rules of date-holidays' data, with only the names they refer to. */
export function nlHolidayData(root: string): unknown;
