// Demo accounts of the seeded organisation, and the client build the e2e tests serve.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Logger } from '../../server/log';

const ROOT = path.resolve(import.meta.dirname, '../..');

export const DEMO = {
  password: process.env.DEMO_PASSWORD ?? 'demo',
  /** Editors of two different departments, and the secretary (server/seed/demo.ts). */
  editorA: 'baochi',
  editorB: 'buuchinh',
  secretary: 'secretary',
};

/** Warnings and errors only: the server's info lines would drown the test output. */
export const quietLogger: Logger = {
  info: () => {},
  warn: (message, ...details) => console.warn(message, ...details),
  error: (message, ...details) => console.error(message, ...details),
};

/** Build dist/client when stale (as `npm start` does) and return the directory to serve. */
export async function buildClient(): Promise<string> {
  const { ensureClientBuilt } = await import('../../server/build-client');
  const dir = await ensureClientBuilt(ROOT, quietLogger);
  if (!dir) throw new Error('the client could not be built');
  return dir;
}

/** A real server with the demo organisation on a free port and its own temporary data directory. */
export interface DemoServer {
  url: string;
  wsUrl: string;
  close(): Promise<void>;
}

export async function startDemoServer(name: string): Promise<DemoServer> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), `dongsoan-e2e-${name}-`));
  const { startServer } = await import('../../server/server');
  const server = await startServer({
    port: 0,
    dataDir,
    seed: 'demo',
    clientDir: await buildClient(),
    logger: quietLogger,
  });
  return {
    url: server.url,
    wsUrl: server.wsUrl,
    async close() {
      await server.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
