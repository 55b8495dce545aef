import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { addDays, instantOf } from '../../src/lib/time';
import { createOrg, createTestApp, createUser, html, loginAs, text } from '../helpers';
import { makeMeeting, member, network } from './fixtures';

const window = (day: string) => ({ signupClosesAt: instantOf(addDays(day, -1), '17:00'), cancelDeadlineAt: instantOf(addDays(day, -1), '17:00') });

/** An open meeting of Icare JGZ on `day` from `from` to `to`, sign-up closing the day before. */
function meetingOn(
  n: Awaited<ReturnType<typeof network>>,
  title: string,
  day: string,
  from = '14:00',
  to = '16:00',
  extra: Parameters<typeof makeMeeting>[3] = {},
) {
  return makeMeeting(n.db, n.facilitator.id, n.orgs.icare.id, { title, startsAt: instantOf(day, from), endsAt: instantOf(day, to), ...window(day), ...extra });
}

/** 25 open meetings on consecutive days from 1 December, and 3 online ones that the town filter leaves out. */
async function busyNetwork() {
  const n = await network();
  for (let i = 1; i <= 25; i++) meetingOn(n, `Intervisie ${String(i).padStart(2, '0')}`, addDays('2026-12-01', i - 1));
  for (let i = 1; i <= 3; i++)
    meetingOn(n, `Online ${i}`, '2026-12-02', '09:00', '10:00', { placeKind: 'online', address: null, town: null, onlineUrl: 'https://meet.example.test/x' });
  const worker = await member(n, n.orgs.ggd.id, 'Sanne de Vries');
  const list = async (q: string, headers: Record<string, string> = {}) => {
    const doc = await html(await worker.client.get(`/meetings${q}`, headers));
    const box = doc.querySelector('#meeting-results');
    return {
      doc,
      box,
      titles: (box?.querySelectorAll('.cards h3') ?? []).map((h) => text(h)),
      next: box?.querySelector('a[rel=next]')?.getAttribute('href') ?? null,
    };
  };
  return { ...n, worker, list };
}

/** `prefix 01` … for the numbers from `from` to `to`. */
const numbered = (prefix: string, from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => `${prefix} ${String(from + i).padStart(2, '0')}`);
const titles = (from: number, to: number) => numbered('Intervisie', from, to);

describe('meeting list: pages of 20', () => {
  it('28 meetings: page 1 has the 20 soonest, page 2 the rest; the filter survives the page link', async () => {
    const { list } = await busyNetwork();
    const p1 = await list('');
    expect(p1.titles).toHaveLength(20);
    expect(text(p1.box)).toContain('Bijeenkomsten 1–20 van 28');
    expect(p1.next).toBe('/meetings?page=2');
    const p2 = await list('?page=2');
    expect(p2.titles).toHaveLength(8);
    expect(new Set([...p1.titles, ...p2.titles]).size).toBe(28);

    const f1 = await list('?where=Harderwijk');
    expect(f1.titles).toEqual(titles(1, 20));
    expect(text(f1.box)).toContain('Bijeenkomsten 1–20 van 25');
    expect(f1.next).toBe('/meetings?where=Harderwijk&page=2');
    const f2 = await list('?where=Harderwijk&page=2');
    expect(f2.titles).toEqual(titles(21, 25));
    expect(f2.next).toBeNull();
  });

  it('a page past the end shows the last page; nonsense shows the first', async () => {
    const { list } = await busyNetwork();
    expect((await list('?where=Harderwijk&page=7')).titles).toEqual(titles(21, 25));
    expect((await list('?where=Harderwijk&page=x')).titles).toEqual(titles(1, 20));
  });

  it('with htmx, a page link returns the list alone with the focus on its heading', async () => {
    const { list } = await busyNetwork();
    const r = await list('?page=2', { 'HX-Request': 'true', 'HX-Trigger': 'meeting-page-next' });
    expect(r.doc.querySelector('html')).toBeNull();
    expect(r.box!.querySelector('h2')!.hasAttribute('autofocus')).toBe(true);
    expect(r.box!.querySelector('[role=status]')!.hasAttribute('autofocus')).toBe(false);
    const plain = await list('?page=2', { 'HX-Request': 'true' });
    expect(plain.box!.querySelector('h2')!.hasAttribute('autofocus')).toBe(false);
  });

  it('soonest first whatever the order they were made in, equal starts by creation, also on the second page', async () => {
    const n = await network();
    // Made latest first, so that the order of the rows in the table is the reverse of the list's.
    for (let i = 25; i >= 1; i--) meetingOn(n, `Laat ${String(i).padStart(2, '0')}`, addDays('2026-12-01', i - 1));
    for (const title of ['Gelijk A', 'Gelijk B']) meetingOn(n, title, '2026-12-01', '09:00', '10:00');
    const worker = await member(n, n.orgs.ggd.id, 'Sanne de Vries');
    const shown = async (q: string) =>
      (await html(await worker.client.get(`/meetings${q}`))).querySelectorAll('#meeting-results .cards h3').map((h) => text(h));
    const late = (from: number, to: number) => numbered('Laat', from, to);
    expect(await shown('')).toEqual(['Gelijk A', 'Gelijk B', ...late(1, 18)]);
    expect(await shown('?page=2')).toEqual(late(19, 25));
  });

  it('one page: a plain count and no page links', async () => {
    const n = await network();
    makeMeeting(n.db, n.facilitator.id, n.orgs.icare.id);
    const worker = await member(n, n.orgs.ggd.id, 'Sanne de Vries');
    const box = (await html(await worker.client.get('/meetings'))).querySelector('#meeting-results');
    expect(text(box)).toContain('1 bijeenkomst');
    expect(box!.querySelector('nav.pager')).toBeNull();
  });
});

