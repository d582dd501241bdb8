// The review loop through REST (issue 18): the review view, a comment anchored on a quote, accepting
// and rejecting suggestions with the editor's rights, and locking while suggestions are pending.
// Real server, real sockets: suggestions are typed by a stock y-websocket client, and what REST
// changes reaches the other clients live.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { REVIEW_MAP, type ReviewEntry } from '../../shared/review/entries';
import { makeSuggestionId } from '../../shared/review/suggestion-id';
import { connectClient, type TestClient } from '../helpers/collab';
import { apiClient, apiRequest, login, type Session } from '../helpers/http';
import { demoReport, type ReportDetailBody, sectionOwnedBy } from '../helpers/reports';
import { startTestServer, type TestServer } from '../helpers/server';
import { waitForDoc } from '../helpers/wait';
import { findSection } from '../helpers/ydoc';

let server: TestServer;
let report: ReportDetailBody;
const sessions: Record<string, Session> = {};
const clients: TestClient[] = [];
let secretary: TestClient;
let watcher: TestClient;

const api = (username: string) => apiClient(server.url, sessions[username].token);
const path = (rest: string) => `/api/reports/${report.id}${rest}`;
const pressSection = () => sectionOwnedBy(report, 'baochi').id;

function connect(username: string): TestClient {
  const client = connectClient(server.wsUrl, report.id, sessions[username].token, { shouldReconnect: false });
  clients.push(client);
  return client;
}

/** The first paragraph's text of a section in `doc`. */
function paragraphText(doc: Y.Doc, sectionId: string): Y.XmlText {
  const section = findSection(doc, sectionId);
  const paragraph = section
    ?.toArray()
    .find((child): child is Y.XmlElement => child instanceof Y.XmlElement && child.nodeName === 'paragraph');
  const text = paragraph?.toArray().find((child): child is Y.XmlText => child instanceof Y.XmlText);
  if (!text) throw new Error(`no paragraph text in ${sectionId}`);
  return text;
}

/** A paragraph's characters (XmlText.toString would render its formats as tags). */
function plain(text: Y.XmlText): string {
  return (text.toDelta() as { insert: unknown }[])
    .map((op) => (typeof op.insert === 'string' ? op.insert : ''))
    .join('');
}

/** Suggestion ids still marking some text of the watcher's doc. */
function markedIds(doc: Y.Doc): Set<string> {
  const ids = new Set<string>();
  for (const op of paragraphText(doc, pressSection()).toDelta() as {
    attributes?: Record<string, { id: string }>;
  }[]) {
    for (const value of Object.values(op.attributes ?? {})) if (value?.id) ids.add(value.id);
  }
  return ids;
}

/** The secretary suggests in the press department's section: an insertion at the end, a deletion of the first word. */
async function suggest(): Promise<{ insertId: string; deleteId: string; inserted: string; deleted: string }> {
  const insertId = makeSuggestionId('u-secretary');
  const deleteId = makeSuggestionId('u-secretary');
  const inserted = ` ĐỀXUẤT${clients.length}${Date.now()}`;
  const text = paragraphText(secretary.doc, pressSection());
  const word = /\S+/.exec(plain(text));
  if (!word) throw new Error('no word to strike');
  const deleted = word[0];
  secretary.doc.transact(() => {
    text.insert(text.length, inserted, { insertion: { id: insertId } });
    text.format(word.index, deleted.length, { deletion: { id: deleteId } });
  });
  await waitForDoc(watcher.doc, (doc) => markedIds(doc).has(insertId) && markedIds(doc).has(deleteId), {
    what: 'the suggestions on the server',
  });
  return { insertId, deleteId, inserted, deleted };
}

beforeAll(async () => {
  server = await startTestServer({ autoVersionIntervalMs: 0 });
  for (const username of ['secretary', 'baochi', 'buuchinh', 'lanhdao'])
    sessions[username] = await login(server.url, username);
  report = await demoReport(server.url, sessions.secretary.token);
  secretary = connect('secretary');
  watcher = connect('lanhdao');
  await Promise.all([secretary.synced, watcher.synced]);
});

