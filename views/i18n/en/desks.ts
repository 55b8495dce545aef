import type { desks as nl } from '../nl/desks';

export const desks: typeof nl = {
  title: 'Desks',
};
