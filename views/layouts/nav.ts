import type { Dict } from '../i18n';
import type { Membership, SessionUser } from '../../src/types';
import { holdsRole } from '../../src/orgs/orgs';

export type NavItem = { href: string; label: string };

/**
 * The navigation shows what the user's roles allow. Domains add their entries here, each with
 * the role that unlocks it; the server checks the same roles again on every route.
 */
export function navItems(t: Dict, user: SessionUser | null, memberships: Membership[], devOutbox: boolean, unread = 0, openRequests = 0): NavItem[] {
  const items: NavItem[] = [];
  if (!user) {
    items.push({ href: '/login', label: t.nav.login });
    if (devOutbox) items.push({ href: '/dev/outbox', label: t.nav.outbox });
    return items;
  }
  items.push({ href: '/', label: t.nav.home });
  // desks: nav items
  if (memberships.length > 0) items.push({ href: '/desks', label: t.desks.nav.search }, { href: '/bookings', label: t.desks.nav.bookings });
  if (holdsRole(memberships, 'host'))
    items.push({ href: '/host/locations', label: t.desks.nav.locations }, { href: '/host/requests', label: t.requests.nav(openRequests) });
  // consults: nav items
  if (memberships.length > 0) items.push({ href: '/consults', label: t.consults.nav });
  if (holdsRole(memberships, 'expert')) items.push({ href: '/consults/mine', label: t.consults.navMine });
  // intervision: nav items
  items.push({ href: '/meetings', label: t.intervision.nav.meetings }, { href: '/reflection', label: t.intervision.nav.reflection });
  // Org admins may manage their organisation's meetings too (attendance, cancellation).
  if (holdsRole(memberships, 'facilitator') || holdsRole(memberships, 'org_admin')) items.push({ href: '/facilitate', label: t.intervision.nav.facilitate });
  if (holdsRole(memberships, 'org_admin')) items.push({ href: '/org/members', label: t.nav.members });
  if (user.isNetworkAdmin) items.push({ href: '/admin/organisations', label: t.nav.organisations });
  if (holdsRole(memberships, 'org_admin') || user.isNetworkAdmin) items.push({ href: '/closures', label: t.closures.nav });
  if (holdsRole(memberships, 'org_admin') || user.isNetworkAdmin) items.push({ href: '/insight', label: t.insight.nav });
  if (holdsRole(memberships, 'org_admin') || user.isNetworkAdmin) items.push({ href: '/access-log', label: t.privacy.log.nav });
  items.push({ href: '/notifications', label: t.notifications.navLabel(unread) });
  items.push({ href: '/account', label: t.nav.account });
  if (devOutbox) items.push({ href: '/dev/outbox', label: t.nav.outbox });
  return items;
}

export type HomeCard = { href: string; title: string; text: string };

/** What the home page offers, by role. Domains add their cards here. */
export function homeCards(t: Dict, user: SessionUser, memberships: Membership[]): HomeCard[] {
  const cards: HomeCard[] = [];
  // desks: home cards
  if (memberships.length > 0)
    cards.push(
      { href: '/desks', title: t.desks.nav.search, text: t.desks.cards.search },
      { href: '/bookings', title: t.desks.nav.bookings, text: t.desks.cards.bookings },
    );
  if (holdsRole(memberships, 'host'))
    cards.push(
      { href: '/host/locations', title: t.desks.nav.locations, text: t.desks.cards.locations },
      { href: '/host/guests', title: t.desks.nav.guests, text: t.desks.cards.guests },
    );
  // consults: home cards
  if (memberships.length > 0) cards.push({ href: '/consults', title: t.consults.nav, text: t.consults.card });
  if (holdsRole(memberships, 'expert')) cards.push({ href: '/consults/mine', title: t.consults.navMine, text: t.consults.mine.intro });
  // intervision: home cards
  cards.push(
    { href: '/meetings', title: t.intervision.nav.meetings, text: t.intervision.home.meetings },
    { href: '/reflection', title: t.intervision.nav.reflection, text: t.intervision.home.reflection },
  );
  if (memberships.length > 0)
    cards.push(
      { href: '/people/where', title: t.people.where.title, text: t.people.where.card },
      { href: '/people/profile', title: t.people.profile.title, text: t.people.profile.card },
    );
  if (user.isNetworkAdmin) cards.push({ href: '/people/tags', title: t.people.tags.title, text: t.people.tags.card });
  // The same roles as the menu's entry (org admins manage their organisation's meetings too).
  if (holdsRole(memberships, 'facilitator') || holdsRole(memberships, 'org_admin'))
    cards.push({
      href: '/facilitate',
      title: t.intervision.nav.facilitate,
      text: holdsRole(memberships, 'facilitator') ? t.intervision.home.facilitate : t.intervision.home.facilitateAdmin,
    });
  if (holdsRole(memberships, 'org_admin')) cards.push({ href: '/org/members', title: t.nav.members, text: t.home.manageMembers });
  if (user.isNetworkAdmin) cards.push({ href: '/admin/organisations', title: t.nav.organisations, text: t.home.manageOrgs });
  if (holdsRole(memberships, 'org_admin') || user.isNetworkAdmin)
    cards.push({ href: '/closures', title: t.closures.nav, text: user.isNetworkAdmin ? t.closures.networkCard : t.closures.card });
  if (holdsRole(memberships, 'org_admin') || user.isNetworkAdmin) cards.push({ href: '/access-log', title: t.privacy.log.nav, text: t.privacy.log.card });
  return cards;
}
