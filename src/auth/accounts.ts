import { and, eq, gt, isNull, ne } from 'drizzle-orm';
import { invitations, memberships, organisations, passwordTokens, sessions, users, type OrgRole } from '../../db/schema';
import { writeTx, type DB, type Queryable } from '../db';
import { queueMail } from '../mail/outbox';
import { hashToken, newId, newToken } from '../lib/tokens';
import { dictFor, type Locale } from '../../views/i18n';
import { storedSessionId } from './auth';

export const INVITATION_TTL_MS = 7 * 24 * 60 * 60 * 1000;
export const RESET_TTL_MS = 60 * 60 * 1000;

export function findUserByEmail(db: Queryable, email: string) {
  return db.select().from(users).where(eq(users.email, email.trim().toLowerCase())).get();
}

export function getUser(db: Queryable, id: string) {
  return db.select().from(users).where(eq(users.id, id)).get();
}

/** Creates a single-use invitation and queues its e-mail; run it inside writeTx. Returns the token. */
export function createInvitation(
  tx: Queryable,
  input: { orgId: number; email: string; role: OrgRole; invitedBy: string | null; inviterName: string; baseUrl: string },
  now: Date,
): string {
  const token = newToken();
  {
    const org = tx.select({ name: organisations.name }).from(organisations).where(eq(organisations.id, input.orgId)).get();
    if (!org) throw new Error('organisation vanished');
    // One open invitation per address and organisation: a new one replaces (and voids the link of) an earlier one.
    withdrawOpenInvitations(tx, input.orgId, input.email);
    tx.insert(invitations)
      .values({
        orgId: input.orgId,
        email: input.email,
        role: input.role,
        tokenHash: hashToken(token),
        invitedBy: input.invitedBy,
        expiresAt: new Date(now.getTime() + INVITATION_TTL_MS),
      })
      .run();
    const existing = tx.select({ locale: users.locale }).from(users).where(eq(users.email, input.email)).get();
    const t = dictFor(existing?.locale);
    queueMail(
      tx,
      {
        to: input.email,
        subject: t.auth.invite.mailSubject(org.name),
        body: t.auth.invite.mailBody(org.name, input.inviterName, t.roles[input.role], `${input.baseUrl}/invite/${token}`, `${input.baseUrl}/privacy`),
      },
      now,
    );
  }
  return token;
}

/** Deletes the open (unused) invitations of an address to an organisation; their links stop working. Returns how many. */
export function withdrawOpenInvitations(tx: Queryable, orgId: number, email: string): number {
  return tx
    .delete(invitations)
    .where(and(eq(invitations.orgId, orgId), eq(invitations.email, email), isNull(invitations.acceptedAt)))
    .run().changes;
}

export type OpenInvitation = { id: number; orgId: number; orgName: string; email: string; role: OrgRole };

export function findOpenInvitation(db: Queryable, token: string, now: Date): OpenInvitation | undefined {
  return db
    .select({ id: invitations.id, orgId: invitations.orgId, orgName: organisations.name, email: invitations.email, role: invitations.role })
    .from(invitations)
    .innerJoin(organisations, eq(organisations.id, invitations.orgId))
    .where(and(eq(invitations.tokenHash, hashToken(token)), isNull(invitations.acceptedAt), gt(invitations.expiresAt, now)))
    .get();
}

/** The invitation is used; any other open one to the same address and organisation is void now. */
function markAccepted(tx: Queryable, inv: OpenInvitation, now: Date) {
  tx.update(invitations).set({ acceptedAt: now }).where(eq(invitations.id, inv.id)).run();
  tx.delete(invitations)
    .where(and(eq(invitations.orgId, inv.orgId), eq(invitations.email, inv.email), isNull(invitations.acceptedAt)))
    .run();
}

function grantInvitedRoles(tx: Queryable, inv: OpenInvitation, userId: string) {
  for (const role of new Set<OrgRole>(['member', inv.role])) {
    tx.insert(memberships).values({ userId, orgId: inv.orgId, role }).onConflictDoNothing().run();
  }
}

/**
 * Accepts an invitation for a new person: creates the account and the membership and marks the
 * link used, all at once. Returns null when the link was used or expired in the meantime.
 */
export function acceptInvitationAsNewUser(db: DB, token: string, input: { name: string; passwordHash: string; locale: Locale }, now: Date) {
  return writeTx(db, (tx) => {
    const inv = findOpenInvitation(tx, token, now);
    if (!inv) return null;
    if (findUserByEmail(tx, inv.email)) return null;
    const userId = newId();
    tx.insert(users).values({ id: userId, email: inv.email, name: input.name, passwordHash: input.passwordHash, locale: input.locale }).run();
    grantInvitedRoles(tx, inv, userId);
    markAccepted(tx, inv, now);
    return { userId, orgName: inv.orgName };
  });
}

