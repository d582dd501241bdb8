// Login throttling without lockout: failed attempts slow further attempts down, they never lock an
// account. Three counters are kept, each a leaky bucket of failures:
//
//   pair     (username, address)  5 free failures per hour, then the wait doubles per failure
//                                 (1 s, 2 s, 4 s, … up to 15 min). Guesses from one place slow down
//                                 exponentially; nobody else is affected.
//   address  (across usernames)   300 free failures per 15 min: an office behind one NAT does not
//                                 notice it, one machine spraying passwords over many accounts does.
//   account  (across addresses)   50 free failures per hour, then doubling waits up to 5 min, which
//                                 slows a guesser spread over many addresses. A pair that logged in
//                                 successfully within the last 30 days is exempt from this counter
//                                 (the account holder's usual place keeps working during such an
//                                 attack); the other two still apply to it.
//
// A bucket leaks its free allowance per window (the pair's 5 per hour: one every 12 min), so the
// long-run rate of guesses is the free allowance and bursts pay exponentially. The wait after a
// failure is `base · 2^(level − free)` from that failure's time, `level` being the bucket's content
// then, rounded to whole failures. A refused attempt (429) changes nothing; an attempt that is let through counts as a failure
// at once (parallel guesses cannot all slip through before the first is judged) and `succeeded()`
// takes it back and clears the pair.
//
// Memory stays bounded without letting an attacker reset a counter: each table holds at most
// `maxKeys` entries, and only a cold entry (its bucket leaked empty, so it imposes nothing) is ever
// dropped; a trusted pair with an empty bucket is cold too and loses its trust when dropped. When a
// table is full of hot entries, an attempt that would need a new entry is refused until the
// soonest entry cools. Filling a table takes `maxKeys` failures within a few minutes, which the
// address ceiling spreads over hundreds of addresses; under such a flood new places wait, while
// every counter already held keeps its count.
//
// IPv6 addresses count per /64 (one subscriber's block), IPv4 addresses singly. State lives in
// memory (one server process); a multi-process deployment would put the same interface on a
// shared store.

export interface LoginKeys {
  /** The username as typed (normalised by the caller), known or not. */
  username: string;
  /** The client address, or a fallback label when it cannot be known. */
  address: string;
}

export type LoginAttempt =
  | { allowed: false; retryAfterSeconds: number }
  | {
      allowed: true;
      /** The credentials were right: take this attempt back, clear the pair and trust it. */
      succeeded(): void;
    };

export interface LoginThrottle {
  /**
   * Ask to try a login. An allowed attempt counts as a failure from this moment on, so parallel
   * guesses cannot all slip through before the first one is judged; `succeeded()` undoes that.
   */
  attempt(keys: LoginKeys, now?: number): LoginAttempt;
}

/** One bucket's rule: `free` failures per `windowMs`, then waits of base · 2^excess up to maxDelayMs. */
export interface BucketRule {
  free: number;
  windowMs: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

export interface LoginThrottleOptions {
  pair?: Partial<BucketRule>;
  address?: Partial<BucketRule>;
  account?: Partial<BucketRule>;
  /** How long a successful pair stays exempt from the account counter. */
  trustMs?: number;
  /** Most entries per table (pairs, addresses, accounts). */
  maxKeys?: number;
  /** The clock `attempt` uses when not given a time (tests inject one). */
  clock?: () => number;
}

const MINUTE = 60_000;

export const LOGIN_THROTTLE_DEFAULTS = {
  pair: { free: 5, windowMs: 60 * MINUTE, baseDelayMs: 1000, maxDelayMs: 15 * MINUTE },
  address: { free: 300, windowMs: 15 * MINUTE, baseDelayMs: 1000, maxDelayMs: 15 * MINUTE },
  account: { free: 50, windowMs: 60 * MINUTE, baseDelayMs: 1000, maxDelayMs: 5 * MINUTE },
  trustMs: 30 * 24 * 60 * MINUTE,
  maxKeys: 50_000,
} as const;

interface Bucket {
  /** Failures in the bucket at `at` (leaks `free` per window from then on). */
  level: number;
  /** Time of the last failure. */
  at: number;
  /** Pairs only: exempt from the account counter until then. */
  trustedUntil?: number;
}

/** A table of buckets under one rule, bounded without ever dropping a hot bucket. */
class BucketTable {
  /** Map order: least recently failed first (an entry is re-inserted on each failure). */
  private readonly buckets = new Map<string, Bucket>();

  constructor(
    readonly rule: BucketRule,
    private readonly maxKeys: number,
  ) {}

  get size(): number {
    return this.buckets.size;
  }

  get(key: string): Bucket | undefined {
    return this.buckets.get(key);
  }

  /** Milliseconds until this key may try again (0 = now). */
  waitFor(key: string, now: number): number {
    const bucket = this.buckets.get(key);
    if (!bucket) return 0;
    // Counted in whole failures: leaks between quick failures must not shave a doubling off.
    const excess = Math.round(bucket.level) - this.rule.free;
    if (excess < 0) return 0;
    const delay = Math.min(this.rule.maxDelayMs, this.rule.baseDelayMs * 2 ** excess);
    return Math.max(0, bucket.at + delay - now);
  }

