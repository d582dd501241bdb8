// What a frame the y-websocket provider sends is, read from its first two varints (y-protocols'
// message type and sync sub-type). Kept apart from the socket so it runs anywhere.
import * as decoding from 'lib0/decoding';

/** y-protocols message and sync sub-message types. */
const MESSAGE_SYNC = 0;
const SYNC_STEP_2 = 1;
const SYNC_UPDATE = 2;
export type FrameKind = 'step2' | 'update' | 'other';

export type Frame = string | ArrayBufferLike | ArrayBufferView | Blob;

/** What a frame the provider sends is, from its first two varints. */
export function frameKind(data: Frame): FrameKind {
  if (typeof data === 'string' || data instanceof Blob) return 'other';
  const bytes = ArrayBuffer.isView(data)
    ? new Uint8Array(data.buffer, data.byteOffset, data.byteLength)
    : new Uint8Array(data);
  try {
    const decoder = decoding.createDecoder(bytes);
    if (decoding.readVarUint(decoder) !== MESSAGE_SYNC) return 'other';
    const sub = decoding.readVarUint(decoder);
    return sub === SYNC_STEP_2 ? 'step2' : sub === SYNC_UPDATE ? 'update' : 'other';
  } catch {
    return 'other';
  }
}
