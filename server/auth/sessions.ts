// Ending a user's sessions at once: their tokens stop working and their open sockets close with
// 4401, so a deactivation (or a reset password, or changed rights) takes effect immediately.
import { CloseCode } from '../../shared/protocol';
import type { MetaStore } from '../store/meta-store';
import { revokeUserTokens } from './tokens';

/** What can close a user's sockets (RoomManager in this process; a bus message across several). */
export interface UserConnections {
  closeUserConnections(userId: string, code: number, reason: string): Promise<number>;
}

export async function endUserSessions(
  meta: MetaStore,
  connections: UserConnections,
  userId: string,
  reason: string,
): Promise<{ tokens: number; sockets: number }> {
  // Tokens first: a socket closed now may reconnect at once and must find its token gone.
  const tokens = await revokeUserTokens(meta, userId);
  const sockets = await connections.closeUserConnections(userId, CloseCode.Unauthenticated, reason);
  return { tokens, sockets };
}
