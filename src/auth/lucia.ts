import { DrizzleSQLiteAdapter } from '@lucia-auth/adapter-drizzle';
import { sql } from 'drizzle-orm';
import { SQLiteSyncDialect } from 'drizzle-orm/sqlite-core';
import { Lucia, TimeSpan, type DatabaseSession, type DatabaseUser } from 'lucia';
import { sessions, users } from '../../db/schema';
import { type Membership, membershipsFromJson, membershipsJsonOf } from '../orgs/orgs';
import type { Config } from '../config';
import type { DB } from '../db';

type SessionRow = {
  id: string;
  userId: string;
  expiresAt: number;
  email: string;
  name: string;
  locale: 'nl' | 'en' | null;
  isNetworkAdmin: number;
  deactivatedAt: number | null;
  memberships: string;
};

/** The session, its user and the user's memberships: the one statement every request with a session runs. */
const SESSION_LOOKUP = new SQLiteSyncDialect().sqlToQuery(
  sql`select s.id as id, s.user_id as userId, s.expires_at as expiresAt, u.email as email, u.name as name, u.locale as locale,
             u.is_network_admin as isNetworkAdmin, u.deactivated_at as deactivatedAt, ${membershipsJsonOf(sql.raw('u.id'))} as memberships
      from sessions s join users u on u.id = s.user_id where s.id = ?`,
).sql;

/**
 * The drizzle adapter, with the lookup that runs on every request replaced: the stock one builds
 * two drizzle queries per call (the session, then the session joined to every user column,
 * password hash included). Here it is one prepared statement (db.ts caches it by its text) with
 * only the columns lucia's user attributes need.
 */
class SessionAdapter extends DrizzleSQLiteAdapter {
  constructor(
    private readonly sqlite: DB['$client'],
    db: DB,
  ) {
    super(db, sessions, users);
  }

  override async getSessionAndUser(sessionId: string): Promise<[DatabaseSession | null, DatabaseUser | null]> {
    const row = this.sqlite.prepare(SESSION_LOOKUP).get(sessionId) as SessionRow | undefined;
    if (!row) return [null, null];
    return [
      { id: row.id, userId: row.userId, expiresAt: new Date(row.expiresAt * 1000), attributes: {} },
      {
        id: row.userId,
        attributes: {
          email: row.email,
          name: row.name,
          locale: row.locale,
          isNetworkAdmin: row.isNetworkAdmin === 1,
          deactivatedAt: row.deactivatedAt === null ? null : new Date(row.deactivatedAt),
          memberships: membershipsFromJson(row.memberships),
        },
      },
    ];
  }
}

/** Everything lucia does for us sits behind this module (ADR 002): swapping it touches only src/auth/. */
export function createLucia(db: DB, config: Config) {
  const adapter = new SessionAdapter(db.$client, db);
  return new Lucia(adapter, {
    // Lucia extends a session once half of this span has passed: the span is the idle timeout.
    sessionExpiresIn: new TimeSpan(config.sessionIdleMinutes, 'm'),
    // The cookie's Max-Age is the same span and is sent again whenever lucia extends the session,
    // so browser and server forget a session at the same moment (with `expires: false` lucia sent
    // a 400-day cookie for an 8-hour session).
    sessionCookie: {
      name: 'gastplek_session',
      expires: true,
      attributes: { secure: config.secureCookies, sameSite: 'lax', path: '/' },
    },
    getUserAttributes: (a) => ({
      email: a.email,
      name: a.name,
      locale: a.locale,
      isNetworkAdmin: Boolean(a.isNetworkAdmin),
      deactivatedAt: a.deactivatedAt,
      memberships: a.memberships,
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
      memberships: Membership[];
    };
  }
}
