// The embedded report store (server/store/report-store.ts): every report in a directory of files.
//
//   DATA_DIR/reports/<id>/state.bin, updates.log   the document (doc-files.ts, update-log.ts)
//                         clients.jsonl            client bindings (client-bindings.ts)
//                         deletes.jsonl            deleted-by records (deleted-by-store.ts)
//                         activity.jsonl           activity (activity-log.ts)
//                         versions/                versions (version-store.ts)
//                         previous.json            last period's text (previous-text-file.ts)
import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type * as Y from 'yjs';
import type { DeleteRecord } from '../history/deleted-by';
import type { Logger } from '../log';
import type { PreviousText } from '../reports/previous-text';
import { ACTIVITY_FILE, FileActivityLog } from './activity-log';
import { CLIENTS_FILE, FileClientBindingStore } from './client-bindings';
import { type CompactionThresholds, DEFAULT_COMPACTION_THRESHOLDS } from './compaction-policy';
import { DELETES_FILE, FileDeletedByStore } from './deleted-by-store';
import { createDocFiles, docFromUpdates, readDocFiles } from './doc-files';
import { CorruptFileError, describeError } from './errors';
import { FileReportStorage } from './file-report-storage';
import { isNotFound } from './files';
import { assertReportId, isValidReportId } from './ids';
import { readJsonl } from './jsonl-file';
import { readPreviousText, writePreviousText } from './previous-text-file';
import type {
  NewStoredReport,
  ReportActivity,
  ReportStorage,
  ReportStore,
  ReportVersions,
  StoredAttribution,
} from './report-store';
import { FileVersionStore, VERSION_INDEX_FILE, VERSIONS_DIR } from './version-store';

export interface FileReportStoreOptions {
  logger: Logger;
  /** Compaction thresholds of the update logs (tests lower them). */
  compactAfterRecords?: number;
  compactAfterBytes?: number;
}

export class FileReportStore implements ReportStore {
  private readonly logger: Logger;
  private readonly thresholds: CompactionThresholds;
  private readonly bindings: FileClientBindingStore;
  private readonly deletedBy: FileDeletedByStore;
  private readonly activityFiles: FileActivityLog;
  private readonly versionFiles: FileVersionStore;

  constructor(
    private readonly dataDir: string,
    options: FileReportStoreOptions,
  ) {
    this.logger = options.logger;
    this.thresholds = {
      afterRecords: options.compactAfterRecords ?? DEFAULT_COMPACTION_THRESHOLDS.afterRecords,
      afterBytes: options.compactAfterBytes ?? DEFAULT_COMPACTION_THRESHOLDS.afterBytes,
    };
    const reportDir = (reportId: string) => this.dir(reportId);
    this.bindings = new FileClientBindingStore(reportDir, this.logger);
    this.deletedBy = new FileDeletedByStore(reportDir, this.logger);
    this.activityFiles = new FileActivityLog(reportDir, this.logger);
    this.versionFiles = new FileVersionStore(reportDir, this.logger);
  }

  async create(reportId: string, report: NewStoredReport): Promise<void> {
    const dir = this.dir(reportId);
    await createDocFiles(dir, report.state);
    await this.bindings.bind(reportId, report.creator.clientId, report.creator.userId);
    await this.bindings.closeReport(reportId);
    // Written before the report is listed, so its reference panel never misses its file.
    if (report.previous) await writePreviousText(dir, report.previous);
  }

  async open(reportId: string): Promise<ReportStorage> {
    return FileReportStorage.open(reportId, {
      dir: this.dir(reportId),
      logger: this.logger,
      thresholds: this.thresholds,
      bindings: this.bindings,
      deletedBy: this.deletedBy,
      activityFiles: this.activityFiles,
      activity: this.activity(reportId),
      versions: this.versions(reportId),
    });
  }

  async readDoc(reportId: string): Promise<Y.Doc> {
    const dir = this.dir(reportId);
    const stored = await readDocFiles(dir, this.logger);
    return docFromUpdates(stored.updates, dir);
  }

  async readAttribution(reportId: string): Promise<StoredAttribution> {
    const clientOwners = await this.bindings.load(reportId);
    return { clientOwners, deletedBy: await this.deletedBy.load(reportId) };
  }

  /** The deletion records themselves, oldest first (`dongsoan migrate` copies them to PostgreSQL). */
  readDeletionRecords(reportId: string): Promise<DeleteRecord[]> {
    return this.deletedBy.records(reportId);
  }

  async readPrevious(reportId: string): Promise<PreviousText | null> {
    return readPreviousText(this.dir(reportId));
  }

  activity(reportId: string): ReportActivity {
    return {
      append: (entry) => this.activityFiles.append(reportId, entry),
      read: () => this.activityFiles.read(reportId),
    };
  }

  versions(reportId: string): ReportVersions {
    const files = this.versionFiles;
    return {
      create: (state, options) => files.createFromState(reportId, state, options),
      list: () => files.list(reportId),
      info: (versionId) => files.info(reportId, versionId),
      get: (versionId) => files.get(reportId, versionId),
      latest: () => files.latest(reportId),
    };
  }

  async verify(reportId: string): Promise<void> {
    const doc = await this.readDoc(reportId);
    doc.destroy();
    const dir = this.dir(reportId);
    for (const name of [ACTIVITY_FILE, CLIENTS_FILE, DELETES_FILE, join(VERSIONS_DIR, VERSION_INDEX_FILE)]) {
      await readJsonl(join(dir, name), this.logger);
    }
  }

  async delete(reportId: string): Promise<void> {
    const dir = this.dir(reportId);
    await Promise.all([
      this.bindings.closeReport(reportId),
      this.deletedBy.closeReport(reportId),
      this.activityFiles.closeReport(reportId),
      this.versionFiles.closeReport(reportId),
    ]);
    await rm(dir, { recursive: true, force: true });
  }

  async list(): Promise<string[]> {
    const root = join(this.dataDir, 'reports');
    try {
      const entries = await readdir(root, { withFileTypes: true });
      return entries
        .filter((entry) => entry.isDirectory() && isValidReportId(entry.name))
        .map((entry) => entry.name);
    } catch (error) {
      if (isNotFound(error)) return [];
      throw new CorruptFileError(root, describeError(error));
    }
  }

  async close(): Promise<void> {
    await Promise.all([
      this.activityFiles.close(),
      this.bindings.close(),
      this.deletedBy.close(),
      this.versionFiles.close(),
    ]);
  }

  private dir(reportId: string): string {
    return join(this.dataDir, 'reports', assertReportId(reportId));
  }
}
