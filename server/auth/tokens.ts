// Bearer tokens: random, returned once at login, stored only as a sha256 hash with an expiry.
import { createHash, randomBytes } from 'node:crypto';
import type { User } from '../../shared/types';
import type { MetaStore, StoredUser } from '../store/meta-store';

export const TOKEN_TTL_MS = 12 * 60 * 60 * 1000;

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** The public view of a stored user: never the hash. */
export function publicUser(user: StoredUser): User {
  const { id, username, name, role, departmentId } = user;
  return {
    id,
    username,
    name,
    role,
    departmentId,
    active: user.active !== false,
    ...(user.email ? { email: user.email } : {}),
  };
}

export async function issueToken(meta: MetaStore, userId: string, now = Date.now()): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  const hash = hashToken(token);
  await meta.update((data) => {
    // Expired tokens are pruned whenever a new one is issued, so the list stays small.
    data.tokens = data.tokens.filter((entry) => Date.parse(entry.expiresAt) > now);
    data.tokens.push({ hash, userId, expiresAt: new Date(now + TOKEN_TTL_MS).toISOString() });
  });
  return token;
}

/** The active user a token belongs to, or null for a missing, unknown or expired token. */
export function userForToken(
  meta: MetaStore,
  token: string | null | undefined,
  now = Date.now(),
): StoredUser | null {
  if (!token || token.length > 200) return null;
  const hash = hashToken(token);
  const entry = meta.data.tokens.find((candidate) => candidate.hash === hash);
  if (!entry || Date.parse(entry.expiresAt) <= now) return null;
  const user = meta.data.users.find((candidate) => candidate.id === entry.userId);
  return user && user.active !== false ? user : null;
}

/** When a token expires (ms since the epoch), or null for a missing or unknown token. */
export function tokenExpiresAt(meta: MetaStore, token: string | null | undefined): number | null {
  if (!token || token.length > 200) return null;
  const hash = hashToken(token);
  const entry = meta.data.tokens.find((candidate) => candidate.hash === hash);
  return entry ? Date.parse(entry.expiresAt) : null;
}

export async function revokeToken(meta: MetaStore, token: string): Promise<void> {
  const hash = hashToken(token);
  await meta.update((data) => {
    data.tokens = data.tokens.filter((entry) => entry.hash !== hash);
  });
}

/**
 * Revoke every token of a user (deactivation, password reset, role change), or every token but
 * `keep` (a password change keeps the session that made it). Returns how many were revoked.
 */
export async function revokeUserTokens(meta: MetaStore, userId: string, keep?: string): Promise<number> {
  const keepHash = keep === undefined ? null : hashToken(keep);
  return meta.update((data) => {
    const before = data.tokens.length;
    data.tokens = data.tokens.filter((entry) => entry.userId !== userId || entry.hash === keepHash);
    return before - data.tokens.length;
  });
}
