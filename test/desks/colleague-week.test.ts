import { describe, expect, it } from 'vitest';
import { outbox } from '../../db/schema';
import { instantOf } from '../../src/lib/time';
import { countRows, createOrg, createTestApp, createUser, html, loginAs, TestClock, text } from '../helpers';
import { bookingRows, createSpace, HX } from './factory';

// Booking for a colleague from the space's week view and its recurring-booking form (issue #12,
// part 4, first bullet; the search has its own test in colleague.test.ts). The clock stands at
// Monday 7 December 2026, 09:00 Amsterdam.

const WED = '2026-12-09';

async function world() {
  const t = createTestApp({ clock: new TestClock(instantOf('2026-12-07', '09:00')) });
  const hostOrg = createOrg(t.db, { name: 'CJG Harderwijk' });
  const wijkteam = createOrg(t.db, { name: 'Wijkteam Harderwijk' });
  const ggd = createOrg(t.db, { name: 'GGD Noord- en Oost-Gelderland' });
  const space = createSpace(t.db, hostOrg.id, { capacity: 3 });
  const worker = await createUser(t.db, { orgId: wijkteam.id, name: 'Sanne de Vries' });
  const colleague = await createUser(t.db, { orgId: wijkteam.id, name: 'Ruben Mulder' });
  const stranger = await createUser(t.db, { orgId: ggd.id, name: 'Emma Bakker' });
  const client = await loginAs(t.app, worker.email);
  const spacePath = `/desks/spaces/${space.spaceId}`;
  return { t, space, worker, colleague, stranger, client, spacePath };
}

describe('booking for a colleague from the week view', () => {
  it('week view: choosing a colleague marks their bookings, every cell form carries them, and a cell booking is theirs', async () => {
    const w = await world();
    const page = await html(await w.client.get(`${w.spacePath}?week=${WED}&for=${w.colleague.id}`));
    expect(page.querySelectorAll('select[name="for"] option').map((o) => text(o))).toEqual(['Voor mezelf', 'Ruben Mulder']);
    expect(page.querySelector('select[name="for"] option[selected]')?.getAttribute('value')).toBe(w.colleague.id);
    const cells = page.querySelectorAll('td.slot form');
    expect(cells.length).toBeGreaterThan(0);
    expect(cells.every((f) => f.querySelector('input[name="for"]')?.getAttribute('value') === w.colleague.id)).toBe(true);
    expect(text(cells[0])).toContain('voor Ruben Mulder');
    // The week navigation keeps the choice.
    expect(page.querySelector('.week-nav a:last-child')?.getAttribute('href')).toContain(`for=${w.colleague.id}`);

    const res = await w.client.post(`${w.spacePath}/book`, { date: WED, daypart: 'morning', fragment: 'cell', for: w.colleague.id }, HX);
    expect(res.status).toBe(200);
    expect(text(await html(res))).toContain('Voor Ruben Mulder: door jou gereserveerd');
    expect(bookingRows(w.t.db).map((b) => b.user_id)).toEqual([w.colleague.id]);
    // Marked as the colleague's in the week view with the choice, not as the worker's own without it.
    expect(text(await html(await w.client.get(`${w.spacePath}?week=${WED}&for=${w.colleague.id}`)))).toContain('Voor Ruben Mulder: door jou gereserveerd');
    expect(text(await html(await w.client.get(`${w.spacePath}?week=${WED}`)))).not.toContain('door jou gereserveerd');
  });

  it('week view: someone of another organisation in `for` is ignored on the page and refused when booking (422, nothing booked)', async () => {
    const w = await world();
    const page = await html(await w.client.get(`${w.spacePath}?week=${WED}&for=${w.stranger.id}`));
    expect(page.querySelectorAll('td.slot form input[name="for"]')).toHaveLength(0);
    const res = await w.client.post(`${w.spacePath}/book`, { date: WED, daypart: 'morning', fragment: 'cell', for: w.stranger.id }, HX);
    expect(res.status).toBe(422);
    expect(countRows(w.t.db, 'bookings')).toBe(0);
  });
});

