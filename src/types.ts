import type { Auth } from './auth/auth';
import type { Config } from './config';
import type { DB } from './db';
import type { Dict, Locale } from '../views/i18n';
import type { Membership } from './orgs/orgs';

export type SessionUser = {
  id: string;
  email: string;
  name: string;
  locale: Locale | null;
  isNetworkAdmin: boolean;
};

export type { Membership };

export type Deps = {
  db: DB;
  config: Config;
  auth: Auth;
  /** The clock; tests pass a fixed one. */
  now: () => Date;
  /** Whether a GET route answers this path (the language switch returns only to such a page). */
  answersGet: (path: string) => boolean;
};

export type AppEnv = {
  Variables: {
    deps: Deps;
    config: Config;
    requestId: string;
    user: SessionUser | null;
    sessionId: string | null;
    memberships: Membership[];
    locale: Locale;
    t: Dict;
  };
};
