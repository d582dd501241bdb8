// The real server as a child process, for tests that kill it: the CLI (`tsx server/main.ts`), or
// startServer in a process forked in advance (preloadServer) for tests that restart it often.
import { type ChildProcess, fork, spawn } from 'node:child_process';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ChildMessage, ChildStartOptions } from './server-child';

export const PROJECT_ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface ServerProcess {
  child: ChildProcess;
  url: string;
  wsUrl: string;
  port: number;
  output: () => string;
  /** Resolves with the exit code (or signal) once the process ended. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Run `server/main.ts` on a free port; resolves once it prints its `listening on` line. */
export function spawnServer(
  env: Record<string, string>,
  { timeoutMs = 60_000, nodeArgs = [] as string[] } = {},
): Promise<ServerProcess> {
  const child = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', 'server/main.ts'], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, PORT: '0', SERVE_CLIENT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.on('exit', (code, signal) => resolve({ code, signal }));
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`server did not start within ${timeoutMs} ms:\n${output}`));
    }, timeoutMs);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on (http:\/\/[^\s:]+:(\d+))/.exec(output);
      if (match) {
        clearTimeout(timer);
        const port = Number(match[2]);
        const url = match[1];
        resolve({
          child,
          url,
          port,
          wsUrl: `${url.replace('http', 'ws')}/collab`,
          output: () => output,
          exited,
        });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    exited.then(({ code, signal }) => {
      clearTimeout(timer);
      reject(new Error(`server exited (${code ?? signal}) before listening:\n${output}`));
    });
  });
}

/** Run the CLI expecting it to fail at start-up; resolves with its exit code and output. */
export function runServerExpectingFailure(
  env: Record<string, string>,
  { timeoutMs = 60_000 } = {},
): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
      cwd: PROJECT_ROOT,
      env: { ...process.env, PORT: '0', SERVE_CLIENT: '0', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('listening on')) {
        child.kill('SIGKILL');
        reject(new Error(`server started although it should not have:\n${output}`));
      }
    });
    child.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

/**
 * SIGKILL `server` synchronously inside the `doc` update that first makes `check(doc)` true — the
 * moment a client receives a relayed edit, with no turn of the event loop in between. Resolves
 * once the process is gone; rejects (after killing it anyway) if the update never comes.
 */
export function killWhenReceived(
  server: ServerProcess,
  doc: { on(event: 'update', f: () => void): void; off(event: 'update', f: () => void): void },
  check: () => boolean,
  { timeoutMs = 20_000, what = 'the relayed edit' } = {},
): Promise<void> {
  return new Promise((resolve, reject) => {
    const finish = (error?: Error) => {
      clearTimeout(timer);
      doc.off('update', onUpdate);
      server.child.kill('SIGKILL');
      server.exited.then(() => (error ? reject(error) : resolve()));
    };
    const onUpdate = () => {
      if (check()) finish();
    };
    const timer = setTimeout(() => finish(new Error(`timed out waiting for ${what}`)), timeoutMs);
    doc.on('update', onUpdate);
    if (check()) finish();
  });
}

/** A server process whose modules are loaded, waiting for `start` (see server-child.ts). */
export interface PreloadedServer {
  child: ChildProcess;
  start(options: ChildStartOptions, timeoutMs?: number): Promise<ServerProcess>;
}

/**
 * Fork server-child.ts (or its bundle, see bundleServerChild) and resolve once its modules are
 * loaded; it listens only on `start`.
 */
export function preloadServer({
  bundle = null as string | null,
  timeoutMs = 60_000,
} = {}): Promise<PreloadedServer> {
  const child = fork(bundle ?? fileURLToPath(new URL('./server-child.ts', import.meta.url)), [], {
    cwd: PROJECT_ROOT,
    execArgv: bundle ? [] : ['--import', 'tsx'],
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.on('exit', (code, signal) => resolve({ code, signal }));
  });
  const next = (what: string, ms: number) =>
    new Promise<ChildMessage>((resolve, reject) => {
      const timer = setTimeout(() => {
        child.kill('SIGKILL');
        reject(new Error(`server child: no ${what} within ${ms} ms:\n${output}`));
      }, ms);
      child.once('message', (message: ChildMessage) => {
        clearTimeout(timer);
        resolve(message);
      });
      exited.then(({ code, signal }) => {
        clearTimeout(timer);
        reject(new Error(`server child exited (${code ?? signal}) before ${what}:\n${output}`));
      });
    });
  return next('loaded message', timeoutMs).then(() => ({
    child,
    async start(options, startTimeoutMs = timeoutMs) {
      child.send(options);
      const message = await next('listening message', startTimeoutMs);
      if (message.kind !== 'listening')
        throw new Error(`server child failed to start:\n${JSON.stringify(message)}`);
      const url = message.url;
      return {
        child,
        url,
        port: Number(new URL(url).port),
        wsUrl: `${url.replace('http', 'ws')}/collab`,
        output: () => output,
        exited,
      };
    },
  }));
}

/**
 * server-child.ts and the server's sources as one ES module (packages stay imports), so a process
 * loads in half the CPU time tsx needs: for tests that start many. Written under test-artifacts/
 * so its imports resolve to the project's node_modules; `dispose` removes it.
 */
export async function bundleServerChild(): Promise<{ file: string; dispose(): Promise<void> }> {
  const { build } = await import('esbuild');
  await mkdir(join(PROJECT_ROOT, 'test-artifacts'), { recursive: true });
  const dir = await mkdtemp(join(PROJECT_ROOT, 'test-artifacts', 'server-child-'));
  const file = join(dir, 'server-child.mjs');
  await build({
    entryPoints: [fileURLToPath(new URL('./server-child.ts', import.meta.url))],
    bundle: true,
    platform: 'node',
    format: 'esm',
    packages: 'external',
    outfile: file,
    logLevel: 'warning',
  });
  return { file, dispose: () => rm(dir, { recursive: true, force: true }) };
}
