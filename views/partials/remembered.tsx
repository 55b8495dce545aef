import { raw } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';

type Drawing = { toString(): unknown };

/**
 * The drawing as kept HTML, made flat first. hono/jsx builds its text by appending thousands of
 * small pieces, which V8 keeps as a tree of joined strings until something reads the characters.
 * Reading them flattens only the outer string: a kept drawing left as a tree would be walked again,
 * piece by piece, every time a page that contains it is written out or compressed (issue #18: for
 * 20 search cards ~40–60 µs a page). Reading one character makes V8 copy the tree into one flat
 * string once, here, which the page then copies as a whole.
 */
function htmlOf(drawing: Drawing): HtmlEscapedString {
  const drawn = drawing.toString();
  if (typeof drawn !== 'string') throw new Error('a remembered component must render synchronously');
  drawn.charCodeAt(0);
  return raw(drawn);
}

/**
 * Kept drawings of one pure component (issue #18): `(key, draw)` gives the HTML kept under `key`,
 * drawn by `draw` the first time. Only for components whose key holds every prop they are drawn
 * from (the dictionary follows from the locale): a different input is a different key, so a kept
 * drawing is never out of date. At most `max` drawings; the oldest go first.
 */
export function rememberedHtml(max: number) {
  const store = new Map<string, HtmlEscapedString>();
  return (key: string, draw: () => Drawing): HtmlEscapedString => {
    let html = store.get(key);
    if (html === undefined) {
      html = htmlOf(draw());
      if (store.size >= max) store.delete(store.keys().next().value!);
      store.set(key, html);
    }
    return html;
  };
}

/**
 * Equal by value: primitives by `===` (functions and other objects, such as the dictionary, by
 * identity), arrays element by element, plain objects key by key. What a component's props are made of.
 */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameValue(a[i], b[i])) return false;
    return true;
  }
  if (Object.getPrototypeOf(a) !== Object.prototype || Object.getPrototypeOf(b) !== Object.prototype) return false;
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  for (const k of keys) {
    if (!Object.hasOwn(b, k) || !sameValue((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k])) return false;
  }
  return true;
}

/**
 * Kept drawings of one pure component, found by its props (issue #18): the drawings of a `group`
 * (a short text, e.g. the space a search card shows) are compared with the props by value
 * (`sameValue`), so every prop counts without being named, also one added later, and no key text
 * is built per drawing (building and hashing a JSON key was a third of drawing a search page).
 * The props are kept as given: the caller must not change them afterwards. At most `perGroup`
 * drawings a group and `max` in all; the oldest go first.
 */
export function rememberedByProps<P>(max: number, perGroup: number, group: (p: P) => string, draw: (p: P) => Drawing) {
  const store = new Map<string, { props: P; html: HtmlEscapedString }[]>();
  let size = 0;
  return (p: P): HtmlEscapedString => {
    const name = group(p);
    let kept = store.get(name);
    if (kept) for (const k of kept) if (sameValue(k.props, p)) return k.html;
    const html = htmlOf(draw(p));
    if (!kept) store.set(name, (kept = []));
    if (kept.length >= perGroup) {
      kept.shift();
      size--;
    }
    // Room for one more: the oldest other groups go first, then this group's oldest drawing.
    for (const [other, drawings] of store) {
      if (size < max) break;
      if (other === name) continue;
      store.delete(other);
      size -= drawings.length;
    }
    if (size >= max) {
      kept.shift();
      size--;
    }
    kept.push({ props: p, html });
    size++;
    return html;
  };
}
