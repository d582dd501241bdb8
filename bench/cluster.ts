// `npm run bench:cluster [-- --rounds 3 --base <dir>]`: cluster mode against the single process (a
// benchmark, not a timed test). Three workloads, reusing bench/load and bench/lib:
//   1. the typing swarm, 50 clients (5 characters/s each, cursors on) spread round-robin over three
//      cluster processes sharing a fresh PostgreSQL database and Redis, against the same swarm on one
//      embedded process: target p99 ≤ 2× the single process's;
//   2. saturation of the cluster (10 clients spread over the three, single-character inserts at
//      rising rates): target ≥ 2,280 updates/s at p99 ≤ 50 ms;
//   3. the embedded single process of this tree against the tree before the cluster mode (`--base`,
//      a worktree of the commit before the cluster foundation was merged): target within 5%.
// Runs of the kinds are interleaved round by round (the order rotating), so a machine that gets
// busier affects all alike; medians and spreads are reported with the load average. Results go to
// bench/results/<date>-cluster.json and docs/cluster-performance.md.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { createTestDatabase, TEST_REDIS_URL } from '../test/helpers/cluster-services';
import { removeDir, tempDataDir } from './lib/files';
import { describeMachine } from './lib/machine';
import { type ProcSample, sampleProc } from './lib/proc';
import { DEMO_PASSWORD, type ServerHandle } from './lib/servers';
import { median, round } from './lib/stats';
import { runSaturation, type SaturationResult } from './load/saturation';
import { runSwarm, type SwarmResult } from './load/swarm';

const root = fileURLToPath(new URL('..', import.meta.url));
const probe = fileURLToPath(new URL('./lib/probe.ts', import.meta.url));
const { values } = parseArgs({
  options: {
    rounds: { type: 'string', default: '3' },
    base: { type: 'string' },
    clients: { type: 'string', default: '50' },
    /** Only the typing swarm (a shorter run, e.g. to keep the benchmark lock briefly). */
    'skip-saturation': { type: 'boolean', default: false },
    /** Also the cluster of the `--base` tree (when both have a cluster mode: a change to it, before and after). */
    'cluster-before': { type: 'boolean', default: false },
    /** Without the embedded process of this tree (e.g. to look at the cluster's timings only). */
    'skip-embedded': { type: 'boolean', default: false },
  },
});
const ROUNDS = Number(values.rounds);
const CLIENTS = Number(values.clients);
const SWARM = { clients: CLIENTS, rate: 5, warmupMs: 3000, durationMs: 8000, cursor: true };
// 1,520 then 2,280 (the target) then 3,420 updates/s.
const SATURATION = { clients: 10, startRate: 1520, factor: 1.5, maxSteps: 3, stepMs: 2500, p99LimitMs: 50 };
const PROCESSES = 3;

