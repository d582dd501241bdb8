// Frame size limit on the collaboration sockets. ws checks a frame's declared length from its
// header, before buffering the payload, so an oversized frame is never held in memory. ws itself
// closes such a socket with 1009; the protocol contract says 4413, so the code is translated.
import type { WebSocket, WebSocketServer } from 'ws';
import { CloseCode, MAX_FRAME_BYTES, WS_MESSAGE_TOO_BIG } from '../../shared/protocol';

export function limitFrameSize(wss: WebSocketServer, maxBytes = MAX_FRAME_BYTES): void {
  // @hono/node-ws creates the server without options; completeUpgrade reads options.maxPayload
  // for every new socket, so setting it here applies to all of them.
  wss.options.maxPayload = maxBytes;
  wss.on('connection', (socket: WebSocket) => {
    const close = socket.close.bind(socket);
    socket.close = (code?: number, reason?: string | Buffer) => {
      if (code === WS_MESSAGE_TOO_BIG) close(CloseCode.TooLarge, 'message too large');
      else close(code, reason);
    };
  });
}
