import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { countRows, createTestApp, createUser, html, loginAs, text } from '../helpers';
import { users } from '../../db/schema';
import { notify } from '../../src/notifications/notify';
import { writeTx } from '../../src/db';

describe('notifications', () => {
  it('notify writes an in-app notification and a mail in the recipient’s language, in the caller’s transaction', async () => {
    const { app, db, clock } = createTestApp();
    const u = await createUser(db, { name: 'Sanne' });
    db.update(users).set({ locale: 'en' }).where(eq(users.id, u.id)).run();
    writeTx(db, (tx) => notify(tx, u.id, (t) => ({ subject: t.notifications.title, body: 'x', link: '/bookings' }), clock.now()));
    expect(countRows(db, "outbox where subject = 'Notifications'")).toBe(1);
    const client = await loginAs(app, u.email);
    const home = await html(await client.get('/'));
    expect(text(home.querySelector('nav'))).toContain('Notifications (1 unread)');
    const list = await html(await client.get('/notifications'));
    expect(text(list)).toContain('New');
    expect((await client.post('/notifications/read')).status).toBe(303);
    expect(text((await html(await client.get('/'))).querySelector('nav'))).not.toContain('unread');
  });

  it('a rolled-back change leaves neither notification nor mail', async () => {
    const { db, clock } = createTestApp();
    const u = await createUser(db);
    expect(() =>
      writeTx(db, (tx) => {
        notify(tx, u.id, () => ({ subject: 'S', body: 'B' }), clock.now());
        throw new Error('change failed');
      }),
    ).toThrow('change failed');
    expect(countRows(db, 'notifications')).toBe(0);
    expect(countRows(db, 'outbox')).toBe(0);
  });

  it('optional mails (reminders) respect the preference; the in-app notice still appears', async () => {
    const { app, db, clock } = createTestApp();
    const u = await createUser(db);
    const client = await loginAs(app, u.email);
    expect((await client.post('/account/preferences', {})).status).toBe(303);
    expect(db.select().from(users).where(eq(users.id, u.id)).get()?.emailReminders).toBe(false);
    writeTx(db, (tx) => notify(tx, u.id, () => ({ subject: 'Herinnering', body: 'Morgen' }), clock.now(), { optional: true }));
    writeTx(db, (tx) => notify(tx, u.id, () => ({ subject: 'Bevestiging', body: 'Geboekt' }), clock.now()));
    expect(countRows(db, 'notifications')).toBe(2);
    expect(countRows(db, "outbox where subject = 'Herinnering'")).toBe(0);
    expect(countRows(db, "outbox where subject = 'Bevestiging'")).toBe(1);
    expect((await client.post('/account/preferences', { emailReminders: 'on' })).status).toBe(303);
    expect(db.select().from(users).where(eq(users.id, u.id)).get()?.emailReminders).toBe(true);
  });

  it('someone else’s notifications are never shown', async () => {
    const { app, db, clock } = createTestApp();
    const a = await createUser(db);
    const b = await createUser(db);
    writeTx(db, (tx) => notify(tx, a.id, () => ({ subject: 'Alleen voor A', body: 'geheim' }), clock.now()));
    const client = await loginAs(app, b.email);
    expect(text(await html(await client.get('/notifications')))).not.toContain('Alleen voor A');
  });
});
