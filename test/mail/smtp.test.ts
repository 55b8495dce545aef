import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { simpleParser, type ParsedMail } from 'mailparser';
import { afterEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { Client, createTestApp, createUser } from '../helpers';
import { outbox, users } from '../../db/schema';
import { deliverDue, queueMail } from '../../src/mail/outbox';
import { icsAttachment } from '../../src/calendar/ics';
import { smtpTransport } from '../../src/mail/smtp';
import { openDatabase } from '../../src/db';
import { freePort, tempDir } from '../faults/server-process';

type Inbox = { mails: ParsedMail[]; url: string; close: () => Promise<void> };
const servers: Inbox[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

/** A real SMTP server in the test process. */
async function startSmtp(port = 0): Promise<Inbox> {
  const mails: ParsedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((m) => mails.push(m))
        .then(() => callback(), callback);
    },
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const { port: p } = server.server.address() as AddressInfo;
  const inbox = { mails, url: `smtp://127.0.0.1:${p}`, close: () => new Promise<void>((r) => server.close(() => r())) };
  servers.push(inbox);
  return inbox;
}

const FROM = 'Gastplek <noreply@gastplek.test>';

describe('mail: transactional outbox delivered over SMTP', () => {
  it('a password reset arrives by SMTP, in the recipient’s language', async () => {
    const inbox = await startSmtp();
    const { app, db, clock } = createTestApp();
    const nl = await createUser(db, { email: 'nl@example.test' });
    const en = await createUser(db, { email: 'en@example.test' });
    db.update(users).set({ locale: 'en' }).where(eq(users.id, en.id)).run();
    await new Client(app).post('/password/forgot', { email: nl.email });
    await new Client(app).post('/password/forgot', { email: en.email });
    expect(await deliverDue(db, smtpTransport(inbox.url), FROM, clock.now)).toBe(2);
    const byTo = Object.fromEntries(inbox.mails.map((m) => [m.to && !Array.isArray(m.to) ? m.to.text : '', m]));
    expect(byTo['nl@example.test']?.subject).toBe('Nieuw wachtwoord instellen voor Gastplek');
    expect(byTo['en@example.test']?.subject).toBe('Set a new password for Gastplek');
    expect(byTo['nl@example.test']?.text).toContain('/password/reset/');
    expect(
      db
        .select()
        .from(outbox)
        .all()
        .every((m) => m.status === 'sent'),
    ).toBe(true);
  });

  it('SMTP down: the request is not slowed, the message is retried with back-off and delivered later, once', async () => {
    const port = await freePort(); // nothing listens here yet
    const { app, db, clock } = createTestApp();
    const u = await createUser(db);
    const res = await new Client(app).post('/password/forgot', { email: u.email });
    expect(res.status).toBe(200);
    // The request only wrote a row; it never talked to SMTP (no timing assertion: the outbox shows it).
    expect(db.select().from(outbox).get()?.attempts).toBe(0);

    const transport = smtpTransport(`smtp://127.0.0.1:${port}`);
    expect(await deliverDue(db, transport, FROM, clock.now)).toBe(0);
    let row = db.select().from(outbox).get()!;
    expect(row.status).toBe('pending');
    expect(row.attempts).toBe(1);
    expect(row.nextAttemptAt.getTime()).toBeGreaterThan(clock.now().getTime());
    expect(row.lastError).toBeTruthy();

    // Not due yet: nothing is tried.
    const inbox = await startSmtp(port);
    expect(await deliverDue(db, transport, FROM, clock.now)).toBe(0);
    expect(inbox.mails).toHaveLength(0);
    clock.advance(60_000);
    expect(await deliverDue(db, transport, FROM, clock.now)).toBe(1);
    expect(inbox.mails).toHaveLength(1);
    clock.advance(60 * 60_000);
    expect(await deliverDue(db, transport, FROM, clock.now)).toBe(0);
    row = db.select().from(outbox).get()!;
    expect(row.status).toBe('sent');
    expect(inbox.mails).toHaveLength(1);
  });

  it('two workers (two processes’ connections) deliver each message exactly once', async () => {
    const inbox = await startSmtp();
    const file = path.join(tempDir(), 'g.db');
    const a = openDatabase(file);
    const b = openDatabase(file);
    const now = () => new Date('2026-11-23T09:00:00Z');
    for (let i = 0; i < 30; i++) queueMail(a, { to: `p${i}@example.test`, subject: `Bericht ${i}`, body: 'Hallo' }, now());
    const transport = smtpTransport(inbox.url);
    const runs: Promise<number>[] = [];
    for (let round = 0; round < 3; round++) runs.push(deliverDue(a, transport, FROM, now, 10), deliverDue(b, transport, FROM, now, 10));
    await Promise.all(runs);
    while ((await deliverDue(a, transport, FROM, now, 10)) + (await deliverDue(b, transport, FROM, now, 10)) > 0);
    const subjects = inbox.mails.map((m) => m.subject).sort();
    expect(subjects).toHaveLength(30);
    expect(new Set(subjects).size).toBe(30);
  });

  it('attachments (such as an .ics) are sent along', async () => {
    const inbox = await startSmtp();
    const { db, clock } = createTestApp();
    queueMail(
      db,
      {
        to: 'x@example.test',
        subject: 'Met agenda',
        body: 'Zie bijlage',
        attachments: [{ filename: 'reservering.ics', contentType: 'text/calendar; method=PUBLISH', content: 'BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n' }],
      },
      clock.now(),
    );
    await deliverDue(db, smtpTransport(inbox.url), FROM, clock.now);
    expect(inbox.mails[0]?.attachments[0]?.filename).toBe('reservering.ics');
    expect(inbox.mails[0]?.attachments[0]?.content.toString()).toContain('BEGIN:VCALENDAR');
  });

  it('an .ics kept as its events in the outbox is written when the mail is sent (issue #18), with the event as queued', async () => {
    const inbox = await startSmtp();
    const { db, clock } = createTestApp();
    const event = {
      uid: 'booking-42@gastplek',
      start: new Date('2026-10-26T08:00:00Z'),
      end: new Date('2026-10-26T12:00:00Z'),
      title: 'Werkplek: Flexplekken',
      location: 'CJG Ede',
      sequence: 3,
      status: 'CONFIRMED' as const,
    };
    queueMail(
      db,
      { to: 'x@example.test', subject: 'Met agenda', body: 'Zie bijlage', attachments: [icsAttachment('gastplek-42.ics', [event], 'PUBLISH')] },
      clock.now(),
    );
    const stored = db.select({ attachments: outbox.attachments }).from(outbox).get()!.attachments!;
    expect(stored).not.toContain('BEGIN:VCALENDAR');
    await deliverDue(db, smtpTransport(inbox.url), FROM, clock.now);
    const att = inbox.mails[0]!.attachments[0]!;
    expect(att.filename).toBe('gastplek-42.ics');
    expect(att.contentType).toBe('text/calendar');
    const ics = att.content.toString();
    expect(ics).toContain('METHOD:PUBLISH');
    expect(ics).toContain('UID:booking-42@gastplek');
    expect(ics).toContain('DTSTART:20261026T080000Z');
    expect(ics).toContain('SEQUENCE:3');
    expect(ics).toContain('LOCATION:CJG Ede');
  });
});
