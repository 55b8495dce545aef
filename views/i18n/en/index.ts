import type { Dict } from '../dict';
import { admin } from './admin';
import { auth } from './auth';
import { calendar } from './calendar';
import { common } from './common';
import { desks } from './desks';
import { intervision } from './intervision';
import { notifications } from './notifications';

export const en: Dict = { ...common, auth, admin, desks, intervision, notifications, calendar };
