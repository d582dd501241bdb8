// Instance heartbeats in Redis, so the processes of a cluster notice one that died (kill -9, a lost
// machine) and drop the presence it relayed: without them the cursors of its users would stay on
// every other screen until the clients' own 30 s timeout. Each process renews a key with a short
// expiry every second; a process checks the keys of the instances whose presence it holds, and an
// instance whose key is missing at two checks in a row is gone (one miss may be a Redis restart,
// which keeps nothing, racing the next renewal). While Redis is down nobody is declared gone.
import type { RedisClientType } from 'redis';
import type { Logger } from '../log';

const KEY_PREFIX = 'dongsoan:instance:';
export const HEARTBEAT_MS = 1000;
/** A key outlives two missed renewals. */
export const HEARTBEAT_TTL_MS = 2500;
const MISSES_TO_BE_GONE = 2;

export type InstanceGoneListener = (instanceId: string) => void;

export class InstanceHeartbeats {
  /** Other instances whose presence this process holds, with their consecutive misses. */
  private readonly watched = new Map<string, number>();
  private readonly listeners = new Set<InstanceGoneListener>();
  private readonly timer: NodeJS.Timeout;
  private ticking = false;

  private constructor(
    private readonly instanceId: string,
    private readonly redis: RedisClientType,
    private readonly logger: Logger,
  ) {
    this.timer = setInterval(() => void this.tick(), HEARTBEAT_MS);
    this.timer.unref();
  }

  /** Start beating (the first beat is written before this resolves). */
  static async start(
    instanceId: string,
    redis: RedisClientType,
    logger: Logger,
  ): Promise<InstanceHeartbeats> {
    const heartbeats = new InstanceHeartbeats(instanceId, redis, logger);
    await heartbeats.beat();
    return heartbeats;
  }

  /** Watch an instance this process heard presence from. */
  watch(instanceId: string): void {
    if (instanceId !== this.instanceId && !this.watched.has(instanceId)) this.watched.set(instanceId, 0);
  }

  onGone(listener: InstanceGoneListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Stop beating and remove this instance's key, so the others drop its presence at once. */
  async stop(): Promise<void> {
    clearInterval(this.timer);
    if (this.redis.isReady) await this.redis.del(KEY_PREFIX + this.instanceId).catch(() => {});
  }

  private beat(): Promise<unknown> {
    return this.redis.set(KEY_PREFIX + this.instanceId, String(Date.now()), { PX: HEARTBEAT_TTL_MS });
  }

  private async tick(): Promise<void> {
    if (this.ticking || !this.redis.isReady) return;
    this.ticking = true;
    try {
      await this.beat();
      const ids = [...this.watched.keys()];
      if (ids.length === 0) return;
      const beats = await this.redis.mGet(ids.map((id) => KEY_PREFIX + id));
      ids.forEach((id, i) => {
        if (beats[i] !== null) {
          this.watched.set(id, 0);
          return;
        }
        const misses = (this.watched.get(id) ?? 0) + 1;
        if (misses < MISSES_TO_BE_GONE) {
          this.watched.set(id, misses);
          return;
        }
        this.watched.delete(id);
        this.logger.warn(`bus: instance ${id} stopped beating; dropping the presence it relayed`);
        for (const listener of this.listeners) listener(id);
      });
    } catch {
      // Redis went down mid-check: the bus warns about that; nobody is declared gone.
    } finally {
      this.ticking = false;
    }
  }
}
