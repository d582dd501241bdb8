// Stock y-websocket clients (the same WebsocketProvider the browser uses) for tests in Node.
import { WebSocket } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';

export interface CloseInfo {
  code: number;
  reason: string;
}

export interface TestClient {
  doc: Y.Doc;
  provider: WebsocketProvider;
  /** Resolves once the first sync with the server completed. Write only after it. */
  synced: Promise<void>;
  /** Resolves with the first close code the server sent. */
  closed: Promise<CloseInfo>;
  destroy(): void;
}

export interface ConnectOptions {
  /** Presence state to announce (y-websocket sends it on connect). */
  user?: Record<string, unknown>;
  /** Keep reconnecting after a close (default: the provider's own rule). */
  shouldReconnect?: boolean;
}

/** Connect a stock WebsocketProvider to `wsUrl` (ws://host:port/collab) for one report. */
export function connectClient(
  wsUrl: string,
  reportId: string,
  token: string,
  options: ConnectOptions = {},
): TestClient {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(wsUrl, reportId, doc, {
    params: { token },
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    // Providers in one process would otherwise sync through an in-memory BroadcastChannel,
    // bypassing the server under test.
    disableBc: true,
    maxBackoffTime: 500,
    ...(options.shouldReconnect === false ? { shouldReconnect: () => false } : {}),
  });
  if (options.user) provider.awareness.setLocalStateField('user', options.user);
  const synced = new Promise<void>((resolve) => {
    if (provider.synced) resolve();
    const onSync = (isSynced: boolean) => {
      if (!isSynced) return;
      provider.off('sync', onSync);
      resolve();
    };
    provider.on('sync', onSync);
  });
  const closed = new Promise<CloseInfo>((resolve) => {
    const onClose = (event: { code: number; reason: string } | null) => {
      if (!event) return;
      provider.off('connection-close', onClose);
      resolve({ code: event.code, reason: String(event.reason ?? '') });
    };
    provider.on('connection-close', onClose);
  });
  return {
    doc,
    provider,
    synced,
    closed,
    destroy() {
      provider.destroy();
      doc.destroy();
    },
  };
}
