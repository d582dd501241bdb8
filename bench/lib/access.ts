// How the load generator reaches a room on each server. dongsoan has accounts, reports and
// tokens (REST); the peers have none, so a room is a name and its first client brings the
// starting state (the same bytes dongsoan built for itself, see fixture.ts).
import * as Y from 'yjs';
import { BenchClient, type ClientTarget, waitForDoc } from './client';
import { demoReportState, hasContent } from './fixture';
import { DEMO_PASSWORD, FRAMING, type ServerHandle } from './servers';

export interface RoomRef {
  name: string;
  /** State the room's first client applies before connecting (peers); null when the server has it. */
  seed: Uint8Array | null;
}

export interface Access {
  readonly server: ServerHandle;
  /** The demo report (the sample with departments assigned). */
  demoRoom(): Promise<RoomRef>;
  /** New rooms holding `text` (dongsoan imports it) or `state` (peers start from it). */
  createRooms(count: number, content: { text: string | 'sample'; state: Uint8Array }): Promise<RoomRef[]>;
  /** A client of `room` acting as `username` (dongsoan account; ignored by peers). */
  client(room: RoomRef, username: string): Promise<BenchClient>;
}

export function accessFor(server: ServerHandle): Access {
  return server.kind === 'dongsoan' ? new DongsoanAccess(server) : new PeerAccess(server);
}

class PeerAccess implements Access {
  constructor(readonly server: ServerHandle) {}

  async demoRoom(): Promise<RoomRef> {
    return { name: 'demo-report', seed: demoReportState() };
  }

  async createRooms(count: number, content: { state: Uint8Array }): Promise<RoomRef[]> {
    return Array.from({ length: count }, (_, i) => ({ name: `room-${i}`, seed: content.state }));
  }

  async client(room: RoomRef): Promise<BenchClient> {
    const framing = this.server.kind === 'echo' ? FRAMING.reference : FRAMING[this.server.kind];
    const base = `ws://127.0.0.1:${this.server.port}`;
    const target: ClientTarget = {
      url: framing === 'hocuspocus' ? base : `${base}/${encodeURIComponent(room.name)}`,
      framing,
      documentName: room.name,
    };
    return new BenchClient(target);
  }
}

class DongsoanAccess implements Access {
  private readonly base: string;
  /** One login per account, shared by concurrent joins (the server throttles login bursts). */
  private readonly tokens = new Map<string, Promise<string>>();

  constructor(readonly server: ServerHandle) {
    this.base = `http://127.0.0.1:${server.port}`;
  }

  async demoRoom(): Promise<RoomRef> {
    const reports = (await this.api('GET', '/api/reports', 'secretary')) as {
      id: string;
      createdAt: string;
    }[];
    if (reports.length === 0) throw new Error('dongsoan: no seeded report');
    return { name: reports[0].id, seed: null };
  }

  async createRooms(count: number, content: { text: string | 'sample' }): Promise<RoomRef[]> {
    const rooms: RoomRef[] = [];
    const body = content.text === 'sample' ? { source: 'sample' } : { text: content.text };
    for (let i = 0; i < count; i++) {
      const report = (await this.api('POST', '/api/reports', 'secretary', {
        title: `Bench ${i}`,
        ...body,
      })) as {
        id: string;
      };
      rooms.push({ name: report.id, seed: null });
    }
    return rooms;
  }

  async client(room: RoomRef, username: string): Promise<BenchClient> {
    const token = await this.token(username);
    return new BenchClient({
      url: `ws://127.0.0.1:${this.server.port}/collab/${room.name}?token=${encodeURIComponent(token)}`,
      framing: 'y-websocket',
      documentName: room.name,
    });
  }

  private token(username: string): Promise<string> {
    let token = this.tokens.get(username);
    if (!token) {
      token = this.login(username);
      this.tokens.set(username, token);
    }
    return token;
  }

  private async login(username: string): Promise<string> {
    const response = await fetch(`${this.base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password: DEMO_PASSWORD }),
    });
    if (!response.ok) throw new Error(`dongsoan login ${username}: ${response.status}`);
    return ((await response.json()) as { token: string }).token;
  }

  private async api(method: string, path: string, username: string, body?: unknown): Promise<unknown> {
    const response = await fetch(`${this.base}${path}`, {
      method,
      headers: { authorization: `Bearer ${await this.token(username)}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!response.ok)
      throw new Error(`dongsoan ${method} ${path}: ${response.status} ${await response.text()}`);
    return response.json();
  }
}

/**
 * Connect a client and wait until it holds the room's content. A peer room's seed is applied by
 * the client before it connects (all peer clients carry identical bytes, so the server merges them
 * once); dongsoan clients start empty and receive the server's copy.
 */
export async function joinRoom(
  access: Access,
  room: RoomRef,
  username: string,
  options: { seed?: boolean; timeoutMs?: number } = {},
): Promise<BenchClient> {
  const client = await access.client(room, username);
  if (room.seed && options.seed) Y.applyUpdate(client.doc, room.seed);
  await client.connect();
  await client.synced;
  await waitForDoc(client.doc, hasContent, options.timeoutMs ?? 30_000);
  return client;
}
