// Outline editing against the real server: stock y-websocket clients send the update a browser
// sends for an outline operation (shared/structure/outlineOps.ts diffed into Yjs by y-tiptap, see
// test/helpers/outline-updates.ts). An editor restructuring another department's part has its
// socket closed with 4403 and nobody sees the change; the same operation inside their own part
// reaches everyone.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOutline, flattenOutline } from '../../shared/derive';
import { CloseCode } from '../../shared/protocol';
import type { OutlineOp } from '../../shared/structure/outlineOps';
import { yDocToJson } from '../../shared/ydoc';
import { connectClient, type TestClient } from '../helpers/collab';
import { login, type Session } from '../helpers/http';
import { outlineOpUpdate } from '../helpers/outline-updates';
import { demoReport, type ReportDetailBody, sectionOwnedBy } from '../helpers/reports';
import { startTestServer, type TestServer } from '../helpers/server';
import { waitForDoc } from '../helpers/wait';

let server: TestServer;
let report: ReportDetailBody;
const sessions: Record<string, Session> = {};
const clients: TestClient[] = [];

async function connected(username: string): Promise<TestClient> {
  const client = connectClient(server.wsUrl, report.id, sessions[username].token);
  clients.push(client);
  await client.synced;
  return client;
}

const sectionIds = (client: TestClient) =>
  flattenOutline(buildOutline(yDocToJson(client.doc) as never)).map((node) => node.id);

/** `username` applies `op` to section `id` in their replica; the provider sends the update. */
async function attempt(username: string, id: string, op: OutlineOp, newId: string) {
  const client = await connected(username);
  outlineOpUpdate(client.doc, id, op, newId);
  return client;
}

beforeAll(async () => {
  server = await startTestServer();
  for (const username of ['secretary', 'baochi', 'buuchinh']) {
    sessions[username] = await login(server.url, username);
  }
  report = await demoReport(server.url, sessions.secretary.token);
});

afterAll(async () => {
  for (const client of clients) client.destroy();
  await server?.close();
});

describe('outline editing through the server', () => {
  it('refuses an editor adding to or deleting another department’s part (4403), allows it in their own', async () => {
    const own = sectionOwnedBy(report, 'baochi');
    const foreign = sectionOwnedBy(report, 'buuchinh');
    const watcher = await connected('secretary');

    const intruder = await attempt('baochi', foreign.id, 'addChild', 's-intruder');
    expect((await intruder.closed).code).toBe(CloseCode.Forbidden);

    const deleter = await attempt('baochi', foreign.id, 'delete', 'unused');
    expect((await deleter.closed).code).toBe(CloseCode.Forbidden);

    const honest = await attempt('baochi', own.id, 'addChild', 's-own-child');
    await waitForDoc(watcher.doc, () => sectionIds(watcher).includes('s-own-child'), {
      what: 'the sub-section added in the editor’s own part',
    });
    expect(sectionIds(watcher)).not.toContain('s-intruder');
    expect(sectionIds(watcher)).toContain(foreign.id);

    // The editor moves their new sub-section up among their own part's sub-sections and deletes it.
    const before = sectionIds(watcher);
    if (own.children.length > 0) {
      outlineOpUpdate(honest.doc, 's-own-child', 'moveUp');
      await waitForDoc(
        watcher.doc,
        () => {
          const now = sectionIds(watcher);
          return now.indexOf('s-own-child') < before.indexOf('s-own-child');
        },
        { what: 'the moved sub-section' },
      );
    }
    outlineOpUpdate(honest.doc, 's-own-child', 'delete');
    await waitForDoc(watcher.doc, () => !sectionIds(watcher).includes('s-own-child'), {
      what: 'the deleted sub-section',
    });
  });

  it('refuses an editor moving their own part (top level is the secretary’s), lets the secretary move it', async () => {
    const own = sectionOwnedBy(report, 'baochi');
    const watcher = await connected('buuchinh');
    const top = flattenOutline(buildOutline(yDocToJson(watcher.doc) as never)).filter((n) => n.depth === 1);
    const target = top.find((n) => n.id === own.id) ?? top[top.length - 1];
    const op: OutlineOp = top[0].id === target.id ? 'moveDown' : 'moveUp';

    const mover = await attempt('baochi', target.id, op, 'unused');
    expect((await mover.closed).code).toBe(CloseCode.Forbidden);

    const before = sectionIds(watcher).indexOf(target.id);
    await attempt('secretary', target.id, op, 'unused');
    await waitForDoc(watcher.doc, () => sectionIds(watcher).indexOf(target.id) !== before, {
      what: 'the part moved by the secretary',
    });
  });
});
