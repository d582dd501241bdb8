// One open report in PostgreSQL (the `ReportStorage` of server/store/report-store.ts): its
// document rebuilt from the snapshot and the updates after it, and a group-commit queue through
// which bindings, deletions and updates are stored together. Several processes may have the same
// report open; its log is a SharedReportLog, whose sequence numbers give the one total order.
import type { Pool } from 'pg';
import type * as Y from 'yjs';
import type { DeleteRange } from '../../history/deleted-by';
import type { Logger } from '../../log';
import { CompactionScheduler, type CompactionThresholds } from '../compaction-policy';
import {
  type ClientBindings,
  ClientIdTakenError,
  type Deletions,
  type ReportActivity,
  type ReportLog,
  type ReportStorage,
  type ReportVersions,
  type SequencedUpdate,
  type SharedReportLog,
  type UpdateAuthor,
} from '../report-store';
import { compactReport } from './compaction';
import { withTransaction } from './migrations';
import { ReportCommitQueue } from './report-commit-queue';
import { CONSISTENT_READ, docFromRows, readBindings, readDocRows } from './report-rows';

export interface PgReportParts {
  pool: Pool;
  logger: Logger;
  thresholds: CompactionThresholds;
  activity: ReportActivity;
  versions: ReportVersions;
  /** Names this process in the updates it stores. */
  instanceId: string;
}

export class PgReportStorage implements ReportStorage {
  readonly log: ReportLog;
  readonly bindings: ClientBindings;
  readonly deletions: Deletions;
  readonly activity: ReportActivity;
  readonly versions: ReportVersions;
  private readonly queue: ReportCommitQueue;
  private readonly compaction: CompactionScheduler;
  /** Appended through this handle since its last compaction. */
  private since = { records: 0, bytes: 0 };
  private closed = false;

  private constructor(
    readonly reportId: string,
    readonly doc: Y.Doc,
    openedAt: number,
    owners: Map<number, string>,
    private readonly parts: PgReportParts,
  ) {
    const { pool, logger } = parts;
    this.activity = parts.activity;
    this.versions = parts.versions;
    this.queue = new ReportCommitQueue(pool, reportId, (error) =>
      logger.error(`collab: could not commit updates of ${reportId}`, error),
    );
    this.compaction = new CompactionScheduler(
      {
        since: () => this.since,
        compact: () => this.compact(),
        failed: (error) => logger.error(`collab: compaction of ${reportId} failed`, error),
      },
      parts.thresholds,
    );
    const queue = this.queue;
    const appendCommitted = (update: Uint8Array, author: UpdateAuthor): Promise<number> => {
      const committed = queue.append(update, author).catch((error: unknown) => {
        // Bound to someone else by another process: the guard must judge with the true owner.
        if (error instanceof ClientIdTakenError) owners.set(error.clientId, error.ownerId);
        throw error;
      });
      this.since = { records: this.since.records + 1, bytes: this.since.bytes + update.byteLength };
      this.compaction.appended();
      return committed;
    };
    const shared: SharedReportLog = {
      appendCommitted,
      openedAt,
      readSince: (seq) => this.readSince(seq),
      learnBinding: (clientId, userId) => {
        if (!owners.has(clientId)) owners.set(clientId, userId);
      },
    };
    this.log = {
      append: async (update) => {
        await appendCommitted(update, { userId: null, sourceId: 'server', instanceId: parts.instanceId });
      },
      get stats() {
        return { bytesWritten: queue.bytesWritten, updatesWritten: queue.updatesWritten };
      },
      shared,
    };
    this.bindings = {
      owners,
      bind: (clientId, userId) => {
        queue.bind(clientId, userId);
        owners.set(clientId, userId);
      },
    };
    this.deletions = {
      record: (userId: string, ranges: DeleteRange[]) => {
        if (ranges.length > 0) queue.record(userId, ranges);
      },
    };
  }

  static async open(reportId: string, parts: PgReportParts): Promise<PgReportStorage> {
    const { rows, owners } = await withTransaction(
      parts.pool,
      async (client) => ({
        rows: await readDocRows(client, reportId),
        owners: await readBindings(client, reportId),
      }),
      CONSISTENT_READ,
    );
    const doc = docFromRows(reportId, rows.entries);
    return new PgReportStorage(reportId, doc, rows.lastSeq, owners, parts);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.compaction.stop();
    await this.queue.flush();
    if (this.compaction.due) await this.compact();
  }

  private async readSince(seq: number): Promise<SequencedUpdate[]> {
    const rows = await withTransaction(
      this.parts.pool,
      (client) => readDocRows(client, this.reportId, seq),
      CONSISTENT_READ,
    );
    return rows.entries;
  }

  /** Fold what is committed into the snapshot (from the rows, never from this live doc). */
  private async compact(): Promise<void> {
    const since = this.since;
    await this.queue.flush();
    await compactReport(this.parts.pool, this.reportId);
    this.since = {
      records: Math.max(0, this.since.records - since.records),
      bytes: Math.max(0, this.since.bytes - since.bytes),
    };
  }
}
