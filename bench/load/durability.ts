// Workload 5, durability.
// (a) Write cost: a writer types single characters while an observer watches; bytes the server
//     process wrote to storage (/proc/<pid>/io write_bytes, page-granular) and the growth of its
//     data directory, per update, after the server had time to store (Hocuspocus debounces 2 s).
// (b) Crash: the writer types a burst, the server is SIGKILLed 100 ms after the last edit and
//     restarted; an edit the observer had received (acknowledged by relay) must still be there.
import * as Y from 'yjs';
import { accessFor, joinRoom } from '../lib/access';
import { waitForDoc } from '../lib/client';
import { dirSize } from '../lib/files';
import { demoReportState, ownedTargets } from '../lib/fixture';
import { LatencyTracker } from '../lib/latency';
import type { ServerSlot } from '../lib/servers';
import { round } from '../lib/stats';
import { sleep } from './swarm';
import { typeOne } from './typing';

export interface WriteCostResult {
  updates: number;
  writeBytesPerUpdate: number;
  dirGrowthBytesPerUpdate: number;
}

export interface CrashResult {
  reps: number;
  editsPerRep: number;
  acknowledged: number;
  lost: number;
  repsWithLoss: number;
  /** Longest span of acknowledged edits lost in one crash (ms between the first lost edit and the kill). */
  worstLostWindowMs: number;
}

function writerUser(): string {
  const plan = new Y.Doc();
  Y.applyUpdate(plan, demoReportState());
  const owner = ownedTargets(plan)[0].owner as string;
  plan.destroy();
  return owner;
}

export async function pair(slot: ServerSlot) {
  const access = accessFor(slot.server);
  const room = await access.demoRoom();
  const user = writerUser();
  const writer = await joinRoom(access, room, user, { seed: true });
  const observer = await joinRoom(access, room, user, { seed: true });
  const text = ownedTargets(writer.doc)[0].text;
  const tracker = new LatencyTracker();
  const detach = [tracker.attach(writer), tracker.attach(observer)];
  const close = async () => {
    for (const off of detach) off();
    await Promise.all([writer.close(), observer.close()]);
    writer.destroy();
    observer.destroy();
  };
  return { room, writer, observer, text, tracker, close };
}

export async function runWriteCost(
  slot: ServerSlot,
  updates: number,
  rate: number,
): Promise<WriteCostResult> {
  const session = await pair(slot);
  await sleep(3000);
  const p0 = slot.server.proc();
  const d0 = dirSize(slot.dataDir);
  for (let i = 0; i < updates; i++) {
    typeOne(session.writer, session.text, session.tracker, false);
    await sleep(1000 / rate);
  }
  const until = performance.now() + 5000;
  while (session.tracker.received < session.tracker.expected && performance.now() < until) await sleep(20);
  // Let every server store what it took in (Hocuspocus: 2 s debounce after the last change).
  await sleep(3000);
  const p1 = slot.server.proc();
  const d1 = dirSize(slot.dataDir);
  await session.close();
  return {
    updates,
    writeBytesPerUpdate: round((p1.writeBytes - p0.writeBytes) / updates, 1),
    dirGrowthBytesPerUpdate: round((d1 - d0) / updates, 1),
  };
}

export async function runCrash(slot: ServerSlot, reps: number, editsPerRep: number): Promise<CrashResult> {
  let acknowledged = 0;
  let lost = 0;
  let repsWithLoss = 0;
  let worstLostWindowMs = 0;
  for (let rep = 0; rep < reps; rep++) {
    const session = await pair(slot);
    const sendTimes: number[] = [];
    const clocks: number[] = [];
    for (let i = 0; i < editsPerRep; i++) {
      clocks.push(Y.getState(session.writer.doc.store, session.writer.doc.clientID));
      sendTimes.push(performance.now());
      typeOne(session.writer, session.text, session.tracker, false);
      await sleep(50);
    }
    await sleep(Math.max(0, sendTimes[sendTimes.length - 1] + 100 - performance.now()));
    // What the observer has received right now is what "acknowledged by relay" means.
    const seen = Y.getState(session.observer.doc.store, session.writer.doc.clientID);
    const killedAt = performance.now();
    const writerId = session.writer.doc.clientID;
    const { room } = session;
    await slot.server.kill();
    await session.close();
    const server = await slot.start();
    // Wait until the restarted server has shown every acknowledged edit, or 3 s (then they are lost).
    const verifier = await accessFor(server).client({ ...room, seed: null }, 'secretary');
    await verifier.connect();
    await verifier.synced;
    await waitForDoc(verifier.doc, (doc) => Y.getState(doc.store, writerId) >= seen, 3000).catch(() => {});
    const kept = Y.getState(verifier.doc.store, writerId);
    let lostHere = 0;
    let firstLost = -1;
    clocks.forEach((clock, i) => {
      if (clock >= seen) return;
      acknowledged++;
      if (clock >= kept) {
        lostHere++;
        if (firstLost < 0) firstLost = i;
      }
    });
    if (lostHere > 0) {
      repsWithLoss++;
      lost += lostHere;
      worstLostWindowMs = Math.max(worstLostWindowMs, killedAt - sendTimes[firstLost]);
    }
    await verifier.close();
    verifier.destroy();
  }
  return {
    reps,
    editsPerRep,
    acknowledged,
    lost,
    repsWithLoss,
    worstLostWindowMs: round(worstLostWindowMs, 0),
  };
}