afterAll(async () => {
  for (const client of clients) client.destroy();
  await server?.close();
});

describe('suggestions', () => {
  let first: Awaited<ReturnType<typeof suggest>>;

  it('the review view lists pending suggestions with their author, kind, text and section', async () => {
    first = await suggest();
    const view = await api('lanhdao').get(path('/review'));
    expect(view.status).toBe(200);
    expect(view.body.suggestions).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          id: first.insertId,
          kind: 'insert',
          authorId: 'u-secretary',
          text: first.inserted,
          sectionId: pressSection(),
        }),
        expect.objectContaining({ id: first.deleteId, kind: 'delete', text: first.deleted }),
      ]),
    );
  });

  it('only those who decide for the section may accept or reject', async () => {
    for (const username of ['buuchinh', 'lanhdao']) {
      const refused = await api(username).post(
        path(`/suggestions/${encodeURIComponent(first.insertId)}/accept`),
      );
      expect(refused.status).toBe(403);
      expect(refused.body.error).toMatch(/refused/);
    }
    expect(markedIds(watcher.doc).has(first.insertId)).toBe(true);
    const unknown = await api('baochi').post(path('/suggestions/sg:u-x:1:abcdef/accept'));
    expect(unknown.status).toBe(404);
  });

  it("the section's editor accepts the insertion and rejects the deletion, live for everyone", async () => {
    const accepted = await api('baochi').post(
      path(`/suggestions/${encodeURIComponent(first.insertId)}/accept`),
    );
    expect(accepted.status).toBe(200);
    expect(accepted.body.decided).toEqual([expect.objectContaining({ id: first.insertId, kind: 'insert' })]);
    const rejected = await api('baochi').post(
      path(`/suggestions/${encodeURIComponent(first.deleteId)}/reject`),
    );
    expect(rejected.status).toBe(200);
    await waitForDoc(watcher.doc, (doc) => markedIds(doc).size === 0, { what: 'both decisions' });
    const text = plain(paragraphText(watcher.doc, pressSection()));
    expect(text.endsWith(first.inserted)).toBe(true);
    expect(text.includes(first.deleted)).toBe(true);
    const decisions = [...watcher.doc.getMap<ReviewEntry>(REVIEW_MAP).values()].filter(
      (entry) => entry.kind === 'decision',
    );
    expect(decisions).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ suggestionId: first.insertId, decision: 'accepted', authorId: 'u-baochi' }),
        expect.objectContaining({ suggestionId: first.deleteId, decision: 'rejected', authorId: 'u-baochi' }),
      ]),
    );
    expect((await api('lanhdao').get(path('/review'))).body.suggestions).toEqual([]);
  });

  it('the diff attributes the accepted text to the suggestion’s author', async () => {
    const versions = await api('secretary').get(path('/versions'));
    const base = versions.body[versions.body.length - 1]?.id;
    if (base === undefined) {
      // The demo report starts without a version: take one before a new suggestion.
      expect((await api('secretary').post(path('/versions'), { name: 'trước đề xuất' })).status).toBe(201);
    }
    const before = (await api('secretary').get(path('/versions'))).body[0].id;
    const next = await suggest();
    await api('baochi').post(path(`/suggestions/${encodeURIComponent(next.insertId)}/accept`));
    await api('baochi').post(path(`/suggestions/${encodeURIComponent(next.deleteId)}/accept`));
    await waitForDoc(watcher.doc, (doc) => markedIds(doc).size === 0, { what: 'the decisions' });
    const diff = await api('secretary').get(path(`/diff?from=${before}&to=current`));
    expect(diff.status).toBe(200);
    const changes = diff.body.changes as { kind: string; text: string; userId: string }[];
    expect(changes).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'insert', text: next.inserted, userId: 'u-secretary' }),
        // Accepting a deletion removes the text: the one who accepted it deleted it.
        expect.objectContaining({ kind: 'delete', text: next.deleted, userId: 'u-baochi' }),
      ]),
    );
  });
});

