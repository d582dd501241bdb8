// `npm run bench` (full, ~15 min) and `npm run bench -- --quick` (~1 min): dongsoan, the reference
// y-websocket server and Hocuspocus, each in its own child process per workload, on loopback,
// driven by this process. Writes bench/results/<date>-<mode>.json; a full run also regenerates
// docs/performance.md from it (`--from <json>` regenerates the page from an earlier run).
// Development flags: --servers=dongsoan,reference  --only=floor,swarm,plain,saturation,cold,rooms,durability,trace
//   --sizes=200 (only these swarm sizes, cursor and plain)  --rounds=1 (plain typing rounds)
//   --docs (regenerate docs/performance.md from this partial run too; the page says it is partial)
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { type BenchConfig, FULL, QUICK } from './lib/config';
import { removeDir, tempDataDir } from './lib/files';
import { describeMachine, describeVersions } from './lib/machine';
import { type BenchResults, evaluateTargets, renderMarkdown, targetVerdict } from './lib/report';
import { PLAIN_KINDS, SERVER_KINDS, type ServerKind, ServerSlot } from './lib/servers';
import { runColdLoad } from './load/cold';
import { runCrash, runWriteCost } from './load/durability';
import { runFloor } from './load/floor';
import { runPlainTyping } from './load/plain';
import { runManyRooms } from './load/rooms';
import { runSaturation } from './load/saturation';
import { runSwarm, type SwarmResult } from './load/swarm';
import { runTrace } from './load/trace';

const args = process.argv.slice(2);
const flag = (name: string) => args.find((arg) => arg.startsWith(`--${name}=`))?.split('=')[1];
const root = fileURLToPath(new URL('..', import.meta.url));

