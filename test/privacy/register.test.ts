import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { outbox } from '../../db/schema';
import { NOT_PERSONAL, PROCESSINGS, registerMarkdown } from '../../src/privacy/register';
import { createOrg, createTestApp, createUser, html, loginAs, text } from '../helpers';
import { schemaTables } from './schema-tables';

// The processing register (issue #13, part 1) is the one source of the privacy statement page and
// of docs/privacy/register*.md; every column of db/schema has its entry.

const tables = schemaTables();

describe('the processing register covers the schema', () => {
  it('every table and every column of db/schema is in exactly one entry (a processing, or "no personal data" with a reason)', () => {
    const listed = new Map<string, string[]>();
    const add = (table: string, columns: readonly string[]) => listed.set(table, [...(listed.get(table) ?? []), ...columns]);
    for (const p of PROCESSINGS) for (const [table, e] of Object.entries(p.tables)) add(table, e.columns);
    for (const [table, e] of Object.entries(NOT_PERSONAL)) add(table, e.columns);
    for (const table of tables) expect((listed.get(table.name) ?? []).slice().sort(), `register entry for table ${table.name}`).toEqual(table.columns);
    expect([...listed.keys()].sort()).toEqual(tables.map((tb) => tb.name).sort());
  });

  it('the personal columns of each entry are columns of it, and every processing states purpose, basis, people, recipients, retention and code', () => {
    for (const p of PROCESSINGS) {
      for (const [table, e] of Object.entries(p.tables)) for (const c of e.personal) expect(e.columns, `${p.key}.${table}.${c}`).toContain(c);
      for (const field of [
        p.name,
        p.purpose,
        p.legalBasis,
        p.people,
        p.recipients,
        p.retention({ bookingsMonths: 12, notificationsDays: 90, intervisionYears: 5 }),
      ])
        expect(field.nl.length > 10 && field.en.length > 10, `${p.key}`).toBe(true);
      for (const c of p.code) expect(fs.existsSync(path.resolve(__dirname, '../..', c)), `${p.key}: ${c}`).toBe(true);
    }
  });

  it('docs/privacy/register.md and register.en.md are what the register says (run `npm run privacy:register` after a change)', () => {
    const doc = (f: string) => fs.readFileSync(path.resolve(__dirname, '../../docs/privacy', f), 'utf8');
    expect(doc('register.md')).toBe(registerMarkdown('nl'));
    expect(doc('register.en.md')).toBe(registerMarkdown('en'));
  });
});

describe('the privacy statement page', () => {
  it('is public, shows every processing with the configured retention, in Dutch and in English', async () => {
    const t = createTestApp({ env: { RETENTION_BOOKINGS_MONTHS: '18' } });
    const res = await t.app.request('/privacy');
    expect(res.status).toBe(200);
    const page = text(await html(res));
    for (const p of PROCESSINGS) expect(page).toContain(p.name.nl);
    expect(page).toContain('Reserveringen en gastenlijst: 18 maanden na de datum');
    expect(page).toContain('nooit de inhoud van intervisiecasussen');
    const en = text(await html(await t.app.request('/privacy', { headers: { 'Accept-Language': 'en' } })));
    for (const p of PROCESSINGS) expect(en).toContain(p.name.en);
    expect(en).toContain('18 months after the date');
  });

  it('is linked from every page’s footer (logged out and in) and from the invitation e-mail', async () => {
    const t = createTestApp();
    const footerLink = async (res: Response) => (await html(res)).querySelector('footer a[href="/privacy"]');
    expect(await footerLink(await t.app.request('/login'))).not.toBeNull();
    const org = createOrg(t.db);
    const admin = await createUser(t.db, { orgId: org.id, roles: ['org_admin'] });
    const client = await loginAs(t.app, admin.email);
    expect(await footerLink(await client.get('/account'))).not.toBeNull();
    expect((await client.post(`/org/${org.id}/invitations`, { email: 'nieuw@example.nl', role: 'member' })).status).toBe(303);
    const mail = t.db
      .select()
      .from(outbox)
      .all()
      .find((m) => m.toAddress === 'nieuw@example.nl')!;
    expect(mail.body).toContain(`${t.config.baseUrl}/privacy`);
  });
});
