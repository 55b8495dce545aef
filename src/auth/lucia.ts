import { DrizzleSQLiteAdapter } from '@lucia-auth/adapter-drizzle';
import { Lucia, TimeSpan } from 'lucia';
import { sessions, users } from '../../db/schema';
import type { Config } from '../config';
import type { DB } from '../db';

/** Everything lucia does for us sits behind this module (ADR 002): swapping it touches only src/auth/. */
export function createLucia(db: DB, config: Config) {
  const adapter = new DrizzleSQLiteAdapter(db, sessions, users);
  return new Lucia(adapter, {
    // Lucia extends a session once half of this span has passed: the span is the idle timeout.
    sessionExpiresIn: new TimeSpan(config.sessionIdleMinutes, 'm'),
    sessionCookie: {
      name: 'gastplek_session',
      expires: false,
      attributes: { secure: config.secureCookies, sameSite: 'lax', path: '/' },
    },
    getUserAttributes: (a) => ({
      email: a.email,
      name: a.name,
      locale: a.locale,
      isNetworkAdmin: Boolean(a.isNetworkAdmin),
      deactivatedAt: a.deactivatedAt,
    }),
  });
}

export type AuthLucia = ReturnType<typeof createLucia>;

declare module 'lucia' {
  interface Register {
    Lucia: AuthLucia;
    DatabaseUserAttributes: {
      email: string;
      name: string;
      locale: 'nl' | 'en' | null;
      isNetworkAdmin: boolean;
      deactivatedAt: Date | null;
    };
  }
}
