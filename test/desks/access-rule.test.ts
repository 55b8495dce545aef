import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { bookings, locations, memberships, spaces, type Sharing } from '../../db/schema';
import { bookSpace } from '../../src/desks/bookings';
import { getVisibleSpace, searchSpaces } from '../../src/desks/desks';
import { accessRefusal, loadSpaceForRules, mayBook, maySee, type Guest } from '../../src/desks/rules';
import { createOrg, createTestApp, createUser } from '../helpers';
import { createSpace } from './factory';

// "May this person see / book this space" is defined once, in accessRefusal (rules.ts). The search
// repeats it as SQL for speed. This test runs every combination through the function and through
// each path that applies it — the search SQL, getVisibleSpace (→ 404 or the page) and bookSpace —
// and requires the same answer, so changing either copy alone fails here.

const TOMORROW = '2026-11-24'; // a Tuesday within the horizon; the test clock stands on Monday

type ShareMode = 'all' | 'list with the guest org' | 'list without the guest org';
type Person = { label: string; orgs: ('G' | 'G2' | 'H')[]; as: 'G' | 'G2' | 'H' | null };

const SHARE_MODES: ShareMode[] = ['all', 'list with the guest org', 'list without the guest org'];
const PEOPLE: Person[] = [
  { label: 'guest of G', orgs: ['G'], as: 'G' },
  { label: 'own staff (member of the host org)', orgs: ['H'], as: 'H' },
  { label: 'no organisation', orgs: [], as: null },
  { label: 'several memberships, booking as G', orgs: ['G', 'G2'], as: 'G' },
  { label: 'several memberships, booking as G2', orgs: ['G', 'G2'], as: 'G2' },
  { label: 'own staff who also works for G, booking as G', orgs: ['G', 'H'], as: 'G' },
  { label: 'asks to book as an organisation they do not belong to', orgs: ['G'], as: 'G2' },
];

describe('access rule: one predicate, the same answer on every path', () => {
  it('access: search SQL, space page and booking agree with accessRefusal/maySee for every combination of sharing, archived, active and person', async () => {
    const t = createTestApp();
    const org = { H: createOrg(t.db, { name: 'Host' }), G: createOrg(t.db, { name: 'Gast' }), G2: createOrg(t.db, { name: 'Gast 2' }) };
    const people = await Promise.all(
      PEOPLE.map(async (p) => {
        const u = await createUser(t.db, {});
        for (const o of p.orgs) t.db.insert(memberships).values({ userId: u.id, orgId: org[o].id, role: 'member' }).run();
        return { ...p, id: u.id, orgIds: p.orgs.map((o) => org[o].id), asOrgId: p.as === null ? null : org[p.as].id };
      }),
    );

    const verdicts = { book: 0, refuse: 0, seeOnly: 0 };
    for (const mode of SHARE_MODES)
      for (const archived of [false, true])
        for (const active of [true, false]) {
          const space = createSpace(t.db, org.H.id, { sharing: mode === 'all' ? 'all' : 'list', capacity: 50 });
          t.db.update(spaces).set({ active }).where(eq(spaces.id, space.spaceId)).run();
          if (archived) t.db.update(locations).set({ archivedAt: t.clock.now() }).where(eq(locations.id, space.locationId)).run();

          for (const p of people) {
            // The share list is about the organisation the person books on behalf of.
            const listed =
              mode === 'list with the guest org' ? p.asOrgId : mode === 'list without the guest org' ? (p.asOrgId === org.G2.id ? org.G.id : org.G2.id) : null;
            replaceShares(t, space.locationId, listed === null ? [] : [listed]);
            const access = loadSpaceForRules(t.db, space.spaceId)!;
            const label = `${mode}, ${archived ? 'archived' : 'open'} location, ${active ? 'active' : 'inactive'} space, ${p.label}`;
            const guest: Guest = { orgIds: p.orgIds, asOrgId: p.asOrgId };
            const book = mayBook(access, guest);
            const see = maySee(access, guest);
            verdicts[book ? 'book' : see ? 'seeOnly' : 'refuse']++;

            const viewer = { userId: p.id, userOrgIds: p.orgIds, guestOrgId: p.asOrgId };
            const found = searchSpaces(t.db, { date: TOMORROW, town: null, amenities: [], host: null, spaceId: space.spaceId }, viewer, t.clock.now()).rows;
            expect(found.length === 1, `search SQL: ${label}`).toBe(book);

            expect(getVisibleSpace(t.db, space.spaceId, p.orgIds, p.asOrgId) !== undefined, `space page: ${label}`).toBe(see);

            const r = bookSpace(
              t.db,
              { spaceId: space.spaceId, userId: p.id, guestOrgId: p.asOrgId, date: TOMORROW, dayparts: ['morning'], note: null },
              t.clock.now(),
            );
            expect(r.ok, `booking: ${label}`).toBe(book);
            if (!r.ok) expect(r.reason, `booking: ${label}`).toBe(accessRefusal(access, guest));
            t.db.update(bookings).set({ status: 'cancelled' }).run();
          }
        }
    // Every kind of answer occurs, so no path passes by answering the same thing always.
    expect(verdicts.book).toBeGreaterThanOrEqual(4);
    expect(verdicts.seeOnly).toBeGreaterThanOrEqual(12);
    expect(verdicts.refuse).toBeGreaterThanOrEqual(40);
    expect(verdicts.book + verdicts.seeOnly + verdicts.refuse).toBe(SHARE_MODES.length * 2 * 2 * PEOPLE.length);
  });

  it('access: the predicate’s answers for the plain cases (a guest, own staff, no organisation) match the product rules', () => {
    const open = { orgId: 1, active: true, archivedAt: null, sharing: 'all' as Sharing, sharedOrgIds: [] };
    expect(accessRefusal(open, { orgIds: [2], asOrgId: 2 })).toBeNull();
    expect(accessRefusal(open, { orgIds: [1], asOrgId: 1 })).toBe('own_org');
    expect(accessRefusal(open, { orgIds: [2, 1], asOrgId: 2 })).toBe('own_org');
    expect(accessRefusal(open, { orgIds: [], asOrgId: null })).toBe('no_org');
    expect(accessRefusal(open, { orgIds: [2], asOrgId: 3 })).toBe('no_org');
    expect(accessRefusal({ ...open, active: false }, { orgIds: [2], asOrgId: 2 })).toBe('inactive');
    expect(accessRefusal({ ...open, archivedAt: new Date() }, { orgIds: [2], asOrgId: 2 })).toBe('inactive');
    expect(accessRefusal({ ...open, sharing: 'list', sharedOrgIds: [3] }, { orgIds: [2, 3], asOrgId: 2 })).toBe('not_shared');
    expect(accessRefusal({ ...open, sharing: 'list', sharedOrgIds: [3] }, { orgIds: [2, 3], asOrgId: 3 })).toBeNull();
    // Own staff may look at an inactive space of their own organisation; others may not.
    expect(maySee({ ...open, active: false }, { orgIds: [1], asOrgId: 1 })).toBe(true);
    expect(maySee({ ...open, active: false }, { orgIds: [2], asOrgId: 2 })).toBe(false);
  });
});

function replaceShares(t: ReturnType<typeof createTestApp>, locationId: number, orgIds: readonly number[]) {
  t.db.$client.prepare('delete from location_shares where location_id = ?').run(locationId);
  for (const id of orgIds) t.db.$client.prepare('insert into location_shares (location_id, org_id) values (?, ?)').run(locationId, id);
}