export function acceptInvitationAsUser(db: DB, token: string, userId: string, now: Date) {
  return writeTx(db, (tx) => {
    const inv = findOpenInvitation(tx, token, now);
    const user = getUser(tx, userId);
    if (!inv || !user || user.email !== inv.email) return null;
    grantInvitedRoles(tx, inv, userId);
    markAccepted(tx, inv, now);
    return { orgName: inv.orgName };
  });
}

/** Queues a reset link when the address belongs to an active account; silent otherwise. */
export function requestPasswordReset(db: DB, email: string, baseUrl: string, now: Date): string | null {
  return writeTx(db, (tx) => {
    const user = findUserByEmail(tx, email);
    if (!user || user.deactivatedAt) return null;
    const token = newToken();
    tx.insert(passwordTokens)
      .values({ tokenHash: hashToken(token), userId: user.id, expiresAt: new Date(now.getTime() + RESET_TTL_MS) })
      .run();
    const t = dictFor(user.locale);
    queueMail(tx, { to: user.email, subject: t.auth.forgot.mailSubject, body: t.auth.forgot.mailBody(user.name, `${baseUrl}/password/reset/${token}`) }, now);
    return token;
  });
}

/** A set-password link without e-mail, for the admin CLI. */
export function createPasswordToken(db: DB, userId: string, ttlMs: number, now: Date): string {
  const token = newToken();
  db.insert(passwordTokens)
    .values({ tokenHash: hashToken(token), userId, expiresAt: new Date(now.getTime() + ttlMs) })
    .run();
  return token;
}

export function findValidPasswordToken(db: Queryable, token: string, now: Date) {
  return db
    .select({ userId: passwordTokens.userId })
    .from(passwordTokens)
    .innerJoin(users, eq(users.id, passwordTokens.userId))
    .where(and(eq(passwordTokens.tokenHash, hashToken(token)), isNull(passwordTokens.usedAt), gt(passwordTokens.expiresAt, now), isNull(users.deactivatedAt)))
    .get();
}

/** Every reset link of the person that is still open stops working (used now). */
function closeResetLinks(tx: Queryable, userId: string, now: Date): void {
  tx.update(passwordTokens)
    .set({ usedAt: now })
    .where(and(eq(passwordTokens.userId, userId), isNull(passwordTokens.usedAt)))
    .run();
}

/**
 * Uses a reset link once: sets the password, closes every other open reset link of the person
 * (an older mail must not reset the new password) and ends every session of the account.
 */
export function resetPassword(db: DB, token: string, passwordHash: string, now: Date): string | null {
  return writeTx(db, (tx) => {
    const row = findValidPasswordToken(tx, token, now);
    if (!row) return null;
    closeResetLinks(tx, row.userId, now);
    tx.update(users).set({ passwordHash }).where(eq(users.id, row.userId)).run();
    tx.delete(sessions).where(eq(sessions.userId, row.userId)).run();
    return row.userId;
  });
}

/**
 * A password change by its owner, in one transaction: the new hash replaces the one the current
 * password was checked against (if it changed in between, nothing happens: 'stale'), every open
 * reset link closes and every other session ends; `keepSessionId` (this browser's) stays.
 */
export function changePassword(db: DB, input: { userId: string; checkedHash: string; newHash: string; keepSessionId: string }, now: Date): 'ok' | 'stale' {
  return writeTx(db, (tx) => {
    const current = tx.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, input.userId)).get();
    if (!current || current.passwordHash !== input.checkedHash) return 'stale';
    tx.update(users).set({ passwordHash: input.newHash }).where(eq(users.id, input.userId)).run();
    closeResetLinks(tx, input.userId, now);
    tx.delete(sessions)
      .where(and(eq(sessions.userId, input.userId), ne(sessions.id, storedSessionId(input.keepSessionId))))
      .run();
    return 'ok';
  });
}

export function setLocale(db: DB, userId: string, locale: Locale): void {
  db.update(users).set({ locale }).where(eq(users.id, userId)).run();
}

/** A deactivated account cannot log in and loses its sessions at once. Run inside writeTx (src/orgs/people.ts decides who may). */
export function setDeactivated(tx: Queryable, userId: string, deactivated: boolean, now: Date): void {
  tx.update(users)
    .set({ deactivatedAt: deactivated ? now : null })
    .where(eq(users.id, userId))
    .run();
  if (deactivated) tx.delete(sessions).where(eq(sessions.userId, userId)).run();
}
