import type { Config } from '../config';
import type { DB } from '../db';
import type { Membership } from '../orgs/orgs';
import { hashToken, newToken } from '../lib/tokens';
import { createLucia } from './lucia';

/**
 * The sessions table holds the SHA-256 of each session token, never the token (the cookie value):
 * a leaked database or backup holds no working session (Lucia's own guide, "Sessions", now does
 * the same). Hashing is enough without a salt: the token has 256 random bits.
 */
export function storedSessionId(token: string): string {
  return hashToken(token);
}

export type SessionCheck =
  | {
      ok: true;
      sessionId: string;
      userId: string;
      fresh: boolean;
      deactivated: boolean;
      user: { id: string; email: string; name: string; locale: 'nl' | 'en' | null; isNetworkAdmin: boolean };
      /** Read with the session, in the same statement. */
      memberships: Membership[];
    }
  | { ok: false };

/**
 * The session interface the rest of the app uses. It hides lucia (deprecated upstream, see
 * docs/decisions/002-sessions-behind-our-own-interface.md): only this folder knows it exists.
 */
export type Auth = {
  cookieName: string;
  /** Starts a new session (a new id at every login: no fixation) and returns its Set-Cookie value. */
  startSession(userId: string): Promise<string>;
  validate(sessionId: string): Promise<SessionCheck>;
  /** Set-Cookie value that refreshes the current session's cookie. */
  sessionCookie(sessionId: string): string;
  blankCookie(): string;
  endSession(sessionId: string): Promise<void>;
  endAllSessions(userId: string): Promise<void>;
};

export function createAuth(db: DB, config: Config): Auth {
  const lucia = createLucia(db, config);
  // Outside this function every "sessionId" is the token from the cookie; lucia only sees its hash.
  return {
    cookieName: lucia.sessionCookieName,
    async startSession(userId) {
      const token = newToken();
      await lucia.createSession(userId, {}, { sessionId: storedSessionId(token) });
      return lucia.createSessionCookie(token).serialize();
    },
    async validate(token) {
      const { session, user } = await lucia.validateSession(storedSessionId(token));
      if (!session || !user) return { ok: false };
      return {
        ok: true,
        sessionId: token,
        userId: user.id,
        fresh: session.fresh,
        deactivated: user.deactivatedAt !== null,
        user: { id: user.id, email: user.email, name: user.name, locale: user.locale, isNetworkAdmin: user.isNetworkAdmin },
        memberships: user.memberships,
      };
    },
    sessionCookie: (token) => lucia.createSessionCookie(token).serialize(),
    blankCookie: () => lucia.createBlankSessionCookie().serialize(),
    endSession: (token) => lucia.invalidateSession(storedSessionId(token)),
    endAllSessions: (userId) => lucia.invalidateUserSessions(userId),
  };
}
