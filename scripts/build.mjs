// Builds the server for `npm start`: src/server.ts and what it imports (our TypeScript and the views)
// as one ES module, dist/server.mjs; npm packages stay imports of node_modules. Production then runs
// plain JavaScript: no TypeScript loader in every server process (tsx keeps a loader thread with a
// V8 heap of its own, ~40 MB per process) and no per-function helpers of the on-the-fly transform.
// See docs/decisions/020-built-server-and-bounded-heap.md. `node scripts/build.mjs [outdir]`.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outdir = path.resolve(root, process.argv[2] ?? 'dist');
fs.rmSync(outdir, { recursive: true, force: true });

await build({
  absWorkingDir: root,
  entryPoints: ['src/server.ts'],
  outdir,
  outExtension: { '.js': '.mjs' },
  // The dynamic imports of src/server.ts stay lazy (chunks): the cluster primary does not load the
  // app, and the development-only modules (demo data, the dev OIDC service) are never loaded in production.
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  jsx: 'automatic',
  jsxImportSource: 'hono/jsx',
  // A stack trace in the log points into src/ when the server runs with --enable-source-maps.
  sourcemap: 'linked',
  logLevel: 'warning',
});
// Files read at run time next to the module that reads them (new URL('./…', import.meta.url)).
fs.copyFileSync(path.join(root, 'src/desks/holidays-nl.json'), path.join(outdir, 'holidays-nl.json'));
console.log(`built ${path.relative(root, path.join(outdir, 'server.mjs')) || outdir}`);
