// Writes src/desks/holidays-nl.json: the Dutch part of date-holidays' data (the rules for NL and
// the names they use). Loading the package's data for every country cost ~24 MB of memory in each
// server process (issue #18); date-holidays-parser computes the same dates from this part alone.
// Run after updating date-holidays (`npm run holidays:nl`); test/desks/holidays.test.ts fails
// while the file differs from the installed package's data.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { nlHolidayData } from './holidays-nl-data.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.join(root, 'src', 'desks', 'holidays-nl.json');
fs.writeFileSync(out, `${JSON.stringify(nlHolidayData(root), null, 2)}\n`);
console.log(`wrote ${path.relative(root, out)}`);
