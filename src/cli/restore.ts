/**
 * Restore: `npm run restore -- <file>` with the server STOPPED. Checks the backup first, then
 * replaces the database file (and removes stale -wal/-shm files, which belong to the old file).
 */
import Database from 'better-sqlite3';
import fs from 'node:fs';
import { loadConfigOrExit } from '../config';

export function restoreDatabase(backup: string, target: string): void {
  const src = new Database(backup, { readonly: true, fileMustExist: true });
  try {
    const result = src.pragma('integrity_check', { simple: true });
    if (result !== 'ok') throw new Error(`de back-up is beschadigd (${String(result)})`);
  } finally {
    src.close();
  }
  // Refuse while a server holds the database: a running server would keep writing to the old file.
  if (fs.existsSync(target)) {
    const live = new Database(target);
    try {
      live.pragma('busy_timeout = 0');
      live.exec('BEGIN EXCLUSIVE; COMMIT;');
    } catch {
      throw new Error('de database is in gebruik; stop de server eerst');
    } finally {
      live.close();
    }
  }
  const tmp = `${target}.restoring`;
  fs.copyFileSync(backup, tmp);
  for (const suffix of ['-wal', '-shm']) fs.rmSync(target + suffix, { force: true });
  fs.renameSync(tmp, target);
}

function main() {
  const source = process.argv[2];
  if (!source) {
    console.error('Gebruik: npm run restore -- <bestand>   (met de server gestopt)');
    process.exit(2);
  }
  const config = loadConfigOrExit();
  try {
    restoreDatabase(source, config.databasePath);
    console.log(`${config.databasePath} is teruggezet vanuit ${source}`);
  } catch (err) {
    console.error(`Terugzetten mislukt: ${(err as Error).message}`);
    process.exit(1);
  }
}

if (process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href) main();
