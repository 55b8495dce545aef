import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { bookings, consultHours, expertiseTags, outbox, profiles, users } from '../../db/schema';
import { bookSpace } from '../../src/desks/bookings';
import { addTag, saveProfile } from '../../src/people/people';
import { instantOf } from '../../src/lib/time';
import { countRows, createOrg, createTestApp, createUser, html, loginAs, TestClock, text } from '../helpers';
import { createSpace } from '../desks/factory';

// Meeting each other (issue #15, parts 1, 2 and 4): the opt-in profile, who is here, where an
// expert is. The clock stands at Wednesday 9 December 2026, 09:00 Amsterdam.

const TODAY = '2026-12-09';
const TOMORROW = '2026-12-10';

async function world() {
  const t = createTestApp({ clock: new TestClock(instantOf(TODAY, '09:00')) });
  const hostOrg = createOrg(t.db, { name: 'CJG Harderwijk' });
  const guestOrg = createOrg(t.db, { name: 'GGD Noord- en Oost-Gelderland' });
  const thirdOrg = createOrg(t.db, { name: 'Lokalis Utrecht', town: 'Utrecht' });
  const space = createSpace(t.db, hostOrg.id, { capacity: 8 });
  const other = createSpace(t.db, hostOrg.id, { town: 'Ermelo' });
  const worker = await createUser(t.db, { orgId: guestOrg.id, name: 'Sanne de Vries' });
  const ruben = await createUser(t.db, { orgId: guestOrg.id, name: 'Ruben Mulder' });
  const daan = await createUser(t.db, { orgId: thirdOrg.id, name: 'Daan de Boer' });
  const quiet = await createUser(t.db, { orgId: thirdOrg.id, name: 'Thomas Dekker' });
  const staff = await createUser(t.db, { orgId: hostOrg.id, name: 'Fatima Ouali' });
  const outsider = await createUser(t.db, { orgId: thirdOrg.id, name: 'Bram Vos' });
  const otherAdmin = await createUser(t.db, { orgId: thirdOrg.id, roles: ['org_admin'], name: 'Joost Bakker' });
  const netAdmin = await createUser(t.db, { orgId: hostOrg.id, networkAdmin: true, name: 'Ellen Visser' });
  addTag(t.db, 'Pubers');
  addTag(t.db, 'Schulden');
  const tag = (name: string) => t.db.select().from(expertiseTags).where(eq(expertiseTags.name, name)).get()!.id;
  const book = (userId: string, orgId: number, spaceId = space.spaceId, date = TODAY) => {
    const r = bookSpace(t.db, { spaceId, userId, guestOrgId: orgId, date, dayparts: ['morning'], note: null }, t.clock.now());
    if (!r.ok) throw new Error(r.reason);
  };
  const optIn = (userId: string, o: Partial<{ visible: boolean; showPresence: boolean; tags: string[] }> = {}) =>
    saveProfile(
      t.db,
      userId,
      {
        visible: o.visible ?? true,
        showPresence: o.showPresence ?? true,
        discipline: 'jeugdverpleegkundige',
        about: 'Slaap en pubers',
        tagIds: (o.tags ?? ['Pubers']).map(tag),
      },
      t.clock.now(),
    );
  return { t, hostOrg, guestOrg, thirdOrg, space, other, worker, ruben, daan, quiet, staff, outsider, otherAdmin, netAdmin, tag, book, optIn };
}

const herePath = (locationId: number, date = TODAY) => `/people/here/${locationId}/${date}`;

