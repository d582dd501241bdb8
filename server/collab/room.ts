// One open report: its Y.Doc and awareness, the sockets on it, and the path every change takes:
// guard → attribution → apply → log (its storage handle, server/store/report-store.ts) → relay
// through the bus (server/collab/bus.ts). Over 300 lines because that path is one story told in
// one place; what only cluster mode needs (the report's total order) lives in room-sequence.ts.
import type * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import { CloseCode } from '../../shared/protocol';
import { refusalOf } from '../../shared/refusal';
import { isReadOnlyReport } from '../../shared/report-status';
import type { SectionStatus, User } from '../../shared/types';
import { type DeleteSet, deletionRanges } from '../history/deleted-by';
import type { Logger } from '../log';
import { type CollabMetrics, noMetrics } from '../ops/metrics';
import type { ActivityEntry } from '../store/activity-log';
import type { MetaStore } from '../store/meta-store';
import { ClientIdTakenError, type ReportStorage, type ReportStore } from '../store/report-store';
import { ActivityCoalescer } from './activity-coalescer';
import type { BusMessage, RoomBus } from './bus';
import {
  type ChangeOrigin,
  changeOriginOf,
  originUserId,
  relaySourceId,
  SERVER_SOURCE_ID,
  type ServerOrigin,
  serverOrigin,
  socketOrigin,
} from './change-origin';
import type { Connection } from './connection';
import { awarenessFrame, awarenessStatesFrame, syncStep1Frame, updateFrame } from './frames';
import { type GuardAccepted, guardUpdate } from './guard';
import { decodeIncomingUpdate, type IncomingUpdate } from './incoming-update';
import type { AwarenessEntry } from './presence-policy';
import { isRedundantUpdate } from './redundant-update';
import { RefusalLimiter } from './refusal-limiter';
import { malformed, Refused } from './refused';
import { reviewActivityEntries } from './review-activity';
import { RoomPresence } from './room-presence';
import { RoomSequence } from './room-sequence';

export interface RoomDeps {
  /** Opens the report's storage handle on load. */
  store: ReportStore;
  meta: MetaStore;
  bus: RoomBus;
  logger: Logger;
  /** Automatic versions while the room is open; absent = none. */
  autoVersion?: AutoVersionPolicy;
  /** Told after every change of the doc. */
  onChange?: (reportId: string) => void;
  /** Accepted updates and commit latency (GET /metrics); none by default. */
  metrics?: CollabMetrics;
}

/** An automatic version every interval while the report changes (stored through server/reports/history-service.ts). */
export interface AutoVersionPolicy {
  intervalMs: number;
  /** Store a version of `room.doc` if it changed since the report's last version. */
  take(room: Room): Promise<void>;
}

/** The origin of an update another process stored, applied here without storing or relaying it again. */
const STORED_ELSEWHERE = Symbol('stored by another process');

/** Why the sockets of a room whose doc the store contradicts are closed (refuseTakenClientId). */
const RELOADING = 'reloading the report';

export class Room {
  readonly connections = new Set<Connection>();
  /** Presence of the sockets, judged and relayed apart from the document (room-presence.ts). */
  private readonly presence: RoomPresence;
  private readonly unsubscribe: () => void;
  /** Stops hearing of processes that are gone (cluster mode). */
  private readonly unwatchInstances: (() => void) | undefined;
  private readonly coalescer: ActivityCoalescer;
  /** Per user: how often a refusal is logged and recorded. */
  private readonly refusals = new RefusalLimiter();
  private closed = false;
  /** Its doc holds an update the store refused (refuseTakenClientId): it must be reloaded. */
  private stale = false;
  private readonly autoVersionTimer: NodeJS.Timeout | null;
  private autoVersioning: Promise<void> | null = null;
  /** The report's total order, when several processes write it (cluster mode); null in files. */
  private readonly sequence: RoomSequence | null;
  /** The log's promise for the sync the last update joined (one per group commit). */
  private lastCommit: Promise<void> | null = null;

