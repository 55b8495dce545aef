/**
 * Creates the first network admin (or makes an existing account one) and prints a one-time
 * set-password link, valid for 24 hours. Usage:
 *   npm run admin:create -- --email coordinator@example.org --name "Naam Coördinator"
 */
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { eq } from 'drizzle-orm';
import { users } from '../../db/schema';
import { createPasswordToken, findUserByEmail } from '../auth/accounts';
import { loadConfigOrExit } from '../config';
import { openDatabase, writeTx } from '../db';
import { newId } from '../lib/tokens';

const SET_PASSWORD_TTL_MS = 24 * 60 * 60 * 1000;

export function createNetworkAdmin(dbPath: string, baseUrl: string, email: string, name: string, now = new Date()) {
  const db = openDatabase(dbPath);
  try {
    const userId = writeTx(db, (tx) => {
      const existing = findUserByEmail(tx, email);
      if (existing) {
        tx.update(users).set({ isNetworkAdmin: true, deactivatedAt: null }).where(eq(users.id, existing.id)).run();
        return existing.id;
      }
      const id = newId();
      tx.insert(users).values({ id, email, name, isNetworkAdmin: true }).run();
      return id;
    });
    const token = createPasswordToken(db, userId, SET_PASSWORD_TTL_MS, now);
    return `${baseUrl}/password/reset/${token}`;
  } finally {
    db.$client.close();
  }
}

function main() {
  const { values } = parseArgs({ options: { email: { type: 'string' }, name: { type: 'string' } } });
  const input = z.object({ email: z.string().trim().toLowerCase().pipe(z.email()), name: z.string().trim().min(1).max(120) }).safeParse(values);
  if (!input.success) {
    console.error('Gebruik: npm run admin:create -- --email adres@example.org --name "Volledige naam"');
    process.exit(2);
  }
  const config = loadConfigOrExit();
  const link = createNetworkAdmin(config.databasePath, config.baseUrl, input.data.email, input.data.name);
  console.log(`Netwerkbeheerder ${input.data.email} is klaar.`);
  console.log(`Stel het wachtwoord in via deze link (24 uur geldig, één keer te gebruiken):\n${link}`);
}

if (process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href) main();
