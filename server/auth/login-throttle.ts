// Login throttling: after `maxFailures` failed attempts for one username or one client address
// within `windowMs`, further attempts are refused until the oldest failure leaves the window.
// State lives in memory (one server process; a multi-process deployment would put the same
// interface on Redis). Keys are bounded: expired windows are pruned and, past `maxKeys`, the least
// recently touched key is dropped.

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
      /** The credentials were right: clear the username's failures and take this attempt back. */
      succeeded(): void;
    };

export interface LoginThrottle {
  /**
   * Ask to try a login. An allowed attempt counts as a failure from this moment on, so parallel
   * guesses cannot all slip through before the first one is judged; `succeeded()` undoes that.
   */
  attempt(keys: LoginKeys, now?: number): LoginAttempt;
}

export interface LoginThrottleOptions {
  maxFailures?: number;
  windowMs?: number;
  /** Most keys (usernames + addresses) kept at once. */
  maxKeys?: number;
}

export const LOGIN_THROTTLE_DEFAULTS = {
  maxFailures: 5,
  windowMs: 15 * 60 * 1000,
  maxKeys: 10_000,
} as const;

export class MemoryLoginThrottle implements LoginThrottle {
  private readonly maxFailures: number;
  private readonly windowMs: number;
  private readonly maxKeys: number;
  /** key → failure times (ascending), at most maxFailures of them. Map order = least recent first. */
  private readonly failures = new Map<string, number[]>();

  constructor(options: LoginThrottleOptions = {}) {
    this.maxFailures = options.maxFailures ?? LOGIN_THROTTLE_DEFAULTS.maxFailures;
    this.windowMs = options.windowMs ?? LOGIN_THROTTLE_DEFAULTS.windowMs;
    this.maxKeys = options.maxKeys ?? LOGIN_THROTTLE_DEFAULTS.maxKeys;
  }

  attempt(keys: LoginKeys, now = Date.now()): LoginAttempt {
    const userKey = `u:${keys.username}`;
    const addressKey = `a:${keys.address}`;
    const waitMs = Math.max(this.blockedFor(userKey, now), this.blockedFor(addressKey, now));
    if (waitMs > 0) return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)) };

    this.record(userKey, now);
    this.record(addressKey, now);
    let settled = false;
    return {
      allowed: true,
      succeeded: () => {
        if (settled) return;
        settled = true;
        this.failures.delete(userKey);
        // The address keeps its other failures: one valid account must not let an address go on
        // guessing the passwords of others.
        this.forget(addressKey, now);
      },
    };
  }

  /** Number of keys held (for tests of the bound). */
  get size(): number {
    return this.failures.size;
  }

  private live(key: string, now: number): number[] {
    const times = this.failures.get(key);
    if (!times) return [];
    const fresh = times.filter((time) => time > now - this.windowMs);
    if (fresh.length === 0) this.failures.delete(key);
    else if (fresh.length !== times.length) this.failures.set(key, fresh);
    return fresh;
  }

  private blockedFor(key: string, now: number): number {
    const times = this.live(key, now);
    if (times.length < this.maxFailures) return 0;
    // Allowed again once the oldest failure that still counts leaves the window.
    return times[times.length - this.maxFailures] + this.windowMs - now;
  }

  private record(key: string, now: number): void {
    const times = this.live(key, now);
    this.failures.delete(key);
    this.failures.set(key, [...times, now].slice(-this.maxFailures));
    this.enforceBound(now);
  }

  private forget(key: string, at: number): void {
    const times = this.failures.get(key);
    if (!times) return;
    const index = times.lastIndexOf(at);
    if (index >= 0) times.splice(index, 1);
    if (times.length === 0) this.failures.delete(key);
  }

  private enforceBound(now: number): void {
    if (this.failures.size <= this.maxKeys) return;
    for (const key of [...this.failures.keys()]) this.live(key, now);
    for (const key of this.failures.keys()) {
      if (this.failures.size <= this.maxKeys) break;
      this.failures.delete(key);
    }
  }
}
