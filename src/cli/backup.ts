/**
 * Online backup: `npm run backup -- <file>` copies the live database with SQLite's backup API,
 * page by page, while the server keeps writing; the copy is a consistent snapshot and is checked
 * with PRAGMA integrity_check before we call it done.
 */
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { loadConfigOrExit } from '../config';
import { BUSY_TIMEOUT_MS } from '../db';

export async function backupDatabase(source: string, target: string): Promise<void> {
  if (fs.existsSync(target)) throw new Error(`${target} bestaat al; kies een nieuwe bestandsnaam.`);
  fs.mkdirSync(path.dirname(path.resolve(target)), { recursive: true });
  const db = new Database(source, { readonly: true, fileMustExist: true });
  db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  try {
    await db.backup(target);
  } finally {
    db.close();
  }
  const copy = new Database(target, { readonly: true });
  try {
    const result = copy.pragma('integrity_check', { simple: true });
    if (result !== 'ok') throw new Error(`integrity_check van de kopie: ${String(result)}`);
  } finally {
    copy.close();
  }
}

async function main() {
  const target = process.argv[2];
  if (!target) {
    console.error('Gebruik: npm run backup -- <bestand>');
    process.exit(2);
  }
  const config = loadConfigOrExit();
  try {
    await backupDatabase(config.databasePath, target);
    console.log(`Back-up van ${config.databasePath} gemaakt in ${target}`);
  } catch (err) {
    console.error(`Back-up mislukt: ${(err as Error).message}`);
    process.exit(1);
  }
}

if (process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href) void main();
