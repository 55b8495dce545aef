import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { outbox, users } from '../../db/schema';
import { bookSpace } from '../../src/desks/bookings';
import { instantOf } from '../../src/lib/time';
import { countRows, createOrg, createTestApp, createUser, html, loginAs, TestClock, text, sentAttachments } from '../helpers';
import { bookingRows, createSpace, HX } from './factory';

// Booking for a colleague (issue #12, part 4, first bullet). The clock stands at Monday
// 7 December 2026, 09:00 Amsterdam.

const WED = '2026-12-09';

async function world() {
  const t = createTestApp({ clock: new TestClock(instantOf('2026-12-07', '09:00')) });
  const hostOrg = createOrg(t.db, { name: 'CJG Harderwijk' });
  const wijkteam = createOrg(t.db, { name: 'Wijkteam Harderwijk' });
  const ggd = createOrg(t.db, { name: 'GGD Noord- en Oost-Gelderland' });
  const space = createSpace(t.db, hostOrg.id, { capacity: 3 });
  const worker = await createUser(t.db, { orgId: wijkteam.id, name: 'Sanne de Vries' });
  const colleague = await createUser(t.db, { orgId: wijkteam.id, name: 'Ruben Mulder' });
  const gone = await createUser(t.db, { orgId: wijkteam.id, name: 'Oud Collega', deactivated: true });
  const stranger = await createUser(t.db, { orgId: ggd.id, name: 'Emma Bakker' });
  const host = await createUser(t.db, { orgId: hostOrg.id, roles: ['host'], name: 'Marieke Jansen' });
  const client = await loginAs(t.app, worker.email);
  const book = (body: Record<string, string>, headers: Record<string, string> = {}) =>
    client.post(`/desks/spaces/${space.spaceId}/book`, { date: WED, daypart: 'morning', ...body }, headers);
  return { t, hostOrg, wijkteam, ggd, space, worker, colleague, gone, stranger, host, client, book };
}

