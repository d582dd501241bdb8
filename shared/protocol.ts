// Wire-level constants of the collaboration endpoint (y-websocket protocol over /collab/:reportId).

/** y-websocket top-level message types (first varUint of every binary frame). */
export const MessageType = {
  Sync: 0,
  Awareness: 1,
  Auth: 2,
  QueryAwareness: 3,
} as const;
export type MessageType = (typeof MessageType)[keyof typeof MessageType];

/** WebSocket close codes used by the server; the client maps them to user-facing messages. */
export const CloseCode = {
  Unauthenticated: 4401,
  /** An edit the guard refused, or presence sent for another user's client id. */
  Forbidden: 4403,
  UnknownReport: 4404,
  /** A frame larger than MAX_FRAME_BYTES, or one presence state larger than its limit. */
  TooLarge: 4413,
  /**
   * Too many: sockets of one user or on one report (at the upgrade), presence client ids on one
   * socket, or presence updates faster than the per-socket rate limit.
   */
  TooMany: 4429,
  Malformed: 4400,
  /** The server is shutting down or the room is being unloaded. */
  GoingAway: 1001,
  /** The server failed (a file could not be written, a report could not be opened): not the client's fault. */
  InternalError: 1011,
} as const;
export type CloseCode = (typeof CloseCode)[keyof typeof CloseCode];

/**
 * The code ws itself closes a socket with when a frame exceeds the size limit; the server
 * translates it to CloseCode.TooLarge (server/collab/socket-limits.ts). Never sent.
 */
export const WS_MESSAGE_TOO_BIG = 1009;

/** Largest binary frame accepted from a client (bytes). Larger frames close with 4413. */
export const MAX_FRAME_BYTES = 8 * 1024 * 1024;
