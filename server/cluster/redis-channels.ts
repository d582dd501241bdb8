// Control messages between the processes of a cluster, over Redis pub/sub: small JSON messages on
// named channels (close a user's sockets, a notification for a user's open streams). Like the room
// bus (server/collab/redis-bus.ts), Redis carries fan-out only: a message lost while Redis is down
// is lost — each use says why that is acceptable. A message reaches the OTHER processes: the one
// that publishes it acts on it itself, at once.
import { createClient, type RedisClientType } from 'redis';
import type { Logger } from '../log';
import { endRedisClient } from './end-redis-client';

const PREFIX = 'dongsoan:control:';

export type ChannelListener = (message: unknown) => void;

interface Envelope {
  instanceId: string;
  message: unknown;
}

export class RedisChannels {
  private readonly listeners = new Map<string, Set<ChannelListener>>();
  private warnedDown = false;

  private constructor(
    readonly instanceId: string,
    private readonly publisher: RedisClientType,
    private readonly subscriber: RedisClientType,
    private readonly logger: Logger,
  ) {}

  static async open(url: string, instanceId: string, logger: Logger): Promise<RedisChannels> {
    const publisher = createClient({ url }) as RedisClientType;
    const subscriber = publisher.duplicate();
    const channels = new RedisChannels(instanceId, publisher, subscriber, logger);
    for (const client of [publisher, subscriber]) {
      // node-redis reconnects by itself; an unhandled 'error' event would end the process.
      client.on('error', (error: unknown) => channels.down(error));
      client.on('ready', () => {
        channels.warnedDown = false;
      });
    }
    await Promise.all([publisher.connect(), subscriber.connect()]);
    return channels;
  }

  /** The connection commands go through (instance heartbeats, the login throttle's counters). */
  get commands(): RedisClientType {
    return this.publisher;
  }

  /** Hear the messages other processes publish on `channel`; resolves once Redis delivers them. */
  async listen(channel: string, listener: ChannelListener): Promise<void> {
    let set = this.listeners.get(channel);
    if (!set) {
      set = new Set();
      this.listeners.set(channel, set);
      await this.subscriber.subscribe(PREFIX + channel, (data) => this.onRedisMessage(channel, data));
    }
    set.add(listener);
  }

  /** Send `message` to the other processes (never waits, never throws; dropped while Redis is down). */
  publish(channel: string, message: unknown): void {
    if (!this.publisher.isReady) return;
    const envelope: Envelope = { instanceId: this.instanceId, message };
    this.publisher.publish(PREFIX + channel, JSON.stringify(envelope)).catch((error) => this.down(error));
  }

  async close(): Promise<void> {
    await Promise.allSettled([endRedisClient(this.subscriber), endRedisClient(this.publisher)]);
  }

  private onRedisMessage(channel: string, data: string): void {
    let envelope: Envelope;
    try {
      envelope = JSON.parse(data) as Envelope;
    } catch (error) {
      this.logger.warn(`control: dropped a malformed message on ${channel}`, error);
      return;
    }
    if (envelope?.instanceId === this.instanceId) return;
    this.deliver(channel, envelope?.message);
  }

  private deliver(channel: string, message: unknown): void {
    for (const listener of this.listeners.get(channel) ?? []) {
      try {
        listener(message);
      } catch (error) {
        this.logger.error(`control: a listener of ${channel} failed`, error);
      }
    }
  }

  private down(error: unknown): void {
    if (this.warnedDown) return;
    this.warnedDown = true;
    this.logger.warn(
      'control: Redis unavailable; control messages are not delivered to other processes',
      error,
    );
  }
}
