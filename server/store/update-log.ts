// One report's append-only update log with group commit, and its compaction into a state file.
//
// Every record is handed to the OS with a synchronous write() inside `append`, before the caller
// relays the update: from then on it survives a crash of this process (kill -9), whatever the
// event loop was doing. fdatasync, which makes it survive a power cut too, is group-committed: all
// records appended while one sync runs share the next one, so the disk sees one sync per batch.
// Byte offsets in the file follow append order, which is what makes compaction safe (`compact`).
import { fstatSync, ftruncateSync, openSync, read, readSync, renameSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { PRIVATE_FILE_MODE, syncDir, writeFileAtomic } from './files';
import { GroupCommitFile, writeFully } from './group-commit';
import { encodeRecord } from './records';

const readAsync = promisify(read);

export const LOG_FILE = 'updates.log';
export const STATE_FILE = 'state.bin';

export class UpdateLog {
  /** The log file; appends and compaction use synchronous calls on it (see the header). */
  private file: GroupCommitFile | null = null;
  /** Bytes handed to `append` since the file was opened, i.e. the file length once flushed. */
  private enqueuedBytes = 0;
  /** Appended records and bytes since the last compaction (drives when to compact). */
  recordsSinceCompaction = 0;
  bytesSinceCompaction = 0;
  /** Bytes written to disk for updates (record framing included), for the benchmark. */
  bytesWritten = 0;
  updatesWritten = 0;

  private constructor(
    readonly dir: string,
    initialBytes: number,
  ) {
    this.enqueuedBytes = initialBytes;
    this.bytesSinceCompaction = initialBytes;
  }

  /** Open the log of `dir` for appending; `validBytes` is where the last good record ends. */
  static async open(dir: string, validBytes: number): Promise<UpdateLog> {
    const log = new UpdateLog(dir, validBytes);
    const file = join(dir, LOG_FILE);
    // A torn tail from a crash is cut off so new records never follow garbage.
    const fd = openSync(file, 'a+', PRIVATE_FILE_MODE);
    if (fstatSync(fd).size > validBytes) ftruncateSync(fd, validBytes);
    log.file = new GroupCommitFile(fd);
    return log;
  }

  /**
   * Write `update` to the log now (synchronously, so a relay that follows can never get ahead of
   * the file); the promise resolves once it is also fdatasync'ed.
   */
  append(update: Uint8Array): Promise<void> {
    const file = this.file;
    if (!file || file.isClosed) return Promise.reject(new Error('update log is closed'));
    const record = encodeRecord(update);
    let synced: Promise<void>;
    try {
      synced = file.write(record);
    } catch (error) {
      return Promise.reject(error);
    }
    this.enqueuedBytes += record.length;
    this.recordsSinceCompaction++;
    this.bytesSinceCompaction += record.length;
    this.bytesWritten += record.length;
    this.updatesWritten++;
    return synced;
  }

  /** The next fdatasync of the log waits for `before` (attribution made durable first). */
  syncAfter(before: Promise<unknown>): void {
    this.file?.syncAfter(before);
  }

  /** Resolves when everything appended so far is on disk. */
  flush(): Promise<void> {
    return this.file ? this.file.flush() : Promise.resolve();
  }

  /**
   * Replace the log's prefix by `state`. Contract: `state` contains every update appended before
   * this call (the caller encodes it synchronously right before calling). Crash-safe at every step:
   * state.bin is replaced atomically first, then the log is replaced atomically by its own tail
   * (the records appended after this call). Until the second rename the old log is still complete;
   * replaying updates already contained in the state is harmless because Yjs updates are idempotent.
   */
  compact(state: Uint8Array): Promise<void> {
    const file = this.file;
    if (!file) return Promise.reject(new Error('update log is closed'));
    const coveredBytes = this.enqueuedBytes;
    this.recordsSinceCompaction = 0;
    this.bytesSinceCompaction = 0;
    return file.enqueue(async () => {
      await file.syncPending();
      await writeFileAtomic(join(this.dir, STATE_FILE), encodeRecord(state));
      await this.dropPrefix(file, coveredBytes);
    });
  }

  /** Flush and close the file. Further appends are refused. */
  async close(): Promise<void> {
    await this.file?.close();
  }

  /**
   * Replace the log by its records after `coveredBytes`, in two phases. First, off the event loop,
   * the tail appended so far is copied into a temp file and synced. Then, synchronously — `append`
   * writes synchronously too, so no record can land in the old file unseen — the few records
   * appended meanwhile are copied and the temp file is renamed over the log. Those last records
   * become durable with the log's next sync, which their appenders are still waiting for.
   */
  private async dropPrefix(file: GroupCommitFile, coveredBytes: number): Promise<void> {
    if (file.isClosed) return;
    const path = join(this.dir, LOG_FILE);
    const temp = `${path}.compact.tmp`;
    const copiedUpTo = this.enqueuedBytes;
    const output = await open(temp, 'w', PRIVATE_FILE_MODE);
    try {
      const tail = Buffer.alloc(copiedUpTo - coveredBytes);
      await readFullyAsync(file.fd, tail, coveredBytes, path);
      await output.write(tail);
      await output.sync();
      if (file.isClosed) return;
      const late = Buffer.alloc(this.enqueuedBytes - copiedUpTo);
      readFully(file.fd, late, copiedUpTo, path);
      writeFully(output.fd, late);
      renameSync(temp, path);
      // Swapped before any await, so every append from now on goes to the new file.
      file.replaceDescriptor(openSync(path, 'a+', PRIVATE_FILE_MODE));
      this.enqueuedBytes -= coveredBytes;
    } finally {
      await output.close();
    }
    await syncDir(this.dir);
  }
}

/** Read `buffer.length` bytes at `position` (synchronously). */
function readFully(fd: number, buffer: Buffer, position: number, path: string): void {
  let offset = 0;
  while (offset < buffer.length) {
    const read = readSync(fd, buffer, offset, buffer.length - offset, position + offset);
    if (read === 0) throw new Error(`${path}: shorter than expected while compacting`);
    offset += read;
  }
}

/** Read `buffer.length` bytes at `position` on the thread pool. */
async function readFullyAsync(fd: number, buffer: Buffer, position: number, path: string): Promise<void> {
  let offset = 0;
  while (offset < buffer.length) {
    const { bytesRead } = await readAsync(fd, buffer, offset, buffer.length - offset, position + offset);
    if (bytesRead === 0) throw new Error(`${path}: shorter than expected while compacting`);
    offset += bytesRead;
  }
}
