// Growth seam: the REPORT STORE. Everything stored per report — its document (an ordered update log
// compacted into a state), the client bindings and deletions that attribute its text, its activity
// and its versions — goes through these interfaces. The embedded implementation keeps files under
// DATA_DIR (server/store/file-report-store.ts); a PostgreSQL implementation plugs in here. Nothing
// that crosses this seam names a file, a directory or an `fs` type, and what a database would have
// to wait for is async.
//
// Durability contract every implementation keeps (server/collab/room.ts relies on it):
//  - an update given to `ReportLog.append` is stored before the room relays it: the file
//    implementation writes it to the OS before `append` returns (surviving a crash of the process)
//    and the promise resolves once it is synced (surviving a power cut), group-committed. An
//    implementation whose writes complete only asynchronously (a database transaction) is a
//    `SharedReportLog` (`ReportLog.shared`): the room relays once `appendCommitted` resolves, with
//    the update's place in the report's one total order;
//  - bindings and deletions recorded for an update are durable no later than the update itself;
//  - stored data that cannot be read is reported (CorruptFileError) and never overwritten.
import type * as Y from 'yjs';
import type { ActivityEntry } from '../../shared/types';
import type { DeletedByIndex, DeleteRange } from '../history/deleted-by';
import type { CreateVersionOptions, VersionInfo } from '../history/versions';
import type { PreviousText } from '../reports/previous-text';

export interface ReportStore {
  /** Store a new report: its first state, the author of that state, and last period's text. */
  create(reportId: string, report: NewStoredReport): Promise<void>;
  /**
   * Open a report for its room: one writer per report at a time, released by the handle's
   * `close`. Throws CorruptFileError when what is stored cannot be read.
   */
  open(reportId: string): Promise<ReportStorage>;
  /** The report's document as stored, without opening it (exports, history, closed reports). */
  readDoc(reportId: string): Promise<Y.Doc>;
  /** Who wrote (client bindings) and who deleted (deleted-by index) what, as stored now. */
  readAttribution(reportId: string): Promise<StoredAttribution>;
  /** Last period's text of a report made from a previous one, or null. */
  readPrevious(reportId: string): Promise<PreviousText | null>;
  /** The report's activity log, open or not. */
  activity(reportId: string): ReportActivity;
  /** The report's versions, open or not. */
  versions(reportId: string): ReportVersions;
  /** Read everything stored for the report once, so damage stops start-up (throws CorruptFileError). */
  verify(reportId: string): Promise<void>;
  /** Remove everything stored for a report that no room has open. */
  delete(reportId: string): Promise<void>;
  /** Ids of the stored reports. */
  list(): Promise<string[]>;
  /** Release everything (after every handle is closed). */
  close(): Promise<void>;
}

/** What a new report is stored with. */
export interface NewStoredReport {
  /** The first state, Y.encodeStateAsUpdate of the imported document. */
  state: Uint8Array;
  /** The Yjs client id that wrote `state`, bound to the user who created the report. */
  creator: { clientId: number; userId: string };
  /** Last period's text per section, for a report made from a previous one. */
  previous?: PreviousText;
}

export interface StoredAttribution {
  /** Yjs clientID → user id. */
  clientOwners: Map<number, string>;
  deletedBy: DeletedByIndex;
}

/** One open report: what its room reads at load and writes while it is open, with one close. */
export interface ReportStorage {
  readonly reportId: string;
  /**
   * The document rebuilt from storage. The room applies every accepted change to it and appends
   * each to `log`; compaction encodes it, so it must hold every appended update.
   */
  readonly doc: Y.Doc;
  readonly log: ReportLog;
  readonly bindings: ClientBindings;
  readonly deletions: Deletions;
  readonly activity: ReportActivity;
  readonly versions: ReportVersions;
  /** Store what is pending, compact if it is due, and release the report. */
  close(): Promise<void>;
}

