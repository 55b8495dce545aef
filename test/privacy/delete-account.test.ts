import { describe, expect, it } from 'vitest';
import { bookSpace } from '../../src/desks/bookings';
import type { DB } from '../../src/db';
import { createStatement } from '../../src/intervision/statements';
import { signUp } from '../../src/intervision/registrations';
import { createUser, html, loginAs, PASSWORD as PASSWORD_OK, text } from '../helpers';
import { createSpace } from '../desks/factory';
import { lists, mailsTo, makeMeeting, member, network, pastMeeting } from '../intervision/fixtures';

// Delete my account (issue #13, part 3). The clock stands at Monday 23 November 2026, 10:00
// Amsterdam. Sanne (GGD) has a past and a future desk booking, attended a past meeting with Ruben,
// holds a statement, and is registered for a full meeting on 10 December with Emma waiting.

async function world() {
  const ta = await network();
  const { db, orgs, facilitator } = ta;
  const now = ta.clock.now();
  const space = createSpace(db, orgs.cjg.id);
  const sanne = await member(ta, orgs.ggd.id, 'Sanne de Vries');
  const ruben = await member(ta, orgs.lokalis.id, 'Ruben Mulder');
  const emma = await member(ta, orgs.cjg.id, 'Emma Bakker');
  const past = pastMeeting(ta, '2026-10-05', '14:00', '16:00', [
    { id: sanne.id, orgId: orgs.ggd.id },
    { id: ruben.id, orgId: orgs.lokalis.id },
  ]);
  const statement = createStatement(db, sanne.id, { from: '2026-01-01', to: '2026-11-22' }, now);
  db.$client
    .prepare(
      "insert into bookings (space_id, location_id, org_id, user_id, guest_org_id, date, daypart, status, note, updated_at) values (?, ?, ?, ?, ?, '2026-11-02', 'morning', 'confirmed', 'Graag bij het raam', 0)",
    )
    .run(space.spaceId, space.locationId, orgs.cjg.id, sanne.id, orgs.ggd.id);
  expect(
    bookSpace(db, { spaceId: space.spaceId, userId: sanne.id, guestOrgId: orgs.ggd.id, date: '2026-11-26', dayparts: ['morning'], note: null }, now).ok,
  ).toBe(true);
  const full = makeMeeting(db, facilitator.id, orgs.icare.id, { minParticipants: 1, maxParticipants: 1 });
  expect(signUp(db, { meetingId: full, userId: sanne.id, orgId: orgs.ggd.id, bringsCase: true }, now).ok).toBe(true);
  expect(signUp(db, { meetingId: full, userId: emma.id, orgId: orgs.cjg.id, bringsCase: false }, now).ok).toBe(true);
  return { ...ta, now, space, sanne, ruben, emma, past, statement, full };
}

const one = <T>(w: { db: DB }, sql: string, ...args: unknown[]) => w.db.$client.prepare(sql).get(...args) as T;

