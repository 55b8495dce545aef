import { and, eq, ne } from 'drizzle-orm';
import { sessions } from '../../db/schema';
import type { Config } from '../config';
import type { DB } from '../db';
import { createLucia } from './lucia';

export type SessionCheck =
  | {
      ok: true;
      sessionId: string;
      userId: string;
      fresh: boolean;
      deactivated: boolean;
      user: { id: string; email: string; name: string; locale: 'nl' | 'en' | null; isNetworkAdmin: boolean };
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
  endOtherSessions(userId: string, keepSessionId: string): void;
};

export function createAuth(db: DB, config: Config): Auth {
  const lucia = createLucia(db, config);
  return {
    cookieName: lucia.sessionCookieName,
    async startSession(userId) {
      const session = await lucia.createSession(userId, {});
      return lucia.createSessionCookie(session.id).serialize();
    },
    async validate(sessionId) {
      const { session, user } = await lucia.validateSession(sessionId);
      if (!session || !user) return { ok: false };
      return {
        ok: true,
        sessionId: session.id,
        userId: user.id,
        fresh: session.fresh,
        deactivated: user.deactivatedAt !== null,
        user: { id: user.id, email: user.email, name: user.name, locale: user.locale, isNetworkAdmin: user.isNetworkAdmin },
      };
    },
    sessionCookie: (sessionId) => lucia.createSessionCookie(sessionId).serialize(),
    blankCookie: () => lucia.createBlankSessionCookie().serialize(),
    endSession: (sessionId) => lucia.invalidateSession(sessionId),
    endAllSessions: (userId) => lucia.invalidateUserSessions(userId),
    endOtherSessions(userId, keepSessionId) {
      db.delete(sessions).where(and(eq(sessions.userId, userId), ne(sessions.id, keepSessionId))).run();
    },
  };
}
