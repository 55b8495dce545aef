import http from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';
import { devProviderOptions } from '../../src/dev/oidc';

/**
 * A real OpenID Connect provider (`oidc-provider`) in this process on a random port, for the SSO
 * tests: one client for Gastplek, accounts given by the test, the development login screen, and
 * consent taken as given (as an organisation's own provider does for its own app).
 */
export type TestAccount = { email?: string; email_verified?: boolean; name?: string };

export const CLIENT_ID = 'gastplek';
export const CLIENT_SECRET = 'icare-client-secret-0123456789';

/** oidc-provider says once that its development login screen is on; the tests know. */
function quietly<T>(make: () => T): T {
  const warn = console.warn;
  console.warn = (...args: unknown[]) => {
    if (!String(args[0]).includes('devInteractions')) warn(...args);
  };
  try {
    return make();
  } finally {
    console.warn = warn;
  }
}

export async function startProvider(redirectUri: string, accounts: Record<string, TestAccount>, opts: { clientId?: string } = {}) {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const provider = quietly(
    () =>
      new Provider(
        issuer,
        devProviderOptions({
          client: { client_id: opts.clientId ?? CLIENT_ID, client_secret: CLIENT_SECRET, redirect_uris: [redirectUri] },
          cookieKey: 'test-provider-cookie-key',
          async findAccount(_ctx, id) {
            const account = accounts[id];
            if (!account) return undefined;
            return { accountId: id, claims: async () => ({ sub: id, ...account }) };
          },
        }),
      ),
  );
  server.on('request', provider.callback());
  return {
    issuer,
    provider,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * Signs in at the provider as `login` the way a browser would (its cookies kept), starting from
 * the authorisation URL Gastplek redirected to; returns the URL the provider sends the browser back to.
 */
export async function signInAtProvider(authUrl: string, login: string): Promise<URL> {
  const jar = new Map<string, string>();
  const remember = (res: Response) => {
    for (const line of res.headers.getSetCookie()) {
      const [pair = ''] = line.split(';');
      const i = pair.indexOf('=');
      jar.set(pair.slice(0, i), pair.slice(i + 1));
    }
  };
  const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
  let url = new URL(authUrl);
  for (let hop = 0; hop < 10; hop++) {
    const res = await fetch(url, { redirect: 'manual', headers: { cookie: cookie() } });
    remember(res);
    const location = res.headers.get('location');
    if (location && !location.startsWith(url.origin) && !location.startsWith('/')) return new URL(location);
    if (location) {
      url = new URL(location, url);
      continue;
    }
    // The login screen of the development interactions: post the login name.
    if (res.status === 200 && url.pathname.startsWith('/interaction/')) {
      const posted = await fetch(url, {
        method: 'POST',
        redirect: 'manual',
        headers: { cookie: cookie(), 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ prompt: 'login', login, password: 'any' }),
      });
      remember(posted);
      url = new URL(posted.headers.get('location')!, url);
      continue;
    }
    throw new Error(`provider answered ${res.status} at ${url.pathname}: ${(await res.text()).slice(0, 300)}`);
  }
  throw new Error('too many redirects at the provider');
}
