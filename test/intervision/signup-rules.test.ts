import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { intervisionGroups, meetings, registrations } from '../../db/schema';
import { cancelRegistration, removeParticipant, signUp } from '../../src/intervision/registrations';
import { countRows } from '../helpers';
import { DEFAULT_MEETING, makeMeeting, mailsTo, network } from './fixtures';
import { createUser } from '../helpers';

/**
 * Sign-up and cancellation refusals, each by name, at the domain function (issue 11: a test per
 * rule that fails when the rule breaks; these killed the surviving mutants of docs/quality.md).
 * A refusal writes nothing.
 */
describe('sign-up: every refusal by its reason, and nothing written', () => {
  it('not found for an organisation that may not see it, cancelled, part of a closed group, not yet open, closed, already in, removed', async () => {
    const n = await network();
    const { db, orgs, facilitator } = n;
    const p = await createUser(db, { orgId: orgs.ggd.id });
    const opens = DEFAULT_MEETING().signupOpensAt;
    const closes = DEFAULT_MEETING().signupClosesAt;
    const at = new Date(opens.getTime() + 60_000);
    const sign = (meetingId: number, when = at, orgId = orgs.ggd.id, userId = p.id) => signUp(db, { meetingId, userId, orgId, bringsCase: false }, when);

    const listed = makeMeeting(db, facilitator.id, orgs.icare.id, { visibility: 'list', visibleOrgIds: [orgs.cjg.id] });
    expect(sign(listed)).toEqual({ ok: false, reason: 'not-found' });
    expect(sign(999_999)).toEqual({ ok: false, reason: 'not-found' });

    const cancelled = makeMeeting(db, facilitator.id, orgs.icare.id);
    db.update(meetings).set({ status: 'cancelled' }).where(eq(meetings.id, cancelled)).run();
    expect(sign(cancelled)).toEqual({ ok: false, reason: 'cancelled' });

    const group = db
      .insert(intervisionGroups)
      .values({ orgId: orgs.icare.id, facilitatorId: facilitator.id, title: 'Vaste groep', closed: true, cadenceWeeks: 2, count: 2, createdAt: at })
      .returning()
      .get();
    const inGroup = makeMeeting(db, facilitator.id, orgs.icare.id, { groupId: group.id } as never);
    expect(sign(inGroup)).toEqual({ ok: false, reason: 'closed-group' });
    // An open group's meeting takes sign-ups like any other.
    const openGroup = db
      .insert(intervisionGroups)
      .values({ orgId: orgs.icare.id, facilitatorId: facilitator.id, title: 'Open groep', closed: false, cadenceWeeks: 2, count: 2, createdAt: at })
      .returning()
      .get();
    const inOpenGroup = makeMeeting(db, facilitator.id, orgs.icare.id, { groupId: openGroup.id } as never);
    expect(sign(inOpenGroup)).toEqual({ ok: true, status: 'registered' });

    const m = makeMeeting(db, facilitator.id, orgs.icare.id, { maxParticipants: 1, minParticipants: 1 });
    expect(sign(m, new Date(opens.getTime() - 1))).toEqual({ ok: false, reason: 'not-open' });
    expect(sign(m, closes)).toEqual({ ok: false, reason: 'closed' });
    const before = countRows(db, 'registrations');
    expect(countRows(db, 'outbox')).toBe(1); // only the open group's sign-up was confirmed
    expect(sign(m, opens)).toEqual({ ok: true, status: 'registered' });
    expect(sign(m)).toEqual({ ok: false, reason: 'already' });
    const q = await createUser(db, { orgId: orgs.cjg.id });
    expect(sign(m, at, orgs.cjg.id, q.id)).toEqual({ ok: true, status: 'waitlisted' });
    expect(sign(m, at, orgs.cjg.id, q.id)).toEqual({ ok: false, reason: 'already' });
    expect(countRows(db, 'registrations')).toBe(before + 2);

    const mine = db
      .select()
      .from(registrations)
      .where(eq(registrations.userId, p.id))
      .all()
      .find((r) => r.meetingId === m)!;
    const meeting = db.select().from(meetings).where(eq(meetings.id, m)).get()!;
    expect(removeParticipant(db, meeting, mine.id, at, '')).toBe(true);
    expect(removeParticipant(db, meeting, mine.id, at, '')).toBe(false);
    expect(sign(m)).toEqual({ ok: false, reason: 'removed' });
  });

  it('the confirmation says registered or waiting (with the place on the list), to the person who signed up', async () => {
    const n = await network();
    const { db, orgs, facilitator } = n;
    const m = makeMeeting(db, facilitator.id, orgs.icare.id, { maxParticipants: 1, minParticipants: 1, title: 'Balint' });
    const at = new Date(DEFAULT_MEETING().signupOpensAt.getTime() + 60_000);
    const a = await createUser(db, { orgId: orgs.ggd.id });
    const b = await createUser(db, { orgId: orgs.cjg.id });
    const c = await createUser(db, { orgId: orgs.lokalis.id });
    for (const u of [a, b, c])
      signUp(db, { meetingId: m, userId: u.id, orgId: u === a ? orgs.ggd.id : u === b ? orgs.cjg.id : orgs.lokalis.id, bringsCase: false }, at);
    const subjects = (email: string) => mailsTo(db, email, { withSignUpAcks: true }).map((x) => x.subject);
    expect(subjects(a.email)).toHaveLength(1);
    expect(subjects(b.email)).toHaveLength(1);
    expect(subjects(a.email)[0]).not.toBe(subjects(b.email)[0]);
    const bodies = (email: string) => mailsTo(db, email, { withSignUpAcks: true }).map((x) => x.body);
    expect(bodies(b.email)[0]).toContain('op de wachtlijst, op plaats 1.');
    expect(bodies(a.email)[0]).not.toContain('wachtlijst');
    expect(bodies(c.email)[0]).toContain('op de wachtlijst, op plaats 2.');
  });
});

describe('cancellation by the participant: by reason', () => {
  it('nobody to cancel, a registered place until the cancel deadline, the waiting list until the start', async () => {
    const n = await network();
    const { db, orgs, facilitator } = n;
    const d = DEFAULT_MEETING();
    const m = makeMeeting(db, facilitator.id, orgs.icare.id, { maxParticipants: 1, minParticipants: 1 });
    const at = new Date(d.signupOpensAt.getTime() + 60_000);
    const a = await createUser(db, { orgId: orgs.ggd.id });
    const b = await createUser(db, { orgId: orgs.cjg.id });
    const stranger = await createUser(db, { orgId: orgs.cjg.id });
    signUp(db, { meetingId: m, userId: a.id, orgId: orgs.ggd.id, bringsCase: false }, at);
    signUp(db, { meetingId: m, userId: b.id, orgId: orgs.cjg.id, bringsCase: false }, at);
    expect(cancelRegistration(db, m, stranger.id, at, '')).toEqual({ ok: false, reason: 'not-found' });
    expect(cancelRegistration(db, 999_999, a.id, at, '')).toEqual({ ok: false, reason: 'not-found' });
    expect(cancelRegistration(db, m, a.id, d.cancelDeadlineAt, '')).toEqual({ ok: false, reason: 'deadline' });
    expect(cancelRegistration(db, m, b.id, new Date(d.startsAt.getTime() - 1), '')).toEqual({ ok: true, was: 'waitlisted' });
    expect(cancelRegistration(db, m, b.id, at, '')).toEqual({ ok: false, reason: 'not-found' });
    expect(cancelRegistration(db, m, a.id, new Date(d.cancelDeadlineAt.getTime() - 1), '')).toEqual({ ok: true, was: 'registered' });
  });
});
