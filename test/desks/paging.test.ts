import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { bookSpace } from '../../src/desks/bookings';
import { createOrg, createTestApp, createUser, html, loginAs, text } from '../helpers';
import { createSpace, desksWorld, HX } from './factory';

const TOMORROW = '2026-11-24';

/** 45 spaces in Ede (Ruimte 01 … Ruimte 45), each at its own location, plus the world's space in Harderwijk. */
async function bigTown() {
  const t = createTestApp();
  const w = await desksWorld(t);
  for (let i = 1; i <= 45; i++) createSpace(t.db, w.hostOrg.id, { town: 'Ede', name: `Ruimte ${String(i).padStart(2, '0')}` });
  const search = async (q: string, headers: Record<string, string> = {}) => {
    const res = await w.workerClient.get(`/desks?date=${TOMORROW}&town=Ede${q}`, headers);
    const doc = await html(res);
    const results = doc.querySelector('#desk-results');
    return {
      status: res.status,
      doc,
      results,
      names: (results?.querySelectorAll('.space-card h3') ?? []).map((h) => text(h)),
      next: results?.querySelector('a[rel=next]')?.getAttribute('href') ?? null,
      prev: results?.querySelector('a[rel=prev]')?.getAttribute('href') ?? null,
    };
  };
  return { t, w, search };
}

const names = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => `Ruimte ${String(from + i).padStart(2, '0')}`);

describe('desk search: pages of 20', () => {
  it('45 results: three pages in name order, with counts and links that keep the filters', async () => {
    const { search } = await bigTown();
    const p1 = await search('');
    expect(p1.names).toEqual(names(1, 20));
    expect(text(p1.results)).toContain('Werkruimtes 1–20 van 45');
    expect(text(p1.results)).toContain('Pagina 1 van 3');
    expect(p1.prev).toBeNull();
    expect(p1.next).toBe(`/desks?date=${TOMORROW}&town=Ede&page=2`);

    const p2 = await search('&page=2');
    expect(p2.names).toEqual(names(21, 40));
    expect(text(p2.results)).toContain('Werkruimtes 21–40 van 45');
    expect(p2.prev).toBe(`/desks?date=${TOMORROW}&town=Ede`);
    expect(p2.next).toBe(`/desks?date=${TOMORROW}&town=Ede&page=3`);

    const p3 = await search('&page=3');
    expect(p3.names).toEqual(names(41, 45));
    expect(p3.next).toBeNull();
  });

  it('a page past the end shows the last page; a page that is not a number shows the first (never an error)', async () => {
    const { search } = await bigTown();
    const late = await search('&page=99');
    expect(late.status).toBe(200);
    expect(late.names).toEqual(names(41, 45));
    for (const bad of ['abc', '0', '-1', '1e3', '2.5', '%00']) {
      const r = await search(`&page=${bad}`);
      expect(r.status, bad).toBe(200);
      expect(r.names, bad).toEqual(names(1, 20));
    }
  });

  it('the counts on a later page are the real ones for those spaces', async () => {
    const { t, w, search } = await bigTown();
    const other = await createUser(t.db, { orgId: w.guestOrg.id });
    const r25 = t.db.$client.prepare(`select id from spaces where name = 'Ruimte 25'`).get() as { id: number };
    bookSpace(t.db, { spaceId: r25.id, userId: other.id, guestOrgId: w.guestOrg.id, date: TOMORROW, dayparts: ['morning'], note: null }, t.clock.now());
    const p2 = await search('&page=2');
    const card = p2.results!.querySelectorAll('.space-card').find((a) => text(a.querySelector('h3')) === 'Ruimte 25');
    expect(text(card)).toContain('2 van 3 vrij');
  });

  it('few results: no page links and a plain count', async () => {
    const t = createTestApp();
    const w = await desksWorld(t);
    const results = (await html(await w.workerClient.get(`/desks?date=${TOMORROW}`))).querySelector('#desk-results');
    expect(text(results)).toContain('1 werkruimte gevonden');
    expect(results!.querySelector('nav.pager')).toBeNull();
  });

  it('with htmx, a page link returns only the results and moves the focus to their heading; a filter change does not', async () => {
    const { search } = await bigTown();
    const viaPager = await search('&page=2', { ...HX, 'HX-Trigger': 'desk-page-next' });
    expect(viaPager.doc.querySelector('html')).toBeNull();
    expect(viaPager.names).toEqual(names(21, 40));
    expect(viaPager.results!.querySelector('h2')!.hasAttribute('autofocus')).toBe(true);
    const link = viaPager.results!.querySelector('a[rel=prev]')!;
    expect(link.getAttribute('hx-get')).toBe(link.getAttribute('href'));
    expect(link.getAttribute('hx-target')).toBe('#desk-results');
    const viaFilter = await search('', { ...HX, 'HX-Trigger': 'f-town' });
    expect(viaFilter.results!.querySelector('h2')!.hasAttribute('autofocus')).toBe(false);
  });

  it('English: the counts and links are translated', async () => {
    const { w, search } = await bigTown();
    await w.workerClient.post('/language', { locale: 'en' });
    const p1 = await search('');
    expect(text(p1.results)).toContain('Workspaces 1–20 of 45');
    expect(text(p1.results)).toContain('Page 1 of 3');
    expect(text(p1.results!.querySelector('a[rel=next]'))).toBe('Next');
  });
});

