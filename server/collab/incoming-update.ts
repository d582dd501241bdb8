// A Yjs update received from a client, decoded once where the frame is read (message-receiver.ts).
// The decoded structs and delete set are what the redundancy check, the guard and the attribution
// records read; the bytes are what Yjs applies, the log stores and the bus relays.
import * as Y from 'yjs';
import { malformed } from './refused';

export type DecodedUpdate = ReturnType<typeof Y.decodeUpdate>;

export interface IncomingUpdate {
  /** The update as received (v1 encoding). */
  readonly bytes: Uint8Array;
  readonly decoded: DecodedUpdate;
}

/** Decode an update from a client; one that Yjs cannot read is refused as malformed (4400). */
export function decodeIncomingUpdate(bytes: Uint8Array): IncomingUpdate {
  let decoded: DecodedUpdate;
  try {
    decoded = Y.decodeUpdate(bytes);
  } catch {
    throw malformed('invalid Yjs update');
  }
  return { bytes, decoded };
}
