// The WebSocket the stock y-websocket provider uses in the browser, with two changes:
//
// 1. After (re)connecting, single updates are held back until the client has answered the
//    server's sync step 1. Otherwise a keystroke made right after a reconnect reaches the server
//    before the sync step 2 that carries the edits made while offline, refers to characters the
//    server has not seen yet, and the guard refuses it (close 4403, "origin unknown"). The held
//    updates are not lost: the step 2 answer is computed from the whole document when it is sent,
//    so it carries them.
// 2. Frames leave after the next paint instead of inside the keystroke: sending an update and the
//    caret's awareness costs about a millisecond per keystroke, which the user should not wait for
//    before seeing the character. Order is kept; a closing or hidden page sends at once.
import { afterPaint } from './afterPaint';
import { type Frame, frameKind } from './collabFrames';

export class CollabSocket extends WebSocket {
  private queue: Frame[] = [];
  private scheduled = false;
  /** This socket carried our answer to the server's sync step 1: the server has our state. */
  private caughtUp = false;
  private readonly onPageHide = () => this.flush();

  constructor(url: string | URL, protocols?: string | string[]) {
    super(url, protocols);
    window.addEventListener('pagehide', this.onPageHide);
    this.addEventListener('close', () => window.removeEventListener('pagehide', this.onPageHide));
  }

  override send(data: Frame): void {
    const kind = frameKind(data);
    // Carried by the step 2 answer (see above).
    if (kind === 'update' && !this.caughtUp) return;
    if (kind === 'step2') this.caughtUp = true;
    this.queue.push(data);
    if (!this.scheduled) {
      this.scheduled = true;
      afterPaint(() => this.flush());
    }
  }

  override close(code?: number, reason?: string): void {
    this.flush();
    super.close(code, reason);
  }

  private flush(): void {
    this.scheduled = false;
    const frames = this.queue;
    this.queue = [];
    if (this.readyState !== WebSocket.OPEN) return;
    for (const frame of frames) super.send(frame);
  }
}
