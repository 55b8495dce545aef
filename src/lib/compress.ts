import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

/**
 * Compression of the HTML we render (issue #18). Synchronous zlib on the finished string: a page
 * is ~20 KiB, which brotli at quality 1 compresses in ~0.1 ms to a fifth; a stream would cost more
 * than it saves at this size. Static files go through hono's compress() (src/app.ts).
 */
export type Encoding = 'br' | 'gzip';

/** Below this, compressing does not pay (headers and CPU outweigh the bytes saved). */
export const COMPRESS_MIN_BYTES = 1024;

/**
 * Brotli quality for HTML made per request: 1 is ~2× faster than gzip level 6 here and ~10 %
 * larger than brotli 4; the CPU of a server-rendered page is what bounds throughput (bench/RESULTS.md).
 */
const BROTLI_QUALITY = 1;
const BROTLI_WINDOW_BITS = 16;

/**
 * The encoding to answer with, from an Accept-Encoding header: brotli, else gzip, when the client
 * accepts it (a q-value of 0 refuses; `*` accepts both); null for none.
 */
export function negotiateEncoding(header: string | undefined): Encoding | null {
  if (!header) return null;
  const q = new Map<string, number>();
  for (const part of header.toLowerCase().split(',')) {
    const [name, ...params] = part.trim().split(';');
    if (!name) continue;
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const value = qParam ? Number(qParam.slice(2)) : 1;
    q.set(name.trim(), Number.isFinite(value) ? value : 0);
  }
  const accepts = (enc: Encoding) => (q.get(enc) ?? q.get('*') ?? 0) > 0;
  return accepts('br') ? 'br' : accepts('gzip') ? 'gzip' : null;
}

export function compressText(text: string, encoding: Encoding): Buffer {
  return encoding === 'br'
    ? brotliCompressSync(text, {
        params: {
          [constants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY,
          [constants.BROTLI_PARAM_SIZE_HINT]: text.length,
          // A 64 KiB window: the default 4 MiB one costs ~20 µs a page to set up; a longer page (Inzicht)
          // only finds fewer repeats, it is never decoded wrongly.
          [constants.BROTLI_PARAM_LGWIN]: BROTLI_WINDOW_BITS,
        },
      })
    : gzipSync(text, { level: 6 });
}