  /** Milliseconds until a new key can get an entry (0 = room now). */
  roomIn(key: string, now: number): number {
    if (this.buckets.has(key) || this.buckets.size < this.maxKeys) return 0;
    let soonest = Number.POSITIVE_INFINITY;
    for (const [other, bucket] of this.buckets) {
      const coolsIn = this.coolsAt(bucket) - now;
      if (coolsIn <= 0) {
        this.buckets.delete(other);
        return 0;
      }
      soonest = Math.min(soonest, coolsIn);
    }
    return soonest;
  }

  /** Add one failure (the caller checked `roomIn` first). Returns the state to restore on success. */
  fail(key: string, now: number): Bucket | undefined {
    const before = this.buckets.get(key);
    const level = before ? this.levelAt(before, now) : 0;
    this.buckets.delete(key);
    this.buckets.set(key, { level: level + 1, at: now, trustedUntil: before?.trustedUntil });
    return before && { ...before };
  }

  /** Undo a `fail` made at `at` whose earlier state was `before`; later failures stay counted. */
  undo(key: string, at: number, before: Bucket | undefined): void {
    const bucket = this.buckets.get(key);
    if (!bucket) return;
    bucket.level = Math.max(0, bucket.level - 1);
    // Nothing else failed since: back to exactly the earlier state (its time included).
    if (before && bucket.at === at && bucket.level <= this.levelAt(before, at) + 1e-9) {
      bucket.level = before.level;
      bucket.at = before.at;
    }
    if (bucket.level === 0 && bucket.trustedUntil === undefined) this.buckets.delete(key);
  }

  /** Empty a key's bucket; with `trustedUntil`, keep it as a trusted entry. */
  clear(key: string, trustedUntil?: number): void {
    this.buckets.delete(key);
    if (trustedUntil !== undefined) this.buckets.set(key, { level: 0, at: 0, trustedUntil });
  }

  private levelAt(bucket: Bucket, now: number): number {
    const leaked = ((now - bucket.at) * this.rule.free) / this.rule.windowMs;
    return Math.max(0, bucket.level - leaked);
  }

  /** When the bucket has leaked empty and (for a trusted pair) trust has ended. */
  private coolsAt(bucket: Bucket): number {
    const empty = bucket.at + (bucket.level * this.rule.windowMs) / this.rule.free;
    return Math.max(empty, bucket.trustedUntil ?? 0);
  }
}

const rule = (defaults: BucketRule, given: Partial<BucketRule> = {}): BucketRule => ({
  ...defaults,
  ...given,
});

export class MemoryLoginThrottle implements LoginThrottle {
  private readonly pairs: BucketTable;
  private readonly addresses: BucketTable;
  private readonly accounts: BucketTable;
  private readonly trustMs: number;
  private readonly clock: () => number;

  constructor(options: LoginThrottleOptions = {}) {
    const maxKeys = options.maxKeys ?? LOGIN_THROTTLE_DEFAULTS.maxKeys;
    this.pairs = new BucketTable(rule(LOGIN_THROTTLE_DEFAULTS.pair, options.pair), maxKeys);
    this.addresses = new BucketTable(rule(LOGIN_THROTTLE_DEFAULTS.address, options.address), maxKeys);
    this.accounts = new BucketTable(rule(LOGIN_THROTTLE_DEFAULTS.account, options.account), maxKeys);
    this.trustMs = options.trustMs ?? LOGIN_THROTTLE_DEFAULTS.trustMs;
    this.clock = options.clock ?? Date.now;
  }

  attempt(keys: LoginKeys, now = this.clock()): LoginAttempt {
    const pairKey = `${keys.username}\n${addressBucket(keys.address)}`;
    const addressKey = addressBucket(keys.address);
    const accountKey = keys.username;
    const trusted = (this.pairs.get(pairKey)?.trustedUntil ?? 0) > now;

    const waitMs = Math.max(
      this.pairs.waitFor(pairKey, now),
      this.addresses.waitFor(addressKey, now),
      trusted ? 0 : this.accounts.waitFor(accountKey, now),
      this.pairs.roomIn(pairKey, now),
      this.addresses.roomIn(addressKey, now),
      this.accounts.roomIn(accountKey, now),
    );
    if (waitMs > 0) return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)) };

    this.pairs.fail(pairKey, now);
    const addressBefore = this.addresses.fail(addressKey, now);
    const accountBefore = this.accounts.fail(accountKey, now);
    let settled = false;
    return {
      allowed: true,
      succeeded: () => {
        if (settled) return;
        settled = true;
        this.pairs.clear(pairKey, now + this.trustMs);
        // The address and the account keep their other failures: one valid login must not let an
        // address go on guessing other accounts, nor wipe what a spread-out guesser has done.
        this.addresses.undo(addressKey, now, addressBefore);
        this.accounts.undo(accountKey, now, accountBefore);
      },
    };
  }

  /** Entries held per table (for tests of the bound). */
  get sizes(): { pairs: number; addresses: number; accounts: number } {
    return { pairs: this.pairs.size, addresses: this.addresses.size, accounts: this.accounts.size };
  }
}

/** The unit an address counts as: an IPv4 address, or the /64 block of an IPv6 address. */
export function addressBucket(address: string): string {
  if (!address.includes(':')) return address;
  const [head, tail = ''] = address.toLowerCase().split('%')[0].split('::');
  const front = head ? head.split(':') : [];
  const back = address.includes('::') && tail ? tail.split(':') : [];
  const groups = address.includes('::')
    ? [...front, ...Array(Math.max(0, 8 - front.length - back.length)).fill('0'), ...back]
    : front;
  if (groups.length !== 8) return address;
  return `${groups
    .slice(0, 4)
    .map((group) => group.replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}
