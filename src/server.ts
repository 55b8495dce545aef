import cluster, { type Worker } from 'node:cluster';
import type { Server } from 'node:http';
import os from 'node:os';
import { loadConfigOrExit, type Config } from './config';
import { openDatabase } from './db';
import { runningClock, type Clock } from './lib/clock';
import { createLogger, type Logger } from './lib/log';

/** libuv threads per forked server process unless UV_THREADPOOL_SIZE is set (see `fork` below). */
const WORKER_THREADPOOL_SIZE = 2;

/**
 * One process serves everything (WORKERS=1, the default outside production), or a primary forks
 * WORKERS server processes that share the port (node:cluster) and the database file. The booking
 * and sign-up rules hold across processes (immediate transactions, unique indexes; see the
 * multi-process tests), so more processes only add capacity. See docs/decisions/007.
 */
async function main() {
  const config = loadConfigOrExit();
  const log = createLogger(config.logLevel);
  const now = runningClock(config.clockStart);
  if (cluster.isPrimary) {
    // Migrations and demo data run once, before any server process opens the file.
    const db = openDatabase(config.databasePath, { busyTimeoutMs: config.dbBusyTimeoutMs });
    if (config.nodeEnv !== 'production') {
      const { isEmpty, seedDemoData } = await import('../db/seed/index');
      if (isEmpty(db)) {
        await seedDemoData(db, now());
        log.info('seeded_demo_data');
      }
    }
    if (config.devOidcPort !== null) {
      const { startDevOidc, DEV_OIDC_DOMAIN } = await import('./dev/oidc');
      const issuer = await startDevOidc(config, db, now());
      console.log(`DEV_OIDC: inlogdienst op ${issuer}; Icare JGZ logt in via die dienst voor adressen @${DEV_OIDC_DOMAIN} (elke naam, elk wachtwoord).`);
    }
    if (config.workers === 1) return serveHere(config, log, db, now, { runJobs: true });
    db.$client.close();
    return runPrimary(config, log, now);
  }
  // A forked server process: the primary has migrated the database already.
  const db = openDatabase(config.databasePath, { busyTimeoutMs: config.dbBusyTimeoutMs, migrate: false });
  return serveHere(config, log, db, now, { runJobs: process.env.GASTPLEK_WORKER_INDEX === '1' });
}

async function announce(config: Config, port: number, now: Clock) {
  const processes = config.workers > 1 ? `, ${config.workers} processen` : '';
  console.log(`Gastplek draait op ${config.baseUrl} (${config.host}:${port}, database ${config.databasePath}${processes})`);
  if (config.clockStart) console.log(`Klok verzet (TEST_NOW): het is hier nu ${now().toISOString()}`);
  if (config.nodeEnv !== 'production') {
    const { DEMO_ACCOUNTS, DEMO_PASSWORD } = await import('../db/seed/index');
    console.log(`Demo-accounts (wachtwoord ${DEMO_PASSWORD}):`);
    for (const a of DEMO_ACCOUNTS) console.log(`  ${a.email.padEnd(28)} ${a.description}`);
  }
}

/**
 * Serves HTTP in this process. Jobs and the mail worker run in one process only (`runJobs`). The
 * app is loaded here, not at the top: with WORKERS > 1 the primary only migrates and forks, and
 * does not hold the whole app in memory (issue #18, memory under load).
 */
