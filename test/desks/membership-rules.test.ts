import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { memberships, users } from '../../db/schema';
import { colleagueRefusal, colleaguesOf, isHostOf, loadSpaceForRules, memberOrgIds, sharedOrgIdsOf } from '../../src/desks/rules';
import { createOrg, createTestApp, createUser } from '../helpers';
import { createSpace } from './factory';

// Whom the booking rules see as a member, a colleague, a host or a partner, read from the
// database as the booking transaction reads it.

async function world() {
  const t = createTestApp();
  const org = createOrg(t.db, { name: 'Wijkteam Harderwijk' });
  const other = createOrg(t.db, { name: 'GGD Noord- en Oost-Gelderland' });
  const third = createOrg(t.db, { name: 'Lokalis Utrecht' });
  const sanne = await createUser(t.db, { orgId: org.id, name: 'Sanne de Vries' });
  const aylin = await createUser(t.db, { orgId: org.id, name: 'Aylin Demir', roles: ['host', 'org_admin'] });
  const ruben = await createUser(t.db, { orgId: org.id, name: 'Ruben Mulder' });
  const gone = await createUser(t.db, { orgId: org.id, name: 'Bert Vertrokken', deactivated: true });
  const emma = await createUser(t.db, { orgId: other.id, name: 'Emma Bakker', roles: ['host'] });
  return { t, org, other, third, sanne, aylin, ruben, gone, emma };
}

describe('membership: the organisations a person may book on behalf of', () => {
  it('membership: every organisation of the person, once, however many roles they have there', async () => {
    const w = await world();
    w.t.db.insert(memberships).values({ userId: w.aylin.id, orgId: w.other.id, role: 'member' }).run();
    expect(memberOrgIds(w.t.db, w.aylin.id).sort()).toEqual([w.org.id, w.other.id].sort());
    expect(memberOrgIds(w.t.db, w.sanne.id)).toEqual([w.org.id]);
  });
});

describe('hosts: who may act as host of an organisation', () => {
  it('host: a member with the host role of that organisation; not a plain member, not a host of another organisation', async () => {
    const w = await world();
    expect(isHostOf(w.t.db, w.aylin.id, w.org.id)).toBe(true);
    expect(isHostOf(w.t.db, w.sanne.id, w.org.id)).toBe(false);
    expect(isHostOf(w.t.db, w.emma.id, w.org.id)).toBe(false);
    expect(isHostOf(w.t.db, w.emma.id, w.other.id)).toBe(true);
  });
});

describe('booking for a colleague: who counts as a colleague', () => {
  it('colleagues: the active members of the organisation, by name; a deactivated account and another organisation’s people are not listed', async () => {
    const w = await world();
    expect(colleaguesOf(w.t.db, w.org.id).map((c) => c.name)).toEqual(['Aylin Demir', 'Ruben Mulder', 'Sanne de Vries']);
    expect(colleaguesOf(w.t.db, w.org.id, w.ruben.id)).toEqual([{ id: w.ruben.id, name: 'Ruben Mulder' }]);
    expect(colleaguesOf(w.t.db, w.org.id, w.gone.id)).toEqual([]);
    expect(colleaguesOf(w.t.db, w.org.id, w.emma.id)).toEqual([]);
  });
  it('not a colleague: booking for yourself needs no colleague, whatever organisation is given', async () => {
    const w = await world();
    expect(colleagueRefusal(w.t.db, w.sanne.id, w.sanne.id, null)).toBeNull();
    expect(colleagueRefusal(w.t.db, w.sanne.id, w.sanne.id, w.other.id)).toBeNull();
  });
  it('not a colleague: a fellow member with an active account is; the booker must belong to the organisation named', async () => {
    const w = await world();
    expect(colleagueRefusal(w.t.db, w.sanne.id, w.ruben.id, w.org.id)).toBeNull();
    // Emma is not a member of the Wijkteam, Ruben is: Emma cannot book for him on its behalf.
    expect(colleagueRefusal(w.t.db, w.emma.id, w.ruben.id, w.org.id)).toBe('not_colleague');
    expect(colleagueRefusal(w.t.db, w.sanne.id, w.ruben.id, null)).toBe('not_colleague');
    // Both in the Wijkteam, but the organisation named is one only Emma belongs to.
    expect(colleagueRefusal(w.t.db, w.sanne.id, w.ruben.id, w.other.id)).toBe('not_colleague');
  });
  it('not a colleague: a deactivated account, or someone of another organisation', async () => {
    const w = await world();
    expect(colleagueRefusal(w.t.db, w.sanne.id, w.gone.id, w.org.id)).toBe('not_colleague');
    expect(colleagueRefusal(w.t.db, w.sanne.id, w.emma.id, w.org.id)).toBe('not_colleague');
    w.t.db.update(users).set({ deactivatedAt: null }).where(eq(users.id, w.gone.id)).run();
    expect(colleagueRefusal(w.t.db, w.sanne.id, w.gone.id, w.org.id)).toBeNull();
  });
});

describe('sharing: the partner organisations a location admits', () => {
  it('sharing list: the organisations on the location’s list, and only that location’s', async () => {
    const w = await world();
    const listed = createSpace(w.t.db, w.org.id, { sharing: 'list', sharedWith: [w.other.id, w.third.id] });
    const elsewhere = createSpace(w.t.db, w.org.id, { sharing: 'list', sharedWith: [w.third.id] });
    expect(sharedOrgIdsOf(w.t.db, listed.locationId).sort()).toEqual([w.other.id, w.third.id].sort());
    expect(sharedOrgIdsOf(w.t.db, elsewhere.locationId)).toEqual([w.third.id]);
    expect(loadSpaceForRules(w.t.db, elsewhere.spaceId)).toMatchObject({ id: elsewhere.spaceId, sharing: 'list', sharedOrgIds: [w.third.id] });
    expect(loadSpaceForRules(w.t.db, 999_999)).toBeUndefined();
  });
});