describe('delete my account', () => {
  it('the page says beforehand, in plain Dutch, what happens, what stays without a name and what stays as it is', async () => {
    const w = await world();
    const page = text(await html(await w.sanne.client.get('/account/delete')));
    expect(page).toContain('Dit kan niet ongedaan worden gemaakt.');
    expect(page).toContain('1 toekomstige reservering wordt geannuleerd');
    expect(page).toContain('1 aanmelding voor komende bijeenkomsten wordt geannuleerd; wie op de wachtlijst staat, schuift door.');
    expect(page).toContain('1 eerdere reservering telt mee in de cijfers van het netwerk, zonder naam.');
    expect(page).toContain('1 uitgegeven bewijs van deelname blijft controleerbaar');
    const account = text(await html(await w.sanne.client.get('/account')));
    expect(account).toContain('Mijn account verwijderen');
    expect(account).toContain('Wie bekeek mijn gegevens');
  });

  it('without the tick or with a wrong password nothing happens (422, clear messages); the tick stays as it was sent, the password never comes back', async () => {
    const w = await world();
    const noTick = await w.sanne.client.post('/account/delete', { password: PASSWORD_OK });
    expect(noTick.status).toBe(422);
    const noTickPage = await html(noTick);
    expect(text(noTickPage)).toContain('Vink aan dat je begrijpt dat dit definitief is.');
    expect(noTickPage.querySelector('input[name="understand"]')!.hasAttribute('checked')).toBe(false);
    const wrong = await w.sanne.client.post('/account/delete', { password: 'fout', understand: 'yes' });
    expect(wrong.status).toBe(422);
    const wrongPage = await html(wrong);
    expect(text(wrongPage)).toContain('Dat wachtwoord klopt niet.');
    expect(wrongPage.querySelector('input[name="understand"]')!.hasAttribute('checked')).toBe(true);
    expect(wrongPage.querySelector('input[name="password"]')!.getAttribute('value') ?? '').toBe('');
    expect(one<{ name: string }>(w, 'select name from users where id = ?', w.sanne.id).name).toBe('Sanne de Vries');
  });

  it('deleting: future places freed and the waiting list moves up; the past stays without the person; statements keep verifying; the rest is gone; one transaction', async () => {
    const w = await world();
    const { PASSWORD } = await import('../helpers');
    const res = await w.sanne.client.post('/account/delete', { password: PASSWORD, understand: 'yes' });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/login');
    // Logged out everywhere, and the old address no longer logs in.
    expect((await w.sanne.client.get('/account')).status).toBe(303);
    await expect(loginAs(w.app, w.sanne.email)).rejects.toThrow();

    expect(one(w, 'select name, password_hash, locale, is_network_admin from users where id = ?', w.sanne.id)).toEqual({
      name: '',
      password_hash: null,
      locale: null,
      is_network_admin: 0,
    });
    expect(one<{ email: string }>(w, 'select email from users where id = ?', w.sanne.id).email).not.toContain('sanne');
    // Desks: the future booking is cancelled, the past one keeps its count without a name or note.
    expect(w.db.$client.prepare('select date, status, user_id, note from bookings order by date').all()).toEqual([
      { date: '2026-11-02', status: 'confirmed', user_id: null, note: null },
      { date: '2026-11-26', status: 'cancelled', user_id: null, note: null },
    ]);
    // Intervision: Emma moved up and was told; the past attendance stays as a count for Ruben's statement.
    expect(lists(w.db, w.full)).toEqual({ registered: ['Emma Bakker'], waiting: [] });
    expect(mailsTo(w.db, w.emma.email).some((m) => m.subject.startsWith('Je bent doorgeschoven'))).toBe(true);
    expect(w.db.$client.prepare('select user_id, org_id, presence from registrations where meeting_id = ? order by org_id').all(w.past)).toEqual([
      { user_id: null, org_id: w.orgs.ggd.id, presence: 'present' },
      { user_id: w.ruben.id, org_id: w.orgs.lokalis.id, presence: 'present' },
    ]);
    const reflection = text(await html(await w.ruben.client.get('/reflection')));
    expect(reflection).toContain('GGD NOG');
    // The statement still verifies, with the name it was issued with.
    const verify = text(await html(await w.app.request(`/verify/${w.statement.code}`)));
    expect(verify).toContain('Sanne de Vries');
    // Nothing else is left.
    for (const table of ['memberships', 'sessions', 'notifications', 'calendar_feeds', 'password_tokens', 'group_members'])
      expect(one<{ n: number }>(w, `select count(*) as n from ${table} where user_id = ?`, w.sanne.id).n, table).toBe(0);
    expect(one<{ n: number }>(w, 'select count(*) as n from outbox where to_address = ?', w.sanne.email).n).toBe(0);
    // And the deletion is in the access log: who, what, when.
    expect(one(w, "select actor_id, action, object from access_log where action = 'account_deleted'")).toEqual({
      actor_id: w.sanne.id,
      action: 'account_deleted',
      object: `user:${w.sanne.id}`,
    });
  });

  it('refused while the account facilitates a meeting to come, or is the only org admin (409, nothing changed)', async () => {
    const w = await world();
    const { PASSWORD } = await import('../helpers');
    const facilitator = await loginAs(w.app, w.facilitator.email);
    const page = text(await html(await facilitator.get('/account/delete')));
    expect(page).toContain('Draag ze eerst over aan een collega of annuleer ze.');
    expect((await facilitator.post('/account/delete', { password: PASSWORD, understand: 'yes' })).status).toBe(409);
    const admin = await member(w, w.orgs.lokalis.id, 'Lotte Smit', { roles: ['org_admin'] });
    expect((await admin.client.post('/account/delete', { password: PASSWORD, understand: 'yes' })).status).toBe(409);
    expect(one<{ n: number }>(w, 'select count(*) as n from users where deleted_at is not null').n).toBe(0);
  });
});

