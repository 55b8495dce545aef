import { describe, expect, it } from 'vitest';
import { bookSpace } from '../../src/desks/bookings';
import { joinGroup } from '../../src/intervision/groups';
import { signUp } from '../../src/intervision/registrations';
import { instantOf } from '../../src/lib/time';
import { deleteAccount, deletionPreview, type Deleter } from '../../src/privacy/deletion';
import { createHours, createTags } from '../consults/factory';
import { createSpace } from '../desks/factory';
import { createUser } from '../helpers';
import { groupLists, makeGroup, makeMeeting, network, pastMeeting } from '../intervision/fixtures';

/**
 * Account-deletion rules, each by name (issue 11: a test per rule that fails when the rule
 * breaks; these killed the surviving mutants of src/privacy/deletion.ts listed in
 * docs/quality.md), at the domain functions. The clock stands at Monday 23 November 2026, 10:00
 * Amsterdam.
 */
async function world() {
  const ta = await network();
  const now = ta.clock.now();
  const sanne = await createUser(ta.db, { orgId: ta.orgs.ggd.id, name: 'Sanne de Vries', email: 'sanne@example.test' });
  const self = (u: { id: string }): Deleter => ({ self: true, id: u.id, name: 'Zelf' });
  const one = <T = Record<string, unknown>>(sql: string, ...a: unknown[]) => ta.db.$client.prepare(sql).get(...a) as T;
  const all = (sql: string, ...a: unknown[]) => ta.db.$client.prepare(sql).all(...a) as Record<string, unknown>[];
  return { ...ta, now, sanne, self, one, all };
}

const del = (w: Awaited<ReturnType<typeof world>>, u: { id: string }, by: Deleter = w.self(u), now = w.now) =>
  deleteAccount(w.db, u.id, by, now, 'http://localhost');