describe('a recurring booking for a colleague', () => {
  it('series: every date is the colleague’s, booked by the worker; one summary e-mail to the colleague names who booked', async () => {
    const w = await world();
    const page = await html(await w.client.get(`${w.spacePath}?for=${w.colleague.id}`));
    const form = page.querySelector(`form[action="${w.spacePath}/book-series"]`)!;
    expect(form.querySelector('input[name="for"]')?.getAttribute('value')).toBe(w.colleague.id);
    expect(text(form)).toContain('voor Ruben Mulder');

    const res = await w.client.post(`${w.spacePath}/book-series`, {
      weekday: '3',
      daypart: 'morning',
      weeks: '3',
      startDate: '2026-12-07',
      for: w.colleague.id,
    });
    expect(res.status).toBe(200);
    expect(text(await html(res))).toMatch(/Voor Ruben Mulder: /);
    const rows = w.t.db.$client.prepare('select user_id, booked_by, date from bookings order by date').all();
    expect(rows).toEqual(['2026-12-09', '2026-12-16', '2026-12-23'].map((date) => ({ user_id: w.colleague.id, booked_by: w.worker.id, date })));
    const mails = w.t.db.select().from(outbox).all();
    expect(mails.map((m) => m.toAddress)).toEqual([w.colleague.email]);
    expect(mails[0]!.body).toContain('Geboekt door Sanne de Vries.');
  });

  it('series: for someone of another organisation → 422 with a clear message, nothing booked, nothing sent', async () => {
    const w = await world();
    const res = await w.client.post(`${w.spacePath}/book-series`, {
      weekday: '3',
      daypart: 'morning',
      weeks: '3',
      startDate: '2026-12-07',
      for: w.stranger.id,
    });
    expect(res.status).toBe(422);
    // Said in the summary just above the series form (focused), which keeps what was asked.
    const doc = await html(res);
    const series = doc.querySelector(`form[action="${w.spacePath}/book-series"]`)!;
    expect(text(series.previousElementSibling)).toContain('Je kunt alleen reserveren voor een collega van je eigen organisatie');
    expect(series.querySelector('input[name="weeks"]')?.getAttribute('value')).toBe('3');
    expect(countRows(w.t.db, 'bookings')).toBe(0);
    expect(countRows(w.t.db, 'outbox')).toBe(0);
  });
});

describe('booking for a colleague in a large organisation', () => {
  it('more than 50 colleagues: no list of everyone, but the colleague’s e-mail address; an unknown address is a clear message', async () => {
    const w = await world();
    const org = w.t.db.$client.prepare('select org_id from memberships where user_id = ?').get(w.worker.id) as { org_id: number };
    for (let i = 0; i < 50; i++) await createUser(w.t.db, { orgId: org.org_id, name: `Collega ${String(i).padStart(2, '0')}` });
    const search = await html(await w.client.get(`/desks?date=${WED}&daypart=morning`));
    expect(search.querySelector('select[name="for"]')).toBeNull();
    expect(search.querySelector('input[name="forEmail"]')).not.toBeNull();
    const chosen = await html(await w.client.get(`/desks?date=${WED}&daypart=morning&forEmail=${encodeURIComponent(w.colleague.email.toUpperCase())}`));
    expect(chosen.querySelector('#desk-results form input[name="for"]')?.getAttribute('value')).toBe(w.colleague.id);
    const unknown = text(await html(await w.client.get(`/desks?date=${WED}&daypart=morning&forEmail=${encodeURIComponent(w.stranger.email)}`)));
    expect(unknown).toContain('Geen collega van je organisatie met een actief account heeft dit e-mailadres.');
    const week = await html(await w.client.get(`${w.spacePath}?week=${WED}&forEmail=${encodeURIComponent(w.colleague.email)}`));
    expect(week.querySelector('input[name="forEmail"]')).not.toBeNull();
    expect(week.querySelectorAll('td.slot form input[name="for"]').every((i) => i.getAttribute('value') === w.colleague.id)).toBe(true);
  });
});
