// Workload 4, many rooms: R reports each holding the sample, two idle clients in each (with a
// presence state). Memory per room = growth of the server's RSS and live heap (after a full GC)
// over the baseline taken before anyone joined; then everyone leaves and the memory is watched
// until it is back near the baseline (rooms unloaded) or the wait runs out.
import { accessFor, joinRoom } from '../lib/access';
import type { BenchClient } from '../lib/client';
import { demoReportState } from '../lib/fixture';
import type { ServerHandle } from '../lib/servers';
import { round } from '../lib/stats';
import { sleep } from './swarm';

export interface ManyRoomsResult {
  rooms: number;
  clientsPerRoom: number;
  baseline: MemoryFigures;
  loaded: MemoryFigures;
  afterLeave: MemoryFigures;
  perRoomRssKB: number;
  perRoomHeapKB: number;
  /** Live heap back within 10% (+4 MB) of the baseline after everyone left. */
  heapBackToBaseline: boolean;
  secondsToBaseline: number | null;
  joinSeconds: number;
}

interface MemoryFigures {
  rssMB: number;
  heapMB: number;
}

async function measure(server: ServerHandle): Promise<{ rss: number; heap: number }> {
  const usage = await server.memory();
  return { rss: server.proc().rssBytes, heap: usage.heapUsed + usage.external };
}

const mb = (bytes: number) => round(bytes / 2 ** 20, 1);

export async function runManyRooms(
  server: ServerHandle,
  roomCount: number,
  unloadWaitMs: number,
): Promise<ManyRoomsResult> {
  const access = accessFor(server);
  const rooms = await access.createRooms(roomCount, { text: 'sample', state: demoReportState() });
  await sleep(500);
  const base = await measure(server);
  const t0 = performance.now();
  const clients: BenchClient[] = [];
  const BATCH = 10;
  for (let start = 0; start < rooms.length; start += BATCH) {
    const batch = rooms.slice(start, start + BATCH).map(async (room, i) => {
      const a = await joinRoom(access, room, 'secretary', { seed: true });
      const b = await joinRoom(access, room, 'secretary');
      a.awareness.setLocalStateField('user', { name: `A${start + i}` });
      b.awareness.setLocalStateField('user', { name: `B${start + i}` });
      return [a, b];
    });
    for (const pair of await Promise.all(batch)) clients.push(...pair);
  }
  const joinSeconds = (performance.now() - t0) / 1000;
  await sleep(1000);
  const loaded = await measure(server);
  await Promise.all(clients.map((client) => client.close()));
  for (const client of clients) client.destroy();

  const leftAt = performance.now();
  const target = base.heap * 1.1 + 4 * 2 ** 20;
  let after = await measure(server);
  let secondsToBaseline: number | null = null;
  while (performance.now() - leftAt < unloadWaitMs) {
    if (after.heap <= target) {
      secondsToBaseline = round((performance.now() - leftAt) / 1000, 1);
      break;
    }
    await sleep(1000);
    after = await measure(server);
  }
  return {
    rooms: roomCount,
    clientsPerRoom: 2,
    baseline: { rssMB: mb(base.rss), heapMB: mb(base.heap) },
    loaded: { rssMB: mb(loaded.rss), heapMB: mb(loaded.heap) },
    afterLeave: { rssMB: mb(after.rss), heapMB: mb(after.heap) },
    perRoomRssKB: round((loaded.rss - base.rss) / 1024 / roomCount, 1),
    perRoomHeapKB: round((loaded.heap - base.heap) / 1024 / roomCount, 1),
    heapBackToBaseline: after.heap <= target,
    secondsToBaseline,
    joinSeconds: round(joinSeconds, 1),
  };
}