describe('deletion refusals, each by its reason', () => {
  it('not found: an unknown account, and an account already deleted', async () => {
    const w = await world();
    expect(del(w, { id: 'niemand' })).toEqual({ ok: false, reason: 'not-found' });
    expect(del(w, w.sanne)).toMatchObject({ ok: true });
    expect(del(w, w.sanne)).toEqual({ ok: false, reason: 'not-found' });
    expect(deletionPreview(w.db, w.sanne.id, w.self(w.sanne), w.now).refusal).toBe('not-found');
  });

  it('facilitates: a scheduled meeting that has not ended (also one running now); not a meeting that ended or was cancelled', async () => {
    const w = await world();
    const f = await createUser(w.db, { orgId: w.orgs.icare.id, roles: ['facilitator'] });
    const running = makeMeeting(w.db, f.id, w.orgs.icare.id, {
      startsAt: instantOf('2026-11-23', '09:00'),
      endsAt: instantOf('2026-11-23', '10:01'),
      signupOpensAt: instantOf('2026-11-01', '09:00'),
      signupClosesAt: instantOf('2026-11-23', '09:00'),
      cancelDeadlineAt: instantOf('2026-11-23', '09:00'),
    });
    expect(deletionPreview(w.db, f.id, w.self(f), w.now).refusal).toBe('facilitates');
    expect(del(w, f)).toEqual({ ok: false, reason: 'facilitates' });
    w.db.$client.prepare(`update meetings set ends_at = ? where id = ?`).run(w.now.getTime(), running);
    const cancelled = makeMeeting(w.db, f.id, w.orgs.icare.id);
    w.db.$client.prepare(`update meetings set status = 'cancelled' where id = ?`).run(cancelled);
    expect(deletionPreview(w.db, f.id, w.self(f), w.now).refusal).toBeNull();
    expect(del(w, f)).toMatchObject({ ok: true });
  });

  it('facilitates: a closed group with a meeting to come, also when another colleague leads that one meeting', async () => {
    const w = await world();
    const f = await createUser(w.db, { orgId: w.orgs.icare.id, roles: ['facilitator'] });
    const g = makeGroup(w.db, f.id, w.orgs.icare.id);
    w.db.$client.prepare('update meetings set facilitator_id = ? where group_id = ?').run(w.facilitator.id, g);
    expect(del(w, f)).toEqual({ ok: false, reason: 'facilitates' });
    w.db.$client.prepare(`update meetings set status = 'cancelled' where group_id = ?`).run(g);
    expect(del(w, f)).toMatchObject({ ok: true });
  });

  it('facilitates: open consult hours from today on; not hours of yesterday or cancelled ones', async () => {
    const w = await world();
    const expert = await createUser(w.db, { orgId: w.orgs.cjg.id, roles: ['expert'] });
    const today = createHours(w.db, { expertId: expert.id, orgId: w.orgs.cjg.id, locationId: null, date: '2026-11-23', startTime: '08:00', slots: 1 });
    createHours(w.db, { expertId: expert.id, orgId: w.orgs.cjg.id, locationId: null, date: '2026-11-22' });
    createHours(w.db, { expertId: expert.id, orgId: w.orgs.cjg.id, locationId: null, date: '2026-12-01', status: 'cancelled' });
    expect(del(w, expert)).toEqual({ ok: false, reason: 'facilitates' });
    w.db.$client.prepare(`update consult_hours set status = 'cancelled' where id = ?`).run(today);
    expect(del(w, expert)).toMatchObject({ ok: true });
  });

  it('last network admin: refused while no other active network admin is left; a deactivated one does not count', async () => {
    const w = await world();
    const admin = await createUser(w.db, { orgId: w.orgs.cjg.id, networkAdmin: true });
    const other = await createUser(w.db, { orgId: w.orgs.ggd.id, networkAdmin: true, deactivated: true });
    expect(del(w, admin)).toEqual({ ok: false, reason: 'last-network-admin' });
    w.db.$client.prepare('update users set deactivated_at = null where id = ?').run(other.id);
    expect(del(w, admin)).toMatchObject({ ok: true });
  });

  it('last org admin: refused for the only active org admin of an organisation, not when a second one is left', async () => {
    const w = await world();
    const a = await createUser(w.db, { orgId: w.orgs.lokalis.id, roles: ['org_admin'] });
    expect(del(w, a)).toEqual({ ok: false, reason: 'last-org-admin' });
    await createUser(w.db, { orgId: w.orgs.lokalis.id, roles: ['org_admin'] });
    expect(del(w, a)).toMatchObject({ ok: true });
  });

  it('by an admin: a person of another organisation is not found; one of theirs is deleted, logged with the admin and the organisation', async () => {
    const w = await world();
    const admin = await createUser(w.db, { orgId: w.orgs.ggd.id, roles: ['org_admin'] });
    const by = (orgId: number): Deleter => ({
      self: false,
      actor: { id: admin.id, isNetworkAdmin: false, adminOrgIds: [w.orgs.ggd.id] },
      orgId,
      name: 'Lotte Smit',
    });
    const ruben = await createUser(w.db, { orgId: w.orgs.lokalis.id });
    expect(del(w, ruben, by(w.orgs.lokalis.id))).toEqual({ ok: false, reason: 'not-found' });
    expect(del(w, w.sanne, by(w.orgs.ggd.id))).toMatchObject({ ok: true });
    expect(w.one(`select actor_id, actor_name, org_id, subject_count from access_log where action = 'account_deleted'`)).toEqual({
      actor_id: admin.id,
      actor_name: 'Lotte Smit',
      org_id: w.orgs.ggd.id,
      subject_count: 1,
    });
  });
});

