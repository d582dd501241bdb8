// A bare WebSocket speaking (or deliberately not speaking) the y-websocket protocol, for tests of
// bad frames and close codes.
import { randomBytes } from 'node:crypto';
import { connect, type Socket } from 'node:net';
import * as encoding from 'lib0/encoding';
import { type ClientOptions, WebSocket } from 'ws';
import * as syncProtocol from 'y-protocols/sync';
import type { CloseInfo } from './collab';

export interface RawSocket {
  ws: WebSocket;
  /** Resolves when the socket closed, with the code and reason the server sent. */
  closed: Promise<CloseInfo>;
  received: Uint8Array[];
  send(data: Uint8Array | string): void;
}

export function rawSocketUrl(wsUrl: string, reportId: string, token?: string): string {
  const query = token === undefined ? '' : `?token=${encodeURIComponent(token)}`;
  return `${wsUrl}/${encodeURIComponent(reportId)}${query}`;
}

/**
 * Open a socket; resolves once it is open (or with the close if the server refused the upgrade:
 * then the code is minus the HTTP status). `options.origin` sends an Origin header as a browser would.
 */
export function openRawSocket(url: string, options: ClientOptions = {}): Promise<RawSocket> {
  const ws = new WebSocket(url, options);
  const received: Uint8Array[] = [];
  ws.on('message', (data: Buffer) => received.push(new Uint8Array(data)));
  const closed = new Promise<CloseInfo>((resolve) => {
    ws.on('close', (code, reason) => resolve({ code, reason: reason.toString() }));
    ws.on('unexpected-response', (_request, response) => {
      resolve({ code: -(response.statusCode ?? 0), reason: `HTTP ${response.statusCode}` });
      ws.terminate();
    });
  });
  ws.on('error', () => {});
  const socket: RawSocket = {
    ws,
    closed,
    received,
    send: (data) => ws.send(data, { binary: typeof data !== 'string' }),
  };
  return new Promise((resolve) => {
    ws.once('open', () => resolve(socket));
    closed.then(() => resolve(socket));
  });
}

/** A y-websocket sync "update" frame around `update`. */
export function updateFrame(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 0);
  syncProtocol.writeUpdate(encoder, update);
  return encoding.toUint8Array(encoder);
}

export interface OversizedFrameResult {
  /** Close code of the server's close frame (null if the connection ended without one). */
  closeCode: number | null;
  /** Payload bytes handed to the kernel before the server's close frame arrived. */
  payloadBytesSent: number;
}

/**
 * Open a WebSocket by hand and send one binary frame whose header declares `declaredBytes`, then
 * its payload (zeros) in small chunks, each once the previous one left and the event loop turned;
 * stops at the server's close frame. Unlike `ws.send`, which queues a whole message at once, this
 * shows how much of the frame the server took before closing.
 */
export async function sendOversizedFrame(url: string, declaredBytes: number): Promise<OversizedFrameResult> {
  const target = new URL(url);
  const socket = connect(Number(target.port), target.hostname);
  socket.on('error', () => {});
  const received = serverFrames(socket);
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', resolve);
    socket.once('error', reject);
  });
  socket.write(
    [
      `GET ${target.pathname}${target.search} HTTP/1.1`,
      `Host: ${target.host}`,
      'Upgrade: websocket',
      'Connection: Upgrade',
      `Sec-WebSocket-Key: ${randomBytes(16).toString('base64')}`,
      'Sec-WebSocket-Version: 13',
      '',
      '',
    ].join('\r\n'),
  );
  await received.upgraded;
  // FIN + binary opcode; masked (clients must mask) with a 64-bit length; mask key 0 keeps zeros zeros.
  const header = Buffer.alloc(14);
  header[0] = 0x82;
  header[1] = 0x80 | 127;
  header.writeBigUInt64BE(BigInt(declaredBytes), 2);
  await write(socket, header);
  const chunk = Buffer.alloc(64 * 1024);
  let sent = 0;
  while (sent < declaredBytes && received.closeCode === undefined && !socket.destroyed) {
    const size = Math.min(chunk.length, declaredBytes - sent);
    if (!(await write(socket, chunk.subarray(0, size)))) break;
    sent += size;
    // Let the event loop read what the server sent (its close frame) before the next chunk.
    await new Promise((resolve) => setImmediate(resolve));
  }
  const closeCode = await Promise.race([received.closed, received.ended]);
  socket.destroy();
  return { closeCode, payloadBytesSent: sent };
}

function write(socket: Socket, data: Buffer): Promise<boolean> {
  return new Promise((resolve) => {
    if (socket.destroyed) {
      resolve(false);
      return;
    }
    socket.write(data, (error) => resolve(!error));
  });
}

/** Reads the server's side of a hand-made WebSocket: the 101 answer, then frames until a close. */
function serverFrames(socket: Socket) {
  let buffer = Buffer.alloc(0);
  let upgradedDone = false;
  const state: {
    closeCode: number | null | undefined;
    upgraded: Promise<void>;
    closed: Promise<number | null>;
    ended: Promise<null>;
  } = {
    closeCode: undefined,
    upgraded: Promise.resolve(),
    closed: Promise.resolve(null),
    ended: Promise.resolve(null),
  };
  let onUpgraded: () => void = () => {};
  let onRefused: (error: Error) => void = () => {};
  let onClosed: (code: number | null) => void = () => {};
  state.upgraded = new Promise((resolve, reject) => {
    onUpgraded = resolve;
    onRefused = reject;
  });
  state.closed = new Promise((resolve) => {
    onClosed = resolve;
  });
  state.ended = new Promise((resolve) => socket.once('close', () => resolve(null)));
  socket.on('data', (data: Buffer) => {
    buffer = Buffer.concat([buffer, data]);
    if (!upgradedDone) {
      const end = buffer.indexOf('\r\n\r\n');
      if (end < 0) return;
      const head = buffer.subarray(0, end).toString();
      buffer = buffer.subarray(end + 4);
      upgradedDone = true;
      if (!head.startsWith('HTTP/1.1 101')) {
        onRefused(new Error(`upgrade refused: ${head.split('\r\n')[0]}`));
        return;
      }
      onUpgraded();
    }
    // Server frames are unmasked: opcode, 7/16/64-bit length, payload.
    while (buffer.length >= 2) {
      const opcode = buffer[0] & 0x0f;
      let length = buffer[1] & 0x7f;
      let offset = 2;
      if (length === 126) {
        if (buffer.length < 4) return;
        length = buffer.readUInt16BE(2);
        offset = 4;
      } else if (length === 127) {
        if (buffer.length < 10) return;
        length = Number(buffer.readBigUInt64BE(2));
        offset = 10;
      }
      if (buffer.length < offset + length) return;
      const payload = buffer.subarray(offset, offset + length);
      buffer = buffer.subarray(offset + length);
      if (opcode === 0x8) {
        const code = payload.length >= 2 ? payload.readUInt16BE(0) : null;
        state.closeCode = code;
        onClosed(code);
      }
    }
  });
  return state;
}
