// Durability: a clean restart keeps everything; a SIGKILL the moment an edit was relayed keeps
// that edit, its author and its deletions; compaction keeps everything too.
import { readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { connectClient, type TestClient } from '../helpers/collab';
import { apiRequest, login } from '../helpers/http';
import { killWhenReceived, type ServerProcess, spawnServer } from '../helpers/process';
import { demoReport, sectionOwnedBy } from '../helpers/reports';
import { makeTempDir, startTestServer, type TestServer } from '../helpers/server';
import { waitForDoc } from '../helpers/wait';
import { clientsWhoWrote, deleteInSection, findSection, sectionXml, typeInSection } from '../helpers/ydoc';

describe('persistence', () => {
  const clients: TestClient[] = [];
  const servers: TestServer[] = [];
  const processes: ServerProcess[] = [];
  const dirs: string[] = [];

  afterEach(async () => {
    for (const client of clients.splice(0)) client.destroy();
    for (const server of servers.splice(0)) await server.close();
    for (const running of processes.splice(0)) {
      running.child.kill('SIGKILL');
      await running.exited;
    }
    for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
  });

  it('keeps edits and statuses across a clean restart', async () => {
    const first = await startTestServer({ keepData: true });
    dirs.push(first.dataDir);
    const secretary = await login(first.url, 'secretary');
    const report = await demoReport(first.url, secretary.token);
    const section = sectionOwnedBy(report, 'cntt').id;
    const cntt = await login(first.url, 'cntt');
    const writer = connectClient(first.wsUrl, report.id, cntt.token);
    const reader = connectClient(first.wsUrl, report.id, secretary.token);
    clients.push(writer, reader);
    await Promise.all([writer.synced, reader.synced]);
    typeInSection(writer.doc, section, '[before-restart]');
    await waitForDoc(reader.doc, (doc) => sectionXml(doc, section).includes('[before-restart]'));
    const patched = await apiRequest(first.url, 'PATCH', `/api/reports/${report.id}/sections/${section}`, {
      token: cntt.token,
      body: { status: 'submitted' },
    });
    expect(patched.status).toBe(200);
    writer.destroy();
    reader.destroy();

    const second = await first.restart();
    servers.push(second);
    const again = await login(second.url, 'secretary');
    const detail = await apiRequest(second.url, 'GET', `/api/reports/${report.id}`, { token: again.token });
    expect(detail.body.sections).toEqual(expect.arrayContaining([expect.objectContaining({ number: 'I.' })]));
    const client = connectClient(second.wsUrl, report.id, again.token);
    clients.push(client);
    await client.synced;
    expect(sectionXml(client.doc, section)).toContain('[before-restart]');
    const state = findById(detail.body.sections, section);
    expect(state?.status).toBe('submitted');
  });

  /** The text of the section's first paragraph (where typeInSection writes). */
  const firstParagraph = (doc: Y.Doc, section: string): string => {
    const found = findSection(doc, section);
    const paragraph = found
      ?.toArray()
      .find(
        (child): child is Y.XmlElement => child instanceof Y.XmlElement && child.nodeName === 'paragraph',
      );
    return (
      paragraph
        ?.toArray()
        .find((child) => child instanceof Y.XmlText)
        ?.toString() ?? ''
    );
  };

  it('keeps an edit and its author when killed with SIGKILL the moment the edit was relayed', async () => {
    const dataDir = await makeTempDir();
    dirs.push(dataDir);
    const first = await spawnServer({ DATA_DIR: dataDir });
    processes.push(first);
    const secretary = await login(first.url, 'secretary');
    const report = await demoReport(first.url, secretary.token);
    const section = sectionOwnedBy(report, 'thanhtra').id;
    const editor = await login(first.url, 'thanhtra');
    const writer = connectClient(first.wsUrl, report.id, editor.token);
    const reader = connectClient(first.wsUrl, report.id, secretary.token);
    clients.push(writer, reader);
    await Promise.all([writer.synced, reader.synced]);

    // No grace period: the process dies inside the reader's receipt of the relayed edit.
    const killed = killWhenReceived(first, reader.doc, () =>
      sectionXml(reader.doc, section).includes('[survives-kill-9]'),
    );
    typeInSection(writer.doc, section, '[survives-kill-9]');
    await killed;
    expect((await first.exited).signal).toBe('SIGKILL');
    const seen = firstParagraph(reader.doc, section);
    writer.destroy();
    reader.destroy();

    const second = await spawnServer({ DATA_DIR: dataDir });
    processes.push(second);
    const again = await login(second.url, 'secretary');
    const client = connectClient(second.wsUrl, report.id, again.token);
    clients.push(client);
    await client.synced;
    expect(firstParagraph(client.doc, section)).toBe(seen);
    const authors = clientsWhoWrote(client.doc, '[survives-kill-9]');
    expect(authors).toEqual([writer.doc.clientID]);
    const attribution = await apiRequest(second.url, 'GET', `/api/reports/${report.id}/attribution`, {
      token: again.token,
    });
    expect(attribution.status).toBe(200);
    expect(attribution.body.clients[String(writer.doc.clientID)]).toBe(editor.user.id);
  });

  it('keeps an edit, who wrote it and who deleted text when killed the moment it was relayed', async () => {
    const dataDir = await makeTempDir();
    dirs.push(dataDir);
    const first = await spawnServer({ DATA_DIR: dataDir });
    processes.push(first);
    const secretary = await login(first.url, 'secretary');
    const report = await demoReport(first.url, secretary.token);
    const section = sectionOwnedBy(report, 'baochi').id;
    const editor = await login(first.url, 'baochi');
    const writer = connectClient(first.wsUrl, report.id, editor.token);
    const reader = connectClient(first.wsUrl, report.id, secretary.token);
    clients.push(writer, reader);
    await Promise.all([writer.synced, reader.synced]);
    const original = firstParagraph(reader.doc, section);
    expect(original.length).toBeGreaterThan(3);

    const killed = killWhenReceived(first, reader.doc, () =>
      sectionXml(reader.doc, section).includes('[attributed]'),
    );
    // A fresh client id (bound on this first edit) that also deletes imported text.
    writer.doc.transact(() => {
      deleteInSection(writer.doc, section, 3);
      typeInSection(writer.doc, section, '[attributed]');
    });
    // No grace period: whatever the relay implies must already be in the files.
    await killed;
    const expected = `${original.slice(0, -3)}[attributed]`;
    expect(firstParagraph(reader.doc, section)).toBe(expected);
    writer.destroy();
    reader.destroy();

    const second = await spawnServer({ DATA_DIR: dataDir });
    processes.push(second);
    const again = await login(second.url, 'secretary');
    const client = connectClient(second.wsUrl, report.id, again.token);
    clients.push(client);
    await client.synced;
    // The text survived: the insertion and the deletion both.
    expect(firstParagraph(client.doc, section)).toBe(expected);
    expect(clientsWhoWrote(client.doc, '[attributed]')).toEqual([writer.doc.clientID]);
    const attribution = await apiRequest(second.url, 'GET', `/api/reports/${report.id}/attribution`, {
      token: again.token,
    });
    expect(attribution.status).toBe(200);
    expect(attribution.body.clients[String(writer.doc.clientID)]).toBe(editor.user.id);
    const deleters = (attribution.body.deletes as [number, number, number, string][]).map(
      (entry) => entry[3],
    );
    expect(deleters).toContain(editor.user.id);
  });

  it('compacts the log into state.bin without losing updates', async () => {
    const server = await startTestServer({ compactAfterRecords: 5 });
    servers.push(server);
    const secretary = await login(server.url, 'secretary');
    const report = await demoReport(server.url, secretary.token);
    const section = sectionOwnedBy(report, 'buuchinh').id;
    const editor = await login(server.url, 'buuchinh');
    const writer = connectClient(server.wsUrl, report.id, editor.token);
    const reader = connectClient(server.wsUrl, report.id, secretary.token);
    clients.push(writer, reader);
    await Promise.all([writer.synced, reader.synced]);
    const stateFile = join(server.dataDir, 'reports', report.id, 'state.bin');
    const before = (await stat(stateFile)).mtimeMs;
    for (let i = 0; i < 30; i++) typeInSection(writer.doc, section, `<${i}>`);
    await waitForDoc(reader.doc, (doc) => sectionXml(doc, section).includes('<29>'));
    writer.destroy();
    reader.destroy();
    clients.length = 0;

    const restarted = await server.restart();
    servers[0] = restarted;
    expect((await stat(stateFile)).mtimeMs).toBeGreaterThan(before);
    expect(
      (await readdir(join(server.dataDir, 'reports', report.id))).filter((name) => name.endsWith('.tmp')),
    ).toEqual([]);
    const again = await login(restarted.url, 'secretary');
    const client = connectClient(restarted.wsUrl, report.id, again.token);
    clients.push(client);
    await client.synced;
    for (let i = 0; i < 30; i++) expect(sectionXml(client.doc, section)).toContain(`<${i}>`);
  });
});

interface SectionLike {
  id: string;
  status?: string;
  children: SectionLike[];
}

function findById(sections: SectionLike[], id: string): SectionLike | null {
  for (const section of sections) {
    if (section.id === id) return section;
    const found = findById(section.children, id);
    if (found) return found;
  }
  return null;
}
