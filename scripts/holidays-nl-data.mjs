import fs from 'node:fs';
import path from 'node:path';

/** The NL rules of date-holidays' data, with only the names they refer to. */
export function nlHolidayData(root) {
  const all = JSON.parse(fs.readFileSync(path.join(root, 'node_modules', 'date-holidays', 'data', 'holidays.json'), 'utf8'));
  const nl = all.holidays.NL;
  const text = JSON.stringify(nl);
  const names = Object.fromEntries(Object.entries(all.names).filter(([key]) => text.includes(`"${key}"`)));
  return { version: all.version, license: all.license, holidays: { NL: nl }, names };
}
