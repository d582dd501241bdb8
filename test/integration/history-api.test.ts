// The versions, diff and activity endpoints' rules: who may do what, bad input (400/404, never 500),
// paging and filters of the activity log, and automatic versions while a report changes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CloseCode } from '../../shared/protocol';
import { connectClient, type TestClient } from '../helpers/collab';
import { apiClient, login, type Session } from '../helpers/http';
import { demoReport, flattenSections, type ReportDetailBody, sectionOwnedBy } from '../helpers/reports';
import { startTestServer, type TestServer } from '../helpers/server';
import { waitForDoc } from '../helpers/wait';
import { docContains, typeInSection } from '../helpers/ydoc';

let server: TestServer;
let report: ReportDetailBody;
const sessions: Record<string, Session> = {};
const clients: TestClient[] = [];
const api = (username: string) => apiClient(server.url, sessions[username].token);

/** Poll `probe` until it returns a value (for a timer on the server); fails after `timeoutMs`. */
async function eventually<T>(probe: () => Promise<T | null>, what: string, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== null) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

beforeAll(async () => {
  server = await startTestServer({ autoVersionIntervalMs: 250 });
  for (const username of ['secretary', 'baochi', 'lanhdao'])
    sessions[username] = await login(server.url, username);
  report = await demoReport(server.url, sessions.secretary.token);
});

afterAll(async () => {
  for (const client of clients) client.destroy();
  await server?.close();
});

describe('versions', () => {
  let named: string;

  it('are created by the secretary only, with a name of at most 200 characters', async () => {
    const path = `/api/reports/${report.id}/versions`;
    expect((await api('baochi').post(path, { name: 'x' })).status).toBe(403);
    expect((await api('lanhdao').post(path, { name: 'x' })).status).toBe(403);
    expect((await api('secretary').post(path, {})).status).toBe(400);
    expect((await api('secretary').post(path, { name: '  ' })).status).toBe(400);
    expect((await api('secretary').post(path, { name: 42 })).status).toBe(400);
    expect((await api('secretary').post(path, { name: 'x'.repeat(201) })).status).toBe(400);
    const created = await api('secretary').post(path, { name: 'Bản trình lãnh đạo' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: 'Bản trình lãnh đạo', userId: 'u-secretary' });
    named = created.body.id;
    expect((await api('secretary').post('/api/reports/r-unknown/versions', { name: 'x' })).status).toBe(404);
  });

  it('are listed newest first and viewable read-only as ProseMirror JSON by every role', async () => {
    for (const username of ['secretary', 'baochi', 'lanhdao']) {
      const list = await api(username).get(`/api/reports/${report.id}/versions`);
      expect(list.status).toBe(200);
      expect(list.body.some((v: { id: string }) => v.id === named)).toBe(true);
      const one = await api(username).get(`/api/reports/${report.id}/versions/${named}`);
      expect(one.status).toBe(200);
      expect(one.body.doc.type).toBe('doc');
      expect(JSON.stringify(one.body.doc)).toContain('Lãnh đạo công tác xây dựng Đảng');
    }
    expect((await api('lanhdao').get(`/api/reports/${report.id}/versions/v-000000000000`)).status).toBe(404);
    expect((await api('lanhdao').get(`/api/reports/${report.id}/versions/..%2Fmeta`)).status).toBe(404);
  });

  it('are taken automatically while the report changes, and not while it does not', async () => {
    const editor = connectClient(server.wsUrl, report.id, sessions.baochi.token);
    const watcher = connectClient(server.wsUrl, report.id, sessions.lanhdao.token);
    clients.push(editor, watcher);
    await Promise.all([editor.synced, watcher.synced]);
    typeInSection(editor.doc, sectionOwnedBy(report, 'baochi').id, 'AUTOVERSIONED');
    await waitForDoc(watcher.doc, (doc) => docContains(doc, 'AUTOVERSIONED'), { what: 'the edit' });
    const auto = await eventually(async () => {
      const list = await api('secretary').get(`/api/reports/${report.id}/versions`);
      return list.body.find((v: { auto?: string }) => v.auto === 'hourly') ?? null;
    }, 'an automatic version');
    expect(auto.userId).toBe('system');
    // Stored in one language; the client names it by `auto` in the reader's (client/history/versionName.ts).
    expect(auto.name).toBe('Tự động hằng giờ');
    const doc = await api('secretary').get(`/api/reports/${report.id}/versions/${auto.id}`);
    expect(JSON.stringify(doc.body.doc)).toContain('AUTOVERSIONED');
    // Unchanged since: another round of the check stores nothing.
    const room = await server.server.rooms.openRoom(report.id);
    expect(room).not.toBeNull();
    const before = (await api('secretary').get(`/api/reports/${report.id}/versions`)).body.length;
    await server.server.history.autoVersion(room!);
    expect((await api('secretary').get(`/api/reports/${report.id}/versions`)).body.length).toBe(before);
  });

  it('diff: parameters are required, versions must exist and be in order', async () => {
    const base = `/api/reports/${report.id}/diff`;
    const versions = (await api('secretary').get(`/api/reports/${report.id}/versions`)).body as {
      id: string;
    }[];
    const [newest] = versions;
    expect((await api('secretary').get(base)).status).toBe(400);
    expect((await api('secretary').get(`${base}?from=${named}`)).status).toBe(400);
    expect((await api('secretary').get(`${base}?to=current`)).status).toBe(400);
    expect((await api('secretary').get(`${base}?from=v-000000000000&to=current`)).status).toBe(404);
    expect((await api('secretary').get(`${base}?from=${named}&to=v-000000000000`)).status).toBe(404);
    expect((await api('secretary').get(`${base}?from=${newest.id}&to=${named}`)).status).toBe(400);
    const diff = await api('lanhdao').get(`${base}?from=${named}&to=${newest.id}`);
    expect(diff.status).toBe(200);
    expect(diff.body.changes).toContainEqual({
      kind: 'insert',
      text: 'AUTOVERSIONED',
      userId: 'u-baochi',
      sectionId: sectionOwnedBy(report, 'baochi').id,
    });
  });
});

