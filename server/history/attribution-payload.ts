// The server's attribution as JSON, for the client's compare view: y-tiptap's snapshot rendering
// (`ySyncPluginKey` state → `binding.renderSnapshot(newerV2, olderV2)`) colours text through a
// `permanentUserData` object; `userDataFromPayload` builds one from this payload instead of trusting
// the clients' own Y.PermanentUserData. Pure (yjs only), so the client can use the same code; it
// would sit well in shared/ once the client needs it.
import * as Y from 'yjs';
import type { DeletedByIndex, DeleteSet } from './deleted-by';

export interface AttributionPayload {
  /** Yjs clientID (decimal string) → userId. */
  clients: Record<string, string>;
  /** Deleted items and who deleted them: [client, clock, len, userId]. */
  deletes: [number, number, number, string][];
}

export function attributionPayload(
  clientOwners: ReadonlyMap<number, string>,
  deletedBy: DeletedByIndex,
): AttributionPayload {
  return {
    clients: Object.fromEntries([...clientOwners].map(([client, userId]) => [String(client), userId])),
    deletes: [...deletedBy.entries()],
  };
}

/** The part of Y.PermanentUserData that y-tiptap's snapshot rendering reads. */
export interface SnapshotUserData {
  /** One delete set per user: y-tiptap splits deleted runs at their boundaries before rendering. */
  dss: Map<string, DeleteSet>;
  getUserByClientId(clientId: number): string | null;
  getUserByDeletedId(id: Y.ID): string | null;
}

export function userDataFromPayload(payload: AttributionPayload): SnapshotUserData {
  const dss = new Map<string, DeleteSet>();
  for (const [client, clock, len, userId] of payload.deletes) {
    let ds = dss.get(userId);
    if (!ds) {
      ds = Y.createDeleteSet();
      dss.set(userId, ds);
    }
    let ranges = ds.clients.get(client);
    if (!ranges) {
      ranges = [];
      ds.clients.set(client, ranges);
    }
    // DeleteItem is not exported by yjs; it is a plain {clock, len} record.
    ranges.push({ clock, len } as (typeof ranges)[number]);
  }
  return {
    dss,
    getUserByClientId: (clientId) => payload.clients[String(clientId)] ?? null,
    getUserByDeletedId: (id) => {
      for (const [userId, ds] of dss) if (Y.isDeleted(ds, id)) return userId;
      return null;
    },
  };
}
