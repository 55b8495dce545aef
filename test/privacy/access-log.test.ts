import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { users } from '../../db/schema';
import { instantOf } from '../../src/lib/time';
import { logAccess } from '../../src/privacy/access-log';
import { createOrg, createTestApp, createUser, html, loginAs, TestClock, text, type TestApp } from '../helpers';
import { createSpace } from '../desks/factory';
import { makeMeeting } from '../intervision/fixtures';

// Who looked: the access log (issue #13, part 4; ADR 014). The clock stands at Thursday
// 10 December 2026, 09:30 Amsterdam: a meeting of Icare runs 09:00–11:00 (attendance open), and a
// CJG location has guests this afternoon.

const TODAY = '2026-12-10';

type Entry = { id: number; at: number; actor_id: string; actor_name: string; action: string; org_id: number | null; object: string; subject_count: number };

const entries = (t: TestApp) => t.db.$client.prepare('select * from access_log order by id').all() as Entry[];
const subjectsOf = (t: TestApp, logId: number) =>
  (t.db.$client.prepare('select user_id from access_log_subjects where log_id = ? order by user_id').all(logId) as { user_id: string }[]).map((r) => r.user_id);

async function world() {
  const t = createTestApp({ clock: new TestClock(instantOf(TODAY, '09:30')) });
  const icare = createOrg(t.db, { name: 'Icare JGZ' });
  const ggd = createOrg(t.db, { name: 'GGD Noord- en Oost-Gelderland' });
  const cjg = createOrg(t.db, { name: 'CJG Harderwijk' });
  const lokalis = createOrg(t.db, { name: 'Lokalis Utrecht' });
  const facilitator = await createUser(t.db, { orgId: icare.id, roles: ['facilitator'], name: 'Ahmed El Amrani' });
  const icareAdmin = await createUser(t.db, { orgId: icare.id, roles: ['org_admin'], name: 'Olga Visser' });
  const sanne = await createUser(t.db, { orgId: ggd.id, name: 'Sanne de Vries', email: 'sanne@ggd.example' });
  const piet = await createUser(t.db, { orgId: ggd.id, name: 'Piet Bakker' });
  const ggdAdmin = await createUser(t.db, { orgId: ggd.id, roles: ['org_admin'], name: 'Gert Mulder' });
  const lokalisAdmin = await createUser(t.db, { orgId: lokalis.id, roles: ['org_admin'], name: 'Lotte Smit' });
  const host = await createUser(t.db, { orgId: cjg.id, roles: ['host'], name: 'Marieke Jansen' });
  const networkAdmin = await createUser(t.db, { networkAdmin: true, name: 'Nora Netwerk' });

  const meeting = makeMeeting(t.db, facilitator.id, icare.id, {
    startsAt: instantOf(TODAY, '09:00'),
    endsAt: instantOf(TODAY, '11:00'),
    signupClosesAt: instantOf(TODAY, '09:00'),
    cancelDeadlineAt: instantOf(TODAY, '09:00'),
  });
  for (const p of [sanne, piet])
    t.db.$client
      .prepare("insert into registrations (meeting_id, user_id, org_id, status, queue_seq) values (?, ?, ?, 'registered', 1)")
      .run(meeting, p.id, ggd.id);

  const space = createSpace(t.db, cjg.id, { capacity: 3 });
  const sanneClient = await loginAs(t.app, sanne.email);
  expect((await sanneClient.post(`/desks/spaces/${space.spaceId}/book`, { date: TODAY, daypart: 'afternoon' })).status).toBe(303);
  const hostClient = await loginAs(t.app, host.email);
  // A visitor without an account: on the guest list, but nobody whose log page could show it.
  expect(
    (
      await hostClient.post(`/host/walk-ins/${space.locationId}/visitor`, {
        name: 'Jeroen Bakker',
        organisation: 'Basisschool De Regenboog',
        space: String(space.spaceId),
        daypart: 'afternoon',
      })
    ).status,
  ).toBe(303);

  return {
    t,
    orgs: { icare, ggd, cjg, lokalis },
    people: { facilitator, icareAdmin, sanne, piet, ggdAdmin, lokalisAdmin, host, networkAdmin },
    meeting,
    space,
    sanneClient,
    hostClient,
    as: (u: { email: string }) => loginAs(t.app, u.email),
  };
}

type World = Awaited<ReturnType<typeof world>>;

