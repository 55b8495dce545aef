import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { en } from '../views/i18n/en';
import { nl } from '../views/i18n/nl';

function shape(value: unknown, prefix = ''): string[] {
  if (typeof value === 'function') return [`${prefix}()`];
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => shape(v, prefix ? `${prefix}.${k}` : k));
  return [prefix];
}

function emptyStrings(value: unknown, prefix = ''): string[] {
  if (typeof value === 'string') return value.trim() ? [] : [prefix];
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => emptyStrings(v, prefix ? `${prefix}.${k}` : k));
  return [];
}

describe('i18n: dictionaries', () => {
  it('Dutch and English have exactly the same keys', () => {
    const a = shape(nl).sort();
    const b = shape(en).sort();
    expect(a.filter((k) => !b.includes(k))).toEqual([]);
    expect(b.filter((k) => !a.includes(k))).toEqual([]);
  });

  it('no entry is empty', () => {
    expect(emptyStrings(nl)).toEqual([]);
    expect(emptyStrings(en)).toEqual([]);
  });
});

const USER_FACING_ATTRS = new Set(['aria-label', 'title', 'alt', 'placeholder', 'aria-description', 'value-label', 'hx-confirm']);

function viewFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return p.includes(`${path.sep}i18n`) ? [] : viewFiles(p);
    return p.endsWith('.tsx') ? [p] : [];
  });
}

/** JSX text and user-facing attributes written as literals instead of coming from a dictionary. */
function hardCodedStrings(file: string): string[] {
  const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: string[] = [];
  const hasWords = (s: string) => /\p{L}{2,}/u.test(s);
  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node) && hasWords(node.text)) found.push(`${file}: text "${node.text.trim()}"`);
    if (
      ts.isJsxAttribute(node) &&
      USER_FACING_ATTRS.has(node.name.getText(source)) &&
      node.initializer &&
      ts.isStringLiteral(node.initializer) &&
      hasWords(node.initializer.text)
    ) {
      found.push(`${file}: ${node.name.getText(source)}="${node.initializer.text}"`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('i18n: views', () => {
  it('no view contains a hard-coded user-facing string', () => {
    const files = [...viewFiles(path.resolve('views')), ...viewFiles(path.resolve('src'))];
    expect(files.length).toBeGreaterThan(3);
    expect(files.flatMap(hardCodedStrings)).toEqual([]);
  });

  it('the check itself catches a hard-coded string', () => {
    const tmp = path.join(fs.mkdtempSync(path.join(process.cwd(), 'node_modules', '.i18n-')), 'Bad.tsx');
    fs.writeFileSync(tmp, 'export const Bad = () => <p aria-label="Sluiten">Hallo wereld</p>;\n');
    expect(hardCodedStrings(tmp)).toHaveLength(2);
    fs.rmSync(path.dirname(tmp), { recursive: true });
  });
});
