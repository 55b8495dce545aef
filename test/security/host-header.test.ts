import { describe, expect, it } from 'vitest';
import { createTestApp } from '../helpers';

/**
 * The Host rule (saneHost, issue 7) at request level: the app sees the Host as the URL's hostname,
 * and @hono/node-server's raw header list as `env.incoming.rawHeaders`. test/security/limits.test.ts
 * checks the same over a real socket.
 */
describe('Host header: a name no DNS name can have is refused with 400 before any work', () => {
  const get = (host: string, rawHeaders?: string[]) => {
    const { app } = createTestApp();
    return app.request(`http://${host}/login`, {}, rawHeaders ? { incoming: { rawHeaders } } : undefined);
  };
  const label = (n: number) => 'a'.repeat(n);

  it('a label of 63 characters is served, 64 is refused', async () => {
    expect((await get(`${label(63)}.example`)).status).toBe(200);
    expect((await get(`${label(64)}.example`)).status).toBe(400);
    expect((await get(`www.${label(64)}`)).status).toBe(400);
  });

  it('a name of 253 characters is served, 254 is refused', async () => {
    const name = (last: number) => [label(63), label(63), label(63), label(last)].join('.');
    expect(name(61)).toHaveLength(253);
    expect((await get(name(61))).status).toBe(200);
    expect((await get(name(62))).status).toBe(400);
  });

  it('an IPv6 literal is served; its brackets and colons are not a DNS label', async () => {
    expect((await get('[2001:db8::1]')).status).toBe(200);
  });

  it('two Host headers are refused (RFC 9112); one Host header, or a header whose value is "host", is not', async () => {
    expect((await get('localhost', ['Host', 'localhost', 'host', 'evil.example'])).status).toBe(400);
    expect((await get('localhost', ['Host', 'localhost', 'X-Note', 'host'])).status).toBe(200);
  });
});
