// Login, logout and the current user.
import { Hono } from 'hono';
import { requireAuth } from '../auth/middleware';
import { DUMMY_HASH, verifyPassword } from '../auth/password';
import { issueToken, publicUser, revokeToken } from '../auth/tokens';
import type { AppEnv } from '../http/env';
import { unauthorized } from '../http/errors';
import { readJsonObject, requiredString } from '../http/validate';
import type { MetaStore } from '../store/meta-store';

export function authRoutes(meta: MetaStore) {
  return new Hono<AppEnv>()
    .post('/auth/login', async (c) => {
      const body = await readJsonObject(c);
      const username = requiredString(body, 'username', { min: 1, max: 64 }).trim().toLowerCase();
      const password = requiredString(body, 'password', { min: 1, max: 256 });
      const user = meta.data.users.find((candidate) => candidate.username === username);
      // Unknown users cost the same scrypt as known ones, so timing does not reveal usernames.
      const matches = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
      if (!user || !matches || user.active === false) throw unauthorized('wrong username or password');
      const token = await issueToken(meta, user.id);
      return c.json({ token, user: publicUser(user) });
    })
    .post('/auth/logout', requireAuth(meta), async (c) => {
      await revokeToken(meta, c.get('token'));
      return c.json({ ok: true });
    })
    .get('/me', requireAuth(meta), (c) => c.json(publicUser(c.get('user'))));
}
