// The embedded room bus (server/collab/bus.ts): one process, listeners called synchronously.
// The Redis bus (redis-bus.ts) delivers to this process's rooms through one of these too.
import type { BusListener, BusMessage, RoomBus } from './bus';

export class InProcessBus implements RoomBus {
  private readonly topics = new Map<string, Set<BusListener>>();

  constructor(readonly instanceId = `local-${process.pid}`) {}

  subscribe(reportId: string, listener: BusListener): () => void {
    let listeners = this.topics.get(reportId);
    if (!listeners) {
      listeners = new Set();
      this.topics.set(reportId, listeners);
    }
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
      if (listeners.size === 0) this.topics.delete(reportId);
    };
  }

  publish(reportId: string, message: BusMessage): void {
    for (const listener of this.topics.get(reportId) ?? []) listener(message);
  }

  /** Whether any listener hears the report. */
  hasSubscribers(reportId: string): boolean {
    return this.topics.has(reportId);
  }
}
