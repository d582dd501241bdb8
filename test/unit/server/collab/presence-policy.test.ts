// The presence rules on plain entries and a fake clock: size, ownership (claim, same-user takeover,
// another user refused), echoes dropped, the per-socket id limit and the rate limit.

import { describe, expect, it } from 'vitest';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import {
  type AwarenessEntry,
  decodeAwarenessUpdate,
  encodeAwarenessEntries,
  PRESENCE_LIMITS,
  PresencePolicy,
  TokenBucket,
} from '../../../../server/collab/presence-policy';
import { CloseCode } from '../../../../shared/protocol';

const SERVER_ID = 1;
const alice = { socketId: 's-alice', userId: 'u-alice' };
const aliceTab2 = { socketId: 's-alice-2', userId: 'u-alice' };
const bob = { socketId: 's-bob', userId: 'u-bob' };

const cursor = (name: string) => JSON.stringify({ user: { name, color: '#c00' }, cursor: { anchor: 3 } });
const entry = (clientId: number, clock: number, json = cursor('x')): AwarenessEntry => ({
  clientId,
  clock,
  json,
});

/** A room's view: the clocks it applied (as the room's awareness meta would hold them). */
function room(limits = PRESENCE_LIMITS) {
  const policy = new PresencePolicy(SERVER_ID, limits);
  const clocks = new Map<number, number>();
  let now = 0;
  return {
    policy,
    clocks,
    advance(ms: number) {
      now += ms;
    },
    send(sender: typeof alice, ...entries: AwarenessEntry[]) {
      const verdict = policy.judge(sender, entries, (id) => clocks.get(id), now);
      if (verdict.ok) for (const accepted of verdict.accepted) clocks.set(accepted.clientId, accepted.clock);
      return verdict;
    },
  };
}