/** Every kind of logged reading, once each, by the person who may do it. */
async function readEverything(w: World) {
  const fac = await w.as(w.people.facilitator);
  expect((await fac.get(`/facilitate/meetings/${w.meeting}/attendance`)).status).toBe(200);
  expect((await fac.get(`/facilitate/meetings/${w.meeting}/attendance.csv`)).status).toBe(200);
  expect((await w.hostClient.get(`/host/guests?location=${w.space.locationId}&date=${TODAY}`)).status).toBe(200);
  expect((await (await w.as(w.people.ggdAdmin)).get(`/org/${w.orgs.ggd.id}/members`)).status).toBe(200);
  expect((await w.sanneClient.get('/account/export.json')).status).toBe(200);
}

describe('access log: each reading of other people’s data is one entry', () => {
  it('attendance list, its CSV, the guest list, the member list and an export: one entry each, with action, organisation, object and subjects, and nothing of the data', async () => {
    const w = await world();
    const { sanne, piet, ggdAdmin, facilitator, host } = w.people;
    expect(entries(w.t)).toEqual([]);

    const fac = await w.as(facilitator);
    const steps: { get: () => Promise<Response>; action: string; orgId: number | null; object: string; subjects: string[]; actor: string }[] = [
      {
        get: () => fac.get(`/facilitate/meetings/${w.meeting}/attendance`),
        action: 'attendance_list',
        orgId: w.orgs.icare.id,
        object: `meeting:${w.meeting}`,
        subjects: [sanne.id, piet.id],
        actor: 'Ahmed El Amrani',
      },
      {
        get: () => fac.get(`/facilitate/meetings/${w.meeting}/attendance.csv`),
        action: 'attendance_csv',
        orgId: w.orgs.icare.id,
        object: `meeting:${w.meeting}`,
        subjects: [sanne.id, piet.id],
        actor: 'Ahmed El Amrani',
      },
      {
        // The visitor without an account is on the list but is no subject; the host is not a guest.
        get: () => w.hostClient.get(`/host/guests?location=${w.space.locationId}&date=${TODAY}`),
        action: 'guest_list',
        orgId: w.orgs.cjg.id,
        object: `location:${w.space.locationId}:${TODAY}`,
        subjects: [sanne.id],
        actor: 'Marieke Jansen',
      },
      {
        // The org admin is on their own member list: reading it is not someone else looking at them.
        get: async () => (await w.as(ggdAdmin)).get(`/org/${w.orgs.ggd.id}/members`),
        action: 'member_list',
        orgId: w.orgs.ggd.id,
        object: `org:${w.orgs.ggd.id}`,
        subjects: [sanne.id, piet.id],
        actor: 'Gert Mulder',
      },
      {
        get: () => w.sanneClient.get('/account/export.json'),
        action: 'export',
        orgId: null,
        object: `user:${sanne.id}`,
        subjects: [sanne.id],
        actor: 'Sanne de Vries',
      },
    ];
    for (const s of steps) {
      const before = entries(w.t).length;
      w.t.clock.advance(60_000);
      expect((await s.get()).status, s.action).toBe(200);
      const added = entries(w.t).slice(before);
      expect(added, s.action).toHaveLength(1);
      const e = added[0]!;
      expect(e, s.action).toMatchObject({ action: s.action, org_id: s.orgId, object: s.object, actor_name: s.actor, subject_count: s.subjects.length });
      expect(e.at).toBe(w.t.clock.now().getTime());
      expect(subjectsOf(w.t, e.id), s.action).toEqual([...s.subjects].sort());
    }
    expect(host.id).not.toBe(sanne.id);

    // Who, what, when: no name, e-mail address, presence or note of anybody whose data was read.
    const stored =
      JSON.stringify(w.t.db.$client.prepare('select * from access_log').all()) +
      JSON.stringify(w.t.db.$client.prepare('select * from access_log_subjects').all());
    for (const secret of ['Piet Bakker', 'sanne@ggd.example', 'Jeroen Bakker', 'Regenboog', 'Basisschool', 'aanwezig', 'present'])
      expect(stored).not.toContain(secret);
  });

  it('also logged (review finding): the org admin’s delete preview of a colleague, and a host’s "Open verzoeken" (names and notes), with their subjects', async () => {
    const w = await world();
    const before = entries(w.t).length;
    const admin = await w.as(w.people.ggdAdmin);
    expect((await admin.get(`/org/${w.orgs.ggd.id}/members/${w.people.piet.id}/delete`)).status).toBe(200);
    const preview = entries(w.t).at(-1)!;
    expect(preview).toMatchObject({ action: 'member_details', org_id: w.orgs.ggd.id, object: `user:${w.people.piet.id}`, actor_id: w.people.ggdAdmin.id });
    expect(subjectsOf(w.t, preview.id)).toEqual([w.people.piet.id]);
    const asked = createSpace(w.t.db, w.orgs.cjg.id, { approvalRequired: true, name: 'Stilteruimte' });
    expect(
      (await w.sanneClient.post(`/desks/spaces/${asked.spaceId}/book`, { date: '2026-12-11', daypart: 'morning', note: 'Graag bij het raam' })).status,
    ).toBe(303);
    expect(text(await html(await w.hostClient.get('/host/requests')))).toContain('Graag bij het raam');
    const requests = entries(w.t).at(-1)!;
    expect(requests).toMatchObject({ action: 'guest_list', org_id: w.orgs.cjg.id, object: 'requests', actor_id: w.people.host.id });
    expect(subjectsOf(w.t, requests.id)).toEqual([w.people.sanne.id]);
    expect(entries(w.t).length).toBe(before + 2);
    // The log says what was opened in words.
    expect(text(await html(await (await w.as(w.people.networkAdmin)).get('/access-log')))).toContain('Open verzoeken');
  });

  it('a refused request logs nothing: another organisation’s attendance list, a guest list of a location not hosted, a foreign member list, anonymous', async () => {
    const w = await world();
    const worker = await w.as(w.people.piet);
    const lokalisAdmin = await w.as(w.people.lokalisAdmin);
    expect((await worker.get(`/facilitate/meetings/${w.meeting}/attendance`)).status).toBe(404);
    expect((await worker.get(`/facilitate/meetings/${w.meeting}/attendance.csv`)).status).toBe(404);
    expect((await lokalisAdmin.get(`/facilitate/meetings/${w.meeting}/attendance`)).status).toBe(404);
    expect((await worker.get(`/host/guests?location=${w.space.locationId}`)).status).toBe(403);
    expect((await lokalisAdmin.get(`/org/${w.orgs.ggd.id}/members`)).status).toBe(404);
    expect((await w.t.app.request('/account/export.json')).status).toBe(303);
    expect(entries(w.t)).toEqual([]);
  });

  it('logAccess: one subject row per distinct person; the actor is left out of a list they are on, but is the subject of their own export', async () => {
    const w = await world();
    const { sanne, piet, ggdAdmin } = w.people;
    const now = w.t.clock.now();
    const base = { actorId: ggdAdmin.id, actorName: 'Gert Mulder', orgId: w.orgs.ggd.id, object: 'org:1' };
    const list = logAccess(w.t.db, { ...base, action: 'member_list', subjectIds: [sanne.id, piet.id, sanne.id, ggdAdmin.id] }, now);
    expect(subjectsOf(w.t, list)).toEqual([sanne.id, piet.id].sort());
    expect(entries(w.t).find((e) => e.id === list)?.subject_count).toBe(2);
    const own = logAccess(w.t.db, { ...base, action: 'export', orgId: null, subjectIds: [ggdAdmin.id] }, now);
    expect(subjectsOf(w.t, own)).toEqual([ggdAdmin.id]);
  });
});