describe('desk search: the suggested towns are never out of date', () => {
  it('a location in a new town, added by another process, is offered at once; an archived one disappears', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gastplek-options-'));
    const t = createTestApp({ dbFile: path.join(dir, 'o.db') });
    const w = await desksWorld(t);
    const towns = async () => (await html(await w.workerClient.get('/desks/towns', HX))).querySelectorAll('option').map((o) => o.getAttribute('value'));
    expect(await towns()).toEqual(['Harderwijk']);
    const other = new Database(path.join(dir, 'o.db'));
    other
      .prepare(`insert into locations (org_id, name, street, postcode, town, created_at) values (?, 'CJG Zwolle', 'Dorpsstraat 1', '8011 AA', 'Zwolle', 0)`)
      .run(w.hostOrg.id);
    expect(await towns()).toEqual(['Harderwijk', 'Zwolle']);
    other.prepare(`update locations set archived_at = 1 where town = 'Harderwijk'`).run();
    other.close();
    expect(await towns()).toEqual(['Zwolle']);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('a location shared with a list of partners is offered only to those partners', async () => {
    const t = createTestApp();
    const w = await desksWorld(t);
    const partner = createOrg(t.db, { name: 'Wijkteam Zwolle' });
    createSpace(t.db, w.hostOrg.id, { town: 'Kampen', sharing: 'list', sharedWith: [partner.id] });
    const towns = async (client: typeof w.workerClient) =>
      (await html(await client.get('/desks/towns', HX))).querySelectorAll('option').map((o) => o.getAttribute('value'));
    expect(await towns(w.workerClient)).toEqual(['Harderwijk']);
    const insider = await loginAs(t.app, (await createUser(t.db, { orgId: partner.id })).email);
    expect(await towns(insider)).toEqual(['Harderwijk', 'Kampen']);
  });
});

describe('desk search: organisations are suggested as one types, not listed in the page (issue #18)', () => {
  it('suggests only host organisations with a location open to the worker’s organisation, in the town when given, by part of the name, at most 20', async () => {
    const t = createTestApp();
    const w = await desksWorld(t);
    const partner = createOrg(t.db, { name: 'Wijkteam Zwolle' });
    const listOnly = createOrg(t.db, { name: 'GGD Alleen Voor Partners' });
    createSpace(t.db, listOnly.id, { town: 'Kampen', sharing: 'list', sharedWith: [partner.id] });
    for (let i = 1; i <= 25; i++) createSpace(t.db, createOrg(t.db, { name: `Jeugdzorg Ede ${String(i).padStart(2, '0')}` }).id, { town: 'Ede' });
    const suggested = async (q: string, client = w.workerClient) =>
      (await html(await client.get(`/desks/hosts?${q}`, HX))).querySelectorAll('option').map((o) => o.getAttribute('value'));

    expect(await suggested('town=Harderwijk')).toEqual([w.hostOrg.name]);
    expect(await suggested('town=harderwijk&host=xyz')).toEqual([]);
    const ede = await suggested('town=Ede&host=jeugdzorg');
    expect(ede).toHaveLength(20);
    expect(ede[0]).toBe('Jeugdzorg Ede 01');
    expect(await suggested('host=ede 2')).toEqual([
      'Jeugdzorg Ede 20',
      'Jeugdzorg Ede 21',
      'Jeugdzorg Ede 22',
      'Jeugdzorg Ede 23',
      'Jeugdzorg Ede 24',
      'Jeugdzorg Ede 25',
    ]);
    // A location shared with a list of partners is not advertised to others.
    expect(await suggested('host=partners')).toEqual([]);
    const insider = await loginAs(t.app, (await createUser(t.db, { orgId: partner.id })).email);
    expect(await suggested('host=partners', insider)).toEqual(['GGD Alleen Voor Partners']);

    // The search page itself lists no organisations; the field is a plain text field that works without JavaScript.
    const page = await html(await w.workerClient.get(`/desks?date=${TOMORROW}`));
    expect(page.querySelectorAll('#desk-hosts option')).toHaveLength(0);
    expect(page.querySelector('input#f-host')!.getAttribute('list')).toBe('desk-hosts');
    expect(page.querySelector('#desk-hosts')!.getAttribute('hx-get')).toBe('/desks/hosts');
  });

  it('suggestions: bad input is a 422 with no options, never a 500; without a session the login', async () => {
    const t = createTestApp();
    const w = await desksWorld(t);
    const res = await w.workerClient.get(`/desks/hosts?host=${'x'.repeat(500)}`, HX);
    expect(res.status).toBe(422);
    expect(await res.text()).toBe('');
    expect((await w.workerClient.get('/desks/towns?town=a&town=b', HX)).status).toBe(422);
  });
});
