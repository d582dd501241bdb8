// One client socket. It owns the socket: keepalive (ping/pong with timeout), sending, and an
// idempotent close with a code. Protocol decoding lives in message-receiver.ts.
//
// The first frame a socket gets in an event-loop turn leaves at once (no added latency when the
// server is quiet); later frames of the same turn are queued and leave together at the end of the
// turn in one corked write. Under load (many clients, fast typists) a socket gets several frames
// per turn, and each write to the kernel costs far more than framing: this keeps the relay ahead.
import { randomUUID } from 'node:crypto';
import type { WebSocket } from 'ws';
import { CloseCode } from '../../shared/protocol';
import type { User } from '../../shared/types';
import type { Logger } from '../log';

export interface ConnectionOptions {
  /** Interval between pings; a peer that has not answered the previous ping by then is dropped. */
  pingIntervalMs: number;
  logger: Logger;
  /** Hash of the token the socket was opened with: ending that session closes the socket. */
  tokenHash: string;
  /** When that token expires (ms since the epoch): the socket closes with 4401 then. */
  expiresAt: number;
}

/** setTimeout's longest delay; a later expiry is reached in several steps. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/** One options object for every frame sent (not one per frame per socket). */
const BINARY = { binary: true } as const;

export class Connection {
  readonly id = randomUUID();
  private alive = true;
  private closed = false;
  private readonly pingTimer: NodeJS.Timeout;
  private expiryTimer: NodeJS.Timeout | null = null;
  private readonly closeListeners: (() => void)[] = [];
  private outbox: Uint8Array[] = [];
  /** A frame went out directly this turn: further frames wait for the end-of-turn flush. */
  private sentThisTurn = false;

  constructor(
    private readonly socket: WebSocket,
    readonly user: User,
    readonly reportId: string,
    private readonly options: ConnectionOptions,
  ) {
    socket.on('pong', () => {
      this.alive = true;
    });
    socket.on('close', () => this.finish());
    this.pingTimer = setInterval(() => this.keepalive(), options.pingIntervalMs);
    this.pingTimer.unref();
    this.scheduleExpiry();
  }

  /** Hash of the token (session) the socket was opened with. */
  get tokenHash(): string {
    return this.options.tokenHash;
  }

  get isOpen(): boolean {
    return !this.closed && this.socket.readyState === this.socket.OPEN;
  }

  /** Send a frame: at once if it is this turn's first for the socket, else with the turn's flush. */
  send(frame: Uint8Array): void {
    if (!this.isOpen) return;
    if (!this.sentThisTurn) {
      this.sentThisTurn = true;
      scheduleFlush(this);
      this.socket.send(frame, BINARY);
      return;
    }
    this.outbox.push(frame);
  }

  /** Send the queued frames now. A failed write surfaces as the socket's error and close. */
  flush(): void {
    this.sentThisTurn = false;
    const frames = this.outbox;
    if (frames.length === 0) return;
    this.outbox = [];
    if (!this.isOpen) return;
    const raw = corkable(this.socket);
    raw?.cork();
    try {
      for (const frame of frames) this.socket.send(frame, BINARY);
    } finally {
      raw?.uncork();
    }
  }

  /** Close with `code` once (after sending what is queued); later calls do nothing. */
  close(code: CloseCode, reason = ''): void {
    if (this.closed) return;
    this.flush();
    try {
      this.socket.close(code, reason.slice(0, 120));
    } catch (error) {
      this.options.logger.warn(`collab: closing socket failed (${String(error)})`);
      this.socket.terminate();
    }
    this.finish();
  }

  onClose(listener: () => void): void {
    if (this.closed) listener();
    else this.closeListeners.push(listener);
  }

  /** A socket must not outlive its session: the token's expiry ends it like a logout does. */
  private scheduleExpiry(): void {
    const left = this.options.expiresAt - Date.now();
    if (left <= 0) {
      this.close(CloseCode.Unauthenticated, 'session expired');
      return;
    }
    this.expiryTimer = setTimeout(() => this.scheduleExpiry(), Math.min(left, MAX_TIMER_MS));
    this.expiryTimer.unref();
  }

  private keepalive(): void {
    if (!this.alive) {
      this.options.logger.warn(`collab: ${this.user.username} did not answer a ping, dropping the socket`);
      this.socket.terminate();
      this.finish();
      return;
    }
    this.alive = false;
    try {
      this.socket.ping();
    } catch {
      this.finish();
    }
  }

  /** Runs once however the socket ends (our close, the peer's close, a dead peer). */
  private finish(): void {
    if (this.closed) return;
    this.closed = true;
    this.outbox = [];
    clearInterval(this.pingTimer);
    if (this.expiryTimer) clearTimeout(this.expiryTimer);
    for (const listener of this.closeListeners.splice(0)) listener();
  }
}

/** Connections with queued frames, flushed together once per event-loop turn. */
const waiting = new Set<Connection>();
let flushScheduled = false;

function scheduleFlush(connection: Connection): void {
  waiting.add(connection);
  if (flushScheduled) return;
  flushScheduled = true;
  // setImmediate runs after this turn's I/O callbacks: the frames queued while handling the
  // messages that arrived together leave in one write per socket.
  setImmediate(flushWaiting);
}

function flushWaiting(): void {
  flushScheduled = false;
  const connections = [...waiting];
  waiting.clear();
  for (const connection of connections) connection.flush();
}

/** ws keeps its net.Socket private; corking it makes several ws frames one write to the kernel. */
function corkable(socket: WebSocket): { cork(): void; uncork(): void } | null {
  const raw = (socket as unknown as { _socket?: { cork?: unknown; uncork?: unknown } })._socket;
  return raw && typeof raw.cork === 'function' && typeof raw.uncork === 'function'
    ? (raw as { cork(): void; uncork(): void })
    : null;
}
