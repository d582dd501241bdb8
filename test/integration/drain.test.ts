// Graceful drain of a real server process (server/main.ts on SIGTERM), in both modes: clients are
// connected and their edits acknowledged (relayed to another client, which the server does only
// once they are stored), then SIGTERM closes every socket with 1001 and the process exits 0; a new
// process on the same data holds every acknowledged edit. Cluster mode is skipped, with the reason,
// when PostgreSQL or Redis cannot be reached.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CloseCode } from '../../shared/protocol';
import {
  createTestDatabase,
  probeClusterServices,
  TEST_REDIS_URL,
  type TestDatabase,
} from '../helpers/cluster-services';
import { connectClient, type TestClient } from '../helpers/collab';
import { apiRequest, login } from '../helpers/http';
import { type ServerProcess, spawnServer } from '../helpers/process';
import { demoReport, sectionOwnedBy } from '../helpers/reports';
import { waitForDoc } from '../helpers/wait';
import { docContains, typeInSection } from '../helpers/ydoc';

const services = await probeClusterServices();
const EDITS = 40;

interface Mode {
  name: string;
  available: boolean;
  /** The environment of this mode's processes (made once, cleaned by `dispose`). */
  settings(): Promise<Record<string, string>>;
  dispose(): Promise<void>;
}

function embedded(): Mode {
  let dataDir: string | null = null;
  return {
    name: 'embedded',
    available: true,
    async settings() {
      dataDir ??= await mkdtemp(join(tmpdir(), 'dongsoan-drain-'));
      return { DATA_DIR: dataDir };
    },
    async dispose() {
      if (dataDir) await rm(dataDir, { recursive: true, force: true });
    },
  };
}

function cluster(): Mode {
  let database: TestDatabase | null = null;
  let dataDir: string | null = null;
  return {
    name: 'cluster',
    available: services.ok,
    async settings() {
      database ??= await createTestDatabase();
      dataDir ??= await mkdtemp(join(tmpdir(), 'dongsoan-drain-unused-'));
      return { DATABASE_URL: database.url, REDIS_URL: TEST_REDIS_URL, DATA_DIR: dataDir };
    },
    async dispose() {
      await database?.drop();
      if (dataDir) await rm(dataDir, { recursive: true, force: true });
    },
  };
}

for (const mode of [embedded(), cluster()]) {
  describe.skipIf(!mode.available)(`drain on SIGTERM (${mode.name} mode)`, () => {
    const clients: TestClient[] = [];
    const processes: ServerProcess[] = [];

    afterAll(async () => {
      for (const client of clients) client.destroy();
      for (const server of processes) if (server.child.exitCode === null) server.child.kill('SIGKILL');
      await Promise.all(processes.map((server) => server.exited));
      await mode.dispose();
    }, 60_000);

    async function start(): Promise<ServerProcess> {
      const server = await spawnServer(await mode.settings());
      processes.push(server);
      return server;
    }

    it('closes every socket with 1001, exits 0 and keeps every acknowledged edit', async () => {
      const server = await start();
      const secretary = await login(server.url, 'secretary');
      const postal = await login(server.url, 'buuchinh');
      const report = await demoReport(server.url, secretary.token);
      const section = sectionOwnedBy(report, 'buuchinh').id;
      const ready = await apiRequest(server.url, 'GET', '/api/health/ready');
      expect(ready.status).toBe(200);

      const writer = connectClient(server.wsUrl, report.id, postal.token, { shouldReconnect: false });
      const reader = connectClient(server.wsUrl, report.id, secretary.token, { shouldReconnect: false });
      clients.push(writer, reader);
      await Promise.all([writer.synced, reader.synced]);

      const marks = Array.from({ length: EDITS }, (_, i) => `<drain-${mode.name}-${i}>`);
      for (const mark of marks) typeInSection(writer.doc, section, mark);
      // Acknowledged: the server relayed every edit to the reader, which it does once stored.
      await waitForDoc(reader.doc, (doc) => marks.every((mark) => docContains(doc, mark)), {
        timeoutMs: 20_000,
      });

      server.child.kill('SIGTERM');
      const [writerClosed, readerClosed, exit] = await Promise.all([
        writer.closed,
        reader.closed,
        server.exited,
      ]);
      expect(writerClosed.code).toBe(CloseCode.GoingAway);
      expect(readerClosed.code).toBe(CloseCode.GoingAway);
      expect(exit.code).toBe(0);
      expect(server.output()).toMatch(/"msg":"drained in \d+ ms; exiting"/);

      const again = await start();
      const check = connectClient(again.wsUrl, report.id, (await login(again.url, 'secretary')).token, {
        shouldReconnect: false,
      });
      clients.push(check);
      await check.synced;
      for (const mark of marks) expect(docContains(check.doc, mark), mark).toBe(true);
    }, 120_000);
  });
}
