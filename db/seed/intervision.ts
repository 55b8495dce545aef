import type { Tx } from '../../src/db';
import type { CoreSeed } from './core';

/** Demo data of the intervision domain, relative to `now`. */
export function seedIntervision(tx: Tx, core: CoreSeed, now: Date): void {
  void tx;
  void core;
  void now;
}
