// Closing a user's sockets on every process of a cluster (deactivation, changed rights, revoked
// sessions: server/auth/sessions.ts). The process that ends the sessions publishes one control
// message and closes its own; every other process closes the matching sockets of its rooms.
// The tokens were revoked in PostgreSQL before, so a socket that reconnects is refused anywhere.
// Redis may lose the message (it is down): those sockets then stay open until they reconnect, as
// the guard keeps judging their edits with the changed metadata, which every process has.
import { CloseCode } from '../../shared/protocol';
import type { SessionFilter, UserConnections } from '../auth/sessions';
import type { RoomManager } from '../collab/rooms';
import type { Logger } from '../log';
import type { RedisChannels } from './redis-channels';

const CHANNEL = 'close-user-sockets';

interface CloseUserSockets {
  userId: string;
  code: CloseCode;
  reason: string;
  sessions: SessionFilter;
}

function isCloseUserSockets(value: unknown): value is CloseUserSockets {
  const message = value as CloseUserSockets;
  return (
    typeof message?.userId === 'string' &&
    typeof message.code === 'number' &&
    Object.values(CloseCode).includes(message.code) &&
    typeof message.reason === 'string' &&
    typeof message.sessions === 'object' &&
    message.sessions !== null
  );
}

export class ClusterUserConnections implements UserConnections {
  private constructor(
    private readonly rooms: RoomManager,
    private readonly channels: RedisChannels,
  ) {}

  static async open(
    rooms: RoomManager,
    channels: RedisChannels,
    logger: Logger,
  ): Promise<ClusterUserConnections> {
    const connections = new ClusterUserConnections(rooms, channels);
    await channels.listen(CHANNEL, (message) => {
      if (!isCloseUserSockets(message)) {
        logger.warn('control: dropped a malformed close-user-sockets message');
        return;
      }
      const { userId, code, reason, sessions } = message;
      rooms.closeUserConnections(userId, code, reason, sessions).catch((error) => {
        logger.error(`control: could not close the sockets of ${userId}`, error);
      });
    });
    return connections;
  }

  /** Closes the user's sockets here and asks every other process to; returns how many closed here. */
  closeUserConnections(
    userId: string,
    code: CloseCode,
    reason: string,
    sessions: SessionFilter = {},
  ): Promise<number> {
    this.channels.publish(CHANNEL, { userId, code, reason, sessions } satisfies CloseUserSockets);
    return this.rooms.closeUserConnections(userId, code, reason, sessions);
  }
}
