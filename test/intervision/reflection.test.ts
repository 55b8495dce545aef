import { describe, expect, it } from 'vitest';
import { parse } from 'node-html-parser';
import { Client, countRows, html, loginAs, text } from '../helpers';
import { makeMeeting, member, network, pastMeeting } from './fixtures';

describe('intervision: reflection hours and statements', () => {
  it('hours across the daylight-saving change: 25 October 2026 14:00–16:00 counts exactly 2 hours; minutes present count when set', async () => {
    const ta = await network();
    const s = await member(ta, ta.orgs.ggd.id, 'Sanne de Vries');
    const other = await member(ta, ta.orgs.cjg.id, 'Collega CJG');
    pastMeeting(
      ta,
      '2026-10-25',
      '14:00',
      '16:00',
      [
        { id: s.id, orgId: ta.orgs.ggd.id },
        { id: other.id, orgId: ta.orgs.cjg.id },
      ],
      'Wintertijd-intervisie',
    );
    pastMeeting(ta, '2026-03-29', '01:00', '04:00', [{ id: s.id, orgId: ta.orgs.ggd.id }], 'Nachtelijke zomertijd'); // 2 real hours
    pastMeeting(ta, '2025-06-10', '09:00', '11:00', [{ id: s.id, orgId: ta.orgs.ggd.id, minutes: 90 }], 'Te laat binnen');
    const page = await html(await s.client.get('/reflection'));
    const total = text(page.querySelector('.reflection-total'));
    expect(total).toContain('5,5 van 60 uur sinds');
    expect(text(page)).toContain('2026 — 4 uur');
    expect(text(page)).toContain('2025 — 1,5 uur');
    const row = page.querySelectorAll('table.attended tbody tr').find((r) => text(r).includes('Wintertijd-intervisie'))!;
    expect(text(row)).toContain('Balint');
    expect(text(row)).toContain('Ahmed El Amrani');
    expect(text(row)).toContain('CJG Harderwijk, GGD NOG');
    expect(text(row.querySelector('td.num'))).toBe('2');
    const csv = await s.client.get('/reflection.csv');
    expect(csv.headers.get('content-disposition')).toContain('attachment');
    const body = await csv.text();
    expect(body).toContain('2026-10-25;14:00;16:00;Wintertijd-intervisie;Intervisie;Balint;Ahmed El Amrani;CJG Harderwijk, GGD NOG;2');
  });

  it('verification link shows only name, meetings (date, title/kind, method, hours) and total; a wrong code shows nothing', async () => {
    const ta = await network();
    const s = await member(ta, ta.orgs.ggd.id, 'Sanne de Vries');
    const other = await member(ta, ta.orgs.cjg.id, 'Geheime Collega');
    pastMeeting(
      ta,
      '2026-10-25',
      '14:00',
      '16:00',
      [
        { id: s.id, orgId: ta.orgs.ggd.id },
        { id: other.id, orgId: ta.orgs.cjg.id },
      ],
      'Wintertijd-intervisie',
    );
    const res = await s.client.post('/reflection/statements', { from: '2026-01-01', to: '2026-11-23' });
    expect(res.status).toBe(303);
    const statementPage = await html(await s.client.get(res.headers.get('location')!));
    // The print button (issue #17 point 10): shown by /static/print.js (no inline script under the CSP), not printed itself.
    const button = statementPage.querySelector('button[data-print]')!;
    expect(text(button)).toBe('Afdrukken / opslaan als PDF');
    expect(button.getAttribute('type')).toBe('button');
    expect(button.closest('.no-print')).not.toBeNull();
    expect(statementPage.querySelector('script[src="/static/print.js"]')).not.toBeNull();
    expect(statementPage.querySelectorAll('script:not([src])')).toHaveLength(0);
    const script = await ta.app.request('/static/print.js');
    expect(script.status).toBe(200);
    expect(await script.text()).toContain('window.print()');
    const url = statementPage.querySelector('a.verify-url')!.getAttribute('href')!;
    expect(url).toMatch(/^http:\/\/localhost:3000\/verify\/[A-Za-z0-9_-]{43}$/);
    const code = url.split('/').pop()!;
    expect((ta.db.$client.prepare('select code from statements').get() as { code: string }).code).toBe(code);

    const anonymous = new Client(ta.app);
    const verify = await anonymous.get(`/verify/${code}`);
    expect(verify.status).toBe(200);
    const main = (await html(verify)).querySelector('main')!;
    const shown = text(main);
    expect(shown).toContain('Sanne de Vries');
    expect(shown).toContain('Wintertijd-intervisie');
    expect(shown).toContain('Balint');
    expect(shown).toContain('2 uur');
    for (const hidden of ['Geheime Collega', 'Ahmed El Amrani', 'CJG Harderwijk', 'GGD NOG', s.email, 'Icare']) expect(shown).not.toContain(hidden);
    expect(main.querySelectorAll('th').map((th) => text(th))).toEqual(['Datum', 'Bijeenkomst', 'Methode', 'Uren']);

    // Tampered, unknown and malformed codes: one plain answer for an SKJ checker, the same status, no login hint.
    for (const wrong of [code.slice(0, -1) + (code.endsWith('A') ? 'B' : 'A'), 'A'.repeat(43), 'x', '../reflection', 'code met spaties']) {
      const r = await anonymous.get(`/verify/${encodeURIComponent(wrong)}`);
      expect(r.status, wrong).toBe(404);
      const t = text(parse(await r.text()).querySelector('main'));
      expect(t, wrong).toContain('Deze verklaring is niet geldig of bestaat niet.');
      for (const not of ['Sanne', 'Wintertijd', 'Niet gevonden', 'toegang', 'Inloggen', 'inloggen']) expect(t, wrong).not.toContain(not);
    }
    const en = await anonymous.get('/verify/x', { 'accept-language': 'en' });
    expect(en.status).toBe(404);
    expect(text(parse(await en.text()).querySelector('main'))).toContain('This statement is not valid or does not exist.');
  });

  it('a statement keeps what it said when issued; its verification also says when attendance was corrected later (a rename is not a correction)', async () => {
    const ta = await network();
    const s = await member(ta, ta.orgs.ggd.id, 'Sanne de Vries');
    const meetingId = pastMeeting(ta, '2026-10-25', '14:00', '16:00', [{ id: s.id, orgId: ta.orgs.ggd.id }], 'Wintertijd-intervisie');
    const res = await s.client.post('/reflection/statements', { from: '2026-01-01', to: '2026-11-23' });
    const where = res.headers.get('location')!;
    const code = (await html(await s.client.get(where))).querySelector('a.verify-url')!.getAttribute('href')!.split('/').pop()!;
    const anonymous = new Client(ta.app);
    const verified = async () => text((await html(await anonymous.get(`/verify/${code}`))).querySelector('main'));
    const before = await verified();

    ta.db.$client.prepare('update users set name = ? where id = ?').run('Sanne Jansen', s.id);
    ta.db.$client.prepare('update meetings set title = ? where id = ?').run('Andere titel', meetingId);
    expect(await verified()).toBe(before); // renaming is not a correction
    expect(before).toContain('Sanne de Vries');
    expect(before).toContain('Wintertijd-intervisie');
    expect(before).toContain('2 uur');
    expect(before).toContain('op het moment van afgeven');
    expect(before).not.toContain('gecorrigeerd');

    // An attendance correction: the issued statement stays as it was, and the verifier is told.
    ta.db.$client.prepare('update registrations set minutes_present = 30 where meeting_id = ?').run(meetingId);
    const after = await verified();
    expect(after).toContain('Sanne de Vries');
    expect(after).toContain('2 uur');
    expect(after).toContain('Let op: de aanwezigheid is na het afgeven gecorrigeerd. Volgens de huidige registratie gaat het in deze periode om 0,5 uur.');
    const own = text((await html(await s.client.get(where))).querySelector('main'));
    expect(own).toContain('Sanne de Vries');
    expect(own).not.toContain('Andere titel');

    // A new statement states the situation as it is now.
    const again = await s.client.post('/reflection/statements', { from: '2026-01-01', to: '2026-11-23' });
    const now = text((await html(await s.client.get(again.headers.get('location')!))).querySelector('main'));
    expect(now).toContain('Sanne Jansen');
    expect(now).toContain('Andere titel');
    expect(now).toContain('0,5 uur');
  });

  it("a statement page is the owner's only; other people get 404", async () => {
    const ta = await network();
    const s = await member(ta, ta.orgs.ggd.id, 'Sanne');
    const res = await s.client.post('/reflection/statements', { from: '2026-01-01', to: '2026-11-23' });
    const nosy = await member(ta, ta.orgs.ggd.id, 'Nieuwsgierig');
    expect((await nosy.client.get(res.headers.get('location')!)).status).toBe(404);
    const bad = await s.client.post('/reflection/statements', { from: '2026-11-23', to: '2026-01-01' });
    expect(bad.status).toBe(422);
    // A period not over yet (the clock stands at 2026-11-23): refused at the end date, said why.
    const future = await s.client.post('/reflection/statements', { from: '2030-01-01', to: '2031-01-01' });
    expect(future.status).toBe(422);
    expect(text((await html(future)).querySelector('#f-to-err'))).toBe(
      'Een verklaring gaat over bijeenkomsten die al geweest zijn: kies een einddatum tot en met vandaag.',
    );
    expect((await s.client.post('/reflection/statements', { from: '2026-11-01', to: '2026-11-24' })).status).toBe(422);
    expect(countRows(ta.db, 'statements')).toBe(1);
  });

  it('confidentiality: no column for case content exists, and the sign-up form has only the "brings a case" checkbox with the reason', async () => {
    const ta = await network();
    const tables = ['meetings', 'registrations', 'attendance_changes', 'statements', 'intervision_groups', 'group_members', 'meeting_visibility'];
    for (const table of tables) {
      const cols = (ta.db.$client.prepare(`pragma table_info(${table})`).all() as { name: string; type: string }[]).map((c) => c.name);
      for (const c of cols) expect(c === 'brings_case' || !/case|casus|content|note|client|story|text|body/i.test(c), `${table}.${c}`).toBe(true);
    }
    const id = makeMeeting(ta.db, ta.facilitator.id, ta.orgs.icare.id);
    const p = await member(ta, ta.orgs.ggd.id, 'Deelnemer');
    const form = (await html(await p.client.get(`/meetings/${id}`))).querySelector(`form[action="/meetings/${id}/signup"]`)!;
    expect(form.querySelectorAll('textarea')).toHaveLength(0);
    const inputs = form.querySelectorAll('input, select').map((i) => `${i.getAttribute('type') ?? i.tagName.toLowerCase()}:${i.getAttribute('name')}`);
    expect(inputs).toEqual(['checkbox:bringsCase']);
    expect(text(form)).toContain('de AVG vraagt dat we geen gegevens over cliënten opslaan');
    // Anything extra sent along is not stored.
    await p.client.post(`/meetings/${id}/signup`, { bringsCase: '1', caseText: 'Jantje (8) uit Harderwijk' });
    const dump = JSON.stringify(ta.db.$client.prepare('select * from registrations').all());
    expect(dump).not.toContain('Jantje');
    // The sentence belongs to the sign-up form only: the reflection-hours page has no case option (issue #17 point 11).
    const reflection = text(await html(await p.client.get('/reflection')));
    expect(reflection).toContain('Mijn reflectie-uren');
    expect(reflection).not.toContain('casus');
    expect(reflection).not.toContain('de AVG vraagt dat we geen gegevens over cliënten opslaan');
  });

  it('home page and navigation: everyone sees Intervisie and Mijn reflectie-uren, facilitators and org admins also Bijeenkomsten beheren', async () => {
    const ta = await network();
    const p = await member(ta, ta.orgs.ggd.id, 'Lid');
    const home = await html(await p.client.get('/'));
    const nav = home.querySelectorAll('nav a').map((a) => a.getAttribute('href'));
    expect(nav).toContain('/meetings');
    expect(nav).toContain('/reflection');
    expect(nav).not.toContain('/facilitate');
    expect((await p.client.get('/facilitate')).status).toBe(403);
    const fac = await loginAs(ta.app, ta.facilitator.email);
    const facHome = await html(await fac.get('/'));
    expect(facHome.querySelectorAll('.cards a').map((a) => a.getAttribute('href'))).toContain('/facilitate');
    expect((await fac.get('/facilitate')).status).toBe(200);
    // An org admin has "Bijeenkomsten beheren" in the menu, and the same card on the home page (issue #17).
    const admin = await member(ta, ta.orgs.ggd.id, 'Coördinator', { roles: ['org_admin'] });
    const adminHome = await html(await admin.client.get('/'));
    expect(adminHome.querySelectorAll('nav a').map((a) => a.getAttribute('href'))).toContain('/facilitate');
    expect(adminHome.querySelectorAll('.cards a').map((a) => a.getAttribute('href'))).toContain('/facilitate');
    expect((await admin.client.get('/facilitate')).status).toBe(200);
    expect((await new Client(ta.app).get('/meetings')).status).toBe(303);
  });
});

