import { describe, expect, it } from 'vitest';
import {
  changeOriginOf,
  relaySourceId,
  SERVER_SOURCE_ID,
  serverOrigin,
  socketOrigin,
} from '../../../../server/collab/change-origin';
import type { Connection } from '../../../../server/collab/connection';

// Origins only carry the connection; the relay reads its id.
const connection = { id: 'conn-1' } as unknown as Connection;

describe('change origins', () => {
  it('recognises the origins the room creates', () => {
    const socket = socketOrigin(connection);
    const server = serverOrigin('u-sec');
    expect(changeOriginOf(socket)).toBe(socket);
    expect(changeOriginOf(server)).toBe(server);
    expect(server).toEqual({ kind: 'server', userId: 'u-sec' });
    expect(socket).toEqual({ kind: 'socket', connection });
  });

  it('gives null for origins made on nobody’s behalf', () => {
    // Awareness removes outdated states with 'timeout' and sets its own with 'local'; Yjs uses null.
    for (const other of [
      null,
      undefined,
      'timeout',
      'local',
      42,
      {},
      { kind: 'socket' },
      { kind: 'server' },
    ]) {
      expect(changeOriginOf(other)).toBeNull();
    }
    // A bare connection is not an origin any more: origins are tagged.
    expect(changeOriginOf(connection)).toBeNull();
  });

  it('relays a socket’s change to everyone but that socket, anything else to everyone', () => {
    expect(relaySourceId(socketOrigin(connection))).toBe('conn-1');
    expect(relaySourceId(serverOrigin('u-sec'))).toBe(SERVER_SOURCE_ID);
    expect(relaySourceId(null)).toBe(SERVER_SOURCE_ID);
  });
});
