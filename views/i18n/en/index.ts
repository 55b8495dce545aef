import type { nl } from '../nl';
import { admin } from './admin';
import { auth } from './auth';
import { calendar } from './calendar';
import { common } from './common';
import { closures } from './closures';
import { desks } from './desks';
import { requests } from './requests';
import { intervision } from './intervision';
import { notifications } from './notifications';
import { insight } from './insight';
import { people } from './people';
import { sso } from './sso';
import { privacy } from './privacy';
import { rights } from './rights';
import { consults } from './consults';

// Typed by the Dutch source dictionary itself (not by ../index, which imports this file).
export const en: typeof nl = {
  ...common,
  auth,
  admin,
  desks,
  closures,
  requests,
  intervision,
  notifications,
  calendar,
  privacy,
  rights,
  insight,
  people,
  sso,
  consults,
};