/** A dongsoan server process (server/main.ts of `tree`), measured like bench/lib/servers.ts does. */
async function startDongsoan(tree: string, env: Record<string, string>): Promise<ServerHandle> {
  const child = spawn(
    process.execPath,
    ['--expose-gc', '--import', 'tsx', '--import', probe, 'server/main.ts'],
    {
      cwd: tree,
      env: {
        ...process.env,
        PORT: '0',
        HOST: '127.0.0.1',
        SEED: 'demo',
        SERVE_CLIENT: '0',
        DEMO_PASSWORD,
        NODE_ENV: 'production',
        MAX_SOCKETS_PER_USER: '100000',
        MAX_SOCKETS_PER_REPORT: '100000',
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    },
  );
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let output = '';
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no start: ${output.slice(-2000)}`)), 90_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const listening = /listening on http:\/\/127\.0\.0\.1:(\d+)/.exec(output);
      if (listening) {
        clearTimeout(timer);
        resolve(Number(listening[1]));
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    exited.then(() => reject(new Error(`exited before listening: ${output.slice(-2000)}`)));
  });
  child.stdout?.removeAllListeners('data');
  child.stderr?.removeAllListeners('data');
  child.stdout?.resume();
  child.stderr?.resume();
  const pid = child.pid as number;
  const stop = (signal: NodeJS.Signals) => () => {
    if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
    child.kill(signal);
    const force = setTimeout(() => child.kill('SIGKILL'), 10_000);
    return exited.then(() => clearTimeout(force));
  };
  return {
    kind: 'dongsoan',
    pid,
    port,
    dataDir: env.DATA_DIR ?? '',
    persistence: env.DATABASE_URL ? 'PostgreSQL + Redis (cluster mode)' : 'files (embedded)',
    proc: () => sampleProc(pid),
    memory: () => memoryOf(child),
    // Loop and GC histograms are the plain-typing bench's business (bench/lib/servers.ts).
    loop: () => Promise.reject(new Error('not measured by the cluster bench')),
    stop: stop('SIGTERM'),
    kill: stop('SIGKILL'),
  };
}

function memoryOf(child: ChildProcess): Promise<NodeJS.MemoryUsage> {
  return new Promise((resolve) => {
    child.once('message', (message: { usage: NodeJS.MemoryUsage }) => resolve(message.usage));
    child.send('bench:memory');
  });
}

/**
 * Three cluster processes seen as one ServerHandle by the workloads: each client the access opens
 * reads `port` once, and the port rotates over the processes, so clients spread round-robin; the
 * CPU figures are the sum of the three.
 */
function asOne(handles: ServerHandle[]): ServerHandle {
  let next = 0;
  return {
    ...handles[0],
    persistence: handles[0].persistence,
    get port() {
      return handles[next++ % handles.length].port;
    },
    proc: (): ProcSample =>
      handles
        .map((handle) => handle.proc())
        .reduce((sum, sample) => ({
          cpuSeconds: sum.cpuSeconds + sample.cpuSeconds,
          rssBytes: sum.rssBytes + sample.rssBytes,
          writeBytes: sum.writeBytes + sample.writeBytes,
        })),
    stop: async () => {
      await Promise.all(handles.map((handle) => handle.stop()));
    },
  };
}

type Kind = 'embedded' | 'embedded-before' | 'cluster' | 'cluster-before';

interface Running {
  server: ServerHandle;
  /** Where a cluster run's time went (cluster only): read before the processes stop. */
  timings?: () => Promise<ClusterTimings>;
  dispose(): Promise<void>;
}

/** A Prometheus histogram summed over processes: count, mean, and bucket-bound quantiles. */
interface HistogramSummary {
  count: number;
  meanMs: number;
  /** Upper bounds of the buckets holding the 50th and 99th percentiles. */
  p50AtMostMs: number;
  p99AtMostMs: number;
}

interface ClusterTimings {
  /** Update received → its transaction committed (queue wait included): dongsoan_commit_seconds. */
  commit: HistogramSummary;
  /** Published on Redis → received by another process: dongsoan_redis_bus_lag_seconds. */
  redisLag: HistogramSummary;
  /** Updates stored per PostgreSQL transaction committed in the database (whole run). */
  updatesPerTransaction: number;
}

/** Sum one histogram's buckets over the processes' GET /metrics texts (`label`: e.g. store="postgres"). */
function histogram(texts: string[], name: string, label = ''): HistogramSummary {
  const buckets = new Map<number, number>();
  let sum = 0;
  let count = 0;
  const sample = /^(\w+?)(?:\{(.*)\})? (\S+)$/;
  for (const text of texts) {
    for (const line of text.split('\n')) {
      const match = sample.exec(line);
      if (!match) continue;
      const [, metric, labels = '', value] = match;
      if (label && !labels.split(',').includes(label)) continue;
      if (metric === `${name}_bucket`) {
        const le = /le="([^"]+)"/.exec(labels)?.[1] ?? '+Inf';
        const bound = le === '+Inf' ? Number.POSITIVE_INFINITY : Number(le);
        buckets.set(bound, (buckets.get(bound) ?? 0) + Number(value));
      } else if (metric === `${name}_sum`) sum += Number(value);
      else if (metric === `${name}_count`) count += Number(value);
    }
  }
  const bounds = [...buckets.keys()].sort((a, b) => a - b);
  const quantile = (q: number) => {
    const bound = bounds.find((le) => (buckets.get(le) ?? 0) >= q * count);
    return bound === undefined ? Number.NaN : round(bound * 1000, 2);
  };
  return {
    count,
    meanMs: round(count ? (sum / count) * 1000 : Number.NaN, 2),
    p50AtMostMs: quantile(0.5),
    p99AtMostMs: quantile(0.99),
  };
}

async function clusterTimings(handles: ServerHandle[], databaseUrl: string): Promise<ClusterTimings> {
  const texts = await Promise.all(
    handles.map((handle) =>
      fetch(`http://127.0.0.1:${handle.port}/metrics`).then((response) => response.text()),
    ),
  );
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const stats = await client.query<{ commits: string; updates: string }>(
      `SELECT (SELECT xact_commit FROM pg_stat_database WHERE datname = current_database()) AS commits,
              (SELECT count(*) FROM report_updates) AS updates`,
    );
    const { commits, updates } = stats.rows[0];
    return {
      commit: histogram(texts, 'dongsoan_commit_seconds', 'store="postgres"'),
      redisLag: histogram(texts, 'dongsoan_redis_bus_lag_seconds'),
      // Every transaction counts, reads too: a lower bound of the updates per writing transaction.
      updatesPerTransaction: round(Number(updates) / Math.max(1, Number(commits)), 2),
    };
  } finally {
    await client.end();
  }
}

