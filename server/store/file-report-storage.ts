// One open report in files (the `ReportStorage` of server/store/report-store.ts): its document
// rebuilt from state.bin and updates.log, the log open for appending, and its attribution files
// open so bindings and deletions are written synchronously on the hot path.
import * as Y from 'yjs';
import type { DeleteRange } from '../history/deleted-by';
import type { Logger } from '../log';
import type { FileActivityLog } from './activity-log';
import type { FileClientBindingStore } from './client-bindings';
import { CompactionScheduler, type CompactionThresholds } from './compaction-policy';
import type { FileDeletedByStore } from './deleted-by-store';
import { docFromUpdates, readDocFiles } from './doc-files';
import type {
  ClientBindings,
  Deletions,
  ReportActivity,
  ReportLog,
  ReportStorage,
  ReportVersions,
} from './report-store';
import { UpdateLog } from './update-log';

/** The per-report files a FileReportStore shares with the handles it opens. */
export interface FileReportParts {
  /** The report's directory. */
  dir: string;
  logger: Logger;
  thresholds: CompactionThresholds;
  bindings: FileClientBindingStore;
  deletedBy: FileDeletedByStore;
  activityFiles: FileActivityLog;
  activity: ReportActivity;
  versions: ReportVersions;
}

export class FileReportStorage implements ReportStorage {
  readonly log: ReportLog;
  readonly bindings: ClientBindings;
  readonly deletions: Deletions;
  readonly activity: ReportActivity;
  readonly versions: ReportVersions;
  private readonly compaction: CompactionScheduler;
  private closed = false;

  private constructor(
    readonly reportId: string,
    readonly doc: Y.Doc,
    private readonly updateLog: UpdateLog,
    owners: Map<number, string>,
    private readonly parts: FileReportParts,
  ) {
    this.activity = parts.activity;
    this.versions = parts.versions;
    this.compaction = new CompactionScheduler(
      {
        since: () => ({ records: updateLog.recordsSinceCompaction, bytes: updateLog.bytesSinceCompaction }),
        compact: () => updateLog.compact(Y.encodeStateAsUpdate(doc)),
        failed: (error) => parts.logger.error(`collab: compaction of ${reportId} failed`, error),
      },
      parts.thresholds,
    );
    this.log = {
      append: (update) => {
        const durable = updateLog.append(update);
        this.compaction.appended();
        return durable;
      },
      get stats() {
        return { bytesWritten: updateLog.bytesWritten, updatesWritten: updateLog.updatesWritten };
      },
    };
    this.bindings = {
      owners,
      bind: (clientId, userId) => {
        const synced = parts.bindings.bind(reportId, clientId, userId);
        owners.set(clientId, userId);
        this.syncLogAfter(synced);
      },
    };
    this.deletions = {
      record: (userId: string, ranges: DeleteRange[]) => {
        if (ranges.length === 0) return;
        this.syncLogAfter(parts.deletedBy.recordRanges(reportId, userId, ranges));
      },
    };
  }

  static async open(reportId: string, parts: FileReportParts): Promise<FileReportStorage> {
    const stored = await readDocFiles(parts.dir, parts.logger);
    const doc = docFromUpdates(stored.updates, parts.dir);
    try {
      const owners = await parts.bindings.load(reportId);
      // Open now so attribution is written synchronously on the hot path (ClientBindings.bind).
      await parts.bindings.open(reportId);
      await parts.deletedBy.open(reportId);
      const log = await UpdateLog.open(parts.dir, stored.logValidBytes);
      return new FileReportStorage(reportId, doc, log, owners, parts);
    } catch (error) {
      doc.destroy();
      await Promise.allSettled([parts.bindings.closeReport(reportId), parts.deletedBy.closeReport(reportId)]);
      throw error;
    }
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.compaction.stop();
    const { parts, reportId } = this;
    try {
      await this.updateLog.flush();
      if (this.compaction.due) await this.updateLog.compact(Y.encodeStateAsUpdate(this.doc));
    } finally {
      await this.updateLog.close();
      await parts.bindings.closeReport(reportId);
      await parts.deletedBy.closeReport(reportId);
      await parts.activityFiles.closeReport(reportId);
    }
  }

  /**
   * The log's next fdatasync waits for an attribution file's sync, so no power cut can leave a
   * stored update whose author or deleter is unknown.
   */
  private syncLogAfter(synced: Promise<void>): void {
    this.updateLog.syncAfter(
      synced.catch((error) =>
        this.parts.logger.error(`collab: could not sync the attribution files of ${this.reportId}`, error),
      ),
    );
  }
}
