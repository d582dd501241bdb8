// Start each server under test in its own child process on 127.0.0.1 with a free port, with the
// same probe preloaded, and read its port (and persistence mode) from its stdout.
import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Framing } from './client';
import { type CompiledEntries, compiledEntries } from './compiled';
import { type ProcSample, sampleProc } from './proc';

export type ServerKind = 'dongsoan' | 'reference' | 'hocuspocus' | 'reference-memory' | 'hocuspocus-memory';
/** The servers of every workload: dongsoan and each peer with its persistence. */
export const SERVER_KINDS: readonly ServerKind[] = ['dongsoan', 'reference', 'hocuspocus'];
/** The plain-typing workload also runs each peer in memory (no persistence at all). */
export const PLAIN_KINDS: readonly ServerKind[] = [
  'dongsoan',
  'reference-memory',
  'hocuspocus-memory',
  'reference',
  'hocuspocus',
];

const root = fileURLToPath(new URL('../..', import.meta.url));
/** Which compiled entry (bench/lib/compiled.ts) each server kind runs. */
const ENTRY: Record<ServerKind, keyof CompiledEntries> = {
  dongsoan: 'dongsoan',
  reference: 'reference',
  hocuspocus: 'hocuspocus',
  'reference-memory': 'reference',
  'hocuspocus-memory': 'hocuspocus',
};
export const FRAMING: Record<ServerKind, Framing> = {
  dongsoan: 'y-websocket',
  reference: 'y-websocket',
  hocuspocus: 'hocuspocus',
  'reference-memory': 'y-websocket',
  'hocuspocus-memory': 'hocuspocus',
};
/** Peers told to keep documents in memory only (BENCH_PERSIST=0, read by bench/peers/*). */
const IN_MEMORY: ReadonlySet<ServerKind> = new Set(['reference-memory', 'hocuspocus-memory']);

/** Event-loop delay and GC pauses inside a server over a window (see probe.ts). */
export interface LoopStats {
  windowMs: number;
  loopDelayMs: { p50: number; p99: number; max: number };
  gc: { count: number; totalMs: number; p50Ms: number; p99Ms: number; maxMs: number; over5Ms: number };
}
export const DEMO_PASSWORD = 'bench';
/** Sockets a bench server admits per user and per report: no load the benchmarks generate reaches it. */
const BENCH_SOCKET_CAP = 100_000;

export interface ServerHandle {
  kind: ServerKind | 'echo';
  pid: number;
  port: number;
  dataDir: string;
  /** How this server stores documents in this run, as it reported it. */
  persistence: string;
  proc(): ProcSample;
  /** Heap figures after a full GC inside the server (see probe.ts). */
  memory(): Promise<NodeJS.MemoryUsage>;
  /** Event-loop delay and GC pauses since the previous call (see probe.ts). */
  loop(): Promise<LoopStats>;
  /** SIGTERM and wait for exit (SIGKILL after 10 s). */
  stop(): Promise<void>;
  /** SIGKILL and wait for exit. */
  kill(): Promise<void>;
}

export async function startServerProcess(
  kind: ServerKind,
  dataDir: string,
  /** A command the server runs under (e.g. strace and its options); its pid is then the wrapper's. */
  wrap: string[] = [],
): Promise<ServerHandle> {
  const entries = await compiledEntries();
  const env: Record<string, string> = IN_MEMORY.has(kind) ? { BENCH_PERSIST: '0' } : {};
  return spawnServer(kind, entries[ENTRY[kind]], dataDir, env, 60_000, wrap);
}

/** The bare `ws` echo server of the floor measurement. */
export async function startEchoProcess(): Promise<ServerHandle> {
  return spawnServer('echo', (await compiledEntries()).echo, '', {});
}

