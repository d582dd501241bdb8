// Work a keystroke causes but the user need not wait for (sending frames, publishing our caret)
// runs after the frame that shows the keystroke has been painted.

/** Upper bound on how long work may wait when no frame gets painted (a throttled tab). */
const MAX_DELAY_MS = 50;

/** Runs `run` once after the next paint (or after MAX_DELAY_MS, whichever comes first). */
export function afterPaint(run: () => void): void {
  let done = false;
  const once = () => {
    if (done) return;
    done = true;
    run();
  };
  if (typeof document === 'undefined' || document.visibilityState !== 'visible') {
    setTimeout(once, 0);
    return;
  }
  requestAnimationFrame(() => {
    // rAF callbacks run before the frame's style, layout and paint; a task posted from one runs after.
    const channel = new MessageChannel();
    channel.port1.onmessage = once;
    channel.port2.postMessage(0);
  });
  setTimeout(once, MAX_DELAY_MS);
}
