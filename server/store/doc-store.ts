// Where report documents live: a state file plus an append-only update log per report.
// Behind the `DocStore` interface so a shared database can replace files later (DESIGN "Growth path").
import { readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import * as Y from 'yjs';
import type { Logger } from '../log';
import { CorruptFileError, describeError } from './errors';
import { isNotFound, mkdirPrivate, writeFileAtomic } from './files';
import { assertReportId } from './ids';
import { encodeRecord, parseRecords } from './records';
import { LOG_FILE, STATE_FILE, UpdateLog } from './update-log';

/** A report's stored updates: apply them in order to rebuild the document. */
export interface StoredDoc {
  updates: Uint8Array[];
  /** Where the log's valid records end (a torn tail after it is dropped on open). */
  logValidBytes: number;
}

export interface DocLog {
  /** Writes the update before returning; resolves once it is durable. */
  append(update: Uint8Array): Promise<void>;
  /** The next sync waits for `before` (files the appended updates depend on, synced first). */
  syncAfter(before: Promise<unknown>): void;
  /** Replace the stored history by `state`, which must contain every update appended so far. */
  compact(state: Uint8Array): Promise<void>;
  /** Whether enough has been appended since the last compaction to make one worthwhile. */
  wantsCompaction(): boolean;
  /** Whether the log has grown so far past that that it must be compacted even while busy. */
  needsCompaction(): boolean;
  flush(): Promise<void>;
  close(): Promise<void>;
  readonly stats: { bytesWritten: number; updatesWritten: number };
}

export interface DocStore {
  /** Store the first state of a new report. */
  create(reportId: string, state: Uint8Array): Promise<void>;
  /** Read everything stored for a report; throws CorruptFileError on damage. */
  read(reportId: string): Promise<StoredDoc>;
  /** Open the report's log for appending (one writer per report at a time). */
  openLog(reportId: string, stored: StoredDoc): Promise<DocLog>;
  /** Directory of a report's files (for activity and attribution logs beside it). */
  reportDir(reportId: string): string;
}

export interface FileDocStoreOptions {
  logger: Logger;
  /** Compact after this many appended records or bytes since the last compaction. */
  compactAfterRecords?: number;
  compactAfterBytes?: number;
}

/**
 * A log this many times past the compaction thresholds is compacted even while people type
 * (below that, the room waits for a pause): it bounds how long a report takes to load.
 */
const HARD_LIMIT_FACTOR = 10;

export class FileDocStore implements DocStore {
  private readonly compactAfterRecords: number;
  private readonly compactAfterBytes: number;

  constructor(
    readonly dataDir: string,
    private readonly options: FileDocStoreOptions,
  ) {
    this.compactAfterRecords = options.compactAfterRecords ?? 2000;
    this.compactAfterBytes = options.compactAfterBytes ?? 4 * 1024 * 1024;
  }

  reportDir(reportId: string): string {
    return join(this.dataDir, 'reports', assertReportId(reportId));
  }

  async create(reportId: string, state: Uint8Array): Promise<void> {
    const dir = this.reportDir(reportId);
    await mkdirPrivate(dir);
    await writeFileAtomic(join(dir, STATE_FILE), encodeRecord(state));
  }

  async read(reportId: string): Promise<StoredDoc> {
    const dir = this.reportDir(reportId);
    await this.removeLeftoverTemps(dir);
    const updates: Uint8Array[] = [];
    const stateFile = join(dir, STATE_FILE);
    const state = await readOptional(stateFile);
    if (state) {
      const parsed = parseRecords(state);
      if (parsed.corruption || parsed.tornTail || parsed.payloads.length !== 1) {
        // state.bin is only ever replaced atomically, so any damage is real corruption.
        throw new CorruptFileError(
          stateFile,
          parsed.corruption ?? parsed.tornTail ?? 'expected exactly one record',
        );
      }
      updates.push(parsed.payloads[0]);
    }
    const logFile = join(dir, LOG_FILE);
    const log = await readOptional(logFile);
    let logValidBytes = 0;
    if (log) {
      const parsed = parseRecords(log);
      if (parsed.corruption) throw new CorruptFileError(logFile, parsed.corruption);
      if (parsed.tornTail) {
        this.options.logger.warn(
          `${logFile}: dropping a torn last record (${parsed.tornTail}), left by a crash`,
        );
      }
      updates.push(...parsed.payloads);
      logValidBytes = parsed.validBytes;
    }
    if (!state && !log) throw new CorruptFileError(dir, `no ${STATE_FILE} or ${LOG_FILE}`);
    return { updates, logValidBytes };
  }

  async openLog(reportId: string, stored: StoredDoc): Promise<DocLog> {
    const log = await UpdateLog.open(this.reportDir(reportId), stored.logValidBytes);
    const { compactAfterRecords, compactAfterBytes } = this;
    return {
      append: (update) => log.append(update),
      syncAfter: (before) => log.syncAfter(before),
      compact: (state) => log.compact(state),
      wantsCompaction: () =>
        log.recordsSinceCompaction >= compactAfterRecords || log.bytesSinceCompaction >= compactAfterBytes,
      needsCompaction: () =>
        log.recordsSinceCompaction >= compactAfterRecords * HARD_LIMIT_FACTOR ||
        log.bytesSinceCompaction >= compactAfterBytes * HARD_LIMIT_FACTOR,
      flush: () => log.flush(),
      close: () => log.close(),
      get stats() {
        return { bytesWritten: log.bytesWritten, updatesWritten: log.updatesWritten };
      },
    };
  }

  private async removeLeftoverTemps(dir: string): Promise<void> {
    let names: string[];
    try {
      names = await readdir(dir);
    } catch (error) {
      if (isNotFound(error)) return;
      throw new CorruptFileError(dir, describeError(error));
    }
    // Temp files of an interrupted atomic write or compaction: the originals are still complete.
    for (const name of names) if (name.endsWith('.tmp')) await rm(join(dir, name), { force: true });
  }
}

async function readOptional(file: string): Promise<Uint8Array | null> {
  try {
    return await readFile(file);
  } catch (error) {
    if (isNotFound(error)) return null;
    throw new CorruptFileError(file, describeError(error));
  }
}

/** Rebuild a document from stored updates; an update Yjs cannot read marks the report's files corrupt. */
export function docFromStored(stored: StoredDoc, file: string, doc: Y.Doc = new Y.Doc()): Y.Doc {
  for (const update of stored.updates) {
    try {
      Y.decodeUpdate(update);
      Y.applyUpdate(doc, update);
    } catch (error) {
      throw new CorruptFileError(file, `unreadable Yjs update: ${describeError(error)}`);
    }
  }
  return doc;
}