async function spawnServer(
  kind: ServerKind | 'echo',
  entry: string,
  dataDir: string,
  extraEnv: Record<string, string>,
  timeoutMs = 60_000,
  wrap: string[] = [],
): Promise<ServerHandle> {
  // BENCH_CPU_PROF=<dir> profiles the servers (written when they stop) to see where time goes.
  const profile = process.env.BENCH_CPU_PROF
    ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`]
    : [];
  const nodeArgs = [...profile, '--expose-gc', '--import', (await compiledEntries()).probe, entry];
  const child = spawn(
    wrap[0] ?? process.execPath,
    wrap.length ? [...wrap.slice(1), process.execPath, ...nodeArgs] : nodeArgs,
    {
      cwd: root,
      env: {
        ...process.env,
        PORT: '0',
        HOST: '127.0.0.1',
        DATA_DIR: dataDir,
        SEED: 'demo',
        SERVE_CLIENT: '0',
        DEMO_PASSWORD,
        NODE_ENV: 'production',
        // The benchmarks open up to 200 clients on 200 rooms with a few demo users: far above the
        // per-user and per-report socket caps (server/collab/socket-limits.ts), which would refuse them.
        MAX_SOCKETS_PER_USER: String(BENCH_SOCKET_CAP),
        MAX_SOCKETS_PER_REPORT: String(BENCH_SOCKET_CAP),
        ...extraEnv,
      },
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    },
  );
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  let output = '';
  let persistence = kind === 'dongsoan' ? 'append-only update log + fsync group commit (its own)' : 'unknown';
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`${kind} did not start: ${output.slice(-2000)}`)),
      timeoutMs,
    );
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.length > 100_000) output = output.slice(-50_000);
      const stated = /^persistence: (.+)$/m.exec(output);
      if (stated) persistence = stated[1].trim();
      const listening = /listening on http:\/\/127\.0\.0\.1:(\d+)/.exec(output);
      if (listening) {
        clearTimeout(timer);
        resolve(Number(listening[1]));
      }
    });
    child.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`${kind} exited (${code}) before listening: ${output.slice(-2000)}`));
    });
  });
  // Keep draining output so a chatty server never blocks on a full pipe (BENCH_SERVER_LOG=1 shows it).
  child.stdout?.removeAllListeners('data');
  child.stderr?.removeAllListeners('data');
  if (process.env.BENCH_SERVER_LOG) {
    child.stdout?.pipe(process.stderr);
    child.stderr?.pipe(process.stderr);
  } else {
    child.stdout?.resume();
    child.stderr?.resume();
  }

  const pid = child.pid!;
  const waitExit = (signal: NodeJS.Signals, graceMs: number) => {
    if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
    child.kill(signal);
    const force = setTimeout(() => child.kill('SIGKILL'), graceMs);
    return exited.then(() => clearTimeout(force));
  };
  return {
    kind,
    pid,
    port,
    dataDir,
    persistence,
    proc: () => sampleProc(pid),
    memory: () => ask<NodeJS.MemoryUsage>(child, 'bench:memory', 'usage'),
    loop: () => ask<LoopStats>(child, 'bench:loop', 'stats'),
    stop: () => waitExit('SIGTERM', 10_000),
    kill: () => waitExit('SIGKILL', 5_000),
  };
}

/** Ask the probe (probe.ts) for `request`; it answers `{ type: request, [field]: value }`. */
function ask<T>(child: ChildProcess, request: string, field: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.off('message', onMessage);
      reject(new Error(`${request}: the probe did not answer`));
    }, 10_000);
    const onMessage = (message: Record<string, unknown>) => {
      if (message?.type !== request || message[field] === undefined) return;
      clearTimeout(timer);
      child.off('message', onMessage);
      resolve(message[field] as T);
    };
    child.on('message', onMessage);
    child.send(request);
  });
}

/** A server kind bound to one data directory, restartable (cold loads, crash tests). */
export class ServerSlot {
  handle: ServerHandle | null = null;
  constructor(
    readonly kind: ServerKind,
    readonly dataDir: string,
  ) {}

  async start(): Promise<ServerHandle> {
    this.handle = await startServerProcess(this.kind, this.dataDir);
    return this.handle;
  }

  get server(): ServerHandle {
    if (!this.handle) throw new Error(`${this.kind} is not running`);
    return this.handle;
  }

  async restart(how: 'stop' | 'kill'): Promise<ServerHandle> {
    if (this.handle) await (how === 'kill' ? this.handle.kill() : this.handle.stop());
    return this.start();
  }

  async stop(): Promise<void> {
    await this.handle?.stop();
    this.handle = null;
  }
}
