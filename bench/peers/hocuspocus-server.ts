// The Hocuspocus peer: @hocuspocus/server with the Database extension storing each document's
// full state in a file (written to a temp file and renamed, no fsync) — SQLite is not installable
// here. Hocuspocus calls `store` after its debounce (2 s, at most 10 s) and when a document unloads.
// BENCH_PERSIST=0 runs it without any extension: documents live in memory only.
import { readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Database } from '@hocuspocus/extension-database';
import { Server } from '@hocuspocus/server';

const dataDir = process.env.DATA_DIR ?? '.';
const inMemory = process.env.BENCH_PERSIST === '0';
const fileOf = (documentName: string) => join(dataDir, `${encodeURIComponent(documentName)}.ydoc`);

const server = new Server({
  port: 0,
  address: '127.0.0.1',
  quiet: true,
  stopOnSignals: false,
  extensions: inMemory
    ? []
    : [
        new Database({
          fetch: async ({ documentName }) => {
            try {
              return new Uint8Array(await readFile(fileOf(documentName)));
            } catch {
              return null;
            }
          },
          store: async ({ documentName, state }) => {
            const file = fileOf(documentName);
            await writeFile(`${file}.tmp`, state);
            await rename(`${file}.tmp`, file);
          },
        }),
      ],
});

process.on('SIGTERM', () => {
  // destroy() closes the connections; each document is stored as it unloads.
  server.destroy().finally(() => setTimeout(() => process.exit(0), 200));
});

await server.listen();
console.log(
  inMemory
    ? 'persistence: none, in memory'
    : 'persistence: files (Database extension: full state per document after a 2 s debounce, no fsync)',
);
console.log(`listening on http://127.0.0.1:${server.address.port}`);
