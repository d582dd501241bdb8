// Ending a user's sessions at once: their tokens stop working and their open sockets close with
// 4401, so a deactivation (or a reset password, changed rights, a password change for the other
// sessions, a logout for its own) takes effect immediately.
import { CloseCode } from '../../shared/protocol';
import type { MetaStore } from '../store/meta-store';
import { hashToken, revokeToken, revokeUserTokens } from './tokens';

/** Which of a user's sessions, by token hash: all but `keep`, or only `only`. */
export interface SessionFilter {
  keep?: string;
  only?: string;
}

/** What can close a user's sockets (RoomManager in this process; a bus message across several). */
export interface UserConnections {
  closeUserConnections(
    userId: string,
    code: CloseCode,
    reason: string,
    sessions?: SessionFilter,
  ): Promise<number>;
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
  const sessions = keep === undefined ? {} : { keep: hashToken(keep) };
  const sockets = await connections.closeUserConnections(userId, CloseCode.Unauthenticated, reason, sessions);
  return { tokens, sockets };
}

/** End one session (logout): its token stops working and the sockets opened with it close. */
export async function endSession(
  meta: MetaStore,
  connections: UserConnections,
  userId: string,
  token: string,
): Promise<void> {
  await revokeToken(meta, token);
  await connections.closeUserConnections(userId, CloseCode.Unauthenticated, 'logged out', {
    only: hashToken(token),
  });
}
