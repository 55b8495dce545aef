import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { bookings, expertiseTags, locations, memberships, profiles, profileTags, staffPresence, type Daypart, type Discipline } from '../../db/schema';
import { writeTx, type DB, type Queryable } from '../db';

/**
 * Meeting each other (issue #15, parts 1, 2 and 4; ADR 016). A profile is opt-in and off by
 * default; nobody without a booking at a location on a day (or the host organisation's own staff)
 * sees who is there; every read goes to the tables, so switching the opt-in off hides a person at
 * once, everywhere. Counts without names are all the search shows.
 */

// ——— Expertise tags (the network's list) ———

export function listTags(db: Queryable, opts: { all?: boolean } = {}) {
  return db
    .select({ id: expertiseTags.id, name: expertiseTags.name, active: expertiseTags.active })
    .from(expertiseTags)
    .where(opts.all ? undefined : eq(expertiseTags.active, true))
    .orderBy(asc(sql`lower(${expertiseTags.name})`))
    .all();
}

/** Adds a tag to the network's list; false when one with that name (any case) exists. */
export function addTag(db: DB, name: string): boolean {
  return writeTx(db, (tx) => {
    const exists = tx.select({ id: expertiseTags.id }).from(expertiseTags).where(sql`lower(${expertiseTags.name}) = lower(${name})`).get();
    if (exists) return false;
    tx.insert(expertiseTags).values({ name }).run();
    return true;
  });
}

/** Retires a tag or brings it back; a retired tag is no longer offered, and people keep it until they save their profile. */
export function setTagActive(db: DB, id: number, active: boolean): boolean {
  return writeTx(db, (tx) => tx.update(expertiseTags).set({ active }).where(eq(expertiseTags.id, id)).run().changes > 0);
}

// ——— My profile ———

export type Profile = { visible: boolean; showPresence: boolean; discipline: Discipline | null; about: string | null; tagIds: number[] };

export function getProfile(db: Queryable, userId: string): Profile {
  const p = db.select().from(profiles).where(eq(profiles.userId, userId)).get();
  const tagIds = db
    .select({ id: profileTags.tagId })
    .from(profileTags)
    .where(eq(profileTags.userId, userId))
    .all()
    .map((r) => r.id);
  return { visible: p?.visible ?? false, showPresence: p?.showPresence ?? false, discipline: p?.discipline ?? null, about: p?.about ?? null, tagIds };
}

export type ProfileInput = Omit<Profile, 'tagIds'> & { tagIds: number[] };

/** Saves the whole profile in one transaction; only active tags of the list are kept ('bad_tag' otherwise, nothing saved). */
export function saveProfile(db: DB, userId: string, input: ProfileInput, now: Date): { ok: true } | { ok: false; reason: 'bad_tag' } {
  return writeTx(db, (tx) => {
    const tagIds = [...new Set(input.tagIds)];
    if (tagIds.length > 0) {
      const known = tx
        .select({ id: expertiseTags.id })
        .from(expertiseTags)
        .where(and(inArray(expertiseTags.id, tagIds), eq(expertiseTags.active, true)))
        .all();
      if (known.length !== tagIds.length) return { ok: false, reason: 'bad_tag' } as const;
    }
    const row = { visible: input.visible, showPresence: input.showPresence, discipline: input.discipline, about: input.about, updatedAt: now };
    tx.insert(profiles)
      .values({ userId, ...row })
      .onConflictDoUpdate({ target: profiles.userId, set: row })
      .run();
    tx.delete(profileTags).where(eq(profileTags.userId, userId)).run();
    for (const tagId of tagIds) tx.insert(profileTags).values({ userId, tagId }).run();
    return { ok: true } as const;
  });
}

// ——— Who is here ———

/**
 * May `viewerId` see who is at a location on a date? Only someone who holds a booking there that
 * day, or the host organisation's own staff. The one rule; every "who is here" passes it.
 */
export function maySeeWhoIsHere(db: Queryable, viewerId: string, location: { id: number; orgId: number }, date: string): boolean {
  const staff = db
    .select({ one: sql`1` })
    .from(memberships)
    .where(and(eq(memberships.userId, viewerId), eq(memberships.orgId, location.orgId)))
    .get();
  if (staff) return true;
  return !!db
    .select({ one: sql`1` })
    .from(bookings)
    .where(and(eq(bookings.userId, viewerId), eq(bookings.locationId, location.id), eq(bookings.date, date), eq(bookings.status, 'confirmed')))
    .get();
}

export type PresentPerson = {
  userId: string;
  name: string;
  /** The dagdelen they hold a desk for; empty for staff who said "ik ben er vandaag". */
  dayparts: Daypart[];
  staff: boolean;
  /** Only when their profile is visible (opt-in); null otherwise. */
  discipline: Discipline | null;
  about: string | null;
  tags: string[];
};

/**
 * The people at a location on a date who allow being seen there (`show_presence`): guests with a
 * confirmed desk (a request the host has not approved is not a booking yet) and own staff who said "ik ben er vandaag"; discipline, tags and
 * the "ask me about" line only for those whose profile is visible. Null when the viewer may not
 * see it (`maySeeWhoIsHere`). The viewer is left out.
 */
/**
 * Who is at which location on a date — the one definition, for "who is here" and for "where is an
 * expert": a confirmed desk there, own staff who said "ik ben er", or open consult
 * hours there. `daypart` is null for staff and experts.
 */
