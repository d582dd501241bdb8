// Accounts. The secretary lists everyone, creates accounts (with a one-time password shown once),
// changes role, department and name, deactivates and resets passwords. Others see the people of
// their own department and cannot change anyone (their own password: POST /api/me/password).
//
// Deactivating an account, resetting its password or changing its role or department ends its
// sessions: tokens revoked, open sockets closed with 4401 (the guard must not keep judging edits
// by rights the user no longer has). At least one active secretary always remains.
import { Hono } from 'hono';
import { describeRoute } from 'hono-openapi';
import { lacksRequiredDepartment, ROLES } from '../../shared/accounts';
import { requireAuth, requireRole } from '../auth/middleware';
import { generateOneTimePassword, MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from '../auth/one-time-password';
import { hashPassword } from '../auth/password';
import { endUserSessions, type UserConnections } from '../auth/sessions';
import { publicUser } from '../auth/tokens';
import type { AppEnv } from '../http/env';
import { badRequest, conflict, notFound } from '../http/errors';
import { bodyObject, choice, flag, forbiddenKey, jsonBody, text } from '../http/validate';
import type { MetaData, MetaStore, StoredUser } from '../store/meta-store';

const USERNAME = /^[a-z0-9._-]+$/;

const departmentId = text('departmentId', { max: 64 }).nullable();
/** An e-mail address for notifications ('' or null clears it). */
const email = text('email', { max: 254 })
  .refine((value) => value === '' || /^[^\s@]+@[^\s@]+$/.test(value), '"email" is not an e-mail address')
  .nullable();

const NewUserBody = bodyObject({
  username: text('username', { max: 32 }),
  name: text('name', { min: 1, max: 120 }),
  role: choice('role', ROLES),
  departmentId: departmentId.optional(),
  /** The first password; without it the server makes a one-time one, shown once. */
  password: text('password', { max: MAX_PASSWORD_LENGTH })
    .min(MIN_PASSWORD_LENGTH, `"password" must have at least ${MIN_PASSWORD_LENGTH} characters`)
    .optional(),
  email: email.optional(),
});

const UserChangeBody = bodyObject({
  name: text('name', { max: 120 }).optional(),
  role: choice('role', ROLES).optional(),
  departmentId: departmentId.optional(),
  active: flag('active').optional(),
  email: email.optional(),
  username: forbiddenKey('username'),
  password: forbiddenKey('password'),
  passwordHash: forbiddenKey('passwordHash'),
  id: forbiddenKey('id'),
});

/** A given `departmentId`: undefined when absent, null when null, else a known active department. */
function departmentField(meta: MetaStore, id: string | null | undefined): string | null | undefined {
  if (id === undefined || id === null) return id;
  const department = meta.data.departments.find((candidate) => candidate.id === id);
  if (!department) throw badRequest(`unknown department "${id}"`);
  if (department.active === false) throw badRequest(`department "${department.name}" is deactivated`);
  return department.id;
}

const doc = (summary: string) => describeRoute({ tags: ['users'], summary });

const activeSecretaries = (data: Readonly<MetaData>) =>
  data.users.filter((user) => user.role === 'secretary' && user.active !== false);

export function userRoutes(meta: MetaStore, connections: UserConnections) {
  const known = (id: string): StoredUser => {
    const user = meta.data.users.find((candidate) => candidate.id === id);
    if (!user) throw notFound('unknown user');
    return user;
  };

  return new Hono<AppEnv>()
    .use(requireAuth(meta))
    .get('/', doc('List accounts (the secretary: all; others: their department)'), (c) => {
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
    .post('/', doc('Create an account'), requireRole('secretary'), jsonBody(NewUserBody), async (c) => {
      const body = c.req.valid('json');
      const username = body.username.trim().toLowerCase();
      if (username.length < 2 || !USERNAME.test(username))
        throw badRequest('"username" must be 2–32 characters: a-z, 0-9, dot, dash or underscore');
      const name = body.name.trim();
      if (!name) throw badRequest('"name" is empty');
      const role = body.role;
      const departmentId = departmentField(meta, body.departmentId) ?? null;
      if (lacksRequiredDepartment(role, departmentId)) throw badRequest('an editor needs a department');
      // The secretary may set the first password; otherwise the server makes a one-time one.
      const chosen = body.password;
      const taken = () => badRequest(`username "${username}" is taken`);
      if (meta.data.users.some((user) => user.username === username)) throw taken();

      const password = chosen ?? generateOneTimePassword();
      const user: StoredUser = {
        id: `u-${username}`,
        username,
        name,
        role,
        departmentId,
        active: true,
        ...(body.email ? { email: body.email.trim() } : {}),
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
      if (!created) throw taken();
      // The generated password is shown this once; it is stored only as a hash.
      return c.json(
        chosen === undefined ? { user: publicUser(created), password } : { user: publicUser(created) },
        201,
      );
    })
    .patch(
      '/:id',
      doc('Change an account’s name, role, department or activity'),
      requireRole('secretary'),
      jsonBody(UserChangeBody),
      async (c) => {
        const target = known(c.req.param('id'));
        const body = c.req.valid('json');
        const nameValue = body.name?.trim();
        if (nameValue === '') throw badRequest('"name" is empty');
        const role = body.role;
        const departmentId = departmentField(meta, body.departmentId);
        const active = body.active;
        if (
          nameValue === undefined &&
          role === undefined &&
          departmentId === undefined &&
          active === undefined &&
          body.email === undefined
        )
          throw badRequest('nothing to change: give name, role, departmentId, active or email');

        const next = {
          role: role ?? target.role,
          departmentId: departmentId === undefined ? target.departmentId : departmentId,
          active: active ?? target.active !== false,
        };
        if (lacksRequiredDepartment(next.role, next.departmentId))
          throw badRequest('an editor needs a department');
        const me = c.get('user');
        if (target.id === me.id && (!next.active || next.role !== 'secretary'))
          throw conflict('you cannot deactivate your own account or give up your own role');
        const rightsChanged = next.role !== target.role || next.departmentId !== target.departmentId;
        const deactivated = target.active !== false && !next.active;

        const updated = await meta.update((data) => {
          const stored = data.users.find((candidate) => candidate.id === target.id);
          if (!stored) return null;
          const wasSecretary = stored.role === 'secretary' && stored.active !== false;
          const staysSecretary = next.role === 'secretary' && next.active;
          if (wasSecretary && !staysSecretary && activeSecretaries(data).length <= 1) return 'last' as const;
          if (nameValue !== undefined) stored.name = nameValue;
          stored.role = next.role;
          stored.departmentId = next.departmentId;
          stored.active = next.active;
          if (body.email !== undefined) {
            if (body.email) stored.email = body.email.trim();
            else delete stored.email;
          }
          return stored;
        });
        if (updated === null) throw notFound('unknown user');
        if (updated === 'last') throw conflict('at least one active secretary must remain');
        if (deactivated) await endUserSessions(meta, connections, target.id, 'account deactivated');
        else if (rightsChanged && next.active)
          await endUserSessions(meta, connections, target.id, 'role or department changed; log in again');
        return c.json(publicUser(updated));
      },
    )
    .post(
      '/:id/reset-password',
      doc('Reset an account’s password to a one-time one'),
      requireRole('secretary'),
      async (c) => {
        const target = known(c.req.param('id'));
        if (target.id === c.get('user').id)
          throw badRequest('change your own password with POST /api/me/password');
        const password = generateOneTimePassword();
        const passwordHash = await hashPassword(password);
        await meta.update((data) => {
          const stored = data.users.find((candidate) => candidate.id === target.id);
          if (stored) stored.passwordHash = passwordHash;
        });
        await endUserSessions(meta, connections, target.id, 'password reset; log in again');
        return c.json({ user: publicUser(target), password });
      },
    );
}
