// The reference peer: y-websocket@1.5's own server (`bin/utils` setupWSConnection) on the `ws`
// build it ships with, as its bin/server.js does, plus a port-0 listen line for the bench.
// CommonJS on purpose: bin/utils requires yjs, so this process loads yjs only through require.
// Persistence: its LevelDB (y-leveldb) when LevelDB opens here, else in memory — stated on stdout;
// BENCH_PERSIST=0 runs it in memory on purpose (its stock behaviour without YPERSISTENCE).
const http = require('node:http');
const path = require('node:path');

const dataDir: string = process.env.DATA_DIR ?? '';
const inMemory = process.env.BENCH_PERSIST === '0';
const refDir = path.dirname(require.resolve('y-websocket-ref/package.json'));

async function leveldbProblem(dir: string): Promise<string | null> {
  try {
    const { LeveldbPersistence } = require(require.resolve('y-leveldb', { paths: [refDir] }));
    const probe = new LeveldbPersistence(path.join(dir, 'leveldb-probe'));
    await probe.getStateVector('probe');
    await probe.destroy();
    return null;
  } catch (error) {
    return String((error as Error).message ?? error);
  }
}

async function main() {
  const problem = inMemory ? 'asked for' : dataDir ? await leveldbProblem(dataDir) : 'no DATA_DIR';
  // bin/utils reads YPERSISTENCE when it is first required.
  if (problem === null) process.env.YPERSISTENCE = path.join(dataDir, 'leveldb');
  else delete process.env.YPERSISTENCE;
  const { setupWSConnection } = require('y-websocket-ref/bin/utils');
  const WebSocket = require(require.resolve('ws', { paths: [refDir] }));

  const server = http.createServer(
    (_req: unknown, res: { writeHead(s: number): void; end(b: string): void }) => {
      res.writeHead(200);
      res.end('okay');
    },
  );
  const wss = new WebSocket.Server({ noServer: true });
  wss.on('connection', setupWSConnection);
  server.on('upgrade', (request: unknown, socket: unknown, head: unknown) => {
    wss.handleUpgrade(request, socket, head, (ws: unknown) => wss.emit('connection', ws, request));
  });
  process.on('SIGTERM', () => {
    // Closing every socket lets setupWSConnection's close handler write and unload each doc.
    for (const ws of wss.clients) ws.close();
    setTimeout(() => process.exit(0), 500);
  });
  server.listen(0, '127.0.0.1', () => {
    console.log(
      problem === null
        ? 'persistence: LevelDB (y-leveldb, every update stored as it is applied, no fsync)'
        : inMemory
          ? 'persistence: none, in memory'
          : `persistence: none, in memory (LevelDB unavailable: ${problem})`,
    );
    console.log(`listening on http://127.0.0.1:${server.address().port}`);
  });
}

main();
