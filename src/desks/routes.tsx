import { Hono } from 'hono';
import type { AppEnv } from '../types';

export const desksRoutes = new Hono<AppEnv>();