describe('meeting list: what the filters offer', () => {
  it('towns and organisers of upcoming meetings the person may see; not other organisations, nor a meeting shown only to others', async () => {
    const n = await network();
    makeMeeting(n.db, n.facilitator.id, n.orgs.icare.id, { town: 'Meppel' });
    makeMeeting(n.db, n.facilitator.id, n.orgs.icare.id, { town: 'Zwolle', visibility: 'list', visibleOrgIds: [n.orgs.cjg.id] });
    const ggd = await member(n, n.orgs.ggd.id, 'Sanne de Vries');
    const cjg = await member(n, n.orgs.cjg.id, 'Bram Hendriks');
    const options = async (client: typeof ggd.client, id: string) =>
      (await html(await client.get('/meetings'))).querySelectorAll(`#${id} option`).map((o) => text(o));
    expect(await options(ggd.client, 'flt-org')).toEqual(['Alle', 'Icare JGZ']);
    expect(await options(ggd.client, 'flt-where')).toEqual(['Alle plaatsen en online', 'Online', 'Meppel']);
    expect(await options(cjg.client, 'flt-where')).toEqual(['Alle plaatsen en online', 'Online', 'Meppel', 'Zwolle']);
  });
});

describe('meeting list: the filter lists are never out of date', () => {
  it('a new meeting, a renamed organiser (also written by another process) and a meeting that has started show at once', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gastplek-filters-'));
    // A database file, so that a second connection (as another server process would) can write.
    const t = createTestApp({ dbFile: path.join(dir, 'f.db') });
    const icare = createOrg(t.db, { name: 'Icare JGZ' });
    const fac = await createUser(t.db, { orgId: icare.id, roles: ['facilitator'] });
    const ggd = createOrg(t.db, { name: 'GGD NOG' });
    const worker = await loginAs(t.app, (await createUser(t.db, { orgId: ggd.id })).email);
    const towns = async () =>
      (await html(await worker.get('/meetings')))
        .querySelectorAll('#flt-where option')
        .map((o) => text(o))
        .slice(2);
    const orgs = async () =>
      (await html(await worker.get('/meetings')))
        .querySelectorAll('#flt-org option')
        .map((o) => text(o))
        .slice(1);

    makeMeeting(t.db, fac.id, icare.id, { town: 'Meppel' }); // 10 December
    expect(await towns()).toEqual(['Meppel']);
    makeMeeting(t.db, fac.id, icare.id, {
      town: 'Assen',
      startsAt: instantOf('2026-11-30', '14:00'),
      endsAt: instantOf('2026-11-30', '16:00'),
      ...window('2026-11-30'),
    });
    expect(await towns()).toEqual(['Assen', 'Meppel']);

    const other = new Database(path.join(dir, 'f.db'));
    other.prepare('update organisations set name = ? where id = ?').run('Icare Jeugd en Gezin', icare.id);
    other.close();
    expect(await orgs()).toEqual(['Icare Jeugd en Gezin']);

    t.clock.set('2026-11-30T13:30:00Z'); // 14:30 in Amsterdam: the Assen meeting has started
    expect(await towns()).toEqual(['Meppel']);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});

describe('the change counter behind the filter lists', () => {
  it('has its triggers on every covered table (a migration that rebuilds a table must create them again)', () => {
    const t = createTestApp();
    const triggers = (
      t.db.$client.prepare("select name from sqlite_master where type = 'trigger' and name like '%_bumps_filters' order by name").all() as { name: string }[]
    ).map((r) => r.name);
    const expected = ['locations', 'meeting_visibility', 'meetings', 'organisations'].flatMap((table) =>
      ['delete', 'insert', 'update'].map((op) => `${table}_${op}_bumps_filters`),
    );
    expect(triggers).toEqual(expected.sort());
  });
});

describe('meeting list: someone without an organisation', () => {
  it('sees no meetings and no filter options, as on the meeting page itself (404)', async () => {
    const n = await network();
    const id = makeMeeting(n.db, n.facilitator.id, n.orgs.icare.id, { town: 'Meppel' });
    const loner = await createUser(n.db); // e.g. a network admin made with admin:create, or someone removed from their organisation
    const client = await loginAs(n.app, loner.email);
    const doc = await html(await client.get('/meetings'));
    expect(doc.querySelectorAll('#meeting-results .cards h3')).toHaveLength(0);
    expect(text(doc.querySelector('#meeting-results'))).toContain('0 bijeenkomsten');
    expect(doc.querySelectorAll('#flt-where option').map((o) => text(o))).toEqual(['Alle plaatsen en online', 'Online']);
    expect(doc.querySelectorAll('#flt-org option').map((o) => text(o))).toEqual(['Alle']);
    expect((await client.get(`/meetings/${id}`)).status).toBe(404);
  });
});
