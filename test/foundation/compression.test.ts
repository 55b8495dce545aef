import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { COMPRESS_MIN_BYTES, negotiateEncoding } from '../../src/lib/compress';
import { createTestApp } from '../helpers';
import { desksWorld, HX } from '../desks/factory';

// Issue #18: HTML is sent compressed to clients that accept it (CSS and JS: test/browser/weight.test.ts).
describe('compressed HTML', () => {
  it('negotiates brotli, else gzip, from Accept-Encoding; q=0 refuses; identity or nothing gets plain HTML', () => {
    expect(negotiateEncoding('gzip, deflate, br, zstd')).toBe('br');
    expect(negotiateEncoding('gzip, deflate')).toBe('gzip');
    expect(negotiateEncoding('br;q=0, gzip;q=0.5')).toBe('gzip');
    expect(negotiateEncoding('BR;Q=0.1')).toBe('br');
    expect(negotiateEncoding('*')).toBe('br');
    expect(negotiateEncoding('*, br;q=0')).toBe('gzip');
    expect(negotiateEncoding('identity')).toBeNull();
    expect(negotiateEncoding('gzip;q=0, br;q=0')).toBeNull();
    expect(negotiateEncoding('gzip;q=abc')).toBeNull();
    expect(negotiateEncoding('')).toBeNull();
    expect(negotiateEncoding(undefined)).toBeNull();
  });

  it('a page is the same HTML in brotli, gzip and plain; the answer varies on Accept-Encoding', async () => {
    const t = createTestApp();
    const w = await desksWorld(t);
    const get = (encoding?: string) => w.workerClient.get('/desks', encoding ? { 'accept-encoding': encoding } : {});
    const plain = await get();
    expect(plain.headers.get('content-encoding')).toBeNull();
    const page = await plain.text();
    expect(page.length).toBeGreaterThan(COMPRESS_MIN_BYTES);
    expect(page).toContain('<h1>Werkplek zoeken</h1>');

    const br = await get('gzip, deflate, br');
    expect(br.status).toBe(200);
    expect(br.headers.get('content-encoding')).toBe('br');
    expect(br.headers.get('content-type')).toBe('text/html; charset=UTF-8');
    expect(br.headers.get('vary')).toContain('Accept-Encoding');
    const brBytes = Buffer.from(await br.arrayBuffer());
    expect(brBytes.length).toBeLessThan(page.length / 2);
    expect(brotliDecompressSync(brBytes).toString('utf8')).toBe(page);

    const gz = await get('gzip');
    expect(gz.headers.get('content-encoding')).toBe('gzip');
    expect(gunzipSync(Buffer.from(await gz.arrayBuffer())).toString('utf8')).toBe(page);

    expect((await get('identity')).headers.get('content-encoding')).toBeNull();
  });

  it('a small fragment is sent as it is; an error page (422) is compressed like any page', async () => {
    const t = createTestApp();
    const w = await desksWorld(t);
    const small = await w.workerClient.get('/desks/towns', { ...HX, 'accept-encoding': 'br' });
    expect(small.headers.get('content-encoding')).toBeNull();
    expect(await small.text()).toBe('<option value="Harderwijk"></option>');

    const invalid = await w.workerClient.get('/desks?date=gisteren', { 'accept-encoding': 'br' });
    expect(invalid.status).toBe(422);
    expect(invalid.headers.get('content-encoding')).toBe('br');
    expect(brotliDecompressSync(Buffer.from(await invalid.arrayBuffer())).toString('utf8')).toContain('aria-invalid="true"');
  });
});
