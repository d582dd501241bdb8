// A room's presence (y-protocols awareness): what the sockets announce, judged by the presence
// policy (presence-policy.ts), and relayed once per event-loop turn. Kept apart from room.ts: the
// document path (guard, attribution, log) and the presence path share nothing but the sockets.
// In a cluster the awareness also holds what other processes relayed (`receiveRemote`), so a
// socket that joins sees every cursor and echoes of them are recognised; that is never relayed
// again, and is dropped when its process is gone (`dropInstance`).
import * as awarenessProtocol from 'y-protocols/awareness';
import type * as Y from 'yjs';
import { socketOrigin } from './change-origin';
import type { Connection } from './connection';
import {
  type AwarenessEntry,
  decodeAwarenessUpdate,
  encodeAwarenessEntries,
  PresencePolicy,
} from './presence-policy';
import { malformed, Refused } from './refused';

/** The origin of awareness changes another process relayed: applied here, never relayed again. */
const REMOTE = Symbol('relayed by another process');

export class RoomPresence {
  readonly awareness: awarenessProtocol.Awareness;
  /** Who owns which presence client id, and each socket's presence budget. */
  private readonly policy: PresencePolicy;
  /** Awareness clients changed since the last relay. */
  private changed = new Set<number>();
  /** Client id → the process that relayed its state (cluster mode). */
  private readonly remote = new Map<number, string>();
  private closed = false;

  /**
   * `relay` gets every changed client's latest state, once per turn; `deliverLocal` sends an
   * awareness update to this process's sockets only.
   */
  constructor(
    doc: Y.Doc,
    private readonly relay: (payload: Uint8Array) => void,
    private readonly deliverLocal: (payload: Uint8Array) => void,
  ) {
    this.awareness = new awarenessProtocol.Awareness(doc);
    // The server is not a participant: it has no presence of its own.
    this.awareness.setLocalState(null);
    this.policy = new PresencePolicy(this.awareness.clientID);
    this.awareness.on('update', this.onUpdate);
  }

  get isEmpty(): boolean {
    return this.awareness.getStates().size === 0;
  }

  /**
   * An awareness update from a socket (`entries` = its decoded content). Stock y-websocket clients
   * re-broadcast the states they received from others, so entries for other clients are normal:
   * the policy drops such echoes and refuses (Refused) oversized states, newer entries for another
   * user's client ids, and floods.
   */
  receive(connection: Connection, update: Uint8Array, entries: AwarenessEntry[]): void {
    const sender = { socketId: connection.id, userId: connection.user.id };
    const knownClock = (clientId: number) => this.awareness.meta.get(clientId)?.clock;
    const verdict = this.policy.judge(sender, entries, knownClock, Date.now());
    if (!verdict.ok) throw new Refused(verdict.code, verdict.reason);
    if (verdict.accepted.length === 0) return;
    const accepted =
      verdict.accepted.length === entries.length ? update : encodeAwarenessEntries(verdict.accepted);
    // A client that moved here from another process (it reconnected) is now this process's.
    for (const entry of verdict.accepted) this.remote.delete(entry.clientId);
    try {
      awarenessProtocol.applyAwarenessUpdate(this.awareness, accepted, socketOrigin(connection));
    } catch {
      throw malformed('invalid awareness update');
    }
  }

  /**
   * Awareness another process relayed (already judged there; its sockets here got the frame from
   * the room): kept so joining sockets see it, and remembered as that process's.
   */
  receiveRemote(instanceId: string, update: Uint8Array): void {
    if (this.closed) return;
    let entries: AwarenessEntry[];
    try {
      entries = decodeAwarenessUpdate(update);
      awarenessProtocol.applyAwarenessUpdate(this.awareness, update, REMOTE);
    } catch {
      return;
    }
    for (const entry of entries) {
      if (this.awareness.getStates().has(entry.clientId)) this.remote.set(entry.clientId, instanceId);
      else this.remote.delete(entry.clientId);
    }
  }

  /** Remove the presence a process that is gone relayed, and tell this process's sockets. */
  dropInstance(instanceId: string): void {
    if (this.closed) return;
    const ids = [...this.remote].filter(([, owner]) => owner === instanceId).map(([id]) => id);
    if (ids.length === 0) return;
    for (const id of ids) this.remote.delete(id);
    awarenessProtocol.removeAwarenessStates(this.awareness, ids, REMOTE);
    // Each state as null at its last clock: what a client applies as "gone".
    this.deliverLocal(awarenessProtocol.encodeAwarenessUpdate(this.awareness, ids));
  }

  /** Remove the presence a leaving socket still owns (not ids a reconnected socket took over). */
  release(connection: Connection): void {
    const owned = this.policy.release(connection.id);
    if (owned.length > 0) {
      awarenessProtocol.removeAwarenessStates(this.awareness, owned, socketOrigin(connection));
    }
  }

  close(): void {
    this.closed = true;
    this.awareness.off('update', this.onUpdate);
    this.awareness.destroy();
  }

  private readonly onUpdate = (
    { added, updated, removed }: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ): void => {
    if (origin === REMOTE) return;
    const first = this.changed.size === 0;
    for (const id of [...added, ...updated, ...removed]) {
      // Another process's client timed out here: its own process relays that, not this one.
      if (this.remote.has(id)) {
        if (removed.includes(id)) this.remote.delete(id);
        continue;
      }
      this.changed.add(id);
    }
    // Cursors move with every keystroke: one relay per turn carrying every client's latest state,
    // instead of one per message to every socket, keeps fan-out from swamping document updates.
    if (first && this.changed.size > 0) setImmediate(this.relayChanged);
  };

  private readonly relayChanged = (): void => {
    const changed = [...this.changed];
    this.changed.clear();
    if (this.closed || changed.length === 0) return;
    this.relay(awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed));
  };
}
