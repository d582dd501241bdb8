// One client socket. It owns the socket: keepalive (ping/pong with timeout), sending, and an
// idempotent close with a code. Protocol decoding lives in message-receiver.ts.
import { randomUUID } from 'node:crypto';
import type { WebSocket } from 'ws';
import type { User } from '../../shared/types';
import type { Logger } from '../log';

export interface ConnectionOptions {
  /** Interval between pings; a peer that has not answered the previous ping by then is dropped. */
  pingIntervalMs: number;
  logger: Logger;
}

export class Connection {
  readonly id = randomUUID();
  /** Awareness client ids this socket has announced (removed when it closes). */
  readonly awarenessIds = new Set<number>();
  private alive = true;
  private closed = false;
  private readonly pingTimer: NodeJS.Timeout;
  private readonly closeListeners: (() => void)[] = [];

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
  }

  get isOpen(): boolean {
    return !this.closed && this.socket.readyState === this.socket.OPEN;
  }

  send(frame: Uint8Array): void {
    if (!this.isOpen) return;
    this.socket.send(frame, { binary: true }, (error) => {
      if (error) this.close(1011, 'send failed');
    });
  }

  /** Close with `code` once; later calls do nothing. */
  close(code: number, reason = ''): void {
    if (this.closed) return;
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
    clearInterval(this.pingTimer);
    for (const listener of this.closeListeners.splice(0)) listener();
  }
}
