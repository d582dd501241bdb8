// Content the schema does not allow never enters a report: through the real server and stock
// clients, an editor sending an unknown element (or another department's section id) in their own
// section is closed with 4403, nothing reaches the others, and another editor keeps typing. The
// same holds for ordinary tables with a crafted cell span or in the closing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CloseCode } from '../../shared/protocol';
import { type CloseInfo, connectClient, type TestClient } from '../helpers/collab';
import { login, type Session } from '../helpers/http';
import { demoReport, type ReportDetailBody, sectionOwnedBy } from '../helpers/reports';
import { startTestServer, type TestServer } from '../helpers/server';
import { waitForDoc } from '../helpers/wait';
import { docContains, findSection, sectionXml, typeInSection } from '../helpers/ydoc';

/** A one-row table as y-tiptap writes it; `colspan` as given (a number from an honest editor). */
function table(text: string, colspan: unknown = 1): Y.XmlElement {
  const paragraph = new Y.XmlElement('paragraph');
  const t = new Y.XmlText();
  t.insert(0, text);
  paragraph.insert(0, [t]);
  const cell = new Y.XmlElement('tableCell');
  cell.setAttribute('colspan', colspan as string);
  cell.setAttribute('rowspan', 1 as unknown as string);
  cell.insert(0, [paragraph]);
  const row = new Y.XmlElement('tableRow');
  row.insert(0, [cell]);
  const el = new Y.XmlElement('table');
  el.insert(0, [row]);
  return el;
}

describe('guard: content through the socket', () => {
  let server: TestServer;
  let report: ReportDetailBody;
  let sessions: Record<string, Session>;
  let other: TestClient;
  let watcher: TestClient;
  const clients: TestClient[] = [];
  let round = 0;

  const connect = (session: Session, shouldReconnect?: boolean) => {
    const client = connectClient(server.wsUrl, report.id, session.token, { shouldReconnect });
    clients.push(client);
    return client;
  };

  /** The other department's editor types on; the watcher sees it. */
  async function expectOtherKeepsTyping() {
    const section = sectionOwnedBy(report, 'buuchinh').id;
    const marker = `[buuchinh-${round++}]`;
    typeInSection(other.doc, section, marker);
    await waitForDoc(watcher.doc, (doc) => sectionXml(doc, section).includes(marker), { what: marker });
  }

  beforeAll(async () => {
    server = await startTestServer();
    sessions = {
      secretary: await login(server.url, 'secretary'),
      baochi: await login(server.url, 'baochi'),
      buuchinh: await login(server.url, 'buuchinh'),
    };
    report = await demoReport(server.url, sessions.secretary.token);
    other = connect(sessions.buuchinh);
    watcher = connect(sessions.secretary);
    await Promise.all([other.synced, watcher.synced]);
  });

  afterAll(async () => {
    for (const client of clients) client.destroy();
    await server.close();
  });

  async function attack(edit: (section: Y.XmlElement) => void): Promise<CloseInfo> {
    const attacker = connect(sessions.baochi, false);
    await attacker.synced;
    const own = findSection(attacker.doc, sectionOwnedBy(report, 'baochi').id);
    if (!own) throw new Error('no own section');
    attacker.doc.transact(() => edit(own));
    return attacker.closed;
  }

  it('closes an editor who puts a script element in their own section, the others type on', async () => {
    const closed = await attack((section) => {
      const paragraph = section
        .toArray()
        .find((c) => c instanceof Y.XmlElement && c.nodeName === 'paragraph');
      (paragraph as Y.XmlElement).insert(0, [new Y.XmlElement('script')]);
    });
    expect(closed.code).toBe(CloseCode.Forbidden);
    expect(closed.reason).toMatch(/unknown element "script"/);
    await expectOtherKeepsTyping();
    expect(docContains(watcher.doc, '<script')).toBe(false);
  });

  it('closes an editor who creates a sub-section with another department’s id', async () => {
    const stolen = sectionOwnedBy(report, 'buuchinh').id;
    const closed = await attack((section) => {
      const copy = new Y.XmlElement('section');
      copy.setAttribute('id', stolen);
      section.insert(section.length, [copy]);
    });
    expect(closed.code).toBe(CloseCode.Forbidden);
    expect(closed.reason).toMatch(/section id ".*" is already used/);
    await expectOtherKeepsTyping();
    const late = connect(sessions.secretary);
    await late.synced;
    expect(docContains(late.doc, `id="${stolen}"`)).toBe(true);
    let count = 0;
    const walk = (parent: Y.XmlFragment | Y.XmlElement) => {
      for (const child of parent.toArray()) {
        if (!(child instanceof Y.XmlElement) || child.nodeName !== 'section') continue;
        if (child.getAttribute('id') === stolen) count++;
        walk(child);
      }
    };
    walk(late.doc.getXmlFragment('default'));
    expect(count).toBe(1);
  });

  // Ordinary tables: an honest one in the editor's own section reaches the others; a crafted cell
  // span, or a table put in the closing, closes that socket with 4403.
  async function ownSection(session: Session) {
    const client = connect(session, false);
    await client.synced;
    const own = findSection(client.doc, sectionOwnedBy(report, 'baochi').id);
    if (!own) throw new Error('no own section');
    return { client, own };
  }

  it('relays an honest table in the editor’s own section', async () => {
    const { client, own } = await ownSection(sessions.baochi);
    client.doc.transact(() => own.insert(2, [table('[bảng-thật]')]));
    const section = sectionOwnedBy(report, 'baochi').id;
    await waitForDoc(watcher.doc, (doc) => sectionXml(doc, section).includes('[bảng-thật]'), {
      what: 'the honest table',
    });
    expect(sectionXml(watcher.doc, section)).toContain(
      '<table><tablerow><tablecell colspan="1" rowspan="1"><paragraph>[bảng-thật]</paragraph></tablecell></tablerow></table>',
    );
  });

  it('closes an editor who sends a cell spanning 0 columns, the others type on', async () => {
    const { client, own } = await ownSection(sessions.baochi);
    client.doc.transact(() => own.insert(2, [table('[bảng-xấu]', 0)]));
    const closed: CloseInfo = await client.closed;
    expect(closed.code).toBe(CloseCode.Forbidden);
    expect(closed.reason).toMatch(/invalid value of attribute "colspan" on tableCell/);
    await expectOtherKeepsTyping();
    expect(docContains(watcher.doc, '[bảng-xấu]')).toBe(false);
  });

  it('closes the secretary’s socket when a table goes into the closing', async () => {
    const client = connect(sessions.secretary, false);
    await client.synced;
    const body = client.doc.getXmlFragment('default');
    const closing = body
      .toArray()
      .find((c): c is Y.XmlElement => c instanceof Y.XmlElement && c.nodeName === 'closing');
    if (!closing) throw new Error('no closing');
    client.doc.transact(() => closing.insert(0, [table('[bảng-cuối]')]));
    const closed = await client.closed;
    expect(closed.code).toBe(CloseCode.Forbidden);
    expect(closed.reason).toMatch(/table not allowed in closing/);
    await expectOtherKeepsTyping();
    expect(docContains(watcher.doc, '[bảng-cuối]')).toBe(false);
  });
});