describe('activity', () => {
  it('pages newest first with a cursor, without gaps or repeats', async () => {
    const all = (await api('secretary').get(`/api/reports/${report.id}/activity?limit=1000`)).body as {
      cursor: string;
    }[];
    expect(all.length).toBeGreaterThanOrEqual(4);
    const seen: string[] = [];
    let before: string | null = null;
    for (;;) {
      const query: string = before ? `limit=2&before=${encodeURIComponent(before)}` : 'limit=2';
      const page = await api('secretary').get(`/api/reports/${report.id}/activity?${query}`);
      expect(page.status).toBe(200);
      expect(page.body.length).toBeLessThanOrEqual(2);
      seen.push(...page.body.map((entry: { cursor: string }) => entry.cursor));
      before = page.headers.get('x-next-cursor');
      if (!before) break;
    }
    expect(seen).toEqual(all.map((entry) => entry.cursor));
  });

  it('filters by user, section and time', async () => {
    const base = `/api/reports/${report.id}/activity`;
    const byUser = await api('secretary').get(`${base}?userId=u-baochi`);
    expect(byUser.body.length).toBeGreaterThan(0);
    expect(byUser.body.every((entry: { userId: string }) => entry.userId === 'u-baochi')).toBe(true);
    const section = sectionOwnedBy(report, 'baochi').id;
    const bySection = await api('secretary').get(`${base}?sectionId=${section}`);
    expect(bySection.body.length).toBeGreaterThan(0);
    expect(
      bySection.body.every((entry: { sectionIds: string[] }) => entry.sectionIds.includes(section)),
    ).toBe(true);
    const future = new Date(Date.now() + 3_600_000).toISOString();
    expect((await api('secretary').get(`${base}?since=${future}`)).body).toEqual([]);
    expect((await api('secretary').get(`${base}?until=2000-01-01`)).body).toEqual([]);
  });

  it('refuses bad parameters with 400 and unknown reports with 404', async () => {
    const base = `/api/reports/${report.id}/activity`;
    for (const query of [
      'limit=0',
      'limit=1001',
      'limit=abc',
      'since=yesterday',
      'until=1',
      'before=x',
      'sectionId=../x',
    ]) {
      expect((await api('secretary').get(`${base}?${query}`)).status, query).toBe(400);
    }
    expect((await api('secretary').get('/api/reports/r-unknown/activity')).status).toBe(404);
  });

  it('records what a refused change tried and where, and an owner change from whom to whom', async () => {
    const other = flattenSections(report.sections).find(
      (section) => section.owner !== null && section.effectiveOwner !== 'baochi',
    )!;
    const intruder = connectClient(server.wsUrl, report.id, sessions.baochi.token, {
      shouldReconnect: false,
    });
    clients.push(intruder);
    await intruder.synced;
    typeInSection(intruder.doc, other.id, 'INTRUSION');
    expect((await intruder.closed).code).toBe(CloseCode.Forbidden);
    const base = `/api/reports/${report.id}/activity`;
    const byEditor = (await api('secretary').get(`${base}?userId=u-baochi`)).body;
    const refused = byEditor.find((entry: { kind: string }) => entry.kind === 'refused');
    expect(refused).toMatchObject({ refusal: { code: 'edit', sectionId: other.id } });
    expect(refused.reason).toContain(other.id); // the guard's words stay for the log

    const patched = await api('secretary').patch(`/api/reports/${report.id}/sections/${other.id}`, {
      owner: 'baochi',
    });
    expect(patched.status).toBe(200);
    const bySection = (await api('secretary').get(`${base}?sectionId=${other.id}`)).body;
    const reassigned = bySection.find((entry: { kind: string }) => entry.kind === 'owner');
    expect(reassigned).toMatchObject({ previousOwner: other.owner, owner: 'baochi' });
  });

  it('logged no server error', () => {
    expect(server.logs.filter((log) => log.level === 'error')).toEqual([]);
  });
});
