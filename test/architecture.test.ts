import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { createApp } from '../src/app';
import { loadConfig } from '../src/config';
import { openDatabase } from '../src/db';
import type { Logger } from '../src/lib/log';
import { createOrg, createUser, loginAs, ORIGIN, TestClock } from './helpers';

/** The shape of the code (STYLE.md): checks that keep the walk route → domain → table → view short. */

const ROOT = path.resolve('.');

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(p);
    return /\.tsx?$/.test(e.name) && !e.name.endsWith('.d.ts') ? [p] : [];
  });
}

const parse = (file: string) =>
  ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true, file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);

/** Imports between our own modules (src, views, db), type-only imports included. */
function importGraph(): Map<string, string[]> {
  const files = ['src', 'views', 'db'].flatMap((d) => sourceFiles(path.join(ROOT, d)));
  const options: ts.CompilerOptions = {
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    module: ts.ModuleKind.ESNext,
    jsx: ts.JsxEmit.ReactJSX,
    allowJs: false,
  };
  const graph = new Map<string, string[]>();
  for (const file of files) {
    const deps: string[] = [];
    for (const st of parse(file).statements) {
      if ((ts.isImportDeclaration(st) || ts.isExportDeclaration(st)) && st.moduleSpecifier && ts.isStringLiteral(st.moduleSpecifier)) {
        const to = ts.resolveModuleName(st.moduleSpecifier.text, file, options, ts.sys).resolvedModule;
        if (to && !to.isExternalLibraryImport) deps.push(path.resolve(to.resolvedFileName));
      }
    }
    graph.set(path.resolve(file), deps);
  }
  return graph;
}

/** Strongly connected groups of more than one module (Tarjan): each is an import cycle. */
function cycles(graph: Map<string, string[]>): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const found: string[][] = [];
  const visit = (v: string) => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    for (const w of graph.get(v) ?? []) {
      if (!graph.has(w)) continue;
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (stack.includes(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const group: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        group.push(path.relative(ROOT, w));
      } while (w !== v);
      if (group.length > 1) found.push(group.sort());
    }
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return found;
}

const routeFiles = () => sourceFiles(path.join(ROOT, 'src')).filter((f) => /(^|[./])routes\.tsx?$/.test(path.basename(f)));

/** HTML written in a route file (`<td>`, `<>…</>`), and htmx headers read or Vary set by hand there. */
function routeFileProblems(file: string): string[] {
  const source = parse(file);
  const rel = path.relative(ROOT, file);
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isJsxFragment(node)) found.push(`${rel}: <>…</>`);
    if (ts.isJsxOpeningElement(node) || ts.isJsxSelfClosingElement(node)) {
      const tag = node.tagName.getText(source);
      if (/^[a-z]/.test(tag)) found.push(`${rel}: <${tag}>`);
    }
    if (ts.isStringLiteral(node) && /^(hx-|vary$)/i.test(node.text)) found.push(`${rel}: '${node.text}'`);
    // Handlers never build queries or open transactions: domain functions do (STYLE.md).
    if (ts.isIdentifier(node) && node.text === 'writeTx') found.push(`${rel}: writeTx`);
    if (ts.isPropertyAccessExpression(node) && /^(select|insert|update|delete|prepare|transaction|\$client)$/.test(node.name.text))
      found.push(`${rel}: .${node.name.text}`);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/**
 * Reads of `c.var`: hono's getter copies every request variable into a new object on each read
 * (`Object.fromEntries`), 33 times for one desk search (issue #18); `c.get('user')` is a map lookup.
 */
function contextVarReads(file: string): string[] {
  const source = parse(file);
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isPropertyAccessExpression(node) && node.name.text === 'var')
      found.push(`${path.relative(ROOT, file)}:${source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1}`);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('the shape of the code', () => {
  it('no import cycles between our modules, type-only imports included', () => {
    const graph = importGraph();
    expect(graph.size).toBeGreaterThan(50);
    expect(cycles(graph)).toEqual([]);
  });

  it('the cycle check itself finds a cycle', () => {
    expect(
      cycles(
        new Map([
          ['a', ['b']],
          ['b', ['c']],
          ['c', ['a']],
          ['d', ['a']],
        ]),
      ).map((c) => c.length),
    ).toEqual([3]);
  });

  it('route files render views only, leave htmx headers and Vary to src/lib/htmx.ts, and queries and transactions to the domain', () => {
    const files = routeFiles();
    expect(files.length).toBeGreaterThan(10);
    expect(files.flatMap(routeFileProblems)).toEqual([]);
  });

  it('the route-file check itself catches markup and a hand-set header', () => {
    const tmp = path.join(fs.mkdtempSync(path.join(ROOT, 'node_modules', '.arch-')), 'bad.routes.tsx');
    fs.writeFileSync(
      tmp,
      "export const h = (c: any) => { c.header('Vary', 'HX-Request'); writeTx(db, (tx: any) => tx.update(t)); return c.html(<td class=\"slot\"><Cell /></td>); };\n",
    );
    expect(routeFileProblems(tmp).map((p) => p.slice(p.indexOf(': ') + 2))).toEqual(["'Vary'", "'HX-Request'", 'writeTx', '.update', '<td>']);
    fs.rmSync(path.dirname(tmp), { recursive: true });
  });

  it("request variables are read with c.get('name'), never through c.var, which copies them all on every read", () => {
    const files = ['src', 'views'].flatMap((d) => sourceFiles(path.join(ROOT, d)));
    expect(files.flatMap(contextVarReads)).toEqual([]);
  });

  it('the c.var check itself finds a read', () => {
    const tmp = path.join(fs.mkdtempSync(path.join(ROOT, 'node_modules', '.arch-')), 'bad.ts');
    fs.writeFileSync(tmp, "export const h = (c: any) => c.get('t') ?? c.var.t;\n");
    expect(contextVarReads(tmp).map((p) => p.slice(p.lastIndexOf(':') + 1))).toEqual(['1']);
    fs.rmSync(path.dirname(tmp), { recursive: true });
  });
});

describe('request logs', () => {
  it('name the full route pattern of a mounted sub-app, never the path with its ids', async () => {
    const lines: Record<string, unknown>[] = [];
    const logger: Logger = { info: (_e, f) => void lines.push(f ?? {}), error: () => {}, flush: () => {} };
    const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', BASE_URL: ORIGIN });
    const db = openDatabase(':memory:');
    const app = createApp({ db, config, now: new TestClock().now, logger });
    const org = createOrg(db);
    const user = await createUser(db, { orgId: org.id });
    const client = await loginAs(app, user.email);
    lines.length = 0;
    await client.get('/desks/spaces/12345');
    await client.get('/meetings/678/places');
    await app.request('/verify/some-secret-code');
    await app.request('/host/locations');
    expect(lines.map((l) => `${l.status} ${l.route}`)).toEqual(['404 /desks/spaces/:spaceId', '404 /meetings/:id/places', '404 /verify/:code', '303 /host/*']);
  });
});
