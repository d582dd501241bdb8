// GET /api/reports/:id/attribution → {clients: {[clientId]: userId}, deletes: [[client, clock, len, userId]…],
// users: {[userId]: {id, name, departmentId}}}
// Who wrote (client bindings) and who deleted (deleted-by index) the text of a report, for the
// client's compare view (y-tiptap snapshot rendering) and its colour-by-author view. It names the
// author of every run in the whole report, so only the secretary and viewers may read it; an
// editor sees attributed changes through /diff, which keeps to their department's sections.
import { Hono } from 'hono';
import { describeRoute } from 'hono-openapi';
import * as Y from 'yjs';
import type { AttributedUser } from '../../shared/history/attribution';
import { requireAuth, requireRole } from '../auth/middleware';
import type { RoomManager } from '../collab/rooms';
import { type AttributionPayload, attributionPayload } from '../history/attribution-payload';
import { DeletedByIndex } from '../history/deleted-by';
import type { Attribution } from '../history/diff';
import type { AppEnv } from '../http/env';
import type { HistoryService } from '../reports/history-service';
import type { ReportService } from '../reports/service';
import type { MetaStore } from '../store/meta-store';
import { knownReport } from './report-param';

export interface AttributionRouteDeps {
  reports: ReportService;
  rooms: RoomManager;
  history: HistoryService;
}

export function attributionRoutes(meta: MetaStore, deps: AttributionRouteDeps) {
  return new Hono<AppEnv>()
    .use(requireAuth(meta))
    .get(
      '/:id/attribution',
      describeRoute({ tags: ['versions'], summary: 'Who wrote and who deleted the text of a report' }),
      requireRole('secretary', 'viewer'),
      async (c) => {
        const report = knownReport(deps.reports, c.req.param('id'));
        const attribution = await deps.history.attribution(report.id);
        const payload = await deps.rooms.withDoc(report.id, (doc) => payloadForDoc(doc, attribution));
        return c.json({ ...payload, users: namedUsers(meta, payload) });
      },
    );
}

/**
 * The attribution of everything `doc` (the live document) holds. Every version of a report is an
 * earlier state of its live document, so the live doc's clients and deletions cover them all:
 * clients never leave the struct store (garbage-collected runs stay as GC structs), and whatever
 * a version shows that the live doc no longer does is in the live doc's delete set.
 */
export function payloadForDoc(doc: Y.Doc, attribution: Attribution): AttributionPayload {
  const owners = new Map<number, string>();
  for (const client of doc.store.clients.keys()) {
    const userId = attribution.userForClient(client);
    if (userId !== null) owners.set(client, userId);
  }
  const deletedBy = new DeletedByIndex();
  for (const [client, ranges] of Y.snapshot(doc).ds.clients) {
    for (const { clock, len } of ranges) {
      // One range can hold deletions by several users: split it where the deleter changes.
      let start = clock;
      let user = attribution.userForDeleted(Y.createID(client, clock));
      for (let at = clock + 1; at <= clock + len; at++) {
        const next = at < clock + len ? attribution.userForDeleted(Y.createID(client, at)) : null;
        if (at < clock + len && next === user) continue;
        if (user !== null) deletedBy.add(user, [[client, start, at - start]]);
        start = at;
        user = next;
      }
    }
  }
  return attributionPayload(owners, deletedBy);
}

/** Who the payload names (name and department only: viewers cannot list accounts otherwise). */
function namedUsers(meta: MetaStore, payload: AttributionPayload): Record<string, AttributedUser> {
  const ids = new Set([...Object.values(payload.clients), ...payload.deletes.map((entry) => entry[3])]);
  const users: Record<string, AttributedUser> = {};
  for (const user of meta.data.users) {
    if (ids.has(user.id)) users[user.id] = { id: user.id, name: user.name, departmentId: user.departmentId };
  }
  return users;
}
