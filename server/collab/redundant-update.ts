// Whether an update would change nothing: every struct is already stored and every deleted range
// is already deleted. Clients re-send such updates on each (re)connect (sync step 2 always carries
// the whole delete set); skipping them keeps the log, the relay and the guard out of it, so a
// viewer's reconnect is not mistaken for an edit.
import * as Y from 'yjs';
import type { DecodedUpdate } from './incoming-update';

export function isRedundantUpdate(doc: Y.Doc, decoded: DecodedUpdate): boolean {
  for (const struct of decoded.structs) {
    if (struct instanceof Y.Skip) continue;
    const state = Y.getState(doc.store, struct.id.client);
    if (struct.id.clock + struct.length > state) return false;
  }
  for (const [client, ranges] of decoded.ds.clients) {
    const state = Y.getState(doc.store, client);
    for (const range of ranges) {
      const end = range.clock + range.len;
      if (end > state) return false;
      let clock = range.clock;
      while (clock < end) {
        const struct = Y.getItem(doc.store, Y.createID(client, clock)) as Y.Item | Y.GC;
        if (!struct.deleted) return false;
        clock = struct.id.clock + struct.length;
      }
    }
  }
  return true;
}
