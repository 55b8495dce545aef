import { sql } from 'drizzle-orm';
import { organisations } from '../schema';
import { writeTx, type DB } from '../../src/db';
import { hashPassword } from '../../src/auth/password';
import { DEMO_PASSWORD, seedCore } from './core';
import { seedDesks } from './desks';
import { seedIntervision } from './intervision';
import { seedHistory } from './history';
import { seedPeople } from './people';
import { seedConsults } from './consults';

export { DEMO_ACCOUNTS, DEMO_PASSWORD } from './core';

export function isEmpty(db: DB): boolean {
  return (db.select({ n: sql<number>`count(*)` }).from(organisations).get()?.n ?? 0) === 0;
}

/**
 * Dutch demo data for development. Dates are relative to `now`, so the demo always has upcoming
 * bookings and meetings. Never called in production.
 */
export async function seedDemoData(db: DB, now: Date = new Date()): Promise<void> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  writeTx(db, (tx) => {
    const core = seedCore(tx, passwordHash);
    seedDesks(tx, core, now);
    seedIntervision(tx, core, now);
    seedPeople(tx, core, now);
    // After the rest, so the ids the demo and its tests know stay as they were.
    seedHistory(tx, now);
    seedConsults(tx, core, now);
  });
}
