// The socket refuses what it must: unknown reports, missing or forged tokens, and every kind of
// malformed frame — closing only the offending socket, leaving the document (as a fresh client
// reads it from the server) and others untouched.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CloseCode, MAX_FRAME_BYTES } from '../../shared/protocol';
import { connectClient, type TestClient } from '../helpers/collab';
import { apiRequest, login, type Session } from '../helpers/http';
import { openRawSocket, rawSocketUrl, sendOversizedFrame, updateFrame } from '../helpers/raw-socket';
import { demoReport, type ReportDetailBody, sectionOwnedBy } from '../helpers/reports';
import { startTestServer, type TestServer } from '../helpers/server';
import { waitForDoc } from '../helpers/wait';
import { type DocState, docState, sectionXml, typeInSection } from '../helpers/ydoc';

function expectSameState(actual: DocState, expected: DocState): void {
  expect(actual.xml).toBe(expected.xml);
  expect(actual.stateVector).toEqual(expected.stateVector);
  expect(actual.deletions).toEqual(expected.deletions);
}

describe('socket refusals', () => {
  let server: TestServer;
  let report: ReportDetailBody;
  let secretary: Session;
  let editor: Session;
  let viewer: Session;
  let writer: TestClient;
  let watcher: TestClient;
  let section: string;
  let round = 0;

  /** The honest pair keeps editing: a fresh edit still reaches the watcher. */
  async function expectEditingContinues() {
    const marker = `[still-editing-${round++}]`;
    typeInSection(writer.doc, section, marker);
    await waitForDoc(watcher.doc, (doc) => sectionXml(doc, section).includes(marker), { what: marker });
  }

  /** The document as the server holds it, read through a fresh client's sync. */
  async function serverState(): Promise<DocState> {
    const reader = connectClient(server.wsUrl, report.id, viewer.token);
    try {
      await reader.synced;
      return docState(reader.doc);
    } finally {
      reader.destroy();
    }
  }

  beforeAll(async () => {
    server = await startTestServer();
    secretary = await login(server.url, 'secretary');
    editor = await login(server.url, 'baochi');
    viewer = await login(server.url, 'lanhdao');
    report = await demoReport(server.url, secretary.token);
    section = sectionOwnedBy(report, 'baochi').id;
    writer = connectClient(server.wsUrl, report.id, editor.token);
    watcher = connectClient(server.wsUrl, report.id, secretary.token);
    await Promise.all([writer.synced, watcher.synced]);
  });

  afterAll(async () => {
    writer.destroy();
    watcher.destroy();
    await server.close();
  });

  it('closes an unknown report with 4404', async () => {
    for (const id of ['r-doesnotexist', '..%2F..%2Fetc%2Fpasswd', 'X']) {
      const socket = await openRawSocket(rawSocketUrl(server.wsUrl, decodeURIComponent(id), secretary.token));
      expect((await socket.closed).code).toBe(CloseCode.UnknownReport);
    }
    const client = connectClient(server.wsUrl, 'r-doesnotexist', secretary.token);
    expect((await client.closed).code).toBe(CloseCode.UnknownReport);
    client.destroy();
  });

  it('closes a missing or forged token with 4401', async () => {
    const missing = await openRawSocket(rawSocketUrl(server.wsUrl, report.id));
    expect((await missing.closed).code).toBe(CloseCode.Unauthenticated);
    const forged = await openRawSocket(
      rawSocketUrl(server.wsUrl, report.id, `${secretary.token.slice(0, -2)}xx`),
    );
    expect((await forged.closed).code).toBe(CloseCode.Unauthenticated);
    // Unknown report and no token: authentication is checked first, nothing is revealed.
    const both = await openRawSocket(rawSocketUrl(server.wsUrl, 'r-doesnotexist', 'nope'));
    expect((await both.closed).code).toBe(CloseCode.Unauthenticated);
    const stock = connectClient(server.wsUrl, report.id, 'forged-token');
    expect((await stock.closed).code).toBe(CloseCode.Unauthenticated);
    stock.destroy();
  });

  const badFrames: [string, Uint8Array | string][] = [
    ['an empty frame', new Uint8Array(0)],
    ['a truncated sync message', new Uint8Array([0])],
    ['a truncated update (length larger than the frame)', new Uint8Array([0, 2, 50, 1, 2, 3])],
    ['random bytes', Uint8Array.from({ length: 64 }, (_, i) => (i * 97 + 13) % 256)],
    ['an unknown message type', new Uint8Array([7, 0, 0])],
    ['an unknown sync message type', new Uint8Array([0, 9, 0])],
    ['an auth message', new Uint8Array([2, 0])],
    ['an invalid Yjs update', updateFrame(new Uint8Array([1, 200, 1, 5, 0, 0, 255, 255, 255, 255, 255]))],
    ['a malformed awareness update', new Uint8Array([1, 4, 1, 1, 1, 0x7b])],
    ['a text frame', 'hello'],
  ];

  for (const [name, frame] of badFrames) {
    it(`closes the socket on ${name} (4400) and leaves the document unchanged`, async () => {
      const before = await serverState();
      const socket = await openRawSocket(rawSocketUrl(server.wsUrl, report.id, editor.token));
      socket.send(frame);
      expect((await socket.closed).code).toBe(CloseCode.Malformed);
      // The server's document as a fresh client receives it: the bad frame added and removed nothing.
      expectSameState(await serverState(), before);
      await expectEditingContinues();
      const health = await apiRequest(server.url, 'GET', '/api/health');
      expect(health.status).toBe(200);
    });
  }

  it('closes a 40 MiB frame with 4413 on its header, before its payload is sent', async () => {
    // ws checks a frame's declared length in its header (socket-limits.ts): the server must close
    // the socket without reading the payload. A server that buffered the frame and judged it
    // afterwards would answer only once all 40 MiB had gone through.
    const frameBytes = 40 * 1024 * 1024;
    const result = await sendOversizedFrame(rawSocketUrl(server.wsUrl, report.id, editor.token), frameBytes);
    expect(result.closeCode).toBe(CloseCode.TooLarge);
    // Closed on the header: not even the accepted maximum was read before the close frame came.
    expect(result.payloadBytesSent).toBeLessThan(MAX_FRAME_BYTES / 2);
    await expectEditingContinues();
  });

  it('refuses edits from a viewer with 4403 and never relays them', async () => {
    const client = connectClient(server.wsUrl, report.id, viewer.token);
    await client.synced;
    typeInSection(client.doc, section, '[viewer-edit]');
    expect((await client.closed).code).toBe(CloseCode.Forbidden);
    client.destroy();
    await expectEditingContinues();
    expect(sectionXml(watcher.doc, section)).not.toContain('[viewer-edit]');
    expect(server.logs.some((log) => log.message.includes('refused an update from lanhdao'))).toBe(true);
  });
});
