// Presence (y-protocols awareness) is bounded and owned. Each awareness entry a socket sends is
// judged here, before it touches the room's awareness:
//
// - size: one client's state is at most `maxStateBytes` of JSON (a caret, a name and a colour are
//   a few hundred bytes); a larger one closes the sender with 4413.
// - ownership: the first socket that announces an unknown client id owns it, for its user; a socket
//   owns at most `maxIdsPerSocket` ids (a stock provider uses one). A newer entry for a client id
//   another user owns is a forged presence and closes the sender with 4403. Another socket of the
//   SAME user may take an id over: a provider that reconnects keeps its client id, and the server
//   may not have noticed yet that its old socket is dead.
// - echoes: stock y-websocket clients re-broadcast every state they receive, at the clock they
//   received it with. An entry whose clock is not newer than the server's is such an echo and is
//   dropped, never applied (applied, a `null` at the same clock would delete the other client's
//   presence) and never refused (every honest client sends them).
// - rate: a token bucket per socket charged `frameCost` per frame plus the bytes of the states it
//   changes: bursts (a caret dragged across a page) pass, a sustained flood closes with 4429.
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { CloseCode } from '../../shared/protocol';

export interface PresenceLimits {
  /** Largest JSON of one client's state (UTF-8 bytes). */
  maxStateBytes: number;
  /** Client ids one socket may own. */
  maxIdsPerSocket: number;
  /** Token bucket: what a socket may spend at once… */
  burstBytes: number;
  /** …and per second, sustained. */
  refillBytesPerSecond: number;
  /** Charged for every awareness frame, echoes too, so a flood of no-ops is bounded as well. */
  frameCost: number;
}

export const PRESENCE_LIMITS: PresenceLimits = {
  maxStateBytes: 16 * 1024,
  maxIdsPerSocket: 4,
  // A caret state is ~300-500 bytes; a selection dragged at 120 Hz spends ~60 KB/s for a while.
  burstBytes: 512 * 1024,
  refillBytesPerSecond: 64 * 1024,
  frameCost: 32,
};

/** One entry of an awareness update; `json` is the state as sent (`null` = removed). */
export interface AwarenessEntry {
  clientId: number;
  clock: number;
  json: string;
}

/** Who sent a frame: the socket and the user it was opened for. */
export interface PresenceSender {
  socketId: string;
  userId: string;
}

export type PresenceVerdict =
  | { ok: true; accepted: AwarenessEntry[] }
  | { ok: false; code: CloseCode; reason: string };

/**
 * Decode an awareness update into its entries; throws on truncated framing or invalid JSON (the
 * caller turns that into 4400).
 */
export function decodeAwarenessUpdate(update: Uint8Array): AwarenessEntry[] {
  const decoder = decoding.createDecoder(update);
  const count = decoding.readVarUint(decoder);
  const entries: AwarenessEntry[] = [];
  for (let i = 0; i < count; i++) {
    const clientId = decoding.readVarUint(decoder);
    const clock = decoding.readVarUint(decoder);
    const json = decoding.readVarString(decoder);
    JSON.parse(json);
    entries.push({ clientId, clock, json });
  }
  return entries;
}

/** The awareness update made of `entries` (the wire format of y-protocols/awareness). */
export function encodeAwarenessEntries(entries: readonly AwarenessEntry[]): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, entries.length);
  for (const entry of entries) {
    encoding.writeVarUint(encoder, entry.clientId);
    encoding.writeVarUint(encoder, entry.clock);
    encoding.writeVarString(encoder, entry.json);
  }
  return encoding.toUint8Array(encoder);
}

/** A token bucket: `capacity` at once, refilled at `refillPerSecond`. Time is passed in (ms). */
export class TokenBucket {
  private tokens: number;
  private last: number;

  constructor(
    private readonly capacity: number,
    private readonly refillPerSecond: number,
    now: number,
  ) {
    this.tokens = capacity;
    this.last = now;
  }

