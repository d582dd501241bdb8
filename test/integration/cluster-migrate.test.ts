// `npm run migrate -- --data-dir <dir>` (server/migrate.ts): a data directory seeded and edited by
// the embedded server moves into a fresh PostgreSQL database; a cluster-mode server on that database
// shows the same report text, attribution, versions and activity. The data directory is left
// byte for byte as it was, and a second run is refused without writing. Skipped, with the reason,
// when PostgreSQL or Redis cannot be reached.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestDatabase,
  probeClusterServices,
  TEST_REDIS_URL,
  type TestDatabase,
} from '../helpers/cluster-services';
import { connectClient } from '../helpers/collab';
import { apiRequest, login } from '../helpers/http';
import { PROJECT_ROOT } from '../helpers/process';
import { demoReport, sectionOwnedBy } from '../helpers/reports';
import { makeTempDir, startTestServer, type TestServer } from '../helpers/server';
import { waitForDoc } from '../helpers/wait';
import { deleteInSection, docContains, typeInSection } from '../helpers/ydoc';

const services = await probeClusterServices();

/** Every file of `dir` with its digest, to show migrate wrote nothing there. */
async function digests(dir: string): Promise<Record<string, string>> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const out: Record<string, string> = {};
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    const file = join(entry.parentPath, entry.name);
    out[file] = createHash('sha256')
      .update(await readFile(file))
      .digest('hex');
  }
  return out;
}

function runMigrate(dataDir: string, databaseUrl: string): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/migrate.ts', '--data-dir', dataDir], {
      cwd: PROJECT_ROOT,
      env: { ...process.env, DATABASE_URL: databaseUrl },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.on('exit', (code) => resolve({ code, output }));
  });
}

/** What a reader of the report sees through REST: text, attribution, versions, activity. */
async function readBack(url: string, reportId: string) {
  const { token } = await login(url, 'secretary');
  const get = async (path: string) => {
    const response = await apiRequest(url, 'GET', path, { token });
    expect(response.status, path).toBe(200);
    return response.body;
  };
  return {
    markdown: await get(`/api/reports/${reportId}/export?format=md`),
    attribution: await get(`/api/reports/${reportId}/attribution`),
    versions: await get(`/api/reports/${reportId}/versions`),
    activity: await get(`/api/reports/${reportId}/activity`),
    detail: await get(`/api/reports/${reportId}`),
  };
}

describe.skipIf(!services.ok)('npm run migrate: a data directory into PostgreSQL', () => {
  let dataDir: string;
  let database: TestDatabase;
  let embedded: TestServer | null = null;
  let clustered: TestServer | null = null;
  let unused: string | null = null;

  beforeAll(async () => {
    dataDir = await makeTempDir('dongsoan-migrate-');
    database = await createTestDatabase();
  });

  afterAll(async () => {
    await embedded?.close();
    await clustered?.close();
    await database?.drop();
    for (const dir of [dataDir, unused]) if (dir) await rm(dir, { recursive: true, force: true });
  }, 60_000);

  it('moves reports, attribution, versions and activity; leaves the directory untouched; refuses a second run', async () => {
    embedded = await startTestServer({ dataDir, keepData: true });
    const secretary = await login(embedded.url, 'secretary');
    const report = await demoReport(embedded.url, secretary.token);
    const postal = await login(embedded.url, 'buuchinh');
    const section = sectionOwnedBy(report, 'buuchinh').id;
    const writer = connectClient(embedded.wsUrl, report.id, postal.token, { shouldReconnect: false });
    await writer.synced;
    typeInSection(writer.doc, section, '<migrated-text>xyz');
    deleteInSection(writer.doc, section, 2);
    const version = await apiRequest(embedded.url, 'POST', `/api/reports/${report.id}/versions`, {
      token: secretary.token,
      body: { name: 'before migration' },
    });
    expect(version.status).toBe(201);
    const reader = connectClient(embedded.wsUrl, report.id, secretary.token, { shouldReconnect: false });
    await reader.synced;
    await waitForDoc(reader.doc, (doc) => docContains(doc, '<migrated-text>'));
    writer.destroy();
    reader.destroy();
    const before = await readBack(embedded.url, report.id);
    expect(JSON.stringify(before.markdown)).toContain('migrated-text');
    expect(before.versions).toHaveLength(1);
    expect(JSON.stringify(before.attribution)).toContain(postal.user.id);
    expect(before.activity).not.toEqual([]);
    await embedded.close();
    embedded = null;

    const files = await digests(dataDir);
    const first = await runMigrate(dataDir, database.url);
    expect(first.code, first.output).toBe(0);
    expect(first.output).toMatch(/migrated .*1 reports/);
    expect(await digests(dataDir)).toEqual(files);

    const second = await runMigrate(dataDir, database.url);
    expect(second.code).toBe(1);
    expect(second.output).toContain(`already holds report(s) ${report.id}`);

    unused = await makeTempDir('dongsoan-migrate-unused-');
    clustered = await startTestServer({
      dataDir: unused,
      cluster: { databaseUrl: database.url, redisUrl: TEST_REDIS_URL },
    });
    expect(clustered.server.seeded).toBe(false);
    const after = await readBack(clustered.url, report.id);
    expect(after).toEqual(before);
  }, 120_000);
});
