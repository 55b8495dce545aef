import type { nl } from './nl';

/** The shape of a dictionary: Dutch is the reference, English must match it key for key. */
export type Dict = typeof nl;
