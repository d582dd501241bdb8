// Workload 1b, plain typing (issue 19): the typing swarm with document updates only — no awareness
// message with each keystroke, which dongsoan coalesces and the peers do not, so this is where the
// relay path itself is compared. Every server of PLAIN_KINDS (dongsoan, each peer in memory and with
// its persistence) runs each size in interleaved rounds: round r runs every server once, in an order
// rotated by r, on a fresh process, so slow phases of a shared machine fall on all of them. Figures
// are medians over the rounds with their range; a round where the load generator fell behind the
// offered rate is flagged and left out of the medians when another round of that server kept up.
import type { LoopStats, ServerHandle, ServerKind } from '../lib/servers';
import { median, round } from '../lib/stats';
import { runSwarm, type SwarmResult } from './swarm';

export interface PlainOptions {
  sizes: {
    clients: number;
    rounds: number;
    warmupMs: number;
    durationMs: number;
    /** Only these servers at this size (default: all). */
    kinds?: ServerKind[];
  }[];
  rate: number;
}

/** A median over rounds and the smallest and largest value. */
export interface Spread {
  median: number;
  min: number;
  max: number;
}

export interface PlainSummary {
  /** Rounds of this server that the medians use (at the offered load when any was). */
  rounds: number;
  behindRounds: number;
  p50: Spread;
  p99: Spread;
  p999: Spread;
  cpuMsPerUpdate: Spread;
  updatesInPerS: Spread;
  missing: Spread;
  rssMB: Spread;
  idleRssMB: Spread;
  writeBytesPerUpdate: Spread;
  loopDelayP99Ms: Spread | null;
  loopDelayMaxMs: Spread | null;
  gcMaxMs: Spread | null;
  gcOver5Ms: Spread | null;
}

export interface PlainSize {
  clients: number;
  offeredPerS: number;
  rounds: Partial<Record<ServerKind, SwarmResult[]>>;
  summary: Partial<Record<ServerKind, PlainSummary>>;
}

export type RunOn = <T>(
  workload: string,
  kind: ServerKind,
  body: (server: ServerHandle) => Promise<T>,
) => Promise<T | undefined>;

export async function runPlainTyping(
  kinds: readonly ServerKind[],
  options: PlainOptions,
  runOn: RunOn,
  log: (line: string) => void,
): Promise<PlainSize[]> {
  const sizes: PlainSize[] = [];
  for (const size of options.sizes) {
    const rounds: Partial<Record<ServerKind, SwarmResult[]>> = {};
    const here = kinds.filter((kind) => !size.kinds || size.kinds.includes(kind));
    for (let r = 0; r < size.rounds; r++) {
      const order = here.map((_, i) => here[(i + r) % here.length]);
      for (const kind of order) {
        const result = await runOn(`plain N=${size.clients} round ${r + 1}`, kind, (server) =>
          runSwarm(server, { ...size, rate: options.rate, cursor: false }),
        );
        if (!result) continue;
        rounds[kind] = [...(rounds[kind] ?? []), result];
        log(
          `  plain N=${size.clients} r${r + 1} ${kind}: p50 ${result.latencyMs.p50} p99 ${result.latencyMs.p99} ms, ` +
            `in ${result.throughput.updatesInPerS}/${result.offeredPerS}/s${result.behind ? ' (BEHIND)' : ''}, ` +
            `missing ${result.dropped}, cpu ${result.server.cpuMsPerUpdate} ms/update, ` +
            `loop p99 ${result.loop?.loopDelayMs.p99} max ${result.loop?.loopDelayMs.max} ms, gc max ${result.loop?.gc.maxMs} ms`,
        );
      }
    }
    const summary: Partial<Record<ServerKind, PlainSummary>> = {};
    for (const kind of kinds) {
      const all = rounds[kind] ?? [];
      if (all.length) summary[kind] = summarizeRounds(all);
    }
    sizes.push({ clients: size.clients, offeredPerS: size.clients * options.rate, rounds, summary });
  }
  return sizes;
}

function spread(values: number[]): Spread {
  return {
    median: round(median(values), 4),
    min: round(Math.min(...values), 4),
    max: round(Math.max(...values), 4),
  };
}

function loopSpread(rounds: SwarmResult[], get: (loop: LoopStats) => number): Spread | null {
  const values = rounds.flatMap((result) => (result.loop ? [get(result.loop)] : []));
  return values.length ? spread(values) : null;
}

export function summarizeRounds(all: SwarmResult[]): PlainSummary {
  const kept = all.filter((result) => !result.behind);
  const used = kept.length ? kept : all;
  return {
    rounds: used.length,
    behindRounds: all.length - kept.length,
    p50: spread(used.map((x) => x.latencyMs.p50)),
    p99: spread(used.map((x) => x.latencyMs.p99)),
    p999: spread(used.map((x) => x.latencyMs.p999)),
    cpuMsPerUpdate: spread(used.map((x) => x.server.cpuMsPerUpdate)),
    updatesInPerS: spread(used.map((x) => x.throughput.updatesInPerS)),
    missing: spread(used.map((x) => x.dropped)),
    rssMB: spread(used.map((x) => x.server.rssMB)),
    idleRssMB: spread(all.map((x) => x.server.idleRssMB)),
    writeBytesPerUpdate: spread(used.map((x) => x.server.writeBytesPerUpdate)),
    loopDelayP99Ms: loopSpread(used, (loop) => loop.loopDelayMs.p99),
    loopDelayMaxMs: loopSpread(used, (loop) => loop.loopDelayMs.max),
    gcMaxMs: loopSpread(used, (loop) => loop.gc.maxMs),
    gcOver5Ms: loopSpread(used, (loop) => loop.gc.over5Ms),
  };
}
