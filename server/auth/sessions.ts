// Ending a user's sessions at once: their tokens stop working and their open sockets close with
// 4401, so a deactivation (or a reset password, or changed rights) takes effect immediately.
import { CloseCode } from '../../shared/protocol';
import type { MetaStore } from '../store/meta-store';
import { hashToken, revokeUserTokens } from './tokens';

/** What can close a user's sockets (RoomManager in this process; a bus message across several). */
export interface UserConnections {
  closeUserConnections(userId: string, code: number, reason: string, keepTokenHash?: string): Promise<number>;
}

/**
 * End every session of a user, or every one but the session of token `keep` (a password change
 * keeps the session that made it, with its sockets).
 */
export async function endUserSessions(
  meta: MetaStore,
  connections: UserConnections,
  userId: string,
  reason: string,
  keep?: string,
): Promise<{ tokens: number; sockets: number }> {
  // Tokens first: a socket closed now may reconnect at once and must find its token gone.
  const tokens = await revokeUserTokens(meta, userId, keep);
  const keepHash = keep === undefined ? undefined : hashToken(keep);
  const sockets = await connections.closeUserConnections(userId, CloseCode.Unauthenticated, reason, keepHash);
  return { tokens, sockets };
}
