// Decodes one incoming frame and dispatches it with one exhaustive switch over the message types.
// Anything malformed raises Refused (4400, refused.ts); the caller closes that socket, never the
// process. A Yjs update is decoded here, once, for everything that reads it (incoming-update.ts).
import * as decoding from 'lib0/decoding';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { MessageType } from '../../shared/protocol';
import type { Connection } from './connection';
import { awarenessStatesFrame, syncStep2Frame } from './frames';
import { decodeIncomingUpdate } from './incoming-update';
import { type AwarenessEntry, decodeAwarenessUpdate } from './presence-policy';
import { malformed } from './refused';
import type { Room } from './room';

const MESSAGE_TYPES = new Set<number>(Object.values(MessageType));

function isMessageType(value: number): value is MessageType {
  return MESSAGE_TYPES.has(value);
}

/** Read with lib0, turning its out-of-range errors (truncated frames) into a 4400. */
function read<T>(what: string, reader: () => T): T {
  try {
    return reader();
  } catch {
    throw malformed(`truncated or malformed ${what}`);
  }
}

export function receiveFrame(data: ArrayBuffer | string, connection: Connection, room: Room): void {
  if (typeof data === 'string') throw malformed('text frames are not part of the protocol');
  const bytes = new Uint8Array(data);
  if (bytes.length === 0) throw malformed('empty frame');
  const decoder = decoding.createDecoder(bytes);
  const type = read('message type', () => decoding.readVarUint(decoder));
  if (!isMessageType(type)) throw malformed(`unknown message type ${type}`);
  switch (type) {
    case MessageType.Sync:
      receiveSync(decoder, connection, room);
      return;
    case MessageType.Awareness: {
      const update = read('awareness message', () => decoding.readVarUint8Array(decoder));
      room.receiveAwareness(connection, update, validateAwarenessUpdate(update));
      return;
    }
    case MessageType.QueryAwareness:
      connection.send(awarenessStatesFrame(room.awareness));
      return;
    case MessageType.Auth:
      // Authentication happens on the upgrade (?token=); the y-protocols auth message is not used.
      throw malformed('auth messages are not used by this server');
    default: {
      const unreachable: never = type;
      throw malformed(`unhandled message type ${String(unreachable)}`);
    }
  }
}

function receiveSync(decoder: decoding.Decoder, connection: Connection, room: Room): void {
  const syncType = read('sync message', () => decoding.readVarUint(decoder));
  switch (syncType) {
    case syncProtocol.messageYjsSyncStep1: {
      const stateVector = read('state vector', () => decoding.readVarUint8Array(decoder));
      read('state vector', () => Y.decodeStateVector(stateVector));
      connection.send(syncStep2Frame(room.doc, stateVector));
      return;
    }
    case syncProtocol.messageYjsSyncStep2:
    case syncProtocol.messageYjsUpdate: {
      // Step 2 carries the client's missing state: an edit like any other, checked the same way.
      const update = read('update', () => decoding.readVarUint8Array(decoder));
      room.receiveUpdate(connection, decodeIncomingUpdate(update));
      return;
    }
    default:
      throw malformed(`unknown sync message type ${syncType}`);
  }
}

/** Check an awareness update's framing and JSON before it touches the room's awareness. */
function validateAwarenessUpdate(update: Uint8Array): AwarenessEntry[] {
  return read('awareness update', () => decodeAwarenessUpdate(update));
}
