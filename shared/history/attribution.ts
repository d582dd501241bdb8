// The server's attribution as the client receives it (GET /api/reports/:id/attribution), and the
// object y-tiptap's snapshot rendering reads authors from. y-tiptap (`ySyncPluginKey` state →
// `binding.renderSnapshot(newerV2, olderV2)`) colours text through a `permanentUserData` object;
// `userDataFromPayload` builds one from the server's payload instead of trusting the clients' own
// Y.PermanentUserData. Pure (yjs only): used by the server and the browser alike.
import * as Y from 'yjs';

/** Yjs does not export its DeleteSet class by name. */
export type DeleteSet = ReturnType<typeof Y.decodeUpdate>['ds'];

export interface AttributionPayload {
  /** Yjs clientID (decimal string) → userId. */
  clients: Record<string, string>;
  /** Deleted items and who deleted them: [client, clock, len, userId]. */
  deletes: [number, number, number, string][];
  /**
   * Name and department of every user named above (GET /api/reports/:id/attribution adds them:
   * viewers may not list accounts, yet must see who wrote what).
   */
  users?: Record<string, AttributedUser>;
}

export interface AttributedUser {
  id: string;
  name: string;
  departmentId: string | null;
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
  // Y.isDeleted binary-searches each client's ranges, which must be sorted by clock.
  for (const ds of dss.values())
    for (const ranges of ds.clients.values()) ranges.sort((a, b) => a.clock - b.clock);
  return {
    dss,
    getUserByClientId: (clientId) => payload.clients[String(clientId)] ?? null,
    getUserByDeletedId: (id) => {
      for (const [userId, ds] of dss) if (Y.isDeleted(ds, id)) return userId;
      return null;
    },
  };
}
