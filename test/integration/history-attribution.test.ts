// Authorship end to end (issue 6): three users edit interleaved through stock y-websocket clients —
// two editors of different departments in their own sections, the secretary anywhere, deleting each
// other's and the imported text — and the activity log and the diff between two versions name the
// right user and section for every insertion and deletion, also after a restart. A clientID spoof
// is refused; editors read only their department's part; no response leaks a hash or a token.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CloseCode } from '../../shared/protocol';
import { connectClient, type TestClient } from '../helpers/collab';
import { apiClient, login, type Session } from '../helpers/http';
import { demoReport, flattenSections, type ReportDetailBody } from '../helpers/reports';
import { startTestServer, type TestServer } from '../helpers/server';
import { waitForDoc } from '../helpers/wait';
import { docContains, findSection } from '../helpers/ydoc';

interface Change {
  kind: 'insert' | 'delete';
  text: string;
  userId: string | null;
  sectionId: string | null;
}

let server: TestServer;
let report: ReportDetailBody;
const sessions: Record<string, Session> = {};
const clients: TestClient[] = [];
/** Every response body read in this file, to check none carries a secret. */
const responses: string[] = [];

const api = (username: string) => {
  const client = apiClient(server.url, sessions[username].token);
  const record = async <T extends { text: string }>(response: Promise<T>) => {
    const result = await response;
    responses.push(result.text);
    return result;
  };
  return {
    get: (path: string) => record(client.get(path)),
    post: (path: string, body?: unknown) => record(client.post(path, body)),
  };
};

/** The first paragraph directly inside the section: the text a user of that section types into. */
function paragraphText(doc: Y.Doc, sectionId: string): Y.XmlText {
  const section = findSection(doc, sectionId);
  const paragraph = section
    ?.toArray()
    .find((child): child is Y.XmlElement => child instanceof Y.XmlElement && child.nodeName === 'paragraph');
  const text = paragraph?.toArray().find((child): child is Y.XmlText => child instanceof Y.XmlText);
  if (!text) throw new Error(`section ${sectionId} has no paragraph text`);
  return text;
}

function plain(text: Y.XmlText): string {
  return text
    .toDelta()
    .map((op: { insert: unknown }) => (typeof op.insert === 'string' ? op.insert : ''))
    .join('');
}

/** A section of `departmentId` whose own first paragraph starts with at least 20 plain characters. */
function editableSectionOf(doc: Y.Doc, departmentId: string): string {
  for (const section of flattenSections(report.sections)) {
    if (section.owner !== departmentId) continue;
    try {
      if (plain(paragraphText(doc, section.id)).length >= 20) return section.id;
    } catch {
      // No paragraph of its own: try the next section.
    }
  }
  throw new Error(`no editable section for ${departmentId}`);
}

/** Make an edit in one client and wait until every other client has it. */
async function step(author: TestClient, edit: (doc: Y.Doc) => void, what: string) {
  edit(author.doc);
  const expected = author.doc.getXmlFragment('default').toString();
  await Promise.all(
    clients
      .filter((client) => client !== author && client.provider.wsconnected)
      .map((client) =>
        waitForDoc(client.doc, (doc) => doc.getXmlFragment('default').toString() === expected, { what }),
      ),
  );
}

function connect(username: string): TestClient {
  const client = connectClient(server.wsUrl, report.id, sessions[username].token);
  clients.push(client);
  return client;
}

beforeAll(async () => {
  server = await startTestServer({ autoVersionIntervalMs: 0 });
  for (const username of ['secretary', 'baochi', 'buuchinh', 'lanhdao']) {
    sessions[username] = await login(server.url, username);
  }
  report = await demoReport(server.url, sessions.secretary.token);
});

afterAll(async () => {
  for (const client of clients) client.destroy();
  await server?.close();
});

