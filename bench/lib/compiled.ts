// Every server under test runs as plain JavaScript on node, as `npm start` runs dongsoan: dongsoan
// is its production bundle (scripts/build-server.mjs), the peers and the probe are compiled here
// the same way (esbuild, packages left in node_modules). No run-time transpiler sits in any of them,
// so none pays for one (memory, start time, per-closure helpers) and the comparison stays fair.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
// @ts-expect-error: a plain JavaScript module without type declarations.
import { buildServer } from '../../scripts/build-server.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const OUT = join(root, 'dist', 'bench');

export interface CompiledEntries {
  dongsoan: string;
  reference: string;
  hocuspocus: string;
  echo: string;
  probe: string;
}

let compiled: Promise<CompiledEntries> | null = null;

/** Build (once per bench process) what the server children run. */
export function compiledEntries(): Promise<CompiledEntries> {
  compiled ??= compile();
  return compiled;
}

async function compile(): Promise<CompiledEntries> {
  await buildServer({ quiet: true });
  mkdirSync(OUT, { recursive: true });
  const one = async (source: string, out: string, format: 'esm' | 'cjs') => {
    await build({
      entryPoints: [join(root, source)],
      outfile: join(OUT, out),
      bundle: true,
      platform: 'node',
      format,
      target: 'node20',
      packages: 'external',
      logLevel: 'warning',
    });
    return join(OUT, out);
  };
  const [reference, hocuspocus, echo, probe] = await Promise.all([
    one('bench/peers/reference-server.cts', 'reference-server.cjs', 'cjs'),
    one('bench/peers/hocuspocus-server.ts', 'hocuspocus-server.mjs', 'esm'),
    one('bench/peers/echo-server.ts', 'echo-server.mjs', 'esm'),
    one('bench/lib/probe.ts', 'probe.mjs', 'esm'),
  ]);
  return { dongsoan: join(root, 'dist', 'server', 'main.mjs'), reference, hocuspocus, echo, probe };
}