describe('an org admin deletes the account of someone who left', () => {
  it('the admin sees the same preview, confirms, and the account is deleted; another organisation’s admin and a member get 404', async () => {
    const w = await world();
    const admin = await member(w, w.orgs.ggd.id, 'Lotte Smit', { roles: ['org_admin'] });
    const path = `/org/${w.orgs.ggd.id}/members/${w.sanne.id}/delete`;
    expect(text(await html(await admin.client.get(`/org/${w.orgs.ggd.id}/members`)))).toContain('Account verwijderen (vertrokken)');
    const preview = text(await html(await admin.client.get(path)));
    expect(preview).toContain('Account van Sanne de Vries verwijderen');
    expect(preview).toContain('1 toekomstige reservering wordt geannuleerd');

    const other = await member(w, w.orgs.lokalis.id, 'Iris van Leeuwen', { roles: ['org_admin'] });
    expect((await other.client.get(path)).status).toBe(404);
    expect((await other.client.post(path, { understand: 'yes' })).status).toBe(404);
    expect((await w.ruben.client.post(path, { understand: 'yes' })).status).toBe(404);
    expect((await admin.client.post(path, {})).status).toBe(422);
    expect(one<{ deleted_at: number | null }>(w, 'select deleted_at from users where id = ?', w.sanne.id).deleted_at).toBeNull();

    const res = await admin.client.post(path, { understand: 'yes' });
    expect(res.status).toBe(303);
    expect(text(await html(await admin.client.get(res.headers.get('location')!)))).toContain('Het account van Sanne de Vries is verwijderd.');
    expect(one(w, "select actor_id, org_id from access_log where action = 'account_deleted'")).toEqual({ actor_id: admin.id, org_id: w.orgs.ggd.id });
    // Gone from the member list; a second attempt finds nobody.
    expect(text(await html(await admin.client.get(`/org/${w.orgs.ggd.id}/members`)))).not.toContain('Sanne de Vries');
    expect((await admin.client.get(path)).status).toBe(404);
  });

  it('someone who also works for an organisation the admin does not administer is not theirs to delete (404)', async () => {
    const w = await world();
    const admin = await member(w, w.orgs.ggd.id, 'Lotte Smit', { roles: ['org_admin'] });
    const both = await createUser(w.db, { orgId: w.orgs.ggd.id, name: 'Twee Banen' });
    w.db.$client.prepare("insert into memberships (user_id, org_id, role) values (?, ?, 'member')").run(both.id, w.orgs.cjg.id);
    expect((await admin.client.get(`/org/${w.orgs.ggd.id}/members/${both.id}/delete`)).status).toBe(404);
  });
});

describe('delete my account in English', () => {
  it('the preview and the messages are in English', async () => {
    const w = await world();
    const john = await member(w, w.orgs.ggd.id, 'John Smith', { locale: 'en' });
    const page = text(await html(await john.client.get('/account/delete')));
    expect(page).toContain('This cannot be undone.');
    expect(page).toContain('There are no future bookings.');
    const res = await john.client.post('/account/delete', { password: 'x' });
    expect(text(await html(res))).toContain('That password is not right.');
  });
});
