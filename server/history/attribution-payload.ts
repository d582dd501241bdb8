// The server's attribution as JSON, for the client's compare view and colour-by-author view. The
// payload type and its reader (`userDataFromPayload`) live in shared/history/attribution.ts, since
// the browser uses them too; this module builds the payload from the server's stores.
import type { AttributionPayload } from '../../shared/history/attribution';
import type { DeletedByIndex } from './deleted-by';

export {
  type AttributionPayload,
  type SnapshotUserData,
  userDataFromPayload,
} from '../../shared/history/attribution';

export function attributionPayload(
  clientOwners: ReadonlyMap<number, string>,
  deletedBy: DeletedByIndex,
): AttributionPayload {
  return {
    clients: Object.fromEntries([...clientOwners].map(([client, userId]) => [String(client), userId])),
    deletes: [...deletedBy.entries()],
  };
}
