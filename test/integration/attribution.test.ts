// GET /api/reports/:id/attribution: the server's clientID → user bindings and deleted-by ranges,
// for the client's compare and colour-by-author views. Three users type (and delete) through stock
// y-websocket clients; the payload must name each of them for exactly their own text.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { type AttributionPayload, userDataFromPayload } from '../../shared/history/attribution';
import { connectClient, type TestClient } from '../helpers/collab';
import { apiRequest, login, type Session } from '../helpers/http';
import { demoReport, type ReportDetailBody, sectionOwnedBy } from '../helpers/reports';
import { startTestServer, type TestServer } from '../helpers/server';
import { waitFor, waitForDoc } from '../helpers/wait';
import { findSection, sectionXml, typeInSection } from '../helpers/ydoc';

/** Every visible text item of a section. */
function textItems(doc: Y.Doc, sectionId: string): { id: Y.ID; str: string }[] {
  const items: { id: Y.ID; str: string }[] = [];
  // biome-ignore lint/suspicious/noExplicitAny: Yjs types are generic over their content
  const visit = (type: Y.AbstractType<any>) => {
    for (let item = type._start; item; item = item.right) {
      if (item.content instanceof Y.ContentString && !item.deleted)
        items.push({ id: item.id, str: item.content.str });
      if (item.content instanceof Y.ContentType && !item.deleted) visit(item.content.type);
    }
  };
  const section = findSection(doc, sectionId);
  if (section) visit(section);
  return items;
}

/** Delete `word` (and the space before it) wherever it is in the section, as its user would. */
function deleteWord(doc: Y.Doc, sectionId: string, word: string): void {
  const visit = (type: Y.XmlElement | Y.XmlText): boolean => {
    if (type instanceof Y.XmlText) {
      // Plain text (toString() would add markup for formatted runs); an embed counts as one.
      const text = type
        .toDelta()
        .map((op: { insert: unknown }) => (typeof op.insert === 'string' ? op.insert : '\uFFFC'))
        .join('');
      const at = text.indexOf(` ${word}`);
      if (at < 0) return false;
      type.delete(at, word.length + 1);
      return true;
    }
    return type
      .toArray()
      .some((child) => (child instanceof Y.XmlElement || child instanceof Y.XmlText ? visit(child) : false));
  };
  const section = findSection(doc, sectionId);
  if (!section || !visit(section)) throw new Error(`${word} not in section ${sectionId}`);
}

