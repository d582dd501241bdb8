// Login (throttled), logout, the current user and their own password change.
//
// Refusals at login: a wrong username or password is 401 with one message for both (no username
// enumeration); a deactivated account is 403 "account deactivated", told only to someone who gave
// its right password; too many recent failures is 429 with Retry-After in seconds (a wait, never a
// lock: server/auth/login-throttle.ts).

import type { Context } from 'hono';
import { Hono } from 'hono';
import { describeRoute } from 'hono-openapi';
import { clientAddress } from '../auth/client-address';
import { type LoginThrottle, MemoryLoginThrottle } from '../auth/login-throttle';
import { requireAuth } from '../auth/middleware';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from '../auth/one-time-password';
import { DUMMY_HASH, hashPassword, verifyPassword } from '../auth/password';
import { endSession, endUserSessions, type UserConnections } from '../auth/sessions';
import { issueToken, publicUser } from '../auth/tokens';
import type { AppEnv } from '../http/env';
import { badRequest, forbidden, unauthorized } from '../http/errors';
import { bodyObject, jsonBody, text } from '../http/validate';
import type { MetaStore } from '../store/meta-store';

export interface AuthRouteOptions {
  /** Shared by login and password change; one per server (tests make their own). */
  throttle?: LoginThrottle;
}

const LoginBody = bodyObject({
  username: text('username', { min: 1, max: 64 }),
  password: text('password', { min: 1, max: MAX_PASSWORD_LENGTH }),
});

const PasswordChangeBody = bodyObject({
  currentPassword: text('currentPassword', { min: 1, max: MAX_PASSWORD_LENGTH }),
  newPassword: text('newPassword', { max: MAX_PASSWORD_LENGTH }).min(
    MIN_PASSWORD_LENGTH,
    `"newPassword" must have at least ${MIN_PASSWORD_LENGTH} characters`,
  ),
});

const doc = (summary: string) => describeRoute({ tags: ['auth'], summary });

function tooManyAttempts(c: Context, retryAfterSeconds: number) {
  c.header('Retry-After', String(retryAfterSeconds));
  return c.json(
    {
      error: `too many failed attempts; try again in ${retryAfterSeconds} s (quá nhiều lần thử sai; thử lại sau ${retryAfterSeconds} giây)`,
      retryAfter: retryAfterSeconds,
    },
    429,
  );
}

export function authRoutes(meta: MetaStore, connections: UserConnections, options: AuthRouteOptions = {}) {
  const throttle = options.throttle ?? new MemoryLoginThrottle();

  return new Hono<AppEnv>()
    .post(
      '/auth/login',
      doc('Log in: a bearer token (429 with Retry-After while throttled)'),
      jsonBody(LoginBody),
      async (c) => {
        const body = c.req.valid('json');
        const username = body.username.trim().toLowerCase();
        const password = body.password;
        const attempt = await throttle.attempt({ username, address: clientAddress(c) });
        if (!attempt.allowed) return tooManyAttempts(c, attempt.retryAfterSeconds);

        const user = meta.data.users.find((candidate) => candidate.username === username);
        // Unknown users cost the same scrypt as known ones, so timing does not reveal usernames.
        const matches = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
        if (!user || !matches) throw unauthorized('wrong username or password');
        await attempt.succeeded();
        if (user.active === false) throw forbidden('account deactivated (tài khoản đã bị vô hiệu hóa)');
        const token = await issueToken(meta, user.id);
        return c.json({ token, user: publicUser(user) });
      },
    )
    .post('/auth/logout', doc('Log out (ends this session)'), requireAuth(meta), async (c) => {
      // Other tabs that share this session lose their sockets too.
      await endSession(meta, connections, c.get('user').id, c.get('token'));
      return c.json({ ok: true });
    })
    .get('/me', doc('The current user'), requireAuth(meta), (c) => c.json(publicUser(c.get('user'))))
    .post(
      '/me/password',
      doc('Change one’s own password'),
      requireAuth(meta),
      jsonBody(PasswordChangeBody),
      async (c) => {
        const { currentPassword: current, newPassword: next } = c.req.valid('json');
        const user = c.get('user');
        // Wrong current passwords count like failed logins: a stolen token must not become a way
        // to guess the password.
        const attempt = await throttle.attempt({ username: user.username, address: clientAddress(c) });
        if (!attempt.allowed) return tooManyAttempts(c, attempt.retryAfterSeconds);
        if (!(await verifyPassword(current, user.passwordHash)))
          throw forbidden('the current password is wrong');
        await attempt.succeeded();
        if (next === current) throw badRequest('the new password is the same as the current one');
        const passwordHash = await hashPassword(next);
        await meta.update((data) => {
          const stored = data.users.find((candidate) => candidate.id === user.id);
          if (stored) stored.passwordHash = passwordHash;
        });
        // Other sessions (another browser, a lost laptop) end, their open sockets too; this one
        // stays logged in and connected.
        const ended = await endUserSessions(
          meta,
          connections,
          user.id,
          'password changed in another session; log in again',
          c.get('token'),
        );
        return c.json({ ok: true, revokedSessions: ended.tokens });
      },
    );
}