describe('my profile for colleagues', () => {
  it('profile: everything is off by default; saving keeps exactly what was chosen', async () => {
    const w = await world();
    const me = await loginAs(w.t.app, w.worker.email);
    const form = await html(await me.get('/people/profile'));
    expect(form.querySelector('input[name="visible"]')!.hasAttribute('checked')).toBe(false);
    expect(form.querySelector('input[name="showPresence"]')!.hasAttribute('checked')).toBe(false);
    // Never a field for case content: the only free text is the one-line "ask me about".
    expect(form.querySelectorAll('textarea')).toHaveLength(0);
    expect(form.querySelectorAll('input[type="text"], input:not([type])').map((i) => i.getAttribute('name'))).toEqual(['about']);

    const res = await me.post('/people/profile', {
      visible: 'on',
      discipline: 'gedragswetenschapper',
      about: ' Gedrag van pubers\n',
      tags: [String(w.tag('Pubers')), String(w.tag('Schulden'))],
    });
    expect(res.status).toBe(303);
    const row = w.t.db.select().from(profiles).where(eq(profiles.userId, w.worker.id)).get()!;
    expect(row).toMatchObject({ visible: true, showPresence: false, discipline: 'gedragswetenschapper', about: 'Gedrag van pubers' });
    const again = await html(await me.get('/people/profile'));
    expect(again.querySelector('input[name="visible"]')!.hasAttribute('checked')).toBe(true);
    expect(again.querySelectorAll('input[name="tags"][checked]')).toHaveLength(2);
    expect(text(again)).toContain('Je profiel is opgeslagen.');
  });

  it('profile: a line over 140 characters, an unknown discipline or a tag not on the list is refused and nothing changes', async () => {
    const w = await world();
    w.optIn(w.worker.id);
    const me = await loginAs(w.t.app, w.worker.email);
    const before = w.t.db.select().from(profiles).where(eq(profiles.userId, w.worker.id)).get();
    const long = await me.post('/people/profile', { about: 'x'.repeat(141) });
    expect(long.status).toBe(422);
    expect(text(await html(long))).toContain('140');
    expect((await me.post('/people/profile', { discipline: 'tovenaar' })).status).toBe(422);
    const unknownTag = await me.post('/people/profile', { tags: '999999' });
    expect(unknownTag.status).toBe(422);
    expect(text(await html(unknownTag))).toContain('Kies expertises uit de lijst.');
    expect((await me.post('/people/profile', { tags: 'abc' })).status).toBe(422);
    // A retired tag can no longer be chosen.
    w.t.db
      .update(expertiseTags)
      .set({ active: false })
      .where(eq(expertiseTags.id, w.tag('Schulden')))
      .run();
    expect((await me.post('/people/profile', { visible: 'on', tags: String(w.tag('Schulden')) })).status).toBe(422);
    expect(w.t.db.select().from(profiles).where(eq(profiles.userId, w.worker.id)).get()).toEqual(before);
  });
});

