// One open report: its Y.Doc and awareness, the sockets on it, and the path every change takes:
// guard → apply → log (group-committed fsync) → relay through the bus.
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import type { SectionStatus, User } from '../../shared/types';
import { type DeletedByStore, NOTHING_RECORDED } from '../history/deleted-by';
import type { Logger } from '../log';
import { isReadOnlyReport } from '../reports/report-status';
import type { ActivityEntry, ActivityLog } from '../store/activity-log';
import type { ClientBindingStore } from '../store/client-bindings';
import { type DocLog, type DocStore, docFromStored } from '../store/doc-store';
import type { MetaStore } from '../store/meta-store';
import { ActivityCoalescer } from './activity-coalescer';
import type { BusMessage, RoomBus } from './bus';
import type { Connection } from './connection';
import { awarenessFrame, awarenessStatesFrame, syncStep1Frame, updateFrame } from './frames';
import { checkUpdate } from './guard';
import { isRedundantUpdate } from './redundant-update';

export interface RoomDeps {
  docs: DocStore;
  meta: MetaStore;
  bindings: ClientBindingStore;
  activity: ActivityLog;
  bus: RoomBus;
  logger: Logger;
  /** Who deleted what (deletions carry no clientID): one record per accepted update. */
  deletedBy: DeletedByStore;
  /** Automatic versions while the room is open; absent = none. */
  autoVersion?: AutoVersionPolicy;
  /** Told after every change of the doc. */
  onChange?: (reportId: string) => void;
}

/** DESIGN "Versions": an automatic version every interval while the report changes. */
export interface AutoVersionPolicy {
  intervalMs: number;
  /** Store a version of `room.doc` if it changed since the report's last version. */
  take(room: Room): Promise<void>;
}

/** Origin of changes the server makes itself (e.g. an owner set through the REST API). */
export interface ServerOrigin {
  kind: 'server';
  userId: string;
}

/** A frame the room could not accept: the connection is closed with `code`. */
export class RoomRefusal extends Error {
  constructor(
    readonly code: number,
    reason: string,
  ) {
    super(reason);
  }
}

export class Room {
  readonly awareness: awarenessProtocol.Awareness;
  readonly connections = new Set<Connection>();
  private readonly unsubscribe: () => void;
  private readonly coalescer: ActivityCoalescer;
  private compacting = false;
  private closed = false;
  /**
   * Attribution writes (client bindings, deleted-by records) issued so far. An update is stored
   * and relayed only after the attribution it needs is on disk, so no crash or restart can leave
   * stored or seen text whose author (or deleter) is unknown.
   */
  private attributionWritten: Promise<unknown> = Promise.resolve();
  private attributionPending = 0;
  /** Updates waiting for their attribution, stored and relayed in the order they were applied. */
  private outbound: Promise<void> = Promise.resolve();
  private outboundWaiting = 0;
  private readonly autoVersionTimer: NodeJS.Timeout | null;
  private autoVersioning: Promise<void> | null = null;

  private constructor(
    readonly reportId: string,
    readonly doc: Y.Doc,
    private readonly log: DocLog,
    readonly clientOwners: Map<number, string>,
    private readonly deps: RoomDeps,
  ) {
    this.awareness = new awarenessProtocol.Awareness(doc);
    // The server is not a participant: it has no presence of its own.
    this.awareness.setLocalState(null);
    this.awareness.on('update', this.onAwarenessUpdate);
    doc.on('update', this.onDocUpdate);
    this.unsubscribe = deps.bus.subscribe(reportId, this.onBusMessage);
    this.coalescer = new ActivityCoalescer((entry) => this.appendActivity(entry));
    const autoVersion = deps.autoVersion;
    this.autoVersionTimer = autoVersion
      ? setInterval(() => this.takeAutoVersion(autoVersion), autoVersion.intervalMs)
      : null;
    this.autoVersionTimer?.unref();
  }

  static async load(reportId: string, deps: RoomDeps): Promise<Room> {
    const stored = await deps.docs.read(reportId);
    const doc = docFromStored(stored, deps.docs.reportDir(reportId));
    const bindings = await deps.bindings.load(reportId);
    const log = await deps.docs.openLog(reportId, stored);
    return new Room(reportId, doc, log, bindings, deps);
  }

  get logStats(): { bytesWritten: number; updatesWritten: number } {
    return this.log.stats;
  }

  join(connection: Connection): void {
    this.connections.add(connection);
    connection.send(syncStep1Frame(this.doc));
    if (this.awareness.getStates().size > 0) connection.send(awarenessStatesFrame(this.awareness));
  }

  /** Remove a connection and the presence it announced. Returns whether the room is now empty. */
  leave(connection: Connection): boolean {
    this.connections.delete(connection);
    if (connection.awarenessIds.size > 0) {
      awarenessProtocol.removeAwarenessStates(this.awareness, [...connection.awarenessIds], connection);
    }
    return this.connections.size === 0;
  }

