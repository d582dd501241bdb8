// Presence (awareness) through a real server: an oversized state and a flood close their sender,
// a forged entry for another user's client is refused, while a stock client's echoes of the
// states it received — which every honest client sends — are harmless no-ops.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { awarenessFrame } from '../../server/collab/frames';
import {
  type AwarenessEntry,
  encodeAwarenessEntries,
  PRESENCE_LIMITS,
} from '../../server/collab/presence-policy';
import type { Room } from '../../server/collab/room';
import { CloseCode } from '../../shared/protocol';
import { connectClient, type TestClient } from '../helpers/collab';
import { login, type Session } from '../helpers/http';
import { openRawSocket, type RawSocket, rawSocketUrl } from '../helpers/raw-socket';
import { demoReport } from '../helpers/reports';
import { startTestServer, type TestServer } from '../helpers/server';
import { waitFor } from '../helpers/wait';

type Presence = { user?: { name?: string } } & Record<string, unknown>;

describe('presence', () => {
  let server: TestServer;
  let reportId: string;
  let viewer: Session;
  let secretaryClient: TestClient;
  let editorClient: TestClient;
  let room: Room;
  let nextId = 900_000;

  const frame = (...entries: AwarenessEntry[]) => awarenessFrame(encodeAwarenessEntries(entries));
  const state = (value: Presence) => JSON.stringify(value);

  /** What a client's awareness holds for `clientId`. */
  const seenBy = (client: TestClient, clientId: number) =>
    client.provider.awareness.getStates().get(clientId) as Presence | undefined;

  function onAwareness(client: TestClient) {
    return (onEvent: () => void) => {
      client.provider.awareness.on('change', onEvent);
      return () => client.provider.awareness.off('change', onEvent);
    };
  }

  async function openViewerSocket(): Promise<RawSocket> {
    const socket = await openRawSocket(rawSocketUrl(server.wsUrl, reportId, viewer.token));
    expect(socket.ws.readyState).toBe(WebSocket.OPEN);
    return socket;
  }

  /** Announce a fresh presence from `socket` and wait until `client` sees it: the socket is alive. */
  async function expectStillHeard(socket: RawSocket, client: TestClient, name: string) {
    const clientId = nextId++;
    socket.send(frame({ clientId, clock: 1, json: state({ user: { name } }) }));
    await waitFor(() => seenBy(client, clientId)?.user?.name === name, onAwareness(client), {
      what: `${name} seen`,
    });
    expect(socket.ws.readyState).toBe(WebSocket.OPEN);
  }

  beforeAll(async () => {
    server = await startTestServer();
    const secretary = await login(server.url, 'secretary');
    const editor = await login(server.url, 'baochi');
    viewer = await login(server.url, 'lanhdao');
    reportId = (await demoReport(server.url, secretary.token)).id;
    secretaryClient = connectClient(server.wsUrl, reportId, secretary.token, { user: { name: 'Thư Ký' } });
    editorClient = connectClient(server.wsUrl, reportId, editor.token, { user: { name: 'Báo Chí' } });
    await Promise.all([secretaryClient.synced, editorClient.synced]);
    const secretaryId = secretaryClient.provider.awareness.clientID;
    await waitFor(
      () => seenBy(editorClient, secretaryId)?.user?.name === 'Thư Ký',
      onAwareness(editorClient),
      {
        what: 'the secretary seen by the editor',
      },
    );
    const open = await server.server.rooms.openRoom(reportId);
    if (!open) throw new Error('room not open');
    room = open;
  });

  afterAll(async () => {
    secretaryClient.destroy();
    editorClient.destroy();
    await server.close();
  });

  it('drops echoes of another client’s state, a same-clock removal too, without closing the sender', async () => {
    const secretaryId = secretaryClient.provider.awareness.clientID;
    const clock = secretaryClient.provider.awareness.meta.get(secretaryId)?.clock ?? 0;
    expect(clock).toBeGreaterThan(0);
    const socket = await openViewerSocket();
    // What a stock client sends: the state as received, and its removal after a local timeout.
    socket.send(frame({ clientId: secretaryId, clock, json: state({ user: { name: 'Thư Ký' } }) }));
    socket.send(frame({ clientId: secretaryId, clock, json: 'null' }));
    await expectStillHeard(socket, editorClient, 'viewer after echoes');
    // Applied, the removal would have deleted the secretary's presence everywhere.
    expect((room.awareness.getStates().get(secretaryId) as Presence).user?.name).toBe('Thư Ký');
    expect(seenBy(editorClient, secretaryId)?.user?.name).toBe('Thư Ký');
    socket.ws.close();
  });

  it('keeps stock clients connected while they echo each other’s cursor moves', async () => {
    const editorId = editorClient.provider.awareness.clientID;
    for (let i = 0; i < 20; i++) secretaryClient.provider.awareness.setLocalStateField('cursor', { at: i });
    const secretaryId = secretaryClient.provider.awareness.clientID;
    await waitFor(
      () => (seenBy(editorClient, secretaryId)?.cursor as { at?: number })?.at === 19,
      onAwareness(editorClient),
      { what: 'the last cursor move' },
    );
    editorClient.provider.awareness.setLocalStateField('cursor', { at: 'editor' });
    await waitFor(
      () => (seenBy(secretaryClient, editorId)?.cursor as { at?: string })?.at === 'editor',
      onAwareness(secretaryClient),
      { what: 'the editor’s cursor at the secretary' },
    );
    expect(secretaryClient.provider.wsconnected && editorClient.provider.wsconnected).toBe(true);
    expect(server.logs.filter((log) => log.message.includes('closing'))).toEqual([]);
  });

  it('refuses a forged entry for another user’s client with 4403, leaving the real one in place', async () => {
    const secretaryId = secretaryClient.provider.awareness.clientID;
    const clock = secretaryClient.provider.awareness.meta.get(secretaryId)?.clock ?? 0;
    const socket = await openViewerSocket();
    socket.send(
      frame({ clientId: secretaryId, clock: clock + 1, json: state({ user: { name: 'Giả mạo' } }) }),
    );
    expect((await socket.closed).code).toBe(CloseCode.Forbidden);
    const removal = await openViewerSocket();
    removal.send(frame({ clientId: secretaryId, clock: clock + 5, json: 'null' }));
    expect((await removal.closed).code).toBe(CloseCode.Forbidden);
    // The editor still sees the secretary's own state (checked after a later relay reached it).
    const witness = await openViewerSocket();
    await expectStillHeard(witness, editorClient, 'witness after forgery');
    expect(seenBy(editorClient, secretaryId)?.user?.name).toBe('Thư Ký');
    expect(secretaryClient.provider.wsconnected).toBe(true);
    witness.ws.close();
  });

  it('closes the sender of an oversized state with 4413 and relays nothing of it', async () => {
    const socket = await openViewerSocket();
    const clientId = nextId++;
    const big = state({ user: { name: 'x'.repeat(PRESENCE_LIMITS.maxStateBytes) } });
    socket.send(frame({ clientId, clock: 1, json: big }));
    expect((await socket.closed).code).toBe(CloseCode.TooLarge);
    const witness = await openViewerSocket();
    await expectStillHeard(witness, editorClient, 'witness after oversized');
    expect(room.awareness.getStates().has(clientId)).toBe(false);
    expect(seenBy(editorClient, clientId)).toBeUndefined();
    witness.ws.close();
  });

  it('closes a socket flooding presence updates with 4429, after a burst went through', async () => {
    const socket = await openViewerSocket();
    const clientId = nextId++;
    const padding = 'p'.repeat(8 * 1024);
    // 8 KiB per update: the burst allowance passes ~60 of them, a sustained stream does not.
    const frames = Math.ceil((2 * PRESENCE_LIMITS.burstBytes) / padding.length);
    for (let clock = 1; clock <= frames; clock++) {
      socket.send(frame({ clientId, clock, json: state({ user: { name: `flood ${clock}` }, padding }) }));
    }
    expect((await socket.closed).code).toBe(CloseCode.TooMany);
    const applied = (room.awareness.meta.get(clientId)?.clock ?? 0) as number;
    expect(applied).toBeGreaterThan(10);
    expect(applied).toBeLessThan(frames);
  });
});
