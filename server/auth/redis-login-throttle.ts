// The login throttle of a cluster: the same buckets and rules (login-throttle.ts, arithmetic in
// login-buckets.ts) kept in Redis, so a guesser spreading attempts over the processes behind a
// load balancer meets the same counters on each. A change is read, judged here, and written back
// with a compare-and-set script: if another process changed one of the three buckets meanwhile,
// the attempt is judged again on what it wrote. Each bucket expires once it has cooled (it then
// imposes nothing), which bounds Redis's memory without dropping a counter in force.
//
// Redis carries no truth, and logins must keep working while it is down: each process then throttles
// on its own counters in memory (as one process does), until Redis is back.
import type { RedisClientType } from 'redis';
import type { Logger } from '../log';
import {
  type AttemptBuckets,
  type Bucket,
  coolsAt,
  judgeAttempt,
  retryAfterSeconds,
  settleSuccess,
  type ThrottleRules,
} from './login-buckets';
import {
  bucketKeys,
  type LoginAttempt,
  type LoginKeys,
  type LoginThrottle,
  type LoginThrottleOptions,
  MemoryLoginThrottle,
  throttleRules,
} from './login-throttle';

const PREFIX = 'dongsoan:login:';
/** How often an attempt is judged again when other processes keep changing its buckets. */
const MAX_TRIES = 8;

/**
 * KEYS: the buckets; ARGV: their values as read ('' = absent), then the values to write ('' =
 * delete), then their expiries in ms. Writes only if every bucket still holds what was read.
 */
const COMPARE_AND_SET = `
local n = #KEYS
for i = 1, n do
  if (redis.call('GET', KEYS[i]) or '') ~= ARGV[i] then return 0 end
end
for i = 1, n do
  local value = ARGV[n + i]
  if value == '' then redis.call('DEL', KEYS[i])
  else redis.call('SET', KEYS[i], value, 'PX', ARGV[2 * n + i]) end
end
return 1`;

type Which = keyof AttemptBuckets;
const WHICH: readonly Which[] = ['pair', 'address', 'account'];

/** Another process changed a bucket between the read and the write more than MAX_TRIES times. */
class ThrottleContention extends Error {}

export class RedisLoginThrottle implements LoginThrottle {
  private readonly rules: ThrottleRules;
  private readonly clock: () => number;
  /** Used while Redis cannot be reached. */
  private readonly fallback: MemoryLoginThrottle;
  private warnedDown = false;

  constructor(
    private readonly redis: RedisClientType,
    private readonly logger: Logger,
    options: LoginThrottleOptions = {},
  ) {
    this.rules = throttleRules(options);
    this.clock = options.clock ?? Date.now;
    this.fallback = new MemoryLoginThrottle(options);
  }

  async attempt(keys: LoginKeys, now = this.clock()): Promise<LoginAttempt> {
    if (!this.redis.isReady) return this.onOwn(keys, now, null);
    const redisKeys = this.redisKeys(keys);
    try {
      let before: AttemptBuckets = {};
      const judged = await this.change(redisKeys, (current) => {
        before = current;
        const judgement = judgeAttempt(current, this.rules, now);
        return 'next' in judgement ? judgement.next : null;
      });
      if (!judged.written) {
        const { waitMs } = judgeAttempt(judged.read, this.rules, now);
        return { allowed: false, retryAfterSeconds: retryAfterSeconds(waitMs) };
      }
      this.warnedDown = false;
      let settled = false;
      return {
        allowed: true,
        succeeded: async () => {
          if (settled) return;
          settled = true;
          await this.change(redisKeys, (current) => settleSuccess(current, before, this.rules, now)).catch(
            (error) => this.logger.warn('login throttle: could not clear a successful login in Redis', error),
          );
        },
      };
    } catch (error) {
      return this.onOwn(keys, now, error);
    }
  }

  /** Judge on this process's own counters (Redis is down or too contended). */
  private onOwn(keys: LoginKeys, now: number, error: unknown): LoginAttempt {
    if (!this.warnedDown) {
      this.warnedDown = true;
      this.logger.warn('login throttle: Redis unavailable; throttling on this process’s own counters', error);
    }
    return this.fallback.attempt(keys, now);
  }

  private redisKeys(keys: LoginKeys): Record<Which, string> {
    const key = bucketKeys(keys);
    return {
      pair: `${PREFIX}pair:${key.pair}`,
      address: `${PREFIX}address:${key.address}`,
      account: `${PREFIX}account:${key.account}`,
    };
  }

  /**
   * Read the three buckets, compute their next values (null: leave them), write them if nobody
   * changed them meanwhile, else start again.
   */
  private async change(
    keys: Record<Which, string>,
    next: (current: AttemptBuckets) => AttemptBuckets | null,
  ): Promise<{ written: boolean; read: AttemptBuckets }> {
    const names = WHICH.map((which) => keys[which]);
    for (let tries = 0; tries < MAX_TRIES; tries++) {
      const raw = await this.redis.mGet(names);
      const read: AttemptBuckets = {};
      WHICH.forEach((which, i) => {
        if (raw[i]) read[which] = JSON.parse(raw[i] as string) as Bucket;
      });
      const after = next(read);
      if (!after) return { written: false, read };
      const now = this.clock();
      const values = WHICH.map((which) => (after[which] ? JSON.stringify(after[which]) : ''));
      const expiries = WHICH.map((which) => {
        const bucket = after[which];
        return String(bucket ? Math.max(1, Math.ceil(coolsAt(bucket, this.rules[which]) - now)) : 1);
      });
      const done = await this.redis.eval(COMPARE_AND_SET, {
        keys: names,
        arguments: [...raw.map((value) => value ?? ''), ...values, ...expiries],
      });
      if (done === 1) return { written: true, read };
    }
    throw new ThrottleContention('the login counters kept changing');
  }
}
