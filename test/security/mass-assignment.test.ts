import { describe, expect, it } from 'vitest';
import { Client } from '../helpers';
import { validForms } from './forms';
import { routeKeys, row, rowOrder, seededWithClients } from './support';
import type { DB } from '../../src/db';

/**
 * Mass assignment (issue 7): fields a form does not have — org_id, role, capacity, user_id, status,
 * isNetworkAdmin — are ignored or refused on every form route. Each route gets its valid submission
 * plus those extras; every row the request wrote is then checked for the planted values.
 */
const EVIL_ORG = 9; // CJG Ede: none of the demo accounts belongs to it
const EVIL_CAPACITY = 77;

type Rows = Map<string, Map<string, Record<string, unknown>>>;
function allRows(db: DB): Rows {
  const tables = (
    db.$client
      .prepare(
        "select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like '__drizzle%' and name not in ('sessions', 'login_failures')",
      )
      .all() as { name: string }[]
  ).map((t) => t.name);
  return new Map(
    tables.map((t) => [
      t,
      new Map(
        (db.$client.prepare(`select json_array(${rowOrder(db, t)}) as __rowid, * from "${t}"`).all() as Record<string, unknown>[]).map((r) => [
          r.__rowid as string,
          r,
        ]),
      ),
    ]),
  );
}
function written(before: Rows, after: Rows) {
  const out: { table: string; row: Record<string, unknown>; old?: Record<string, unknown> }[] = [];
  for (const [table, rows] of after)
    for (const [id, r] of rows) {
      const old = before.get(table)?.get(id);
      if (!old || JSON.stringify(old) !== JSON.stringify(r)) out.push({ table, row: r, old });
    }
  return out;
}

describe('mass assignment', () => {
  it('ignores or refuses planted fields on every form route', async () => {
    const { app, db, clock, as } = await seededWithClients();
    const forms = validForms(db, clock.now());
    const missing = routeKeys(app).filter((k) => k.startsWith('POST ') && !(k in forms));
    expect(missing, 'POST routes without a valid submission in test/security/forms.ts').toEqual([]);
    const lars = row<{ id: string }>(db, "select id from users where email = 'lars.kok@gastplek.test'").id;
    const extras = {
      org_id: String(EVIL_ORG),
      orgId: String(EVIL_ORG),
      guestOrgId: String(EVIL_ORG),
      role: 'org_admin',
      capacity: String(EVIL_CAPACITY),
      user_id: lars,
      userId: lars,
      facilitatorId: lars,
      status: 'confirmed',
      isNetworkAdmin: 'true',
      is_network_admin: '1',
    };
    const problems: string[] = [];
    for (const [key, spec] of Object.entries(forms)) {
      const before = allRows(db);
      const client = as[spec.actor] ?? new Client(app);
      const res = await client.post(spec.path, { ...extras, ...spec.body });
      if (res.status >= 500) problems.push(`${key}: ${res.status}`);
      for (const { table, row: r, old } of written(before, allRows(db))) {
        for (const [col, v] of Object.entries(r)) {
          if (/org_id$/.test(col) && v === EVIL_ORG && old?.[col] !== v) problems.push(`${key}: ${table}.${col} = ${EVIL_ORG}`);
          if (v === lars && old?.[col] !== v) problems.push(`${key}: ${table}.${col} = planted user`);
          if (col === 'is_network_admin' && v === 1 && old?.[col] !== 1) problems.push(`${key}: ${table}.is_network_admin set`);
          if (col === 'capacity' && v === EVIL_CAPACITY) problems.push(`${key}: ${table}.capacity = ${EVIL_CAPACITY}`);
          if (col === 'role' && v === 'org_admin' && old?.[col] !== v && key !== 'POST /admin/organisations')
            problems.push(`${key}: ${table}.role = org_admin`);
        }
        if (table === 'memberships' && !old && key !== 'POST /invite/:token' && key !== 'POST /org/:orgId/members/:userId/roles')
          problems.push(`${key}: new membership ${JSON.stringify(r)}`);
      }
    }
    expect(problems).toEqual([]);
    // The accepted invitation made a member of org 4 with the invited role, nothing more.
    const invited = db.$client
      .prepare(
        "select m.org_id, m.role, u.is_network_admin from users u join memberships m on m.user_id = u.id where u.email = 'nieuw@example.test' order by m.role",
      )
      .all();
    expect(invited).toEqual([{ org_id: 4, role: 'member', is_network_admin: 0 }]);
  });

  it('a booking that needs approval stays pending whatever status is posted, and is the poster’s own', async () => {
    const { db, as } = await seededWithClients();
    const approval = row<{ approval_required: number }>(db, 'select approval_required from locations where id = 2').approval_required;
    const res = await as.worker!.post('/desks/spaces/4/book', {
      date: '2026-11-30',
      daypart: 'morning',
      status: 'confirmed',
      userId: 'someone',
      user_id: 'someone',
      org_id: '9',
      guestOrgId: '9',
    });
    expect(res.status).toBe(303);
    const b = row<{ status: string; user_email: string; org_id: number; guest_org_id: number }>(
      db,
      "select b.status, u.email as user_email, b.org_id, b.guest_org_id from bookings b join users u on u.id = b.user_id where b.space_id = 4 and b.date = '2026-11-30'",
    );
    expect(b).toEqual({ status: approval ? 'pending' : 'confirmed', user_email: 'worker@gastplek.test', org_id: 1, guest_org_id: 2 });
  });

  it('ids in hidden fields that point at an organisation the person has no role in are refused, nothing stored', async () => {
    const { db, as } = await seededWithClients();
    const forms = validForms(db, new Date('2026-11-23T09:00:00Z'));
    const count = (t: string) => row<{ n: number }>(db, `select count(*) as n from ${t}`).n;
    const cases: [keyof typeof as, string, Record<string, string | string[]>, string][] = [
      ['host', '/host/locations/new', { ...forms['POST /host/locations/new']!.body, orgId: '4' }, 'locations'],
      ['facilitator', '/facilitate/meetings/new', { ...forms['POST /facilitate/meetings/new']!.body, orgId: '4' }, 'meetings'],
      ['worker', '/meetings/1/signup', { orgId: '4' }, 'registrations'],
      ['host', '/host/locations/1/closures', { spaceId: '7', startDate: '2026-12-24', endDate: '2026-12-26', reason: 'x' }, 'closures'],
    ];
    for (const [actor, path, body, table] of cases) {
      const before = count(table);
      const res = await as[actor]!.post(path, body);
      expect(res.status, `${path} as ${actor}`).toBeGreaterThanOrEqual(400);
      expect(res.status, `${path} as ${actor}`).toBeLessThan(500);
      expect(count(table), `${path} as ${actor}`).toBe(before);
    }
    // Booking "as" an organisation the worker does not belong to books as their own organisation.
    await as.worker!.post('/desks/spaces/1/book', { date: '2026-11-25', daypart: 'afternoon', as: '4' });
    expect(
      row<{ guest_org_id: number }>(db, "select guest_org_id from bookings where space_id = 1 and date = '2026-11-25' and daypart = 'afternoon'").guest_org_id,
    ).toBe(2);
  });
});
