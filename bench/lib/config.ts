// Sizes and durations of a full run (bounded to about 15 minutes) and of `--quick` (under a minute:
// the floor and the typing swarm at N = 10 and 50 only, each server started once).
import type { PlainOptions } from '../load/plain';
import type { SaturationOptions } from '../load/saturation';

export interface BenchConfig {
  floor: { roundTrips: number; updates: number };
  swarm: { clients: number; rounds: number; warmupMs: number; durationMs: number }[];
  typingRate: number;
  /** Plain typing (no awareness), every server interleaved per round (bench/load/plain.ts). */
  plain: PlainOptions | null;
  saturation: SaturationOptions | null;
  cold: { reps: number } | null;
  rooms: { count: number; unloadWaitMs: number } | null;
  writeCost: { updates: number; rate: number } | null;
  crash: { reps: number; editsPerRep: number } | null;
  /** Durability trace under strace (bench/load/trace.ts). */
  trace: { updates: number } | null;
  /** Run every workload of a server in one process (quick mode, to stay within a minute). */
  shareProcess: boolean;
}

export const FULL: BenchConfig = {
  floor: { roundTrips: 2000, updates: 2000 },
  swarm: [
    { clients: 10, rounds: 1, warmupMs: 2000, durationMs: 6000 },
    // Three rounds, servers interleaved; the page shows each server's median round.
    { clients: 50, rounds: 3, warmupMs: 3000, durationMs: 8000 },
    { clients: 200, rounds: 1, warmupMs: 3000, durationMs: 8000 },
  ],
  typingRate: 5,
  plain: {
    sizes: [
      { clients: 50, rounds: 3, warmupMs: 3000, durationMs: 8000 },
      // At N = 200 the persisted peers are left out (they are compared at N = 50) to bound the run.
      {
        clients: 200,
        rounds: 3,
        warmupMs: 2000,
        durationMs: 6000,
        kinds: ['dongsoan', 'reference-memory', 'hocuspocus-memory'],
      },
    ],
    rate: 5,
  },
  // Up to 200 × 1.5^13 ≈ 39,000 updates/s offered: every server fails before (capped runs are flagged).
  saturation: { clients: 10, startRate: 200, factor: 1.5, maxSteps: 14, stepMs: 2500, p99LimitMs: 50 },
  cold: { reps: 3 },
  rooms: { count: 200, unloadWaitMs: 20_000 },
  writeCost: { updates: 60, rate: 20 },
  crash: { reps: 20, editsPerRep: 8 },
  trace: { updates: 5 },
  shareProcess: false,
};

export const QUICK: BenchConfig = {
  floor: { roundTrips: 300, updates: 300 },
  swarm: [
    { clients: 10, rounds: 1, warmupMs: 500, durationMs: 1500 },
    { clients: 50, rounds: 1, warmupMs: 500, durationMs: 1500 },
  ],
  typingRate: 5,
  plain: { sizes: [{ clients: 50, rounds: 1, warmupMs: 500, durationMs: 1500 }], rate: 5 },
  saturation: null,
  cold: null,
  rooms: null,
  writeCost: null,
  crash: null,
  trace: null,
  shareProcess: true,
};
