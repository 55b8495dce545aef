// @ts-check
/**
 * Mutation testing of the rule modules (issue 11): `npm run mutate`. StrykerJS changes the code
 * one small thing at a time (a `>` into `>=`, a condition into `true`, a call removed) and runs the
 * tests that cover that line; a mutant that no test notices is a rule without a real test.
 * Results and the explanation of every surviving mutant: docs/quality.md.
 * @type {import('@stryker-mutator/api/core').PartialStrykerOptions}
 */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutate.config.ts', related: false },
  plugins: ['@stryker-mutator/vitest-runner'],
  checkers: [],
  coverageAnalysis: 'perTest',
  mutate: (
    process.env.MUTATE ??
    [
      'src/desks/rules.ts',
      'src/desks/bookings.ts',
      'src/intervision/registrations.ts',
      'src/intervision/waitlist.ts',
      'src/intervision/groups.ts',
      'src/intervision/attendance.ts',
      'src/intervision/statements.ts',
      'src/lib/security.ts',
      // Lines 37–329 and 372–455: the rules (visibility, publishing, booking, cancelling, the list
      // and the slots); the rest are the read queries of the pages. See docs/quality.md.
      'src/consults/consults.ts:37-329',
      'src/consults/consults.ts:372-455',
      'src/privacy/retention.ts',
      'src/privacy/deletion.ts',
      'src/desks/closures.ts',
      // A location's closures (list, count, add, read, remove); the rest of desks.ts are the host's and the search's queries.
      'src/desks/desks.ts:226-330',
      'src/orgs/people.ts',
      'src/auth/throttle.ts',
      'src/orgs/orgs.ts',
    ].join(',')
  ).split(','),
  concurrency: Number(process.env.MUTATE_CONCURRENCY ?? 2),
  timeoutMS: 10_000,
  reporters: ['clear-text', 'progress', 'json', 'html'],
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  htmlReporter: { fileName: 'reports/mutation/mutation.html' },
  thresholds: { high: 90, low: 85, break: null },
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
};
