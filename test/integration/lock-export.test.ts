// Lock and export (issue 7) end to end: the lock records a final version and makes the server refuse
// every update from stock clients (secretary and editor alike) until the secretary unlocks with a
// reason; exports of a locked report are its final version, byte for byte the same each time.
import mammoth from 'mammoth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findLibreOffice } from '../../server/export';
import { CloseCode } from '../../shared/protocol';
import { connectClient, type TestClient } from '../helpers/collab';
import { apiClient, apiRequest, login, type Session } from '../helpers/http';
import { demoReport, type ReportDetailBody, sectionOwnedBy } from '../helpers/reports';
import { startTestServer, type TestServer } from '../helpers/server';
import { waitForDoc } from '../helpers/wait';
import { docContains, typeInSection } from '../helpers/ydoc';

let server: TestServer;
let report: ReportDetailBody;
const sessions: Record<string, Session> = {};
const clients: TestClient[] = [];

const api = (username: string) => apiClient(server.url, sessions[username].token);

async function download(
  username: string,
  query: string,
): Promise<{ status: number; bytes: Buffer; headers: Headers }> {
  const response = await fetch(`${server.url}/api/reports/${report.id}/export?${query}`, {
    headers: { Authorization: `Bearer ${sessions[username].token}` },
  });
  return {
    status: response.status,
    bytes: Buffer.from(await response.arrayBuffer()),
    headers: response.headers,
  };
}

function connect(username: string): TestClient {
  const client = connectClient(server.wsUrl, report.id, sessions[username].token, { shouldReconnect: false });
  clients.push(client);
  return client;
}

beforeAll(async () => {
  server = await startTestServer({ autoVersionIntervalMs: 0 });
  for (const username of ['secretary', 'baochi', 'lanhdao'])
    sessions[username] = await login(server.url, username);
  report = await demoReport(server.url, sessions.secretary.token);
});

afterAll(async () => {
  for (const client of clients) client.destroy();
  await server?.close();
});

