// The open rooms of this process: loaded on first use, flushed and unloaded when the last user
// (socket or REST change) releases them. No global state: one RoomManager per server instance.

import type * as Y from 'yjs';
import { CloseCode } from '../../shared/protocol';
import type { SessionFilter } from '../auth/sessions';
import { Room, type RoomDeps } from './room';

interface Entry {
  room: Promise<Room>;
  users: number;
}

export class RoomManager {
  private readonly entries = new Map<string, Entry>();
  /** Unloads in progress: a new acquire waits for them so a report is never open twice. */
  private readonly unloading = new Map<string, Promise<void>>();
  /** Changes applied per report across loads (for caches of derived data). */
  private readonly changeCounts = new Map<string, number>();

  constructor(private readonly deps: RoomDeps) {}

  /** Reports open (or loading) in this process. */
  get openCount(): number {
    return this.entries.size;
  }

  async acquire(reportId: string): Promise<Room> {
    await this.unloading.get(reportId);
    let entry = this.entries.get(reportId);
    if (!entry) {
      const room = Room.load(reportId, { ...this.deps, onChange: (id) => this.noteChange(id) });
      entry = { room, users: 0 };
      this.entries.set(reportId, entry);
      room.catch(() => {
        if (this.entries.get(reportId) === entry) this.entries.delete(reportId);
      });
    }
    entry.users++;
    try {
      return await entry.room;
    } catch (error) {
      entry.users--;
      throw error;
    }
  }

  release(room: Room): void {
    const entry = this.entries.get(room.reportId);
    if (!entry) return;
    entry.users--;
    if (entry.users > 0) return;
    this.entries.delete(room.reportId);
    const unload = this.unload(room).finally(() => {
      if (this.unloading.get(room.reportId) === unload) this.unloading.delete(room.reportId);
    });
    this.unloading.set(room.reportId, unload);
  }

  /** The live room of a report if it is open (no loading). */
  async openRoom(reportId: string): Promise<Room | null> {
    const entry = this.entries.get(reportId);
    return entry ? entry.room : null;
  }

  /**
   * Run `read` on the report's current document: the live one if the room is open, else one read
   * from the report store (complete, since rooms flush before they unload) without opening a room.
   */
  async withDoc<T>(reportId: string, read: (doc: Y.Doc) => T): Promise<T> {
    const entry = this.entries.get(reportId);
    if (entry) return read((await entry.room).doc);
    await this.unloading.get(reportId);
    const doc = await this.deps.store.readDoc(reportId);
    try {
      return read(doc);
    } finally {
      doc.destroy();
    }
  }

  /** Changes whenever the report's document changes in this process (for caches of derived data). */
  changeStamp(reportId: string): number {
    return this.changeCounts.get(reportId) ?? 0;
  }

  /**
   * Close every open socket of a user with `code` (deactivation, revoked sessions: 4401), so a
   * change of rights takes effect now rather than at their next reconnect. `sessions` narrows it
   * by the hash of the token a socket was opened with: all but `keep` (the session that changed
   * its own password), or only `only` (a session that logged out). Returns how many were closed.
   */
  async closeUserConnections(
    userId: string,
    code: CloseCode,
    reason: string,
    sessions: SessionFilter = {},
  ): Promise<number> {
    const rooms = await Promise.allSettled([...this.entries.values()].map((entry) => entry.room));
    let closed = 0;
    for (const result of rooms) {
      if (result.status !== 'fulfilled') continue;
      for (const connection of [...result.value.connections]) {
        if (connection.user.id !== userId || connection.tokenHash === sessions.keep) continue;
        if (sessions.only !== undefined && connection.tokenHash !== sessions.only) continue;
        connection.close(code, reason);
        closed++;
      }
    }
    return closed;
  }

  async closeAll(): Promise<void> {
    const rooms = await Promise.allSettled([...this.entries.values()].map((entry) => entry.room));
    this.entries.clear();
    await Promise.allSettled([
      ...this.unloading.values(),
      ...rooms.map((result) => (result.status === 'fulfilled' ? this.unload(result.value) : undefined)),
    ]);
  }

  private noteChange(reportId: string): void {
    this.changeCounts.set(reportId, this.changeStamp(reportId) + 1);
  }

  private async unload(room: Room): Promise<void> {
    for (const connection of room.connections) connection.close(CloseCode.GoingAway, 'server shutting down');
    try {
      await room.close();
    } catch (error) {
      this.deps.logger.error(`collab: unloading ${room.reportId} failed`, error);
    }
  }
}
