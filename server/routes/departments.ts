import { Hono } from 'hono';
import { requireAuth } from '../auth/middleware';
import type { AppEnv } from '../http/env';
import type { MetaStore } from '../store/meta-store';

export function departmentRoutes(meta: MetaStore) {
  return new Hono<AppEnv>().use(requireAuth(meta)).get('/', (c) => c.json(meta.data.departments));
}