describe('access log: append-only', () => {
  // The triggers compare with SQLite's own clock (unixepoch('now')), not the test's: so these
  // entries are written at the real moment, which is recent on any day the test runs.
  it('UPDATE of an entry or a subject row is refused by the trigger, and so is DELETE of a recent one', async () => {
    const w = await world();
    const id = logAccess(
      w.t.db,
      {
        actorId: w.people.host.id,
        actorName: 'Marieke Jansen',
        action: 'guest_list',
        orgId: w.orgs.cjg.id,
        object: 'location:1:2026-12-10',
        subjectIds: [w.people.sanne.id],
      },
      new Date(),
    );
    const sql = w.t.db.$client;
    expect(() => sql.prepare("update access_log set actor_name = 'Iemand anders' where id = ?").run(id)).toThrow(/append-only/);
    expect(() => sql.prepare('update access_log set at = 0 where id = ?').run(id)).toThrow(/append-only/);
    expect(() => sql.prepare('delete from access_log where id = ?').run(id)).toThrow(/append-only/);
    expect(() => sql.prepare('delete from access_log').run()).toThrow(/append-only/);
    expect(() => sql.prepare("update access_log_subjects set user_id = 'x' where log_id = ?").run(id)).toThrow(/append-only/);
    expect(() => sql.prepare('delete from access_log_subjects where log_id = ?').run(id)).toThrow(/append-only/);
    expect(entries(w.t)).toHaveLength(1);
    expect(entries(w.t)[0]).toMatchObject({ actor_name: 'Marieke Jansen', action: 'guest_list' });
    expect(subjectsOf(w.t, id)).toEqual([w.people.sanne.id]);
  });

  it('an entry older than two years may be deleted (the retention job’s path); a younger one stays', async () => {
    const w = await world();
    const entry = {
      actorId: w.people.host.id,
      actorName: 'Marieke Jansen',
      action: 'guest_list' as const,
      orgId: w.orgs.cjg.id,
      object: 'location:1',
      subjectIds: [w.people.sanne.id],
    };
    const old = logAccess(w.t.db, entry, new Date(Date.now() - 3 * 365 * 24 * 3600_000));
    const recent = logAccess(w.t.db, entry, new Date());
    const sql = w.t.db.$client;
    expect(sql.prepare('delete from access_log_subjects where log_id = ?').run(old).changes).toBe(1);
    expect(sql.prepare('delete from access_log where id = ?').run(old).changes).toBe(1);
    expect(entries(w.t).map((e) => e.id)).toEqual([recent]);
  });
});

