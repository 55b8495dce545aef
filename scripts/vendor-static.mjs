// Copies htmx and Pico CSS from their npm packages into static/vendor/, so the app serves them
// itself: no CDN, works offline, leaks nothing. Runs on every `npm ci` (postinstall).
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(path.join(root, 'package.json'));
const out = path.join(root, 'static', 'vendor');
fs.mkdirSync(out, { recursive: true });

const files = [
  ['htmx.org/dist/htmx.min.js', 'htmx.min.js'],
  ['@picocss/pico/css/pico.min.css', 'pico.min.css'],
];
for (const [from, to] of files) {
  fs.copyFileSync(require.resolve(from), path.join(out, to));
}
console.log(`vendored ${files.length} files into static/vendor/`);
