// Two department editors and the secretary on one report through stock y-websocket clients.
import * as decoding from 'lib0/decoding';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { connectClient, type TestClient } from '../helpers/collab';
import { login } from '../helpers/http';
import { demoReport, type ReportDetailBody, sectionOwnedBy } from '../helpers/reports';
import { startTestServer, type TestServer } from '../helpers/server';
import { waitFor, waitForDoc } from '../helpers/wait';
import { docContains, sectionXml, typeInSection } from '../helpers/ydoc';

describe('collaboration relay', () => {
  let server: TestServer;
  let report: ReportDetailBody;
  const clients: TestClient[] = [];
  const connect = (token: string, user?: Record<string, unknown>) => {
    const client = connectClient(server.wsUrl, report.id, token, { user });
    clients.push(client);
    return client;
  };

  beforeAll(async () => {
    server = await startTestServer();
    const secretary = await login(server.url, 'secretary');
    report = await demoReport(server.url, secretary.token);
  });

  afterAll(async () => {
    for (const client of clients) client.destroy();
    await server.close();
  });

  it('two department editors typing in their own sections converge', async () => {
    const press = await login(server.url, 'baochi');
    const post = await login(server.url, 'buuchinh');
    const pressSection = sectionOwnedBy(report, 'baochi').id;
    const postSection = sectionOwnedBy(report, 'buuchinh').id;
    const a = connect(press.token);
    const b = connect(post.token);
    await Promise.all([a.synced, b.synced]);
    expect(docContains(a.doc, 'Bưu chính')).toBe(true);

    // Interleaved typing, as two people at once.
    for (let i = 0; i < 10; i++) {
      typeInSection(a.doc, pressSection, `[bc${i}]`);
      typeInSection(b.doc, postSection, `[bv${i}]`);
    }
    await waitForDoc(b.doc, (doc) => sectionXml(doc, pressSection).includes('[bc9]'), {
      what: 'press edits at B',
    });
    await waitForDoc(a.doc, (doc) => sectionXml(doc, postSection).includes('[bv9]'), {
      what: 'post edits at A',
    });
    await waitFor(
      () => Y.encodeStateVector(a.doc).toString() === Y.encodeStateVector(b.doc).toString(),
      (onEvent) => {
        a.doc.on('update', onEvent);
        b.doc.on('update', onEvent);
        return () => {
          a.doc.off('update', onEvent);
          b.doc.off('update', onEvent);
        };
      },
      { what: 'identical state vectors' },
    );
    expect(a.doc.getXmlFragment('default').toString()).toBe(b.doc.getXmlFragment('default').toString());

    // A third client joining later receives everything from the server.
    const late = connect(press.token);
    await late.synced;
    expect(sectionXml(late.doc, pressSection)).toContain('[bc9]');
    expect(sectionXml(late.doc, postSection)).toContain('[bv9]');
  });

  it('relays awareness to the other clients and removes it when a client leaves', async () => {
    const cntt = await login(server.url, 'cntt');
    const inspection = await login(server.url, 'thanhtra');
    const a = connect(cntt.token, { id: cntt.user.id, name: cntt.user.name });
    const b = connect(inspection.token, { id: inspection.user.id, name: inspection.user.name });
    await Promise.all([a.synced, b.synced]);
    const seesUser = (client: TestClient, userId: string) =>
      [...client.provider.awareness.getStates().values()].some((state) => state.user?.id === userId);
    const onAwareness = (client: TestClient) => (onEvent: () => void) => {
      client.provider.awareness.on('change', onEvent);
      return () => client.provider.awareness.off('change', onEvent);
    };
    await waitFor(() => seesUser(b, cntt.user.id), onAwareness(b), { what: 'A in B’s awareness' });
    await waitFor(() => seesUser(a, inspection.user.id), onAwareness(a), { what: 'B in A’s awareness' });

    a.provider.awareness.setLocalStateField('cursor', { section: 'x' });
    await waitFor(
      () => [...b.provider.awareness.getStates().values()].some((state) => state.cursor?.section === 'x'),
      onAwareness(b),
      { what: 'cursor update at B' },
    );

    a.destroy();
    await waitFor(() => !seesUser(b, cntt.user.id), onAwareness(b), { what: 'A removed from B’s awareness' });
  });

  it('echoes awareness to its sender, so a user alone on a report keeps hearing the server', async () => {
    // The stock client drops a connection that has heard nothing for 30 s; its presence renewal
    // coming back (as the reference server does it) is what a lone user hears.
    const editor = await login(server.url, 'vanphong');
    const alone = connect(editor.token);
    await alone.synced;
    const ws = alone.provider.ws as unknown as {
      addEventListener(type: 'message', listener: (event: { data: ArrayBuffer }) => void): void;
      removeEventListener(type: 'message', listener: (event: { data: ArrayBuffer }) => void): void;
    };
    const ownIds: number[][] = [];
    const onMessage = (event: { data: ArrayBuffer }) => {
      const decoder = decoding.createDecoder(new Uint8Array(event.data));
      if (decoding.readVarUint(decoder) !== 1) return;
      const update = decoding.createDecoder(decoding.readVarUint8Array(decoder));
      const ids: number[] = [];
      for (let count = decoding.readVarUint(update); count > 0; count--) {
        ids.push(decoding.readVarUint(update));
        decoding.readVarUint(update);
        decoding.readVarString(update);
      }
      ownIds.push(ids);
    };
    ws.addEventListener('message', onMessage);
    try {
      alone.provider.awareness.setLocalStateField('cursor', { section: 'alone' });
      await waitFor(
        () => ownIds.some((ids) => ids.includes(alone.doc.clientID)),
        (notify) => {
          ws.addEventListener('message', notify);
          return () => ws.removeEventListener('message', notify);
        },
        { what: 'own awareness echoed back' },
      );
    } finally {
      ws.removeEventListener('message', onMessage);
    }
    expect(alone.provider.wsconnected).toBe(true);
  });

  it('lets a viewer follow live edits', async () => {
    const viewer = await login(server.url, 'lanhdao');
    const secretary = await login(server.url, 'secretary');
    const watcher = connect(viewer.token);
    const writer = connect(secretary.token);
    await Promise.all([watcher.synced, writer.synced]);
    const section = sectionOwnedBy(report, 'thanhtra').id;
    typeInSection(writer.doc, section, '[secretary-was-here]');
    await waitForDoc(watcher.doc, (doc) => sectionXml(doc, section).includes('[secretary-was-here]'));
  });
});
