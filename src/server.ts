import type { Server } from 'node:http';
import { serve } from '@hono/node-server';
import { createApp } from './app';
import { loadConfigOrExit } from './config';
import { openDatabase } from './db';
import { createLogger } from './lib/log';
import { smtpTransport } from './mail/smtp';
import { startMailWorker } from './mail/worker';
import { jobs } from './jobs/registry';
import { startJobs } from './jobs/runner';
import { isEmpty, seedDemoData, DEMO_ACCOUNTS, DEMO_PASSWORD } from '../db/seed/index';

async function main() {
  const config = loadConfigOrExit();
  const log = createLogger(config.logLevel);
  const db = openDatabase(config.databasePath, { busyTimeoutMs: config.dbBusyTimeoutMs });

  if (config.nodeEnv !== 'production' && isEmpty(db)) {
    await seedDemoData(db);
    log.info('seeded_demo_data');
  }

  const app = createApp({ db, config, logger: log });
  // Slow or half-open clients must not tie up the server. Node checks these timeouts only every
  // connectionsCheckingInterval (30 s by default), so a half-open socket lived up to 40 s; checking
  // every second closes it close to the 10 s header limit (issue 7, loadtest scenario D).
  const serverOptions = { headersTimeout: 10_000, requestTimeout: 30_000, connectionsCheckingInterval: 1_000 };
  const server = serve({ fetch: app.fetch, port: config.port, serverOptions }, (info) => {
    console.log(`Gastplek draait op ${config.baseUrl} (poort ${info.port}, database ${config.databasePath})`);
    if (config.nodeEnv !== 'production') {
      console.log(`Demo-accounts (wachtwoord ${DEMO_PASSWORD}):`);
      for (const a of DEMO_ACCOUNTS) console.log(`  ${a.email.padEnd(28)} ${a.description}`);
    }
  }) as Server;

  const stopJobs = startJobs(db, jobs, () => new Date(), log);
  const timers: (() => void)[] = [stopJobs];
  if (config.smtpUrl) {
    timers.push(startMailWorker(db, smtpTransport(config.smtpUrl), config.mailFrom, () => new Date(), log));
  }

  const shutdown = (signal: string) => {
    log.info('shutdown', { signal });
    for (const stop of timers) stop();
    server.close(() => {
      db.$client.close();
      process.exit(0);
    });
    setTimeout(() => process.exit(1), 10_000).unref();
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
}

void main();
