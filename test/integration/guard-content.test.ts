// Content the schema does not allow never enters a report: through the real server and stock
// clients, an editor sending an unknown element (or another department's section id) in their own
// section is closed with 4403, nothing reaches the others, and another editor keeps typing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CloseCode } from '../../shared/protocol';
import { type CloseInfo, connectClient, type TestClient } from '../helpers/collab';
import { login, type Session } from '../helpers/http';
import { demoReport, type ReportDetailBody, sectionOwnedBy } from '../helpers/reports';
import { startTestServer, type TestServer } from '../helpers/server';
import { waitForDoc } from '../helpers/wait';
import { docContains, findSection, sectionXml, typeInSection } from '../helpers/ydoc';

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
});
