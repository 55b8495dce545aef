import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { notifications, outbox, users } from '../../db/schema';
import { bookSpace, cancelBooking } from '../../src/desks/bookings';
import { instantOf } from '../../src/lib/time';
import { createOrg, createTestApp, createUser, html, loginAs, TestClock, sentAttachments } from '../helpers';
import { createSpace } from '../desks/factory';

// Issue #17, point 4: what you do yourself gets a confirmation e-mail (with the .ics Outlook
// needs), not an in-app notice; notices are for what others or the system did to your plans.
// Confirmation e-mails can be switched off in Mijn account.

const DAY = '2026-12-10';

async function world() {
  const t = createTestApp({ clock: new TestClock(instantOf('2026-12-09', '09:00')) });
  const hostOrg = createOrg(t.db, { name: 'CJG Harderwijk' });
  const guestOrg = createOrg(t.db, { name: 'GGD Noord- en Oost-Gelderland' });
  const space = createSpace(t.db, hostOrg.id);
  const worker = await createUser(t.db, { orgId: guestOrg.id, name: 'Sanne de Vries' });
  const colleague = await createUser(t.db, { orgId: guestOrg.id, name: 'Ruben Mulder' });
  const notices = (userId: string) => t.db.select().from(notifications).where(eq(notifications.userId, userId)).all();
  const mails = (email: string) => t.db.select().from(outbox).where(eq(outbox.toAddress, email)).all();
  const book = (userId: string, bookedBy: string | null = null) =>
    bookSpace(t.db, { spaceId: space.spaceId, userId, bookedBy, guestOrgId: guestOrg.id, date: DAY, dayparts: ['morning'], note: null }, t.clock.now());
  return { t, space, worker, colleague, notices, mails, book };
}

describe('notices for what others did, e-mail for what you did', () => {
  it('own booking and own cancellation: a confirmation e-mail with the .ics each, and no in-app notice', async () => {
    const w = await world();
    const r = w.book(w.worker.id);
    expect(r.ok).toBe(true);
    expect(w.notices(w.worker.id)).toHaveLength(0);
    const [confirmation] = w.mails(w.worker.email);
    expect(sentAttachments(confirmation!.attachments)).toContain('METHOD:PUBLISH');
    expect(cancelBooking(w.t.db, r.ok ? r.ids[0]! : 0, w.worker.id, w.t.clock.now())).toEqual({ ok: true });
    expect(w.notices(w.worker.id)).toHaveLength(0);
    expect(w.mails(w.worker.email)).toHaveLength(2);
    expect(sentAttachments(w.mails(w.worker.email)[1]!.attachments)).toContain('METHOD:CANCEL');
  });

  it('booked for you by a colleague: a notice as well as the e-mail, because someone else changed your plans', async () => {
    const w = await world();
    expect(w.book(w.colleague.id, w.worker.id).ok).toBe(true);
    expect(w.notices(w.colleague.id)).toHaveLength(1);
    expect(w.mails(w.colleague.email)).toHaveLength(1);
  });

  it('with confirmation e-mails off, your own booking sends nothing; a change by someone else still comes as notice and e-mail', async () => {
    const w = await world();
    const me = await loginAs(w.t.app, w.worker.email);
    const form = await html(await me.get('/account'));
    expect(form.querySelector('input[name="emailConfirmations"]')!.hasAttribute('checked')).toBe(true);
    // Reminders stay on, confirmations go off.
    expect((await me.post('/account/preferences', { emailReminders: 'on' })).status).toBe(303);
    expect(w.t.db.select({ r: users.emailReminders, c: users.emailConfirmations }).from(users).where(eq(users.id, w.worker.id)).get()).toEqual({
      r: true,
      c: false,
    });
    expect((await html(await me.get('/account'))).querySelector('input[name="emailConfirmations"]')!.hasAttribute('checked')).toBe(false);
    expect(w.book(w.worker.id).ok).toBe(true);
    expect(w.mails(w.worker.email)).toHaveLength(0);
    expect(w.notices(w.worker.id)).toHaveLength(0);
    // A colleague books for her: that is not her own action.
    await w.t.db.update(users).set({ emailConfirmations: false }).where(eq(users.id, w.colleague.id)).run();
    expect(w.book(w.colleague.id, w.worker.id).ok).toBe(true);
    expect(w.notices(w.colleague.id)).toHaveLength(1);
    expect(w.mails(w.colleague.email)).toHaveLength(1);
  });

  it('in English: the preference speaks English', async () => {
    const w = await world();
    w.t.db.update(users).set({ locale: 'en' }).where(eq(users.id, w.worker.id)).run();
    const me = await loginAs(w.t.app, w.worker.email);
    expect((await html(await me.get('/account'))).text).toContain('Send me a confirmation with a calendar file (.ics)');
  });
});