  /** Spend `cost` if the bucket holds it; false (and nothing spent) otherwise. */
  take(cost: number, now: number): boolean {
    const elapsed = Math.max(0, now - this.last);
    this.last = Math.max(this.last, now);
    this.tokens = Math.min(this.capacity, this.tokens + (elapsed / 1000) * this.refillPerSecond);
    if (cost > this.tokens) return false;
    this.tokens -= cost;
    return true;
  }
}

interface Owner {
  userId: string;
  /** The socket that announced it last; null once that socket closed. */
  socketId: string | null;
}

interface SocketState {
  ids: Set<number>;
  bucket: TokenBucket;
}

/** The presence rules of one room: who owns which awareness client id, and each socket's budget. */
export class PresencePolicy {
  /** Kept for the room's life, so a user's id stays theirs after their socket closed. */
  private readonly owners = new Map<number, Owner>();
  private readonly sockets = new Map<string, SocketState>();

  constructor(
    /** The room's own awareness id: the server has no presence, and nobody may give it one. */
    private readonly serverClientId: number,
    private readonly limits: PresenceLimits = PRESENCE_LIMITS,
  ) {}

  /**
   * Judge one awareness frame. On success the ids it claims are recorded and `accepted` holds the
   * entries to apply (echoes dropped; possibly none). `knownClock` is the room awareness's clock
   * of a client id (undefined if never seen). `now` in ms.
   */
  judge(
    sender: PresenceSender,
    entries: readonly AwarenessEntry[],
    knownClock: (clientId: number) => number | undefined,
    now: number,
  ): PresenceVerdict {
    const socket = this.socketState(sender.socketId, now);
    const accepted: AwarenessEntry[] = [];
    const claims: number[] = [];
    let cost = this.limits.frameCost;
    for (const entry of entries) {
      const bytes = Buffer.byteLength(entry.json, 'utf8');
      if (bytes > this.limits.maxStateBytes) {
        return refuse(CloseCode.TooLarge, `presence state of ${bytes} bytes`);
      }
      // y-protocols counts an unknown client's clock as 0 as well.
      if (entry.clock <= (knownClock(entry.clientId) ?? 0)) continue;
      if (entry.clientId === this.serverClientId) {
        return refuse(CloseCode.Forbidden, 'presence for the server');
      }
      const owner = this.owners.get(entry.clientId);
      if (owner && owner.userId !== sender.userId) {
        return refuse(CloseCode.Forbidden, "presence of another user's client");
      }
      if (owner?.socketId !== sender.socketId && !claims.includes(entry.clientId)) {
        claims.push(entry.clientId);
      }
      accepted.push(entry);
      cost += bytes;
    }
    if (socket.ids.size + claims.length > this.limits.maxIdsPerSocket) {
      return refuse(CloseCode.TooMany, 'too many presence client ids on one socket');
    }
    if (!socket.bucket.take(cost, now)) return refuse(CloseCode.TooMany, 'presence updates too fast');
    for (const clientId of claims) this.claim(clientId, sender);
    return { ok: true, accepted };
  }

  /**
   * A socket closed: returns the client ids it still owns (their presence is to be removed). The
   * ids stay its user's.
   */
  release(socketId: string): number[] {
    const socket = this.sockets.get(socketId);
    this.sockets.delete(socketId);
    if (!socket) return [];
    for (const clientId of socket.ids) {
      const owner = this.owners.get(clientId);
      if (owner) owner.socketId = null;
    }
    return [...socket.ids];
  }

  private claim(clientId: number, sender: PresenceSender): void {
    const previous = this.owners.get(clientId)?.socketId;
    if (previous) this.sockets.get(previous)?.ids.delete(clientId);
    this.owners.set(clientId, { userId: sender.userId, socketId: sender.socketId });
    this.sockets.get(sender.socketId)?.ids.add(clientId);
  }

  private socketState(socketId: string, now: number): SocketState {
    let socket = this.sockets.get(socketId);
    if (!socket) {
      socket = {
        ids: new Set(),
        bucket: new TokenBucket(this.limits.burstBytes, this.limits.refillBytesPerSecond, now),
      };
      this.sockets.set(socketId, socket);
    }
    return socket;
  }
}

function refuse(code: CloseCode, reason: string): PresenceVerdict {
  return { ok: false, code, reason };
}