  /**
   * A Yjs update from a client (sync step 2 or update). Throws RoomRefusal for a malformed update
   * (4400) or one the guard refuses (4403); nothing of a refused update is applied, stored or relayed.
   */
  receiveUpdate(connection: Connection, update: Uint8Array): void {
    let decoded: ReturnType<typeof Y.decodeUpdate>;
    try {
      decoded = Y.decodeUpdate(update);
    } catch {
      throw new RoomRefusal(4400, 'invalid Yjs update');
    }
    if (isRedundantUpdate(this.doc, decoded)) return;
    const user = connection.user;
    const result = checkUpdate(this.doc, update, {
      user,
      // An archived report is read-only like a locked one (report-status.ts).
      locked: isReadOnlyReport(this.reportMeta()),
      sectionStatus: (sectionId) => this.sectionStatus(sectionId),
      clientOwners: this.clientOwners,
    });
    if (!result.ok) {
      this.deps.logger.warn(
        `collab: refused an update from ${user.username} on ${this.reportId}: ${result.reason}`,
      );
      this.appendActivity({
        at: new Date().toISOString(),
        userId: user.id,
        kind: 'refused',
        sectionIds: [],
        reason: result.reason,
      });
      throw new RoomRefusal(4403, result.reason);
    }
    const writes = result.clientIds.map((clientId) => this.bindClient(clientId, user.id));
    // Recorded against the doc as it is BEFORE the update: only what this update newly deletes.
    writes.push(this.recordDeletions(user.id, decoded.ds));
    this.holdLogFor(writes);
    try {
      Y.applyUpdate(this.doc, update, connection);
    } catch (error) {
      this.deps.logger.error(`collab: applying an update from ${user.username} failed`, error);
      throw new RoomRefusal(4400, 'update could not be applied');
    }
    this.coalescer.addEdit(user.id, result.sectionIds, result.inserted, result.deleted);
  }

  /**
   * An awareness update from a client. Stock y-websocket clients re-broadcast the states they
   * received from others, so entries for other clients are normal; awareness clocks make such
   * echoes no-ops.
   */
  receiveAwareness(connection: Connection, update: Uint8Array): void {
    try {
      awarenessProtocol.applyAwarenessUpdate(this.awareness, update, connection);
    } catch {
      throw new RoomRefusal(4400, 'invalid awareness update');
    }
  }

  /** Edit entries not yet written by the coalescer (so the activity log can be read up to now). */
  pendingActivity(): ActivityEntry[] {
    return this.coalescer.pending();
  }

  /** Make a change on behalf of a user outside the socket path (REST); it is stored and relayed. */
  applyServerChange(user: User, change: (doc: Y.Doc) => void): void {
    // A fresh client id per change, bound to the acting user, so the change is attributed to them.
    this.doc.clientID = Math.floor(Math.random() * 0xffffffff);
    this.holdLogFor([this.bindClient(this.doc.clientID, user.id)]);
    const origin: ServerOrigin = { kind: 'server', userId: user.id };
    this.doc.transact(() => change(this.doc), origin);
  }

  /** Flush everything to disk, compact, and release resources. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    if (this.autoVersionTimer) clearInterval(this.autoVersionTimer);
    this.unsubscribe();
    this.coalescer.stop();
    this.doc.off('update', this.onDocUpdate);
    this.awareness.off('update', this.onAwarenessUpdate);
    this.awareness.destroy();
    try {
      await this.autoVersioning;
      await this.outbound;
      await this.log.flush();
      if (this.log.wantsCompaction()) await this.log.compact(Y.encodeStateAsUpdate(this.doc));
    } finally {
      await this.log.close();
      await this.deps.bindings.closeReport(this.reportId);
      await this.deps.deletedBy.closeReport(this.reportId);
      await this.deps.activity.closeReport(this.reportId);
      this.doc.destroy();
    }
  }

  private reportMeta() {
    return this.deps.meta.data.reports.find((report) => report.id === this.reportId);
  }

  private sectionStatus(sectionId: string): SectionStatus {
    return this.reportMeta()?.sections[sectionId]?.status ?? 'draft';
  }

  /** Bind a new client id to its user; resolves (never rejects) once the binding is stored. */
  /** Null when the binding is already known (nothing to wait for). */
  private bindClient(clientId: number, userId: string): Promise<void> | null {
    if (this.clientOwners.has(clientId)) return null;
    this.clientOwners.set(clientId, userId);
    return this.deps.bindings.bind(this.reportId, clientId, userId).catch((error) => {
      this.deps.logger.error(`collab: could not store the client binding ${clientId} → ${userId}`, error);
    });
  }

