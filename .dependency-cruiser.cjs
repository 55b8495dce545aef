/**
 * Architecture rules (issue 11, STYLE.md): run by `npm test` through `npm run lint:deps`.
 * A rule broken here is a design question, not a style nit: fix the import, or change the rule
 * here with the reason in a comment.
 */
module.exports = {
  forbidden: [
    {
      name: 'no-cycles',
      severity: 'error',
      comment: 'Import cycles make modules half-initialised at start-up and hide which layer owns a rule.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'views-render-only',
      severity: 'error',
      comment:
        'Views render what handlers give them: no database handle, no queries, no auth. (Enum lists and types from db/schema are fine: they are data, not access.)',
      from: { path: '^views/' },
      to: { path: ['^src/db\\.ts$', '^src/auth/', '^src/.*/routes\\.tsx?$', 'node_modules/(drizzle-orm|better-sqlite3|lucia|@node-rs/argon2)/'] },
    },
    {
      name: 'only-auth-knows-lucia-and-argon2',
      severity: 'error',
      comment: 'src/auth/ is the only place that knows lucia (sessions) and argon2 (passwords): ADR 002.',
      from: { pathNot: '^src/auth/' },
      to: { path: 'node_modules/(lucia|@lucia-auth|@node-rs/argon2)/' },
    },
    {
      name: 'domain-not-http',
      severity: 'error',
      comment: 'Data and rules (src/<domain>/<domain>.ts) do not depend on HTTP route modules; routes call domains, not the reverse.',
      from: { path: '^src/', pathNot: ['routes\\.tsx?$', '^src/app\\.ts$', '^src/server\\.ts$'] },
      to: { path: 'routes\\.tsx?$' },
    },
    {
      name: 'production-code-not-from-tests',
      severity: 'error',
      comment: 'Nothing that ships imports test or bench code.',
      from: { path: '^(src|views|db)/' },
      to: { path: '^(test|bench)/' },
    },
    {
      name: 'no-unresolvable',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json'],
    },
    exclude: { path: ['node_modules', 'static/vendor'] },
  },
};