describe('who is here', () => {
  it('who is here: a guest booked there that day sees opted-in colleagues with discipline and tags, not the ones who did not opt in, nor themselves', async () => {
    const w = await world();
    w.book(w.worker.id, w.guestOrg.id);
    w.book(w.ruben.id, w.guestOrg.id);
    w.book(w.quiet.id, w.thirdOrg.id);
    w.book(w.daan.id, w.thirdOrg.id);
    w.optIn(w.ruben.id);
    // Daan lets others see he is there, but keeps his profile to himself.
    w.optIn(w.daan.id, { visible: false, showPresence: true });
    w.optIn(w.worker.id);
    const me = await loginAs(w.t.app, w.worker.email);
    const res = await me.get(herePath(w.space.locationId));
    expect(res.status).toBe(200);
    const page = text(await html(res));
    expect(page).toContain('Ruben Mulder');
    expect(page).toContain('Jeugdverpleegkundige');
    expect(page).toContain('Pubers');
    expect(page).toContain('Spreek me aan over: Slaap en pubers');
    expect(page).toContain('Daan de Boer');
    expect(page).not.toContain('Thomas Dekker');
    expect(page).not.toContain('Sanne de Vries');
    // Daan's discipline stays hidden: only Ruben's line names one.
    expect(page.match(/Jeugdverpleegkundige/g)).toHaveLength(1);
  });

  it('who is here: without a booking there that day it is a 404, also for another day, another location or a cancelled booking', async () => {
    const w = await world();
    w.book(w.ruben.id, w.guestOrg.id);
    w.optIn(w.ruben.id);
    const outsider = await loginAs(w.t.app, w.outsider.email);
    expect((await outsider.get(herePath(w.space.locationId))).status).toBe(404);
    w.book(w.outsider.id, w.thirdOrg.id, w.space.spaceId, TOMORROW);
    w.book(w.outsider.id, w.thirdOrg.id, w.other.spaceId, TODAY);
    expect((await outsider.get(herePath(w.space.locationId))).status).toBe(404);
    expect((await outsider.get(herePath(w.space.locationId, TOMORROW))).status).toBe(200);
    // The booking for tomorrow is cancelled: that day is closed to them again.
    w.t.db.update(bookings).set({ status: 'cancelled' }).where(eq(bookings.date, TOMORROW)).run();
    expect((await outsider.get(herePath(w.space.locationId, TOMORROW))).status).toBe(404);
    for (const bad of ['/people/here/abc/2026-12-09', '/people/here/1/2026-02-30', `/people/here/999999/${TODAY}`])
      expect((await outsider.get(bad)).status).toBe(404);
    const anon = await w.t.app.request(herePath(w.space.locationId));
    expect(anon.status).toBe(303);
  });

  it('who is here: the host organisation’s staff see it without a booking; another organisation’s admin does not', async () => {
    const w = await world();
    w.book(w.ruben.id, w.guestOrg.id);
    w.optIn(w.ruben.id);
    const staff = await loginAs(w.t.app, w.staff.email);
    expect(text(await html(await staff.get(herePath(w.space.locationId))))).toContain('Ruben Mulder');
    const admin = await loginAs(w.t.app, w.otherAdmin.email);
    expect((await admin.get(herePath(w.space.locationId))).status).toBe(404);
  });

  it('who is here: switching "others may see I am here" off hides the person at once, everywhere', async () => {
    const w = await world();
    w.book(w.worker.id, w.guestOrg.id);
    w.book(w.ruben.id, w.guestOrg.id);
    w.optIn(w.ruben.id);
    const me = await loginAs(w.t.app, w.worker.email);
    expect(text(await html(await me.get(herePath(w.space.locationId))))).toContain('Ruben Mulder');
    const where = `/people/where?date=${TODAY}&what=d:jeugdverpleegkundige`;
    expect(text(await html(await me.get(where)))).toContain('1 collega');

    const ruben = await loginAs(w.t.app, w.ruben.email);
    expect((await ruben.post('/people/profile', { visible: 'on', discipline: 'jeugdverpleegkundige' })).status).toBe(303);
    expect(text(await html(await me.get(herePath(w.space.locationId))))).not.toContain('Ruben Mulder');
    expect(text(await html(await me.get(where)))).toContain('nergens iemand');
  });

  it('who is here: own staff say "ik ben er", guests see them; nobody else can, and not for a day that is over', async () => {
    const w = await world();
    w.book(w.worker.id, w.guestOrg.id);
    w.optIn(w.staff.id);
    const staff = await loginAs(w.t.app, w.staff.email);
    const page = await html(await staff.get(herePath(w.space.locationId)));
    expect(page.querySelector(`form[action="${herePath(w.space.locationId)}/presence"]`)).not.toBeNull();
    expect((await staff.post(`${herePath(w.space.locationId)}/presence`, { here: '1' })).status).toBe(303);
    const me = await loginAs(w.t.app, w.worker.email);
    const seen = text(await html(await me.get(herePath(w.space.locationId))));
    expect(seen).toContain('Fatima Ouali');
    expect(seen).toContain('medewerker van deze organisatie');

    // A guest is not staff: no form, and posting is refused without writing.
    expect((await me.get(herePath(w.space.locationId))).status).toBe(200);
    expect((await me.post(`${herePath(w.space.locationId)}/presence`, { here: '1' })).status).toBe(404);
    expect(countRows(w.t.db, 'staff_presence')).toBe(1);
    expect((await staff.post(`${herePath(w.space.locationId, '2026-12-08')}/presence`, { here: '1' })).status).toBe(422);
    expect((await staff.post(`${herePath(w.space.locationId)}/presence`, { here: 'ja' })).status).toBe(422);
    expect(countRows(w.t.db, 'staff_presence')).toBe(1);

    expect((await staff.post(`${herePath(w.space.locationId)}/presence`, { here: '0' })).status).toBe(303);
    expect(text(await html(await me.get(herePath(w.space.locationId))))).not.toContain('Fatima Ouali');
  });

  it('who is here: a gedragswetenschapper holding consult hours there that day is listed (if she allows it), and counted in "where"', async () => {
    const w = await world();
    w.book(w.worker.id, w.guestOrg.id);
    const expert = await createUser(w.t.db, { orgId: w.hostOrg.id, roles: ['expert'], name: 'Lieke Verhoeven' });
    const hours = { expertId: expert.id, orgId: w.hostOrg.id, locationId: w.space.locationId, date: TODAY, startTime: '13:00', slotMinutes: 20, slots: 4 };
    w.t.db.insert(consultHours).values(hours).run();
    const me = await loginAs(w.t.app, w.worker.email);
    expect(text(await html(await me.get(herePath(w.space.locationId))))).not.toContain('Lieke Verhoeven');
    saveProfile(w.t.db, expert.id, { visible: true, showPresence: true, discipline: 'gedragswetenschapper', about: null, tagIds: [] }, w.t.clock.now());
    expect(text(await html(await me.get(herePath(w.space.locationId))))).toContain('Lieke Verhoeven');
    expect(text(await html(await me.get(`/people/where?date=${TODAY}&what=d:gedragswetenschapper`)))).toContain('Harderwijk: 1 collega');
    // Hours that were cancelled: she is not there.
    w.t.db.update(consultHours).set({ status: 'cancelled' }).run();
    expect(text(await html(await me.get(herePath(w.space.locationId))))).not.toContain('Lieke Verhoeven');
  });

  it('who is here: linked from Mijn reserveringen, the host’s location page and the confirmation mail', async () => {
    const w = await world();
    const me = await loginAs(w.t.app, w.worker.email);
    const res = await me.post(`/desks/spaces/${w.space.spaceId}/book`, { date: TODAY, daypart: 'morning' });
    expect(res.status).toBe(303);
    const list = await html(await me.get('/bookings'));
    expect(list.querySelector(`a[href="${herePath(w.space.locationId)}"]`)).not.toBeNull();
    const mail = w.t.db.select().from(outbox).where(eq(outbox.toAddress, w.worker.email)).get()!;
    expect(mail.body).toContain(`${w.t.config.baseUrl}${herePath(w.space.locationId)}`);
    const host = await createUser(w.t.db, { orgId: w.hostOrg.id, roles: ['host'] });
    const hostPage = await html(await (await loginAs(w.t.app, host.email)).get(`/host/locations/${w.space.locationId}`));
    expect(hostPage.querySelector(`a[href="${herePath(w.space.locationId)}"]`)).not.toBeNull();
  });
});

