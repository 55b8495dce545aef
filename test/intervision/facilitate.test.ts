import { describe, expect, it } from 'vitest';
import { countRows, html, loginAs, postHeld, text } from '../helpers';
import { closures } from '../../db/schema';
import { createSpace } from '../desks/factory';
import { getManagedMeeting } from '../../src/intervision/meetings';
import { meetingValues } from '../../src/intervision/schemas';
import { instantOf } from '../../src/lib/time';
import { warnUnderMinimum } from '../../src/intervision/jobs';
import { localTimeOf } from '../../src/lib/time';
import { lists, mailsTo, makeMeeting, member, network } from './fixtures';

const validForm = (orgId: number): Record<string, string> => ({
  orgId: String(orgId),
  title: 'Nieuwe intervisie',
  kind: 'intervisie',
  method: 'incident',
  description: '',
  date: '2026-12-10',
  start: '14:00',
  end: '16:00',
  placeKind: 'address',
  address: 'Stationsplein 1',
  town: 'Harderwijk',
  min: '4',
  max: '8',
  maxPerOrg: '',
  opensDate: '2026-11-23',
  opensTime: '00:00',
  closesDate: '2026-12-09',
  closesTime: '17:00',
  cancelDate: '2026-12-09',
  cancelTime: '17:00',
  visibility: 'all',
});

