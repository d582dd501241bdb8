// Reading a Server-Sent Events response with fetch (the stream is authenticated with the bearer
// header, which the browser's EventSource cannot send), and keeping it open: reconnect with
// exponential backoff and jitter, reset once a connection is up.
import { createParser, type EventSourceMessage } from 'eventsource-parser';

/** An HTTP refusal of the stream (401 ends the session: no retry). */
export class StreamRefused extends Error {
  constructor(readonly status: number) {
    super(`stream refused: ${status}`);
    this.name = 'StreamRefused';
  }
}

/** Read the events of one response until it ends; resolves when the server closes it. */
export async function readEvents(
  response: Response,
  onEvent: (event: EventSourceMessage) => void,
): Promise<void> {
  if (!response.ok || !response.body) throw new StreamRefused(response.status);
  const parser = createParser({ onEvent });
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return;
    parser.feed(value);
  }
}

export interface KeepOpenOptions {
  url: string;
  /** Headers of each attempt (read again each time: the token may have changed). */
  headers: () => Record<string, string> | null;
  onEvent: (event: EventSourceMessage) => void;
  /** Told true when a connection is up and false when it dropped. */
  onConnected?: (connected: boolean) => void;
  /** Told when the server refuses (e.g. 401); the loop stops on 401 and 403. */
  onRefused?: (status: number) => void;
  signal: AbortSignal;
}

export const BACKOFF = { firstMs: 1000, maxMs: 30_000 };

/** The wait before reconnect attempt `attempt` (0-based): doubling, capped, with jitter. */
export function backoffDelay(attempt: number, random = Math.random): number {
  const ceiling = Math.min(BACKOFF.maxMs, BACKOFF.firstMs * 2 ** attempt);
  return ceiling / 2 + (random() * ceiling) / 2;
}

/** Keep the stream open until `signal` aborts. */
export async function keepEventStreamOpen(options: KeepOpenOptions): Promise<void> {
  let attempt = 0;
  while (!options.signal.aborted) {
    const headers = options.headers();
    if (!headers) return;
    try {
      const response = await fetch(options.url, { headers, signal: options.signal });
      if (response.ok) {
        attempt = 0;
        options.onConnected?.(true);
      }
      await readEvents(response, options.onEvent);
    } catch (error) {
      if (options.signal.aborted) return;
      if (error instanceof StreamRefused) {
        options.onRefused?.(error.status);
        if (error.status === 401 || error.status === 403) return;
      }
    }
    options.onConnected?.(false);
    await wait(backoffDelay(attempt++), options.signal);
  }
}

function wait(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        resolve();
      },
      { once: true },
    );
  });
}
