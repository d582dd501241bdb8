// The deleted-by records of each report in a JSON-lines file (the index math is
// server/history/deleted-by.ts):
//
//   reports/<id>/deletes.jsonl   {"userId":"u-…","at":"…","ranges":[[client, clock, len], …]}  per update
import * as Y from 'yjs';
import {
  DeletedByIndex,
  type DeleteRange,
  type DeleteRecord,
  type DeleteSet,
  deleteRecordProblem,
  deletionRanges,
} from '../history/deleted-by';
import type { Logger } from '../log';
import { CorruptFileError } from './errors';
import { ReportJsonlFiles } from './report-jsonl';

export const DELETES_FILE = 'deletes.jsonl';

/** What `record` returns when the update deletes nothing new (nothing to wait for). */
const NOTHING_RECORDED: Promise<void> = Promise.resolve();

export class FileDeletedByStore {
  private readonly files: ReportJsonlFiles<DeleteRecord>;

  constructor(reportDir: (reportId: string) => string, logger: Logger) {
    this.files = new ReportJsonlFiles(reportDir, DELETES_FILE, logger);
  }

  /**
   * Record the deletions of an accepted V1 update for `userId` (see `deletionRanges` for `before`).
   * Once the report is `open`, the record is written to the OS during the call (a failed write
   * throws); the promise resolves once it is synced.
   */
  record(reportId: string, userId: string, update: Uint8Array, before?: Y.Doc): Promise<void> {
    let ds: DeleteSet;
    try {
      ds = Y.decodeUpdate(update).ds;
    } catch (error) {
      return Promise.reject(error);
    }
    return this.recordDeleteSet(reportId, userId, ds, before);
  }

  /** Same as `record` for a caller that has already decoded the update (`Y.decodeUpdate(u).ds`). */
  recordDeleteSet(reportId: string, userId: string, ds: DeleteSet, before?: Y.Doc): Promise<void> {
    return this.recordRanges(reportId, userId, deletionRanges(ds, before));
  }

  /** Store ranges computed by `deletionRanges`; nothing is written for none. */
  recordRanges(reportId: string, userId: string, ranges: DeleteRange[]): Promise<void> {
    if (ranges.length === 0) return NOTHING_RECORDED;
    return this.files.appendEarly(reportId, { userId, at: new Date().toISOString(), ranges });
  }

  /** Open the report's file so that records are written synchronously (a room does on load). */
  open(reportId: string): Promise<void> {
    return this.files.open(reportId);
  }

  async load(reportId: string): Promise<DeletedByIndex> {
    return DeletedByIndex.fromRecords(await this.records(reportId));
  }

  /** The stored records, oldest first, each checked (throws CorruptFileError naming the file). */
  async records(reportId: string): Promise<DeleteRecord[]> {
    const file = this.files.fileOf(reportId);
    const records = await this.files.read(reportId);
    records.forEach((record, i) => {
      const problem = deleteRecordProblem(record);
      if (problem) throw new CorruptFileError(file, `entry ${i + 1}: ${problem}`);
    });
    return records;
  }

  closeReport(reportId: string): Promise<void> {
    return this.files.closeReport(reportId);
  }

  close(): Promise<void> {
    return this.files.close();
  }
}

/** The deleted-by store as tests and tools drive it. */
export type DeletedByStore = FileDeletedByStore;