describe('intervision: facilitators', () => {
  it('bad input → 422 with the message by the field and the values kept, nothing stored', async () => {
    const ta = await network();
    const { orgs, facilitator } = ta;
    const fac = await loginAs(ta.app, facilitator.email);
    const cases: [Record<string, string>, string, string][] = [
      [{ end: '13:00' }, 'f-end-err', 'De eindtijd moet na de begintijd liggen.'],
      [{ min: '6', max: '5' }, 'f-max-err', 'Het maximum moet minstens zo groot zijn als het minimum.'],
      [{ date: '2026-02-30' }, 'f-date-err', 'Vul een bestaande datum in (JJJJ-MM-DD).'],
      [{ closesDate: '2026-12-11' }, 'f-closesDate-err', 'Aanmelden moet sluiten vóór de start van de bijeenkomst.'],
      [{ orgId: String(orgs.ggd.id) }, 'f-orgId-err', 'Kies een organisatie waarvoor je begeleider bent.'],
      [{ visibility: 'list', visibleOrgs: '999999' }, 'f-visibleOrgs-err', 'Kies minstens één organisatie.'],
      [{ placeKind: 'online', onlineUrl: 'javascript:alert(1)' }, 'f-onlineUrl-err', 'Vul een link in die begint met https://.'],
      [{ max: 'veel' }, 'f-max-err', 'Vul een aantal van 1 tot en met 100 in.'],
      [{ start: '25:00' }, 'f-start-err', 'Vul een tijd in als UU:MM'],
    ];
    for (const [override, errId, message] of cases) {
      const res = await fac.post('/facilitate/meetings/new', { ...validForm(orgs.icare.id), ...override });
      expect(res.status, JSON.stringify(override)).toBe(422);
      const doc = await html(res);
      expect(text(doc.querySelector(`#${errId}`))).toContain(message);
      expect(doc.querySelector('#f-title')?.getAttribute('value')).toBe('Nieuwe intervisie');
    }
    expect(countRows(ta.db, 'meetings')).toBe(0);
    expect((await fac.post('/facilitate/meetings/new', validForm(orgs.icare.id))).status).toBe(303);
    expect(countRows(ta.db, 'meetings')).toBe(1);
  });

  it('an org admin without the facilitator role manages the meetings of the organisation but is not offered planning (which would be 403)', async () => {
    const ta = await network();
    const admin = await member(ta, ta.orgs.icare.id, 'Beheerder', { roles: ['org_admin'] });
    const page = await html(await admin.client.get('/facilitate'));
    expect(page.querySelector('a[href="/facilitate/meetings/new"]')).toBeNull();
    expect(page.querySelector('a[href="/facilitate/groups/new"]')).toBeNull();
    expect(text(page)).toContain('Bijeenkomsten plannen doet een begeleider');
    expect(text(page)).toContain('Geen bijeenkomsten van je organisatie.');
    expect((await admin.client.get('/facilitate/meetings/new')).status).toBe(403);
    const home = await html(await admin.client.get('/'));
    expect(text(home)).toContain('De bijeenkomsten van je organisatie: deelnemers, aanwezigheid en annuleren.');
    const fac = await loginAs(ta.app, ta.facilitator.email);
    const facPage = await html(await fac.get('/facilitate'));
    expect(facPage.querySelector('a[href="/facilitate/meetings/new"]')).not.toBeNull();
    expect(text(facPage)).toContain('Plan er een met');
  });

  it('a member without the facilitator role cannot create meetings (403)', async () => {
    const ta = await network();
    const p = await member(ta, ta.orgs.ggd.id, 'Gewoon lid');
    expect((await p.client.get('/facilitate/meetings/new')).status).toBe(403);
    expect((await p.client.post('/facilitate/meetings/new', validForm(ta.orgs.ggd.id))).status).toBe(403);
    expect(countRows(ta.db, 'meetings')).toBe(0);
  });

  it("another facilitator's meeting: edit, cancel, remove and attendance are 404, nothing changes", async () => {
    const ta = await network();
    const { db, orgs, facilitator } = ta;
    const id = makeMeeting(db, facilitator.id, orgs.icare.id);
    const p = await member(ta, orgs.ggd.id, 'Deelnemer');
    await p.client.post(`/meetings/${id}/signup`);
    const regId = (db.$client.prepare('select id from registrations').get() as { id: number }).id;
    const other = await member(ta, orgs.lokalis.id, 'Andere Begeleider', { roles: ['facilitator'] });
    expect((await other.client.get(`/facilitate/meetings/${id}`)).status).toBe(404);
    expect((await other.client.get(`/facilitate/meetings/${id}/edit`)).status).toBe(404);
    expect((await other.client.post(`/facilitate/meetings/${id}/edit`, validForm(orgs.lokalis.id))).status).toBe(404);
    expect((await other.client.post(`/facilitate/meetings/${id}/cancel`, { confirm: 'yes' })).status).toBe(404);
    expect((await other.client.post(`/facilitate/meetings/${id}/participants/${regId}/remove`)).status).toBe(404);
    expect((await other.client.get(`/facilitate/meetings/${id}/attendance.csv`)).status).toBe(404);
    expect(db.$client.prepare('select status, title from meetings').get()).toEqual({ status: 'scheduled', title: 'Intervisie jeugdverpleegkundigen' });
    expect(lists(db, id).registered).toEqual(['Deelnemer']);
    // A registration id of another meeting is not found through my own meeting either.
    const mine = makeMeeting(db, other.id, orgs.lokalis.id);
    expect((await other.client.post(`/facilitate/meetings/${mine}/participants/${regId}/remove`)).status).toBe(404);
    expect(lists(db, id).registered).toEqual(['Deelnemer']);
  });

  it('edit tells everyone registered or waiting; cancel needs confirmation and tells everyone', async () => {
    const ta = await network();
    const { db, orgs, facilitator } = ta;
    const id = makeMeeting(db, facilitator.id, orgs.icare.id, { maxParticipants: 1, minParticipants: 1 });
    const a = await member(ta, orgs.ggd.id, 'A');
    const w = await member(ta, orgs.cjg.id, 'W', { locale: 'en' });
    await a.client.post(`/meetings/${id}/signup`);
    await w.client.post(`/meetings/${id}/signup`);
    const fac = await loginAs(ta.app, facilitator.email);
    const form = await html(await fac.get(`/facilitate/meetings/${id}/edit`));
    expect(form.querySelector('#f-start')?.getAttribute('value')).toBe('14:00');
    const res = await fac.post(`/facilitate/meetings/${id}/edit`, { ...validForm(orgs.icare.id), min: '1', max: '1', start: '15:00', end: '17:00' });
    expect(res.status).toBe(303);
    expect(localTimeOf(new Date((db.$client.prepare('select starts_at as s from meetings').get() as { s: number }).s))).toBe('15:00');
    expect(mailsTo(db, a.email).map((m) => m.subject)).toEqual(['Gewijzigd: Nieuwe intervisie']);
    expect(mailsTo(db, w.email).map((m) => m.subject)).toEqual(['Changed: Nieuwe intervisie']);
    // No confirmation → nothing happens.
    expect((await fac.post(`/facilitate/meetings/${id}/cancel`)).status).toBe(303);
    expect((db.$client.prepare('select status from meetings').get() as { status: string }).status).toBe('scheduled');
    expect((await fac.post(`/facilitate/meetings/${id}/cancel`, { confirm: 'yes' })).status).toBe(303);
    expect((db.$client.prepare('select status from meetings').get() as { status: string }).status).toBe('cancelled');
    expect(mailsTo(db, a.email).map((m) => m.subject)).toContain('Geannuleerd: Nieuwe intervisie');
    expect(mailsTo(db, w.email).map((m) => m.subject)).toContain('Cancelled: Nieuwe intervisie');
    expect((await a.client.post(`/meetings/${id}/cancel-registration`)).status).toBe(303);
  });

  it('an edit sent after the meeting started, or after it was cancelled: 409, nothing saved, what was typed shown again with the reason and no save button', async () => {
    const ta = await network();
    const { db, orgs, facilitator } = ta;
    const id = makeMeeting(db, facilitator.id, orgs.icare.id, { maxParticipants: 4, minParticipants: 1 });
    const fac = await loginAs(ta.app, facilitator.email);
    const before = db.$client.prepare('select title, description, starts_at, status from meetings').get();
    const typed = { ...validForm(orgs.icare.id), title: 'Nieuwe titel', description: 'Verplaatst naar zaal 3', start: '14:30', end: '16:30' };
    ta.clock.set(instantOf('2026-12-10', '14:00').toISOString());
    const res = await fac.post(`/facilitate/meetings/${id}/edit`, typed);
    expect(res.status).toBe(409);
    const doc = await html(res);
    expect(text(doc.querySelector('.error-summary'))).toContain('Niet opgeslagen: de bijeenkomst is inmiddels begonnen of geannuleerd');
    expect(doc.querySelector('#f-title')?.getAttribute('value')).toBe('Nieuwe titel');
    expect(doc.querySelector('#f-start')?.getAttribute('value')).toBe('14:30');
    expect(text(doc.querySelector('#f-description'))).toBe('Verplaatst naar zaal 3');
    expect(doc.querySelector('.meeting-form button[type=submit]')).toBeNull();
    expect(doc.querySelector(`.meeting-form a[href="/facilitate/meetings/${id}"]`)).not.toBeNull();
    expect(db.$client.prepare('select title, description, starts_at, status from meetings').get()).toEqual(before);
    // Cancelled before it started: the same.
    const other = makeMeeting(db, facilitator.id, orgs.icare.id, { maxParticipants: 4, minParticipants: 1 });
    db.$client.prepare("update meetings set status = 'cancelled' where id = ?").run(other);
    ta.clock.set('2026-12-01T09:00:00Z');
    const cancelled = await fac.post(`/facilitate/meetings/${other}/edit`, typed);
    expect(cancelled.status).toBe(409);
    expect((await html(cancelled)).querySelector('#f-title')?.getAttribute('value')).toBe('Nieuwe titel');
    expect(countRows(ta.db, 'outbox')).toBe(0);
  });

  it('fewer than the minimum at sign-up close: one mail to the facilitator (idempotent), warning with cancel or go ahead', async () => {
    const ta = await network();
    const { db, orgs, facilitator } = ta;
    const id = makeMeeting(db, facilitator.id, orgs.icare.id, { minParticipants: 3, maxParticipants: 5 });
    await (await member(ta, orgs.ggd.id, 'Enige')).client.post(`/meetings/${id}/signup`);
    expect(warnUnderMinimum(db, ta.clock.now())).toBe(0);
    ta.clock.set('2026-12-09T16:00:00Z'); // sign-up closed at 17:00 Amsterdam
    expect(warnUnderMinimum(db, ta.clock.now(), { baseUrl: 'https://gastplek.example.org' })).toBe(1);
    expect(warnUnderMinimum(db, ta.clock.now())).toBe(0);
    const mails = mailsTo(db, facilitator.email);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.body).toContain(`https://gastplek.example.org/facilitate/meetings/${id}`);
    expect(mails[0]!.subject).toBe('Te weinig aanmeldingen: Intervisie jeugdverpleegkundigen');
    const fac = await loginAs(ta.app, facilitator.email);
    const page = await html(await fac.get(`/facilitate/meetings/${id}`));
    expect(text(page.querySelector('.warning'))).toContain('minder dan het minimum van 3');
    expect(page.querySelector(`form[action="/facilitate/meetings/${id}/go-ahead"]`)).not.toBeNull();
    expect(page.querySelector(`form[action="/facilitate/meetings/${id}/cancel"]`)).not.toBeNull();
    await fac.post(`/facilitate/meetings/${id}/go-ahead`);
    expect((await html(await fac.get(`/facilitate/meetings/${id}`))).querySelector('.warning')).toBeNull();
  });

  it('closed group: meetings every N weeks at the same local time across DST; joining registers for all, the group has its own waiting list', async () => {
    const ta = await network();
    const { db, orgs, facilitator } = ta;
    ta.clock.set('2027-02-01T09:00:00Z');
    const fac = await loginAs(ta.app, facilitator.email);
    const res = await fac.post('/facilitate/groups/new', {
      ...validForm(orgs.icare.id),
      title: 'Vaste groep',
      date: '2027-03-15',
      opensDate: '2027-02-01',
      closesDate: '2027-03-14',
      cancelDate: '2027-03-14',
      min: '1',
      max: '2',
      cadenceWeeks: '2',
      count: '3',
      closed: '1',
    });
    expect(res.status).toBe(303);
    const groupId = Number(res.headers.get('location')!.split('/').pop());
    const starts = (db.$client.prepare('select starts_at as s from meetings order by starts_at').all() as { s: number }[]).map((r) => new Date(r.s));
    expect(starts.map((d) => localTimeOf(d))).toEqual(['14:00', '14:00', '14:00']); // 29 March 2027 is a DST change in between
    expect(starts.map((d) => d.toISOString())).toEqual(['2027-03-15T13:00:00.000Z', '2027-03-29T12:00:00.000Z', '2027-04-12T12:00:00.000Z']);
    const a = await member(ta, orgs.ggd.id, 'A');
    const b = await member(ta, orgs.cjg.id, 'B');
    const c = await member(ta, orgs.lokalis.id, 'C');
    for (const p of [a, b, c]) expect((await p.client.post(`/groups/${groupId}/join`)).status).toBe(303);
    const meetingIds = (db.$client.prepare('select id from meetings order by starts_at').all() as { id: number }[]).map((r) => r.id);
    for (const mid of meetingIds) expect(lists(db, mid)).toEqual({ registered: ['A', 'B'], waiting: [] });
    expect(text(await html(await c.client.get(`/groups/${groupId}`)))).toContain('op de wachtlijst van de groep, op plaats 1');
    // Per-meeting sign-up is not the way into a closed group.
    expect((await c.client.post(`/meetings/${meetingIds[0]}/signup`)).status).toBe(409);
    expect((await a.client.post(`/groups/${groupId}/leave`)).status).toBe(303);
    for (const mid of meetingIds) expect(lists(db, mid).registered).toEqual(['B', 'C']);
    expect(mailsTo(db, c.email)[0]!.subject).toContain('Je bent doorgeschoven in de intervisiegroep');
  });
});

