// Workload 1, typing swarm: N clients on the demo report, each typing `rate` characters/s at
// random positions of its own section (a section its department owns) with awareness cursor
// updates. Latency of every receipt, throughput in/out, the server's CPU and RSS.
import * as Y from 'yjs';
import { type Access, accessFor, joinRoom, type RoomRef } from '../lib/access';
import type { BenchClient } from '../lib/client';
import { demoReportState, ownedTargets } from '../lib/fixture';
import { LatencyTracker } from '../lib/latency';
import { diffProc } from '../lib/proc';
import type { LoopStats, ServerHandle } from '../lib/servers';
import { type LatencySummary, round, summarize } from '../lib/stats';
import { typeOne } from './typing';

export interface SwarmOptions {
  clients: number;
  /** characters per second per client */
  rate: number;
  warmupMs: number;
  durationMs: number;
  cursor?: boolean;
  /** Clients that integrate every update (latency is measured at their update event); the rest
   * only decode update headers, so hundreds of clients fit in one load-generator process. */
  observers?: number;
}

export interface SwarmResult {
  clients: number;
  observers: number;
  rate: number;
  durationS: number;
  /** Updates/s the clients were asked to send (clients × rate). */
  offeredPerS: number;
  /** The load generator sent under 95% of the offered rate: this round is not at equal load. */
  behind: boolean;
  latencyMs: LatencySummary;
  sent: number;
  received: number;
  expected: number;
  dropped: number;
  throughput: {
    updatesInPerS: number;
    msgsInPerS: number;
    kbInPerS: number;
    updatesOutPerS: number;
    msgsOutPerS: number;
    kbOutPerS: number;
  };
  server: {
    cpuSeconds: number;
    cpuShare: number;
    /** Server CPU milliseconds per update taken in (user + system, /proc). */
    cpuMsPerUpdate: number;
    rssMB: number;
    /** RSS of the freshly started server before the swarm connected (no room open). */
    idleRssMB: number;
    writeBytesPerUpdate: number;
  };
  /** Event-loop delay and GC pauses inside the server over the window (bench/lib/probe.ts). */
  loop: LoopStats | null;
  loadgenCpuShare: number;
  setupMs: number;
}

const DEFAULT_OBSERVERS = 10;

export interface Swarm {
  access: Access;
  room: RoomRef;
  clients: BenchClient[];
  texts: Y.XmlText[];
  close(): Promise<void>;
}

/** Connect N clients to the demo report, each with the paragraph it will type in. */
export async function connectSwarm(server: ServerHandle, count: number): Promise<Swarm> {
  const access = accessFor(server);
  const room = await access.demoRoom();
  const plan = new Y.Doc();
  Y.applyUpdate(plan, demoReportState());
  const targets = ownedTargets(plan);
  plan.destroy();
  const userOf = (i: number) => targets[i % targets.length].owner as string;
  const clients: BenchClient[] = [await joinRoom(access, room, userOf(0), { seed: true })];
  const BATCH = 25;
  for (let start = 1; start < count; start += BATCH) {
    const batch = [];
    for (let i = start; i < Math.min(count, start + BATCH); i++)
      batch.push(joinRoom(access, room, userOf(i)));
    clients.push(...(await Promise.all(batch)));
  }
  const texts = clients.map((client, i) => {
    const own = ownedTargets(client.doc);
    if (own.length !== targets.length)
      throw new Error(`client ${i} sees ${own.length} sections, expected ${targets.length}`);
    return own[i % own.length].text;
  });
  return {
    access,
    room,
    clients,
    texts,
    close: async () => {
      await Promise.all(clients.map((client) => client.close()));
      for (const client of clients) client.destroy();
    },
  };
}

