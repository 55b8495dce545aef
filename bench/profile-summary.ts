// npx tsx bench/profile-summary.ts <file.cpuprofile> [top]
// Self time per function and per package/folder of a V8 CPU profile (from `npm run bench -- --profile`).
import fs from 'node:fs';

type Node = { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; hitCount?: number; children?: number[] };
type Profile = { nodes: Node[]; startTime: number; endTime: number; samples: number[]; timeDeltas: number[] };

const [file, topArg] = process.argv.slice(2);
if (!file) {
  console.error('usage: tsx bench/profile-summary.ts <file.cpuprofile> [top]');
  process.exit(2);
}
const top = Number(topArg ?? 30);
const prof = JSON.parse(fs.readFileSync(file, 'utf8')) as Profile;
const byId = new Map(prof.nodes.map((n) => [n.id, n]));
const self = new Map<number, number>();
for (const [i, id] of prof.samples.entries()) self.set(id, (self.get(id) ?? 0) + (prof.timeDeltas[i] ?? 0));
const total = [...self.values()].reduce((a, b) => a + b, 0);

function area(url: string, fn: string): string {
  if (!url) return fn.startsWith('(') ? fn : '(native)';
  const nm = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (nm) return nm[1]!;
  const local = /\/(src|views|db|bench)\/(.*?)(\/[^/]+)?$/.exec(url);
  if (local) return `${local[1]}/${local[2]}`;
  if (url.startsWith('node:')) return url;
  return url;
}

const perFn = new Map<string, number>();
const perArea = new Map<string, number>();
for (const [id, us] of self) {
  const n = byId.get(id)!;
  const { functionName, url, lineNumber } = n.callFrame;
  const key = `${functionName || '(anonymous)'} ${url.replace(/^file:\/\/.*?\/(node_modules|src|views|db)\//, '$1/')}:${lineNumber + 1}`;
  perFn.set(key, (perFn.get(key) ?? 0) + us);
  const a = area(url, functionName);
  perArea.set(a, (perArea.get(a) ?? 0) + us);
}
const pct = (us: number) => `${((us / total) * 100).toFixed(1).padStart(5)}%`;
console.log(`total sampled ${(total / 1e6).toFixed(1)} s`);
console.log('\nself time by area');
for (const [a, us] of [...perArea].sort((x, y) => y[1] - x[1]).slice(0, top)) console.log(`${pct(us)}  ${a}`);
console.log('\nself time by function');
for (const [f, us] of [...perFn].sort((x, y) => y[1] - x[1]).slice(0, top)) console.log(`${pct(us)}  ${f}`);

// Inclusive time of the project's own functions (src/, views/, db/): where a request spends its time.
const parent = new Map<number, number>();
for (const n of prof.nodes) for (const ch of n.children ?? []) parent.set(ch, n.id);
const inclusive = new Map<string, number>();
for (const [id, us] of self) {
  const seen = new Set<string>();
  for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
    const { functionName, url, lineNumber } = byId.get(cur)!.callFrame;
    if (!/\/(src|views|db)\//.test(url) || !functionName) continue;
    const key = `${functionName} ${url.replace(/^file:\/\/.*?\/(src|views|db)\//, '$1/')}:${lineNumber + 1}`;
    if (seen.has(key)) continue;
    seen.add(key);
    inclusive.set(key, (inclusive.get(key) ?? 0) + us);
  }
}
console.log('\ninclusive time of project functions');
for (const [f, us] of [...inclusive].sort((x, y) => y[1] - x[1]).slice(0, top)) console.log(`${pct(us)}  ${f}`);
