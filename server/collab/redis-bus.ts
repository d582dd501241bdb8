// The cluster room bus (server/collab/bus.ts) on Redis pub/sub: one channel per report. A message
// is delivered to this process's rooms at once (as the in-process bus does) and published to Redis
// for the others; what comes back from Redis with this process's own instance id is dropped.
// Redis carries fan-out only: it may lose messages (a restart, a slow subscriber), so updates carry
// their sequence numbers and a room that sees a gap reads the missing ones from PostgreSQL
// (server/collab/room-sequence.ts). Publishing never waits and never throws: while Redis is down
// the message is dropped, with one warning per outage. Each message carries when it was published,
// so the delay of other processes' messages is measured (`onLag`: the Redis lag metric).
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { createClient, type RedisClientType } from 'redis';
import { endRedisClient } from '../cluster/end-redis-client';
import type { Logger } from '../log';
import type { BusListener, BusMessage, RoomBus } from './bus';
import { InProcessBus } from './in-process-bus';
import { InstanceHeartbeats } from './instance-heartbeats';

const CHANNEL_PREFIX = 'dongsoan:room:';
const KINDS = ['update', 'awareness'] as const;
/** The longest a room waits for its Redis subscription before it opens anyway. */
const SUBSCRIBE_WAIT_MS = 2000;
/**
 * After a reconnection the bus still reports itself down for this long, so rooms keep polling
 * PostgreSQL while the subscriptions are renewed: a message published before a channel is
 * subscribed again is lost, and no later message may come to reveal the gap.
 */
const RECOVERY_MS = 2000;

export class RedisBus implements RoomBus {
  private readonly local: InProcessBus;
  /** Per report with subscribers: its Redis subscription, once confirmed. */
  private readonly subscriptions = new Map<string, Promise<void>>();
  private warnedDown = false;
  /** When a connection last became ready again after a loss (0: never lost). */
  private recoveredAt = 0;
  /** Started once the connections are up (open). */
  private heartbeats: InstanceHeartbeats | null = null;

  private constructor(
    readonly instanceId: string,
    private readonly publisher: RedisClientType,
    private readonly subscriber: RedisClientType,
    private readonly logger: Logger,
    private readonly onLag: (seconds: number) => void,
  ) {
    this.local = new InProcessBus(instanceId);
  }

  static async open(
    url: string,
    instanceId: string,
    logger: Logger,
    onLag: (seconds: number) => void = () => {},
  ): Promise<RedisBus> {
    const publisher = createClient({ url }) as RedisClientType;
    const subscriber = publisher.duplicate();
    const bus = new RedisBus(instanceId, publisher, subscriber, logger, onLag);
    for (const [name, client] of [
      ['publisher', publisher],
      ['subscriber', subscriber],
    ] as const) {
      // node-redis reconnects by itself; an unhandled 'error' event would end the process.
      client.on('error', (error: unknown) => bus.down(name, error));
      client.on('ready', () => bus.up());
      client.on('reconnecting', () => {
        bus.recoveredAt = Number.MAX_SAFE_INTEGER;
      });
    }
    await Promise.all([publisher.connect(), subscriber.connect()]);
    bus.heartbeats = await InstanceHeartbeats.start(instanceId, publisher, logger);
    return bus;
  }

  onInstanceGone(listener: (instanceId: string) => void): () => void {
    return this.heartbeats?.onGone(listener) ?? (() => {});
  }

  /** Whether both connections to Redis are up (rooms poll PostgreSQL while they are not). */
  get connected(): boolean {
    return this.publisher.isReady && this.subscriber.isReady && Date.now() - this.recoveredAt >= RECOVERY_MS;
  }

  subscribe(reportId: string, listener: BusListener): () => void {
    const first = !this.local.hasSubscribers(reportId);
    const unsubscribe = this.local.subscribe(reportId, listener);
    if (first) {
      const subscribed = this.subscriber
        .subscribe(CHANNEL_PREFIX + reportId, this.onRedisMessage, true)
        .catch((error) => {
          this.logger.warn(`bus: could not subscribe to ${reportId} in Redis`, error);
        });
      this.subscriptions.set(reportId, subscribed);
    }
    return () => {
      unsubscribe();
      if (this.local.hasSubscribers(reportId)) return;
      this.subscriptions.delete(reportId);
      this.subscriber.unsubscribe(CHANNEL_PREFIX + reportId, this.onRedisMessage, true).catch(() => {});
    };
  }

