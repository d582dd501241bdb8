// An append-only file written with group commit. `write` hands the bytes to the OS synchronously,
// so from the moment it returns they survive a crash of this process (kill -9) whatever the event
// loop does next; fdatasync, which makes them survive a power cut too, is shared by every write made
// while the previous sync ran, so the disk sees one sync per batch. A batch's sync starts at the
// end of the event-loop turn that opened it (setImmediate), not right after its first write: the
// messages that arrived together (one per socket, each its own callback) share one sync. Syncs
// start at least SYNC_SPACING_MS apart: under steady typing a sync took about as long as the gap
// between two keystrokes of the room, so nearly every update paid for its own fdatasync — a
// journal commit, a device write, and a thread-pool worker woken from the main thread, which the
// profile of the relay under a swarm shows costing the main thread 10–16% of its busy time even at
// one sync per 10 ms (docs/performance-profile.md). Nothing waits for a sync on the relay path (the
// bytes are with the OS before the relay), so the spacing costs no latency there; what a power cut
// can take is the last ~25 ms of updates, which the clients that made them still hold and send
// again when they reconnect (y-websocket sync step 2). Every write of a batch gets the batch's one promise: no
// promise or closure per write. Used by the update log and the JSON-lines files (attribution,
// activity, versions).
import { closeSync, fdatasync, writeSync } from 'node:fs';
import { promisify } from 'node:util';

const datasync = promisify(fdatasync);

/** Least time between the starts of two syncs of a file (see the header). */
export const SYNC_SPACING_MS = 25;

/** The writes waiting for one sync: one promise for all of them. */
interface Batch {
  synced: Promise<void>;
  resolve: () => void;
  reject: (error: unknown) => void;
}

function newBatch(): Batch {
  let resolve: () => void = () => {};
  let reject: (error: unknown) => void = () => {};
  const synced = new Promise<void>((ok, fail) => {
    resolve = ok;
    reject = fail;
  });
  return { synced, resolve, reject };
}

export class GroupCommitFile {
  /** Writes since the last sync, waiting for the next one (null: none). */
  private unsynced: Batch | null = null;
  private flushScheduled = false;
  private chain: Promise<void> = Promise.resolve();
  /** What the next sync must wait for (other files that have to be durable first). */
  private barrier: Promise<unknown> | null = null;
  private closed = false;
  /** When the last sync started (performance.now()). */
  private lastSyncAt = -Infinity;

  constructor(private descriptor: number) {}

  get fd(): number {
    return this.descriptor;
  }

  get isClosed(): boolean {
    return this.closed;
  }

  /**
   * Write `data` now; throws if the write fails (nothing is then promised). The promise resolves
   * once the data is fdatasync'ed; it is the same for every write of a batch.
   */
  write(data: Uint8Array): Promise<void> {
    if (this.closed) throw new Error('file is closed');
    writeFully(this.descriptor, data);
    this.unsynced ??= newBatch();
    if (!this.flushScheduled) {
      this.flushScheduled = true;
      const wait = this.lastSyncAt + SYNC_SPACING_MS - performance.now();
      if (wait > 0) setTimeout(this.startSync, wait);
      else setImmediate(this.startSync);
    }
    return this.unsynced.synced;
  }

  /** Queue the sync of the writes made so far, after any sync in flight (write schedules it). */
  private readonly startSync = (): void => {
    this.enqueue(() => this.syncPending()).catch(() => {
      // Reported to the writers through their batch's promise.
    });
  };

  /**
   * The next sync of this file waits for `before` (which must not reject). Used so that a record
   * never becomes durable before the attribution it depends on, even across a power cut.
   */
  syncAfter(before: Promise<unknown>): void {
    this.barrier = this.barrier ? Promise.all([this.barrier, before]) : before;
  }

  /** Resolves when everything written so far is on disk. */
  flush(): Promise<void> {
    return this.enqueue(() => this.syncPending());
  }

  /**
   * Run `task` after the syncs queued so far and before later ones (e.g. swapping the descriptor
   * during compaction with `replaceDescriptor`).
   */
  enqueue(task: () => Promise<void>): Promise<void> {
    const run = this.chain.then(task);
    // Keep the chain alive after a failure; the failure is reported to the caller of this task.
    this.chain = run.catch(() => {});
    return run;
  }

  /** Point later writes at another open descriptor of the same path; closes the old one. */
  replaceDescriptor(fd: number): void {
    const old = this.descriptor;
    this.descriptor = fd;
    closeSync(old);
  }

  /** Sync and close. Later writes throw. */
  async close(): Promise<void> {
    if (this.closed) return this.chain;
    this.closed = true;
    await this.enqueue(async () => {
      await this.syncPending();
      closeSync(this.descriptor);
    });
  }

  /** Sync everything written so far (one fdatasync for the whole batch). */
  async syncPending(): Promise<void> {
    this.flushScheduled = false;
    const batch = this.unsynced;
    if (batch === null) return;
    this.unsynced = null;
    try {
      if (this.barrier) {
        const barrier = this.barrier;
        this.barrier = null;
        await barrier;
      }
      this.lastSyncAt = performance.now();
      await datasync(this.descriptor);
      batch.resolve();
    } catch (error) {
      batch.reject(error);
      throw error;
    }
  }
}

export function writeFully(fd: number, data: Uint8Array): void {
  let offset = 0;
  while (offset < data.length) offset += writeSync(fd, data, offset, data.length - offset);
}
