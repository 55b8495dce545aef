import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createOrg, createTestApp, createUser } from '../helpers';
import { createSpace } from '../desks/factory';
import { formPost, startServerProcess, tempDir } from './server-process';

describe('the server process takes its clock from TEST_NOW', () => {
  it('a server started a year ahead books that day and refuses the real today as past', async () => {
    const file = path.join(tempDir(), 'clock.db');
    const t = createTestApp({ dbFile: file });
    const host = createOrg(t.db, { name: 'CJG Ede' });
    const guest = createOrg(t.db, { name: 'GGD Gelderland-Zuid' });
    const space = createSpace(t.db, host.id, { capacity: 3, town: 'Ede' });
    const worker = await createUser(t.db, { orgId: guest.id });
    t.db.$client.close();

    // A Tuesday a year and a bit from the real today: far beyond the eight-week horizon in real time.
    const start = new Date(Date.now() + 400 * 86_400_000);
    while (start.getUTCDay() !== 1) start.setTime(start.getTime() + 86_400_000);
    const monday = start.toISOString().slice(0, 10);
    const tuesday = new Date(start.getTime() + 86_400_000).toISOString().slice(0, 10);
    const realToday = new Date().toISOString().slice(0, 10);

    const server = await startServerProcess(file, { TEST_NOW: monday });
    try {
      const login = await formPost(`${server.url}/login`, { email: worker.email, password: worker.password }, server.url);
      const cookie = login.headers.getSetCookie()[0]!.split(';')[0]!;
      const ahead = await formPost(`${server.url}/desks/spaces/${space.spaceId}/book`, { date: tuesday, daypart: 'morning' }, server.url, cookie);
      expect(ahead.status).toBe(303);
      const past = await formPost(`${server.url}/desks/spaces/${space.spaceId}/book`, { date: realToday, daypart: 'afternoon' }, server.url, cookie);
      expect(past.status).toBe(422);
    } finally {
      server.proc.kill('SIGTERM');
      await server.exited;
    }
  });
});
