// Live delivery of inbox changes to the user's open streams (GET /api/notifications/stream). In
// one process a map of listeners; in a cluster a `FeedRelay` also sends each message to the other
// processes (server/cluster/cluster-feed.ts), which `deliver` it to the streams open there.
import type { Notification } from '../../shared/notifications';

/** What an open stream is told: a new notification, or the unread count after a read mark. */
export type FeedMessage =
  | { type: 'notification'; notification: Notification }
  | { type: 'read'; unread: number };

export type FeedListener = (message: FeedMessage) => void;

/** Carries a message published here to the other processes of a cluster. */
export interface FeedRelay {
  send(userId: string, message: FeedMessage): void;
}

export class NotificationFeed {
  private readonly listeners = new Map<string, Set<FeedListener>>();

  constructor(private readonly relay: FeedRelay | null = null) {}

  /** Listen to `userId`'s inbox changes; returns the function that stops listening. */
  subscribe(userId: string, listener: FeedListener): () => void {
    let set = this.listeners.get(userId);
    if (!set) {
      set = new Set();
      this.listeners.set(userId, set);
    }
    set.add(listener);
    return () => {
      set.delete(listener);
      if (set.size === 0 && this.listeners.get(userId) === set) this.listeners.delete(userId);
    };
  }

  /** Tell `userId`'s streams, here and on the other processes. */
  publish(userId: string, message: FeedMessage): void {
    this.deliver(userId, message);
    this.relay?.send(userId, message);
  }

  /** Tell `userId`'s streams open on this process (a message another process published). */
  deliver(userId: string, message: FeedMessage): void {
    for (const listener of this.listeners.get(userId) ?? []) listener(message);
  }

  /** How many streams `userId` has open (tests wait for a stream to be listening). */
  listenerCount(userId: string): number {
    return this.listeners.get(userId)?.size ?? 0;
  }
}
