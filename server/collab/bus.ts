// Growth seam: the ROOM BUS, the one path by which a room's updates and awareness reach the
// sockets of that report. A room publishes every update it has stored and every awareness change;
// each room subscribed to the report — in this process or, with several processes, in another —
// delivers it to its own sockets (except the one it came from).
//
// In-process today (server/collab/in-process-bus.ts). Several server processes implement
// `RoomBus` on Redis pub/sub: a room then also applies messages published by other instances to its
// doc (without storing them again: the publishing instance stored them, which is why a message
// carries its `instanceId`). Publishing is fire-and-forget (a lost message is recovered from the
// report store, which holds every published update), so `publish` does not wait. Nothing that
// crosses this seam is a socket or a file.

export interface BusMessage {
  kind: 'update' | 'awareness';
  /** The Yjs update or the awareness update (not the framed WebSocket message). */
  payload: Uint8Array;
  /** Connection (or 'server') that produced it: it is not sent back there. */
  sourceId: string;
  /** Process that published it. */
  instanceId: string;
  /**
   * An update's sequence number in the report's total order, where the report store keeps one
   * (cluster mode: `SharedReportLog` of server/store/report-store.ts); absent in files.
   */
  seq?: number;
  /** The user who wrote an update, so other processes learn its client ids' binding. */
  userId?: string | null;
}

export type BusListener = (message: BusMessage) => void;

export interface RoomBus {
  /** This process, as named in the messages it publishes. */
  readonly instanceId: string;
  /** Hear every message published for the report (this process's too); returns the unsubscribe. */
  subscribe(reportId: string, listener: BusListener): () => void;
  /** Send `message` to every subscriber of the report. Only stored updates are published. */
  publish(reportId: string, message: BusMessage): void;
  /**
   * A bus between processes: resolves once what others publish for the report from now on reaches
   * this process (absent: at once), so a room reads what it missed before that from the store.
   */
  subscribed?(reportId: string): Promise<void>;
  /** A bus between processes: false while it cannot carry messages (rooms then poll the store). */
  readonly connected?: boolean;
  /**
   * A bus between processes: hear when another process is gone (it stopped beating), so rooms
   * drop the presence it relayed. Returns the function that stops listening.
   */
  onInstanceGone?(listener: (instanceId: string) => void): () => void;
}