  async subscribed(reportId: string): Promise<void> {
    // While Redis is down the subscription waits for it; rooms poll PostgreSQL meanwhile, so a
    // report still opens.
    if (!this.subscriber.isReady) return;
    let timer: NodeJS.Timeout | undefined;
    const cap = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, SUBSCRIBE_WAIT_MS);
    });
    await Promise.race([this.subscriptions.get(reportId), cap]);
    clearTimeout(timer);
  }

  publish(reportId: string, message: BusMessage): void {
    this.local.publish(reportId, message);
    if (!this.publisher.isReady) return;
    const data = Buffer.from(encodeMessage(message, Date.now()));
    this.publisher.publish(CHANNEL_PREFIX + reportId, data).catch((error) => {
      this.down('publisher', error);
    });
  }

  async close(): Promise<void> {
    await this.heartbeats?.stop();
    await Promise.allSettled([endRedisClient(this.subscriber), endRedisClient(this.publisher)]);
  }

  private readonly onRedisMessage = (data: Buffer, channel: Buffer): void => {
    let message: BusMessage;
    let sentAt: number | null;
    try {
      ({ message, sentAt } = decodeTimedMessage(data));
    } catch (error) {
      this.logger.warn('bus: dropped a malformed message from Redis', error);
      return;
    }
    if (message.instanceId === this.instanceId) return;
    if (sentAt !== null) this.onLag((Date.now() - sentAt) / 1000);
    // Presence it relayed is dropped if it dies.
    if (message.kind === 'awareness') this.heartbeats?.watch(message.instanceId);
    this.local.publish(channel.toString().slice(CHANNEL_PREFIX.length), message);
  };

  private down(which: string, error: unknown): void {
    if (this.warnedDown) return;
    this.warnedDown = true;
    this.logger.warn(`bus: Redis ${which} unavailable; rooms catch up from PostgreSQL`, error);
  }

  private up(): void {
    if (this.recoveredAt !== 0) this.recoveredAt = Date.now();
    if (!this.warnedDown) return;
    this.warnedDown = false;
    this.logger.info('bus: Redis is back');
  }
}

/**
 * The wire form of a message; `sentAt` (ms since the epoch) goes last, so a process of an earlier
 * version, which stops reading after the payload, still reads the rest.
 */
export function encodeMessage(message: BusMessage, sentAt?: number): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, KINDS.indexOf(message.kind));
  encoding.writeVarString(encoder, message.sourceId);
  encoding.writeVarString(encoder, message.instanceId);
  encoding.writeVarUint(encoder, message.seq ?? 0);
  encoding.writeVarString(encoder, message.userId ?? '');
  encoding.writeVarUint8Array(encoder, message.payload);
  if (sentAt !== undefined) encoding.writeFloat64(encoder, sentAt);
  return encoding.toUint8Array(encoder);
}

export function decodeMessage(data: Uint8Array): BusMessage {
  return decodeTimedMessage(data).message;
}

/** A message and when it was published (null from a process that did not say). */
export function decodeTimedMessage(data: Uint8Array): { message: BusMessage; sentAt: number | null } {
  const decoder = decoding.createDecoder(data);
  const kind = KINDS[decoding.readVarUint(decoder)];
  if (!kind) throw new Error('unknown message kind');
  const sourceId = decoding.readVarString(decoder);
  const instanceId = decoding.readVarString(decoder);
  const seq = decoding.readVarUint(decoder);
  const userId = decoding.readVarString(decoder);
  const payload = decoding.readVarUint8Array(decoder);
  const sentAt = decoding.hasContent(decoder) ? decoding.readFloat64(decoder) : null;
  const message: BusMessage = {
    kind,
    sourceId,
    instanceId,
    payload,
    ...(seq > 0 ? { seq } : {}),
    ...(userId ? { userId } : {}),
  };
  return { message, sentAt };
}