/** The table rows of a log page: [when, who, what, opened, organisation, people] as shown. */
async function logRows(res: Response) {
  const doc = await html(res);
  return doc.querySelectorAll('#access-log-results tbody tr').map((tr) => tr.querySelectorAll('td').map((td) => text(td)));
}

describe('access log: who may read it', () => {
  it('an org admin sees only entries of their organisation; another org admin none of them; a network admin all; a worker and a host 403; anonymous to the login page', async () => {
    const w = await world();
    await readEverything(w);

    const icareAdmin = await (await w.as(w.people.icareAdmin)).get('/access-log');
    expect(icareAdmin.status).toBe(200);
    const icareRows = await logRows(icareAdmin);
    expect(icareRows.map((r) => r[2])).toEqual(['Presentielijst gedownload (CSV)', 'Presentielijst bekeken']);
    expect(icareRows.every((r) => r[1] === 'Ahmed El Amrani' && r[4] === 'Icare JGZ' && r[5] === '2')).toBe(true);

    const ggdRows = await logRows(await (await w.as(w.people.ggdAdmin)).get('/access-log'));
    expect(ggdRows.map((r) => [r[1], r[2], r[4]])).toEqual([['Gert Mulder', 'Ledenlijst bekeken', 'GGD Noord- en Oost-Gelderland']]);

    const lokalis = await (await w.as(w.people.lokalisAdmin)).get('/access-log');
    expect(lokalis.status).toBe(200);
    const lokalisDoc = await html(lokalis);
    expect(lokalisDoc.querySelectorAll('tbody tr')).toHaveLength(0);
    expect(text(lokalisDoc.querySelector('.empty-state'))).toContain('Nog niemand heeft persoonsgegevens van Lokalis Utrecht geopend');
    // Asking for another organisation's entries by URL still shows none.
    expect(await logRows(await (await w.as(w.people.lokalisAdmin)).get(`/access-log?org=${w.orgs.icare.id}`))).toEqual([]);

    const all = await logRows(await (await w.as(w.people.networkAdmin)).get('/access-log'));
    expect(all.map((r) => r[2])).toEqual([
      'Eigen gegevens gedownload',
      'Ledenlijst bekeken',
      'Gastenlijst bekeken',
      'Presentielijst gedownload (CSV)',
      'Presentielijst bekeken',
    ]);
    expect(all[0]?.[4]).toBe('Geen organisatie');

    for (const who of [w.people.piet, w.people.host, w.people.facilitator]) expect((await (await w.as(who)).get('/access-log')).status).toBe(403);
    const anon = await w.t.app.request('/access-log');
    expect(anon.status).toBe(303);
    expect(anon.headers.get('location')).toMatch(/^\/login/);
  });

  it('the navigation links the log for org admins and network admins only', async () => {
    const w = await world();
    const nav = async (u: { email: string }) =>
      (await html(await (await w.as(u)).get('/'))).querySelectorAll('header nav a').map((a) => a.getAttribute('href'));
    expect(await nav(w.people.ggdAdmin)).toContain('/access-log');
    expect(await nav(w.people.networkAdmin)).toContain('/access-log');
    expect(await nav(w.people.piet)).not.toContain('/access-log');
    expect(await nav(w.people.host)).not.toContain('/access-log');
  });
});

