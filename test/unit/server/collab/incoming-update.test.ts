import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { decodeIncomingUpdate } from '../../../../server/collab/incoming-update';
import { Refused } from '../../../../server/collab/refused';
import { CloseCode } from '../../../../shared/protocol';

function typed(text: string, clientID = 7): Uint8Array {
  const doc = new Y.Doc();
  doc.clientID = clientID;
  doc.getText('t').insert(0, text);
  doc.getText('t').delete(0, 1);
  return Y.encodeStateAsUpdate(doc);
}

describe('decodeIncomingUpdate', () => {
  it('keeps the bytes as received and decodes their structs and delete set', () => {
    const bytes = typed('hello');
    const update = decodeIncomingUpdate(bytes);
    expect(update.bytes).toBe(bytes);
    expect(new Set(update.decoded.structs.map((struct) => struct.id.client))).toEqual(new Set([7]));
    expect(update.decoded.ds.clients.get(7)).toEqual([expect.objectContaining({ clock: 0, len: 1 })]);
  });

  it('refuses what Yjs cannot decode as malformed (4400)', () => {
    const garbage = new Uint8Array([0xff, 0xff, 0xff, 0xff, 0xff, 0xff]);
    let thrown: unknown;
    try {
      decodeIncomingUpdate(garbage);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(Refused);
    expect((thrown as Refused).code).toBe(CloseCode.Malformed);
  });
});