describe('intervision: demo data', () => {
  it('seed: the demo worker has reflection hours, one meeting has a waiting list, one is nearly full with a per-organisation maximum', async () => {
    const { openDatabase } = await import('../../src/db');
    const { seedDemoData } = await import('../../db/seed');
    const db = openDatabase(':memory:');
    await seedDemoData(db, new Date('2026-11-23T09:00:00Z'));
    const rows = db.$client
      .prepare(
        `select m.title, m.max_per_org as perOrg, sum(r.status = 'registered') as reg, sum(r.status = 'waitlisted') as wait, m.max_participants as max
         from meetings m join registrations r on r.meeting_id = m.id where m.starts_at > ? and m.group_id is null group by m.id`,
      )
      .all(Date.parse('2026-11-23T09:00:00Z')) as { title: string; perOrg: number | null; reg: number; wait: number; max: number }[];
    expect(rows.some((r) => r.wait > 0 && r.reg === r.max)).toBe(true);
    expect(rows.some((r) => r.perOrg !== null && r.reg === r.max - 1)).toBe(true);
    const hours = db.$client
      .prepare(
        `select sum(coalesce(r.minutes_present, (m.ends_at - m.starts_at) / 60000)) / 60.0 as h from registrations r join meetings m on m.id = r.meeting_id
         join users u on u.id = r.user_id where u.email = 'worker@gastplek.test' and r.presence = 'present'`,
      )
      .get() as { h: number };
    expect(hours.h).toBe(6.5);
  });

  it('reflection CSV: a header row, then the meetings oldest first', async () => {
    const ta = await network();
    const s = await member(ta, ta.orgs.ggd.id, 'Sanne de Vries');
    pastMeeting(ta, '2026-10-25', '14:00', '16:00', [{ id: s.id, orgId: ta.orgs.ggd.id }], 'Later');
    pastMeeting(ta, '2025-06-10', '09:00', '11:00', [{ id: s.id, orgId: ta.orgs.ggd.id }], 'Eerder');
    const lines = (await (await s.client.get('/reflection.csv')).text())
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toMatch(/^Datum;Begin;Einde;/);
    expect(lines.slice(1).map((l) => l.split(';')[3])).toEqual(['Eerder', 'Later']);
  });

  it('a statement from before statements stored their meetings says it shows the live records, not an issued statement', async () => {
    const ta = await network();
    const s = await member(ta, ta.orgs.ggd.id, 'Sanne de Vries');
    pastMeeting(ta, '2026-10-25', '14:00', '16:00', [{ id: s.id, orgId: ta.orgs.ggd.id }], 'Wintertijd-intervisie');
    const res = await s.client.post('/reflection/statements', { from: '2026-01-01', to: '2026-11-22' });
    expect(res.status).toBe(303);
    ta.db.$client.prepare('update statements set issued_meetings = null, holder_name = null').run();
    const { code } = ta.db.$client.prepare('select code from statements').get() as { code: string };
    const page = await html(await new Client(ta.app).get(`/verify/${code}`));
    expect(text(page)).toContain('zoals ze nu in Gastplek geregistreerd zijn');
    expect(text(page)).not.toContain('zoals Gastplek die heeft afgegeven');
    expect(text(page)).toContain('Wintertijd-intervisie');
  });
});
