// Workload 3, cold load: a report 30× the sample is stored, the server restarted (so the room is
// not in memory), and one client connects: time from opening the socket to holding the whole
// document. Peers get the document from a first client (they have no import), then are restarted.
import { accessFor, joinRoom, type RoomRef } from '../lib/access';
import { waitForDoc } from '../lib/client';
import { bigReportState, bigReportText, COLD_SCALE } from '../lib/fixture';
import type { ServerSlot } from '../lib/servers';
import { median, round } from '../lib/stats';

export interface ColdLoadResult {
  scale: number;
  stateKB: number;
  reps: number;
  syncedMs: number[];
  medianSyncedMs: number;
  rssAfterMB: number;
}

export async function runColdLoad(slot: ServerSlot, reps: number): Promise<ColdLoadResult> {
  let server = slot.server;
  const state = bigReportState();
  const [room] = await accessFor(server).createRooms(1, { text: bigReportText(), state });
  if (room.seed) await pushSeed(room, slot);
  const expected = await referenceLength(room, slot);
  const times: number[] = [];
  let rss = 0;
  for (let i = 0; i < reps; i++) {
    server = await slot.restart('stop');
    const access = accessFor(server);
    const reader = await access.client({ ...room, seed: null }, 'secretary');
    const t0 = performance.now();
    await reader.connect(60_000);
    await reader.synced;
    await waitForDoc(reader.doc, (doc) => doc.getXmlFragment('default').length === expected, 60_000);
    times.push(performance.now() - t0);
    rss = server.proc().rssBytes;
    await reader.close();
    reader.destroy();
  }
  return {
    scale: COLD_SCALE,
    stateKB: round(state.length / 1024, 0),
    reps,
    syncedMs: times.map((t) => round(t, 1)),
    medianSyncedMs: round(median(times), 1),
    rssAfterMB: round(rss / 2 ** 20, 1),
  };
}

/** Hand a peer the document and wait until a second client receives it from the server. */
async function pushSeed(room: RoomRef, slot: ServerSlot): Promise<void> {
  const access = accessFor(slot.server);
  const writer = await joinRoom(access, room, 'secretary', { seed: true, timeoutMs: 60_000 });
  const reader = await joinRoom(access, { ...room, seed: null }, 'secretary', { timeoutMs: 60_000 });
  await Promise.all([writer.close(), reader.close()]);
  writer.destroy();
  reader.destroy();
}

/** Top-level length of the stored document, read once warm, to know when a cold client has it all. */
async function referenceLength(room: RoomRef, slot: ServerSlot): Promise<number> {
  const reader = await joinRoom(accessFor(slot.server), { ...room, seed: null }, 'secretary', {
    timeoutMs: 60_000,
  });
  const length = reader.doc.getXmlFragment('default').length;
  await reader.close();
  reader.destroy();
  if (length === 0) throw new Error('cold load: the stored report is empty');
  return length;
}
