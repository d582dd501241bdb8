// Who made a change to a room's document or awareness: the transaction origin every change the
// room makes carries, one tagged union so the handlers switch on `kind` instead of guessing the
// shape of an origin.
import type { Connection } from './connection';

/** A message received on a client socket (a Yjs update, an awareness update, the socket leaving). */
export interface SocketOrigin {
  readonly kind: 'socket';
  readonly connection: Connection;
}

/** A change the server makes on behalf of a user outside the socket path (REST: a section's owner). */
export interface ServerOrigin {
  readonly kind: 'server';
  readonly userId: string;
}

export type ChangeOrigin = SocketOrigin | ServerOrigin;

export function socketOrigin(connection: Connection): SocketOrigin {
  return { kind: 'socket', connection };
}

export function serverOrigin(userId: string): ServerOrigin {
  return { kind: 'server', userId };
}

/**
 * The ChangeOrigin of a Yjs event, whose origin is typed `any`. Others pass through the same
 * events (awareness's own 'local' and 'timeout' removals, a doc's `null`): those are not changes
 * made on anyone's behalf and give null.
 */
export function changeOriginOf(origin: unknown): ChangeOrigin | null {
  if (typeof origin !== 'object' || origin === null) return null;
  const candidate = origin as Partial<Record<'kind' | 'connection' | 'userId', unknown>>;
  switch (candidate.kind) {
    case 'socket':
      return typeof candidate.connection === 'object' && candidate.connection !== null
        ? (origin as SocketOrigin)
        : null;
    case 'server':
      return typeof candidate.userId === 'string' ? (origin as ServerOrigin) : null;
    default:
      return null;
  }
}

/** Source of what no socket sent: relayed to every socket. */
export const SERVER_SOURCE_ID = 'server';

/** The bus's `sourceId` of a change: the socket it came from (not echoed back to it), else the server. */
export function relaySourceId(origin: ChangeOrigin | null): string {
  return origin?.kind === 'socket' ? origin.connection.id : SERVER_SOURCE_ID;
}

/** The user a change is made for: the socket's user, the user the server acts for, else none. */
export function originUserId(origin: ChangeOrigin | null): string | null {
  if (origin === null) return null;
  return origin.kind === 'socket' ? origin.connection.user.id : origin.userId;
}
