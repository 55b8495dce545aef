import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { Client, countRows, createTestApp, html, loginAs, text, TestClock, sentAttachments } from '../helpers';
import { desksWorld } from '../desks/factory';
import { makeMeeting, member, network } from '../intervision/fixtures';
import { notifications, outbox, users } from '../../db/schema';
import { releaseNoShows } from '../../src/desks/bookings';
import { sendReminders } from '../../src/notifications/reminders';
import { instantOf } from '../../src/lib/time';

type Parsed = { method: string; uid: string; start: string; end: string; sequence: number; status: string; summary: string };

/** Parses an .ics with ical.js (a separate, well-kept implementation of RFC 5545). */
function parseIcs(ics: string): Parsed[] {
  const cal = new ICAL.Component(ICAL.parse(ics));
  const method = String(cal.getFirstPropertyValue('method'));
  return cal.getAllSubcomponents('vevent').map((v) => {
    const e = new ICAL.Event(v);
    return {
      method,
      uid: e.uid,
      start: e.startDate.toJSDate().toISOString(),
      end: e.endDate.toJSDate().toISOString(),
      sequence: Number(v.getFirstPropertyValue('sequence') ?? 0),
      status: String(v.getFirstPropertyValue('status')),
      summary: e.summary,
    };
  });
}

function attachmentOf(db: ReturnType<typeof createTestApp>['db'], subjectStart: string): string {
  const mail = db
    .select()
    .from(outbox)
    .all()
    .find((m) => m.subject.startsWith(subjectStart));
  expect(mail, subjectStart).toBeTruthy();
  return sentAttachments(mail!.attachments);
}

describe('calendar: bookings', () => {
  it('booking mail carries an .ics at the right UTC time in winter (09:00 CET = 08:00Z)', async () => {
    const t = createTestApp({ clock: new TestClock(new Date('2026-10-01T09:00:00Z')) });
    const w = await desksWorld(t);
    const res = await w.workerClient.post(`/desks/spaces/${w.space.spaceId}/book`, { date: '2026-10-26', daypart: 'morning' });
    expect(res.status).toBe(303);
    const [ev] = parseIcs(attachmentOf(t.db, 'Bevestigd: werkplek'));
    expect(ev).toMatchObject({ method: 'PUBLISH', start: '2026-10-26T08:00:00.000Z', end: '2026-10-26T11:30:00.000Z', status: 'CONFIRMED' });
    expect(ev!.uid).toMatch(/^booking-\d+@gastplek$/);
  });

  it('summer time: 09:00 CEST on the Monday after the March change is 07:00Z; the download agrees', async () => {
    const t = createTestApp({ clock: new TestClock(new Date('2027-03-01T09:00:00Z')) });
    const w = await desksWorld(t);
    // 29 March 2027 is Easter Monday (Tweede paasdag): this host organisation stays open on holidays.
    t.db.$client.prepare("update organisations set closed_holidays = '' where id = ?").run(w.hostOrg.id);
    await w.workerClient.post(`/desks/spaces/${w.space.spaceId}/book`, { date: '2027-03-29', daypart: 'morning' });
    const id = (t.db.$client.prepare('select id from bookings').get() as { id: number }).id;
    const download = await w.workerClient.get(`/bookings/${id}.ics`);
    expect(download.headers.get('content-type')).toContain('text/calendar');
    expect(parseIcs(await download.text())[0]!.start).toBe('2027-03-29T07:00:00.000Z');
  });

  it('cancelling sends METHOD:CANCEL for the same UID with a higher SEQUENCE', async () => {
    const t = createTestApp();
    const w = await desksWorld(t);
    await w.workerClient.post(`/desks/spaces/${w.space.spaceId}/book`, { date: '2026-11-24', daypart: 'afternoon' });
    const booked = parseIcs(attachmentOf(t.db, 'Bevestigd: werkplek'))[0]!;
    const id = (t.db.$client.prepare('select id from bookings').get() as { id: number }).id;
    t.clock.advance(90_000);
    expect((await w.workerClient.post(`/bookings/${id}/cancel`)).status).toBe(303);
    const cancelled = parseIcs(attachmentOf(t.db, 'Geannuleerd: werkplek'))[0]!;
    expect(cancelled.method).toBe('CANCEL');
    expect(cancelled.status).toBe('CANCELLED');
    expect(cancelled.uid).toBe(booked.uid);
    expect(cancelled.sequence).toBeGreaterThan(booked.sequence);
  });

  it('no-show release tells the owner and leaves an in-app notice', async () => {
    const t = createTestApp({ clock: new TestClock(new Date('2026-11-23T07:00:00Z')) });
    const w = await desksWorld(t);
    await w.workerClient.post(`/desks/spaces/${w.space.spaceId}/book`, { date: '2026-11-23', daypart: 'morning' });
    t.clock.set('2026-11-23T09:30:00Z'); // 10:30 in Amsterdam, past the 10:00 deadline
    expect(releaseNoShows(t.db, t.clock.now(), { baseUrl: 'https://gastplek.example.org' })).toBe(1);
    expect(countRows(t.db, "outbox where subject like 'Niet ingecheckt:%'")).toBe(1);
    // Mails sent by jobs carry a working absolute link too (the job gets the configured BASE_URL).
    const mail = t.db
      .select()
      .from(outbox)
      .all()
      .find((m) => m.subject.startsWith('Niet ingecheckt:'))!;
    expect(mail.body).toContain('https://gastplek.example.org/bookings');
    expect(releaseNoShows(t.db, t.clock.now())).toBe(0);
    expect(countRows(t.db, "outbox where subject like 'Niet ingecheckt:%'")).toBe(1);
  });
});

