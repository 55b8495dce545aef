import type { Context } from 'hono';
import type { AppEnv } from '../types';

type Ctx = Context<AppEnv>;

/** What htmx says about a request in its headers (https://htmx.org/reference/#request_headers). */
export type HtmxRequest = {
  /** `HX-Request`: sent by htmx, not by a plain link or form. */
  request: boolean;
  /** `HX-History-Restore-Request`: htmx missed its history cache and wants the whole page. */
  historyRestore: boolean;
  /** `HX-Target`: the id of the element the answer will be swapped into, when it has one. */
  target: string | null;
  /** `HX-Trigger`: the id of the element that sent the request, when it has one. */
  trigger: string | null;
};

export function htmx(c: Ctx): HtmxRequest {
  return {
    request: c.req.header('HX-Request') === 'true',
    historyRestore: c.req.header('HX-History-Restore-Request') === 'true',
    target: c.req.header('HX-Target') || null,
    trigger: c.req.header('HX-Trigger') || null,
  };
}

/**
 * Page or fragment? True when htmx asks for a fragment. Asking makes the answer depend on
 * `HX-Request`, so the response says so (`Vary`): a browser or proxy must never hand the
 * fragment out for the page's URL or the other way round (htmx docs, "Caching").
 */
export function isHtmx(c: Ctx): boolean {
  vary(c, 'HX-Request');
  const h = htmx(c);
  return h.request && !h.historyRestore;
}

const varied = new WeakMap<Ctx, Set<string>>();

/** Adds request headers to the response's `Vary`, once each, whoever added some before. */
export function vary(c: Ctx, ...headers: string[]): void {
  let set = varied.get(c);
  if (!set) varied.set(c, (set = new Set()));
  for (const h of headers) set.add(h);
  c.header('Vary', [...set].join(', '));
}
