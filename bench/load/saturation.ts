// Workload 2, saturation: a fixed group of clients on the demo report; the offered update rate
// (single-character inserts spread round-robin over the clients, no cursors) rises step by step
// until p99 exceeds 50 ms or receipts go missing (twice in a row): the ramp goes on until the server
// fails, and a server that passed the last step allowed is reported as capped — its knee is only a
// lower bound. The knee is the last rate that passed. A step where the load generator sent under 90%
// of the offered rate fails and says so (`generatorBehind`): that is the bench's limit, not the server's.
// Receivers only decode the update header (LatencyTracker.attachLight) so the load generator is
// not the first thing to saturate; latency is taken at that decode.
import { LatencyTracker } from '../lib/latency';
import { diffProc } from '../lib/proc';
import type { ServerHandle } from '../lib/servers';
import { round, summarize } from '../lib/stats';
import { connectSwarm, sleep } from './swarm';
import { typeOne } from './typing';

export interface SaturationOptions {
  clients: number;
  startRate: number;
  factor: number;
  maxSteps: number;
  stepMs: number;
  p99LimitMs: number;
}

export interface SaturationStep {
  offeredPerS: number;
  achievedInPerS: number;
  deliveredOutPerS: number;
  p50: number;
  p99: number;
  dropped: number;
  serverCpuShare: number;
  /** The load generator sent under 90% of the offered rate. */
  generatorBehind: boolean;
  pass: boolean;
}

export interface SaturationResult {
  clients: number;
  steps: SaturationStep[];
  /** Highest offered rate that passed, and the update rate the server then took in. */
  kneeOfferedPerS: number;
  kneeAchievedInPerS: number;
  /** Every step passed up to the last one allowed: the server did not saturate (knee = lower bound). Absent in older runs. */
  capped?: boolean;
}

const TICK_MS = 5;

export async function runSaturation(
  server: ServerHandle,
  options: SaturationOptions,
): Promise<SaturationResult> {
  const swarm = await connectSwarm(server, options.clients);
  const steps: SaturationStep[] = [];
  let rate = options.startRate;
  let retried = false;
  try {
    // Warm-up at the starting rate (JIT, buffers), not recorded.
    await runStep(swarm, server, options.startRate, { ...options, stepMs: Math.min(2000, options.stepMs) });
    for (let i = 0; i < options.maxSteps; i++) {
      const step = await runStep(swarm, server, rate, options);
      steps.push(step);
      if (!step.pass) {
        // One retry absorbs a hiccup of a busy machine; a second failure ends the ramp.
        if (retried) break;
        retried = true;
        i--;
        continue;
      }
      retried = false;
      rate = Math.round(rate * options.factor);
    }
  } finally {
    await swarm.close();
  }
  const passed = steps.filter((step) => step.pass);
  const knee = passed.reduce((best, step) => (step.offeredPerS > best.offeredPerS ? step : best), {
    offeredPerS: 0,
    achievedInPerS: 0,
  } as SaturationStep);
  const last = steps[steps.length - 1];
  return {
    clients: options.clients,
    steps,
    kneeOfferedPerS: knee.offeredPerS,
    kneeAchievedInPerS: knee.achievedInPerS,
    capped: last?.pass === true,
  };
}

async function runStep(
  swarm: Awaited<ReturnType<typeof connectSwarm>>,
  server: ServerHandle,
  rate: number,
  options: SaturationOptions,
): Promise<SaturationStep> {
  const tracker = new LatencyTracker();
  const detach = swarm.clients.map((client) => tracker.attachLight(client));
  const p0 = server.proc();
  const t0 = performance.now();
  tracker.windowStart = t0;
  let owed = 0;
  let next = 0;
  let last = t0;
  const timer = setInterval(() => {
    const now = performance.now();
    owed += ((now - last) / 1000) * rate;
    last = now;
    while (owed >= 1) {
      owed--;
      const i = next++ % swarm.clients.length;
      typeOne(swarm.clients[i], swarm.texts[i], tracker, false);
    }
  }, TICK_MS);
  await sleep(options.stepMs);
  clearInterval(timer);
  const t1 = performance.now();
  const p1 = server.proc();
  const sent = tracker.sent;
  const drainUntil = performance.now() + 2000;
  while (tracker.received < tracker.expected && performance.now() < drainUntil) await sleep(20);
  for (const off of detach) off();
  const seconds = (t1 - t0) / 1000;
  const latency = summarize(tracker.samples);
  const dropped = tracker.expected - tracker.received;
  return {
    offeredPerS: rate,
    achievedInPerS: round(sent / seconds, 1),
    deliveredOutPerS: round(tracker.received / seconds, 1),
    p50: latency.p50,
    p99: latency.p99,
    dropped,
    serverCpuShare: round(diffProc(p0, p1).cpuSeconds / seconds, 3),
    generatorBehind: sent < 0.9 * rate * seconds,
    pass: dropped === 0 && latency.p99 <= options.p99LimitMs && sent >= 0.9 * rate * seconds,
  };
}