describe('access log: filters', () => {
  it('by action, by part of the actor’s name, by Amsterdam dates (both included) and by organisation; an invalid value is left out', async () => {
    const w = await world();
    // Wednesday 23:30 in Amsterdam is 22:30 UTC; Thursday 00:30 is 23:30 UTC on Wednesday.
    w.t.clock.set(instantOf('2026-12-09', '23:30').toISOString());
    await (await w.as(w.people.ggdAdmin)).get(`/org/${w.orgs.ggd.id}/members`);
    w.t.clock.set(instantOf('2026-12-10', '00:30').toISOString());
    await (await w.as(w.people.facilitator)).get(`/facilitate/meetings/${w.meeting}/attendance.csv`);
    w.t.clock.set(instantOf('2026-12-11', '10:00').toISOString());
    await w.hostClient.get(`/host/guests?location=${w.space.locationId}&date=${TODAY}`);
    await (await w.as(w.people.networkAdmin)).get(`/org/${w.orgs.ggd.id}/members`);

    const admin = await w.as(w.people.networkAdmin);
    const what = async (query: string) => (await logRows(await admin.get(`/access-log${query}`))).map((r) => `${r[1]}: ${r[2]}`);
    expect(await what('?action=member_list')).toEqual(['Nora Netwerk: Ledenlijst bekeken', 'Gert Mulder: Ledenlijst bekeken']);
    expect(await what('?actor=AHMED')).toEqual(['Ahmed El Amrani: Presentielijst gedownload (CSV)']);
    expect(await what('?actor=mulder&action=member_list')).toEqual(['Gert Mulder: Ledenlijst bekeken']);
    expect(await what('?from=2026-12-09&to=2026-12-09')).toEqual(['Gert Mulder: Ledenlijst bekeken']);
    expect(await what('?from=2026-12-10&to=2026-12-10')).toEqual(['Ahmed El Amrani: Presentielijst gedownload (CSV)']);
    expect(await what('?from=2026-12-11')).toEqual(['Nora Netwerk: Ledenlijst bekeken', 'Marieke Jansen: Gastenlijst bekeken']);
    expect(await what(`?org=${w.orgs.cjg.id}`)).toEqual(['Marieke Jansen: Gastenlijst bekeken']);
    // A date that does not exist is no filter; the form shows only what is applied.
    const invalid = await html(await admin.get('/access-log?from=2026-02-30&action=nonsense'));
    expect(invalid.querySelectorAll('#access-log-results tbody tr')).toHaveLength(4);
    expect(invalid.querySelector('#flt-from')?.getAttribute('value')).toBe('');
    // Nothing found with filters says so, and offers to clear them.
    const none = await html(await admin.get('/access-log?actor=niemand'));
    expect(text(none.querySelector('.empty-state'))).toContain('Geen regels bij deze filters');
    expect(none.querySelector('#flt-actor')?.getAttribute('value')).toBe('niemand');
    // The organisation filter lists every organisation for a network admin.
    expect(none.querySelectorAll('#flt-org option').map((o) => text(o))).toContain('Lokalis Utrecht');
  });

  it('pages through a long log, newest first, and keeps the filters in the page links', async () => {
    const w = await world();
    for (let i = 0; i < 30; i++)
      logAccess(
        w.t.db,
        { actorId: w.people.ggdAdmin.id, actorName: `Beheerder ${i}`, action: 'member_list', orgId: w.orgs.ggd.id, object: 'org:2', subjectIds: [] },
        new Date(instantOf(TODAY, '09:00').getTime() + i * 60_000),
      );
    const admin = await w.as(w.people.ggdAdmin);
    const first = await html(await admin.get('/access-log?action=member_list'));
    expect(first.querySelectorAll('#access-log-results tbody tr')).toHaveLength(25);
    expect(text(first.querySelector('#access-log-results [role=status]'))).toBe('1–25 van 30 regels');
    const next = first.querySelector('a[rel=next]')?.getAttribute('href');
    expect(next).toBe('/access-log?action=member_list&page=2');
    const second = await logRows(await admin.get(next!));
    expect(second.map((r) => r[1])).toEqual(['Beheerder 4', 'Beheerder 3', 'Beheerder 2', 'Beheerder 1', 'Beheerder 0']);
  });
});

