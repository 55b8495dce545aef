import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { childEnv, freePort, tempDir } from './server-process';

// `npm start` runs the built server (scripts/build.mjs → dist/server.mjs, ADR 020), not the
// sources: the bundle must start, find its migrations, static files and holiday data from dist/,
// load the lazy chunks (demo data) and serve pages.

describe('the built server (npm start)', () => {
  it('builds, starts with the options of the start script, seeds the demo data and serves pages and static files', async () => {
    const built = spawnSync(process.execPath, ['scripts/build.mjs'], { encoding: 'utf8', timeout: 60_000 });
    expect(built.status, built.stderr).toBe(0);
    const start = (JSON.parse(fs.readFileSync('package.json', 'utf8')) as { scripts: { start: string } }).scripts.start;
    const nodeArgs = /node ((?:--\S+ )*)dist\/server\.mjs/.exec(start)?.[1]?.trim().split(' ') ?? [];
    expect(nodeArgs).toContain('--max-old-space-size=128');
    const port = await freePort();
    const url = `http://localhost:${port}`;
    const proc = spawn(process.execPath, [...nodeArgs, 'dist/server.mjs'], {
      env: childEnv({ PORT: String(port), BASE_URL: url, DATABASE_PATH: path.join(tempDir(), 'g.db'), LOG_LEVEL: 'error', SMTP_URL: '' }),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    proc.stdout.on('data', (d) => (output += d));
    proc.stderr.on('data', (d) => (output += d));
    try {
      for (let i = 0; i < 600 && !output.includes('Demo-accounts'); i++) await new Promise((r) => setTimeout(r, 100));
      expect(output).toContain('Demo-accounts');
      expect(await (await fetch(`${url}/healthz`)).json()).toEqual({ status: 'ok', database: 'ok' });
      const login = await fetch(`${url}/login`);
      expect(login.status).toBe(200);
      expect(await login.text()).toContain('<form');
      expect((await fetch(`${url}/static/vendor/htmx.min.js`)).status).toBe(200);
    } finally {
      proc.kill('SIGTERM');
      await new Promise((r) => proc.once('exit', r));
    }
  });
});
