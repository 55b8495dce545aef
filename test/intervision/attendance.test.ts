import { describe, expect, it } from 'vitest';
import { countRows, html, loginAs, text } from '../helpers';
import { writeTx } from '../../src/db';
import { recordAttendance } from '../../src/intervision/attendance';
import { getManagedMeeting } from '../../src/intervision/meetings';
import { instantOf } from '../../src/lib/time';
import { makeMeeting, member, network } from './fixtures';

async function meetingWithPeople() {
  const ta = await network();
  const { db, orgs, facilitator } = ta;
  const id = makeMeeting(db, facilitator.id, orgs.icare.id, { maxParticipants: 4, minParticipants: 1 });
  const a = await member(ta, orgs.ggd.id, 'Anna');
  const b = await member(ta, orgs.cjg.id, 'Bart');
  await a.client.post(`/meetings/${id}/signup`);
  await b.client.post(`/meetings/${id}/signup`);
  const regs = db.$client.prepare('select r.id, u.name from registrations r join users u on u.id = r.user_id order by u.name').all() as {
    id: number;
    name: string;
  }[];
  const regA = regs.find((r) => r.name === 'Anna')!.id;
  const regB = regs.find((r) => r.name === 'Bart')!.id;
  return { ta, id, a, b, regA, regB };
}

