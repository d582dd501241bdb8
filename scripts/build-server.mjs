// `npm start` runs the server as one JavaScript bundle (dist/server/main.mjs) instead of through a
// run-time TypeScript transpiler: no loader hooks, no transpiling at start, less memory. This script
// (the `prestart` step) builds that bundle with esbuild when it is missing or older than any source
// it is built from, so `npm install && npm start` works on a fresh clone. Plain JavaScript on
// purpose: it runs before anything is compiled. `npm run dev` still runs the sources through tsx.
//
// Only the project's own code (server/, shared/) is bundled; packages stay in node_modules and are
// imported as usual; a module the server imports dynamically becomes a chunk loaded when used. Each source file keeps its own `import.meta.url` (rewritten to the file's
// original URL), so paths it resolves relative to itself — the repository root, the demo fixture —
// mean what they mean in the sources.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
export const BUNDLE = join(root, 'dist', 'server', 'main.mjs');
const STAMP = `${BUNDLE}.sources.json`;
const SOURCE_DIRS = ['server', 'shared'];

/** Newest modification time of the files under `dir` (0 when missing). */
function newestMtime(dir) {
  let newest = 0;
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return 0;
  }
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(path));
    else newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

function sourcesNewest() {
  const files = ['package.json', 'package-lock.json', 'tsconfig.json'].map((file) => join(root, file));
  return Math.max(
    ...SOURCE_DIRS.map((dir) => newestMtime(join(root, dir))),
    ...files.filter(existsSync).map((file) => statSync(file).mtimeMs),
  );
}

/** Whether the bundle was built here (same checkout path) from sources no newer than it. */
function upToDate() {
  if (!existsSync(BUNDLE) || !existsSync(STAMP)) return false;
  try {
    const stamp = JSON.parse(readFileSync(STAMP, 'utf8'));
    return stamp.root === root && statSync(BUNDLE).mtimeMs >= sourcesNewest();
  } catch {
    return false;
  }
}

/** Each bundled file sees its own source URL as import.meta.url. */
const ownImportMetaUrl = {
  name: 'own-import-meta-url',
  setup(builder) {
    builder.onLoad({ filter: /\.(ts|tsx|mts|js|mjs)$/ }, (args) => {
      if (args.path.includes(`${join('node_modules', '')}`)) return undefined;
      const source = readFileSync(args.path, 'utf8');
      if (!source.includes('import.meta.url')) return undefined;
      const url = JSON.stringify(pathToFileURL(args.path).href);
      return {
        contents: source.replaceAll('import.meta.url', url),
        loader: args.path.endsWith('x') ? 'tsx' : args.path.match(/\.m?ts$/) ? 'ts' : 'js',
      };
    });
  },
};

const LOCK = join(root, 'dist', 'server-build.lock');
const STALE_LOCK_MS = 120_000;

/**
 * One build at a time (several `npm start` may run at once, README "Cluster mode"): the lock is a
 * directory; whoever cannot take it waits until it is gone, then finds the bundle built.
 */
async function withBuildLock(body) {
  mkdirSync(join(root, 'dist'), { recursive: true });
  for (;;) {
    try {
      mkdirSync(LOCK);
      break;
    } catch (error) {
      if (error.code !== 'EEXIST') throw error;
      try {
        if (Date.now() - statSync(LOCK).mtimeMs > STALE_LOCK_MS)
          rmSync(LOCK, { recursive: true, force: true });
      } catch {
        // Released meanwhile.
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  try {
    return await body();
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}

export async function buildServer({ force = false, quiet = false } = {}) {
  if (!force && upToDate()) return false;
  return withBuildLock(async () => {
    if (!force && upToDate()) return false;
    return buildNow(quiet);
  });
}

async function buildNow(quiet) {
  const started = performance.now();
  await build({
    entryPoints: [join(root, 'server', 'main.ts')],
    outdir: join(root, 'dist', 'server'),
    entryNames: 'main',
    chunkNames: 'chunk-[hash]',
    outExtension: { '.js': '.mjs' },
    // What is imported dynamically (cluster mode: pg, redis) is a chunk of its own, loaded on use.
    splitting: true,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    sourcemap: 'linked',
    logLevel: 'warning',
    plugins: [ownImportMetaUrl],
  });
  writeFileSync(STAMP, `${JSON.stringify({ root, builtAt: new Date().toISOString() })}\n`);
  if (!quiet)
    console.log(
      `built ${relative(root, BUNDLE)} from server/ and shared/ in ${Math.round(performance.now() - started)} ms`,
    );
  return true;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  buildServer({ force: process.argv.includes('--force') }).catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
