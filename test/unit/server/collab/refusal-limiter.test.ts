// Refusal logging and activity entries are rate-limited (server/collab/refusal-limiter.ts): one
// entry per key and window, the refusals in between counted into the next entry.
import { describe, expect, it } from 'vitest';
import { RefusalLimiter } from '../../../../server/collab/refusal-limiter';

describe('RefusalLimiter', () => {
  it('records the first refusal and folds the rest of the window into the next entry', () => {
    const limiter = new RefusalLimiter(60_000);
    expect(limiter.judge('u1', 0)).toEqual({ record: true, count: 1 });
    // A reconnect loop: ten refusals a second for a minute.
    let recorded = 0;
    for (let at = 100; at < 60_000; at += 100) if (limiter.judge('u1', at).record) recorded++;
    expect(recorded).toBe(0);
    expect(limiter.judge('u1', 60_000)).toEqual({ record: true, count: 600 });
    expect(limiter.judge('u1', 60_001)).toEqual({ record: false, count: 0 });
  });

  it('keeps keys apart', () => {
    const limiter = new RefusalLimiter(60_000);
    expect(limiter.judge('u1', 0).record).toBe(true);
    expect(limiter.judge('u2', 1).record).toBe(true);
    expect(limiter.judge('u1', 2).record).toBe(false);
  });

  it('records a lone refusal after a quiet window with a count of one', () => {
    const limiter = new RefusalLimiter(60_000);
    limiter.judge('u1', 0);
    expect(limiter.judge('u1', 120_000)).toEqual({ record: true, count: 1 });
  });

  it('stays bounded when many keys pass, and still limits the busy one', () => {
    const limiter = new RefusalLimiter(60_000);
    limiter.judge('busy', 0);
    for (let i = 0; i < 5_000; i++) limiter.judge(`k${i}`, 61_000 + i);
    expect((limiter as unknown as { keys: Map<string, unknown> }).keys.size).toBeLessThanOrEqual(1_000);
    // Recorded again once the window passed, never more than once per window.
    expect(limiter.judge('busy', 70_000).record).toBe(true);
    expect(limiter.judge('busy', 70_001).record).toBe(false);
  });
});