describe('calendar: meetings', () => {
  it('moving up from the waiting list: a mail with a working .ics; 25 Oct 2026 14:00 CET is 13:00Z', async () => {
    const ta = await network();
    ta.clock.set('2026-10-01T08:00:00Z');
    const id = makeMeeting(ta.db, ta.facilitator.id, ta.orgs.icare.id, {
      startsAt: instantOf('2026-10-25', '14:00'),
      endsAt: instantOf('2026-10-25', '16:00'),
      signupOpensAt: instantOf('2026-09-01', '09:00'),
      signupClosesAt: instantOf('2026-10-24', '17:00'),
      cancelDeadlineAt: instantOf('2026-10-24', '17:00'),
      maxParticipants: 1,
      minParticipants: 1,
    });
    const a = await member(ta, ta.orgs.ggd.id, 'Anna');
    const b = await member(ta, ta.orgs.cjg.id, 'Bram', { locale: 'en' });
    expect((await a.client.post(`/meetings/${id}/signup`)).status).toBe(303);
    expect((await b.client.post(`/meetings/${id}/signup`)).status).toBe(303);
    const registered = parseIcs(attachmentOf(ta.db, 'Aangemeld:'))[0]!;
    expect(registered).toMatchObject({ start: '2026-10-25T13:00:00.000Z', end: '2026-10-25T15:00:00.000Z', method: 'PUBLISH' });
    expect(
      ta.db
        .select()
        .from(outbox)
        .where(eq(outbox.toAddress, b.email))
        .all()
        .map((m) => m.subject),
    ).toEqual(['Waiting list: Intervisie jeugdverpleegkundigen']);
    expect((await a.client.post(`/meetings/${id}/cancel-registration`)).status).toBe(303);
    const moved = ta.db.select().from(outbox).where(eq(outbox.toAddress, b.email)).all().at(-1)!;
    expect(moved.subject).toMatch(/^You/);
    const [ev] = parseIcs(sentAttachments(moved.attachments));
    expect(ev).toMatchObject({
      uid: `meeting-${id}@gastplek`,
      start: '2026-10-25T13:00:00.000Z',
      method: 'PUBLISH',
      summary: 'Intervision: Intervisie jeugdverpleegkundigen',
    });
    // The registered participant can download it; someone not registered cannot.
    expect((await b.client.get(`/meetings/${id}/calendar.ics`)).status).toBe(200);
    expect((await a.client.get(`/meetings/${id}/calendar.ics`)).status).toBe(404);
  });

  it('a cancelled meeting sends METHOD:CANCEL to everyone registered', async () => {
    const ta = await network();
    const id = makeMeeting(ta.db, ta.facilitator.id, ta.orgs.icare.id);
    const a = await member(ta, ta.orgs.ggd.id, 'Anna');
    await a.client.post(`/meetings/${id}/signup`);
    const facClient = await loginAs(ta.app, ta.facilitator.email);
    expect((await facClient.post(`/facilitate/meetings/${id}/cancel`, { confirm: 'yes' })).status).toBe(303);
    const mail = ta.db.select().from(outbox).where(eq(outbox.toAddress, a.email)).all().at(-1)!;
    const [ev] = parseIcs(sentAttachments(mail.attachments));
    expect(ev).toMatchObject({ method: 'CANCEL', status: 'CANCELLED', uid: `meeting-${id}@gastplek` });
  });
});