/** The report's ordered update log. When to compact it is the store's concern, not the caller's. */
export interface ReportLog {
  /** Store an accepted update (see the durability contract above); resolves once it is durable. */
  append(update: Uint8Array): Promise<void>;
  /** Bytes stored for updates (framing included) and updates stored since open, for the benchmark. */
  readonly stats: { bytesWritten: number; updatesWritten: number };
  /**
   * Present when several processes write the report at once (cluster mode: PostgreSQL); absent in
   * files, where one process is the only writer and relays as soon as `append` returns.
   */
  readonly shared?: SharedReportLog;
}

/**
 * The log of a report that several processes write: every stored update has a sequence number in
 * the report's one total order, and what other processes stored can be read back by it.
 */
export interface SharedReportLog {
  /**
   * Store an accepted update with its author; resolves with its sequence number once its
   * transaction (with the bindings and deletions recorded before it) has committed. The room
   * relays it only then. Rejects with ClientIdTakenError, storing nothing of it, when it is written
   * with a client id bound to another user (the bindings record the true owner then).
   */
  appendCommitted(update: Uint8Array, author: UpdateAuthor): Promise<number>;
  /** Sequence number of the last update contained in `doc` when the report was opened. */
  readonly openedAt: number;
  /**
   * Updates stored after `seq` by any process, in order. When compaction has folded some of them
   * into a snapshot, the first entry is that snapshot (`snapshot: true`, covering every seq up to
   * its own).
   */
  readSince(seq: number): Promise<SequencedUpdate[]>;
  /** Remember a binding another process stored (learned from its update), so the guard sees it. */
  learnBinding(clientId: number, userId: string): void;
}

/** Who an update came from: the user, and the socket (or 'server') and process that sent it. */
export interface UpdateAuthor {
  userId: string | null;
  sourceId: string;
  instanceId: string;
}

export interface SequencedUpdate {
  seq: number;
  update: Uint8Array;
  /** The author stored with the update (null for a snapshot or a server change without one). */
  userId: string | null;
  snapshot?: true;
}

/**
 * An update written with a client id that the store found bound to another user (cluster mode:
 * another process bound it first). The update is not stored; the room refuses it with 4403.
 */
export class ClientIdTakenError extends Error {
  constructor(
    readonly clientId: number,
    /** The user the client id is bound to. */
    readonly ownerId: string,
  ) {
    super(`client ${clientId} belongs to another user`);
    this.name = 'ClientIdTakenError';
  }
}

/** Attribution of inserted text: a Yjs clientID is bound to the first user who writes with it. */
export interface ClientBindings {
  /** Every binding, stored or made since open. */
  readonly owners: ReadonlyMap<number, string>;
  /**
   * Bind `clientId` to `userId`, before the update written with it is stored. Throws when it
   * cannot be stored (the update must then be refused); durable no later than that update.
   */
  bind(clientId: number, userId: string): void;
}

/** Attribution of deleted text (deletions carry no clientID in Yjs). */
export interface Deletions {
  /**
   * Record that `userId`'s update deletes `ranges` (server/history/deleted-by.ts computes them),
   * before the update is stored. Throws when it cannot be stored; durable no later than the update.
   */
  record(userId: string, ranges: DeleteRange[]): void;
}

export interface ReportActivity {
  append(entry: ActivityEntry): Promise<void>;
  /** Every entry, oldest first. */
  read(): Promise<ActivityEntry[]>;
}

export interface ReportVersions {
  /** Store a V2 state (Y.encodeStateAsUpdateV2) as a new version. */
  create(state: Uint8Array, options: CreateVersionOptions): Promise<VersionInfo>;
  /** Every version, OLDEST FIRST (creation order); [] for a report without versions. */
  list(): Promise<VersionInfo[]>;
  /** The version's metadata, or null for an unknown or malformed id. */
  info(versionId: string): Promise<VersionInfo | null>;
  /** The version's V2 state (apply with Y.applyUpdateV2), or null for an unknown or malformed id. */
  get(versionId: string): Promise<Uint8Array | null>;
  /** The newest version, or null when there is none. */
  latest(): Promise<VersionInfo | null>;
}