describe('GET /api/reports/:id/attribution', () => {
  let server: TestServer;
  let report: ReportDetailBody;
  let secretary: Session;
  let press: Session;
  let post: Session;
  let viewer: Session;
  const clients: TestClient[] = [];
  const get = (token: string | undefined, id = report.id) =>
    apiRequest<AttributionPayload>(server.url, 'GET', `/api/reports/${id}/attribution`, { token });

  beforeAll(async () => {
    server = await startTestServer();
    [secretary, press, post, viewer] = await Promise.all(
      ['secretary', 'baochi', 'buuchinh', 'lanhdao'].map((name) => login(server.url, name)),
    );
    report = await demoReport(server.url, secretary.token);
  });

  afterAll(async () => {
    for (const client of clients) client.destroy();
    await server.close();
  });

  it('names the writer of every clientID and the deleter of every deleted run', async () => {
    const pressSection = sectionOwnedBy(report, 'baochi').id;
    const postSection = sectionOwnedBy(report, 'buuchinh').id;
    const [a, b, s] = [press, post, secretary].map((session) => {
      const client = connectClient(server.wsUrl, report.id, session.token);
      clients.push(client);
      return client;
    });
    await Promise.all([a.synced, b.synced, s.synced]);
    for (let i = 0; i < 3; i++) {
      typeInSection(a.doc, pressSection, ` [press${i}]`);
      typeInSection(b.doc, postSection, ` [post${i}]`);
      typeInSection(s.doc, postSection, ` [sec${i}]`);
    }
    const hasAll = (doc: Y.Doc) =>
      sectionXml(doc, postSection).includes('[sec2]') &&
      sectionXml(doc, postSection).includes('[post2]') &&
      sectionXml(doc, pressSection).includes('[press2]');
    await Promise.all([a, b, s].map((client) => waitForDoc(client.doc, hasAll, { what: 'all edits' })));
    // The id of each word's first character, read before the deletions (the clients' docs collect
    // deleted text as garbage).
    const wordIds = new Map<string, Y.ID>();
    for (const sectionId of [pressSection, postSection]) {
      for (const item of textItems(a.doc, sectionId)) {
        // Yjs merges one client's consecutive runs into one item.
        for (const match of item.str.matchAll(/\[(press|post|sec)\d\]/g)) {
          wordIds.set(match[0], Y.createID(item.id.client, item.id.clock + (match.index ?? 0)));
        }
      }
    }
    // The post editor deletes the secretary's last word; the secretary deletes the press editor's.
    deleteWord(b.doc, postSection, '[sec2]');
    await waitForDoc(s.doc, (doc) => !sectionXml(doc, postSection).includes('[sec2]'), { what: 'delete' });
    deleteWord(s.doc, pressSection, '[press2]');
    await waitForDoc(a.doc, (doc) => !sectionXml(doc, pressSection).includes('[press2]'), {
      what: 'secretary delete',
    });

    // The deletions are recorded while the updates are applied; poll the endpoint until both show.
    let payload: AttributionPayload | null = null;
    const deletesKnown = (p: AttributionPayload) => new Set(p.deletes.map((d) => d[3])).size >= 2;
    await waitFor(
      () => payload !== null && deletesKnown(payload),
      (onEvent) => {
        let stop = false;
        const poll = async () => {
          while (!stop) {
            const response = await get(secretary.token);
            expect(response.status).toBe(200);
            payload = response.body;
            onEvent();
            if (deletesKnown(payload)) return;
            await new Promise<void>((resolve) => setImmediate(resolve));
          }
        };
        void poll();
        return () => {
          stop = true;
        };
      },
      { what: 'both deletions in the attribution' },
    );
    const body = payload as unknown as AttributionPayload;

    expect(body.users?.[post.user.id]).toEqual({
      id: post.user.id,
      name: post.user.name,
      departmentId: 'buuchinh',
    });
    expect(body.clients[String(a.doc.clientID)]).toBe(press.user.id);
    expect(body.clients[String(b.doc.clientID)]).toBe(post.user.id);
    expect(body.clients[String(s.doc.clientID)]).toBe(secretary.user.id);

    // Read every word's writer and deleter back through the snapshot-rendering object.
    const userData = userDataFromPayload(body);
    const deletedNow = Y.snapshot(a.doc).ds;
    const byWord = new Map<string, { writer: string | null; deleter: string | null }>();
    for (const [word, id] of wordIds) {
      byWord.set(word, {
        writer: userData.getUserByClientId(id.client),
        deleter: Y.isDeleted(deletedNow, id) ? userData.getUserByDeletedId(id) : null,
      });
    }
    expect(byWord.get('[press0]')).toEqual({ writer: press.user.id, deleter: null });
    expect(byWord.get('[post1]')).toEqual({ writer: post.user.id, deleter: null });
    expect(byWord.get('[sec0]')).toEqual({ writer: secretary.user.id, deleter: null });
    expect(byWord.get('[sec2]')).toEqual({ writer: secretary.user.id, deleter: post.user.id });
    expect(byWord.get('[press2]')).toEqual({ writer: press.user.id, deleter: secretary.user.id });
  });

  it('lets viewers read it and refuses editors, strangers and unknown reports', async () => {
    const asViewer = await get(viewer.token);
    expect(asViewer.status).toBe(200);
    expect(Object.values(asViewer.body.clients)).toContain(press.user.id);
    expect((await get(press.token)).status).toBe(403);
    expect((await get(undefined)).status).toBe(401);
    expect((await get(secretary.token, 'no-such-report')).status).toBe(404);
  });

  it('never leaks secrets', async () => {
    const response = await apiRequest(server.url, 'GET', `/api/reports/${report.id}/attribution`, {
      token: secretary.token,
    });
    expect(response.text).not.toMatch(/passwordHash|token|\$scrypt|\$argon/i);
  });
});