describe('intervision: place at a partner location', () => {
  it('choosing a desks location fills name, address and town from it; an unknown location is refused', async () => {
    const ta = await network();
    const { createSpace } = await import('../desks/factory');
    const { locationId } = createSpace(ta.db, ta.orgs.cjg.id, { name: 'Overlegruimte', town: 'Harderwijk' });
    const fac = await loginAs(ta.app, ta.facilitator.email);
    const form = await html(await fac.get('/facilitate/meetings/new'));
    expect(form.querySelectorAll('#f-locationId option').map((o) => o.getAttribute('value'))).toContain(String(locationId));
    const res = await fac.post('/facilitate/meetings/new', {
      ...validForm(ta.orgs.icare.id),
      placeKind: 'location',
      address: '',
      town: '',
      locationId: String(locationId),
    });
    expect(res.status).toBe(303);
    const row = ta.db.$client.prepare('select location_id, place_name, address, town from meetings').get() as Record<string, unknown>;
    expect(row).toEqual({
      location_id: locationId,
      place_name: 'Overlegruimte Harderwijk (CJG Harderwijk)',
      address: 'Stationslaan 2, 3841 DB',
      town: 'Harderwijk',
    });
    const bad = await fac.post('/facilitate/meetings/new', { ...validForm(ta.orgs.icare.id), placeKind: 'location', locationId: '999999' });
    expect(bad.status).toBe(422);
    expect(text((await html(bad)).querySelector('#f-locationId-err'))).toBe('Kies een van de mogelijkheden.');
    expect(countRows(ta.db, 'meetings')).toBe(1);
  });

  it('edit while the under-minimum warning goes out: the edit reads the meeting afresh and never re-arms the warning (one mail)', async () => {
    const ta = await network();
    const { db, orgs, facilitator } = ta;
    const id = makeMeeting(db, facilitator.id, orgs.icare.id, { minParticipants: 3, maxParticipants: 6, title: 'Te klein' });
    const p = await member(ta, orgs.ggd.id, 'Enige');
    await p.client.post(`/meetings/${id}/signup`);
    ta.clock.set(instantOf('2026-12-09', '18:00').toISOString()); // sign-up closed, meeting not started
    const fac = await loginAs(ta.app, facilitator.email);
    const values = meetingValues(getManagedMeeting(db, id, facilitator.id, [])!, []);
    const edit = postHeld(fac, `/facilitate/meetings/${id}/edit`, { ...values, description: 'Nieuwe beschrijving' } as Record<string, string>);
    await edit.bodyRequested;
    expect(warnUnderMinimum(db, ta.clock.now())).toBe(1); // the job claims the warning while the form is on its way
    edit.release();
    expect((await edit.response).status).toBe(303);
    expect(warnUnderMinimum(db, ta.clock.now())).toBe(0);
    expect(mailsTo(db, facilitator.email).filter((m) => m.subject.includes('Te klein'))).toHaveLength(1);
  });

  it('two cancellations at once: the meeting is cancelled once and each participant is told once', async () => {
    const ta = await network();
    const { db, orgs, facilitator } = ta;
    const id = makeMeeting(db, facilitator.id, orgs.icare.id, { title: 'Dubbel geannuleerd' });
    const people = [await member(ta, orgs.ggd.id, 'Een'), await member(ta, orgs.cjg.id, 'Twee')];
    for (const p of people) await p.client.post(`/meetings/${id}/signup`);
    const fac = await loginAs(ta.app, facilitator.email);
    const first = postHeld(fac, `/facilitate/meetings/${id}/cancel`, { confirm: 'yes' });
    const second = postHeld(fac, `/facilitate/meetings/${id}/cancel`, { confirm: 'yes' });
    await Promise.all([first.bodyRequested, second.bodyRequested]);
    first.release();
    second.release();
    expect((await first.response).status).toBe(303);
    expect((await second.response).status).toBe(303);
    for (const p of people) expect(mailsTo(db, p.email).filter((m) => m.subject.includes('Dubbel geannuleerd'))).toHaveLength(1);
  });
});

