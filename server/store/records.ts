// Binary record framing shared by the update log and the state file:
//   [u32 payload length][u32 crc32 of payload][payload]  (little endian)
// A crash can cut the last record short (a "torn" tail); a bad record anywhere else is corruption.
import { crc32 } from 'node:zlib';

export const RECORD_HEADER_BYTES = 8;
/** Far above MAX_FRAME_BYTES; a larger length can only come from a damaged header. */
export const MAX_RECORD_BYTES = 1024 * 1024 * 1024;

export function encodeRecord(payload: Uint8Array): Buffer {
  const record = Buffer.allocUnsafe(RECORD_HEADER_BYTES + payload.length);
  record.writeUInt32LE(payload.length, 0);
  record.writeUInt32LE(crc32(payload), 4);
  record.set(payload, RECORD_HEADER_BYTES);
  return record;
}

export interface ParsedRecords {
  payloads: Uint8Array[];
  /** Bytes covered by complete, valid records. */
  validBytes: number;
  /** Why the bytes after `validBytes` were dropped, when they were (a torn last record). */
  tornTail?: string;
  /** Set when a record before the last one is damaged: the file is corrupt. */
  corruption?: string;
}

/**
 * Split `data` into record payloads. A damaged record that reaches exactly to the end of the data
 * (or a header cut short) is a torn tail from a crash mid-append; damage followed by more bytes is
 * corruption, reported rather than skipped.
 */
export function parseRecords(data: Uint8Array): ParsedRecords {
  const buffer = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  const payloads: Uint8Array[] = [];
  let offset = 0;
  while (offset < buffer.length) {
    const remaining = buffer.length - offset;
    if (remaining < RECORD_HEADER_BYTES) {
      return {
        payloads,
        validBytes: offset,
        tornTail: `${remaining} stray header bytes at offset ${offset}`,
      };
    }
    const length = buffer.readUInt32LE(offset);
    const checksum = buffer.readUInt32LE(offset + 4);
    const end = offset + RECORD_HEADER_BYTES + length;
    if (length > MAX_RECORD_BYTES) {
      return {
        payloads,
        validBytes: offset,
        corruption: `impossible record length ${length} at offset ${offset}`,
      };
    }
    if (end > buffer.length) {
      return { payloads, validBytes: offset, tornTail: `record at offset ${offset} cut short` };
    }
    const payload = buffer.subarray(offset + RECORD_HEADER_BYTES, end);
    if (crc32(payload) !== checksum) {
      if (end === buffer.length) {
        return {
          payloads,
          validBytes: offset,
          tornTail: `last record at offset ${offset} has a bad checksum`,
        };
      }
      return { payloads, validBytes: offset, corruption: `bad checksum in record at offset ${offset}` };
    }
    payloads.push(new Uint8Array(payload));
    offset = end;
  }
  return { payloads, validBytes: offset };
}
