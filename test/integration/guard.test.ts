// The guard end to end: a real server, stock y-websocket clients, the seeded demo report.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CloseCode } from '../../shared/protocol';
import { connectClient, type TestClient } from '../helpers/collab';
import { login, type Session } from '../helpers/http';
import { demoReport, type ReportDetailBody, sectionOwnedBy } from '../helpers/reports';
import { startTestServer, type TestServer } from '../helpers/server';
import { waitForDoc } from '../helpers/wait';
import { docContains, typeInSection } from '../helpers/ydoc';

let server: TestServer;
let report: ReportDetailBody;
const sessions: Record<string, Session> = {};
const clients: TestClient[] = [];

function connect(username: string): TestClient {
  const client = connectClient(server.wsUrl, report.id, sessions[username].token);
  clients.push(client);
  return client;
}

async function connected(username: string): Promise<TestClient> {
  const client = connect(username);
  await client.synced;
  return client;
}

/** Every file under `dir` whose bytes contain `needle` (UTF-8). */
async function filesContaining(dir: string, needle: string): Promise<string[]> {
  const found: string[] = [];
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    if ((await readFile(path)).includes(needle)) found.push(path);
  }
  return found;
}

beforeAll(async () => {
  server = await startTestServer();
  for (const username of ['secretary', 'baochi', 'buuchinh', 'cntt', 'lanhdao']) {
    sessions[username] = await login(server.url, username);
  }
  report = await demoReport(server.url, sessions.secretary.token);
});

afterAll(async () => {
  for (const client of clients) client.destroy();
  await server?.close();
});

describe('guard with stock clients', () => {
  it('keeps a refused edit from other clients and the disk, closes its socket with 4403, lets honest edits flow', async () => {
    const own = sectionOwnedBy(report, 'baochi');
    const foreign = sectionOwnedBy(report, 'buuchinh');
    const watcher = await connected('secretary');
    const offender = await connected('baochi');
    const honest = await connected('buuchinh');

    const forbidden = `FORBIDDEN-${Date.now()}`;
    typeInSection(offender.doc, foreign.id, forbidden);
    const close = await offender.closed;
    expect(close.code).toBe(CloseCode.Forbidden);

    // Sent after the refusal was observed: once it arrives, anything relayed before it has arrived too.
    const allowed = `ALLOWED-${Date.now()}`;
    typeInSection(honest.doc, foreign.id, allowed);
    await waitForDoc(watcher.doc, (d) => docContains(d, allowed), { what: 'the honest edit at the watcher' });
    expect(docContains(watcher.doc, forbidden)).toBe(false);
    expect(docContains(honest.doc, forbidden)).toBe(false);

    // The same user on a fresh client keeps working in their own section.
    const again = await connected('baochi');
    expect(docContains(again.doc, forbidden)).toBe(false);
    const ownText = `OWN-${Date.now()}`;
    typeInSection(again.doc, own.id, ownText);
    await waitForDoc(watcher.doc, (d) => docContains(d, ownText), { what: 'the editor’s own edit' });

    // The refusal is logged with user and reason.
    expect(server.logs.some((log) => log.message.includes('refused') && log.message.includes('baochi'))).toBe(
      true,
    );

    // Disk: what others have seen is stored (durability contract), the refused text never is —
    // also not after a restart.
    expect(await filesContaining(server.dataDir, ownText)).not.toHaveLength(0);
    expect(await filesContaining(server.dataDir, forbidden)).toHaveLength(0);
    for (const client of [watcher, honest, again]) client.destroy();
    server = await server.restart();
    const reader = await connected('lanhdao');
    expect(docContains(reader.doc, allowed)).toBe(true);
    expect(docContains(reader.doc, ownText)).toBe(true);
    expect(docContains(reader.doc, forbidden)).toBe(false);
    reader.destroy();
  });
});
