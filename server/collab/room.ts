// One open report: its Y.Doc and awareness, the sockets on it, and the path every change takes:
// guard → apply → log (group-committed fsync) → relay through the bus.
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import type { SectionStatus, User } from '../../shared/types';
import { type DeletedByStore, type DeleteSet, NOTHING_RECORDED } from '../history/deleted-by';
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
import { type AwarenessEntry, encodeAwarenessEntries, PresencePolicy } from './presence-policy';
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

/** How long a room must go without updates before it compacts a log past its thresholds. */
const COMPACT_WHEN_IDLE_MS = 2000;

export class Room {
  readonly awareness: awarenessProtocol.Awareness;
  readonly connections = new Set<Connection>();
  /** Who owns which presence client id, and each socket's presence budget (presence-policy.ts). */
  private readonly presence: PresencePolicy;
  private readonly unsubscribe: () => void;
  private readonly coalescer: ActivityCoalescer;
  private compacting = false;
  private closed = false;
  private idleCompaction: NodeJS.Timeout | null = null;
  /** Awareness clients changed since the last relay (awareness is relayed once per turn). */
  private awarenessChanged = new Set<number>();
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
    this.presence = new PresencePolicy(this.awareness.clientID);
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
    // Open now so attribution is written synchronously on the hot path (recordAttribution).
    await deps.bindings.open(reportId);
    await deps.deletedBy.open(reportId);
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
    // Only the ids it still owns: one a reconnected socket of the same user took over stays.
    const owned = this.presence.release(connection.id);
    if (owned.length > 0) awarenessProtocol.removeAwarenessStates(this.awareness, owned, connection);
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
    try {
      // Against the doc as it is BEFORE the update: only what this update newly deletes.
      this.recordAttribution(user.id, result.clientIds, decoded.ds, this.doc);
    } catch (error) {
      this.deps.logger.error(
        `collab: could not store the attribution of an update on ${this.reportId}`,
        error,
      );
      throw new RoomRefusal(1011, 'the update could not be stored');
    }
    try {
      Y.applyUpdate(this.doc, update, connection);
    } catch (error) {
      this.deps.logger.error(`collab: applying an update from ${user.username} failed`, error);
      throw new RoomRefusal(4400, 'update could not be applied');
    }
    this.coalescer.addEdit(user.id, result.sectionIds, result.inserted, result.deleted);
  }

  /**
   * An awareness update from a client (`entries` = its decoded content). Stock y-websocket clients
   * re-broadcast the states they received from others, so entries for other clients are normal:
   * the presence policy drops such echoes and refuses (RoomRefusal) oversized states, newer
   * entries for another user's client ids, and floods.
   */
  receiveAwareness(connection: Connection, update: Uint8Array, entries: AwarenessEntry[]): void {
    if (!this.connections.has(connection)) return;
    const sender = { socketId: connection.id, userId: connection.user.id };
    const knownClock = (clientId: number) => this.awareness.meta.get(clientId)?.clock;
    const verdict = this.presence.judge(sender, entries, knownClock, Date.now());
    if (!verdict.ok) throw new RoomRefusal(verdict.code, verdict.reason);
    if (verdict.accepted.length === 0) return;
    const accepted =
      verdict.accepted.length === entries.length ? update : encodeAwarenessEntries(verdict.accepted);
    try {
      awarenessProtocol.applyAwarenessUpdate(this.awareness, accepted, connection);
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
    this.recordAttribution(user.id, [this.doc.clientID], null);
    const origin: ServerOrigin = { kind: 'server', userId: user.id };
    this.doc.transact(() => change(this.doc), origin);
  }

  /** Flush everything to disk, compact, and release resources. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    if (this.autoVersionTimer) clearInterval(this.autoVersionTimer);
    if (this.idleCompaction) clearTimeout(this.idleCompaction);
    this.unsubscribe();
    this.coalescer.stop();
    this.doc.off('update', this.onDocUpdate);
    this.awareness.off('update', this.onAwarenessUpdate);
    this.awareness.destroy();
    try {
      await this.autoVersioning;
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

  /**
   * Store what an accepted change needs for attribution, before it is applied: the binding of each
   * new client id to `userId`, and what its delete set newly deletes (`before` = the doc before the
   * change; without it every range counts). Written to the OS synchronously, so no crash can leave
   * stored or relayed text whose author or deleter is unknown; throws if a write fails. The update
   * log's next fdatasync waits for these to be synced, which keeps that true across a power cut.
   */
  private recordAttribution(userId: string, clientIds: number[], ds: DeleteSet | null, before?: Y.Doc): void {
    const synced: Promise<void>[] = [];
    for (const clientId of clientIds) {
      if (this.clientOwners.has(clientId)) continue;
      synced.push(this.deps.bindings.bind(this.reportId, clientId, userId));
      this.clientOwners.set(clientId, userId);
    }
    if (ds) {
      const deletions = this.deps.deletedBy.recordDeleteSet(this.reportId, userId, ds, before);
      if (deletions !== NOTHING_RECORDED) synced.push(deletions);
    }
    if (synced.length === 0) return;
    this.log.syncAfter(
      Promise.all(synced).catch((error) =>
        this.deps.logger.error(`collab: could not sync the attribution files of ${this.reportId}`, error),
      ),
    );
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
      // The server's own change (REST) is a local transaction, already applied: its delete set is
      // all new. It cannot be refused any more, so a failed write is only reported.
      try {
        this.recordAttribution(origin.userId, [], Y.decodeUpdate(update).ds);
      } catch (error) {
        this.deps.logger.error(`collab: could not record deletions by ${origin.userId}`, error);
      }
    }
    this.storeAndRelay(update, isConnectionLike(origin) ? origin.id : 'server');
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
    if (this.compacting) return;
    if (this.log.needsCompaction()) this.compactInBackground();
    else if (this.log.wantsCompaction()) this.compactWhenIdle();
  }

  /**
   * Compaction encodes the whole document and syncs several files, which stalls this disk's writes
   * (the log's too) for milliseconds: it waits until nobody has typed for a moment.
   */
  private compactWhenIdle(): void {
    if (this.idleCompaction) {
      this.idleCompaction.refresh();
      return;
    }
    this.idleCompaction = setTimeout(() => {
      this.idleCompaction = null;
      if (!this.closed && !this.compacting && this.log.wantsCompaction()) this.compactInBackground();
    }, COMPACT_WHEN_IDLE_MS);
    this.idleCompaction.unref();
  }

  private readonly onAwarenessUpdate = (
    { added, updated, removed }: { added: number[]; updated: number[]; removed: number[] },
    _origin: unknown,
  ): void => {
    const first = this.awarenessChanged.size === 0;
    for (const id of added) this.awarenessChanged.add(id);
    for (const id of updated) this.awarenessChanged.add(id);
    for (const id of removed) this.awarenessChanged.add(id);
    // Cursors move with every keystroke: one relay per turn carrying every client's latest state,
    // instead of one per message to every socket, keeps fan-out from swamping document updates.
    if (first && this.awarenessChanged.size > 0) setImmediate(this.relayAwareness);
  };

  private readonly relayAwareness = (): void => {
    const changed = [...this.awarenessChanged];
    this.awarenessChanged.clear();
    if (this.closed || changed.length === 0) return;
    this.deps.bus.publish(this.reportId, {
      kind: 'awareness',
      payload: awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed),
      // To every socket, its sender too, as the reference server does: a stock client drops a
      // connection that has heard nothing for 30 s, and its own presence renewal (every 15 s)
      // coming back is all a user alone on a report hears. A client ignores its own state echoed
      // at the same clock.
      sourceId: 'server',
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
    // After this turn's frames have left (they are flushed on setImmediate too, queued earlier):
    // encoding the whole state must not delay the update that triggered it.
    setImmediate(() => {
      if (this.closed) {
        this.compacting = false;
        return;
      }
      this.log
        .compact(Y.encodeStateAsUpdate(this.doc))
        .catch((error) => this.deps.logger.error(`collab: compaction of ${this.reportId} failed`, error))
        .finally(() => {
          this.compacting = false;
        });
    });
  }
}

function isServerOrigin(value: unknown): value is ServerOrigin {
  return typeof value === 'object' && value !== null && (value as ServerOrigin).kind === 'server';
}

function isConnectionLike(value: unknown): value is { id: string } {
  return typeof value === 'object' && value !== null && 'id' in value && 'send' in value;
}
