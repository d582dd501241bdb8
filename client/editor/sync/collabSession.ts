// One Y.Doc + the stock y-websocket provider for one open report, plus the state the UI shows
// (connection, first sync, unsynced local changes, terminal close codes).
import { useEffect, useState } from 'react';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { CollabSocket } from './collabSocket';

export type ConnectionStatus = 'connecting' | 'connected' | 'disconnected';

export interface CollabState {
  status: ConnectionStatus;
  /** The first sync with the server happened: the doc holds the server's content. */
  synced: boolean;
  /** Local changes were made while not connected and have not been synced back yet. */
  unsynced: boolean;
  /** A close code the server used to end the connection deliberately (4401, 4403, 4404, 4413…). */
  closedWith: number | null;
}

export interface CollabSession {
  doc: Y.Doc;
  provider: WebsocketProvider;
}

export function collabUrl(location: Location = window.location): string {
  const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
  return `${scheme}://${location.host}/collab`;
}

/**
 * Opens the collaboration session for `reportId` and tears it down on unmount or when
 * `generation` changes (a fresh doc after a refused edit: the refused state must not be resent).
 */
export function useCollabSession(
  reportId: string,
  token: string,
  generation: number,
): { session: CollabSession | null; state: CollabState } {
  const [session, setSession] = useState<CollabSession | null>(null);
  const [state, setState] = useState<CollabState>({
    status: 'connecting',
    synced: false,
    unsynced: false,
    closedWith: null,
  });

  useEffect(() => {
    void generation;
    const doc = new Y.Doc();
    // BroadcastChannel would let tabs exchange updates without the server's guard: keep it off.
    const provider = new WebsocketProvider(collabUrl(), reportId, doc, {
      params: { token },
      disableBc: true,
      // Holds updates back until the server has our state after a reconnect, and sends after
      // the next paint rather than inside the keystroke (see collabSocket.ts).
      WebSocketPolyfill: CollabSocket,
    });
    let connected = false;
    // Unchanged values keep the previous state object: `unsynced` is patched on every offline
    // keystroke, and a new object would re-render the whole report page each time.
    const patch = (next: Partial<CollabState>) =>
      setState((prev) =>
        (Object.keys(next) as (keyof CollabState)[]).every((key) => prev[key] === next[key])
          ? prev
          : { ...prev, ...next },
      );
    setState({ status: 'connecting', synced: false, unsynced: false, closedWith: null });

    const onStatus = ({ status }: { status: ConnectionStatus }) => {
      connected = status === 'connected';
      // A new attempt (the page called provider.connect() after a close): the close is over.
      patch(status === 'connecting' ? { status, closedWith: null } : { status });
    };
    const onSync = (isSynced: boolean) => {
      // A sync after reconnecting exchanged both states: offline edits reached the server.
      if (isSynced) patch({ synced: true, unsynced: false });
    };
    const onUpdate = (_update: Uint8Array, origin: unknown) => {
      if (origin !== provider && !(connected && provider.synced)) patch({ unsynced: true });
    };
    const onClosed = ({ code }: { code: number }) => {
      // The provider stops reconnecting on 44xx codes; the page decides (log in, not found, or a
      // fresh doc so that a refused state is not offered to the server again).
      patch({ closedWith: code, status: 'disconnected' });
    };
    provider.on('status', onStatus);
    provider.on('sync', onSync);
    provider.on('closed', onClosed);
    doc.on('update', onUpdate);
    setSession({ doc, provider });
    return () => {
      provider.off('status', onStatus);
      provider.off('sync', onSync);
      provider.off('closed', onClosed);
      doc.off('update', onUpdate);
      provider.destroy();
      doc.destroy();
      setSession(null);
    };
  }, [reportId, token, generation]);

  return { session, state };
}
