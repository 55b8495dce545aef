import { z } from 'zod';
import type { Dict } from '../../views/i18n';
import type { Ctx } from './render';
import { multiLine, singleLine } from './text';

export type FieldErrors = Record<string, string>;
/** Submitted values as strings, for re-rendering a form after a validation error. */
export type FormValues = Record<string, string | string[]>;

export type FormResult<T> = { ok: true; data: T; values: FormValues } | { ok: false; errors: FieldErrors; values: FormValues };

/**
 * Reads a url-encoded or multipart body (repeated fields become arrays) and validates it with a
 * schema built for the user's language. Never throws on bad input: the caller re-renders the form
 * with the messages next to the fields (status 422).
 */
export async function readForm<S extends z.ZodType>(c: Ctx, schema: S): Promise<FormResult<z.infer<S>>> {
  let body: Record<string, unknown>;
  try {
    body = URL_ENCODED.test(c.req.header('content-type') ?? '')
      ? fromSearchParams(new URLSearchParams(await c.req.text()))
      : ((await c.req.parseBody({ all: true })) as Record<string, unknown>);
  } catch {
    body = {};
  }
  // Every value loses its control characters here (tab and line breaks stay for multi-line fields),
  // so no schema can forget it; fields.text and friends strip line breaks too (ADR 008).
  const values: FormValues = {};
  for (const [k, v] of Object.entries(body)) {
    if (typeof v === 'string') values[k] = multiLine(v);
    else if (Array.isArray(v)) values[k] = v.filter((x): x is string => typeof x === 'string').map(multiLine);
  }
  return validate(schema, values, c.get('t'));
}

const URL_ENCODED = /^application\/x-www-form-urlencoded\s*(;|$)/i;

/**
 * A url-encoded body as parseBody({ all: true }) gives it (repeated fields as arrays), without
 * going through a fetch Response and its streams (~0.1 ms a form; issue #18).
 */
function fromSearchParams(params: URLSearchParams): Record<string, string | string[]> {
  const body: Record<string, string | string[]> = Object.create(null);
  for (const [k, v] of params) {
    const seen = body[k];
    if (seen === undefined) body[k] = v;
    else if (Array.isArray(seen)) seen.push(v);
    else body[k] = [seen, v];
  }
  return body;
}

export function validate<S extends z.ZodType>(schema: S, values: FormValues, t: Dict): FormResult<z.infer<S>> {
  const parsed = schema.safeParse(values);
  if (parsed.success) return { ok: true, data: parsed.data, values };
  const errors: FieldErrors = {};
  for (const issue of parsed.error.issues) {
    const key = String(issue.path[0] ?? '_form');
    if (!errors[key]) errors[key] = messageFor(issue, t);
  }
  return { ok: false, errors, values };
}

function messageFor(issue: z.core.$ZodIssue, t: Dict): string {
  // Schemas give human messages for their own rules; the fallbacks cover type and size errors.
  if (issue.message && !issue.message.startsWith('Invalid') && !issue.message.startsWith('Too ')) return issue.message;
  switch (issue.code) {
    case 'too_big':
      return typeof issue.maximum === 'number' || typeof issue.maximum === 'bigint' ? t.errors.tooLong(Number(issue.maximum)) : t.errors.formInvalid;
    case 'invalid_format':
      return issue.format === 'email' ? t.errors.invalidEmail : t.errors.formInvalid;
    case 'invalid_value':
      return t.errors.invalidChoice;
    default:
      return t.errors.required;
  }
}

/** First value of a field that may have been repeated. */
export function single(v: string | string[] | undefined): string {
  return Array.isArray(v) ? (v[0] ?? '') : (v ?? '');
}

/**
 * Common field builders with Dutch/English messages. Text fields drop control characters before
 * anything else (src/lib/text.ts): one line for `text` and `optionalText`, several for `multiline`.
 */
export const fields = {
  text: (t: Dict, max: number) =>
    z
      .string({ error: t.errors.required })
      .transform(singleLine)
      .pipe(z.string().trim().min(1, t.errors.required).max(max, t.errors.tooLong(max))),
  optionalText: (t: Dict, max: number) =>
    z
      .string({ error: t.errors.formInvalid })
      .transform(singleLine)
      .pipe(z.string().trim().max(max, t.errors.tooLong(max)))
      .optional()
      .transform((v) => (v ? v : null)),
  /** A textarea: line breaks (as LF) and tabs kept, other control characters dropped. */
  multiline: (t: Dict, max: number) =>
    z
      .string({ error: t.errors.formInvalid })
      .transform(multiLine)
      .pipe(z.string().trim().max(max, t.errors.tooLong(max)))
      .optional()
      .transform((v) => (v ? v : null)),
  email: (t: Dict) =>
    z
      .string({ error: t.errors.required })
      .trim()
      .toLowerCase()
      .min(1, t.errors.required)
      .max(254, t.errors.tooLong(254))
      .pipe(z.email({ error: t.errors.invalidEmail })),
  /** A checkbox: present ("on"/"1"/"true") or absent. */
  checkbox: () =>
    z
      .union([z.string(), z.array(z.string())])
      .optional()
      .transform((v) => v !== undefined),
};

/** Query parameters as form values: repeated keys become arrays. */
export function queryValues(c: Ctx): FormValues {
  const values: FormValues = {};
  for (const [k, v] of Object.entries(c.req.queries())) values[k] = v.length === 1 ? v[0]! : v;
  return values;
}

/** A positive integer id from a path or query value; null for anything else (→ 404). */
export function parseId(raw: string | undefined): number | null {
  if (!raw || !/^[1-9][0-9]{0,14}$/.test(raw)) return null;
  return Number(raw);
}

/**
 * Builds a schema once per language (and per extra key such as today's date) instead of on every
 * request: zod 4 compiles a schema on first use, which cost ~13% of a search request's CPU when
 * schemas were rebuilt per request (bench/RESULTS.md, findings).
 */
export function perDict<A extends unknown[], S>(build: (t: Dict, ...args: A) => S): (t: Dict, ...args: A) => S {
  const cache = new WeakMap<Dict, Map<string, S>>();
  return (t, ...args) => {
    let byArgs = cache.get(t);
    if (!byArgs) cache.set(t, (byArgs = new Map()));
    const key = args.join('\u0000');
    let schema = byArgs.get(key);
    if (schema === undefined) {
      if (byArgs.size > 8) byArgs.clear(); // e.g. yesterday's date: keep the cache small
      schema = build(t, ...args);
      byArgs.set(key, schema);
    }
    return schema;
  };
}

/** The confirming second click of a destructive action: `confirm=yes`; anything else shows the confirmation first. */
export const confirmSchema = perDict(() =>
  z.object({
    confirm: z
      .string()
      .optional()
      .transform((v) => v === 'yes'),
  }),
);
