// `Authorization: Bearer <token>` on every /api route except health and login.
import { createMiddleware } from 'hono/factory';
import type { Role } from '../../shared/types';
import type { AppEnv } from '../http/env';
import { forbidden, unauthorized } from '../http/errors';
import type { MetaStore } from '../store/meta-store';
import { userForToken } from './tokens';

export function bearerToken(header: string | undefined): string | null {
  if (!header) return null;
  const match = /^Bearer\s+(\S+)$/i.exec(header.trim());
  return match ? match[1] : null;
}

export function requireAuth(meta: MetaStore) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const token = bearerToken(c.req.header('Authorization'));
    if (!token) throw unauthorized('missing bearer token');
    const user = userForToken(meta, token);
    if (!user) throw unauthorized('invalid or expired token');
    c.set('user', user);
    c.set('token', token);
    await next();
  });
}

export function requireRole(...roles: Role[]) {
  return createMiddleware<AppEnv>(async (c, next) => {
    if (!roles.includes(c.get('user').role)) throw forbidden(`only ${roles.join(' or ')} may do this`);
    await next();
  });
}
