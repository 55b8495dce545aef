import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { Client, createTestApp, ORIGIN, type TestApp } from '../helpers';
import { validForms, type FormSpec } from './forms';
import { routeKeys, seededWithClients, watchWrites, type Actor } from './support';

/**
 * Property-based fuzzing of every form route through app.request() (issue 7). Each run takes the
 * route's valid submission and replaces, repeats, drops or adds fields with hostile values. For every
 * response: never a 5xx; a 4xx changed nothing; nothing typed in comes back as live markup.
 * CI runs FUZZ_RUNS=15 per route; `npm run fuzz` runs 1,000.
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 15);

const MARKUP = ['<script>fz()</script>', '"><img src=x onerror=fz()>', "'><svg onload=fz()>", '</textarea><script>fz()</script>'];
const LIVE = [/<script>fz/i, /<img src=x onerror/i, /<svg onload/i];

const hostile = fc.constantFrom(
  '2026-02-30',
  '2026-03-29',
  '2026-10-25',
  '2026-02-29',
  '2026-13-01',
  '0000-00-00',
  '99999-01-01',
  '2026-1-5',
  '25:61',
  '02:30',
  'NaN',
  '1e309',
  '-1',
  '0',
  '3.5',
  'Infinity',
  '99999999999999999999999',
  '0x10',
  '٣',
  '１',
  '',
  ' ',
  '\u0000',
  '\u202e',
  'x'.repeat(10_000),
  '😀'.repeat(2_500),
  ...MARKUP,
);
const value = fc.oneof(
  { weight: 4, arbitrary: hostile },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 300 }) },
  { weight: 1, arbitrary: fc.integer().map(String) },
  { weight: 1, arbitrary: fc.date({ noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)) },
);
const fieldValue = fc.oneof({ weight: 4, arbitrary: value }, { weight: 1, arbitrary: fc.array(value, { minLength: 2, maxLength: 4 }) });

/** The valid body with each field kept, replaced, repeated or dropped, plus a few unknown fields. */
function bodies(valid: FormSpec['body']) {
  const keys = Object.keys(valid);
  const perField = Object.fromEntries(
    keys.map((k) => [k, fc.oneof(fc.constant<string | string[] | undefined>(valid[k]), fieldValue, fc.constant<string | string[] | undefined>(undefined))]),
  );
  return fc.record({
    fields: fc.record(perField),
    extra: fc.dictionary(fc.oneof(fc.string({ maxLength: 20 }), fc.constantFrom(...keys, 'orgId', 'role', '__proto__', 'constructor')), fieldValue, {
      maxKeys: 3,
    }),
    multipart: fc.boolean(),
  });
}

function encode(
  fields: Record<string, string | string[] | undefined>,
  multipart: boolean,
): { body: URLSearchParams | FormData; headers: Record<string, string> } {
  const entries = Object.entries(fields).flatMap(([k, v]) => (v === undefined ? [] : (Array.isArray(v) ? v : [v]).map((x) => [k, x] as const)));
  if (multipart) {
    const fd = new FormData();
    for (const [k, v] of entries) fd.append(k, v);
    return { body: fd, headers: { origin: ORIGIN } };
  }
  const p = new URLSearchParams();
  for (const [k, v] of entries) p.append(k, v);
  return { body: p, headers: { origin: ORIGIN, 'content-type': 'application/x-www-form-urlencoded' } };
}

let t: TestApp & { as: Record<Actor, Client | null> };
let forms: Record<string, FormSpec>;
let writes: ReturnType<typeof watchWrites>;
beforeAll(async () => {
  t = await seededWithClients();
  forms = validForms(t.db, t.clock.now());
  writes = watchWrites(t.db);
});

describe(`fuzzing every form route (${RUNS} runs each)`, () => {
  // Every POST route of the app; one without a valid submission in forms.ts fails below.
  const keys = routeKeys(createTestApp().app).filter((k) => k.startsWith('POST '));

  it('has a valid submission for every POST route of the app', () => {
    expect(keys.filter((k) => !(k in forms))).toEqual([]);
  });

  it('notices what a request writes, also a changed value, and not what it leaves as it was', async () => {
    // The demo worker's notification settings, once changed and once saved unchanged.
    const before = writes.mark();
    const settings = { emailReminders: 'on' }; // confirmations off: the demo worker has both on
    expect(
      (await t.as.worker!.request('/account/preferences', { method: 'POST', body: new URLSearchParams(settings), headers: { origin: ORIGIN } })).status,
    ).toBe(303);
    const changed = writes.since(before);
    expect(changed).toContain('users');
    const again = writes.mark();
    expect(
      (await t.as.worker!.request('/account/preferences', { method: 'POST', body: new URLSearchParams(settings), headers: { origin: ORIGIN } })).status,
    ).toBe(303);
    expect(writes.since(again)).not.toContain('users');
    // A failed write that is rolled back leaves nothing.
    const rolledBack = writes.mark();
    expect(() =>
      t.db.$client.transaction(() => {
        t.db.$client.prepare("update users set name = 'Iemand anders' where email = 'worker@gastplek.test'").run();
        throw new Error('roll back');
      })(),
    ).toThrow('roll back');
    expect(writes.since(rolledBack)).toEqual([]);
  });

  for (const key of keys) {
    it(
      key,
      async () => {
        const spec = forms[key];
        if (!spec) throw new Error(`no valid submission for ${key} in test/security/forms.ts`);
        await fc.assert(
          fc.asyncProperty(bodies(spec.body), async ({ fields, extra, multipart }) => {
            const client = t.as[spec.actor] ?? new Client(t.app);
            const before = writes.mark();
            const { body, headers } = encode({ ...extra, ...fields }, multipart);
            const res = await client.request(spec.path, { method: 'POST', body, headers });
            const html = await res.text();
            expect(res.status, html.slice(0, 300)).toBeLessThan(500);
            if (res.status >= 400) expect(writes.since(before), `${res.status} changed the database`).toEqual([]);
            for (const live of LIVE) expect(html).not.toMatch(live);
          }),
          { numRuns: RUNS },
        );
      },
      // A hang, not speed: routes that check a password run argon2 on every try (~0.5 s each on a busy machine).
      Math.max(30_000, RUNS * 2_000),
    );
  }
});