describe('authorship with three users editing interleaved', () => {
  let sectionA: string; // Phòng Thông tin - Báo chí
  let sectionB: string; // Phòng Bưu chính - Viễn thông
  let v1: string;
  let v2: string;
  let expected: Change[];
  const sec = 'u-secretary';
  const press = 'u-baochi';
  const post = 'u-buuchinh';

  it('records versions around interleaved edits by the secretary and two editors', async () => {
    const secretary = connect('secretary');
    const editorA = connect('baochi');
    const editorB = connect('buuchinh');
    await Promise.all(clients.map((client) => client.synced));
    sectionA = editableSectionOf(secretary.doc, 'baochi');
    sectionB = editableSectionOf(secretary.doc, 'buuchinh');
    const originalA = plain(paragraphText(secretary.doc, sectionA));
    const append = (sectionId: string, text: string) => (doc: Y.Doc) => {
      const target = paragraphText(doc, sectionId);
      target.insert(target.length, text);
    };

    // Before v1: each editor's and the secretary's text exists, so deleting it later shows.
    await step(editorA, append(sectionA, '[TTBC-0]'), 'press text before v1');
    await step(secretary, append(sectionB, '[VP-0]'), 'secretary text before v1');
    const first = await api('secretary').post(`/api/reports/${report.id}/versions`, { name: 'Trước (v1)' });
    expect(first.status).toBe(201);
    v1 = first.body.id;

    // Interleaved, each seen by everyone before the next.
    await step(editorA, (doc) => paragraphText(doc, sectionA).delete(0, 6), 'press deletes imported text');
    await step(editorB, append(sectionB, '[BCVT-1]'), 'post types');
    await step(
      secretary,
      (doc) => {
        const target = paragraphText(doc, sectionA);
        target.delete(target.length - 2, 2); // "0]" of the press editor's "[TTBC-0]"
      },
      'secretary deletes press text',
    );
    await step(editorA, append(sectionA, '[TTBC-2]'), 'press types again');
    await step(secretary, append(sectionB, '[VP-B]'), 'secretary types in the post section');
    await step(
      editorB,
      (doc) => {
        const target = paragraphText(doc, sectionB);
        const at = plain(target).indexOf('[VP-0]') + 4;
        target.delete(at, 2); // "0]" of the secretary's "[VP-0]"
      },
      'post deletes secretary text',
    );
    await step(editorB, append(sectionB, '[BCVT-3]'), 'post types again');

    const second = await api('secretary').post(`/api/reports/${report.id}/versions`, { name: 'Sau (v2)' });
    expect(second.status).toBe(201);
    v2 = second.body.id;

    // The imported text was created by the secretary's import: its deletion is the press editor's.
    expected = [
      { kind: 'delete', text: originalA.slice(0, 6), userId: press, sectionId: sectionA },
      { kind: 'delete', text: '0]', userId: sec, sectionId: sectionA },
      { kind: 'insert', text: '[TTBC-2]', userId: press, sectionId: sectionA },
      { kind: 'delete', text: '0]', userId: post, sectionId: sectionB },
      { kind: 'insert', text: '[BCVT-1]', userId: post, sectionId: sectionB },
      { kind: 'insert', text: '[VP-B]', userId: sec, sectionId: sectionB },
      { kind: 'insert', text: '[BCVT-3]', userId: post, sectionId: sectionB },
    ];
  });

  const inSection = (changes: Change[], sectionId: string) =>
    changes.filter((c) => c.sectionId === sectionId);

  it('the diff between the versions attributes every insertion and deletion to its user and section', async () => {
    for (const reader of ['secretary', 'lanhdao']) {
      const diff = await api(reader).get(`/api/reports/${report.id}/diff?from=${v1}&to=${v2}`);
      expect(diff.status).toBe(200);
      const changes: Change[] = diff.body.changes;
      expect(inSection(changes, sectionA)).toEqual(expected.filter((c) => c.sectionId === sectionA));
      expect(inSection(changes, sectionB)).toEqual(expected.filter((c) => c.sectionId === sectionB));
      expect(changes).toHaveLength(expected.length);
    }
    // Against the live document: the same, nothing changed since v2.
    const current = await api('secretary').get(`/api/reports/${report.id}/diff?from=${v1}&to=current`);
    expect(current.body.changes).toHaveLength(expected.length);
  });

  it('the activity log names each user with the sections they touched and the characters', async () => {
    const activity = await api('secretary').get(`/api/reports/${report.id}/activity`);
    expect(activity.status).toBe(200);
    type Edit = { kind: string; userId: string; sectionIds: string[]; inserted: number; deleted: number };
    const edits = (activity.body as Edit[]).filter((entry) => entry.kind === 'edit');
    const totals = (userId: string, sectionId: string) =>
      edits
        .filter((entry) => entry.userId === userId && entry.sectionIds.join() === sectionId)
        .reduce((sum, e) => ({ inserted: sum.inserted + e.inserted, deleted: sum.deleted + e.deleted }), {
          inserted: 0,
          deleted: 0,
        });
    expect(totals(press, sectionA)).toEqual({ inserted: 16, deleted: 6 });
    expect(totals(sec, sectionA)).toEqual({ inserted: 0, deleted: 2 });
    expect(totals(sec, sectionB)).toEqual({ inserted: 12, deleted: 0 });
    expect(totals(post, sectionB)).toEqual({ inserted: 16, deleted: 2 });
    // Nobody edited anywhere else.
    expect(
      edits.every((entry) => entry.sectionIds.join() === sectionA || entry.sectionIds.join() === sectionB),
    ).toBe(true);
    const versions = activity.body.filter((entry: { kind: string }) => entry.kind === 'version');
    expect(versions.map((entry: { versionId: string }) => entry.versionId).sort()).toEqual([v1, v2].sort());
    // Newest first.
    const times = activity.body.map((entry: { at: string }) => Date.parse(entry.at));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
  });

  it('an editor reads only the diff and activity of their own department’s sections', async () => {
    const diff = await api('baochi').get(`/api/reports/${report.id}/diff?from=${v1}&to=${v2}`);
    expect(diff.status).toBe(200);
    expect(diff.body.changes).toEqual(expected.filter((c) => c.sectionId === sectionA));
    const other = await api('buuchinh').get(`/api/reports/${report.id}/diff?from=${v1}&to=current`);
    expect(other.body.changes).toEqual(expected.filter((c) => c.sectionId === sectionB));

    const activity = await api('baochi').get(`/api/reports/${report.id}/activity`);
    expect(activity.status).toBe(200);
    const entries = activity.body as { userId: string; sectionIds: string[]; kind: string }[];
    expect(entries.some((entry) => entry.userId === sec && entry.sectionIds.includes(sectionA))).toBe(true);
    expect(entries.some((entry) => entry.userId === press)).toBe(true);
    expect(entries.every((entry) => entry.userId === press || entry.sectionIds.includes(sectionA))).toBe(
      true,
    );
    expect(entries.some((entry) => entry.userId === post)).toBe(false);
    expect(entries.some((entry) => entry.sectionIds.includes(sectionB))).toBe(false);
    // The viewer reads all of it.
    const all = await api('lanhdao').get(`/api/reports/${report.id}/activity?limit=1000`);
    expect(all.body.some((entry: { userId: string }) => entry.userId === post)).toBe(true);
  });

  it('refuses a client reusing another user’s clientID with 4403, and logs the refusal', async () => {
    const victim = clients[1]; // the press editor, who has written with its clientID
    const spoof = connectClient(server.wsUrl, report.id, sessions.buuchinh.token, { shouldReconnect: false });
    clients.push(spoof);
    await spoof.synced;
    // Set after the sync: a stock Yjs doc picks a new clientID when the sync brings items of its own.
    const ownId = spoof.doc.clientID;
    spoof.doc.clientID = victim.doc.clientID;
    const marker = `[SPOOF-${Date.now()}]`;
    const target = paragraphText(spoof.doc, sectionB);
    target.insert(target.length, marker); // in the spoofer's own section: only the clientID is wrong
    spoof.doc.clientID = ownId; // the provider's awareness is keyed by it
    expect((await spoof.closed).code).toBe(CloseCode.Forbidden);
    await step(
      clients[2],
      (doc) => paragraphText(doc, sectionB).insert(0, '.'),
      'an honest edit after the spoof',
    );
    expect(docContains(clients[0].doc, marker)).toBe(false);
    const refused = await api('secretary').get(`/api/reports/${report.id}/activity?userId=${post}`);
    expect(refused.body.some((entry: { kind: string }) => entry.kind === 'refused')).toBe(true);
    await step(clients[2], (doc) => paragraphText(doc, sectionB).delete(0, 1), 'undo the honest edit');
  });

  it('attributes the same after a restart (bindings and deletions are on disk)', async () => {
    for (const client of clients) client.destroy();
    clients.length = 0;
    server = await server.restart();
    for (const username of Object.keys(sessions)) sessions[username] = await login(server.url, username);
    const diff = await api('secretary').get(`/api/reports/${report.id}/diff?from=${v1}&to=${v2}`);
    expect(inSection(diff.body.changes, sectionA)).toEqual(expected.filter((c) => c.sectionId === sectionA));
    expect(inSection(diff.body.changes, sectionB)).toEqual(expected.filter((c) => c.sectionId === sectionB));
  });

  it('no response carried a password hash, a salt or a token', async () => {
    const meta = JSON.parse(await readFile(join(server.dataDir, 'meta.json'), 'utf8'));
    const secrets: string[] = [
      ...meta.users.map((user: { passwordHash: string }) => user.passwordHash),
      ...meta.tokens.map((token: { hash: string }) => token.hash),
      ...Object.values(sessions).map((session) => session.token),
    ];
    expect(responses.length).toBeGreaterThan(10);
    for (const body of responses) {
      expect(body).not.toMatch(/passwordHash|"hash"|"salt"|"token"/);
      for (const secret of secrets) expect(body.includes(secret)).toBe(false);
    }
  });
});