describe('what deleting does', () => {
  it('the account row becomes an empty tombstone: a placeholder address, no reminders, deactivated and deleted now; the access log names the person’s organisation and them as subject', async () => {
    const w = await world();
    expect(del(w, w.sanne)).toEqual({ ok: true, cancelledBookings: 0, cancelledSignups: 0 });
    expect(w.one('select email, name, email_reminders, deactivated_at, deleted_at from users where id = ?', w.sanne.id)).toEqual({
      email: `deleted-${w.sanne.id}@deleted.invalid`,
      name: '',
      email_reminders: 0,
      deactivated_at: w.now.getTime(),
      deleted_at: w.now.getTime(),
    });
    expect(w.one(`select actor_id, org_id, subject_count from access_log where action = 'account_deleted'`)).toEqual({
      actor_id: w.sanne.id,
      org_id: w.orgs.ggd.id,
      subject_count: 1,
    });
    expect(w.all('select s.user_id from access_log_subjects s join access_log l on l.id = s.log_id')).toEqual([{ user_id: w.sanne.id }]);
    // Two deleted accounts do not collide on the address.
    const other = await createUser(w.db, { orgId: w.orgs.ggd.id });
    expect(del(w, other)).toMatchObject({ ok: true });
  });

  it('someone without an organisation is logged without one', async () => {
    const w = await world();
    const loner = await createUser(w.db, {});
    expect(del(w, loner)).toMatchObject({ ok: true });
    expect(w.one(`select org_id from access_log where action = 'account_deleted'`)).toEqual({ org_id: null });
  });

  it('desk bookings: future ones cancelled and counted, today’s too; bookings the person made for someone else lose the booker', async () => {
    const w = await world();
    const space = createSpace(w.db, w.orgs.cjg.id);
    const colleague = await createUser(w.db, { orgId: w.orgs.ggd.id });
    for (const date of ['2026-11-23', '2026-11-24'])
      expect(
        bookSpace(w.db, { spaceId: space.spaceId, userId: w.sanne.id, guestOrgId: w.orgs.ggd.id, date, dayparts: ['afternoon'], note: null }, w.now).ok,
      ).toBe(true);
    w.db.$client
      .prepare(
        `insert into bookings (space_id, location_id, org_id, user_id, guest_org_id, date, daypart, status, booked_by, updated_at) values (?, ?, ?, ?, ?, '2026-11-25', 'morning', 'confirmed', ?, 0)`,
      )
      .run(space.spaceId, space.locationId, w.orgs.cjg.id, colleague.id, w.orgs.ggd.id, w.sanne.id);
    expect(deletionPreview(w.db, w.sanne.id, w.self(w.sanne), w.now)).toMatchObject({ futureBookings: 2, pastBookings: 0, refusal: null });
    expect(del(w, w.sanne)).toMatchObject({ ok: true, cancelledBookings: 2 });
    expect(w.all('select user_id, status, booked_by from bookings order by date')).toEqual([
      { user_id: null, status: 'cancelled', booked_by: null },
      { user_id: null, status: 'cancelled', booked_by: null },
      { user_id: colleague.id, status: 'confirmed', booked_by: null },
    ]);
  });

  it('consults: booked ones from today on are cancelled, past ones stay booked; both lose the person and the topic', async () => {
    const w = await world();
    const expert = await createUser(w.db, { orgId: w.orgs.cjg.id, roles: ['expert'] });
    const tag = createTags(w.db, ['LVB']).get('LVB');
    const book = (date: string) => {
      const hour = createHours(w.db, { expertId: expert.id, orgId: w.orgs.cjg.id, locationId: null, date, startTime: '08:00' });
      w.db.$client
        .prepare(`insert into consult_bookings (hour_id, slot, user_id, org_id, tag_id, status, created_at, updated_at) values (?, 0, ?, ?, ?, 'booked', 0, 0)`)
        .run(hour, w.sanne.id, w.orgs.ggd.id, tag);
    };
    book('2026-11-22');
    book('2026-11-23');
    expect(del(w, w.sanne)).toMatchObject({ ok: true });
    expect(w.all('select h.date, b.user_id, b.tag_id, b.status from consult_bookings b join consult_hours h on h.id = b.hour_id order by h.date')).toEqual([
      { date: '2026-11-22', user_id: null, tag_id: null, status: 'booked' },
      { date: '2026-11-23', user_id: null, tag_id: null, status: 'cancelled' },
    ]);
  });

  it('intervision: future sign-ups (registered and waiting) are cancelled and counted; a past sign-up no longer says it brought a case; the facilitator’s name leaves the change log', async () => {
    const w = await world();
    const m = makeMeeting(w.db, w.facilitator.id, w.orgs.icare.id, { minParticipants: 1, maxParticipants: 1 });
    const m2 = makeMeeting(w.db, w.facilitator.id, w.orgs.icare.id, {
      minParticipants: 1,
      maxParticipants: 1,
      startsAt: instantOf('2026-12-11', '14:00'),
      endsAt: instantOf('2026-12-11', '16:00'),
    });
    const emma = await createUser(w.db, { orgId: w.orgs.cjg.id, name: 'Emma Bakker' });
    expect(signUp(w.db, { meetingId: m2, userId: emma.id, orgId: w.orgs.cjg.id, bringsCase: false }, w.now).ok).toBe(true);
    expect(signUp(w.db, { meetingId: m, userId: w.sanne.id, orgId: w.orgs.ggd.id, bringsCase: false }, w.now).ok).toBe(true);
    expect(signUp(w.db, { meetingId: m2, userId: w.sanne.id, orgId: w.orgs.ggd.id, bringsCase: false }, w.now)).toEqual({ ok: true, status: 'waitlisted' });
    const past = pastMeeting(w, '2026-10-05', '14:00', '16:00', [{ id: w.sanne.id, orgId: w.orgs.ggd.id }]);
    w.db.$client.prepare('update registrations set brings_case = 1 where meeting_id = ?').run(past);
    expect(deletionPreview(w.db, w.sanne.id, w.self(w.sanne), w.now)).toMatchObject({ futureSignups: 2, pastSignups: 1 });
    expect(del(w, w.sanne)).toMatchObject({ ok: true, cancelledSignups: 2 });
    expect(
      w.all(
        'select meeting_id, status, queue_seq, user_id from registrations where meeting_id in (?, ?) and org_id = ? order by meeting_id',
        m,
        m2,
        w.orgs.ggd.id,
      ),
    ).toEqual([
      { meeting_id: m, status: 'cancelled', queue_seq: null, user_id: null },
      { meeting_id: m2, status: 'cancelled', queue_seq: null, user_id: null },
    ]);
    expect(w.one('select brings_case, user_id from registrations where meeting_id = ?', past)).toEqual({ brings_case: 0, user_id: null });
    // The facilitator can go once nothing is to come; the change log of the past meeting keeps the change, not who made it.
    w.db.$client.prepare(`update meetings set status = 'cancelled' where id in (?, ?)`).run(m, m2);
    expect(del(w, w.facilitator)).toMatchObject({ ok: true });
    const changes = w.all('select changed_by from attendance_changes');
    expect(changes.length).toBeGreaterThan(0);
    expect(changes.every((c) => c.changed_by === null)).toBe(true);
  });

  it('a closed group: a registered member leaving gives up the place and the group’s waiting list moves up', async () => {
    const w = await world();
    const g = makeGroup(w.db, w.facilitator.id, w.orgs.icare.id, { maxParticipants: 1, minParticipants: 1 });
    const emma = await createUser(w.db, { orgId: w.orgs.cjg.id, name: 'Emma Bakker' });
    expect(joinGroup(w.db, g, w.sanne.id, w.orgs.ggd.id, w.now)).toMatchObject({ ok: true });
    expect(joinGroup(w.db, g, emma.id, w.orgs.cjg.id, w.now)).toMatchObject({ ok: true });
    expect(groupLists(w.db, g)).toEqual({ registered: ['Sanne de Vries'], waiting: ['Emma Bakker'] });
    expect(del(w, w.sanne)).toMatchObject({ ok: true });
    expect(groupLists(w.db, g)).toEqual({ registered: ['Emma Bakker'], waiting: [] });
    expect(w.all('select count(*) as n from group_members where user_id = ?', w.sanne.id)).toEqual([{ n: 0 }]);
  });

  it('the rest goes: profile and its tags, "ik ben er vandaag", the sign-in link, invitations to the address; invitations the person sent stay without them', async () => {
    const w = await world();
    const space = createSpace(w.db, w.orgs.ggd.id);
    const tag = createTags(w.db, ['LVB']).get('LVB');
    const run = (sql: string, ...a: unknown[]) => w.db.$client.prepare(sql).run(...a);
    run(`insert into profiles (user_id, visible, show_presence, discipline, about, updated_at) values (?, 1, 1, 'jeugdarts', 'Over slaap', 0)`, w.sanne.id);
    run('insert into profile_tags (user_id, tag_id) values (?, ?)', w.sanne.id, tag);
    run(`insert into staff_presence (user_id, location_id, date, created_at) values (?, ?, '2026-11-23', 0)`, w.sanne.id, space.locationId);
    run(`insert into user_identities (issuer, subject, user_id, org_id, created_at) values ('https://idp.example', 'abc', ?, ?, 0)`, w.sanne.id, w.orgs.ggd.id);
    run(
      `insert into invitations (org_id, email, role, token_hash, expires_at, created_at) values (?, 'sanne@example.test', 'member', 'h1', 0, 0)`,
      w.orgs.cjg.id,
    );
    run(
      `insert into invitations (org_id, email, role, token_hash, invited_by, expires_at, created_at) values (?, 'nieuw@example.test', 'member', 'h2', ?, 0, 0)`,
      w.orgs.ggd.id,
      w.sanne.id,
    );
    expect(del(w, w.sanne)).toMatchObject({ ok: true });
    for (const table of ['profiles', 'profile_tags', 'staff_presence', 'user_identities'])
      expect(w.one<{ n: number }>(`select count(*) as n from ${table} where user_id = ?`, w.sanne.id).n, table).toBe(0);
    expect(w.all('select email, invited_by from invitations')).toEqual([{ email: 'nieuw@example.test', invited_by: null }]);
  });

  it('the preview counts: today’s booking is to come, yesterday’s is past, a cancelled one neither; a meeting starting now is past; statements', async () => {
    const w = await world();
    const space = createSpace(w.db, w.orgs.cjg.id);
    const ins = (date: string, status: string) =>
      w.db.$client
        .prepare(
          `insert into bookings (space_id, location_id, org_id, user_id, guest_org_id, date, daypart, status, updated_at) values (?, ?, ?, ?, ?, ?, 'morning', ?, 0)`,
        )
        .run(space.spaceId, space.locationId, w.orgs.cjg.id, w.sanne.id, w.orgs.ggd.id, date, status);
    ins('2026-11-22', 'confirmed');
    ins('2026-11-23', 'confirmed');
    ins('2026-11-24', 'cancelled');
    const m = makeMeeting(w.db, w.facilitator.id, w.orgs.icare.id);
    expect(signUp(w.db, { meetingId: m, userId: w.sanne.id, orgId: w.orgs.ggd.id, bringsCase: false }, w.now).ok).toBe(true);
    const p = deletionPreview(w.db, w.sanne.id, w.self(w.sanne), w.now);
    expect(p).toEqual({ futureBookings: 1, futureSignups: 1, pastBookings: 1, pastSignups: 0, statements: 0, refusal: null });
    const at = instantOf('2026-12-10', '14:00');
    expect(deletionPreview(w.db, w.sanne.id, w.self(w.sanne), at)).toMatchObject({ futureSignups: 0, pastSignups: 1 });
  });
});