describe('sign-up deadline on a working day (issue #17 point 12)', () => {
  const formValue = async (client: Awaited<ReturnType<typeof loginAs>>, name: string) =>
    (await html(await client.get('/facilitate/meetings/new'))).querySelector(`#f-${name}`)?.getAttribute('value');

  it('deadline default: a new meeting two weeks ahead on a Monday closes sign-up on the Friday before at 17:00, not on Sunday; over Christmas on the 24th', async () => {
    const ta = await network();
    const fac = await loginAs(ta.app, ta.facilitator.email);
    ta.clock.set(instantOf('2026-11-23', '10:00').toISOString()); // Monday → meeting Monday 7 December
    expect(await formValue(fac, 'date')).toBe('2026-12-07');
    expect(await formValue(fac, 'closesDate')).toBe('2026-12-04');
    expect(await formValue(fac, 'closesTime')).toBe('17:00');
    expect(await formValue(fac, 'cancelDate')).toBe('2026-12-04');
    ta.clock.set(instantOf('2026-12-14', '10:00').toISOString()); // → Monday 28 December: Sunday, Tweede and Eerste Kerstdag skipped
    expect(await formValue(fac, 'closesDate')).toBe('2026-12-24');
    ta.clock.set(instantOf('2026-11-25', '10:00').toISOString()); // Wednesday → Wednesday 9 December: the day before is a working day
    expect(await formValue(fac, 'closesDate')).toBe('2026-12-08');
  });

  it('deadline on a day off: a chosen deadline on a Saturday or a holiday is saved, with a warning (not refused), in Dutch and English', async () => {
    const ta = await network();
    const fac = await loginAs(ta.app, ta.facilitator.email);
    const res = await fac.post('/facilitate/meetings/new', { ...validForm(ta.orgs.icare.id), closesDate: '2026-12-05', cancelDate: '2026-12-09' });
    expect(res.status).toBe(303);
    expect(countRows(ta.db, 'meetings')).toBe(1);
    const shown = text(await html(await fac.get(res.headers.get('location')!)));
    expect(shown).toContain(
      'De bijeenkomst is gepubliceerd. Let op: de aanmelddeadline valt op za 5 dec 2026 (weekend). Dat mag, maar deelnemers verwachten het vaak niet; kies zo nodig een werkdag.',
    );
    expect(shown).not.toContain('afmelddeadline');
    // A working-day deadline: no warning.
    const plain = await fac.post('/facilitate/meetings/new', validForm(ta.orgs.icare.id));
    expect(text(await html(await fac.get(plain.headers.get('location')!)))).not.toContain('Let op');
    // A holiday (Tweede Kerstdag), in English.
    await fac.post('/language', { locale: 'en', next: '/' });
    const en = await fac.post('/facilitate/meetings/new', {
      ...validForm(ta.orgs.icare.id),
      date: '2026-12-30',
      closesDate: '2026-12-25',
      cancelDate: '2026-12-29',
    });
    expect(en.status).toBe(303);
    const enShown = text(await html(await fac.get(en.headers.get('location')!)));
    expect(enShown).toContain(
      'The meeting is published. Please note: the sign-up deadline falls on Fri, 25 Dec 2026 (Christmas Day). That is allowed, but participants often do not expect it; choose a working day if needed.',
    );
    expect(enShown).not.toContain('cancellation deadline falls');
  });
});

