// Preloaded into every server child (`node --expose-gc --import …/probe.ts`), identically for all
// servers. On the parent's requests over the IPC channel it
// - `bench:memory`: runs a full GC and reports process.memoryUsage(), so "memory per room" compares
//   live heaps, not V8's lazy collection;
// - `bench:loop`: reports the event-loop delay histogram (perf_hooks monitorEventLoopDelay, 1 ms
//   resolution) and the GC pauses (PerformanceObserver 'gc' entries) since the previous request,
//   then starts both afresh — so a workload reads them over its measuring window only. With
//   BENCH_PROFILE_DIR set, a CPU profile (node:inspector) covers the same windows: each request
//   writes the profile since the previous one to that directory and starts the next.
// It loads nothing else (in particular not yjs), so it cannot change which Yjs build a server uses.
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import { join } from 'node:path';
import { monitorEventLoopDelay, PerformanceObserver } from 'node:perf_hooks';

const loopDelay = monitorEventLoopDelay({ resolution: 1 });
loopDelay.enable();
let gcPauses: number[] = [];
const gcObserver = new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) gcPauses.push(entry.duration);
});
gcObserver.observe({ entryTypes: ['gc'] });
let since = performance.now();

function loopStats() {
  const ms = (ns: number) => Math.round(ns / 1e4) / 100;
  const sorted = Float64Array.from(gcPauses).sort();
  const total = sorted.reduce((sum, value) => sum + value, 0);
  const at = (p: number) =>
    sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] : 0;
  const round = (value: number) => Math.round(value * 100) / 100;
  const stats = {
    windowMs: Math.round(performance.now() - since),
    loopDelayMs: {
      p50: ms(loopDelay.percentile(50)),
      p99: ms(loopDelay.percentile(99)),
      max: ms(loopDelay.max),
    },
    gc: {
      count: sorted.length,
      totalMs: round(total),
      p50Ms: round(at(0.5)),
      p99Ms: round(at(0.99)),
      maxMs: round(sorted.length ? sorted[sorted.length - 1] : 0),
      over5Ms: sorted.filter((value) => value > 5).length,
    },
  };
  loopDelay.reset();
  gcPauses = [];
  since = performance.now();
  return stats;
}

const profileDir = process.env.BENCH_PROFILE_DIR;
let profiler: Session | null = null;
let profiles = 0;

/** Write the profile of the window that ends now (if one runs) and start the next one. */
function nextProfile(done: () => void): void {
  if (!profileDir) {
    done();
    return;
  }
  const start = () => {
    profiler?.post('Profiler.start', () => done());
  };
  if (!profiler) {
    profiler = new Session();
    profiler.connect();
    profiler.post('Profiler.enable', () => start());
    return;
  }
  profiler.post('Profiler.stop', (error, result) => {
    if (!error) {
      const file = join(profileDir, `window-${process.pid}-${++profiles}.cpuprofile`);
      writeFileSync(file, JSON.stringify(result.profile));
    }
    start();
  });
}

process.on('message', (message: unknown) => {
  if (message === 'bench:loop') {
    const stats = loopStats();
    nextProfile(() => process.send?.({ type: 'bench:loop', stats }));
    return;
  }
  if (message !== 'bench:memory') return;
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc) {
    gc();
    gc();
  }
  process.send?.({ type: 'bench:memory', usage: process.memoryUsage() });
});
// The IPC channel must not keep a server alive on its own, nor stop it from exiting normally.
process.channel?.unref();