const presentOn = (date: string) => sql`
  select b.user_id as user_id, b.location_id as location_id, b.daypart as daypart from bookings b
    where b.date = ${date} and b.status = 'confirmed' and b.user_id is not null
  union all
  select s.user_id, s.location_id, null from staff_presence s where s.date = ${date}
  union all
  select h.expert_id, h.location_id, null from consult_hours h where h.date = ${date} and h.status = 'open' and h.location_id is not null`;

export function whoIsHere(db: Queryable, viewerId: string, location: { id: number; orgId: number }, date: string): PresentPerson[] | null {
  if (!maySeeWhoIsHere(db, viewerId, location, date)) return null;
  // Only people who allow being seen there (`show_presence`), and never a deactivated account.
  const rows = db.all(sql`
    select here.user_id as userId, u.name as name, here.daypart as daypart
    from (${presentOn(date)}) here
    join users u on u.id = here.user_id and u.deactivated_at is null
    join profiles p on p.user_id = here.user_id and p.show_presence = 1
    where here.location_id = ${location.id}
    order by case here.daypart when 'morning' then 0 else 1 end`) as { userId: string; name: string; daypart: Daypart | null }[];
  const people = new Map<string, PresentPerson>();
  for (const r of rows) {
    const p = people.get(r.userId) ?? { userId: r.userId, name: r.name, dayparts: [], staff: true, discipline: null, about: null, tags: [] };
    // A desk makes them a guest; staff and experts without one are shown as the location's own.
    if (r.daypart) {
      p.dayparts.push(r.daypart);
      p.staff = false;
    }
    people.set(r.userId, p);
  }
  people.delete(viewerId);
  const ids = [...people.keys()];
  if (ids.length === 0) return [];
  const visible = db
    .select({ userId: profiles.userId, discipline: profiles.discipline, about: profiles.about })
    .from(profiles)
    .where(and(inArray(profiles.userId, ids), eq(profiles.visible, true)))
    .all();
  const tags = db
    .select({ userId: profileTags.userId, name: expertiseTags.name })
    .from(profileTags)
    .innerJoin(expertiseTags, eq(expertiseTags.id, profileTags.tagId))
    .where(inArray(profileTags.userId, ids))
    .orderBy(asc(expertiseTags.name))
    .all();
  for (const v of visible) {
    const p = people.get(v.userId)!;
    p.discipline = v.discipline;
    p.about = v.about;
    p.tags = tags.filter((t) => t.userId === v.userId).map((t) => t.name);
  }
  return [...people.values()].sort((a, b) => a.name.localeCompare(b.name, 'nl'));
}

/** A location as the who-is-here page needs it (any open location; the rule above decides who sees). */
export function getLocationForPresence(db: Queryable, locationId: number) {
  return db
    .select({ id: locations.id, orgId: locations.orgId, name: locations.name })
    .from(locations)
    .where(and(eq(locations.id, locationId), sql`${locations.archivedAt} is null`))
    .get();
}

/** Own staff of the location's organisation say "ik ben er" (or take it back) for a date. */
export function setStaffPresence(db: DB, userId: string, location: { id: number; orgId: number }, date: string, here: boolean): boolean {
  return writeTx(db, (tx) => {
    const staff = tx
      .select({ one: sql`1` })
      .from(memberships)
      .where(and(eq(memberships.userId, userId), eq(memberships.orgId, location.orgId)))
      .get();
    if (!staff) return false;
    if (here) tx.insert(staffPresence).values({ userId, locationId: location.id, date }).onConflictDoNothing().run();
    else
      tx.delete(staffPresence)
        .where(and(eq(staffPresence.userId, userId), eq(staffPresence.locationId, location.id), eq(staffPresence.date, date)))
        .run();
    return true;
  });
}

export function isStaffPresent(db: Queryable, userId: string, locationId: number, date: string): boolean {
  return !!db
    .select({ one: sql`1` })
    .from(staffPresence)
    .where(and(eq(staffPresence.userId, userId), eq(staffPresence.locationId, locationId), eq(staffPresence.date, date)))
    .get();
}

// ——— Where is someone with this expertise (counts only) ———

export type Expertise = { discipline: Discipline } | { tagId: number };

/**
 * Locations where, on a date, people who allow being seen there and whose visible profile has
 * this discipline or tag hold a desk or said "ik ben er": a count per location, never a name.
 */
export function whereIsExpertise(
  db: Queryable,
  date: string,
  what: Expertise,
  viewerOrgIds: number[],
): { locationId: number; location: string; town: string; people: number }[] {
  // Only locations the viewer may see at all: shared with everyone, shared with one of their organisations, or their own.
  const orgs = JSON.stringify(viewerOrgIds);
  const match =
    'discipline' in what
      ? sql`p.discipline = ${what.discipline}`
      : sql`exists (select 1 from profile_tags pt where pt.user_id = p.user_id and pt.tag_id = ${what.tagId})`;
  return db.all(sql`
    select l.id as locationId, l.name as location, l.town as town, count(distinct here.user_id) as people
    from (${presentOn(date)}) here
    join profiles p on p.user_id = here.user_id and p.visible = 1 and p.show_presence = 1
    join users u on u.id = here.user_id and u.deactivated_at is null
    join locations l on l.id = here.location_id and l.archived_at is null
    where ${match}
      and (l.sharing = 'all' or l.org_id in (select value from json_each(${orgs}))
           or exists (select 1 from location_shares ls where ls.location_id = l.id and ls.org_id in (select value from json_each(${orgs}))))
    group by l.id order by people desc, l.town, l.name
    limit 20`) as { locationId: number; location: string; town: string; people: number }[];
}