describe('deadlines that cannot work are refused at their field (review 2026-12: a cancellation deadline in the past)', () => {
  const refused = async (res: Response, errId: string, message: string) => {
    expect(res.status).toBe(422);
    const doc = await html(res);
    expect(text(doc.querySelector(`#${errId}`))).toBe(message);
    expect(doc.querySelector('#f-title')?.getAttribute('value')).toBeTruthy();
  };
  const CANCEL_AFTER_OPEN = 'De afmeldtermijn moet na het openen van de aanmelding liggen, anders kan niemand zich afmelden.';
  const CANCEL_IN_PAST = 'Dit moment is al voorbij: wie zich aanmeldt, kan zich dan nooit meer afmelden. Kies een moment in de toekomst.';
  const CLOSE_IN_PAST = 'Dit moment is al voorbij: dan kan niemand zich meer aanmelden. Kies een moment in de toekomst.';

  for (const path of ['/facilitate/meetings/new', '/facilitate/groups/new']) {
    it(`${path}: a cancellation deadline before sign-up opens or in the past, a sign-up deadline in the past → 422, nothing stored`, async () => {
      const ta = await network();
      ta.clock.set(instantOf('2026-12-03', '09:00').toISOString());
      const fac = await loginAs(ta.app, ta.facilitator.email);
      const form = { ...validForm(ta.orgs.icare.id), opensDate: '2026-12-03', cadenceWeeks: '2', count: '2' };
      // The review's case: sign-up opens 3 December, people could cancel only until 1 December.
      await refused(await fac.post(path, { ...form, cancelDate: '2026-12-01' }), 'f-cancelDate-err', CANCEL_AFTER_OPEN);
      await refused(await fac.post(path, { ...form, cancelDate: '2026-12-03', cancelTime: '00:00' }), 'f-cancelDate-err', CANCEL_AFTER_OPEN);
      // Sign-up opened earlier: the deadline is after it, but already passed.
      const openSince = { ...form, opensDate: '2026-11-23' };
      await refused(await fac.post(path, { ...openSince, cancelDate: '2026-12-02' }), 'f-cancelDate-err', CANCEL_IN_PAST);
      await refused(await fac.post(path, { ...openSince, cancelDate: '2026-12-03', cancelTime: '09:00' }), 'f-cancelDate-err', CANCEL_IN_PAST);
      await refused(await fac.post(path, { ...openSince, closesDate: '2026-12-02' }), 'f-closesDate-err', CLOSE_IN_PAST);
      expect(countRows(ta.db, 'meetings')).toBe(0);
      // A cancellation deadline before the sign-up deadline is a choice (late sign-ups are binding), and fine.
      expect((await fac.post(path, { ...openSince, cancelDate: '2026-12-07' })).status).toBe(303);
      expect(countRows(ta.db, 'meetings')).toBeGreaterThan(0);
    });
  }

  it('an edit after the deadlines passed as planned is saved; a deadline changed into the past is refused, one moved into the future is saved', async () => {
    const ta = await network();
    const { db, orgs, facilitator } = ta;
    const id = makeMeeting(db, facilitator.id, orgs.icare.id); // sign-up and cancellation close 9 Dec 17:00, start 10 Dec 14:00
    ta.clock.set(instantOf('2026-12-10', '09:00').toISOString());
    const fac = await loginAs(ta.app, facilitator.email);
    const stored = meetingValues(getManagedMeeting(db, id, facilitator.id, [])!, []) as Record<string, string>;
    const edit = (over: Record<string, string>) => fac.post(`/facilitate/meetings/${id}/edit`, { ...stored, ...over });
    expect((await edit({ description: 'Zaal 3, tweede verdieping' })).status).toBe(303);
    expect(getManagedMeeting(db, id, facilitator.id, [])!.description).toBe('Zaal 3, tweede verdieping');
    await refused(await edit({ cancelTime: '12:00' }), 'f-cancelDate-err', CANCEL_IN_PAST);
    await refused(await edit({ closesDate: '2026-12-08' }), 'f-closesDate-err', CLOSE_IN_PAST);
    await refused(await edit({ opensDate: '2026-12-10', opensTime: '08:00' }), 'f-cancelDate-err', CANCEL_AFTER_OPEN);
    expect(getManagedMeeting(db, id, facilitator.id, [])!.cancelDeadlineAt).toEqual(instantOf('2026-12-09', '17:00'));
    expect((await edit({ cancelDate: '2026-12-10', cancelTime: '12:00' })).status).toBe(303);
    expect(getManagedMeeting(db, id, facilitator.id, [])!.cancelDeadlineAt).toEqual(instantOf('2026-12-10', '12:00'));
  });
});

