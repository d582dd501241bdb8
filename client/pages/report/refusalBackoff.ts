// How long the report page waits before it connects again after the server closed its socket on
// purpose (a refused, too large or malformed update, or too many sockets). Without a wait, a
// client whose every connection is refused reconnects as fast as the network allows, forever
// (issue: ten refusals a second per tab). Pure: the clock is injected, so it is tested on numbers.
import { CloseCode } from '../../../shared/protocol';

export interface BackoffPolicy {
  /** The wait after the first refusal. */
  firstDelayMs: number;
  /** The first wait after 4429 (too many sockets): never at once, the other sockets must close first. */
  tooManyFirstDelayMs: number;
  /** Waits double up to this. */
  maxDelayMs: number;
  /** A connection that lived this long without a refusal starts the count again. */
  stableMs: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = {
  firstDelayMs: 1_000,
  tooManyFirstDelayMs: 10_000,
  maxDelayMs: 60_000,
  stableMs: 60_000,
};

/** Close codes by which the server refused something this client sent or opened. */
export const REFUSAL_CODES: readonly number[] = [
  CloseCode.Malformed,
  CloseCode.Forbidden,
  CloseCode.TooLarge,
  CloseCode.TooMany,
];

export function isRefusal(code: number): boolean {
  return REFUSAL_CODES.includes(code);
}

export class RefusalBackoff {
  /** Refusals since the last stable connection. */
  private refusals = 0;
  /** When the current connection opened; null while not connected. */
  private connectedAt: number | null = null;

  constructor(
    private readonly now: () => number,
    private readonly policy: BackoffPolicy = DEFAULT_BACKOFF,
  ) {}

  /** A connection opened. */
  connected(): void {
    this.connectedAt = this.now();
  }

  /** The server closed with refusal `code`: how long to wait before connecting again (ms). */
  refused(code: number): number {
    if (this.connectedAt !== null && this.now() - this.connectedAt >= this.policy.stableMs) this.refusals = 0;
    this.connectedAt = null;
    const first = code === CloseCode.TooMany ? this.policy.tooManyFirstDelayMs : this.policy.firstDelayMs;
    const delay = Math.min(first * 2 ** this.refusals, this.policy.maxDelayMs);
    this.refusals++;
    return delay;
  }
}
