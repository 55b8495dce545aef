import { type Context, Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { compress } from 'hono/compress';
import { getCookie } from 'hono/cookie';
import { HTTPException } from 'hono/http-exception';
import { TrieRouter } from 'hono/router/trie-router';
import { secureHeaders } from 'hono/secure-headers';
import { serveStatic } from '@hono/node-server/serve-static';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { createAuth } from './auth/auth';
import { sessionMiddleware } from './auth/middleware';
import { authRoutes, LANG_COOKIE } from './auth/routes';
import type { Config } from './config';
import type { DB } from './db';
import { createLogger, type Logger } from './lib/log';
import { projectRoot } from './lib/paths';
import { errorPage, notFound } from './lib/render';
import { CsrfError, sameOriginForms, saneHost, UnsupportedBodyError } from './lib/security';
import { orgRoutes } from './orgs/routes';
import { homeRoutes } from './home/home.routes';
import { accountRoutes } from './account/account.routes';
import { notificationsRoutes } from './notifications/notifications.routes';
import { calendarRoutes } from './calendar/calendar.routes';
import { desksRoutes } from './desks/desks.routes';
import { bookingsRoutes } from './desks/bookings.routes';
import { closuresRoutes } from './desks/closures.routes';
import { walkInRoutes } from './desks/walkins.routes';
import { hostRoutes } from './desks/host.routes';
import { meetingsRoutes } from './intervision/meetings.routes';
import { groupsRoutes } from './intervision/groups.routes';
import { facilitateRoutes } from './intervision/facilitate.routes';
import { reflectionCsvRoutes, reflectionRoutes } from './intervision/reflection.routes';
import { insightRoutes } from './insight/insight.routes';
import { peopleRoutes, tagsRoutes } from './people/people.routes';
import { ssoRoutes } from './orgs/sso.routes';
import { privacyRoutes } from './privacy/privacy.routes';
import { verifyRoutes } from './intervision/verify.routes';
import { accessLogRoutes } from './privacy/access-log.routes';
import { consultsRoutes } from './consults/consults.routes';
import type { AppEnv, Deps } from './types';
import { dictFor, localeFromAcceptLanguage, type Locale } from '../views/i18n';

export const BODY_LIMIT_BYTES = 256 * 1024;

/** A request that came in over a socket through @hono/node-server, not through app.request(). */
const overSocket = (c: Context) => (c.env as { incoming?: unknown } | undefined)?.incoming !== undefined;

const staticRoot = path.relative(process.cwd(), path.join(projectRoot, 'static')) || '.';

export type AppOptions = { db: DB; config: Config; now?: () => Date; logger?: Logger };

/** Builds the whole app from its parts. No side effects: tests import it, server.ts serves it. */
export function createApp(opts: AppOptions) {
  const getRoutes = new TrieRouter<true>();
  const deps: Deps = {
    db: opts.db,
    config: opts.config,
    auth: createAuth(opts.db, opts.config),
    now: opts.now ?? (() => new Date()),
    answersGet: (path) => getRoutes.match('GET', path)[0].length > 0,
  };
  const log = opts.logger ?? createLogger(opts.config.logLevel);
  const app = new Hono<AppEnv>();

  app.use('*', async (c, next) => {
    const started = performance.now();
    c.set('requestId', randomUUID());
    c.set('deps', deps);
    c.set('config', deps.config);
    c.set('user', null);
    c.set('memberships', []);
    const cookieLocale = getCookie(c, LANG_COOKIE);
    const locale: Locale = cookieLocale === 'nl' || cookieLocale === 'en' ? cookieLocale : localeFromAcceptLanguage(c.req.header('accept-language'));
    c.set('locale', locale);
    c.set('t', dictFor(locale));
    await next();
    // Route patterns, not paths: a path may hold an invitation or reset token.
    log.info('request', {
      requestId: c.get('requestId'),
      method: c.req.method,
      route: c.req.routePath,
      status: c.res.status,
      ms: Math.round((performance.now() - started) * 10) / 10,
      user: c.get('user')?.id,
    });
  });

  app.use(
    '*',
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        baseUri: ["'none'"],
        objectSrc: ["'none'"],
      },
      strictTransportSecurity: opts.config.secureCookies ? 'max-age=31536000; includeSubDomains' : false,
      referrerPolicy: 'same-origin',
      crossOriginEmbedderPolicy: false,
      xFrameOptions: 'DENY',
      // These are defaults: a header the route set itself wins (e.g. Referrer-Policy: no-referrer
      // on pages whose URL holds a secret), instead of being overwritten after the handler ran.
      overwrite: false,
    }),
  );

  // Pico and htmx are ~140 KB as files; gzipped the first page load stays well under 60 KB.
  app.use('/static/*', compress());
  app.use('*', saneHost());
  app.use('/static/*', serveStatic({ root: staticRoot, rewriteRequestPath: (p) => p.replace(/^\/static/, '') }));

  const tooLarge = (c: Context<AppEnv>) => c.text(dictFor(c.get('locale')).errors.tooLarge, 413);
  const limitBody = bodyLimit({ maxSize: BODY_LIMIT_BYTES, onError: tooLarge });
  app.use('*', (c, next) => {
    // GET and HEAD carry no body we read. bodyLimit asks for the body as a stream, which makes the
    // Node adapter build a full fetch Request (~10% of a small page's CPU, issue #18). Over a socket
    // (`incoming`), Node's parser holds a body to its Content-Length, so a declared length decides
    // alone and the body is later read by the adapter's direct path; chunked bodies and requests
    // without a socket (app.request) are counted by bodyLimit as they arrive.
    const method = c.req.method;
    if (method === 'GET' || method === 'HEAD') return next();
    const declared = c.req.header('content-length');
    if (declared !== undefined && c.req.header('transfer-encoding') === undefined && overSocket(c)) {
      return Number(declared) > BODY_LIMIT_BYTES ? Promise.resolve(tooLarge(c)) : next();
    }
    return limitBody(c, next);
  });
  app.use('*', sameOriginForms(opts.config.origin));

  app.use('*', sessionMiddleware());
  app.use('*', async (c, next) => {
    // A saved language preference wins over the cookie and the browser's languages.
    const saved = c.get('user')?.locale;
    if (saved && saved !== c.get('locale')) {
      c.set('locale', saved);
      c.set('t', dictFor(saved));
    }
    await next();
  });

  // Each sub-app sits at its URL and lives in the file of that name: /host → src/desks/host.routes.tsx.
  // A sub-app behind login says so once, with use('*', requireUser); the public ones are marked.
  app.route('/', homeRoutes); // /, /healthz, /dev/outbox: each route checks for itself
  app.route('/', authRoutes); // public: /login, /logout, /language, /password/*, /invite/*
  app.route('/org/:orgId/sso', ssoRoutes); // org admins
  app.route('/', orgRoutes); // /org/* (login), /admin/* (network admin)
  app.route('/account', accountRoutes);
  app.route('/notifications', notificationsRoutes);
  app.route('/calendar', calendarRoutes); // public: the feed's token is the credential
  app.route('/desks', desksRoutes);
  app.route('/bookings', bookingsRoutes);
  app.route('/host/walk-ins', walkInRoutes);
  app.route('/host', hostRoutes);
  app.route('/closures', closuresRoutes);
  app.route('/meetings', meetingsRoutes);
  app.route('/groups', groupsRoutes);
  app.route('/facilitate', facilitateRoutes);
  app.route('/reflection', reflectionRoutes);
  app.route('/reflection.csv', reflectionCsvRoutes);
  app.route('/access-log', accessLogRoutes);
  app.route('/verify', verifyRoutes); // public: the statement's code is the credential
  app.route('/privacy', privacyRoutes); // public: the privacy statement
  app.route('/insight', insightRoutes);
  app.route('/people/tags', tagsRoutes); // network admin
  app.route('/people', peopleRoutes);
  app.route('/consults', consultsRoutes);

  // Every GET route, by its pattern, for `deps.answersGet` (public route list; no request is run).
  for (const r of app.routes) if (r.method === 'GET') getRoutes.add('GET', r.path, true);

  app.notFound((c) => (c.get('t') ? notFound(c) : c.text('Not found', 404)));

  app.onError((err, c) => {
    const t = c.get('t') ?? dictFor('nl');
    if (err instanceof CsrfError) return c.text(t.errors.csrf, 403);
    if (err instanceof UnsupportedBodyError) return c.text(t.errors.unsupportedBody, 415);
    if (err instanceof HTTPException) return err.getResponse();
    const code = String((err as { code?: unknown }).code ?? '');
    // Also the extended codes (SQLITE_BUSY_RECOVERY, SQLITE_LOCKED_SHAREDCACHE, SQLITE_FULL…).
    if (/^SQLITE_(BUSY|FULL|LOCKED)/.test(code)) {
      log.error('db_unavailable', { requestId: c.get('requestId'), code });
      c.header('Retry-After', '5');
      return c.get('t') ? errorPage(c, 503, t.errors.title, t.errors.busy) : c.text(t.errors.busy, 503);
    }
    log.error('unhandled', { requestId: c.get('requestId'), route: c.req.routePath, error: String(err?.stack ?? err) });
    return c.get('t') ? errorPage(c, 500, t.errors.title, `${t.errors.generic} ${t.errors.requestId(c.get('requestId'))}`) : c.text(t.errors.generic, 500);
  });

  return app;
}

export type App = ReturnType<typeof createApp>;
