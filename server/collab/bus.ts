// The one seam through which a room's updates and awareness reach the sockets of that report.
// In-process today. Several server processes would implement `RoomBus` on Redis pub/sub (as
// Hocuspocus's Redis extension and y-redis do): a room would then also apply messages published
// by other instances to its doc (without storing them again, the publishing instance stored them).

export interface BusMessage {
  kind: 'update' | 'awareness';
  /** The Yjs update or the awareness update (not the framed WebSocket message). */
  payload: Uint8Array;
  /** Connection (or 'server') that produced it: it is not sent back there. */
  sourceId: string;
  /** Process that published it. */
  instanceId: string;
}

export type BusListener = (message: BusMessage) => void;

export interface RoomBus {
  readonly instanceId: string;
  subscribe(reportId: string, listener: BusListener): () => void;
  publish(reportId: string, message: BusMessage): void;
}

export class InProcessBus implements RoomBus {
  readonly instanceId = `local-${process.pid}`;
  private readonly topics = new Map<string, Set<BusListener>>();

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
}
