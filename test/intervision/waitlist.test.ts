import { describe, expect, it } from 'vitest';
import { countRows, html, text } from '../helpers';
import { groupLists, lists, mailsTo, makeGroup, makeMeeting, member, network } from './fixtures';

// The waiting-list rules of ADR 005, for a meeting and for a closed group's own list: order is the
// ticket (queue_seq) taken when joining, never the row; a freed place goes to the first who fits;
// the per-organisation maximum holds for both.

const MOVED_UP_GROUP = 'Je bent doorgeschoven in de intervisiegroep';

/**
 * Giving up a place or a waiting ticket is a disclosure first: what happens to the place, then
 * the confirming button (as cancelling a desk). The form to post sits inside the <details>.
 */
async function leaveStep(client: { get: (p: string) => Promise<Response> }, page: string, action: string) {
  const doc = await html(await client.get(page));
  const form = doc.querySelector(`main form[action="${action}"]`);
  const details = form?.parentNode;
  return {
    inDetails: details?.tagName === 'DETAILS',
    summary: text(details?.querySelector('summary')),
    says: text(form?.querySelector('p')),
    button: text(form?.querySelector('button')),
  };
}

async function signUpInTurn(ta: Awaited<ReturnType<typeof network>>, meetingId: number, people: { client: { post: (p: string) => Promise<Response> } }[]) {
  for (const p of people) {
    expect((await p.client.post(`/meetings/${meetingId}/signup`)).status).toBe(303);
    ta.clock.advance(1000);
  }
}

async function joinInTurn(ta: Awaited<ReturnType<typeof network>>, groupId: number, people: { client: { post: (p: string) => Promise<Response> } }[]) {
  for (const p of people) {
    expect((await p.client.post(`/groups/${groupId}/join`)).status).toBe(303);
    ta.clock.advance(1000);
  }
}

describe('meeting waiting list', () => {
  it('waiting list: leaving and rejoining goes to the back (the old row is reused, its place is not)', async () => {
    const ta = await network();
    const { db, orgs, facilitator } = ta;
    const id = makeMeeting(db, facilitator.id, orgs.icare.id, { maxParticipants: 1, minParticipants: 1 });
    const a = await member(ta, orgs.ggd.id, 'A');
    const w1 = await member(ta, orgs.cjg.id, 'W1');
    const w2 = await member(ta, orgs.lokalis.id, 'W2');
    await signUpInTurn(ta, id, [a, w1, w2]);
    expect(lists(db, id).waiting).toEqual(['W1', 'W2']);
    expect(await leaveStep(w1.client, `/meetings/${id}`, `/meetings/${id}/cancel-registration`)).toEqual({
      inDetails: true,
      summary: 'Van de wachtlijst af',
      says: 'Weet je het zeker? Wie zich later opnieuw aanmeldt, sluit achteraan de wachtlijst aan.',
      button: 'Ja, van de wachtlijst af',
    });
    expect(await leaveStep(a.client, `/meetings/${id}`, `/meetings/${id}/cancel-registration`)).toMatchObject({
      inDetails: true,
      summary: 'Afmelden',
      button: 'Ja, afmelden',
    });

    expect((await w1.client.post(`/meetings/${id}/cancel-registration`)).status).toBe(303);
    await signUpInTurn(ta, id, [w1]);
    expect(countRows(db, 'registrations')).toBe(3); // W1's first row came back, with a new ticket
    expect(text(await html(await w2.client.get(`/meetings/${id}`)))).toContain('Je staat op de wachtlijst, op plaats 1.');
    expect(text(await html(await w1.client.get(`/meetings/${id}`)))).toContain('Je staat op de wachtlijst, op plaats 2.');

    expect((await a.client.post(`/meetings/${id}/cancel-registration`)).status).toBe(303);
    expect(lists(db, id)).toEqual({ registered: ['W2'], waiting: ['W1'] });
    expect(mailsTo(db, w2.email).map((m) => m.subject)).toEqual(['Je bent doorgeschoven: Intervisie jeugdverpleegkundigen']);
    expect(mailsTo(db, w1.email)).toHaveLength(0);
  });
});

