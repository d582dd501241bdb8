// When a report's update log is compacted into its state. Compaction encodes the whole document
// and syncs several files, which stalls the disk's writes (the log's too) for milliseconds, so:
//  - past the thresholds, it waits until nobody has typed for COMPACT_WHEN_IDLE_MS;
//  - HARD_LIMIT_FACTOR times past them it runs at once, even while people type: that bounds how
//    long a report takes to load;
//  - when the report is closed, it runs if the thresholds are passed.

export interface CompactionThresholds {
  /** Compact after this many appended records since the last compaction… */
  afterRecords: number;
  /** …or this many appended bytes. */
  afterBytes: number;
}

export const DEFAULT_COMPACTION_THRESHOLDS: CompactionThresholds = {
  afterRecords: 2000,
  afterBytes: 4 * 1024 * 1024,
};

export const HARD_LIMIT_FACTOR = 10;

/** How long a log must go without appends before it is compacted past its thresholds. */
export const COMPACT_WHEN_IDLE_MS = 2000;

/** What has been appended since the last compaction. */
export interface SinceCompaction {
  records: number;
  bytes: number;
}

export type CompactionUrgency = 'none' | 'when-idle' | 'now';

export function compactionUrgency(
  since: SinceCompaction,
  thresholds: CompactionThresholds,
): CompactionUrgency {
  const past = (factor: number) =>
    since.records >= thresholds.afterRecords * factor || since.bytes >= thresholds.afterBytes * factor;
  if (past(HARD_LIMIT_FACTOR)) return 'now';
  if (past(1)) return 'when-idle';
  return 'none';
}

export interface CompactionTarget {
  /** What has been appended since the last compaction. */
  since(): SinceCompaction;
  /** Compact now (the target encodes the document itself, synchronously at the call). */
  compact(): Promise<void>;
  /** A background compaction failed (it is retried by a later trigger). */
  failed(error: unknown): void;
}

/** Runs the policy above for one open log. */
export class CompactionScheduler {
  private compacting = false;
  private stopped = false;
  private checkQueued = false;
  private idleTimer: NodeJS.Timeout | null = null;

  constructor(
    private readonly target: CompactionTarget,
    private readonly thresholds: CompactionThresholds,
    private readonly idleMs = COMPACT_WHEN_IDLE_MS,
  ) {}

  /** Whether the thresholds are passed (compaction on close). */
  get due(): boolean {
    return compactionUrgency(this.target.since(), this.thresholds) !== 'none';
  }

  /**
   * An update was appended. Judged once the current turn's synchronous work is done: by then the
   * update has been relayed, so the frames it queued leave before a compaction started from here.
   */
  appended(): void {
    if (this.checkQueued) return;
    this.checkQueued = true;
    queueMicrotask(this.checkQueuedNow);
  }

  /** One function for every turn's check, not a closure per update. */
  private readonly checkQueuedNow = (): void => {
    this.checkQueued = false;
    this.check();
  };

  /** No more compactions from timers or appends (the log is closing). */
  stop(): void {
    this.stopped = true;
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
  }

  private check(): void {
    if (this.stopped || this.compacting) return;
    const urgency = compactionUrgency(this.target.since(), this.thresholds);
    if (urgency === 'now') this.compactInBackground();
    else if (urgency === 'when-idle') this.compactWhenIdle();
  }

  private compactWhenIdle(): void {
    if (this.idleTimer) {
      this.idleTimer.refresh();
      return;
    }
    this.idleTimer = setTimeout(() => {
      this.idleTimer = null;
      if (!this.stopped && !this.compacting && this.due) this.compactInBackground();
    }, this.idleMs);
    this.idleTimer.unref();
  }

  private compactInBackground(): void {
    this.compacting = true;
    // After this turn's frames have left (they are flushed on setImmediate too, queued earlier):
    // encoding the whole state must not delay the update that triggered it.
    setImmediate(() => {
      if (this.stopped) {
        this.compacting = false;
        return;
      }
      this.target
        .compact()
        .catch((error) => this.target.failed(error))
        .finally(() => {
          this.compacting = false;
        });
    });
  }
}
