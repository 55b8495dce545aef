import { raw } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';

/**
 * Kept drawings of one pure component (issue #18): `(key, draw)` gives the HTML kept under `key`,
 * drawn by `draw` the first time. Only for components whose key holds every prop they are drawn
 * from (the dictionary follows from the locale): a different input is a different key, so a kept
 * drawing is never out of date. At most `max` drawings; the oldest go first.
 */
export function rememberedHtml(max: number) {
  const store = new Map<string, HtmlEscapedString>();
  return (key: string, draw: () => { toString(): unknown }): HtmlEscapedString => {
    let html = store.get(key);
    if (html === undefined) {
      const drawn = draw().toString();
      if (typeof drawn !== 'string') throw new Error('a remembered component must render synchronously');
      html = raw(drawn);
      if (store.size >= max) store.delete(store.keys().next().value!);
      store.set(key, html);
    }
    return html;
  };
}
