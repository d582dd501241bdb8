// One report's append-only update log with group commit, and its compaction into a state file.
//
// Appends are serialised through one queue: every update handed in while a write+fdatasync is
// running joins the next batch, so the disk sees one write and one sync per batch (group commit)
// and an update is durable a few milliseconds after it was appended. Byte offsets in the file
// follow append order, which is what makes compaction safe (see `compact`).
import { type FileHandle, open, rename, truncate } from 'node:fs/promises';
import { join } from 'node:path';
import { syncDir, writeFileAtomic } from './files';
import { encodeRecord } from './records';

export const LOG_FILE = 'updates.log';
export const STATE_FILE = 'state.bin';

export class UpdateLog {
  private handle: FileHandle | null = null;
  /** Bytes handed to `append` since the file was opened, i.e. the file length once flushed. */
  private enqueuedBytes = 0;
  private pending: Buffer[] = [];
  private pendingWaiters: { resolve: () => void; reject: (error: unknown) => void }[] = [];
  private flushScheduled = false;
  private chain: Promise<void> = Promise.resolve();
  private closed = false;
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
    const handle = await open(file, 'a+');
    const { size } = await handle.stat();
    if (size > validBytes) await truncate(file, validBytes);
    log.handle = handle;
    return log;
  }

  /** Queue `update`; resolves once it is on disk (written and fdatasync'ed). */
  append(update: Uint8Array): Promise<void> {
    if (this.closed) return Promise.reject(new Error('update log is closed'));
    const record = encodeRecord(update);
    this.pending.push(record);
    this.enqueuedBytes += record.length;
    this.recordsSinceCompaction++;
    this.bytesSinceCompaction += record.length;
    const done = new Promise<void>((resolve, reject) => this.pendingWaiters.push({ resolve, reject }));
    if (!this.flushScheduled) {
      this.flushScheduled = true;
      this.enqueue(() => this.flushPending());
    }
    return done;
  }

  /** Resolves when everything appended so far is on disk. */
  flush(): Promise<void> {
    return this.enqueue(() => this.flushPending());
  }

  /**
   * Replace the log's prefix by `state`. Contract: `state` contains every update appended before
   * this call (the caller encodes it synchronously right before calling). Crash-safe at every step:
   * state.bin is replaced atomically first, then the log is replaced atomically by its own tail
   * (the records appended after this call). Until the second rename the old log is still complete;
   * replaying updates already contained in the state is harmless because Yjs updates are idempotent.
   */
  compact(state: Uint8Array): Promise<void> {
    const coveredBytes = this.enqueuedBytes;
    this.recordsSinceCompaction = 0;
    this.bytesSinceCompaction = 0;
    return this.enqueue(async () => {
      await this.flushPending();
      await writeFileAtomic(join(this.dir, STATE_FILE), encodeRecord(state));
      await this.dropPrefix(coveredBytes);
    });
  }

  /** Flush and close the file. Further appends are refused. */
  async close(): Promise<void> {
    if (this.closed) return this.chain;
    this.closed = true;
    await this.enqueue(async () => {
      await this.flushPending();
      await this.handle?.close();
      this.handle = null;
    });
  }

  private enqueue(task: () => Promise<void>): Promise<void> {
    const run = this.chain.then(task);
    // Keep the chain alive after a failure; the failure is reported to the caller of this task.
    this.chain = run.catch(() => {});
    return run;
  }

  private async flushPending(): Promise<void> {
    this.flushScheduled = false;
    if (this.pending.length === 0) return;
    const batch = this.pending;
    const waiters = this.pendingWaiters;
    this.pending = [];
    this.pendingWaiters = [];
    try {
      const handle = this.handle;
      if (!handle) throw new Error('update log is not open');
      const data = batch.length === 1 ? batch[0] : Buffer.concat(batch);
      await handle.write(data);
      await handle.datasync();
      this.bytesWritten += data.length;
      this.updatesWritten += batch.length;
      for (const waiter of waiters) waiter.resolve();
    } catch (error) {
      for (const waiter of waiters) waiter.reject(error);
      throw error;
    }
  }

  private async dropPrefix(coveredBytes: number): Promise<void> {
    const handle = this.handle;
    if (!handle) return;
    const { size } = await handle.stat();
    const tail = Buffer.alloc(Math.max(0, size - coveredBytes));
    if (tail.length > 0) await handle.read(tail, 0, tail.length, coveredBytes);
    const file = join(this.dir, LOG_FILE);
    const temp = `${file}.compact.tmp`;
    const tempHandle = await open(temp, 'w');
    try {
      await tempHandle.writeFile(tail);
      await tempHandle.sync();
    } finally {
      await tempHandle.close();
    }
    await rename(temp, file);
    await syncDir(this.dir);
    await handle.close();
    this.handle = await open(file, 'a+');
    this.enqueuedBytes -= coveredBytes;
  }
}