describe('booking for a colleague', () => {
  it('colleague: a worker picks a colleague in the search, books; the colleague is the booker of record, gets the confirmation with .ics and sees who booked it', async () => {
    const w = await world();
    const search = await html(await w.client.get(`/desks?date=${WED}&daypart=morning&for=${w.colleague.id}`));
    const options = search.querySelectorAll('select[name="for"] option').map((o) => text(o));
    expect(options).toEqual(['Voor mezelf', 'Ruben Mulder']);
    const card = search.querySelector('#desk-results form')!;
    expect(card.querySelector('input[name="for"]')!.getAttribute('value')).toBe(w.colleague.id);
    expect(text(card)).toContain('voor Ruben Mulder');

    const res = await w.book({ for: w.colleague.id });
    expect(res.status).toBe(303);
    const [row] = w.t.db.$client.prepare('select user_id, booked_by, status from bookings').all() as { user_id: string; booked_by: string; status: string }[];
    expect(row).toEqual({ user_id: w.colleague.id, booked_by: w.worker.id, status: 'confirmed' });
    const flash = text(await html(await w.client.get(res.headers.get('location')!)));
    expect(flash).toContain('Voor Ruben Mulder: ');

    const mails = w.t.db.select().from(outbox).all();
    expect(mails.map((m) => m.toAddress)).toEqual([w.colleague.email]);
    expect(sentAttachments(mails[0]!.attachments)).toContain('BEGIN:VCALENDAR');
    expect(mails[0]!.body).toContain('Geboekt door Sanne de Vries.');

    const colleague = await loginAs(w.t.app, w.colleague.email);
    expect(text(await html(await colleague.get('/bookings')))).toContain('Geboekt door Sanne de Vries');
    w.t.db.update(users).set({ locale: 'en' }).where(eq(users.id, w.colleague.id)).run();
    expect(text(await html(await (await loginAs(w.t.app, w.colleague.email)).get('/bookings')))).toContain('Booked by Sanne de Vries');
    // The booker's own bookings do not hold it (it is the colleague's); it is listed apart, as booked for Ruben.
    expect(text(await html(await w.client.get('/bookings')))).not.toContain('Geboekt door');
  });

  it('colleague: the booker finds it under "Voor collega’s geboekt" and can cancel it after confirming; the colleague is told who cancelled; nobody else can', async () => {
    const w = await world();
    expect((await w.book({ for: w.colleague.id })).status).toBe(303);
    const id = (w.t.db.$client.prepare('select id from bookings').get() as { id: number }).id;
    const list = await html(await w.client.get('/bookings'));
    const section = list.querySelector('#bookings-for-colleagues')!.parentNode!;
    expect(text(section)).toContain('Voor Ruben Mulder: wo 9 dec 2026, ochtend');
    const form = section.querySelector(`details form[action="/bookings/${id}/cancel"]`)!;
    expect(text(form)).toContain('Deze reservering van Ruben Mulder annuleren? Ruben Mulder krijgt bericht.');
    // Someone else (even of the same organisation) cannot: 404, nothing changes.
    const other = await loginAs(w.t.app, (await createUser(w.t.db, { orgId: w.wijkteam.id, name: 'Derde Collega' })).email);
    expect((await other.post(`/bookings/${id}/cancel`)).status).toBe(404);
    expect(bookingRows(w.t.db).map((b) => b.status)).toEqual(['confirmed']);
    const res = await w.client.post(`/bookings/${id}/cancel`);
    expect(res.status).toBe(303);
    expect(text((await html(await w.client.get(res.headers.get('location')!))).querySelector('[role=status]'))).toBe(
      'De reservering van Ruben Mulder is geannuleerd; Ruben Mulder krijgt bericht.',
    );
    expect(bookingRows(w.t.db).map((b) => b.status)).toEqual(['cancelled']);
    const told = w.t.db.select().from(outbox).where(eq(outbox.toAddress, w.colleague.email)).all().at(-1)!;
    expect(told.body).toContain('Geannuleerd door Sanne de Vries, die de reservering voor je maakte.');
    expect(sentAttachments(told.attachments)).toContain('METHOD:CANCEL');
    expect((await html(await w.client.get('/bookings'))).querySelector('#bookings-for-colleagues')).toBeNull();
  });

  it('colleague: the one-place-per-dagdeel rule applies to the colleague, with their name in the refusal', async () => {
    const w = await world();
    bookSpace(
      w.t.db,
      { spaceId: w.space.spaceId, userId: w.colleague.id, guestOrgId: w.wijkteam.id, date: WED, dayparts: ['morning'], note: null },
      w.t.clock.now(),
    );
    const res = await w.book({ for: w.colleague.id });
    expect(res.status).toBe(422);
    expect(text(await html(res))).toContain('Ruben Mulder heeft op dat dagdeel al een reservering.');
    expect(countRows(w.t.db, 'bookings')).toBe(1);
    // The booker themself is free that morning.
    expect((await w.book({})).status).toBe(303);
  });

  it('colleague refusals: someone of another organisation, a deactivated colleague or an unknown id → 422, nothing booked, no mail', async () => {
    const w = await world();
    for (const id of [w.stranger.id, w.gone.id, 'no-such-user', w.host.id]) {
      const res = await w.book({ for: id });
      expect(res.status, id).toBe(422);
      expect(text(await html(res))).toContain('Je kunt alleen reserveren voor een collega van je eigen organisatie met een actief account.');
      const card = await w.book({ for: id, fragment: 'card' }, HX);
      expect(card.status, id).toBe(422);
    }
    expect(countRows(w.t.db, 'bookings')).toBe(0);
    expect(countRows(w.t.db, 'outbox')).toBe(0);
    // The search does not offer them either, and ignores a forged choice.
    const search = await html(await w.client.get(`/desks?date=${WED}&daypart=morning&for=${w.stranger.id}`));
    expect(search.querySelectorAll('select[name="for"] option').map((o) => text(o))).toEqual(['Voor mezelf', 'Ruben Mulder']);
    expect(search.querySelector('#desk-results input[name="for"]')).toBeNull();
  });

  it('colleague: a host of another organisation cannot book for a guest organisation’s worker (422), and may not book its own space at all (own organisation)', async () => {
    const w = await world();
    const otherHost = await loginAs(w.t.app, (await createUser(w.t.db, { orgId: w.ggd.id, roles: ['host'] })).email);
    const res = await otherHost.post(`/desks/spaces/${w.space.spaceId}/book`, { date: WED, daypart: 'morning', for: w.colleague.id });
    expect(res.status).toBe(422);
    const ownHost = await loginAs(w.t.app, w.host.email);
    expect((await ownHost.post(`/desks/spaces/${w.space.spaceId}/book`, { date: WED, daypart: 'morning', for: w.colleague.id })).status).toBe(422);
    expect(countRows(w.t.db, 'bookings')).toBe(0);
  });

  it('colleague: deleting the booker’s account keeps the colleague’s booking (booked_by becomes empty)', async () => {
    const w = await world();
    expect((await w.book({ for: w.colleague.id })).status).toBe(303);
    w.t.db.delete(users).where(eq(users.id, w.worker.id)).run();
    expect(bookingRows(w.t.db).map((b) => [b.user_id, b.status])).toEqual([[w.colleague.id, 'confirmed']]);
    expect((w.t.db.$client.prepare('select booked_by from bookings').get() as { booked_by: string | null }).booked_by).toBeNull();
  });
});

describe('booking for a colleague: the booker’s data export', () => {
  it('colleague: the booker’s export lists the desks booked for colleagues; the colleague’s export holds the booking itself', async () => {
    const w = await world();
    expect((await w.book({ for: w.colleague.id })).status).toBe(303);
    const mine = (await (await w.client.get('/account/export.json')).json()) as {
      bookings: unknown[];
      bookedForColleagues: { colleague: string; date: string }[];
    };
    expect(mine.bookings).toEqual([]);
    expect(mine.bookedForColleagues).toEqual([expect.objectContaining({ colleague: 'Ruben Mulder', date: WED })]);
    const theirs = (await (await (await loginAs(w.t.app, w.colleague.email)).get('/account/export.json')).json()) as { bookings: { date: string }[] };
    expect(theirs.bookings.map((b) => b.date)).toEqual([WED]);
  });
});
