// Waiting on events, never on fixed sleeps: a predicate is re-checked whenever something that can
// change it happens, with a timeout that fails the test with a message.
import type * as Y from 'yjs';

/** Resolve when `check()` is true; `subscribe` registers a callback fired on relevant events. */
export function waitFor(
  check: () => boolean,
  subscribe: (onEvent: () => void) => () => void,
  { timeoutMs = 10_000, what = 'condition' }: { timeoutMs?: number; what?: string } = {},
): Promise<void> {
  return new Promise((resolve, reject) => {
    if (check()) {
      resolve();
      return;
    }
    let unsubscribe: () => void = () => {};
    const timer = setTimeout(() => {
      unsubscribe();
      reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}`));
    }, timeoutMs);
    unsubscribe = subscribe(() => {
      if (!check()) return;
      clearTimeout(timer);
      unsubscribe();
      resolve();
    });
  });
}

/** Resolve when `check(doc)` holds, re-checking after each update of the doc. */
export function waitForDoc(
  doc: Y.Doc,
  check: (doc: Y.Doc) => boolean,
  options: { timeoutMs?: number; what?: string } = {},
): Promise<void> {
  return waitFor(
    () => check(doc),
    (onEvent) => {
      doc.on('update', onEvent);
      return () => doc.off('update', onEvent);
    },
    options,
  );
}

/** Resolve with the arguments of the next `event` of a Node-style or lib0-style emitter. */
export function nextEvent<T extends unknown[]>(
  emitter: {
    on(event: string, listener: (...args: T) => void): unknown;
    off(event: string, listener: (...args: T) => void): unknown;
  },
  event: string,
  { timeoutMs = 10_000 }: { timeoutMs?: number } = {},
): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      emitter.off(event, listener);
      reject(new Error(`timed out after ${timeoutMs} ms waiting for "${event}"`));
    }, timeoutMs);
    const listener = (...args: T) => {
      clearTimeout(timer);
      emitter.off(event, listener);
      resolve(args);
    };
    emitter.on(event, listener);
  });
}
