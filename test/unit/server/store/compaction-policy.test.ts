// When a report's update log is compacted: thresholds, the idle rule, the at-once rule.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  CompactionScheduler,
  type CompactionThresholds,
  compactionUrgency,
  HARD_LIMIT_FACTOR,
  type SinceCompaction,
} from '../../../../server/store/compaction-policy';

const thresholds: CompactionThresholds = { afterRecords: 10, afterBytes: 1000 };

describe('compactionUrgency', () => {
  it('waits below both thresholds', () => {
    expect(compactionUrgency({ records: 9, bytes: 999 }, thresholds)).toBe('none');
  });

  it('compacts when idle once either threshold is reached', () => {
    expect(compactionUrgency({ records: 10, bytes: 0 }, thresholds)).toBe('when-idle');
    expect(compactionUrgency({ records: 0, bytes: 1000 }, thresholds)).toBe('when-idle');
    expect(compactionUrgency({ records: 10 * HARD_LIMIT_FACTOR - 1, bytes: 0 }, thresholds)).toBe(
      'when-idle',
    );
  });

  it('compacts at once ten times past either threshold', () => {
    expect(HARD_LIMIT_FACTOR).toBe(10);
    expect(compactionUrgency({ records: 100, bytes: 0 }, thresholds)).toBe('now');
    expect(compactionUrgency({ records: 0, bytes: 10_000 }, thresholds)).toBe('now');
  });
});

describe('CompactionScheduler', () => {
  const IDLE_MS = 2000;
  let since: SinceCompaction;
  let compactions: number;
  /** What happened, in order (compactions and, in one test, frames leaving). */
  let events: string[];
  let finishCompaction: (() => void) | null;
  let scheduler: CompactionScheduler;

  /** Let the queued check (a microtask) run. */
  const settle = async () => {
    await Promise.resolve();
    await Promise.resolve();
  };

  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setImmediate', 'clearImmediate'] });
    since = { records: 0, bytes: 0 };
    compactions = 0;
    events = [];
    finishCompaction = null;
    scheduler = new CompactionScheduler(
      {
        since: () => since,
        compact: () => {
          compactions++;
          events.push('compacted');
          since = { records: 0, bytes: 0 };
          return new Promise<void>((resolve) => {
            finishCompaction = resolve;
          });
        },
        failed: (error) => {
          throw error;
        },
      },
      thresholds,
      IDLE_MS,
    );
  });

  afterEach(() => {
    scheduler.stop();
    vi.useRealTimers();
  });

  it('does nothing below the thresholds', async () => {
    since = { records: 9, bytes: 0 };
    scheduler.appended();
    await settle();
    vi.advanceTimersByTime(IDLE_MS * 10);
    expect(compactions).toBe(0);
    expect(scheduler.due).toBe(false);
  });

  it('past the thresholds waits until no update was appended for the idle time', async () => {
    since = { records: 10, bytes: 0 };
    expect(scheduler.due).toBe(true);
    scheduler.appended();
    await settle();
    vi.advanceTimersByTime(IDLE_MS - 1);
    since = { records: 11, bytes: 0 };
    scheduler.appended();
    await settle();
    vi.advanceTimersByTime(IDLE_MS - 1);
    expect(compactions).toBe(0);
    vi.advanceTimersByTime(1);
    // The compaction itself starts on the next setImmediate, after the turn's frames.
    expect(compactions).toBe(0);
    vi.runOnlyPendingTimers();
    expect(compactions).toBe(1);
  });

  it('ten times past the thresholds compacts at once, and once at a time', async () => {
    since = { records: 100, bytes: 0 };
    scheduler.appended();
    await settle();
    vi.advanceTimersToNextTimer();
    expect(compactions).toBe(1);
    since = { records: 200, bytes: 0 };
    scheduler.appended();
    await settle();
    vi.advanceTimersByTime(IDLE_MS * 2);
    expect(compactions).toBe(1);
    finishCompaction?.();
    await settle();
    scheduler.appended();
    await settle();
    vi.advanceTimersToNextTimer();
    expect(compactions).toBe(2);
  });

  it('judges an append after the current turn, so a relay that follows goes first', async () => {
    since = { records: 100, bytes: 0 };
    scheduler.appended();
    // What the room does right after appending: relay (its frames leave on setImmediate).
    setImmediate(() => events.push('frames'));
    await settle();
    vi.runOnlyPendingTimers();
    vi.runOnlyPendingTimers();
    expect(events).toEqual(['frames', 'compacted']);
  });

  it('stop cancels a waiting compaction', async () => {
    since = { records: 10, bytes: 0 };
    scheduler.appended();
    await settle();
    scheduler.stop();
    vi.advanceTimersByTime(IDLE_MS * 2);
    expect(compactions).toBe(0);
  });
});
