// Several server processes in cluster mode sharing one PostgreSQL database and Redis, each the
// real CLI (server/main.ts, through spawnServer) configured by DATABASE_URL and REDIS_URL. They
// start together on an empty database: one of them migrates the schema and seeds the demo
// organisation, the others wait for it (server/cluster/cluster-seams.ts).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestDatabase, TEST_REDIS_URL, type TestDatabase } from './cluster-services';
import { connectClient, type TestClient } from './collab';
import { login } from './http';
import { type ServerProcess, spawnServer } from './process';

export interface TestCluster {
  database: TestDatabase;
  processes: ServerProcess[];
  /** Stop every process (SIGTERM, then SIGKILL if it lingers) and drop the database. */
  close(): Promise<void>;
}

export async function startCluster(count: number, env: Record<string, string> = {}): Promise<TestCluster> {
  const database = await createTestDatabase();
  // DATA_DIR points at an empty directory: cluster mode must not use it (checked on close).
  const dataDir = await mkdtemp(join(tmpdir(), 'dongsoan-cluster-unused-'));
  const settings = { DATABASE_URL: database.url, REDIS_URL: TEST_REDIS_URL, DATA_DIR: dataDir, ...env };
  const processes: ServerProcess[] = [];
  const close = async () => {
    await Promise.all(processes.map(stopProcess));
    await database.drop();
    await rm(dataDir, { recursive: true, force: true });
  };
  try {
    const started = await Promise.allSettled(Array.from({ length: count }, () => spawnServer(settings)));
    for (const result of started) if (result.status === 'fulfilled') processes.push(result.value);
    const failed = started.find((result) => result.status === 'rejected');
    if (failed) throw failed.reason;
  } catch (error) {
    await close();
    throw error;
  }
  return { database, processes, close };
}

async function stopProcess(server: ServerProcess): Promise<void> {
  if (server.child.exitCode !== null || server.child.signalCode !== null) return;
  server.child.kill('SIGTERM');
  const timer = setTimeout(() => server.child.kill('SIGKILL'), 15_000);
  await server.exited;
  clearTimeout(timer);
}

/**
 * A stock client of `username`, logged in on `process`, that does not reconnect (a test that kills
 * the process sees it go), once synced; added to `clients` for the test's cleanup.
 */
export async function connectOn(
  process: ServerProcess,
  reportId: string,
  username: string,
  clients: TestClient[],
): Promise<TestClient> {
  const { token } = await login(process.url, username);
  const client = connectClient(process.wsUrl, reportId, token, { shouldReconnect: false });
  clients.push(client);
  await client.synced;
  return client;
}
