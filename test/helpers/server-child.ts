// Entry of a server process for crash tests, started in two steps so restarts are quick on a busy
// machine: forking loads every module (seconds of CPU) while another server may still own the
// data directory; the `start` message then runs startServer — what main.ts runs — on that data.
// Nothing touches the data directory before `start`.
import { consoleLogger } from '../../server/log';
import { type StartServerOptions, startServer } from '../../server/server';

export type ChildStartOptions = Pick<
  StartServerOptions,
  'dataDir' | 'compactAfterRecords' | 'compactAfterBytes'
>;

export type ChildMessage =
  | { kind: 'loaded' }
  | { kind: 'listening'; url: string }
  | { kind: 'failed'; error: string };

const send = (message: ChildMessage) => process.send?.(message);

process.once('message', (options: ChildStartOptions) => {
  startServer({ port: 0, clientDir: null, logger: consoleLogger, ...options }).then(
    (server) => send({ kind: 'listening', url: server.url }),
    (error: unknown) => send({ kind: 'failed', error: String((error as Error)?.stack ?? error) }),
  );
});
// The test runner is gone (crashed or killed): no server may outlive it.
process.on('disconnect', () => process.exit(1));
send({ kind: 'loaded' });
