// Everything the server creates under DATA_DIR is private to its account: directories 0700, files
// 0600 (meta.json holds password and token hashes, the reports unpublished text). A data directory
// that already exists with other modes keeps working.
import { chmod, mkdir, readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { connectClient } from '../helpers/collab';
import { apiRequest, login } from '../helpers/http';
import { demoReport, sectionOwnedBy } from '../helpers/reports';
import { makeTempDir, startTestServer } from '../helpers/server';
import { typeInSection } from '../helpers/ydoc';

/** Every path under `dir` (itself included) with its permission bits. */
async function modes(dir: string): Promise<Map<string, { mode: number; directory: boolean }>> {
  const found = new Map<string, { mode: number; directory: boolean }>();
  const visit = async (path: string) => {
    const info = await stat(path);
    found.set(path, { mode: info.mode & 0o777, directory: info.isDirectory() });
    if (info.isDirectory()) for (const name of await readdir(path)) await visit(join(path, name));
  };
  await visit(dir);
  return found;
}

describe('file modes', () => {
  const parents: string[] = [];

  afterAll(async () => {
    for (const parent of parents) await rm(parent, { recursive: true, force: true });
  });

  it('creates a fresh data directory 0700 and every file in it 0600', async () => {
    const parent = await makeTempDir();
    parents.push(parent);
    const dataDir = join(parent, 'data');
    const server = await startTestServer({ dataDir, compactAfterRecords: 2 });
    try {
      const secretary = await login(server.url, 'secretary');
      const editor = await login(server.url, 'baochi');
      const report = await demoReport(server.url, secretary.token);
      // Files of an open report: update log, client bindings, activity, deletions; then a version.
      const client = connectClient(server.wsUrl, report.id, editor.token);
      await client.synced;
      const section = sectionOwnedBy(report, 'baochi').id;
      for (let i = 0; i < 5; i++) typeInSection(client.doc, section, `[mode-${i}]`);
      const created = await apiRequest(server.url, 'POST', `/api/reports/${report.id}/versions`, {
        token: secretary.token,
        body: { name: 'v1' },
      });
      expect(created.status).toBe(201);
      client.destroy();
    } finally {
      await server.close();
    }
    const found = await modes(dataDir);
    const names = [...found.keys()].map((path) => path.slice(dataDir.length));
    for (const expected of [
      '/meta.json',
      'updates.log',
      'state.bin',
      'clients.jsonl',
      'activity.jsonl',
      'versions',
    ]) {
      expect(
        names.some((name) => name.endsWith(expected)),
        expected,
      ).toBe(true);
    }
    const wrong = [...found]
      .filter(([, entry]) => entry.mode !== (entry.directory ? 0o700 : 0o600))
      .map(([path, entry]) => `${path.slice(dataDir.length) || '/'} ${entry.mode.toString(8)}`);
    expect(wrong).toEqual([]);
  });

  it('starts on an existing data directory with other modes, leaving them as they are', async () => {
    const parent = await makeTempDir();
    parents.push(parent);
    const dataDir = join(parent, 'shared-data');
    await mkdir(dataDir);
    await chmod(dataDir, 0o750);
    const server = await startTestServer({ dataDir });
    try {
      expect((await login(server.url, 'secretary')).token).toBeTruthy();
    } finally {
      await server.close();
    }
    expect((await stat(dataDir)).mode & 0o777).toBe(0o750);
    expect((await stat(join(dataDir, 'meta.json'))).mode & 0o777).toBe(0o600);
  });
});
