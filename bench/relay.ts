// Relay benchmark (not a timed test): `npx tsx bench/relay.ts [--clients 20] [--seconds 10] [--warmup 2]`.
// A real server in its own process (the CLI, fresh DATA_DIR); N stock y-websocket clients in this
// process, each an editor typing 5 characters/s into a section of their own department. Reports
// end-to-end relay latency (sender's local update → each receiver's update event, same clock), the
// bytes the server wrote per update, and the server's CPU per update against the guard's own cost on
// the same document (the guard's share of relay CPU).
import { readFile, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import * as Y from 'yjs';
import { checkUpdate } from '../server/collab/guard';
import type { User } from '../shared/types';
import { connectClient, type TestClient } from '../test/helpers/collab';
import { login } from '../test/helpers/http';
import { spawnServer } from '../test/helpers/process';
import { demoReport, flattenSections } from '../test/helpers/reports';
import { makeTempDir } from '../test/helpers/server';
import { typeInSection } from '../test/helpers/ydoc';
import { sampleProc } from './lib/proc';

const { values } = parseArgs({
  options: {
    clients: { type: 'string', default: '20' },
    seconds: { type: 'string', default: '10' },
    warmup: { type: 'string', default: '2' },
    rate: { type: 'string', default: '5' },
  },
});
const CLIENTS = Number(values.clients);
const SECONDS = Number(values.seconds);
const WARMUP = Number(values.warmup);
const RATE = Number(values.rate);

const EDITORS: Record<string, string> = {
  vanphong: 'vanphong',
  baochi: 'baochi',
  buuchinh: 'buuchinh',
  cntt: 'cntt',
  thanhtra: 'thanhtra',
};

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

function listFor(map: Map<number, number[]>, key: number): number[] {
  let list = map.get(key);
  if (!list) {
    list = [];
    map.set(key, list);
  }
  return list;
}

async function fileSize(file: string): Promise<number> {
  try {
    return (await stat(file)).size;
  } catch {
    return 0;
  }
}

async function main(): Promise<void> {
  const dataDir = await makeTempDir('dongsoan-bench-');
  // BENCH_CPU_PROF=<dir> profiles the server (written when it stops) to see where its time goes.
  const profile = process.env.BENCH_CPU_PROF
    ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`]
    : [];
  const server = await spawnServer({ DATA_DIR: dataDir }, { nodeArgs: profile });
  try {
    const secretary = await login(server.url, 'secretary');
    const report = await demoReport(server.url, secretary.token);
    const targets = flattenSections(report.sections).filter(
      (section) =>
        section.number.split('.').length > 2 &&
        section.effectiveOwner !== null &&
        section.effectiveOwner in EDITORS,
    );
    const sessions = new Map<string, string>();
    for (const department of new Set(targets.map((t) => t.effectiveOwner as string))) {
      sessions.set(department, (await login(server.url, EDITORS[department])).token);
    }

    // Sent time of each measured character: sendTimes.get(clientID)[clock] of the item it creates.
    const sendTimes = new Map<number, number[]>();
    const latencies: number[] = [];
    /** Per sent character, the latency to the receiver that got it first (server + network part). */
    const firstLatency = new Map<number, number[]>();
    const clients: { client: TestClient; section: string }[] = [];
    // Each WebsocketProvider in Node registers an exit listener (to clear its presence).
    process.setMaxListeners(CLIENTS + 10);
    for (let i = 0; i < CLIENTS; i++) {
      const target = targets[i % targets.length];
      const client = connectClient(server.wsUrl, report.id, sessions.get(target.effectiveOwner as string)!);
      clients.push({ client, section: target.id });
    }
    await Promise.all(clients.map(({ client }) => client.synced));
    for (const { client } of clients) {
      // The transaction's state vectors tell which items arrived, without decoding the update again.
      client.doc.on('update', (_u: Uint8Array, origin: unknown, _d: Y.Doc, transaction: Y.Transaction) => {
        if (origin !== client.provider) return;
        const now = performance.now();
        transaction.afterState.forEach((after, clientID) => {
          const times = sendTimes.get(clientID);
          if (!times) return;
          for (let clock = transaction.beforeState.get(clientID) ?? 0; clock < after; clock++) {
            const sent = times[clock];
            if (sent === undefined) continue;
            latencies.push(now - sent);
            const firsts = listFor(firstLatency, clientID);
            firsts[clock] ??= now - sent;
          }
        });
      });
    }

    const logFile = join(dataDir, 'reports', report.id, 'updates.log');
    const reportDir = join(dataDir, 'reports', report.id);
    const reportFiles = () =>
      Promise.all(
        ['updates.log', 'state.bin', 'activity.jsonl', 'clients.jsonl'].map((name) =>
          fileSize(join(reportDir, name)),
        ),
      );
    let measuring = false;
    let sent = 0;
    const intervalMs = 1000 / RATE;
    const timers = clients.map(({ client, section }, index) =>
      setTimeout(
        () => {
          const timer = setInterval(() => {
            const { clientID } = client.doc;
            if (measuring) {
              listFor(sendTimes, clientID)[Y.getState(client.doc.store, clientID)] = performance.now();
              sent++;
            }
            typeInSection(client.doc, section, String.fromCharCode(97 + ((sent + index) % 26)));
          }, intervalMs);
          timers.push(timer);
        },
        (index * intervalMs) / CLIENTS,
      ),
    );
    // Warm-up, not measured: the first keystrokes meet cold code paths (JIT) on both sides.
    await new Promise((resolve) => setTimeout(resolve, WARMUP * 1000));
    const sizesBefore = await reportFiles();
    const serverPid = server.child.pid as number;
    const cpuBefore = sampleProc(serverPid).cpuSeconds;
    measuring = true;
    await new Promise((resolve) => setTimeout(resolve, SECONDS * 1000));
    measuring = false;
    for (const timer of timers) clearInterval(timer);
    // Let the last relays arrive and the last group commit land.
    await new Promise((resolve) => setTimeout(resolve, 500));
    const serverCpuSeconds = sampleProc(serverPid).cpuSeconds - cpuBefore;
    const guardMicros = guardCostPerKeystroke(clients[0].client.doc, clients[0].section, targets[0]);

    const sizesAfter = await reportFiles();
    const logBytes = sizesAfter[0] - sizesBefore[0];
    const compacted = sizesAfter[1] !== sizesBefore[1];
    const allBytes = sizesAfter.reduce((sum, size, i) => sum + size - sizesBefore[i], 0);
    const sorted = latencies.sort((a, b) => a - b);
    const expected = sent * (CLIENTS - 1);
    const log = await readFile(logFile).catch(() => Buffer.alloc(0));

    console.log(
      `dongsoan relay benchmark — ${CLIENTS} clients × ${RATE} chars/s × ${SECONDS} s (after ${WARMUP} s of warm-up), one report`,
    );
    console.log(`  updates sent:        ${sent}`);
    console.log(`  deliveries measured: ${sorted.length} of ${expected} expected`);
    console.log(`  relay latency p50:   ${percentile(sorted, 50).toFixed(2)} ms`);
    console.log(`  relay latency p99:   ${percentile(sorted, 99).toFixed(2)} ms`);
    const firsts = [...firstLatency.values()].flatMap((times) => times.filter((t) => t !== undefined));
    firsts.sort((a, b) => a - b);
    console.log(
      `  first receiver p50/p99: ${percentile(firsts, 50).toFixed(2)} / ${percentile(firsts, 99).toFixed(2)} ms` +
        ' (the rest is the receivers sharing this process, handled one after another)',
    );
    console.log(`  relay latency max:   ${(sorted.at(-1) ?? Number.NaN).toFixed(2)} ms`);
    if (compacted) console.log('  (the log was compacted during the run: log growth understates the writes)');
    console.log(
      `  update log bytes per update: ${(logBytes / sent).toFixed(1)} (log now ${log.length} bytes)`,
    );
    console.log(
      `  all report files, bytes per update (log + activity + attribution): ${(allBytes / sent).toFixed(1)}`,
    );
    const serverMicros = (serverCpuSeconds * 1e6) / Math.max(1, sent);
    console.log(
      `  server CPU per update (apply, guard, log, relay to ${CLIENTS - 1}): ${serverMicros.toFixed(0)} µs; ` +
        `guard alone ${guardMicros.toFixed(1)} µs = ${((100 * guardMicros) / serverMicros).toFixed(1)}% (target < 20%)`,
    );
    for (const { client } of clients) client.destroy();
  } finally {
    server.child.kill('SIGTERM');
    await server.exited;
    await rm(dataDir, { recursive: true, force: true });
  }
}

/**
 * Mean cost of the guard for one typed character in `sectionId`, measured in this process on a copy
 * of the synced document (the server's document at the end of the run).
 */
function guardCostPerKeystroke(
  synced: Y.Doc,
  sectionId: string,
  target: { effectiveOwner: string | null },
): number {
  const serverDoc = new Y.Doc();
  const editorDoc = new Y.Doc();
  const state = Y.encodeStateAsUpdate(synced);
  Y.applyUpdate(serverDoc, state);
  Y.applyUpdate(editorDoc, state);
  const user: User = {
    id: 'u-bench',
    username: 'bench',
    name: 'bench',
    role: 'editor',
    departmentId: target.effectiveOwner,
  };
  const ctx = {
    user,
    locked: false,
    sectionStatus: () => 'draft' as const,
    clientOwners: new Map<number, string>(),
  };
  const updates: Uint8Array[] = [];
  editorDoc.on('update', (update: Uint8Array) => updates.push(update));
  let total = 0;
  const count = 500;
  for (let i = 0; i < count; i++) {
    typeInSection(editorDoc, sectionId, 'x');
    const update = updates.shift() as Uint8Array;
    const started = performance.now();
    const result = checkUpdate(serverDoc, update, ctx);
    total += performance.now() - started;
    if (!result.ok) throw new Error(`the guard refused a bench keystroke: ${result.reason}`);
    Y.applyUpdate(serverDoc, update);
  }
  return (total * 1000) / count;
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