describe('comments', () => {
  it('anyone who reads the report comments on a quote; the anchor covers it and syncs live', async () => {
    const text = plain(paragraphText(watcher.doc, pressSection()));
    const quote = text.split(' ').slice(1, 3).join(' ');
    const made = await api('lanhdao').post(path('/comments'), {
      sectionId: pressSection(),
      quote,
      text: 'Đề nghị làm rõ số liệu.',
    });
    expect(made.status).toBe(201);
    expect(made.body).toMatchObject({
      sectionId: pressSection(),
      authorId: 'u-lanhdao',
      quote,
      resolved: false,
    });
    await waitForDoc(watcher.doc, (doc) => doc.getMap(REVIEW_MAP).has(made.body.id), { what: 'the comment' });
    const entry = watcher.doc.getMap<ReviewEntry>(REVIEW_MAP).get(made.body.id);
    if (entry?.kind !== 'comment') throw new Error('not a comment');
    const start = Y.createAbsolutePositionFromRelativePosition(
      Y.createRelativePositionFromJSON(entry.anchor.start),
      watcher.doc,
    );
    const end = Y.createAbsolutePositionFromRelativePosition(
      Y.createRelativePositionFromJSON(entry.anchor.end),
      watcher.doc,
    );
    expect(start?.type).toBe(paragraphText(watcher.doc, pressSection()));
    expect(text.slice(start?.index, end?.index)).toBe(quote);

    const view = await api('baochi').get(path('/review'));
    expect(view.body.comments).toEqual([
      expect.objectContaining({ id: made.body.id, quote, text: 'Đề nghị làm rõ số liệu.', replies: [] }),
    ]);
  });

  it('refuses what cannot be anchored with a clear 4xx', async () => {
    const post = (body: unknown) => api('lanhdao').post(path('/comments'), body);
    expect(
      (await post({ sectionId: pressSection(), quote: 'không-có-trong-mục-này', text: 'x' })).status,
    ).toBe(422);
    expect((await post({ sectionId: 's-unknownsection', quote: 'a', text: 'x' })).status).toBe(404);
    const empty = await post({ sectionId: pressSection(), quote: 'a', text: '  ' });
    expect(empty.status).toBe(400);
    expect((await post({ sectionId: pressSection(), quote: 'a' })).body.error).toMatch(/"text"/);
  });
});

describe('lock with pending suggestions', () => {
  it('asks for a choice, then rejects all and locks; the review is closed afterwards', async () => {
    const pending = await suggest();
    const summary = await api('secretary').get(path('/review/summary'));
    expect(summary.body).toEqual({ suggestions: 2, openComments: 1 });
    const asked = await api('secretary').post(path('/lock'));
    expect(asked.status).toBe(409);
    expect(asked.body.error).toMatch(/2 suggestion/);
    expect((await api('secretary').post(path('/lock'), { pending: 'sometimes' })).status).toBe(400);
    // An empty body with a JSON content type (integrations written before the choice) is no choice.
    const empty = await apiRequest(server.url, 'POST', path('/lock'), {
      token: sessions.secretary.token,
      rawBody: '',
      headers: { 'Content-Type': 'application/json' },
    });
    expect(empty.status).toBe(409);
    const locked = await api('secretary').post(path('/lock'), { pending: 'reject' });
    expect(locked.status).toBe(200);
    await waitForDoc(watcher.doc, (doc) => markedIds(doc).size === 0, { what: 'the rejections' });
    const text = plain(paragraphText(watcher.doc, pressSection()));
    expect(text.includes(pending.inserted)).toBe(false);
    expect(text.includes(pending.deleted)).toBe(true);
    const late = await api('lanhdao').post(path('/comments'), {
      sectionId: pressSection(),
      quote: 'a',
      text: 'x',
    });
    expect(late.status).toBe(409);
  });
});