  /** Record `userId` as the deleter of what `ds` newly deletes: a write that resolves (never rejects) once stored, or null when there is nothing to record. */
  private recordDeletions(
    userId: string,
    ds: Parameters<DeletedByStore['recordDeleteSet']>[2],
  ): Promise<void> | null {
    let recorded: Promise<void>;
    try {
      recorded = this.deps.deletedBy.recordDeleteSet(this.reportId, userId, ds, this.doc);
    } catch (error) {
      recorded = Promise.reject(error);
    }
    // Most keystrokes delete nothing: they must not wait behind other users' attribution writes.
    if (recorded === NOTHING_RECORDED) return null;
    return recorded.catch((error) => {
      this.deps.logger.error(`collab: could not record deletions by ${userId} in ${this.reportId}`, error);
    });
  }

  /** The next updates stored and relayed wait for `writes` (which never reject). */
  private holdLogFor(pendingWrites: (Promise<unknown> | null)[]): void {
    const writes = pendingWrites.filter((write): write is Promise<unknown> => write !== null);
    if (writes.length === 0) return;
    this.attributionPending += writes.length;
    for (const write of writes) {
      write.finally(() => {
        this.attributionPending--;
      });
    }
    this.attributionWritten = Promise.all([this.attributionWritten, ...writes]);
  }

  private takeAutoVersion(policy: AutoVersionPolicy): void {
    if (this.closed || this.autoVersioning) return;
    this.autoVersioning = policy
      .take(this)
      .catch((error) => this.deps.logger.error(`collab: automatic version of ${this.reportId} failed`, error))
      .finally(() => {
        this.autoVersioning = null;
      });
  }

  private appendActivity(entry: ActivityEntry): void {
    this.deps.activity.append(this.reportId, entry).catch((error) => {
      this.deps.logger.error(`collab: could not append to the activity log of ${this.reportId}`, error);
    });
  }

  private readonly onDocUpdate = (update: Uint8Array, origin: unknown): void => {
    this.deps.onChange?.(this.reportId);
    if (isServerOrigin(origin)) {
      // The server's own change (REST) is a local transaction: its delete set is all new.
      this.holdLogFor([this.recordDeletions(origin.userId, Y.decodeUpdate(update).ds)]);
    }
    const sourceId = isConnectionLike(origin) ? origin.id : 'server';
    // Common case (nothing waiting for attribution): stored and relayed at once, as before.
    if (this.attributionPending === 0 && this.outboundWaiting === 0) {
      this.storeAndRelay(update, sourceId);
      return;
    }
    const attribution = this.attributionWritten;
    this.outboundWaiting++;
    this.outbound = this.outbound
      .then(() => attribution)
      .then(() => {
        this.outboundWaiting--;
        this.storeAndRelay(update, sourceId);
      });
  };

  private storeAndRelay(update: Uint8Array, sourceId: string): void {
    // Not awaited: appends queued while one is being synced share the next fsync (group commit).
    this.log.append(update).catch((error) => {
      this.deps.logger.error(`collab: could not store an update of ${this.reportId}`, error);
    });
    this.deps.bus.publish(this.reportId, {
      kind: 'update',
      payload: update,
      sourceId,
      instanceId: this.deps.bus.instanceId,
    });
    if (!this.compacting && this.log.wantsCompaction()) this.compactInBackground();
  }

  private readonly onAwarenessUpdate = (
    { added, updated, removed }: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ): void => {
    if (isConnectionLike(origin) && this.connections.has(origin as Connection)) {
      const connection = origin as Connection;
      for (const id of added) connection.awarenessIds.add(id);
      for (const id of removed) connection.awarenessIds.delete(id);
    }
    const changed = [...added, ...updated, ...removed];
    this.deps.bus.publish(this.reportId, {
      kind: 'awareness',
      payload: awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed),
      sourceId: isConnectionLike(origin) ? origin.id : 'server',
      instanceId: this.deps.bus.instanceId,
    });
  };

  /** Deliver a published message to this room's sockets, except the one it came from. */
  private readonly onBusMessage = (message: BusMessage): void => {
    const frame = message.kind === 'update' ? updateFrame(message.payload) : awarenessFrame(message.payload);
    for (const connection of this.connections) {
      if (connection.id !== message.sourceId) connection.send(frame);
    }
  };

  private compactInBackground(): void {
    this.compacting = true;
    this.log
      .compact(Y.encodeStateAsUpdate(this.doc))
      .catch((error) => this.deps.logger.error(`collab: compaction of ${this.reportId} failed`, error))
      .finally(() => {
        this.compacting = false;
      });
  }
}

function isServerOrigin(value: unknown): value is ServerOrigin {
  return typeof value === 'object' && value !== null && (value as ServerOrigin).kind === 'server';
}

function isConnectionLike(value: unknown): value is { id: string } {
  return typeof value === 'object' && value !== null && 'id' in value && 'send' in value;
}
