import { describe, expect, it } from 'vitest';
import { findPartnerPeople } from '../../src/desks/bookings';
import { createOrg, createTestApp, createUser } from '../helpers';

// Whom a host can find to register as a walk-in (findPartnerPeople): members of a partner
// organisation with an active account, by part of the name or the whole e-mail address.

async function world() {
  const t = createTestApp();
  const hostOrg = createOrg(t.db, { name: 'CJG Harderwijk' });
  const ggd = createOrg(t.db, { name: 'GGD Noord- en Oost-Gelderland' });
  const wijkteam = createOrg(t.db, { name: 'Wijkteam Ermelo' });
  await createUser(t.db, { orgId: ggd.id, name: 'Sanne de Vries', email: 'sanne@ggd.example' });
  await createUser(t.db, { orgId: wijkteam.id, name: 'Sa Li', email: 'sa.li@wijkteam.example' });
  await createUser(t.db, { orgId: ggd.id, name: 'Ruben Mulder', email: 'ruben@ggd.example' });
  await createUser(t.db, { orgId: ggd.id, name: 'Sanne Oud', deactivated: true });
  await createUser(t.db, { orgId: hostOrg.id, name: 'Sanne Eigen', email: 'sanne.eigen@cjg.example' });
  // An account named as a shared desk often is, with an underscore.
  await createUser(t.db, { orgId: wijkteam.id, name: 'Balie_Ermelo', email: 'balie@wijkteam.example' });
  const find = (q: string, hostOrgIds = [hostOrg.id]) => findPartnerPeople(t.db, hostOrgIds, q).map((p) => `${p.name} (${p.orgName})`);
  return { t, hostOrg, ggd, wijkteam, find };
}

describe('walk-in search', () => {
  it('walk-in search: at least two characters, spaces around them ignored; one character finds nobody', async () => {
    const w = await world();
    expect(w.find('sa')).toEqual(['Sa Li (Wijkteam Ermelo)', 'Sanne de Vries (GGD Noord- en Oost-Gelderland)']);
    expect(w.find('  sa  ')).toEqual(['Sa Li (Wijkteam Ermelo)', 'Sanne de Vries (GGD Noord- en Oost-Gelderland)']);
    expect(w.find('s')).toEqual([]);
    expect(w.find(' s ')).toEqual([]);
  });

  it('walk-in search: part of a name in any case, or the whole e-mail address; part of an address is not enough', async () => {
    const w = await world();
    expect(w.find('MULDER')).toEqual(['Ruben Mulder (GGD Noord- en Oost-Gelderland)']);
    expect(w.find('RUBEN@GGD.EXAMPLE')).toEqual(['Ruben Mulder (GGD Noord- en Oost-Gelderland)']);
    expect(w.find('ruben@ggd')).toEqual([]);
  });

  it('walk-in search: % and _ in the query are plain characters, not wildcards', async () => {
    const w = await world();
    expect(w.find('%%')).toEqual([]);
    expect(w.find('__')).toEqual([]);
    expect(w.find('s%e')).toEqual([]);
    expect(w.find('sa_li')).toEqual([]);
    expect(w.find('sann\\e')).toEqual([]);
    expect(w.find('sanne')).toHaveLength(1);
    // … and they match themselves.
    expect(w.find('e_e')).toEqual(['Balie_Ermelo (Wijkteam Ermelo)']);
  });

  it('walk-in search: never the host’s own staff or a deactivated account; a host without an organisation finds nobody', async () => {
    const w = await world();
    expect(w.find('sanne')).toEqual(['Sanne de Vries (GGD Noord- en Oost-Gelderland)']);
    expect(w.find('sanne', [w.hostOrg.id, w.ggd.id])).toEqual([]);
    expect(w.find('sanne', [])).toEqual([]);
  });
});
