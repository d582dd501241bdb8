// A bare WebSocket speaking (or deliberately not speaking) the y-websocket protocol, for tests of
// bad frames and close codes.
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
