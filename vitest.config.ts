import { defineConfig } from 'vitest/config';

/**
 * Three projects, all run by `npm test` (and CI): `fast` is the inner loop (`npm run test:fast`,
 * request-level tests on real SQLite); `browser` drives Chromium through the journeys; `faults`
 * starts real server processes (crash drill, cluster, load-test smoke run).
 *
 * Timeouts only catch a hang: they are generous so the suite passes on a busy machine. Speed is
 * measured by `npm run bench` and `npm run loadtest`, never by a test.
 */
const BROWSER = ['test/browser/**/*.test.ts', 'test/security/xss-browser.test.ts'];
const FAULTS = ['test/faults/**/*.test.ts'];

export default defineConfig({
  test: {
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    expect: { poll: { timeout: 15_000 } },
    projects: [
      { extends: true, test: { name: 'fast', include: ['test/**/*.test.{ts,tsx}'], exclude: [...BROWSER, ...FAULTS] } },
      { extends: true, test: { name: 'browser', include: BROWSER, testTimeout: 180_000 } },
      { extends: true, test: { name: 'faults', include: FAULTS, testTimeout: 300_000 } },
    ],
  },
});
