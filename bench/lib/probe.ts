// Preloaded into every server child (`node --expose-gc --import …/probe.ts`), identically for all
// servers: on the parent's request over the IPC channel it runs a full GC and reports
// process.memoryUsage(), so "memory per room" compares live heaps, not V8's lazy collection.
// It loads nothing else (in particular not yjs), so it cannot change which Yjs build a server uses.

process.on('message', (message: unknown) => {
  if (message !== 'bench:memory') return;
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc) {
    gc();
    gc();
  }
  process.send?.({ type: 'bench:memory', usage: process.memoryUsage() });
});
// The IPC channel must not keep a server alive on its own, nor stop it from exiting normally.
process.channel?.unref();