  readonly doc: Y.Doc;
  /** Yjs clientID → user, stored and made since load (the storage's client bindings). */
  readonly clientOwners: ReadonlyMap<number, string>;

  private constructor(
    readonly reportId: string,
    private readonly storage: ReportStorage,
    private readonly deps: RoomDeps,
  ) {
    const doc = storage.doc;
    this.doc = doc;
    this.clientOwners = storage.bindings.owners;
    this.presence = new RoomPresence(doc, this.relayAwareness, (payload) => {
      const frame = awarenessFrame(payload);
      for (const connection of this.connections) connection.send(frame);
    });
    doc.on('update', this.onDocUpdate);
    const shared = storage.log.shared;
    this.sequence = shared
      ? new RoomSequence(shared, {
          // onDocUpdate sends it to this room's sockets.
          apply: (update) => Y.applyUpdate(this.doc, update, STORED_ELSEWHERE),
          busConnected: () => deps.bus.connected !== false,
          failed: (error) =>
            deps.logger.error(`collab: could not catch up ${reportId} from the store`, error),
        })
      : null;
    this.unsubscribe = deps.bus.subscribe(reportId, this.onBusMessage);
    this.unwatchInstances = deps.bus.onInstanceGone?.((instanceId) => this.presence.dropInstance(instanceId));
    this.coalescer = new ActivityCoalescer((entry) => this.appendActivity(entry));
    const autoVersion = deps.autoVersion;
    this.autoVersionTimer = autoVersion
      ? setInterval(() => this.takeAutoVersion(autoVersion), autoVersion.intervalMs)
      : null;
    this.autoVersionTimer?.unref();
  }

  static async load(reportId: string, deps: RoomDeps): Promise<Room> {
    const room = new Room(reportId, await deps.store.open(reportId), deps);
    if (room.sequence) {
      // What other processes stored between the read at open and the bus subscription.
      await deps.bus.subscribed?.(reportId);
      await room.sequence.catchUp();
    }
    return room;
  }

  get logStats(): { bytesWritten: number; updatesWritten: number } {
    return this.storage.log.stats;
  }

  get awareness(): awarenessProtocol.Awareness {
    return this.presence.awareness;
  }

  join(connection: Connection): void {
    if (this.stale) {
      connection.close(CloseCode.GoingAway, RELOADING);
      return;
    }
    this.connections.add(connection);
    connection.send(syncStep1Frame(this.doc));
    if (!this.presence.isEmpty) connection.send(awarenessStatesFrame(this.awareness));
  }

  /** Remove a connection and the presence it announced. Returns whether the room is now empty. */
  leave(connection: Connection): boolean {
    this.connections.delete(connection);
    this.presence.release(connection);
    return this.connections.size === 0;
  }

  /**
   * A Yjs update from a client (sync step 2 or update), decoded once by the frame reader. Throws
   * Refused: 4403 when the guard refuses it, 4400 when Yjs cannot apply it, 1011 when its
   * attribution cannot be stored; nothing of a refused update is applied, stored or relayed.
   */
  receiveUpdate(connection: Connection, update: IncomingUpdate): void {
    // Its sockets are closing (refuseTakenClientId); their clients resend it to the reloaded room.
    if (this.stale) return;
    if (isRedundantUpdate(this.doc, update.decoded)) return;
    this.admit(connection.user, update, socketOrigin(connection));
  }

