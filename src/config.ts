import os from 'node:os';
import { z } from 'zod';
import { parseClockStart } from './lib/clock';
import type { Retention } from './privacy/retention';

const port = z.coerce.number().int().min(1).max(65535);

const schema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  PORT: port.default(3000),
  DATABASE_PATH: z.string().min(1).default('./data/gastplek.db'),
  BASE_URL: z.url({ protocol: /^https?$/ }).optional(),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://')
    .optional(),
  MAIL_FROM: z.string().min(3).default('Gastplek <noreply@gastplek.test>'),
  /** Sessions end after this many minutes without a request. */
  SESSION_IDLE_MINUTES: z.coerce
    .number()
    .int()
    .min(5)
    .max(60 * 24 * 30)
    .default(8 * 60),
  /** Interface to listen on; 127.0.0.1 unless set (a reverse proxy on the same machine reaches it). */
  HOST: z
    .string()
    .regex(/^(?:[0-9.]+|[0-9a-fA-F:]+|[A-Za-z0-9.-]+)$/, 'must be an IP address or a host name, e.g. 127.0.0.1 or 0.0.0.0')
    .default('127.0.0.1'),
  /** Read the client IP from X-Forwarded-For (only behind a trusted reverse proxy). */
  TRUST_PROXY: z.enum(['true', 'false']).default('false'),
  /** How many proxies in front of us each add an X-Forwarded-For entry (the client is that many entries from the right). */
  TRUST_PROXY_HOPS: z.coerce.number().int().min(1).max(10).default(1),
  /** How long a write waits for another process's lock before the user gets 503. */
  DB_BUSY_TIMEOUT_MS: z.coerce.number().int().min(0).max(60_000).default(5000),
  LOG_LEVEL: z.enum(['silent', 'error', 'info']).default('info'),
  /** Server processes sharing the port and the database file (default: one per core in production, else 1). */
  WORKERS: z.coerce.number().int().min(1).max(64).optional(),
  /** Retention (issue #13, docs/privacy): desk bookings and guest lists lose their names this many months after the date. */
  RETENTION_BOOKINGS_MONTHS: z.coerce.number().int().min(1).max(120).default(12),
  /** In-app notices and sent e-mails are deleted this many days after they were made. */
  RETENTION_NOTIFICATIONS_DAYS: z.coerce.number().int().min(7).max(3650).default(90),
  /** Intervision sign-ups, attendance and statements lose their names this many years after the meeting (SKJ re-registration is every 5 years). */
  RETENTION_INTERVISION_YEARS: z.coerce.number().int().min(1).max(20).default(5),
  /** Encrypts stored secrets (an organisation's OIDC client secret); required once any organisation uses SSO. */
  SECRET_KEY: z.string().min(32, 'must be at least 32 characters (e.g. openssl rand -base64 48)').optional(),
  /** Development only: `npm start` runs a local OpenID Connect provider for the demo organisation Icare JGZ. */
  DEV_OIDC: z.enum(['0', '1']).default('0'),
  DEV_OIDC_PORT: port.default(3001),
  /** Development and tests only: the clock starts at this instant (or local date, 09:00) and runs on. */
  TEST_NOW: z
    .string()
    .refine((v) => parseClockStart(v) instanceof Date, 'must be a date (2026-12-30) or an instant with offset (2026-12-30T10:00:00+01:00)')
    .optional(),
});

export type Config = {
  nodeEnv: 'development' | 'test' | 'production';
  port: number;
  /** Interface the server listens on. */
  host: string;
  databasePath: string;
  baseUrl: string;
  /** Origin used for CSRF checks and absolute links. */
  origin: string;
  secureCookies: boolean;
  smtpUrl: string | undefined;
  mailFrom: string;
  sessionIdleMinutes: number;
  trustProxy: boolean;
  /** Proxies in front of us that append to X-Forwarded-For; only read when trustProxy. */
  trustProxyHops: number;
  logLevel: 'silent' | 'error' | 'info';
  dbBusyTimeoutMs: number;
  /** Number of server processes (node:cluster); 1 = no cluster. */
  workers: number;
  /** TEST_NOW: where the server's clock starts (never in production); undefined = real time. */
  clockStart: Date | undefined;
  /** How long personal data is kept (src/privacy/retention.ts). */
  retention: Retention;
  /** SECRET_KEY: the key stored secrets are encrypted with; undefined = SSO cannot be set up. */
  secretKey: string | undefined;
  /** DEV_OIDC=1: port of the local OpenID Connect provider for the demo (never in production). */
  devOidcPort: number | null;
};

export class ConfigError extends Error {}

/** Reads and validates the environment once; throws ConfigError naming every bad variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = schema.safeParse(cleaned);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message} (got ${JSON.stringify(cleaned[String(i.path[0])])})`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const baseUrl = (e.BASE_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, '');
  if (e.NODE_ENV === 'production' && !e.BASE_URL) {
    throw new ConfigError('Invalid configuration:\n  BASE_URL: required when NODE_ENV=production');
  }
  if (e.NODE_ENV === 'production' && e.DEV_OIDC === '1') {
    throw new ConfigError('Invalid configuration:\n  DEV_OIDC: not allowed when NODE_ENV=production');
  }
  if (e.NODE_ENV === 'production' && e.TEST_NOW) {
    throw new ConfigError('Invalid configuration:\n  TEST_NOW: not allowed when NODE_ENV=production');
  }
  return {
    nodeEnv: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    databasePath: e.DATABASE_PATH,
    baseUrl,
    origin: new URL(baseUrl).origin,
    secureCookies: baseUrl.startsWith('https://'),
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    sessionIdleMinutes: e.SESSION_IDLE_MINUTES,
    trustProxy: e.TRUST_PROXY === 'true',
    trustProxyHops: e.TRUST_PROXY_HOPS,
    logLevel: e.LOG_LEVEL,
    dbBusyTimeoutMs: e.DB_BUSY_TIMEOUT_MS,
    workers: e.WORKERS ?? (e.NODE_ENV === 'production' ? Math.min(os.availableParallelism(), 8) : 1),
    clockStart: parseClockStart(e.TEST_NOW) ?? undefined,
    retention: {
      bookingsMonths: e.RETENTION_BOOKINGS_MONTHS,
      notificationsDays: e.RETENTION_NOTIFICATIONS_DAYS,
      intervisionYears: e.RETENTION_INTERVISION_YEARS,
    },
    // DEV_OIDC (never in production) brings a development key along when none is set.
    secretKey: e.SECRET_KEY ?? (e.DEV_OIDC === '1' ? 'development-only-secret-key-for-DEV_OIDC-0000' : undefined),
    devOidcPort: e.DEV_OIDC === '1' ? e.DEV_OIDC_PORT : null,
  };
}

/** For entry points (server, CLI): the config, or a clear message on stderr and exit code 1. */
export function loadConfigOrExit(env: Record<string, string | undefined> = process.env): Config {
  try {
    return loadConfig(env);
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(1);
    }
    throw err;
  }
}