describe('a time the clocks skip is refused, the repeated hour is its first occurrence (review 2026-12: daylight saving)', () => {
  const NO_SUCH_TIME = 'Deze tijd bestaat niet op 28 maart 2027: de klok gaat dan van 02:00 naar 03:00.';
  const spring = (orgId: number) => ({
    ...validForm(orgId),
    date: '2027-03-28',
    start: '02:00',
    end: '03:30',
    opensDate: '2027-03-01',
    closesDate: '2027-03-26',
    cancelDate: '2027-03-26',
  });

  it('a meeting from 02:00 on 28 March 2027, or a deadline at 02:30 that night → 422 at that time field, nothing stored', async () => {
    const ta = await network();
    ta.clock.set(instantOf('2027-03-01', '09:00').toISOString());
    const fac = await loginAs(ta.app, ta.facilitator.email);
    const cases: [Record<string, string>, string][] = [
      [{}, 'f-start-err'],
      [{ start: '01:00', end: '02:30' }, 'f-end-err'],
      [{ start: '10:00', end: '12:00', closesDate: '2027-03-28', closesTime: '02:30' }, 'f-closesTime-err'],
      [{ start: '10:00', end: '12:00', cancelDate: '2027-03-28', cancelTime: '02:59' }, 'f-cancelTime-err'],
      [
        {
          start: '10:00',
          end: '12:00',
          opensDate: '2027-03-28',
          opensTime: '02:00',
          closesDate: '2027-03-28',
          closesTime: '09:00',
          cancelDate: '2027-03-28',
          cancelTime: '09:00',
        },
        'f-opensTime-err',
      ],
    ];
    for (const [over, errId] of cases) {
      const res = await fac.post('/facilitate/meetings/new', { ...spring(ta.orgs.icare.id), ...over });
      expect(res.status, JSON.stringify(over)).toBe(422);
      expect(text((await html(res)).querySelector(`#${errId}`))).toBe(NO_SUCH_TIME);
    }
    expect(countRows(ta.db, 'meetings')).toBe(0);
    // 03:00–03:30 exists: stored as typed, half an hour.
    expect((await fac.post('/facilitate/meetings/new', { ...spring(ta.orgs.icare.id), start: '03:00' })).status).toBe(303);
    const m = ta.db.$client.prepare('select starts_at as s, ends_at as e from meetings').get() as { s: number; e: number };
    expect([localTimeOf(new Date(m.s)), (m.e - m.s) / 60_000]).toEqual(['03:00', 30]);
  });

  it('in English the message says the same', async () => {
    const ta = await network();
    ta.clock.set(instantOf('2027-03-01', '09:00').toISOString());
    const fac = await loginAs(ta.app, ta.facilitator.email);
    await fac.post('/language', { locale: 'en', next: '/' });
    const res = await fac.post('/facilitate/meetings/new', spring(ta.orgs.icare.id));
    expect(text((await html(res)).querySelector('#f-start-err'))).toBe(
      'This time does not exist on 28 March 2027: the clocks go from 02:00 to 03:00 that night.',
    );
  });

  it('25 October 2026, 01:30–02:30 (02:00–03:00 happens twice): the first 02:30, so one hour; shown as typed', async () => {
    const ta = await network();
    ta.clock.set(instantOf('2026-10-01', '09:00').toISOString());
    const fac = await loginAs(ta.app, ta.facilitator.email);
    const res = await fac.post('/facilitate/meetings/new', {
      ...validForm(ta.orgs.icare.id),
      date: '2026-10-25',
      start: '01:30',
      end: '02:30',
      opensDate: '2026-10-01',
      closesDate: '2026-10-23',
      cancelDate: '2026-10-23',
    });
    expect(res.status).toBe(303);
    const m = ta.db.$client.prepare('select starts_at as s, ends_at as e from meetings').get() as { s: number; e: number };
    expect((m.e - m.s) / 60_000).toBe(60);
    expect([localTimeOf(new Date(m.s)), localTimeOf(new Date(m.e))]).toEqual(['01:30', '02:30']);
  });

  it('a group every week at 02:30 from 14 March 2027: its third meeting (28 March) does not exist → 422 naming it, nothing stored', async () => {
    const ta = await network();
    ta.clock.set(instantOf('2027-03-01', '09:00').toISOString());
    const fac = await loginAs(ta.app, ta.facilitator.email);
    const group = {
      ...validForm(ta.orgs.icare.id),
      date: '2027-03-14',
      start: '02:30',
      end: '04:00',
      opensDate: '2027-03-01',
      closesDate: '2027-03-12',
      cancelDate: '2027-03-12',
      cadenceWeeks: '1',
      count: '4',
    };
    const res = await fac.post('/facilitate/groups/new', group);
    expect(res.status).toBe(422);
    expect(text((await html(res)).querySelector('#f-start-err'))).toBe(`Bijeenkomst 3 van de reeks valt op 28 maart 2027. ${NO_SUCH_TIME}`);
    // A deadline shifted with the series lands in the skipped hour too.
    const deadline = await fac.post('/facilitate/groups/new', { ...group, start: '10:00', end: '12:00', cancelDate: '2027-03-14', cancelTime: '02:15' });
    expect(text((await html(deadline)).querySelector('#f-cancelTime-err'))).toBe(`Bijeenkomst 3 van de reeks valt op 28 maart 2027. ${NO_SUCH_TIME}`);
    expect(countRows(ta.db, 'meetings')).toBe(0);
    expect(countRows(ta.db, 'intervision_groups')).toBe(0);
    expect((await fac.post('/facilitate/groups/new', { ...group, count: '2' })).status).toBe(303);
  });
});

