import { memberships, organisations, users, type OrgKind, type OrgRole } from '../schema';
import type { Tx } from '../../src/db';
import { newId } from '../../src/lib/tokens';

export const DEMO_PASSWORD = 'gastplek-demo';

export const DEMO_ACCOUNTS = [
  {
    email: 'worker@gastplek.test',
    name: 'Sanne de Vries',
    org: 'GGD Noord- en Oost-Gelderland',
    roles: ['member'],
    description: 'medewerker (GGD Noord- en Oost-Gelderland)',
  },
  { email: 'host@gastplek.test', name: 'Marieke Jansen', org: 'CJG Harderwijk', roles: ['member', 'host'], description: 'gastheer/-vrouw (CJG Harderwijk)' },
  {
    email: 'facilitator@gastplek.test',
    name: 'Ahmed El Amrani',
    org: 'Icare JGZ',
    roles: ['member', 'facilitator'],
    description: 'begeleider intervisie (Icare JGZ)',
  },
  {
    email: 'orgadmin@gastplek.test',
    name: 'Joost Bakker',
    org: 'Lokalis Utrecht',
    roles: ['member', 'org_admin'],
    description: 'beheerder organisatie (Lokalis Utrecht)',
  },
  {
    email: 'expert@gastplek.test',
    name: 'Lieke Verhoeven',
    org: 'CJG Harderwijk',
    roles: ['member', 'expert'],
    description: 'gedragswetenschapper met spreekuur (CJG Harderwijk)',
  },
  {
    email: 'admin@gastplek.test',
    name: 'Ellen Visser',
    org: 'Gemeente Harderwijk',
    roles: ['member'],
    description: 'netwerkbeheerder (Gemeente Harderwijk)',
    networkAdmin: true,
  },
] as const satisfies readonly {
  email: string;
  name: string;
  org: string;
  roles: readonly OrgRole[];
  description: string;
  networkAdmin?: boolean;
}[];

export const DEMO_ORGS: { name: string; kind: OrgKind; town: string }[] = [
  { name: 'CJG Harderwijk', kind: 'cjg', town: 'Harderwijk' },
  { name: 'GGD Noord- en Oost-Gelderland', kind: 'ggd', town: 'Apeldoorn' },
  { name: 'Icare JGZ', kind: 'jgz', town: 'Meppel' },
  { name: 'Lokalis Utrecht', kind: 'wijkteam', town: 'Utrecht' },
  { name: 'Ouder- en Kindteams Amsterdam', kind: 'jgz', town: 'Amsterdam' },
  { name: 'WIJeindhoven', kind: 'wijkteam', town: 'Eindhoven' },
  { name: 'Entrea Lindenhout', kind: 'jeugdzorg', town: 'Nijmegen' },
  { name: 'Gemeente Harderwijk', kind: 'gemeente', town: 'Harderwijk' },
  { name: 'CJG Ede', kind: 'cjg', town: 'Ede' },
];

/** More colleagues, so that lists look like real life. */
const OTHER_PEOPLE: { name: string; org: string; roles: OrgRole[] }[] = [
  { name: 'Fatima Ouali', org: 'CJG Harderwijk', roles: ['member'] },
  { name: 'Pieter van Dam', org: 'CJG Harderwijk', roles: ['member', 'org_admin'] },
  { name: 'Lotte Smit', org: 'GGD Noord- en Oost-Gelderland', roles: ['member', 'host', 'org_admin'] },
  { name: 'Ruben Mulder', org: 'GGD Noord- en Oost-Gelderland', roles: ['member'] },
  { name: 'Noor Hendriks', org: 'Icare JGZ', roles: ['member', 'host', 'org_admin'] },
  { name: 'Daan de Boer', org: 'Icare JGZ', roles: ['member'] },
  { name: 'Yasmina Bouzid', org: 'Lokalis Utrecht', roles: ['member', 'host', 'facilitator'] },
  { name: 'Thomas Dekker', org: 'Lokalis Utrecht', roles: ['member'] },
  { name: 'Emma Willems', org: 'Ouder- en Kindteams Amsterdam', roles: ['member', 'host', 'org_admin'] },
  { name: 'Koen Peters', org: 'Ouder- en Kindteams Amsterdam', roles: ['member', 'facilitator'] },
  { name: 'Iris van Leeuwen', org: 'WIJeindhoven', roles: ['member', 'host', 'org_admin'] },
  { name: 'Bram Vos', org: 'WIJeindhoven', roles: ['member'] },
  { name: 'Sophie Meijer', org: 'Entrea Lindenhout', roles: ['member', 'host', 'org_admin'] },
  { name: 'Mohamed Yilmaz', org: 'Entrea Lindenhout', roles: ['member', 'facilitator'] },
  { name: 'Anouk de Graaf', org: 'Gemeente Harderwijk', roles: ['member', 'org_admin'] },
  { name: 'Lars Kok', org: 'CJG Ede', roles: ['member', 'host', 'org_admin'] },
  { name: 'Julia Brouwer', org: 'CJG Ede', roles: ['member'] },
  { name: 'Hanna Koster', org: 'Icare JGZ', roles: ['member'] },
];

function emailFor(name: string): string {
  const local = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z ]/g, '')
    .trim()
    .replace(/\s+/g, '.');
  return `${local}@gastplek.test`;
}

export type CoreSeed = { orgIds: Map<string, number>; userIds: Map<string, string> };

export function seedCore(tx: Tx, passwordHash: string): CoreSeed {
  const orgIds = new Map<string, number>();
  for (const o of DEMO_ORGS) {
    const row = tx.insert(organisations).values(o).returning({ id: organisations.id }).get();
    orgIds.set(o.name, row.id);
  }
  const userIds = new Map<string, string>();
  const people = [
    ...DEMO_ACCOUNTS.map((a) => ({
      email: a.email as string,
      name: a.name as string,
      org: a.org as string,
      roles: [...a.roles] as OrgRole[],
      networkAdmin: 'networkAdmin' in a,
    })),
    ...OTHER_PEOPLE.map((p) => ({ ...p, email: emailFor(p.name), networkAdmin: false })),
  ];
  for (const p of people) {
    const id = newId();
    tx.insert(users).values({ id, email: p.email, name: p.name, passwordHash, isNetworkAdmin: p.networkAdmin }).run();
    const orgId = orgIds.get(p.org)!;
    for (const role of p.roles) tx.insert(memberships).values({ userId: id, orgId, role }).run();
    userIds.set(p.email, id);
  }
  return { orgIds, userIds };
}