describe('PresencePolicy', () => {
  it("accepts a socket's own new states and claims its id", () => {
    const r = room();
    expect(r.send(alice, entry(10, 1))).toEqual({ ok: true, accepted: [entry(10, 1)] });
    expect(r.send(alice, entry(10, 2))).toEqual({ ok: true, accepted: [entry(10, 2)] });
    expect(r.send(alice, entry(10, 3, 'null'))).toEqual({ ok: true, accepted: [entry(10, 3, 'null')] });
  });

  it("refuses a newer entry for another user's client id with 4403", () => {
    const r = room();
    r.send(alice, entry(10, 1));
    expect(r.send(bob, entry(10, 2, cursor('fake')))).toMatchObject({ ok: false, code: CloseCode.Forbidden });
    // Also its removal, and also after alice's socket closed: the id stays hers.
    expect(r.send(bob, entry(10, 5, 'null'))).toMatchObject({ ok: false, code: CloseCode.Forbidden });
    expect(r.policy.release(alice.socketId)).toEqual([10]);
    expect(r.send(bob, entry(10, 9))).toMatchObject({ ok: false, code: CloseCode.Forbidden });
  });

  it("drops echoes of others' states (clock not newer), a same-clock removal too, without refusing", () => {
    const r = room();
    r.send(alice, entry(10, 4));
    // Bob's stock client re-broadcasts alice's state as received, and later its timeout removal.
    expect(r.send(bob, entry(10, 4), entry(20, 1))).toEqual({ ok: true, accepted: [entry(20, 1)] });
    expect(r.send(bob, entry(10, 4, 'null'))).toEqual({ ok: true, accepted: [] });
    expect(r.send(bob, entry(10, 3))).toEqual({ ok: true, accepted: [] });
    expect(r.clocks.get(10)).toBe(4);
  });

  it('drops an unknown id at clock 0 (y-protocols would not apply it) without claiming it', () => {
    const r = room({ ...PRESENCE_LIMITS, maxIdsPerSocket: 1 });
    expect(r.send(alice, entry(10, 0))).toEqual({ ok: true, accepted: [] });
    expect(r.send(alice, entry(11, 1)).ok).toBe(true);
  });

  it('lets another socket of the same user take an id over; the old socket no longer removes it', () => {
    const r = room();
    r.send(alice, entry(10, 1));
    expect(r.send(aliceTab2, entry(10, 2)).ok).toBe(true);
    expect(r.policy.release(alice.socketId)).toEqual([]);
    expect(r.policy.release(aliceTab2.socketId)).toEqual([10]);
    // Reconnected after both closed: still hers.
    expect(r.send(alice, entry(10, 3)).ok).toBe(true);
  });

  it('refuses presence for the server itself', () => {
    const r = room();
    expect(r.send(alice, entry(SERVER_ID, 7))).toMatchObject({ ok: false, code: CloseCode.Forbidden });
  });

  it('refuses a state over the size limit with 4413, an echo of it too, and accepts one at the limit', () => {
    const r = room();
    const fits = JSON.stringify('x'.repeat(PRESENCE_LIMITS.maxStateBytes - 2));
    expect(Buffer.byteLength(fits)).toBe(PRESENCE_LIMITS.maxStateBytes);
    expect(r.send(alice, entry(10, 1, fits)).ok).toBe(true);
    // Multi-byte characters count as their UTF-8 bytes.
    const over = JSON.stringify('ư'.repeat(PRESENCE_LIMITS.maxStateBytes / 2));
    expect(r.send(alice, entry(10, 2, over))).toMatchObject({ ok: false, code: CloseCode.TooLarge });
    expect(r.send(bob, entry(10, 1, over))).toMatchObject({ ok: false, code: CloseCode.TooLarge });
  });

  it('refuses more client ids on one socket than the limit with 4429, nothing claimed', () => {
    const r = room();
    const ids = Array.from({ length: PRESENCE_LIMITS.maxIdsPerSocket + 1 }, (_, i) => entry(100 + i, 1));
    expect(r.send(alice, ...ids)).toMatchObject({ ok: false, code: CloseCode.TooMany });
    // Nothing of the refused frame was claimed: bob may still announce one of those ids.
    expect(r.send(bob, entry(100, 1)).ok).toBe(true);
    expect(r.send(alice, ...ids.slice(1, PRESENCE_LIMITS.maxIdsPerSocket + 1)).ok).toBe(true);
  });

  it('passes a burst, refuses a sustained flood with 4429, and recovers with time', () => {
    const limits = { ...PRESENCE_LIMITS, burstBytes: 10_000, refillBytesPerSecond: 1_000, frameCost: 32 };
    const r = room(limits);
    const state = JSON.stringify({ pad: 'y'.repeat(968 - 10) }); // 968 bytes + 32 per frame = 1000
    expect(Buffer.byteLength(state)).toBe(968);
    let clock = 0;
    for (let i = 0; i < 10; i++) expect(r.send(alice, entry(10, ++clock, state)).ok).toBe(true);
    expect(r.send(alice, entry(10, ++clock, state))).toMatchObject({ ok: false, code: CloseCode.TooMany });
    // One second refills one frame's worth: sustained at the refill rate passes.
    for (let i = 0; i < 5; i++) {
      r.advance(1000);
      expect(r.send(alice, entry(10, ++clock, state)).ok).toBe(true);
    }
    // Another socket has its own bucket.
    expect(r.send(bob, entry(20, 1, state)).ok).toBe(true);
  });

  it('charges echo-only frames their frame cost, so a flood of no-ops is bounded too', () => {
    const r = room({ ...PRESENCE_LIMITS, burstBytes: 100, refillBytesPerSecond: 10, frameCost: 32 });
    r.send(bob, entry(20, 5));
    for (let i = 0; i < 3; i++) expect(r.send(alice, entry(20, 5)).ok).toBe(true);
    expect(r.send(alice, entry(20, 5))).toMatchObject({ ok: false, code: CloseCode.TooMany });
  });
});

describe('TokenBucket', () => {
  it('never holds more than its capacity and ignores a clock going back', () => {
    const bucket = new TokenBucket(100, 10, 0);
    expect(bucket.take(100, 60_000)).toBe(true);
    expect(bucket.take(1, 60_000)).toBe(false);
    expect(bucket.take(1, 0)).toBe(false);
    expect(bucket.take(10, 61_000)).toBe(true);
  });
});

describe('awareness entries', () => {
  it('decode what y-protocols encodes, and encode back to the same bytes', () => {
    const doc = new Y.Doc();
    const awareness = new awarenessProtocol.Awareness(doc);
    awareness.setLocalState({ user: { name: 'Lan', color: '#0a0' }, note: 'Nguyễn' });
    const update = awarenessProtocol.encodeAwarenessUpdate(awareness, [doc.clientID]);
    const entries = decodeAwarenessUpdate(update);
    expect(entries).toEqual([
      { clientId: doc.clientID, clock: 1, json: JSON.stringify(awareness.getLocalState()) },
    ]);
    expect(encodeAwarenessEntries(entries)).toEqual(update);
    awareness.destroy();
    doc.destroy();
  });

  it('throw on truncated framing and invalid JSON', () => {
    expect(() => decodeAwarenessUpdate(new Uint8Array([1, 4]))).toThrow();
    expect(() => decodeAwarenessUpdate(encodeAwarenessEntries([entry(1, 1, '{nope')]))).toThrow();
  });
});