export async function runSwarm(server: ServerHandle, options: SwarmOptions): Promise<SwarmResult> {
  // The server as started, before any client or room: its idle memory.
  const idleRssMB = round(server.proc().rssBytes / 2 ** 20, 1);
  const setupStart = performance.now();
  const swarm = await connectSwarm(server, options.clients);
  const setupMs = performance.now() - setupStart;
  const tracker = new LatencyTracker();
  const observers = Math.min(options.clients, options.observers ?? DEFAULT_OBSERVERS);
  const detach = swarm.clients.map((client, i) =>
    i < observers ? tracker.attach(client) : tracker.attachLight(client, false),
  );
  const period = 1000 / options.rate;
  const timers: NodeJS.Timeout[] = [];
  swarm.clients.forEach((client, i) => {
    const phase = setTimeout(() => {
      timers.push(
        setInterval(() => typeOne(client, swarm.texts[i], tracker, options.cursor ?? true), period),
      );
    }, Math.random() * period);
    timers.push(phase);
  });

  await sleep(options.warmupMs);
  const counters = () => sumCounters(swarm.clients);
  const c0 = counters();
  const p0 = server.proc();
  const l0 = process.cpuUsage();
  const sent0 = tracker.sent;
  await server.loop().catch(() => null);
  const t0 = performance.now();
  tracker.windowStart = t0;
  await sleep(options.durationMs);
  const t1 = performance.now();
  tracker.windowEnd = t1;
  const c1 = counters();
  const p1 = server.proc();
  const l1 = process.cpuUsage(l0);
  const sentInWindow = tracker.sent - sent0;
  const loop = await server.loop().catch(() => null);
  for (const timer of timers) clearInterval(timer);

  // Drain: everything sent must arrive; what has not after 5 s is counted as dropped.
  const drainUntil = performance.now() + 5000;
  while (tracker.received < tracker.expected && performance.now() < drainUntil) await sleep(50);
  for (const off of detach) off();
  await swarm.close();

  const seconds = (t1 - t0) / 1000;
  const proc = diffProc(p0, p1);
  const receivers = options.clients - 1;
  const offeredPerS = options.clients * options.rate;
  return {
    clients: options.clients,
    observers,
    rate: options.rate,
    durationS: round(seconds, 2),
    offeredPerS,
    behind: sentInWindow / seconds < 0.95 * offeredPerS,
    latencyMs: summarize(tracker.samples),
    sent: tracker.sent,
    received: tracker.received,
    expected: tracker.expected,
    dropped: tracker.expected - tracker.received,
    throughput: {
      updatesInPerS: round(sentInWindow / seconds, 1),
      msgsInPerS: round((c1.msgsOut - c0.msgsOut) / seconds, 1),
      kbInPerS: round((c1.bytesOut - c0.bytesOut) / 1024 / seconds, 1),
      updatesOutPerS: round((sentInWindow * receivers) / seconds, 1),
      msgsOutPerS: round((c1.msgsIn - c0.msgsIn) / seconds, 1),
      kbOutPerS: round((c1.bytesIn - c0.bytesIn) / 1024 / seconds, 1),
    },
    server: {
      cpuSeconds: round(proc.cpuSeconds, 2),
      cpuShare: round(proc.cpuSeconds / seconds, 3),
      cpuMsPerUpdate: round((proc.cpuSeconds * 1000) / Math.max(1, sentInWindow), 4),
      rssMB: round(proc.rssBytes / 2 ** 20, 1),
      idleRssMB,
      writeBytesPerUpdate: round(proc.writeBytes / Math.max(1, sentInWindow), 1),
    },
    loop,
    loadgenCpuShare: round((l1.user + l1.system) / 1e6 / seconds, 3),
    setupMs: round(setupMs, 0),
  };
}

function sumCounters(clients: BenchClient[]) {
  const total = { msgsIn: 0, bytesIn: 0, msgsOut: 0, bytesOut: 0 };
  for (const client of clients) {
    total.msgsIn += client.counters.msgsIn;
    total.bytesIn += client.counters.bytesIn;
    total.msgsOut += client.counters.msgsOut;
    total.bytesOut += client.counters.bytesOut;
  }
  return total;
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
