// A server process for memory tests, forked with --expose-gc: the `start` message runs startServer
// (cluster mode when given `cluster`); then `stats` answers with the heap used after full garbage
// collections (when asked to collect) and whether a report's room is open, so a test measures the server's own heap.
import { silentLogger } from '../../server/log';
import { type StartServerOptions, startServer } from '../../server/server';

export type HeapChildRequest =
  | { kind: 'start'; options: Pick<StartServerOptions, 'dataDir' | 'cluster'> }
  | { kind: 'stats'; reportId: string; collect: boolean };

export type HeapChildReply =
  | { kind: 'listening'; url: string }
  | { kind: 'failed'; error: string }
  | { kind: 'stats'; heapUsed: number; roomOpen: boolean };

const send = (reply: HeapChildReply) => process.send?.(reply);
let server: Awaited<ReturnType<typeof startServer>> | null = null;

/** Several full collections: one may leave what finalizers released for the next. */
function collect(): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('start this process with --expose-gc');
  for (let i = 0; i < 4; i++) gc();
}

process.on('message', (request: HeapChildRequest) => {
  if (request.kind === 'start') {
    startServer({ port: 0, clientDir: null, logger: silentLogger, ...request.options }).then(
      (started) => {
        server = started;
        send({ kind: 'listening', url: started.url });
      },
      (error: unknown) => send({ kind: 'failed', error: String((error as Error)?.stack ?? error) }),
    );
    return;
  }
  const running = server;
  if (!running) return;
  running.rooms.openRoom(request.reportId).then((room) => {
    if (request.collect) collect();
    send({ kind: 'stats', heapUsed: process.memoryUsage().heapUsed, roomOpen: room !== null });
  });
});
// The test runner is gone: no server may outlive it.
process.on('disconnect', () => process.exit(1));
