import type { intervision as nl } from '../nl/intervision';

export const intervision: typeof nl = {
  title: 'Intervision',
};
