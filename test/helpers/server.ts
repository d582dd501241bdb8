// A real dongsoan server for tests: in-process, port 0, its own temp DATA_DIR, quiet logs that are
// still inspectable. `restart()` stops it and starts a new one on the same DATA_DIR.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Logger } from '../../server/log';
import { type RunningServer, type StartServerOptions, startServer } from '../../server/server';

export interface CapturedLog {
  level: 'info' | 'warn' | 'error';
  message: string;
}

export interface TestServer {
  url: string;
  wsUrl: string;
  dataDir: string;
  server: RunningServer;
  logs: CapturedLog[];
  /** Stop and start again on the same data (a clean restart). */
  restart(): Promise<TestServer>;
  /** Stop the server and delete its data dir (unless keepData). */
  close(): Promise<void>;
}

export function captureLogger(logs: CapturedLog[], echo = process.env.TEST_SERVER_LOGS === '1'): Logger {
  const record =
    (level: CapturedLog['level']) =>
    (message: string, ...details: unknown[]) => {
      const text = [
        message,
        ...details.map((detail) => (detail instanceof Error ? detail.stack : String(detail))),
      ].join(' ');
      logs.push({ level, message: text });
      if (echo) console.log(`[server ${level}] ${text}`);
    };
  return { info: record('info'), warn: record('warn'), error: record('error') };
}

export async function makeTempDir(prefix = 'dongsoan-test-'): Promise<string> {
  return mkdtemp(join(tmpdir(), prefix));
}

export interface TestServerOptions extends Partial<StartServerOptions> {
  /** Keep the data dir when closing (for tests that inspect or reuse it). */
  keepData?: boolean;
}

export async function startTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  const dataDir = options.dataDir ?? (await makeTempDir());
  const logs: CapturedLog[] = [];
  const { keepData, ...serverOptions } = options;
  const server = await startServer({
    port: 0,
    seed: 'demo',
    clientDir: null,
    logger: captureLogger(logs),
    ...serverOptions,
    dataDir,
  });
  const testServer: TestServer = {
    url: server.url,
    wsUrl: server.wsUrl,
    dataDir,
    server,
    logs,
    async restart() {
      await server.close();
      return startTestServer({ ...options, dataDir });
    },
    async close() {
      await server.close();
      if (!keepData && !options.dataDir) await rm(dataDir, { recursive: true, force: true });
    },
  };
  return testServer;
}
