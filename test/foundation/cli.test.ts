import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { childEnv } from '../faults/server-process';
import { Client, createTestApp, html, text } from '../helpers';

describe('admin:create', () => {
  it('creates the first network admin in production and prints a working one-time link', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gastplek-cli-'));
    const dbFile = path.join(dir, 'prod.db');
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/admin-create.ts', '--email', 'Coordinator@Example.org', '--name', 'Co Ördinator'], {
      env: childEnv({ NODE_ENV: 'production', BASE_URL: 'http://localhost:3000', DATABASE_PATH: dbFile }),
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const link = /http:\/\/localhost:3000(\/password\/reset\/\S+)/.exec(r.stdout)![1]!;

    const { app, db } = createTestApp({ dbFile });
    expect(db.$client.prepare('select count(*) as n from organisations').get()).toEqual({ n: 0 }); // no demo data
    const client = new Client(app);
    expect((await client.post(link, { password: 'sterk wachtwoord!', passwordConfirm: 'sterk wachtwoord!' })).status).toBe(303);
    const orgs = await html(await client.get('/admin/organisations'));
    expect(text(orgs.querySelector('h1'))).toBe('Organisaties in het netwerk');
    expect((await new Client(app).post(link, { password: 'nog eens proberen', passwordConfirm: 'nog eens proberen' })).status).toBe(404);
  });

  it('refuses a bad e-mail address with usage help', () => {
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/admin-create.ts', '--email', 'geen-adres', '--name', 'X'], {
      env: childEnv({ DATABASE_PATH: ':memory:' }),
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('Gebruik: npm run admin:create');
  });
});
