import { defineConfig } from 'vitest/config';

/** The request-level tests only (no browser, no server processes): what Stryker runs per mutant. */
export default defineConfig({
  test: {
    include: ['test/**/*.test.{ts,tsx}'],
    exclude: [
      'test/browser/**',
      'test/faults/**',
      'test/security/xss-browser.test.ts',
      'test/security/fuzz.test.ts',
      'test/security/limits.test.ts',
      'test/mail/**',
      'test/**/multiprocess.test.ts',
      'test/architecture.test.ts',
      'test/i18n.test.ts',
    ],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
});