describe('calendar: private feed', () => {
  it('shows upcoming bookings and meetings; a new secret stops the old URL; revoked and wrong secrets give 404', async () => {
    const ta = await network();
    const id = makeMeeting(ta.db, ta.facilitator.id, ta.orgs.icare.id);
    const a = await member(ta, ta.orgs.ggd.id, 'Anna');
    await a.client.post(`/meetings/${id}/signup`);
    const created = await a.client.post('/account/calendar-feed');
    expect(created.status).toBe(200);
    const url = (await html(created)).querySelector('#feed-url')!.getAttribute('value')!;
    const path = new URL(url).pathname;
    const anon = new Client(ta.app);
    const feed = await anon.get(path);
    expect(feed.status).toBe(200);
    const events = parseIcs(await feed.text());
    expect(events.map((e) => e.uid)).toEqual([`meeting-${id}@gastplek`]);
    // The account page no longer shows the secret, only that a link exists.
    expect(text(await html(await a.client.get('/account')))).not.toContain(path);

    const renewed = new URL((await html(await a.client.post('/account/calendar-feed'))).querySelector('#feed-url')!.getAttribute('value')!).pathname;
    expect((await anon.get(path)).status).toBe(404);
    expect((await anon.get(renewed)).status).toBe(200);
    expect((await a.client.post('/account/calendar-feed/revoke')).status).toBe(303);
    expect((await anon.get(renewed)).status).toBe(404);
    expect((await anon.get('/calendar/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA.ics')).status).toBe(404);
  });
});

describe('reminders the day before', () => {
  it('go out once after 16:00, as mail and in-app; the preference turns the mail off', async () => {
    const t = createTestApp({ clock: new TestClock(new Date('2026-11-23T08:00:00Z')) });
    const w = await desksWorld(t);
    await w.workerClient.post(`/desks/spaces/${w.space.spaceId}/book`, { date: '2026-11-24', daypart: 'whole' });
    expect(sendReminders(t.db, t.clock.now())).toBe(0); // 09:00 in Amsterdam: too early
    t.clock.set('2026-11-23T16:00:00Z'); // 17:00
    expect(sendReminders(t.db, t.clock.now(), { baseUrl: 'https://gastplek.example.org' })).toBe(1); // one reminder for the whole day
    expect(sendReminders(t.db, t.clock.now())).toBe(0);
    expect(countRows(t.db, "outbox where subject like 'Morgen:%'")).toBe(1);
    expect(
      t.db
        .select()
        .from(outbox)
        .all()
        .find((m) => m.subject.startsWith('Morgen:'))!.body,
    ).toContain('https://gastplek.example.org/bookings');

    const other = await desksWorld(t);
    t.db.update(users).set({ emailReminders: false }).where(eq(users.id, other.worker.id)).run();
    t.clock.set('2026-11-24T08:00:00Z');
    await other.workerClient.post(`/desks/spaces/${other.space.spaceId}/book`, { date: '2026-11-25', daypart: 'morning' });
    t.clock.set('2026-11-24T17:00:00Z');
    expect(sendReminders(t.db, t.clock.now())).toBe(1);
    expect(countRows(t.db, "outbox where subject like 'Morgen:%'")).toBe(1);
    expect(
      t.db
        .select()
        .from(notifications)
        .where(eq(notifications.userId, other.worker.id))
        .all()
        .some((n) => n.subject.startsWith('Morgen:')),
    ).toBe(true);
  });
});
