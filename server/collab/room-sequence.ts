// Keeps a room's document in the report's one total order when several processes write it
// (cluster mode: a SharedReportLog, server/store/report-store.ts). Every update stored by any
// process has a sequence number; this tracks which ones the room's doc holds — the contiguous
// prefix up to `watermark`, and those seen beyond it — and applies what other processes stored:
// as the bus delivers it, or, when a gap stays open (a message lost by Redis) or the bus is down,
// read back from the store. Applying a Yjs update twice changes nothing, so reading more than was
// missed is harmless.
import * as Y from 'yjs';
import type { SequencedUpdate, SharedReportLog } from '../store/report-store';

/** How long a gap may stay open before it is read from the store (messages of several processes cross). */
export const GAP_GRACE_MS = 100;
/** How often a room reads the store while the bus between processes is down. */
export const POLL_WHILE_BUS_DOWN_MS = 500;

export interface RoomSequenceTarget {
  /** Apply an update (or a snapshot) another process stored to the room's doc. */
  apply(update: Uint8Array): void;
  /** Whether the bus between processes carries messages now. */
  busConnected(): boolean;
  failed(error: unknown): void;
}

export class RoomSequence {
  private watermark: number;
  private readonly ahead = new Set<number>();
  private catchingUp: Promise<void> | null = null;
  private gapTimer: NodeJS.Timeout | null = null;
  private readonly pollTimer: NodeJS.Timeout;
  private stopped = false;

  constructor(
    private readonly log: SharedReportLog,
    private readonly target: RoomSequenceTarget,
  ) {
    this.watermark = log.openedAt;
    this.pollTimer = setInterval(() => {
      if (!target.busConnected()) void this.catchUp();
    }, POLL_WHILE_BUS_DOWN_MS);
    this.pollTimer.unref();
  }

  /** An update this process stored (already in the doc) got its sequence number. */
  committed(seq: number): void {
    this.note(seq);
  }

  /** An update another process stored, as the bus delivered it. */
  received(entry: SequencedUpdate): void {
    if (this.holds(entry.seq)) return;
    this.apply(entry);
    this.note(entry.seq);
  }

  /** Read and apply everything stored after the watermark (one read at a time). */
  catchUp(): Promise<void> {
    if (this.stopped) return Promise.resolve();
    this.catchingUp ??= this.log
      .readSince(this.watermark)
      .then((entries) => {
        for (const entry of entries) {
          if (this.stopped) return;
          if (entry.snapshot) {
            if (entry.seq <= this.watermark) continue;
            this.apply(entry);
            this.coverUpTo(entry.seq);
          } else {
            this.received(entry);
          }
        }
      })
      .catch((error) => this.target.failed(error))
      .finally(() => {
        this.catchingUp = null;
      });
    return this.catchingUp;
  }

  /** The highest seq such that the doc holds every update up to it. */
  get contiguous(): number {
    return this.watermark;
  }

  stop(): void {
    this.stopped = true;
    clearInterval(this.pollTimer);
    if (this.gapTimer) clearTimeout(this.gapTimer);
  }

  /** Learn the bindings of the update's client ids (the guard judges with them), then apply it. */
  private apply(entry: SequencedUpdate): void {
    const { userId } = entry;
    if (userId) {
      for (const struct of Y.decodeUpdate(entry.update).structs)
        this.log.learnBinding(struct.id.client, userId);
    }
    this.target.apply(entry.update);
  }

  private holds(seq: number): boolean {
    return seq <= this.watermark || this.ahead.has(seq);
  }

  private note(seq: number): void {
    if (this.holds(seq)) return;
    this.ahead.add(seq);
    while (this.ahead.delete(this.watermark + 1)) this.watermark++;
    if (this.ahead.size > 0) this.watchGap();
  }

  private coverUpTo(seq: number): void {
    this.watermark = Math.max(this.watermark, seq);
    for (const s of this.ahead) if (s <= this.watermark) this.ahead.delete(s);
    while (this.ahead.delete(this.watermark + 1)) this.watermark++;
  }

  /** Read the store if a gap is still open after the grace period. */
  private watchGap(): void {
    if (this.gapTimer || this.stopped) return;
    this.gapTimer = setTimeout(() => {
      this.gapTimer = null;
      if (this.ahead.size === 0) return;
      this.catchUp().then(() => {
        if (this.ahead.size > 0) this.watchGap();
      });
    }, GAP_GRACE_MS);
    this.gapTimer.unref();
  }
}
