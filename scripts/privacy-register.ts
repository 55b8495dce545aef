/**
 * Writes the processing register as Markdown (docs/privacy/register.md and register.en.md) from
 * src/privacy/register.ts. test/privacy/register.test.ts fails when the files are out of date.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { registerMarkdown } from '../src/privacy/register';

const dir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../docs/privacy');
fs.mkdirSync(dir, { recursive: true });
fs.writeFileSync(path.join(dir, 'register.md'), registerMarkdown('nl'));
fs.writeFileSync(path.join(dir, 'register.en.md'), registerMarkdown('en'));
console.log(`wrote ${path.join(dir, 'register.md')} and register.en.md`);