async function start(kind: Kind): Promise<Running> {
  if (kind === 'cluster' || kind === 'cluster-before') {
    const tree = kind === 'cluster' ? root : (values.base as string);
    const database = await createTestDatabase();
    const unused = tempDataDir('cluster-unused');
    const env = { DATABASE_URL: database.url, REDIS_URL: TEST_REDIS_URL, DATA_DIR: unused };
    // The first seeds the database; the others start on it.
    const first = await startDongsoan(tree, env);
    const rest = await Promise.all(Array.from({ length: PROCESSES - 1 }, () => startDongsoan(tree, env)));
    const handles = [first, ...rest];
    const server = asOne(handles);
    return {
      server,
      timings: () => clusterTimings(handles, database.url),
      dispose: async () => {
        await server.stop();
        await database.drop();
        removeDir(unused);
      },
    };
  }
  const tree = kind === 'embedded' ? root : (values.base as string);
  const dataDir = tempDataDir(kind);
  const server = await startDongsoan(tree, { DATA_DIR: dataDir });
  return {
    server,
    dispose: async () => {
      await server.stop();
      removeDir(dataDir);
    },
  };
}

async function onFresh<T>(
  kind: Kind,
  body: (server: ServerHandle) => Promise<T>,
): Promise<{ result: T; timings?: ClusterTimings }> {
  const running = await start(kind);
  try {
    const result = await body(running.server);
    return { result, timings: await running.timings?.() };
  } finally {
    await running.dispose();
  }
}

const spread = (values: number[]) => ({
  median: round(median(values), 2),
  min: round(Math.min(...values), 2),
  max: round(Math.max(...values), 2),
  runs: values.map((value) => round(value, 2)),
});

async function main(): Promise<void> {
  const kinds: Kind[] = [
    ...(values['skip-embedded'] ? [] : ['embedded' as const]),
    ...(values.base ? ['embedded-before' as const] : []),
    'cluster',
    ...(values.base && values['cluster-before'] ? ['cluster-before' as const] : []),
  ];
  const machine = describeMachine();
  const started = new Date().toISOString();
  const swarms: Record<Kind, SwarmResult[]> = {
    embedded: [],
    'embedded-before': [],
    cluster: [],
    'cluster-before': [],
  };
  const timings: Record<'cluster' | 'cluster-before', ClusterTimings[]> = {
    cluster: [],
    'cluster-before': [],
  };
  const loads: number[][] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const order = kinds.map((_, i) => kinds[(i + round) % kinds.length]);
    for (const kind of order) {
      loads.push(os.loadavg());
      const { result, timings: where } = await onFresh(kind, (server) => runSwarm(server, SWARM));
      swarms[kind].push(result);
      if (where && (kind === 'cluster' || kind === 'cluster-before')) timings[kind].push(where);
      console.log(
        `round ${round + 1} ${kind}: p50 ${result.latencyMs.p50} ms, p99 ${result.latencyMs.p99} ms, dropped ${result.dropped}, load ${os.loadavg()[0].toFixed(2)}`,
      );
      if (where) console.log(`  cluster timings: ${JSON.stringify(where)}`);
    }
  }
  loads.push(os.loadavg());
  const saturation: Partial<Record<Kind, SaturationResult>> = {};
  for (const kind of values['skip-saturation'] ? [] : (['cluster', 'embedded'] as const)) {
    saturation[kind] = (await onFresh(kind, (server) => runSaturation(server, SATURATION))).result;
    console.log(`saturation ${kind}: knee ${saturation[kind]?.kneeOfferedPerS} updates/s offered`);
  }
  loads.push(os.loadavg());

  const summary = Object.fromEntries(
    kinds.map((kind) => [
      kind,
      {
        p50: spread(swarms[kind].map((result) => result.latencyMs.p50)),
        p99: spread(swarms[kind].map((result) => result.latencyMs.p99)),
        dropped: swarms[kind].reduce((sum, result) => sum + result.dropped, 0),
        serverCpuShare: spread(swarms[kind].map((result) => result.server.cpuShare)),
      },
    ]),
  ) as unknown as Record<Kind, { p50: ReturnType<typeof spread>; p99: ReturnType<typeof spread> }>;
  const results = {
    date: started,
    machine,
    loadAverages: loads.map((load) => load.map((value) => round(value, 2))),
    swarm: SWARM,
    rounds: ROUNDS,
    summary,
    clusterTimings: timings,
    saturation,
    targets: {
      clusterP99AtMost2xSingle: summary.embedded
        ? summary.cluster.p99.median <= 2 * summary.embedded.p99.median
        : null,
      saturationAtLeast2280: saturation.cluster ? saturation.cluster.kneeOfferedPerS >= 2280 : null,
      embeddedWithin5PercentOfBefore:
        summary.embedded && summary['embedded-before']
          ? Math.abs(summary.embedded.p99.median / summary['embedded-before'].p99.median - 1) <= 0.05
          : null,
    },
  };
  mkdirSync(join(root, 'bench/results'), { recursive: true });
  const file = join(root, 'bench/results', `${started.replace(/[:.]/g, '-')}-cluster.json`);
  writeFileSync(file, `${JSON.stringify({ ...results, swarms }, null, 2)}\n`);
  console.log(JSON.stringify(results, null, 2));
  console.log(`written to ${file}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
