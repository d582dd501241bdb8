// The server runs the guard on sync step 2 as well as on update messages. A stock client's step 2
// carries everything the server lacks plus the client's WHOLE delete set: it must pass when it
// changes nothing (viewers, locked reports) and be judged like any update when it does.
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import {
  ctx,
  expectAllowed,
  expectRefused,
  guard,
  paragraphText,
  replica,
  reportDoc,
  users,
} from './fixtures';

/** What the client answers to the server's sync step 1, and the payload the server hands the guard. */
function answerStep1(server: Y.Doc, client: Y.Doc): Uint8Array {
  const step1 = encoding.createEncoder();
  syncProtocol.writeSyncStep1(step1, server);
  const reply = encoding.createEncoder();
  syncProtocol.readSyncMessage(decoding.createDecoder(encoding.toUint8Array(step1)), reply, client, 'test');
  const frame = decoding.createDecoder(encoding.toUint8Array(reply));
  expect(decoding.readVarUint(frame)).toBe(syncProtocol.messageYjsSyncStep2);
  const payload = decoding.readVarUint8Array(frame);
  expect(decoding.hasContent(frame)).toBe(false);
  return payload;
}

/** A report where some text was already deleted, so every replica's delete set is non-empty. */
function reportWithHistory(): Y.Doc {
  const server = reportDoc();
  const secretary = replica(server, 7);
  secretary.transact(() => {
    paragraphText(secretary, 'A').delete(0, 3);
    paragraphText(secretary, 'B').delete(0, 2);
  });
  Y.applyUpdate(server, Y.encodeStateAsUpdate(secretary, Y.encodeStateVector(server)));
  return server;
}

describe('guard on sync step 2', () => {
  it('accepts a step 2 that only repeats known deletions, even from a viewer or on a locked report', () => {
    const server = reportWithHistory();
    const viewer = replica(server, 200);
    const payload = answerStep1(server, viewer);
    expect(payload).toEqual(Y.encodeStateAsUpdate(viewer, Y.encodeStateVector(server)));
    expect(Y.decodeUpdate(payload).ds.clients.size).toBeGreaterThan(0);
    expect(expectAllowed(guard(server, payload, ctx(users.viewer)))).toMatchObject({
      inserted: 0,
      deleted: 0,
    });
    expectAllowed(guard(server, payload, ctx(users.ttbc, { locked: true })));
  });

  it('judges offline edits carried by step 2 like any update', () => {
    const server = reportWithHistory();
    const client = replica(server, 201);
    // Edits made while disconnected: a foreign section and an own one.
    paragraphText(client, 'A').insert(0, 'own ');
    const ownOnly = answerStep1(server, client);
    expect(expectAllowed(guard(server, ownOnly, ctx(users.ttbc))).sectionIds).toEqual(['A']);
    expectRefused(guard(server, ownOnly, ctx(users.viewer)));
    paragraphText(client, 'B').delete(0, 1);
    const withForeign = answerStep1(server, client);
    expect(withForeign).toEqual(Y.encodeStateAsUpdate(client, Y.encodeStateVector(server)));
    expectRefused(guard(server, withForeign, ctx(users.ttbc)), /section B/);
    expectRefused(guard(server, withForeign, ctx(users.ttbc, { locked: true })), /locked/);
  });

  it('accepts the step 2 of an up-to-date client whose replica holds no deletions', () => {
    const server = reportDoc();
    const payload = answerStep1(server, replica(server, 202));
    expect(Y.decodeUpdate(payload).structs).toHaveLength(0);
    expectAllowed(guard(server, payload, ctx(users.viewer, { locked: true })));
  });
});
