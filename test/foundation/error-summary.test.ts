import type { HTMLElement } from 'node-html-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { Client, html, ORIGIN, text, type TestApp } from '../helpers';
import { validForms, type FormSpec } from '../security/forms';
import { seededWithClients, type Actor } from '../security/support';
import { en } from '../../views/i18n/en';
import { nl } from '../../views/i18n/nl';

/**
 * The error summary of every failed form (ADR 025): each field marked invalid is listed in a
 * summary at the top as a link to that field, every link reaches a field that takes the focus,
 * and no link says only "Vul dit veld in." without naming its field. Every POST route is sent
 * its valid submission with one field at a time emptied or made far too long, and all fields
 * emptied; every page that answers with a summary is checked.
 */

const GENERIC = new Set(
  [nl, en].flatMap((t) => [
    t.errors.required,
    t.errors.formInvalid,
    t.errors.invalidChoice,
    t.errors.tooLong(200),
    t.errors.tooLong(100),
    t.errors.invalidEmail,
  ]),
);
const FOCUSABLE = new Set(['input', 'select', 'textarea', 'button', 'a']);

/** What is wrong with the summaries of one page; empty when nothing is. */
function summaryProblems(doc: HTMLElement): string[] {
  const problems: string[] = [];
  const summaries = doc.querySelectorAll('.error-summary');
  const links = summaries.flatMap((s) => s.querySelectorAll('a[href^="#"]'));
  const targets = new Set(links.map((a) => a.getAttribute('href')!.slice(1)));
  for (const field of doc.querySelectorAll('[aria-invalid="true"]')) {
    const id = field.getAttribute('id');
    if (!id || !targets.has(id)) problems.push(`invalid field ${id ?? field.getAttribute('name')} is not linked from the summary`);
  }
  for (const summary of summaries) {
    const seen = new Set<string>();
    for (const a of summary.querySelectorAll('a[href^="#"]')) {
      const id = a.getAttribute('href')!.slice(1);
      const target = doc.getElementById(id);
      const said = text(a);
      if (!target) problems.push(`link "${said}" goes to #${id}, which is not on the page`);
      else if (!FOCUSABLE.has(target.tagName.toLowerCase()) && target.getAttribute('tabindex') === undefined)
        problems.push(`link "${said}" goes to #${id}, a ${target.tagName} that cannot take the focus`);
      else if (target.getAttribute('aria-invalid') !== 'true') problems.push(`link "${said}" goes to #${id}, which is not marked invalid`);
      if (GENERIC.has(said)) problems.push(`link "${said}" does not name its field`);
      if (seen.has(said)) problems.push(`two links say "${said}"`);
      seen.add(said);
    }
  }
  return problems;
}

function variants(body: FormSpec['body']): [string, FormSpec['body']][] {
  const keys = Object.keys(body);
  return [
    ['as valid', body],
    ['all empty', Object.fromEntries(keys.map((k) => [k, '']))],
    ...keys.flatMap((k): [string, FormSpec['body']][] => [
      [`${k} empty`, { ...body, [k]: '' }],
      [`${k} too long`, { ...body, [k]: 'x'.repeat(5_000) }],
    ]),
  ];
}

let t: TestApp & { as: Record<Actor, Client | null> };
let forms: Record<string, FormSpec>;
beforeAll(async () => {
  t = await seededWithClients();
  forms = validForms(t.db, t.clock.now());
});

describe('error summary: every failed form links each field message to its field', () => {
  it('the summary lists field messages as links named by their labels (the meeting form)', async () => {
    const res = await t.as.facilitator!.post('/facilitate/meetings/new', { title: '', date: '2026-02-30', start: '25:00' });
    expect(res.status).toBe(422);
    const doc = await html(res);
    const links = doc.querySelectorAll('.error-summary a').map((a) => [a.getAttribute('href'), text(a)]);
    expect(links).toContainEqual(['#f-title', `Titel: ${nl.errors.required}`]);
    expect(links).toContainEqual(['#f-date', 'Datum: Vul een bestaande datum in (JJJJ-MM-DD).']);
    expect(summaryProblems(doc)).toEqual([]);
  });

  it('finds a field left out of the summary, a link to nothing and a link that names no field', async () => {
    const doc = (await import('node-html-parser')).parse(
      `<div class="error-summary"><a href="#f-a">${nl.errors.required}</a><a href="#f-gone">Weg</a></div><input id="f-a" aria-invalid="true"><input id="f-b" aria-invalid="true">`,
    );
    expect(summaryProblems(doc)).toEqual([
      'invalid field f-b is not linked from the summary',
      `link "${nl.errors.required}" does not name its field`,
      'link "Weg" goes to #f-gone, which is not on the page',
    ]);
  });

  it('every POST route, each field emptied or too long', async () => {
    const found: string[] = [];
    let checked = 0;
    for (const [key, spec] of Object.entries(forms)) {
      for (const [how, body] of variants(spec.body)) {
        const client = t.as[spec.actor] ?? new Client(t.app);
        const params = new URLSearchParams();
        for (const [k, v] of Object.entries(body)) for (const x of Array.isArray(v) ? v : [v]) params.append(k, x);
        const res = await client.request(spec.path, {
          method: 'POST',
          body: params,
          headers: { origin: ORIGIN, 'content-type': 'application/x-www-form-urlencoded' },
        });
        if (!(res.headers.get('content-type') ?? '').startsWith('text/html')) continue;
        const doc = await html(res);
        if (!doc.querySelector('.error-summary') && !doc.querySelector('[aria-invalid="true"]')) continue;
        checked++;
        for (const p of summaryProblems(doc)) found.push(`${key} (${how}, ${res.status}): ${p}`);
      }
    }
    expect([...new Set(found)]).toEqual([]);
    expect(checked).toBeGreaterThan(50);
  }, 120_000);

  it('the search forms sent with bad values (GET)', async () => {
    const long = 'x'.repeat(5_000);
    const pages: [Actor, string][] = [
      ['worker', `/desks?date=2026-02-30&daypart=avond&town=${long}`],
      ['worker', `/desks?date=${long}&host=${long}`],
      ['host', '/host/guests?date=2026-13-01&location=abc'],
      ['worker', `/people/where?date=gisteren&what=${long}`],
      ['orgadmin', '/insight?from=2026-02-30&to=nooit&location=abc&org=999999'],
    ];
    const found: string[] = [];
    for (const [actor, path] of pages) {
      const doc = await html(await t.as[actor]!.get(path));
      expect(doc.querySelector('.error-summary a'), path).not.toBeNull();
      for (const p of summaryProblems(doc)) found.push(`${path.slice(0, 60)}: ${p}`);
    }
    expect(found).toEqual([]);
  });
});
