import { describe, expect, it } from 'vitest';
import { instantOf } from '../../src/lib/time';
import { countRows, createOrg, createTestApp, createUser, html, loginAs, TestClock, text } from '../helpers';
import { createSpace } from './factory';

// Review finding: at 19:33 the host could register a walk-in for today's afternoon, after the
// dagdeel had ended. A walk-in may come after the check-in deadline (ADR 012), not after the
// dagdeel's end: the times the calendar gives it (morning until 12:30, afternoon until 17:00).
// Wednesday 9 December 2026.
const TODAY = '2026-12-09';

async function world(time: string) {
  const t = createTestApp({ clock: new TestClock(instantOf(TODAY, time)) });
  const hostOrg = createOrg(t.db, { name: 'CJG Harderwijk' });
  const ggd = createOrg(t.db, { name: 'GGD Noord- en Oost-Gelderland' });
  const space = createSpace(t.db, hostOrg.id, { capacity: 2 });
  const host = await createUser(t.db, { orgId: hostOrg.id, roles: ['host'], name: 'Marieke Jansen' });
  const guest = await createUser(t.db, { orgId: ggd.id, name: 'Sanne de Vries', email: 'sanne@ggd.example' });
  const hostClient = await loginAs(t.app, host.email);
  const path = `/host/walk-ins/${space.locationId}`;
  const person = (daypart: string) => hostClient.post(path, { q: 'sanne', user: guest.id, org: String(ggd.id), space: String(space.spaceId), daypart });
  const visitor = (daypart: string, headers: Record<string, string> = {}) =>
    hostClient.post(`${path}/visitor`, { name: 'Jan Visser', organisation: 'Veilig Thuis', space: String(space.spaceId), daypart }, headers);
  return { t, path, person, visitor, hostClient };
}

describe('walk-in: not for a dagdeel that has ended', () => {
  it('walk-in ended: at 19:33 the afternoon is refused in the person’s form, naming the time it ended; nothing is written', async () => {
    const w = await world('19:33');
    const res = await w.person('afternoon');
    expect(res.status).toBe(422);
    const form = (await html(res)).querySelector('form.walk-in')!;
    expect(text(form.querySelector('[role="alert"]'))).toBe(
      'Sanne de Vries is niet ingeschreven. De middag van vandaag is om 17:00 afgelopen. Kies een dagdeel dat nog niet voorbij is.',
    );
    expect(form.querySelector('select[name="daypart"] option[selected]')?.getAttribute('value')).toBe('afternoon');
    expect(countRows(w.t.db, 'bookings')).toBe(0);
  });

  it('walk-in ended: a visitor’s ended dagdeel is said at the dagdeel field, with what was typed kept; in English too', async () => {
    const w = await world('19:33');
    const res = await w.visitor('afternoon');
    expect(res.status).toBe(422);
    const doc = await html(res);
    const form = doc.querySelector('form.walk-in-visitor')!;
    expect(text(form.querySelector('#visitor-daypart')?.closest('.field') ?? form)).toContain(
      'De middag van vandaag is om 17:00 afgelopen. Kies een dagdeel dat nog niet voorbij is.',
    );
    expect(form.querySelector('#visitor-name')?.getAttribute('value')).toBe('Jan Visser');
    const en = await html(await w.visitor('afternoon', { 'accept-language': 'en' }));
    expect(text(en.querySelector('form.walk-in-visitor'))).toContain("Today's afternoon ended at 17:00.");
    expect(countRows(w.t.db, 'bookings')).toBe(0);
  });

  it('walk-in ended: at 12:30 the morning has ended and the afternoon is still open; at 16:59 the afternoon is still open', async () => {
    const w = await world('12:30');
    expect((await w.visitor('morning')).status).toBe(422);
    expect((await w.person('afternoon')).status).toBe(303);
    const late = await world('16:59');
    expect((await late.person('afternoon')).status).toBe(303);
    expect((await late.visitor('afternoon')).status).toBe(303);
  });

  it('walk-in search: one character says that at least two are needed; two characters search', async () => {
    const w = await world('09:00');
    const one = text((await html(await w.hostClient.get(`${w.path}?q=s`))).querySelector('main'));
    expect(one).toContain('Typ minstens 2 tekens van de naam, of het hele e-mailadres.');
    expect(one).not.toContain('Niemand gevonden');
    const none = text((await html(await w.hostClient.get(`${w.path}?q=xq`))).querySelector('main'));
    expect(none).toContain('Niemand gevonden');
    expect(none).not.toContain('Typ minstens');
    const empty = text((await html(await w.hostClient.get(w.path))).querySelector('main'));
    expect(empty).not.toContain('Typ minstens');
  });
});