describe('who looked at my data', () => {
  it('a person sees who looked at their data, what and when, and nothing of entries about others', async () => {
    const w = await world();
    await readEverything(w);
    const rows = async (u: { email: string }) => {
      const res = await (await w.as(u)).get('/access-log/mine');
      expect(res.status).toBe(200);
      const doc = await html(res);
      expect(text(doc.querySelector('h1'))).toBe('Wie bekeek mijn gegevens');
      return { doc, rows: doc.querySelectorAll('#my-access-results tbody tr').map((tr) => tr.querySelectorAll('td').map((td) => text(td))) };
    };

    const sanne = await rows(w.people.sanne);
    expect(sanne.rows.map((r) => `${r[1]}: ${r[2]}`)).toEqual([
      'Jijzelf: downloadde je gegevens',
      'Gert Mulder: bekeek de ledenlijst van je organisatie bij GGD Noord- en Oost-Gelderland',
      'Marieke Jansen: bekeek de gastenlijst van een dag waarop je een werkplek had bij CJG Harderwijk',
      'Ahmed El Amrani: downloadde de presentielijst van een bijeenkomst waarvoor je was aangemeld bij Icare JGZ',
      'Ahmed El Amrani: bekeek de presentielijst van een bijeenkomst waarvoor je was aangemeld bij Icare JGZ',
    ]);
    expect(sanne.rows[0]?.[0]).toMatch(/10 dec 2026/);

    // Piet had no desk: not on the guest list, and not his export.
    const piet = await rows(w.people.piet);
    expect(piet.rows.map((r) => r[1])).toEqual(['Gert Mulder', 'Ahmed El Amrani', 'Ahmed El Amrani']);

    // Gert read the list he is on himself; the host and Lotte were never shown to anyone.
    for (const who of [w.people.ggdAdmin, w.people.host, w.people.lokalisAdmin]) {
      const r = await rows(who);
      expect(r.rows).toEqual([]);
      expect(text(r.doc.querySelector('.empty-state'))).toContain('Nog niemand heeft je gegevens bekeken');
    }
    expect((await w.t.app.request('/access-log/mine')).status).toBe(303);
  });
});

describe('access log in English', () => {
  it('the log, its filters, its empty state and "who looked at my data" speak English', async () => {
    const w = await world();
    await readEverything(w);
    for (const u of [w.people.icareAdmin, w.people.sanne, w.people.lokalisAdmin]) w.t.db.update(users).set({ locale: 'en' }).where(eq(users.id, u.id)).run();

    const log = await html(await (await w.as(w.people.icareAdmin)).get('/access-log'));
    expect(text(log.querySelector('h1'))).toBe('Access log');
    expect(text(log.querySelector('label[for=flt-actor]'))).toBe('Name of who looked');
    expect(log.querySelectorAll('#access-log-results tbody tr').map((tr) => text(tr.querySelectorAll('td')[2]))).toEqual([
      'Attendance list downloaded (CSV)',
      'Attendance list viewed',
    ]);
    expect(text(log.querySelector('header nav'))).toContain('Access log');

    const empty = await html(await (await w.as(w.people.lokalisAdmin)).get('/access-log'));
    expect(text(empty.querySelector('.empty-state'))).toContain('Nobody has opened personal data of Lokalis Utrecht yet');

    const mine = await html(await (await w.as(w.people.sanne)).get('/access-log/mine'));
    expect(text(mine.querySelector('h1'))).toBe('Who looked at my data');
    const cells = mine.querySelectorAll('#my-access-results tbody tr').map((tr) => tr.querySelectorAll('td').map((td) => text(td)));
    expect(cells[0]?.slice(1)).toEqual(['You', 'downloaded your data']);
    expect(cells[4]?.slice(1)).toEqual(['Ahmed El Amrani', 'viewed the attendance list of a meeting you signed up for at Icare JGZ']);
    expect(cells[4]?.[0]).toBe('Thu, 10 Dec 2026, 09:30');
  });
});