describe('intervision: attendance', () => {
  it('permissions: another facilitator, a participant and an org admin of another organisation are refused; the organising org admin may', async () => {
    const { ta, id, a, regA } = await meetingWithPeople();
    const { orgs } = ta;
    ta.clock.set('2026-12-10T13:30:00Z'); // meeting started at 13:00 UTC
    const body = { [`presence_${regA}`]: 'present' };
    const otherFac = await member(ta, orgs.ggd.id, 'Andere begeleider', { roles: ['facilitator'] });
    const otherAdmin = await member(ta, orgs.cjg.id, 'Andere beheerder', { roles: ['org_admin'] });
    for (const who of [otherFac.client, a.client, otherAdmin.client]) {
      expect((await who.get(`/facilitate/meetings/${id}/attendance`)).status).toBe(404);
      expect((await who.post(`/facilitate/meetings/${id}/attendance`, body)).status).toBe(404);
    }
    expect(countRows(ta.db, 'attendance_changes')).toBe(0);
    const admin = await member(ta, orgs.icare.id, 'Icare beheerder', { roles: ['org_admin'] });
    expect((await admin.client.post(`/facilitate/meetings/${id}/attendance`, body)).status).toBe(303);
    expect(countRows(ta.db, 'attendance_changes')).toBe(1);
  });

  it('before the start → refused; after 14 days → refused; in between every change is logged (who, when, old → new)', async () => {
    const { ta, id, regA, regB } = await meetingWithPeople();
    const fac = await loginAs(ta.app, ta.facilitator.email);
    ta.clock.set('2026-12-10T12:59:00Z');
    const early = await fac.post(`/facilitate/meetings/${id}/attendance`, { [`presence_${regA}`]: 'present' });
    expect(early.status).toBe(409);
    expect(text(await html(early))).toContain('zodra de bijeenkomst begonnen is');
    ta.clock.set('2026-12-10T13:00:00Z');
    expect((await fac.post(`/facilitate/meetings/${id}/attendance`, { [`presence_${regA}`]: 'present', [`presence_${regB}`]: 'excused' })).status).toBe(303);
    ta.clock.set('2026-12-12T09:00:00Z');
    expect(
      (await fac.post(`/facilitate/meetings/${id}/attendance`, { [`presence_${regA}`]: 'present', [`minutes_${regA}`]: '90', [`presence_${regB}`]: 'excused' }))
        .status,
    ).toBe(303);
    const log = ta.db.$client
      .prepare('select registration_id, changed_by, old_presence, new_presence, old_minutes, new_minutes from attendance_changes order by id')
      .all();
    expect(log).toEqual([
      { registration_id: regA, changed_by: ta.facilitator.id, old_presence: null, new_presence: 'present', old_minutes: null, new_minutes: null },
      { registration_id: regB, changed_by: ta.facilitator.id, old_presence: null, new_presence: 'excused', old_minutes: null, new_minutes: null },
      { registration_id: regA, changed_by: ta.facilitator.id, old_presence: 'present', new_presence: 'present', old_minutes: null, new_minutes: 90 },
    ]);
    const page = await html(await fac.get(`/facilitate/meetings/${id}/attendance`));
    expect(text(page.querySelector('.attendance-log'))).toContain('Ahmed El Amrani wijzigde Anna: Aanwezig → Aanwezig (90 min)');
    ta.clock.set(new Date(instantOf('2026-12-10', '14:00').getTime() + 14 * 86_400_000 + 1).toISOString());
    const late = await fac.post(`/facilitate/meetings/${id}/attendance`, { [`presence_${regA}`]: 'absent' });
    expect(late.status).toBe(409);
    expect(text(await html(late))).toContain('De termijn van 14 dagen');
    expect(countRows(ta.db, 'attendance_changes')).toBe(3);
  });

  it('attendance window: 14 days after the start — open on day 13 and at exactly 14 days, closed on day 15', async () => {
    const { ta, id, regA } = await meetingWithPeople();
    const fac = await loginAs(ta.app, ta.facilitator.email);
    const start = instantOf('2026-12-10', '14:00').getTime();
    const DAY = 86_400_000;
    const record = (presence: string) => fac.post(`/facilitate/meetings/${id}/attendance`, { [`presence_${regA}`]: presence });
    ta.clock.set(new Date(start + 13 * DAY).toISOString());
    expect((await record('present')).status).toBe(303);
    ta.clock.set(new Date(start + 14 * DAY).toISOString());
    expect((await record('absent')).status).toBe(303);
    ta.clock.set(new Date(start + 15 * DAY).toISOString());
    const late = await fac.post(`/facilitate/meetings/${id}/attendance`, { [`presence_${regA}`]: 'present', [`minutes_${regA}`]: '75' });
    expect(late.status).toBe(409);
    const doc = await html(late);
    // Nothing saved, said at the top; what was typed stays in view so it can be noted elsewhere.
    expect(text(doc.querySelector('.error-summary'))).toContain('Niet opgeslagen: de termijn van 14 dagen');
    expect(doc.querySelector(`#f-minutes_${regA}`)?.getAttribute('value')).toBe('75');
    expect(doc.querySelector(`#f-presence_${regA} option[selected]`)?.getAttribute('value')).toBe('present');
    const log = ta.db.$client.prepare('select new_presence from attendance_changes order by id').all();
    expect(log).toEqual([{ new_presence: 'present' }, { new_presence: 'absent' }]);
  });

  it('attendance only once the meeting has started: one millisecond before the start is refused, the start itself is open', async () => {
    const { ta, id, regA } = await meetingWithPeople();
    const fac = await loginAs(ta.app, ta.facilitator.email);
    const start = instantOf('2026-12-10', '14:00').getTime();
    ta.clock.set(new Date(start - 1).toISOString());
    expect((await fac.post(`/facilitate/meetings/${id}/attendance`, { [`presence_${regA}`]: 'present' })).status).toBe(409);
    expect(countRows(ta.db, 'attendance_changes')).toBe(0);
    ta.clock.set(new Date(start).toISOString());
    expect((await fac.post(`/facilitate/meetings/${id}/attendance`, { [`presence_${regA}`]: 'present' })).status).toBe(303);
    expect(countRows(ta.db, 'attendance_changes')).toBe(1);
  });

  it('attendance is recorded only for registered participants of this meeting; minutes only for someone present', async () => {
    const { ta, id, regA, regB } = await meetingWithPeople();
    const { db, orgs, facilitator } = ta;
    const otherMeeting = makeMeeting(db, facilitator.id, orgs.icare.id, { maxParticipants: 1, minParticipants: 1 });
    const x = await member(ta, orgs.lokalis.id, 'Xander');
    const y = await member(ta, orgs.ggd.id, 'Yara');
    await x.client.post(`/meetings/${otherMeeting}/signup`);
    await y.client.post(`/meetings/${otherMeeting}/signup`); // waits: the other meeting has one place
    const w = await member(ta, orgs.lokalis.id, 'Wim');
    await w.client.post(`/meetings/${id}/signup`);
    await w.client.post(`/meetings/${id}/cancel-registration`);
    const regOf = (userId: string) => (db.$client.prepare('select id from registrations where user_id = ?').get(userId) as { id: number }).id;
    const m = getManagedMeeting(db, id, facilitator.id, [])!;
    const result = writeTx(db, (tx) =>
      recordAttendance(
        tx,
        m,
        [
          { registrationId: regA, presence: 'absent', minutesPresent: 30 },
          { registrationId: regB, presence: 'present', minutesPresent: 45 },
          { registrationId: regOf(x.id), presence: 'present', minutesPresent: null }, // another meeting's participant
          { registrationId: regOf(w.id), presence: 'present', minutesPresent: null }, // cancelled
        ],
        facilitator.id,
        instantOf('2026-12-10', '15:00'),
      ),
    );
    expect(result).toEqual({ ok: true, changed: 2 });
    const row = (regId: number) => db.$client.prepare('select presence, minutes_present from registrations where id = ?').get(regId);
    expect(row(regA)).toEqual({ presence: 'absent', minutes_present: null });
    expect(row(regB)).toEqual({ presence: 'present', minutes_present: 45 });
    for (const u of [x.id, y.id, w.id]) expect(row(regOf(u))).toEqual({ presence: null, minutes_present: null });
    expect(countRows(db, 'attendance_changes')).toBe(2);
  });

  it('minutes present outside 0..duration → 422 by the field, nothing stored', async () => {
    const { ta, id, regA } = await meetingWithPeople();
    const fac = await loginAs(ta.app, ta.facilitator.email);
    ta.clock.set('2026-12-10T15:00:00Z');
    const res = await fac.post(`/facilitate/meetings/${id}/attendance`, { [`presence_${regA}`]: 'present', [`minutes_${regA}`]: '500' });
    expect(res.status).toBe(422);
    expect(text((await html(res)).querySelector(`#f-minutes_${regA}-err`))).toBe('Vul een aantal minuten van 0 tot en met 120 in.');
    expect(countRows(ta.db, 'attendance_changes')).toBe(0);
  });

  it('CSV export: UTF-8 with BOM, attachment, date/start/end/method/facilitator and participants with organisation and presence', async () => {
    const { ta, id, regA, regB } = await meetingWithPeople();
    const fac = await loginAs(ta.app, ta.facilitator.email);
    ta.clock.set('2026-12-10T15:00:00Z');
    await fac.post(`/facilitate/meetings/${id}/attendance`, { [`presence_${regA}`]: 'present', [`presence_${regB}`]: 'absent' });
    const res = await fac.get(`/facilitate/meetings/${id}/attendance.csv`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="aanwezigheid-2026-12-10.csv"');
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder().decode(bytes.slice(3)).trim().split('\r\n');
    expect(lines[0]).toBe('Datum;Begin;Einde;Methode;Begeleider;Deelnemer;Organisatie;Aanwezigheid;Minuten aanwezig');
    expect(lines[1]).toBe('2026-12-10;14:00;16:00;Incidentmethode;Ahmed El Amrani;Anna;GGD NOG;Aanwezig;120');
    expect(lines[2]).toBe('2026-12-10;14:00;16:00;Incidentmethode;Ahmed El Amrani;Bart;CJG Harderwijk;Afwezig;');
  });

  it('attendance rule in the domain function itself: before the start and after the 14-day window nothing is stored, whoever calls it', async () => {
    const { ta, id, regA } = await meetingWithPeople();
    const { db, facilitator } = ta;
    const m = getManagedMeeting(db, id, facilitator.id, [])!;
    const entries = [{ registrationId: regA, presence: 'present' as const, minutesPresent: null }];
    const start = instantOf('2026-12-10', '14:00').getTime();
    expect(recordAttendance(db, m, entries, facilitator.id, new Date(start - 1))).toEqual({ ok: false, reason: 'not-started' });
    expect(recordAttendance(db, m, entries, facilitator.id, new Date(start + 15 * 86_400_000))).toEqual({ ok: false, reason: 'closed' });
    expect(countRows(db, 'attendance_changes')).toBe(0);
    expect(db.$client.prepare('select presence from registrations where id = ?').get(regA)).toEqual({ presence: null });
  });

  it('CSV export: a participant whose attendance is not recorded yet has empty presence and minutes', async () => {
    const { ta, id, regA } = await meetingWithPeople();
    const fac = await loginAs(ta.app, ta.facilitator.email);
    ta.clock.set('2026-12-10T15:00:00Z');
    await fac.post(`/facilitate/meetings/${id}/attendance`, { [`presence_${regA}`]: 'present' });
    const res = await fac.get(`/facilitate/meetings/${id}/attendance.csv`);
    const lines = new TextDecoder()
      .decode(new Uint8Array(await res.arrayBuffer()).slice(3))
      .trim()
      .split('\r\n');
    expect(lines[2]).toBe('2026-12-10;14:00;16:00;Incidentmethode;Ahmed El Amrani;Bart;CJG Harderwijk;;');
  });
});
