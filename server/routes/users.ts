// Accounts. Only the secretary creates users and lists everyone; others see their own department.
import { Hono } from 'hono';
import type { Role, User } from '../../shared/types';
import { requireAuth, requireRole } from '../auth/middleware';
import { hashPassword } from '../auth/password';
import { publicUser } from '../auth/tokens';
import type { AppEnv } from '../http/env';
import { badRequest } from '../http/errors';
import { oneOf, optionalString, readJsonObject, requiredString } from '../http/validate';
import type { MetaStore } from '../store/meta-store';

const ROLES: readonly Role[] = ['secretary', 'editor', 'viewer'];

export function userRoutes(meta: MetaStore) {
  return new Hono<AppEnv>()
    .use(requireAuth(meta))
    .get('/', (c) => {
      const me = c.get('user');
      const visible =
        me.role === 'secretary'
          ? meta.data.users
          : meta.data.users.filter(
              (user) =>
                user.id === me.id || (me.departmentId !== null && user.departmentId === me.departmentId),
            );
      return c.json(visible.map(publicUser));
    })
    .post('/', requireRole('secretary'), async (c) => {
      const body = await readJsonObject(c);
      const username = requiredString(body, 'username', { min: 2, max: 32, pattern: /^[a-z0-9._-]+$/ });
      const name = requiredString(body, 'name', { min: 1, max: 120 }).trim();
      const password = requiredString(body, 'password', { min: 4, max: 256 });
      const role = oneOf(body, 'role', ROLES);
      if (!role) throw badRequest('"role" is required');
      const departmentValue = body.departmentId === null ? undefined : optionalString(body, 'departmentId');
      const departmentId = departmentValue ?? null;
      if (
        departmentId !== null &&
        !meta.data.departments.some((department) => department.id === departmentId)
      ) {
        throw badRequest(`unknown department "${departmentId}"`);
      }
      if (role === 'editor' && departmentId === null) throw badRequest('an editor needs a department');
      if (meta.data.users.some((user) => user.username === username)) {
        throw badRequest(`username "${username}" is taken`);
      }
      const user = {
        id: `u-${username}`,
        username,
        name,
        role,
        departmentId,
        active: true,
        passwordHash: await hashPassword(password),
        createdAt: new Date().toISOString(),
      };
      const created = await meta.update((data) => {
        // Checked again inside the serialised update: two concurrent creations cannot both win.
        if (data.users.some((existing) => existing.username === username || existing.id === user.id))
          return null;
        data.users.push(user);
        return user;
      });
      if (!created) throw badRequest(`username "${username}" is taken`);
      return c.json(publicUser(created) satisfies User, 201);
    });
}
