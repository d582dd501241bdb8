// The floor, measured in the same run: a raw `ws` echo round trip on loopback (a bare server in
// its own process) and the cost of Y.applyUpdate for one single-character update on the demo doc.
import WebSocket from 'ws';
import * as Y from 'yjs';
import { demoReportState, ownedTargets } from '../lib/fixture';
import { type ServerHandle, startEchoProcess } from '../lib/servers';
import { round, summarize } from '../lib/stats';

export interface FloorResult {
  wsEchoRoundTripMs: ReturnType<typeof summarize>;
  applyUpdateMicros: { mean: number; p50: number; p99: number; updates: number };
}

export async function runFloor(roundTrips: number, updates: number): Promise<FloorResult> {
  const echo = await startEchoProcess();
  try {
    return {
      wsEchoRoundTripMs: await echoRoundTrips(echo, roundTrips),
      applyUpdateMicros: applyCost(updates),
    };
  } finally {
    await echo.stop();
  }
}

async function echoRoundTrips(echo: ServerHandle, count: number) {
  const ws = new WebSocket(`ws://127.0.0.1:${echo.port}`, { perMessageDeflate: false });
  await new Promise((resolve, reject) => {
    ws.once('open', resolve);
    ws.once('error', reject);
  });
  // A message the size of a framed one-character update.
  const payload = new Uint8Array(24).fill(7);
  const samples: number[] = [];
  const warmup = Math.min(200, count);
  for (let i = 0; i < count + warmup; i++) {
    const t0 = performance.now();
    await new Promise<void>((resolve) => {
      ws.once('message', () => resolve());
      ws.send(payload);
    });
    if (i >= warmup) samples.push(performance.now() - t0);
  }
  ws.close();
  return summarize(samples);
}

function applyCost(count: number) {
  const sender = new Y.Doc();
  const receiver = new Y.Doc();
  Y.applyUpdate(sender, demoReportState());
  Y.applyUpdate(receiver, demoReportState());
  const updates: Uint8Array[] = [];
  sender.on('update', (update: Uint8Array) => updates.push(update));
  const text = ownedTargets(sender)[0].text;
  for (let i = 0; i < count * 2; i++) text.insert(Math.floor(Math.random() * text.length), 'a');
  // First half warms the JIT; the second half is measured one by one.
  for (const update of updates.slice(0, count)) Y.applyUpdate(receiver, update);
  const micros: number[] = [];
  for (const update of updates.slice(count)) {
    const t0 = performance.now();
    Y.applyUpdate(receiver, update);
    micros.push((performance.now() - t0) * 1000);
  }
  const summary = summarize(micros);
  return {
    mean: round(summary.mean, 2),
    p50: round(summary.p50, 2),
    p99: round(summary.p99, 2),
    updates: count,
  };
}