describe('closed group waiting list', () => {
  it('group waiting list: leaving and rejoining goes to the back (the old row is reused, its place is not)', async () => {
    const ta = await network();
    const { db, orgs, facilitator } = ta;
    const groupId = makeGroup(db, facilitator.id, orgs.icare.id, { maxParticipants: 1, minParticipants: 1 });
    const a = await member(ta, orgs.ggd.id, 'A');
    const w1 = await member(ta, orgs.cjg.id, 'W1');
    const w2 = await member(ta, orgs.lokalis.id, 'W2');
    await joinInTurn(ta, groupId, [a, w1, w2]);
    expect(groupLists(db, groupId).waiting).toEqual(['W1', 'W2']);
    for (const who of [a, w1])
      expect(await leaveStep(who.client, `/groups/${groupId}`, `/groups/${groupId}/leave`)).toEqual({
        inDetails: true,
        summary: 'Groep verlaten',
        says: 'Weet je het zeker? Je plaats gaat direct naar wie na je komt; wil je later terug, dan sluit je achteraan de wachtlijst aan.',
        button: 'Ja, groep verlaten',
      });

    expect((await w1.client.post(`/groups/${groupId}/leave`)).status).toBe(303);
    await joinInTurn(ta, groupId, [w1]);
    expect(countRows(db, 'group_members')).toBe(3);
    expect(text(await html(await w2.client.get(`/groups/${groupId}`)))).toContain('op de wachtlijst van de groep, op plaats 1');
    expect(text(await html(await w1.client.get(`/groups/${groupId}`)))).toContain('op de wachtlijst van de groep, op plaats 2');

    expect((await a.client.post(`/groups/${groupId}/leave`)).status).toBe(303);
    expect(groupLists(db, groupId)).toEqual({ registered: ['W2'], waiting: ['W1'] });
    expect(mailsTo(db, w2.email)[0]?.subject).toContain(MOVED_UP_GROUP);
    expect(mailsTo(db, w1.email)).toHaveLength(0);
  });

  it('closed group: its waiting list moves up first come, first served (in the group and in each of its meetings)', async () => {
    const ta = await network();
    const { db, orgs, facilitator } = ta;
    const groupId = makeGroup(db, facilitator.id, orgs.icare.id, { maxParticipants: 1, minParticipants: 1 });
    const a = await member(ta, orgs.ggd.id, 'A');
    const w1 = await member(ta, orgs.cjg.id, 'W1');
    const w2 = await member(ta, orgs.lokalis.id, 'W2');
    const w3 = await member(ta, orgs.ggd.id, 'W3');
    await joinInTurn(ta, groupId, [a, w1, w2, w3]);
    expect(groupLists(db, groupId)).toEqual({ registered: ['A'], waiting: ['W1', 'W2', 'W3'] });
    const meetingIds = (db.$client.prepare('select id from meetings where group_id = ? order by starts_at').all(groupId) as { id: number }[]).map((r) => r.id);
    expect(meetingIds).toHaveLength(2);

    await a.client.post(`/groups/${groupId}/leave`);
    expect(groupLists(db, groupId)).toEqual({ registered: ['W1'], waiting: ['W2', 'W3'] });
    for (const m of meetingIds) expect(lists(db, m).registered).toEqual(['W1']);
    await w1.client.post(`/groups/${groupId}/leave`);
    expect(groupLists(db, groupId)).toEqual({ registered: ['W2'], waiting: ['W3'] });
    for (const m of meetingIds) expect(lists(db, m).registered).toEqual(['W2']);
    expect(mailsTo(db, w1.email)[0]?.subject).toContain(MOVED_UP_GROUP);
    expect(mailsTo(db, w2.email)[0]?.subject).toContain(MOVED_UP_GROUP);
    expect(mailsTo(db, w3.email)).toHaveLength(0);
  });

  it('closed group: the per-organisation maximum holds (a full organisation waits while places are free; the list skips it, keeping its place)', async () => {
    const ta = await network();
    const { db, orgs, facilitator } = ta;
    const groupId = makeGroup(db, facilitator.id, orgs.icare.id, { maxParticipants: 3, minParticipants: 1, maxPerOrg: 1 });
    const g1 = await member(ta, orgs.ggd.id, 'G1');
    const g2 = await member(ta, orgs.ggd.id, 'G2');
    const c1 = await member(ta, orgs.cjg.id, 'C1');
    const l1 = await member(ta, orgs.lokalis.id, 'L1');
    const c2 = await member(ta, orgs.cjg.id, 'C2');
    await joinInTurn(ta, groupId, [g1, g2]);
    // Two places are free, but GGD has its one.
    expect(groupLists(db, groupId)).toEqual({ registered: ['G1'], waiting: ['G2'] });
    await joinInTurn(ta, groupId, [c1, l1, c2]);
    expect(groupLists(db, groupId)).toEqual({ registered: ['C1', 'G1', 'L1'], waiting: ['G2', 'C2'] });

    // C1 leaves: G2 is first, but GGD is still full → C2 moves up; G2 keeps first place.
    await c1.client.post(`/groups/${groupId}/leave`);
    expect(groupLists(db, groupId)).toEqual({ registered: ['C2', 'G1', 'L1'], waiting: ['G2'] });
    expect(text(await html(await g2.client.get(`/groups/${groupId}`)))).toContain('op de wachtlijst van de groep, op plaats 1');
    expect(mailsTo(db, g2.email)).toHaveLength(0);
    // A GGD place frees: G2 moves up.
    await g1.client.post(`/groups/${groupId}/leave`);
    expect(groupLists(db, groupId)).toEqual({ registered: ['C2', 'G2', 'L1'], waiting: [] });
  });

  it('closed group: the maximum itself — the last place is taken, the next person waits', async () => {
    const ta = await network();
    const { db, orgs, facilitator } = ta;
    const groupId = makeGroup(db, facilitator.id, orgs.icare.id, { maxParticipants: 2, minParticipants: 1 });
    const people = [await member(ta, orgs.ggd.id, 'P1'), await member(ta, orgs.cjg.id, 'P2'), await member(ta, orgs.lokalis.id, 'P3')];
    await joinInTurn(ta, groupId, people);
    expect(groupLists(db, groupId)).toEqual({ registered: ['P1', 'P2'], waiting: ['P3'] });
  });
});
