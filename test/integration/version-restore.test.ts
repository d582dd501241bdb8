// Restoring a version (issue 16) against the real server with two stock y-websocket clients open on
// the report: the live document gets the version's text back for everyone, as a change by the
// secretary; the state it replaced is kept as a version first; the activity log names the restore.
// Only the secretary restores; a locked report (409) and an unknown version (404) are refused.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { yDocToJson } from '../../shared/ydoc';
import { connectClient, type TestClient } from '../helpers/collab';
import { apiClient, login, type Session } from '../helpers/http';
import { demoReport, type ReportDetailBody, sectionOwnedBy } from '../helpers/reports';
import { startTestServer, type TestServer } from '../helpers/server';
import { waitForDoc } from '../helpers/wait';
import { docContains, typeInSection } from '../helpers/ydoc';

let server: TestServer;
let report: ReportDetailBody;
const sessions: Record<string, Session> = {};
const clients: TestClient[] = [];
const api = (username: string) => apiClient(server.url, sessions[username].token);
const restorePath = (versionId: string) => `/api/reports/${report.id}/versions/${versionId}/restore`;

interface VersionBody {
  id: string;
  name: string;
  userId: string;
  auto?: string;
}

beforeAll(async () => {
  server = await startTestServer();
  for (const username of ['secretary', 'baochi', 'buuchinh'])
    sessions[username] = await login(server.url, username);
  report = await demoReport(server.url, sessions.secretary.token);
});

afterAll(async () => {
  for (const client of clients) client.destroy();
  await server?.close();
});

describe('restoring a version', () => {
  let versionA: VersionBody;

  it('brings the version’s text back for every open client, keeping both versions in history', async () => {
    const editor = connectClient(server.wsUrl, report.id, sessions.baochi.token);
    const watcher = connectClient(server.wsUrl, report.id, sessions.buuchinh.token);
    clients.push(editor, watcher);
    await Promise.all([editor.synced, watcher.synced]);

    const taken = await api('secretary').post(`/api/reports/${report.id}/versions`, { name: 'Bản A' });
    expect(taken.status).toBe(201);
    versionA = taken.body as VersionBody;
    const textA = JSON.stringify(
      (await api('secretary').get(`/api/reports/${report.id}/versions/${versionA.id}`)).body.doc,
    );

    typeInSection(editor.doc, sectionOwnedBy(report, 'baochi').id, 'TYPED-AFTER-A');
    await waitForDoc(watcher.doc, (doc) => docContains(doc, 'TYPED-AFTER-A'), { what: 'the edit' });
    // A later version, which must stay in the history after the restore.
    const later = await api('secretary').post(`/api/reports/${report.id}/versions`, { name: 'Bản B' });
    expect(later.status).toBe(201);

    const restored = await api('secretary').post(restorePath(versionA.id));
    expect(restored.status).toBe(200);
    expect(restored.body.restored).toMatchObject({ id: versionA.id, name: 'Bản A' });
    expect(restored.body.before).toMatchObject({ auto: 'restore', userId: 'u-secretary' });
    expect(restored.body.before.name).toContain('Bản A');

    for (const client of [editor, watcher]) {
      await waitForDoc(client.doc, (doc) => !docContains(doc, 'TYPED-AFTER-A'), { what: 'the restore' });
      expect(JSON.stringify(yDocToJson(client.doc))).toBe(textA);
    }

    const list = (await api('secretary').get(`/api/reports/${report.id}/versions`)).body as VersionBody[];
    const ids = list.map((version) => version.id);
    // Newest first: the version taken before the restore, Bản B, Bản A.
    expect(ids.indexOf(restored.body.before.id)).toBeLessThan(ids.indexOf(later.body.id));
    expect(ids.indexOf(later.body.id)).toBeLessThan(ids.indexOf(versionA.id));
    const before = await api('secretary').get(
      `/api/reports/${report.id}/versions/${restored.body.before.id}`,
    );
    expect(JSON.stringify(before.body.doc)).toContain('TYPED-AFTER-A');

    const activity = (await api('secretary').get(`/api/reports/${report.id}/activity?limit=1000`)).body as {
      kind: string;
      userId: string;
      versionId?: string;
      name?: string;
    }[];
    expect(activity).toContainEqual(
      expect.objectContaining({
        kind: 'restore',
        userId: 'u-secretary',
        versionId: versionA.id,
        name: 'Bản A',
      }),
    );
  });

  it('is attributed to the secretary: the removed text is deleted by them in the diff', async () => {
    const list = (await api('secretary').get(`/api/reports/${report.id}/versions`)).body as VersionBody[];
    const before = list.find((version) => version.auto === 'restore');
    expect(before).toBeDefined();
    const diff = await api('secretary').get(`/api/reports/${report.id}/diff?from=${before?.id}&to=current`);
    expect(diff.status).toBe(200);
    expect(diff.body.changes).toContainEqual(
      expect.objectContaining({ kind: 'delete', text: 'TYPED-AFTER-A', userId: 'u-secretary' }),
    );
  });

  it('is the secretary’s alone, refused while locked, and 404 for an unknown version', async () => {
    expect((await api('baochi').post(restorePath(versionA.id))).status).toBe(403);
    expect((await api('secretary').post(restorePath('v-000000000000'))).status).toBe(404);
    expect((await api('secretary').post(restorePath('..%2Fmeta'))).status).toBe(404);
    expect(
      (await api('secretary').post(`/api/reports/r-unknown/versions/${versionA.id}/restore`)).status,
    ).toBe(404);

    const versionsBefore = (await api('secretary').get(`/api/reports/${report.id}/versions`)).body.length;
    expect((await api('secretary').post(`/api/reports/${report.id}/lock`)).status).toBe(200);
    const locked = await api('secretary').post(restorePath(versionA.id));
    expect(locked.status).toBe(409);
    // The lock took its final version; the refused restore took none.
    expect((await api('secretary').get(`/api/reports/${report.id}/versions`)).body.length).toBe(
      versionsBefore + 1,
    );
    expect(
      (await api('secretary').post(`/api/reports/${report.id}/unlock`, { reason: 'tiếp tục sửa' })).status,
    ).toBe(200);
  });

  it('works with no client open: the room is opened for it, and the next client gets the text', async () => {
    for (const client of clients.splice(0)) client.destroy();
    const list = (await api('secretary').get(`/api/reports/${report.id}/versions`)).body as VersionBody[];
    const before = list.find((version) => version.auto === 'restore') as VersionBody;
    expect((await api('secretary').post(restorePath(before.id))).status).toBe(200);
    const late = connectClient(server.wsUrl, report.id, sessions.buuchinh.token);
    clients.push(late);
    await late.synced;
    expect(docContains(late.doc, 'TYPED-AFTER-A')).toBe(true);
  });

  it('is described in the OpenAPI document with its path parameters', async () => {
    const spec = (await api('secretary').get('/api/openapi.json')).body;
    const operation = spec.paths['/api/reports/{id}/versions/{versionId}/restore']?.post;
    expect(operation).toBeDefined();
    expect(operation.parameters.map((parameter: { name: string }) => parameter.name).sort()).toEqual([
      'id',
      'versionId',
    ]);
  });
});