describe('lock', () => {
  let versionId: string;
  const own = () => sectionOwnedBy(report, 'baochi').id;

  it('only the secretary locks; the lock records a final version and shows on the report', async () => {
    expect((await api('baochi').post(`/api/reports/${report.id}/lock`)).status).toBe(403);
    expect((await api('lanhdao').post(`/api/reports/${report.id}/lock`)).status).toBe(403);
    const watcher = connect('lanhdao');
    const secretary = connect('secretary');
    const editor = connect('baochi');
    await Promise.all([watcher.synced, secretary.synced, editor.synced]);
    const before = `BEFORELOCK${Date.now()}`;
    typeInSection(editor.doc, own(), before);
    await waitForDoc(watcher.doc, (doc) => docContains(doc, before), { what: 'the edit before the lock' });

    const locked = await api('secretary').post(`/api/reports/${report.id}/lock`);
    expect(locked.status).toBe(200);
    expect(locked.body.locked).toBe(true);
    versionId = locked.body.versionId;
    expect(versionId).toMatch(/^v-/);
    expect((await api('secretary').post(`/api/reports/${report.id}/lock`)).status).toBe(409);

    const detail = await api('lanhdao').get(`/api/reports/${report.id}`);
    expect(detail.body.locked).toBe(true);
    expect(detail.body.lockedVersionId).toBe(versionId);
    const versions = await api('lanhdao').get(`/api/reports/${report.id}/versions`);
    expect(versions.body[0]).toMatchObject({ id: versionId, auto: 'lock', userId: 'u-secretary' });
    const final = await api('lanhdao').get(`/api/reports/${report.id}/versions/${versionId}`);
    expect(JSON.stringify(final.body.doc)).toContain(before);
  });

  it('refuses updates from connected and new stock clients, secretary and editor alike (4403)', async () => {
    const [watcher, secretary, editor] = clients;
    typeInSection(secretary.doc, own(), '[secretary-after-lock]');
    typeInSection(editor.doc, own(), '[editor-after-lock]');
    expect((await secretary.closed).code).toBe(CloseCode.Forbidden);
    expect((await editor.closed).code).toBe(CloseCode.Forbidden);
    const late = connect('secretary');
    await late.synced;
    typeInSection(late.doc, own(), '[late-after-lock]');
    expect((await late.closed).code).toBe(CloseCode.Forbidden);
    // Nothing of it reached anyone: a fresh reader (synced after all refusals) has none of it.
    const reader = connect('lanhdao');
    await reader.synced;
    for (const doc of [watcher.doc, reader.doc]) {
      expect(docContains(doc, 'after-lock')).toBe(false);
    }
    // Section changes through REST are refused too.
    const patch = await api('secretary').patch(`/api/reports/${report.id}/sections/${own()}`, {
      status: 'approved',
    });
    expect(patch.status).toBe(409);
  });

  it('exports the final version of a locked report, identical byte for byte each time', async () => {
    const first = await download('lanhdao', 'format=docx');
    const second = await download('lanhdao', 'format=docx');
    expect(first.status).toBe(200);
    expect(first.headers.get('content-type')).toContain('wordprocessingml');
    expect(first.headers.get('x-version-id')).toBe(versionId);
    expect(Buffer.compare(first.bytes, second.bytes)).toBe(0);
    const disposition = first.headers.get('content-disposition') ?? '';
    expect(disposition).toContain('filename="bao-cao-6-thang-dau-nam-2024.docx"');
    expect(disposition).toContain(
      `filename*=UTF-8''${encodeURIComponent('Báo cáo 6 tháng đầu năm 2024.docx')}`,
    );

    const html = (await mammoth.convertToHtml({ buffer: first.bytes })).value;
    expect(html).toContain('3. Lãnh đạo công tác xây dựng Đảng');
    expect(html).toMatch(/<h\d>I\. KẾT QUẢ THỰC HIỆN NHIỆM VỤ 06 THÁNG ĐẦU NĂM 2024/);
    expect([...html.matchAll(/<li id="footnote-(\d+)">/g)]).toHaveLength(8);
    expect(html).toContain('BEFORELOCK');

    const md1 = await download('secretary', 'format=md');
    const md2 = await download('secretary', 'format=md');
    expect(md1.status).toBe(200);
    expect(Buffer.compare(md1.bytes, md2.bytes)).toBe(0);
    expect(md1.bytes.toString('utf8')).toContain('3. Lãnh đạo công tác xây dựng Đảng');
  });

  it('is lifted only by the secretary, with a reason; both are in the activity log', async () => {
    expect((await api('baochi').post(`/api/reports/${report.id}/unlock`, { reason: 'sửa' })).status).toBe(
      403,
    );
    expect((await api('secretary').post(`/api/reports/${report.id}/unlock`, {})).status).toBe(400);
    expect((await api('secretary').post(`/api/reports/${report.id}/unlock`, { reason: '   ' })).status).toBe(
      400,
    );
    const unlocked = await api('secretary').post(`/api/reports/${report.id}/unlock`, {
      reason: 'Bổ sung số liệu quý II',
    });
    expect(unlocked.status).toBe(200);
    expect(
      (await api('secretary').post(`/api/reports/${report.id}/unlock`, { reason: 'again' })).status,
    ).toBe(409);
    const detail = await api('baochi').get(`/api/reports/${report.id}`);
    expect(detail.body.locked).toBe(false);
    expect(detail.body.lockedVersionId).toBeUndefined();

    const activity = await api('secretary').get(`/api/reports/${report.id}/activity`);
    const lock = activity.body.find((entry: { kind: string }) => entry.kind === 'lock');
    const unlock = activity.body.find((entry: { kind: string }) => entry.kind === 'unlock');
    expect(lock).toMatchObject({ userId: 'u-secretary', versionId });
    expect(unlock).toMatchObject({ userId: 'u-secretary', reason: 'Bổ sung số liệu quý II', versionId });
    expect(activity.body.indexOf(unlock)).toBeLessThan(activity.body.indexOf(lock)); // newest first
    expect(
      activity.body.some(
        (entry: { kind: string; userId: string }) => entry.kind === 'refused' && entry.userId === 'u-baochi',
      ),
    ).toBe(true);

    // Editing works again.
    const editor = connect('baochi');
    const watcher = connect('lanhdao');
    await Promise.all([editor.synced, watcher.synced]);
    typeInSection(editor.doc, own(), 'AFTERUNLOCK');
    await waitForDoc(watcher.doc, (doc) => docContains(doc, 'AFTERUNLOCK'), {
      what: 'an edit after the unlock',
    });
  });

  it('exports a named version with version=, the live document without it', async () => {
    const live = await download('lanhdao', 'format=md');
    expect(live.bytes.toString('utf8')).toContain('AFTERUNLOCK');
    expect(live.headers.get('x-version-id')).toBeNull();
    const final = await download('lanhdao', `format=md&version=${versionId}`);
    expect(final.status).toBe(200);
    expect(final.bytes.toString('utf8')).not.toContain('AFTERUNLOCK');
    expect(final.bytes.toString('utf8')).toContain('BEFORELOCK');
    const docx1 = await download('lanhdao', `format=docx&version=${versionId}`);
    const docx2 = await download('secretary', `format=docx&version=${versionId}`);
    expect(Buffer.compare(docx1.bytes, docx2.bytes)).toBe(0);

    expect((await download('lanhdao', 'format=exe')).status).toBe(400);
    expect((await download('lanhdao', 'format=docx&version=v-000000000000')).status).toBe(404);
    expect((await download('lanhdao', 'format=docx&version=../../meta')).status).toBe(404);
    const anonymous = await apiRequest(server.url, 'GET', `/api/reports/${report.id}/export?format=docx`);
    expect(anonymous.status).toBe(401);
  });

  it.skipIf(!findLibreOffice())(
    'exports PDF through LibreOffice',
    async () => {
      const pdf = await download('lanhdao', `format=pdf&version=${versionId}`);
      expect(pdf.status).toBe(200);
      expect(pdf.headers.get('content-type')).toBe('application/pdf');
      expect(pdf.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    },
    180_000,
  );

  it('logged no server error', () => {
    expect(server.logs.filter((log) => log.level === 'error')).toEqual([]);
  });
});
