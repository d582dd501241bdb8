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
// IPv6 addresses count per /64 (one subscriber's block), IPv4 addresses singly. The arithmetic is
// in login-buckets.ts; here the buckets live in memory (one server process). A cluster keeps them in
// Redis (redis-login-throttle.ts), where each expires once it has cooled, so no table bound is needed.
import {
  type AttemptBuckets,
  type Bucket,
  type BucketRule,
  coolsAt,
  judgeAttempt,
  retryAfterSeconds,
  settleSuccess,
  type ThrottleRules,
} from './login-buckets';

export type { BucketRule } from './login-buckets';

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
      succeeded(): void | Promise<void>;
    };

export interface LoginThrottle {
  /**
   * Ask to try a login. An allowed attempt counts as a failure from this moment on, so parallel
   * guesses cannot all slip through before the first one is judged; `succeeded()` undoes that.
   */
  attempt(keys: LoginKeys, now?: number): LoginAttempt | Promise<LoginAttempt>;
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

/** The rules of `options` over the defaults. */
export function throttleRules(options: LoginThrottleOptions = {}): ThrottleRules {
  return {
    pair: { ...LOGIN_THROTTLE_DEFAULTS.pair, ...options.pair },
    address: { ...LOGIN_THROTTLE_DEFAULTS.address, ...options.address },
    account: { ...LOGIN_THROTTLE_DEFAULTS.account, ...options.account },
    trustMs: options.trustMs ?? LOGIN_THROTTLE_DEFAULTS.trustMs,
  };
}

/** The keys of an attempt's three buckets. */
export function bucketKeys(keys: LoginKeys): { pair: string; address: string; account: string } {
  const address = addressBucket(keys.address);
  return { pair: `${keys.username}\n${address}`, address, account: keys.username };
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

  /** Store a key's bucket (last in the map's order); undefined removes it. */
  set(key: string, bucket: Bucket | undefined): void {
    this.buckets.delete(key);
    if (bucket) this.buckets.set(key, bucket);
  }

  /** Milliseconds until a new key can get an entry (0 = room now). */
  roomIn(key: string, now: number): number {
    if (this.buckets.has(key) || this.buckets.size < this.maxKeys) return 0;
    let soonest = Number.POSITIVE_INFINITY;
    for (const [other, bucket] of this.buckets) {
      const coolsIn = coolsAt(bucket, this.rule) - now;
      if (coolsIn <= 0) {
        this.buckets.delete(other);
        return 0;
      }
      soonest = Math.min(soonest, coolsIn);
    }
    return soonest;
  }
}

export class MemoryLoginThrottle implements LoginThrottle {
  private readonly pairs: BucketTable;
  private readonly addresses: BucketTable;
  private readonly accounts: BucketTable;
  private readonly rules: ThrottleRules;
  private readonly clock: () => number;

  constructor(options: LoginThrottleOptions = {}) {
    const maxKeys = options.maxKeys ?? LOGIN_THROTTLE_DEFAULTS.maxKeys;
    this.rules = throttleRules(options);
    this.pairs = new BucketTable(this.rules.pair, maxKeys);
    this.addresses = new BucketTable(this.rules.address, maxKeys);
    this.accounts = new BucketTable(this.rules.account, maxKeys);
    this.clock = options.clock ?? Date.now;
  }

  attempt(keys: LoginKeys, now = this.clock()): LoginAttempt {
    const key = bucketKeys(keys);
    const before: AttemptBuckets = {
      pair: this.pairs.get(key.pair),
      address: this.addresses.get(key.address),
      account: this.accounts.get(key.account),
    };
    const judgement = judgeAttempt(before, this.rules, now);
    const waitMs = Math.max(
      judgement.waitMs,
      this.pairs.roomIn(key.pair, now),
      this.addresses.roomIn(key.address, now),
      this.accounts.roomIn(key.account, now),
    );
    if (waitMs > 0 || !('next' in judgement))
      return { allowed: false, retryAfterSeconds: retryAfterSeconds(waitMs) };

    this.pairs.set(key.pair, judgement.next.pair);
    this.addresses.set(key.address, judgement.next.address);
    this.accounts.set(key.account, judgement.next.account);
    let settled = false;
    return {
      allowed: true,
      succeeded: () => {
        if (settled) return;
        settled = true;
        const current = {
          address: this.addresses.get(key.address),
          account: this.accounts.get(key.account),
        };
        const after = settleSuccess(current, before, this.rules, now);
        this.pairs.set(key.pair, after.pair);
        this.addresses.set(key.address, after.address);
        this.accounts.set(key.account, after.account);
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
