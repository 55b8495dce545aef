import type { AccessAction } from '../../db/schema';
import type { Ctx } from '../lib/render';
import { logAccess } from './access-log';

/**
 * Logs that the logged-in person was just shown other people's data (ADR 014). Called by a GET
 * handler after its access check passed and the data was read, with the ids of the people shown.
 */
export function logRead(c: Ctx, what: { action: AccessAction; orgId: number | null; object: string; subjectIds: readonly string[] }): void {
  const user = c.get('user')!;
  logAccess(c.get('deps').db, { actorId: user.id, actorName: user.name, ...what }, c.get('deps').now());
}