  /**
   * Make a change as `user` that passes the same guard as their socket edits (REST review actions:
   * the API gives nobody more rights than the editor does). The change runs on a copy of the doc;
   * the update it makes is then judged, attributed, applied, stored and relayed like one from a
   * socket. Throws Refused (4403) when the guard refuses it; returns false when it changed nothing.
   */
  applyUserChange(user: User, change: (doc: Y.Doc) => void): boolean {
    if (this.stale) throw new Refused(CloseCode.GoingAway, RELOADING);
    const copy = new Y.Doc();
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(this.doc));
    // A fresh client id, bound to `user` by the attribution below like a new browser's.
    copy.clientID = Math.floor(Math.random() * 0xffffffff);
    const made: Uint8Array[] = [];
    copy.on('update', (update: Uint8Array) => made.push(update));
    try {
      copy.transact(() => change(copy));
    } finally {
      copy.destroy();
    }
    if (made.length === 0) return false;
    const bytes = made.length === 1 ? made[0] : Y.mergeUpdates(made);
    this.admit(user, decodeIncomingUpdate(bytes), serverOrigin(user.id));
    return true;
  }

  /** The path of every update a user makes: guard → attribution → apply (→ store and relay). */
  private admit(user: User, update: IncomingUpdate, origin: ChangeOrigin): void {
    const { bytes, decoded } = update;
    const accepted = this.guard(user, update);
    try {
      // Against the doc as it is BEFORE the update: only what this update newly deletes.
      this.recordAttribution(user.id, accepted.clientIds, decoded.ds, this.doc);
    } catch (error) {
      this.deps.logger.error(
        `collab: could not store the attribution of an update on ${this.reportId}`,
        error,
      );
      throw new Refused(CloseCode.InternalError, 'the update could not be stored');
    }
    try {
      Y.applyUpdate(this.doc, bytes, origin);
    } catch (error) {
      this.deps.logger.error(`collab: applying an update from ${user.username} failed`, error);
      throw malformed('update could not be applied');
    }
    this.recordActivity(user.id, accepted);
  }

  /**
   * The activity an accepted update stands for: typing (coalesced, as `suggest` when it adds the
   * sender's suggestions), and one entry per review act it adds (reviewActivityEntries). An update
   * that only writes review entries is no typing; accepting or rejecting is told by its decision.
   */
  private recordActivity(userId: string, accepted: GuardAccepted): void {
    // A keystroke adds no review act: no date is made for it.
    const review = accepted.review.length
      ? reviewActivityEntries(userId, accepted.review, new Date().toISOString())
      : [];
    const decided = accepted.review.some((act) => act.kind === 'accept' || act.kind === 'reject');
    const typed = accepted.sectionIds.length > 0 || accepted.inserted > 0 || accepted.deleted > 0;
    if (!decided && (typed || !accepted.reviewChanged)) {
      const kind = accepted.suggested ? 'suggest' : 'edit';
      this.coalescer.addEdit(
        userId,
        accepted.sectionIds,
        accepted.inserted,
        accepted.deleted,
        Date.now(),
        kind,
      );
    }
    for (const entry of review) this.appendActivity(entry);
  }

  /**
   * Run the guard; a refusal is logged and recorded in the activity log on its way to the socket
   * (at most once a minute per user: refusal-limiter.ts).
   */
  private guard(user: User, update: IncomingUpdate): GuardAccepted {
    try {
      return guardUpdate(this.doc, update.decoded, {
        user,
        // An archived report is read-only like a locked one (shared/report-status.ts).
        locked: isReadOnlyReport(this.reportMeta()),
        sectionStatus: (sectionId) => this.sectionStatus(sectionId),
        clientOwners: this.clientOwners,
      });
    } catch (error) {
      if (error instanceof Refused) {
        // A client refused on every connection must not flood the log and the activity log.
        const verdict = this.refusals.judge(user.id, Date.now());
        if (verdict.record) {
          const folded = verdict.count > 1 ? ` (${verdict.count} refusals since the last entry)` : '';
          this.deps.logger.warn(
            `collab: refused an update from ${user.username} on ${this.reportId}: ${error.message}${folded}`,
            { event: 'refusal', code: error.code, user: user.username, reportId: this.reportId },
          );
          this.appendActivity({
            at: new Date().toISOString(),
            userId: user.id,
            kind: 'refused',
            sectionIds: [],
            reason: error.message,
            refusal: refusalOf(error.message),
            ...(verdict.count > 1 ? { count: verdict.count } : {}),
          });
        }
      }
      throw error;
    }
  }

  /** An awareness update from a socket of this room (`entries` = its decoded content; room-presence.ts). */
  receiveAwareness(connection: Connection, update: Uint8Array, entries: AwarenessEntry[]): void {
    if (this.connections.has(connection)) this.presence.receive(connection, update, entries);
  }

  /** Edit entries not yet written by the coalescer (so the activity log can be read up to now). */
  pendingActivity(): ActivityEntry[] {
    return this.coalescer.pending();
  }

  /** Make a change on behalf of a user outside the socket path (REST); it is stored and relayed. */
  applyServerChange(origin: ServerOrigin, change: (doc: Y.Doc) => void): void {
    // A fresh client id per change, bound to the acting user, so the change is attributed to them.
    this.doc.clientID = Math.floor(Math.random() * 0xffffffff);
    this.recordAttribution(origin.userId, [this.doc.clientID], null);
    this.doc.transact(() => change(this.doc), origin);
  }

  /** Store everything pending (the storage compacts if due) and release resources. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    if (this.autoVersionTimer) clearInterval(this.autoVersionTimer);
    this.unsubscribe();
    this.unwatchInstances?.();
    this.sequence?.stop();
    this.coalescer.stop();
    this.doc.off('update', this.onDocUpdate);
    this.presence.close();
    try {
      await this.autoVersioning;
    } finally {
      try {
        await this.storage.close();
      } finally {
        this.doc.destroy();
      }
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
   * change; without it every range counts). Stored before the change goes further, so no crash
   * can leave stored or relayed text whose author or deleter is unknown (durable no later than the
   * update, see server/store/report-store.ts); throws if that fails.
   */
  private recordAttribution(userId: string, clientIds: number[], ds: DeleteSet | null, before?: Y.Doc): void {
    for (const clientId of clientIds) {
      if (!this.clientOwners.has(clientId)) this.storage.bindings.bind(clientId, userId);
    }
    if (ds) this.storage.deletions.record(userId, deletionRanges(ds, before));
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
    this.storage.activity.append(entry).catch((error) => {
      this.deps.logger.error(`collab: could not append to the activity log of ${this.reportId}`, error);
    });
  }

  private readonly onDocUpdate = (update: Uint8Array, transactionOrigin: unknown): void => {
    try {
      this.storeOrRelay(update, transactionOrigin);
    } finally {
      // Bookkeeping after the relay (the frames are with the sockets), whatever became of it.
      this.deps.onChange?.(this.reportId);
    }
  };

  private storeOrRelay(update: Uint8Array, transactionOrigin: unknown): void {
    if (transactionOrigin === STORED_ELSEWHERE) {
      // Stored and judged by the process that accepted it: only this process's sockets need it.
      const frame = updateFrame(update);
      for (const connection of this.connections) connection.send(frame);
      return;
    }
    const origin = changeOriginOf(transactionOrigin);
    if (origin?.kind === 'server') {
      // The server's own change (REST) is a local transaction, already applied: its delete set is
      // all new. It cannot be refused any more, so a failed write is only reported.
      try {
        this.recordAttribution(origin.userId, [], Y.decodeUpdate(update).ds);
      } catch (error) {
        this.deps.logger.error(`collab: could not record deletions by ${origin.userId}`, error);
      }
    }
    this.storeAndRelay(update, origin, originUserId(origin));
  }

  private storeAndRelay(update: Uint8Array, origin: ChangeOrigin | null, userId: string | null): void {
    const sourceId = relaySourceId(origin);
    const shared = this.storage.log.shared;
    const metrics = this.deps.metrics ?? noMetrics;
    if (shared) {
      const started = performance.now();
      // Several processes write this report: relay only once the transaction has committed, with
      // the update's place in the report's total order (server/store/report-store.ts).
      const { instanceId } = this.deps.bus;
      shared.appendCommitted(update, { userId, sourceId, instanceId }).then(
        (seq) => {
          metrics.commitLatency('postgres', (performance.now() - started) / 1000);
          metrics.updateAccepted();
          this.sequence?.committed(seq);
          if (this.closed) return;
          this.deps.bus.publish(this.reportId, {
            kind: 'update',
            payload: update,
            sourceId,
            instanceId,
            seq,
            userId,
          });
        },
        (error) => {
          if (error instanceof ClientIdTakenError) this.refuseTakenClientId(origin, error);
          else this.deps.logger.error(`collab: could not store an update of ${this.reportId}`, error);
        },
      );
      return;
    }
    // Not awaited: appends queued while one is being synced share the next fsync (group commit),
    // and share its promise: the commit is timed and its failure reported once per sync, from the
    // batch's first update (its longest wait), not with a closure per update.
    // The log decides by itself when to compact (server/store/compaction-policy.ts).
    const durable = this.storage.log.append(update);
    if (durable !== this.lastCommit) {
      this.lastCommit = durable;
      const started = performance.now();
      durable.then(
        () => metrics.commitLatency('file', (performance.now() - started) / 1000),
        (error) => this.deps.logger.error(`collab: could not store updates of ${this.reportId}`, error),
      );
    }
    // Relay first: the bookkeeping below waits until the bytes are with the sockets.
    this.deps.bus.publish(this.reportId, {
      kind: 'update',
      payload: update,
      sourceId,
      instanceId: this.deps.bus.instanceId,
    });
    metrics.updateAccepted();
  }

  /**
   * Another process bound the update's client id to another user first, so the store refused it
   * (server/store/pg/report-commit-queue.ts): its sender is refused with 4403 as the guard refuses.
   * The update is already in this room's doc (never stored or relayed), so the room is reloaded
   * from the store: every socket closes, the next opens the report afresh, and the clients resend
   * whatever the store lacks.
   */
  private refuseTakenClientId(origin: ChangeOrigin | null, error: ClientIdTakenError): void {
    const sender = origin?.kind === 'socket' ? origin.connection : null;
    if (sender && this.connections.has(sender)) {
      this.deps.logger.warn(
        `collab: refused an update from ${sender.user.username} on ${this.reportId}: ${error.message}`,
        { event: 'refusal', code: CloseCode.Forbidden, user: sender.user.username, reportId: this.reportId },
      );
      this.deps.metrics?.refused(CloseCode.Forbidden);
      this.appendActivity({
        at: new Date().toISOString(),
        userId: sender.user.id,
        kind: 'refused',
        sectionIds: [],
        reason: error.message,
        refusal: refusalOf(error.message),
      });
      sender.close(CloseCode.Forbidden, error.message);
    }
    this.stale = true;
    for (const connection of this.connections) connection.close(CloseCode.GoingAway, RELOADING);
  }

  private readonly relayAwareness = (payload: Uint8Array): void => {
    this.deps.bus.publish(this.reportId, {
      kind: 'awareness',
      payload,
      // To every socket, its sender too, as the reference server does: a stock client drops a
      // connection that has heard nothing for 30 s, and its own presence renewal (every 15 s)
      // coming back is all a user alone on a report hears. A client ignores its own state echoed
      // at the same clock.
      sourceId: SERVER_SOURCE_ID,
      instanceId: this.deps.bus.instanceId,
    });
  };

  /** Deliver a published message to this room's sockets, except the one it came from. */
  private readonly onBusMessage = (message: BusMessage): void => {
    const remote = message.instanceId !== this.deps.bus.instanceId;
    if (remote && message.kind === 'update') {
      if (this.sequence && message.seq !== undefined) {
        this.sequence.received({ seq: message.seq, update: message.payload, userId: message.userId ?? null });
      }
      return;
    }
    if (remote) this.presence.receiveRemote(message.instanceId, message.payload);
    const frame = message.kind === 'update' ? updateFrame(message.payload) : awarenessFrame(message.payload);
    for (const connection of this.connections) {
      if (connection.id !== message.sourceId) connection.send(frame);
    }
  };
}
