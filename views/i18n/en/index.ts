import type { Dict } from '../index';
import { admin } from './admin';
import { auth } from './auth';
import { common } from './common';
import { desks } from './desks';
import { intervision } from './intervision';

export const en: Dict = { ...common, auth, admin, desks, intervision };
