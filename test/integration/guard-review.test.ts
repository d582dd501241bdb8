// The review loop through the real server and stock clients: a viewer's comment and another
// department's suggestion reach everyone; a forged comment and a plain edit in another department's
// section close their socket with 4403 and reach nobody.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CloseCode } from '../../shared/protocol';
import type { CommentEntry } from '../../shared/review/entries';
import { makeSuggestionId } from '../../shared/review/suggestion-id';
import { connectClient, type TestClient } from '../helpers/collab';
import { login, type Session } from '../helpers/http';
import { demoReport, type ReportDetailBody, sectionOwnedBy } from '../helpers/reports';
import { startTestServer, type TestServer } from '../helpers/server';
import { waitForDoc } from '../helpers/wait';
import { findSection, sectionXml } from '../helpers/ydoc';

describe('guard: review through the socket', () => {
  let server: TestServer;
  let report: ReportDetailBody;
  let sessions: Record<string, Session>;
  let watcher: TestClient;
  const clients: TestClient[] = [];

  const connect = async (session: Session) => {
    const client = connectClient(server.wsUrl, report.id, session.token, { shouldReconnect: false });
    clients.push(client);
    await client.synced;
    return client;
  };

  beforeAll(async () => {
    server = await startTestServer();
    sessions = {
      secretary: await login(server.url, 'secretary'),
      baochi: await login(server.url, 'baochi'),
      buuchinh: await login(server.url, 'buuchinh'),
      lanhdao: await login(server.url, 'lanhdao'),
    };
    report = await demoReport(server.url, sessions.secretary.token);
    watcher = await connect(sessions.secretary);
  });

  afterAll(async () => {
    for (const client of clients) client.destroy();
    await server.close();
  });

  const comment = (id: string, authorId: string): CommentEntry => ({
    kind: 'comment',
    id,
    sectionId: sectionOwnedBy(report, 'baochi').id,
    authorId,
    text: 'Đề nghị kiểm tra lại số liệu',
    quote: '',
    anchor: { start: { tname: 'default', assoc: 0 }, end: { tname: 'default', assoc: -1 } },
    at: new Date().toISOString(),
  });

  /** The first paragraph's text of baochi's section in `doc`. */
  const baochiText = (doc: Y.Doc): Y.XmlText => {
    const section = findSection(doc, sectionOwnedBy(report, 'baochi').id);
    const paragraph = section
      ?.toArray()
      .find((c): c is Y.XmlElement => c instanceof Y.XmlElement && c.nodeName === 'paragraph');
    if (!paragraph) throw new Error('no paragraph in the baochi section');
    return paragraph.get(0) as Y.XmlText;
  };

  it('relays a viewer’s comment, closes a viewer forging one in the secretary’s name', async () => {
    const viewer = sessions.lanhdao.user;
    const forger = await connect(sessions.lanhdao);
    forger.doc.getMap('review').set('c-forged001', comment('c-forged001', sessions.secretary.user.id));
    const closed = await forger.closed;
    expect(closed.code).toBe(CloseCode.Forbidden);
    expect(closed.reason).toMatch(/written for another user/);

    const honest = await connect(sessions.lanhdao);
    honest.doc.getMap('review').set('c-honest001', comment('c-honest001', viewer.id));
    await waitForDoc(watcher.doc, (doc) => doc.getMap('review').has('c-honest001'), { what: 'the comment' });
    expect(watcher.doc.getMap('review').has('c-forged001')).toBe(false);
    expect(watcher.doc.getMap('review').get('c-honest001')).toMatchObject({ authorId: viewer.id });
  });

  it('relays another department’s suggestion, closes its plain edit there', async () => {
    const section = sectionOwnedBy(report, 'baochi').id;
    const plain = await connect(sessions.buuchinh);
    baochiText(plain.doc).insert(0, '[thẳng]');
    const closed = await plain.closed;
    expect(closed.code).toBe(CloseCode.Forbidden);
    expect(closed.reason).toMatch(/edit in section/);

    const suggester = await connect(sessions.buuchinh);
    const id = makeSuggestionId(sessions.buuchinh.user.id);
    baochiText(suggester.doc).insert(0, '[đề-xuất]', { insertion: { id } });
    await waitForDoc(watcher.doc, (doc) => sectionXml(doc, section).includes('[đề-xuất]'), {
      what: 'the suggestion',
    });
    expect(sectionXml(watcher.doc, section)).not.toContain('[thẳng]');
    expect(baochiText(watcher.doc).toDelta()[0]).toEqual({
      insert: '[đề-xuất]',
      attributes: { insertion: { id } },
    });
  });
});