describe('where is an expert: counts, never names', () => {
  it('where: a count per location for a discipline or a tag, only of people who opted in, without a single name', async () => {
    const w = await world();
    w.book(w.ruben.id, w.guestOrg.id);
    w.book(w.daan.id, w.thirdOrg.id);
    w.optIn(w.ruben.id);
    w.optIn(w.daan.id, { visible: false });
    const me = await loginAs(w.t.app, w.worker.email);
    const res = await me.get(`/people/where?date=${TODAY}&what=t:${w.tag('Pubers')}`);
    expect(res.status).toBe(200);
    const page = text(await html(res));
    expect(page).toContain('Locatie Harderwijk, Harderwijk: 1 collega');
    expect(page).not.toContain('Ruben');
    expect(page).not.toContain('Daan');
    // Tomorrow nobody is there.
    expect(text(await html(await me.get(`/people/where?date=${TOMORROW}&what=d:jeugdverpleegkundige`)))).toContain('nergens iemand');
  });

  it('where: a location shared with a list of organisations counts only for them', async () => {
    const w = await world();
    const closed = createSpace(w.t.db, w.hostOrg.id, { sharing: 'list', sharedWith: [w.guestOrg.id], town: 'Nunspeet' });
    w.book(w.ruben.id, w.guestOrg.id, closed.spaceId);
    w.optIn(w.ruben.id);
    const guest = await loginAs(w.t.app, w.worker.email);
    expect(text(await html(await guest.get(`/people/where?date=${TODAY}&what=d:jeugdverpleegkundige`)))).toContain('Nunspeet: 1 collega');
    const outsider = await loginAs(w.t.app, w.outsider.email);
    expect(text(await html(await outsider.get(`/people/where?date=${TODAY}&what=d:jeugdverpleegkundige`)))).not.toContain('Nunspeet');
  });

  it('where: a bad date or choice is a 422 with the form again', async () => {
    const w = await world();
    const me = await loginAs(w.t.app, w.worker.email);
    for (const q of ['date=2026-13-01&what=d:jeugdarts', `date=${TODAY}&what=d:tovenaar`, `date=${TODAY}&what=t:abc`, `date=${TODAY}`]) {
      const res = await me.get(`/people/where?${q}`);
      expect(res.status, q).toBe(422);
      expect((await html(res)).querySelector('form[action="/people/where"]')).not.toBeNull();
    }
    // Without a question: the form, with tomorrow filled in.
    const blank = await html(await me.get('/people/where'));
    expect(blank.querySelector('input[name="date"]')!.getAttribute('value')).toBe(TOMORROW);
  });

  it('names of present people appear neither in the desk search nor in Inzicht', async () => {
    const w = await world();
    // Daan is of another organisation than the searcher (colleagues are offered by name to book for).
    w.book(w.daan.id, w.thirdOrg.id);
    w.optIn(w.daan.id);
    const me = await loginAs(w.t.app, w.worker.email);
    const search = text(await html(await me.get(`/desks?date=${TODAY}&daypart=morning&town=Harderwijk`)));
    expect(search).toContain('Locatie Harderwijk');
    expect(search).not.toContain('Daan');
    const admin = await loginAs(w.t.app, w.netAdmin.email);
    const insight = await admin.get('/insight');
    expect(insight.status).toBe(200);
    expect(text(await html(insight))).not.toContain('Daan');
  });
});

