// The wait before reconnecting after a refusal (client/pages/report/refusalBackoff.ts): doubling
// up to a ceiling, never at once after 4429, and back to the start after a stable connection.
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_BACKOFF,
  isRefusal,
  RefusalBackoff,
} from '../../../../../client/pages/report/refusalBackoff';
import { CloseCode } from '../../../../../shared/protocol';

function clocked() {
  let now = 1_000_000;
  const backoff = new RefusalBackoff(() => now);
  return {
    backoff,
    advance: (ms: number) => {
      now += ms;
    },
  };
}

/** Simulates a client refused at once on every connection: the waits it takes, in order. */
function refusedEachTime(count: number, code: number = CloseCode.Forbidden): number[] {
  const { backoff, advance } = clocked();
  const waits: number[] = [];
  for (let i = 0; i < count; i++) {
    backoff.connected();
    advance(50);
    const wait = backoff.refused(code);
    waits.push(wait);
    advance(wait);
  }
  return waits;
}

describe('RefusalBackoff', () => {
  it('doubles the wait from one second up to the ceiling', () => {
    expect(refusedEachTime(9)).toEqual([1_000, 2_000, 4_000, 8_000, 16_000, 32_000, 60_000, 60_000, 60_000]);
  });

  it('allows at most a few connections a minute to a client refused every time', () => {
    const { backoff, advance } = clocked();
    let elapsed = 0;
    const attemptsAt: number[] = [];
    while (elapsed < 10 * 60_000) {
      attemptsAt.push(elapsed);
      backoff.connected();
      const wait = backoff.refused(CloseCode.Forbidden);
      advance(wait);
      elapsed += wait;
    }
    for (let minute = 0; minute < 10; minute++) {
      const inMinute = attemptsAt.filter((at) => at >= minute * 60_000 && at < (minute + 1) * 60_000);
      expect(inMinute.length).toBeLessThanOrEqual(6);
      if (minute >= 2) expect(inMinute.length).toBeLessThanOrEqual(1);
    }
  });

  it('never reconnects at once after too many sockets (4429)', () => {
    const waits = refusedEachTime(4, CloseCode.TooMany);
    expect(waits[0]).toBe(DEFAULT_BACKOFF.tooManyFirstDelayMs);
    expect(waits[0]).toBeGreaterThanOrEqual(10_000);
    expect(waits).toEqual([10_000, 20_000, 40_000, 60_000]);
  });

  it('starts again from one second after a connection that stayed a while without refusal', () => {
    const { backoff, advance } = clocked();
    backoff.connected();
    expect(backoff.refused(CloseCode.Forbidden)).toBe(1_000);
    backoff.connected();
    expect(backoff.refused(CloseCode.Forbidden)).toBe(2_000);
    backoff.connected();
    advance(DEFAULT_BACKOFF.stableMs - 1);
    expect(backoff.refused(CloseCode.Forbidden)).toBe(4_000);
    backoff.connected();
    advance(DEFAULT_BACKOFF.stableMs);
    expect(backoff.refused(CloseCode.Forbidden)).toBe(1_000);
  });

  it('does not count a long wait without a connection as a stable period', () => {
    const { backoff, advance } = clocked();
    backoff.connected();
    backoff.refused(CloseCode.Forbidden);
    advance(10 * DEFAULT_BACKOFF.stableMs);
    expect(backoff.refused(CloseCode.Forbidden)).toBe(2_000);
  });

  it('knows which close codes are refusals', () => {
    for (const code of [4400, 4403, 4413, 4429]) expect(isRefusal(code)).toBe(true);
    for (const code of [1000, 1001, 1006, 1011, 4401, 4404]) expect(isRefusal(code)).toBe(false);
  });
});
