import type { Dict } from '../i18n';
import type { Membership, SessionUser } from '../../src/types';

export type NavItem = { href: string; label: string };

const hasRole = (memberships: Membership[], role: Membership['roles'][number]) => memberships.some((m) => m.roles.includes(role));

/**
 * The navigation shows what the user's roles allow. Domains add their entries here, each with
 * the role that unlocks it; the server checks the same roles again on every route.
 */
export function navItems(t: Dict, user: SessionUser | null, memberships: Membership[], devOutbox: boolean): NavItem[] {
  const items: NavItem[] = [];
  if (!user) {
    items.push({ href: '/login', label: t.nav.login });
    if (devOutbox) items.push({ href: '/dev/outbox', label: t.nav.outbox });
    return items;
  }
  items.push({ href: '/', label: t.nav.home });
  // desks: nav items
  // intervision: nav items
  if (hasRole(memberships, 'org_admin')) items.push({ href: '/org/members', label: t.nav.members });
  if (user.isNetworkAdmin) items.push({ href: '/admin/organisations', label: t.nav.organisations });
  items.push({ href: '/account', label: t.nav.account });
  if (devOutbox) items.push({ href: '/dev/outbox', label: t.nav.outbox });
  return items;
}

export type HomeCard = { href: string; title: string; text: string };

/** What the home page offers, by role. Domains add their cards here. */
export function homeCards(t: Dict, user: SessionUser, memberships: Membership[]): HomeCard[] {
  const cards: HomeCard[] = [];
  // desks: home cards
  // intervision: home cards
  if (hasRole(memberships, 'org_admin')) cards.push({ href: '/org/members', title: t.nav.members, text: t.home.manageMembers });
  if (user.isNetworkAdmin) cards.push({ href: '/admin/organisations', title: t.nav.organisations, text: t.home.manageOrgs });
  return cards;
}