async function main(): Promise<void> {
  const from = args.indexOf('--from');
  if (from >= 0) {
    const results = JSON.parse(readFileSync(args[from + 1], 'utf8')) as BenchResults;
    // Runs made before the median rule kept each server's best round: show the median one.
    for (const size of results.swarm) {
      for (const [kind, all] of Object.entries(size.allRounds) as [ServerKind, SwarmResult[]][]) {
        const chosen = medianRound(all);
        if (chosen) size.results[kind] = chosen;
      }
    }
    results.targets = evaluateTargets(results);
    writeDocs(results);
    return;
  }
  const quick = args.includes('--quick');
  const base: BenchConfig = quick ? QUICK : FULL;
  const sizes = flag('sizes')?.split(',').map(Number);
  const rounds = flag('rounds') ? Number(flag('rounds')) : undefined;
  const plainSizes = base.plain?.sizes
    .filter((size) => !sizes || sizes.includes(size.clients))
    .map((size) => ({ ...size, rounds: rounds ?? size.rounds }));
  const config: BenchConfig = {
    ...base,
    swarm: sizes ? base.swarm.filter((size) => sizes.includes(size.clients)) : base.swarm,
    plain: base.plain && plainSizes ? { ...base.plain, sizes: plainSizes } : null,
  };
  const chosen = flag('servers')?.split(',') as ServerKind[] | undefined;
  const kinds = chosen ?? [...SERVER_KINDS];
  const plainKinds = chosen ?? [...PLAIN_KINDS];
  const only = flag('only')?.split(',');
  const wanted = (name: string) => !only || only.includes(name);
  const partial = Boolean(only || flag('servers') || sizes || rounds);
  if (!quick && !partial) await waitForQuietMachine();
  const started = performance.now();
  const results: BenchResults = {
    date: new Date().toISOString(),
    // A run limited by development flags is not a full run: its file says so.
    mode: quick ? 'quick' : partial ? 'partial' : 'full',
    durationS: 0,
    machine: describeMachine(),
    versions: describeVersions(),
    persistence: {},
    config,
    floor: null,
    swarm: [],
    plain: [],
    saturation: {},
    coldLoad: {},
    manyRooms: {},
    writeCost: {},
    crash: {},
    trace: {},
    errors: [],
    targets: [],
  };
  const log = (line: string) =>
    console.log(`[${((performance.now() - started) / 1000).toFixed(0).padStart(4)} s] ${line}`);

  /** Run one workload on a fresh server process and data directory; failures are recorded, not fatal. */
  const onServer = async <T>(workload: string, kind: ServerKind, body: (slot: ServerSlot) => Promise<T>) => {
    const slot = new ServerSlot(kind, tempDataDir(kind));
    try {
      const server = await slot.start();
      results.persistence[kind] = server.persistence;
      const value = await body(slot);
      log(`${workload} ${kind}: done`);
      return value;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      results.errors.push({ workload, server: kind, message: message.slice(0, 500) });
      log(`${workload} ${kind}: FAILED ${message.slice(0, 300)}`);
      return undefined;
    } finally {
      await slot.stop().catch(() => {});
      removeDir(slot.dataDir);
    }
  };

  if (wanted('floor')) {
    results.floor = await runFloor(config.floor.roundTrips, config.floor.updates);
    log(
      `floor: ws echo p50 ${results.floor.wsEchoRoundTripMs.p50} ms, applyUpdate ${results.floor.applyUpdateMicros.mean} µs`,
    );
  }

  if (wanted('swarm')) {
    const rounds = config.swarm.map(() => ({}) as Partial<Record<ServerKind, SwarmResult[]>>);
    const record = (index: number, kind: ServerKind, result: SwarmResult) => {
      log(
        `  N=${result.clients} ${kind}: p50 ${result.latencyMs.p50} p99 ${result.latencyMs.p99} ms, missing ${result.dropped}, server cpu ${result.server.cpuShare}`,
      );
      rounds[index][kind] = [...(rounds[index][kind] ?? []), result];
    };

    const swarmOf = (index: number) => ({ ...config.swarm[index], rate: config.typingRate });
    if (config.shareProcess) {
      for (const kind of kinds) {
        await onServer('swarm', kind, async (slot) => {
          for (let i = 0; i < config.swarm.length; i++)
            record(i, kind, await runSwarm(slot.server, swarmOf(i)));
        });
      }
    } else {
      for (let i = 0; i < config.swarm.length; i++) {
        for (let round = 0; round < config.swarm[i].rounds; round++) {
          for (const kind of kinds) {
            const result = await onServer(`swarm N=${config.swarm[i].clients}`, kind, (slot) =>
              runSwarm(slot.server, swarmOf(i)),
            );
            if (result) record(i, kind, result);
          }
        }
      }
    }
    config.swarm.forEach((size, i) => {
      results.swarm.push({
        clients: size.clients,
        rounds: size.rounds,
        results: Object.fromEntries(
          Object.entries(rounds[i]).map(([kind, all]) => [kind, medianRound(all)]),
        ) as Partial<Record<ServerKind, SwarmResult>>,
        allRounds: rounds[i],
      });
    });
  }

  if (wanted('plain') && config.plain) {
    results.plain = await runPlainTyping(
      plainKinds,
      config.plain,
      (workload, kind, body) => onServer(workload, kind, (slot) => body(slot.server)),
      log,
    );
  }

  if (wanted('saturation') && config.saturation) {
    const options = config.saturation;
    for (const kind of kinds) {
      const result = await onServer('saturation', kind, (slot) => runSaturation(slot.server, options));
      if (result) {
        results.saturation[kind] = result;
        log(`  knee ${result.kneeOfferedPerS}/s offered, ${result.kneeAchievedInPerS}/s taken in`);
      }
    }
  }

  if (wanted('cold') && config.cold) {
    const { reps } = config.cold;
    for (const kind of kinds) {
      const result = await onServer('cold load', kind, (slot) => runColdLoad(slot, reps));
      if (result) {
        results.coldLoad[kind] = result;
        log(`  synced in ${result.medianSyncedMs} ms (median of ${reps})`);
      }
    }
  }

  if (wanted('rooms') && config.rooms) {
    const { count, unloadWaitMs } = config.rooms;
    for (const kind of kinds) {
      const result = await onServer('many rooms', kind, (slot) =>
        runManyRooms(slot.server, count, unloadWaitMs),
      );
      if (result) {
        results.manyRooms[kind] = result;
        log(`  ${result.perRoomHeapKB} KB heap / room, back to baseline: ${result.heapBackToBaseline}`);
      }
    }
  }

  if (wanted('durability') && config.crash) {
    const crash = config.crash;
    for (const kind of kinds) {
      await onServer('durability', kind, async (slot) => {
        if (config.writeCost) {
          results.writeCost[kind] = await runWriteCost(slot, config.writeCost.updates, config.writeCost.rate);
          log(`  ${results.writeCost[kind]?.writeBytesPerUpdate} bytes written / update`);
        }
        results.crash[kind] = await runCrash(slot, crash.reps, crash.editsPerRep);
        log(
          `  SIGKILL: ${results.crash[kind]?.lost} of ${results.crash[kind]?.acknowledged} acknowledged edits lost`,
        );
      });
    }
  }

  if (wanted('trace') && config.trace) {
    const { updates } = config.trace;
    const traces: NonNullable<BenchResults['trace']> = {};
    results.trace = traces;
    for (const kind of kinds) {
      const slot = new ServerSlot(kind, tempDataDir(kind));
      try {
        const trace = await runTrace(kind, slot, updates);
        traces[kind] = trace;
        log(
          `trace ${kind}: written before relay ${trace.writtenBeforeRelay}, synced ${trace.allSynced} (max ${trace.maxSyncAfterWriteMs} ms), ${trace.syncCalls} syncs${trace.error ? `, ${trace.error}` : ''}`,
        );
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        results.errors.push({ workload: 'trace', server: kind, message: message.slice(0, 500) });
        log(`trace ${kind}: FAILED ${message.slice(0, 300)}`);
      } finally {
        await slot.stop().catch(() => {});
        removeDir(slot.dataDir);
      }
    }
  }

  results.durationS = Math.round((performance.now() - started) / 1000);
  (results.machine as { loadAverageAtEnd?: number[] }).loadAverageAtEnd = os
    .loadavg()
    .map((v) => Math.round(v * 100) / 100);
  results.targets = evaluateTargets(results);
  const dir = `${root}bench/results`;
  mkdirSync(dir, { recursive: true });
  const file = `${dir}/${results.date.replace(/[:.]/g, '-')}-${results.mode}.json`;
  writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
  log(`results: ${file}`);
  for (const target of results.targets)
    log(`target ${targetVerdict(target)} ${target.name}: ${target.detail}`);
  if (!quick && (!partial || args.includes('--docs'))) writeDocs(results);
}

/** The round whose p99 is the median of the server's rounds (of an even count, the worse middle one). */
function medianRound(all: SwarmResult[] | undefined): SwarmResult | undefined {
  if (!all?.length) return undefined;
  const sorted = [...all].sort((a, b) => a.latencyMs.p99 - b.latencyMs.p99);
  return sorted[Math.ceil((sorted.length - 1) / 2)];
}

/**
 * Other work on a small machine distorts every figure: wait (at most 3 minutes) until the 1-minute
 * load average drops below ¾ of the cores, then run whatever the load is (the page states it).
 */
async function waitForQuietMachine(): Promise<void> {
  const limit = os.cpus().length * 0.75;
  const deadline = Date.now() + 3 * 60_000;
  while (os.loadavg()[0] > limit && Date.now() < deadline) {
    console.log(`waiting for a quieter machine (load average ${os.loadavg()[0].toFixed(2)} > ${limit})…`);
    await new Promise((resolve) => setTimeout(resolve, 15_000));
  }
}

function writeDocs(results: BenchResults): void {
  mkdirSync(`${root}docs`, { recursive: true });
  writeFileSync(`${root}docs/performance.md`, renderMarkdown(results));
  console.log(`wrote ${root}docs/performance.md`);
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
