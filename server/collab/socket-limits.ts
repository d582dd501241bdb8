// Limits on the collaboration sockets: frame size, and open sockets per user and per report.
//
// Frame size: ws checks a frame's declared length from its header, before buffering the payload,
// so an oversized frame is never held in memory. ws itself closes such a socket with 1009; the
// protocol contract says 4413, so the code is translated.
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

/** Open sockets allowed at once: per user (all their tabs and reports) and per report. */
export interface SocketCaps {
  perUser: number;
  perReport: number;
}

// A user works in a few tabs; a report is edited by tens of people. Load tests raise these
// (MAX_SOCKETS_PER_USER, MAX_SOCKETS_PER_REPORT).
export const SOCKET_CAPS: SocketCaps = { perUser: 20, perReport: 300 };

export type SocketAdmission =
  | { ok: true; release: () => void }
  | { ok: false; code: CloseCode; reason: string };

/**
 * Counts the open sockets of this process by user and by report. A socket is counted from its
 * upgrade (before its room has loaded, so a burst of opens cannot slip past) until `release`.
 */
export class SocketCounter {
  private readonly byUser = new Map<string, number>();
  private readonly byReport = new Map<string, number>();

  constructor(private readonly caps: SocketCaps = SOCKET_CAPS) {}

  admit(userId: string, reportId: string): SocketAdmission {
    if ((this.byUser.get(userId) ?? 0) >= this.caps.perUser) {
      return { ok: false, code: CloseCode.TooMany, reason: 'too many open sockets for this user' };
    }
    if ((this.byReport.get(reportId) ?? 0) >= this.caps.perReport) {
      return { ok: false, code: CloseCode.TooMany, reason: 'too many open sockets on this report' };
    }
    add(this.byUser, userId, 1);
    add(this.byReport, reportId, 1);
    let released = false;
    return {
      ok: true,
      release: () => {
        if (released) return;
        released = true;
        add(this.byUser, userId, -1);
        add(this.byReport, reportId, -1);
      },
    };
  }
}

function add(counts: Map<string, number>, key: string, delta: number): void {
  const next = (counts.get(key) ?? 0) + delta;
  if (next > 0) counts.set(key, next);
  else counts.delete(key);
}