async function serveHere(config: Config, log: Logger, db: ReturnType<typeof openDatabase>, now: Clock, opts: { runJobs: boolean }) {
  const [{ serve }, { createApp }, { jobs }, { startJobs }, { startMailWorker }, { smtpTransport }, password] = await Promise.all([
    import('@hono/node-server'),
    import('./app'),
    import('./jobs/registry'),
    import('./jobs/runner'),
    import('./mail/worker'),
    import('./mail/smtp'),
    import('./auth/password'),
  ]);
  // Password checks at once: this process's share of the cores (19 MiB each while they run), within its thread pool (libuv's default is 4).
  const threads = Number(process.env.UV_THREADPOOL_SIZE) || 4;
  password.setPasswordChecksAtOnce(password.passwordChecksAtOnce(os.availableParallelism(), config.workers, threads));
  const app = createApp({ db, config, logger: log, now });
  // Slow or half-open clients must not tie up the server. Node checks these timeouts only every
  // connectionsCheckingInterval (30 s by default), so a half-open socket lived up to 40 s; checking
  // every second closes it close to the 10 s header limit (issue 7, loadtest scenario D).
  const serverOptions = { headersTimeout: 10_000, requestTimeout: 30_000, connectionsCheckingInterval: 1_000 };
  // Only the interface in HOST (127.0.0.1 by default): in development /dev/outbox holds working
  // invitation and reset links, and behind a proxy nobody should reach the app around it.
  const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host, serverOptions }, (info) => {
    if (cluster.isPrimary) void announce(config, info.port, now);
  }) as Server;

  const timers: (() => void)[] = [];
  if (opts.runJobs) {
    timers.push(startJobs(db, jobs, now, log, { baseUrl: config.baseUrl, retention: config.retention, log }));
    if (config.smtpUrl) timers.push(startMailWorker(db, smtpTransport(config.smtpUrl), config.mailFrom, now, log));
  }

  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info('shutdown', { signal });
    for (const stop of timers) stop();
    // In-flight requests finish; then the database is closed cleanly.
    server.close(() => {
      db.$client.close();
      process.exit(0);
    });
    setTimeout(() => process.exit(1), 10_000).unref();
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
  // A server process whose primary is gone (killed) stops too, instead of lingering on the file.
  if (cluster.isWorker) process.on('disconnect', () => shutdown('primary_gone'));
}

/**
 * Forks the server processes and keeps them running: one that dies is replaced (with the same
 * index, so exactly one process runs the jobs). SIGTERM/SIGINT are passed on; the primary exits 0
 * once every server process has finished its requests and closed the database.
 */
function runPrimary(config: Config, log: Logger, now: Clock) {
  const alive = new Map<Worker, number>();
  let stopping = false;
  let exitCode = 0;
  let listening = 0;
  /** Restarts in the last minute: a process that keeps dying (bad file, port taken) stops the site instead of looping. */
  let restarts: number[] = [];
  const fork = (index: number) => {
    // A shifted clock (TEST_NOW) carries on where the primary's is, also in a replaced process.
    const worker = cluster.fork({
      GASTPLEK_WORKER_INDEX: String(index),
      // Password checks (argon2id, 19 MiB each while they run) run on libuv's thread pool, 4 threads
      // by default; how many run at once is the process's share of the cores (serveHere). 2 threads
      // leave one for other work while a check runs (issue #18, memory under the login flood).
      UV_THREADPOOL_SIZE: process.env.UV_THREADPOOL_SIZE ?? String(WORKER_THREADPOOL_SIZE),
      // One malloc arena instead of one per thread that ever allocated (glibc): ~6–9 MiB less per
      // process under load, no CPU difference measurable (issue #18, bench/RESULTS.md).
      MALLOC_ARENA_MAX: process.env.MALLOC_ARENA_MAX ?? '1',
      ...(config.clockStart ? { TEST_NOW: now().toISOString() } : {}),
    });
    alive.set(worker, index);
    worker.once('listening', (address) => {
      if (++listening === config.workers) void announce(config, address.port, now);
    });
  };
  cluster.on('exit', (worker, code, signal) => {
    const index = alive.get(worker);
    alive.delete(worker);
    if (stopping) {
      if (alive.size === 0) process.exit(exitCode);
      return;
    }
    log.error('worker_exited', { index, code, signal });
    const at = Date.now();
    restarts = [...restarts.filter((t) => at - t < 60_000), at];
    if (index === undefined || restarts.length > 5 * config.workers) {
      log.error('too_many_restarts', { inLastMinute: restarts.length });
      stopping = true;
      exitCode = 1; // a supervisor (systemd, docker) sees the failure and can restart or alert
      for (const w of alive.keys()) w.process.kill('SIGTERM');
      if (alive.size === 0) process.exit(exitCode);
      return;
    }
    setTimeout(() => {
      if (!stopping) fork(index);
    }, 200);
  });
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info('shutdown', { signal, workers: alive.size });
    for (const w of alive.keys()) w.process.kill('SIGTERM');
    if (alive.size === 0) process.exit(exitCode);
    setTimeout(() => process.exit(1), 15_000).unref();
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
  for (let i = 1; i <= config.workers; i++) fork(i);
}

void main();