describe('a meeting at a partner location only on a day it is open (review 2026-12: closed locations)', () => {
  /** A CJG location open Monday–Friday, the CJG closed for "Kerst" on 24 December 2026; the clock on 23 November 2026. */
  async function closedWorld() {
    const ta = await network();
    const { locationId } = createSpace(ta.db, ta.orgs.cjg.id, { name: 'Overlegruimte' });
    ta.db.insert(closures).values({ scope: 'org', orgId: ta.orgs.cjg.id, startDate: '2026-12-24', endDate: '2026-12-24', reason: 'Kerst' }).run();
    const fac = await loginAs(ta.app, ta.facilitator.email);
    const at = (date: string, over: Record<string, string> = {}) => ({
      ...validForm(ta.orgs.icare.id),
      placeKind: 'location',
      locationId: String(locationId),
      address: '',
      town: '',
      date,
      closesDate: '2026-12-04',
      cancelDate: '2026-12-04',
      ...over,
    });
    return { ...ta, locationId, fac, at };
  }
  const HINT = 'Kies een andere datum, of een eigen adres of online.';

  it('on a closure, a public holiday the location closes for, or a weekday it is not open → 422 at the date with the reason; an own address that day is fine', async () => {
    const w = await closedWorld();
    const cases: [string, string][] = [
      ['2026-12-24', `De locatie is dan gesloten: Kerst. ${HINT}`],
      ['2026-12-25', `De locatie is dan gesloten: Eerste kerstdag. ${HINT}`],
      ['2026-12-13', `De locatie is gesloten op zondag. ${HINT}`],
    ];
    for (const [date, message] of cases) {
      const res = await w.fac.post('/facilitate/meetings/new', w.at(date));
      expect(res.status, date).toBe(422);
      const doc = await html(res);
      expect(text(doc.querySelector('#f-date-err'))).toBe(message);
      expect(doc.querySelector('#f-date')?.getAttribute('value')).toBe(date);
      expect(doc.querySelector('#f-title')?.getAttribute('value')).toBe('Nieuwe intervisie');
    }
    expect(countRows(w.db, 'meetings')).toBe(0);
    expect(
      (await w.fac.post('/facilitate/meetings/new', w.at('2026-12-24', { placeKind: 'address', locationId: '', address: 'Dorpsstraat 1', town: 'Ermelo' })))
        .status,
    ).toBe(303);
    expect((await w.fac.post('/facilitate/meetings/new', w.at('2026-12-23'))).status).toBe(303);
    expect(countRows(w.db, 'meetings')).toBe(2);
  });

  it('a series that reaches a closed day names that meeting, and nothing of the group is stored', async () => {
    const w = await closedWorld();
    const res = await w.fac.post('/facilitate/groups/new', w.at('2026-12-10', { cadenceWeeks: '1', count: '3', title: 'Reeks' }));
    expect(res.status).toBe(422);
    expect(text((await html(res)).querySelector('#f-date-err'))).toBe(
      `Bijeenkomst 3 van de reeks valt op 24 december 2026. De locatie is dan gesloten: Kerst. ${HINT}`,
    );
    expect(countRows(w.db, 'meetings')).toBe(0);
    expect(countRows(w.db, 'intervision_groups')).toBe(0);
    expect((await w.fac.post('/facilitate/groups/new', w.at('2026-12-10', { cadenceWeeks: '1', count: '2', title: 'Reeks' }))).status).toBe(303);
  });

  it('an edit that moves the meeting to a closed day is refused; a closure announced later does not block an edit of the description', async () => {
    const w = await closedWorld();
    expect((await w.fac.post('/facilitate/meetings/new', w.at('2026-12-23'))).status).toBe(303);
    const id = (w.db.$client.prepare('select id from meetings').get() as { id: number }).id;
    const moved = await w.fac.post(`/facilitate/meetings/${id}/edit`, w.at('2026-12-24'));
    expect(moved.status).toBe(422);
    expect(text((await html(moved)).querySelector('#f-date-err'))).toBe(`De locatie is dan gesloten: Kerst. ${HINT}`);
    expect(localTimeOf(getManagedMeeting(w.db, id, w.facilitator.id, [])!.startsAt)).toBe('14:00');
    w.db
      .insert(closures)
      .values({ scope: 'location', locationId: w.locationId, orgId: w.orgs.cjg.id, startDate: '2026-12-23', endDate: '2026-12-23', reason: 'Verbouwing' })
      .run();
    expect((await w.fac.post(`/facilitate/meetings/${id}/edit`, w.at('2026-12-23', { description: 'Neem je laptop mee' }))).status).toBe(303);
    expect(getManagedMeeting(w.db, id, w.facilitator.id, [])!.description).toBe('Neem je laptop mee');
  });
});
