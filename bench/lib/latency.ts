// End-to-end latency from a sender's local update to each receiver's `update` event, all clients
// in this one process so one clock serves both ends. A single-character insert is one Yjs item
// (clientID, clock): the sender notes the send time under that id; a receiver's update event tells
// which clocks of which clients it just integrated (transaction before/after state vectors).
import * as decoding from 'lib0/decoding';
import type * as Y from 'yjs';
import type { BenchClient } from './client';

export class LatencyTracker {
  private readonly sendTimes = new Map<number, number[]>();
  /** Samples are kept only for sends at or after this time (warm-up excluded). */
  windowStart = Number.POSITIVE_INFINITY;
  windowEnd = Number.POSITIVE_INFINITY;
  samples: number[] = [];
  sent = 0;
  received = 0;
  /** Receipts expected: each tracked send times the receivers present when it was sent. */
  expected = 0;
  private receivers = 0;

  /** Call right before the sender's local change that creates item (clientID, clock). */
  markSend(clientID: number, clock: number, at: number): void {
    let times = this.sendTimes.get(clientID);
    if (!times) {
      times = [];
      this.sendTimes.set(clientID, times);
    }
    times[clock] = at;
    this.sent++;
    this.expected += this.receivers - 1;
  }

  attach(client: BenchClient): () => void {
    this.receivers++;
    const onUpdate = (_update: Uint8Array, origin: unknown, _doc: Y.Doc, transaction: Y.Transaction) => {
      if (origin !== client) return;
      const now = performance.now();
      transaction.afterState.forEach((after, clientID) => {
        const times = this.sendTimes.get(clientID);
        if (!times) return;
        for (let clock = transaction.beforeState.get(clientID) ?? 0; clock < after; clock++) {
          const at = times[clock];
          if (at === undefined) continue;
          this.received++;
          if (at >= this.windowStart && at < this.windowEnd) this.samples.push(now - at);
        }
      });
    };
    client.doc.on('update', onUpdate);
    return () => {
      client.doc.off('update', onUpdate);
      this.receivers--;
    };
  }

  /**
   * A receiver that does not integrate remote updates (to keep hundreds of clients affordable in
   * one process): the receipt time is taken when the update frame is decoded, reading only the
   * update's header (client, first clock, struct count) — our senders make one-character items.
   */
  attachLight(client: BenchClient, sample = true): () => void {
    this.receivers++;
    client.applyRemote = false;
    client.onSkippedUpdate = (update) => {
      const now = performance.now();
      const decoder = decoding.createDecoder(update);
      const groups = decoding.readVarUint(decoder);
      if (groups !== 1) return;
      const structs = decoding.readVarUint(decoder);
      const clientID = decoding.readVarUint(decoder);
      const first = decoding.readVarUint(decoder);
      // Some servers echo an update to its sender too; that is not a receipt.
      if (clientID === client.doc.clientID) return;
      const times = this.sendTimes.get(clientID);
      if (!times) return;
      for (let clock = first; clock < first + structs; clock++) {
        const at = times[clock];
        if (at === undefined) continue;
        this.received++;
        if (sample && at >= this.windowStart && at < this.windowEnd) this.samples.push(now - at);
      }
    };
    return () => {
      client.onSkippedUpdate = null;
      client.applyRemote = true;
      this.receivers--;
    };
  }
}
