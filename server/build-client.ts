// Build the SPA with Vite when dist/client is missing or older than its sources, so `npm start`
// on a fresh clone serves a page without a separate build step.
import { existsSync } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Logger } from './log';

/** Newest modification time of any file under `dir` (0 when missing). */
async function newestMtime(dir: string): Promise<number> {
  let newest = 0;
  let entries: import('node:fs').Dirent[];
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch {
    return 0;
  }
  for (const entry of entries) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, await newestMtime(path));
    else newest = Math.max(newest, (await stat(path)).mtimeMs);
  }
  return newest;
}

/**
 * Ensure `<root>/dist/client` is built from `<root>/client` (which also imports `shared/`).
 * Returns the directory to serve, or null when there is no client to serve.
 */
export async function ensureClientBuilt(root: string, logger: Logger): Promise<string | null> {
  const clientSrc = join(root, 'client');
  const outDir = join(root, 'dist', 'client');
  if (!existsSync(join(clientSrc, 'index.html'))) {
    logger.warn('client/index.html does not exist yet: serving the API only');
    return null;
  }
  const builtAt = existsSync(join(outDir, 'index.html'))
    ? (await stat(join(outDir, 'index.html'))).mtimeMs
    : 0;
  const sourcesAt = Math.max(
    await newestMtime(clientSrc),
    await newestMtime(join(root, 'shared')),
    existsSync(join(root, 'vite.config.ts')) ? (await stat(join(root, 'vite.config.ts'))).mtimeMs : 0,
  );
  if (builtAt > 0 && builtAt >= sourcesAt) return outDir;
  logger.info(
    builtAt ? 'client sources changed: rebuilding dist/client…' : 'building the client (dist/client)…',
  );
  const started = Date.now();
  try {
    const { build } = await import('vite');
    // The served bundle is always a production build, whatever NODE_ENV the caller runs under
    // (vitest sets NODE_ENV=test, which would otherwise give a development React bundle).
    const previousNodeEnv = process.env.NODE_ENV;
    process.env.NODE_ENV = 'production';
    try {
      await build({
        configFile: join(root, 'vite.config.ts'),
        root: clientSrc,
        mode: 'production',
        logLevel: 'warn',
      });
    } finally {
      process.env.NODE_ENV = previousNodeEnv;
    }
    logger.info(`client built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    return outDir;
  } catch (error) {
    logger.error('building the client failed; serving the API only', error);
    return existsSync(join(outDir, 'index.html')) ? outDir : null;
  }
}
