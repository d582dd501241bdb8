// The live document's state as the server holds it now, for comparing a version with "Hiện tại":
// one short sync through the stock y-websocket provider, without presence and without writing.
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { collabUrl } from '../editor/sync/collabSession';

const SYNC_TIMEOUT_MS = 20_000;

/** The report's current Yjs state (V2 update), read over the collaboration socket. */
export function fetchCurrentState(reportId: string, token: string): Promise<Uint8Array> {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(collabUrl(), reportId, doc, { params: { token }, disableBc: true });
  // Nobody should see this reader in the presence list.
  provider.awareness.setLocalState(null);
  return new Promise<Uint8Array>((resolve, reject) => {
    const finish = (result: Uint8Array | Error) => {
      clearTimeout(timer);
      provider.off('sync', onSync);
      provider.off('connection-close', onClose);
      provider.destroy();
      doc.destroy();
      if (result instanceof Error) reject(result);
      else resolve(result);
    };
    const onSync = (synced: boolean) => {
      if (synced) finish(Y.encodeStateAsUpdateV2(doc));
    };
    const onClose = (event: { code: number } | null) => {
      if (event && event.code >= 4000) finish(new Error(`closed with ${event.code}`));
    };
    const timer = setTimeout(() => finish(new Error('sync timed out')), SYNC_TIMEOUT_MS);
    provider.on('sync', onSync);
    provider.on('connection-close', onClose);
  });
}
