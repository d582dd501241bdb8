// The arithmetic of the login throttle's leaky buckets (rules at the top of login-throttle.ts), on
// plain values: whichever holds the buckets — memory in one process (MemoryLoginThrottle), Redis in
// a cluster (redis-login-throttle.ts) — judges an attempt and settles a success with these.

/** One bucket's rule: `free` failures per `windowMs`, then waits of base · 2^excess up to maxDelayMs. */
export interface BucketRule {
  free: number;
  windowMs: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

export interface Bucket {
  /** Failures in the bucket at `at` (leaks `free` per window from then on). */
  level: number;
  /** Time of the last failure. */
  at: number;
  /** Pairs only: exempt from the account counter until then. */
  trustedUntil?: number;
}

export interface ThrottleRules {
  pair: BucketRule;
  address: BucketRule;
  account: BucketRule;
  trustMs: number;
}

/** The three buckets an attempt is judged by (absent: empty). */
export interface AttemptBuckets {
  pair?: Bucket;
  address?: Bucket;
  account?: Bucket;
}

export function levelAt(bucket: Bucket, rule: BucketRule, now: number): number {
  const leaked = ((now - bucket.at) * rule.free) / rule.windowMs;
  return Math.max(0, bucket.level - leaked);
}

/** Milliseconds until this bucket lets an attempt through (0 = now). */
export function waitFor(bucket: Bucket | undefined, rule: BucketRule, now: number): number {
  if (!bucket) return 0;
  // Counted in whole failures: leaks between quick failures must not shave a doubling off.
  const excess = Math.round(bucket.level) - rule.free;
  if (excess < 0) return 0;
  const delay = Math.min(rule.maxDelayMs, rule.baseDelayMs * 2 ** excess);
  return Math.max(0, bucket.at + delay - now);
}

/** When the bucket has leaked empty and (for a trusted pair) trust has ended. */
export function coolsAt(bucket: Bucket, rule: BucketRule): number {
  const empty = bucket.at + (bucket.level * rule.windowMs) / rule.free;
  return Math.max(empty, bucket.trustedUntil ?? 0);
}

/** The bucket after one more failure at `now`. */
export function failed(before: Bucket | undefined, rule: BucketRule, now: number): Bucket {
  const level = before ? levelAt(before, rule, now) : 0;
  return { level: level + 1, at: now, trustedUntil: before?.trustedUntil };
}

/**
 * Undo a failure made at `at` whose earlier state was `before`; later failures stay counted.
 * Undefined: the bucket is empty and untrusted, nothing to keep.
 */
export function undone(
  current: Bucket | undefined,
  rule: BucketRule,
  at: number,
  before: Bucket | undefined,
): Bucket | undefined {
  if (!current) return undefined;
  const bucket = { ...current, level: Math.max(0, current.level - 1) };
  // Nothing else failed since: back to exactly the earlier state (its time included).
  if (before && bucket.at === at && bucket.level <= levelAt(before, rule, at) + 1e-9) {
    bucket.level = before.level;
    bucket.at = before.at;
  }
  return bucket.level === 0 && bucket.trustedUntil === undefined ? undefined : bucket;
}

export type AttemptJudgement = { waitMs: number } | { waitMs: 0; next: Required<AttemptBuckets> };

/**
 * Judge an attempt: the wait, or the three buckets after counting it as a failure (a pair trusted
 * now is exempt from the account's wait, not from its count).
 */
export function judgeAttempt(buckets: AttemptBuckets, rules: ThrottleRules, now: number): AttemptJudgement {
  const trusted = (buckets.pair?.trustedUntil ?? 0) > now;
  const waitMs = Math.max(
    waitFor(buckets.pair, rules.pair, now),
    waitFor(buckets.address, rules.address, now),
    trusted ? 0 : waitFor(buckets.account, rules.account, now),
  );
  if (waitMs > 0) return { waitMs };
  return {
    waitMs: 0,
    next: {
      pair: failed(buckets.pair, rules.pair, now),
      address: failed(buckets.address, rules.address, now),
      account: failed(buckets.account, rules.account, now),
    },
  };
}

/**
 * The buckets after the attempt made at `at` (with buckets `before`) turned out right: the pair is
 * cleared and trusted; the address and the account keep their other failures — one valid login
 * must not let an address go on guessing other accounts, nor wipe what a spread-out guesser did.
 */
export function settleSuccess(
  current: AttemptBuckets,
  before: AttemptBuckets,
  rules: ThrottleRules,
  at: number,
): AttemptBuckets {
  return {
    pair: { level: 0, at: 0, trustedUntil: at + rules.trustMs },
    address: undone(current.address, rules.address, at, before.address),
    account: undone(current.account, rules.account, at, before.account),
  };
}

/** Seconds a refused attempt is told to wait. */
export function retryAfterSeconds(waitMs: number): number {
  return Math.max(1, Math.ceil(waitMs / 1000));
}
