import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { closures, locations, organisations } from '../../db/schema';
import { closedDatesFor, closuresFor } from '../../src/desks/rules';
import { createOrg, createTestApp } from '../helpers';
import { createSpace } from './factory';

// What closes a space on a date: a closure of the space, its location, its organisation or the
// whole network, or a public holiday its location closes for; nothing of another space, location
// or organisation.

function world() {
  const t = createTestApp();
  const orgA = createOrg(t.db, { name: 'CJG Harderwijk' });
  const orgB = createOrg(t.db, { name: 'GGD Noord- en Oost-Gelderland' });
  const space = createSpace(t.db, orgA.id, { name: 'Flexplekken' });
  const sibling = t.db.$client
    .prepare(`insert into spaces (location_id, org_id, name, kind, capacity) values (?, ?, 'Stilteruimte', 'stilteruimte', 2) returning id`)
    .get(space.locationId, orgA.id) as { id: number };
  const otherLocation = createSpace(t.db, orgA.id, { town: 'Ermelo' });
  const otherOrgLocation = createSpace(t.db, orgB.id, { town: 'Apeldoorn' });
  const close = (c: {
    scope?: 'location' | 'org' | 'network';
    locationId?: number;
    orgId?: number;
    spaceId?: number;
    start: string;
    end?: string;
    reason: string;
  }) =>
    t.db
      .insert(closures)
      .values({
        scope: c.scope ?? 'location',
        locationId: c.locationId ?? null,
        orgId: c.orgId ?? null,
        spaceId: c.spaceId ?? null,
        startDate: c.start,
        endDate: c.end ?? c.start,
        reason: c.reason,
      })
      .run();
  return { t, orgA, orgB, space, sibling, otherLocation, otherOrgLocation, close };
}

const space = (w: ReturnType<typeof world>) => ({ id: w.space.spaceId, locationId: w.space.locationId });

describe('closures: which closures close a space', () => {
  it('closure scope: the space’s own, its location’s, its organisation’s and the network’s; not a sibling space’s, another location’s or another organisation’s', () => {
    const w = world();
    w.close({ locationId: w.space.locationId, orgId: w.orgA.id, spaceId: w.sibling.id, start: '2026-12-01', reason: 'Andere ruimte' });
    w.close({ locationId: w.space.locationId, orgId: w.orgA.id, spaceId: w.space.spaceId, start: '2026-12-02', reason: 'Schilderwerk' });
    w.close({ locationId: w.space.locationId, orgId: w.orgA.id, start: '2026-12-03', end: '2026-12-04', reason: 'Verhuizing' });
    w.close({ scope: 'org', orgId: w.orgA.id, start: '2026-12-07', reason: 'Studiedag CJG' });
    w.close({ scope: 'org', orgId: w.orgB.id, start: '2026-12-08', reason: 'Studiedag GGD' });
    w.close({ scope: 'network', start: '2026-12-09', reason: 'Netwerkdag' });
    w.close({ locationId: w.otherLocation.locationId, orgId: w.orgA.id, start: '2026-12-10', reason: 'Ermelo dicht' });
    w.close({ locationId: w.otherOrgLocation.locationId, orgId: w.orgB.id, start: '2026-12-11', reason: 'Apeldoorn dicht' });
    const closed = closuresFor(w.t.db, space(w), '2026-11-30', '2026-12-11');
    const expected: [string, string | null][] = [
      ['2026-11-30', null],
      ['2026-12-01', null],
      ['2026-12-02', 'Schilderwerk'],
      ['2026-12-03', 'Verhuizing'],
      ['2026-12-04', 'Verhuizing'],
      ['2026-12-07', 'Studiedag CJG'],
      ['2026-12-08', null],
      ['2026-12-09', 'Netwerkdag'],
      ['2026-12-10', null],
      ['2026-12-11', null],
    ];
    for (const [date, reason] of expected) expect(closed(date), date).toEqual(reason === null ? null : { kind: 'closure', reason });
    const asDates = closedDatesFor(w.t.db, space(w), '2026-11-30', '2026-12-11');
    expect(asDates('2026-12-02')).toBe(true);
    expect(asDates('2026-12-01')).toBe(false);
  });
  it('closure range: a closure counts from its first to its last day, inclusive; the days around it are open', () => {
    const w = world();
    w.close({ locationId: w.space.locationId, orgId: w.orgA.id, start: '2026-12-15', end: '2026-12-17', reason: 'Verbouwing' });
    const closed = closuresFor(w.t.db, space(w), '2026-12-01', '2026-12-31');
    expect(['2026-12-14', '2026-12-15', '2026-12-16', '2026-12-17', '2026-12-18'].map((d) => closed(d)?.kind ?? null)).toEqual([
      null,
      'closure',
      'closure',
      'closure',
      null,
    ]);
  });
  it('closure range: overlapping closures give the one that starts first', () => {
    const w = world();
    w.close({ locationId: w.space.locationId, orgId: w.orgA.id, start: '2026-12-16', end: '2026-12-16', reason: 'Later' });
    w.close({ scope: 'network', start: '2026-12-14', end: '2026-12-18', reason: 'Eerder' });
    expect(closuresFor(w.t.db, space(w), '2026-12-01', '2026-12-31')('2026-12-16')).toEqual({ kind: 'closure', reason: 'Eerder' });
  });
});

describe('holidays: which public holidays close a space', () => {
  it('holidays: by default Christmas closes the location, and a closure on that date gives its own reason', () => {
    const w = world();
    expect(closuresFor(w.t.db, space(w), '2026-12-01', '2026-12-31')('2026-12-25')).toEqual({ kind: 'holiday', holiday: 'eerste_kerstdag' });
    w.close({ locationId: w.space.locationId, orgId: w.orgA.id, start: '2026-12-25', reason: 'Kerstsluiting' });
    expect(closuresFor(w.t.db, space(w), '2026-12-01', '2026-12-31')('2026-12-25')).toEqual({ kind: 'closure', reason: 'Kerstsluiting' });
  });
  it('holidays: the location’s own choice wins over its organisation’s; without one, the organisation’s applies', () => {
    const w = world();
    w.t.db.update(organisations).set({ closedHolidays: '' }).where(eq(organisations.id, w.orgA.id)).run();
    expect(closuresFor(w.t.db, space(w), '2026-12-01', '2026-12-31')('2026-12-25')).toBeNull();
    w.t.db.update(locations).set({ closedHolidays: 'eerste_kerstdag' }).where(eq(locations.id, w.space.locationId)).run();
    expect(closuresFor(w.t.db, space(w), '2026-12-01', '2026-12-31')('2026-12-25')).toEqual({ kind: 'holiday', holiday: 'eerste_kerstdag' });
    expect(closuresFor(w.t.db, space(w), '2026-12-01', '2026-12-31')('2026-12-26')).toBeNull();
    expect(closedDatesFor(w.t.db, space(w), '2026-12-01', '2026-12-31')('2026-12-25')).toBe(true);
  });
});