describe('the opt-in state is nobody else’s business', () => {
  it('an organisation admin, of another organisation or the person’s own, never sees whether someone opted in', async () => {
    const w = await world();
    w.optIn(w.ruben.id);
    const own = await createUser(w.t.db, { orgId: w.guestOrg.id, roles: ['org_admin'] });
    for (const email of [own.email, w.otherAdmin.email]) {
      const admin = await loginAs(w.t.app, email);
      const members = await admin.get(`/org/${w.guestOrg.id}/members`);
      if (members.status === 200) expect(text(await html(members))).not.toMatch(/Slaap en pubers|profiel voor collega/i);
      else expect([403, 404]).toContain(members.status);
      // Their own profile page shows their own state, never Ruben's.
      const mine = await html(await admin.get('/people/profile'));
      expect(mine.querySelector('input[name="visible"]')!.hasAttribute('checked')).toBe(false);
    }
  });
});

describe('the network’s list of expertise', () => {
  it('tags: a network admin adds (not twice, in any case) and retires a tag; a retired tag is no longer offered', async () => {
    const w = await world();
    const admin = await loginAs(w.t.app, w.netAdmin.email);
    expect((await admin.post('/people/tags', { name: 'Huiselijk geweld' })).status).toBe(303);
    const twice = await admin.post('/people/tags', { name: 'huiselijk GEWELD' });
    expect(twice.status).toBe(409);
    expect(text(await html(twice))).toContain('Deze expertise staat al in de lijst.');
    expect((await admin.post('/people/tags', { name: '   ' })).status).toBe(422);
    expect((await admin.post('/people/tags', { name: 'x'.repeat(61) })).status).toBe(422);
    expect(countRows(w.t.db, 'expertise_tags')).toBe(3);

    const id = w.tag('Huiselijk geweld');
    expect((await admin.post(`/people/tags/${id}/retire`)).status).toBe(303);
    const worker = await loginAs(w.t.app, w.worker.email);
    expect(text(await html(await worker.get('/people/profile')))).not.toContain('Huiselijk geweld');
    expect((await admin.post(`/people/tags/${id}/restore`)).status).toBe(303);
    expect(text(await html(await worker.get('/people/profile')))).toContain('Huiselijk geweld');
    expect((await admin.post('/people/tags/999999/retire')).status).toBe(404);
  });

  it('tags: anyone who is not a network admin gets 403 and nothing changes', async () => {
    const w = await world();
    for (const email of [w.worker.email, w.otherAdmin.email]) {
      const c = await loginAs(w.t.app, email);
      expect((await c.get('/people/tags')).status).toBe(403);
      expect((await c.post('/people/tags', { name: 'LVB' })).status).toBe(403);
      expect((await c.post(`/people/tags/${w.tag('Pubers')}/retire`)).status).toBe(403);
    }
    expect(countRows(w.t.db, 'expertise_tags')).toBe(2);
    expect(w.t.db.select().from(expertiseTags).where(eq(expertiseTags.active, false)).all()).toHaveLength(0);
  });
});

describe('in English', () => {
  it('the who-is-here page and the profile speak English to an English-speaking user', async () => {
    const w = await world();
    w.book(w.worker.id, w.guestOrg.id);
    w.t.db.update(users).set({ locale: 'en' }).where(eq(users.id, w.worker.id)).run();
    const me = await loginAs(w.t.app, w.worker.email);
    expect(text(await html(await me.get(herePath(w.space.locationId))))).toContain('Who is at');
    expect(text(await html(await me.get('/people/profile')))).toContain('What you may ask me about');
  });
});
