// Restoring a version into a locked or archived report (issue 16), against the real server: the
// rule of shared/version-restore.ts. The route refuses with 409 and a message that names the way
// out (unlock, unarchive), takes no version, leaves the document as it is, and the same restore
// goes through once the report is unlocked. The history page disables its button by the same rule.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { yDocToJson } from '../../shared/ydoc';
import { connectClient } from '../helpers/collab';
import { apiClient, login, type Session } from '../helpers/http';
import { demoReport, type ReportDetailBody, sectionOwnedBy } from '../helpers/reports';
import { startTestServer, type TestServer } from '../helpers/server';
import { waitForDoc } from '../helpers/wait';
import { docContains, typeInSection } from '../helpers/ydoc';

/** Typed after the version was taken: a restore would remove it. */
const TYPED = 'TYPED-AFTER-VERSION';

let server: TestServer;
let report: ReportDetailBody;
let secretary: Session;
let versionId: string;
const api = () => apiClient(server.url, secretary.token);
const restore = () => api().post(`/api/reports/${report.id}/versions/${versionId}/restore`);
const versionCount = async () =>
  (await api().get(`/api/reports/${report.id}/versions`)).body.length as number;
/** The live document as a fresh client receives it (an export of a locked report is its lock version). */
async function documentJson(): Promise<string> {
  const client = connectClient(server.wsUrl, report.id, secretary.token);
  try {
    await client.synced;
    return JSON.stringify(yDocToJson(client.doc));
  } finally {
    client.destroy();
  }
}

beforeAll(async () => {
  server = await startTestServer();
  secretary = await login(server.url, 'secretary');
  report = await demoReport(server.url, secretary.token);
  const taken = await api().post(`/api/reports/${report.id}/versions`, { name: 'Bản trước khi khóa' });
  expect(taken.status).toBe(201);
  versionId = taken.body.id;
  const editor = connectClient(server.wsUrl, report.id, (await login(server.url, 'baochi')).token);
  try {
    await editor.synced;
    typeInSection(editor.doc, sectionOwnedBy(report, 'baochi').id, TYPED);
    const watcher = connectClient(server.wsUrl, report.id, secretary.token);
    await waitForDoc(watcher.doc, (doc) => docContains(doc, TYPED), { what: 'the edit' });
    watcher.destroy();
  } finally {
    editor.destroy();
  }
});

afterAll(async () => {
  await server?.close();
});

describe('restoring into a read-only report', () => {
  it('is refused while locked, saying to unlock first, and changes nothing', async () => {
    expect((await api().post(`/api/reports/${report.id}/lock`)).status).toBe(200);
    const versions = await versionCount();
    const before = await documentJson();

    const refused = await restore();
    expect(refused.status).toBe(409);
    expect(refused.body.error).toBe('the report is locked: unlock it before restoring a version');
    expect(await versionCount()).toBe(versions);
    expect(await documentJson()).toBe(before);
    expect(before).toContain(TYPED);
  });

  it('is refused while archived (even when also locked), saying to unarchive first', async () => {
    expect((await api().post(`/api/reports/${report.id}/archive`)).status).toBe(200);
    const refused = await restore();
    expect(refused.status).toBe(409);
    expect(refused.body.error).toBe('the report is archived: unarchive it before restoring a version');
    expect((await api().post(`/api/reports/${report.id}/unarchive`)).status).toBe(200);
    expect((await restore()).status).toBe(409);
  });

  it('goes through once the report is unlocked', async () => {
    expect(
      (await api().post(`/api/reports/${report.id}/unlock`, { reason: 'khôi phục bản trước' })).status,
    ).toBe(200);
    const restored = await restore();
    expect(restored.status).toBe(200);
    expect(restored.body.restored).toMatchObject({ id: versionId });
    expect(await documentJson()).not.toContain(TYPED);
  });

  it('stays the secretary’s: an editor is refused with 403 whatever the lock', async () => {
    const editor = await login(server.url, 'baochi');
    const refused = await apiClient(server.url, editor.token).post(
      `/api/reports/${report.id}/versions/${versionId}/restore`,
    );
    expect(refused.status).toBe(403);
  });
});
