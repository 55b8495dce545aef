import { Hono } from 'hono';
import type { AppEnv } from '../types';

export const intervisionRoutes = new Hono<AppEnv>();
