// LibreOffice headless as a converter. Each conversion gets its own user profile
// (-env:UserInstallation) in its own temp dir: two soffice processes sharing a profile block or
// fail on its lock, so parallel exports must not share one. The temp dir goes away afterwards,
// whatever happened. A small limit keeps a burst of exports from starting a dozen office
// processes on a small server.

import { spawn } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ExportFailedError, ExportUnavailableError, LIBREOFFICE_MISSING } from './errors';

const CANDIDATE_NAMES = ['soffice', 'libreoffice'];
const WELL_KNOWN_PATHS = [
  '/usr/lib/libreoffice/program/soffice',
  '/opt/libreoffice/program/soffice',
  '/Applications/LibreOffice.app/Contents/MacOS/soffice',
  'C:\\Program Files\\LibreOffice\\program\\soffice.exe',
];

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * Path of the LibreOffice executable: `$SOFFICE_PATH` if set, else `soffice`/`libreoffice` on
 * PATH, else a well-known install location; null when there is none.
 */
export function findLibreOffice(env: NodeJS.ProcessEnv = process.env): string | null {
  const configured = env.SOFFICE_PATH?.trim();
  if (configured) return isExecutable(configured) ? configured : null;
  for (const dir of (env.PATH ?? '').split(delimiter).filter(Boolean)) {
    for (const name of CANDIDATE_NAMES) {
      const path = join(dir, name);
      if (isExecutable(path)) return path;
    }
  }
  return WELL_KNOWN_PATHS.find(isExecutable) ?? null;
}

export interface ConvertOptions {
  /** Kill the conversion after this long (default 120 s). */
  timeoutMs?: number;
  /** The executable to use (default `findLibreOffice()`); one that is not executable counts as missing. */
  sofficePath?: string;
}

// Conversions running at once; the rest wait their turn.
const MAX_PARALLEL = 2;
let running = 0;
const waiting: (() => void)[] = [];

async function withSlot<T>(work: () => Promise<T>): Promise<T> {
  if (running >= MAX_PARALLEL) await new Promise<void>((resolve) => waiting.push(resolve));
  running++;
  try {
    return await work();
  } finally {
    running--;
    waiting.shift()?.();
  }
}

/** Run soffice to completion; on timeout kill its whole process group (soffice forks soffice.bin). */
function runSoffice(
  path: string,
  args: string[],
  timeoutMs: number,
): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(path, args, {
      detached: process.platform !== 'win32',
      stdio: ['ignore', 'ignore', 'pipe'],
      // UTC so the dates LibreOffice writes into the PDF have one fixed shape (see pdf.ts).
      env: { ...process.env, TZ: 'UTC', SAL_USE_VCLPLUGIN: 'svp' },
    });
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => {
      if (stderr.length < 4000) stderr += chunk.toString();
    });
    const timer = setTimeout(() => {
      try {
        if (child.pid !== undefined)
          process.kill(process.platform === 'win32' ? child.pid : -child.pid, 'SIGKILL');
      } catch {
        // Already gone.
      }
      reject(new ExportFailedError(`LibreOffice did not finish within ${timeoutMs} ms`));
    }, timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(new ExportFailedError(`LibreOffice could not start: ${error.message}`));
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stderr });
    });
  });
}

/**
 * Convert a document with LibreOffice headless, e.g. DOCX → `pdf` or → `txt:Text`.
 * `inputName` names the temp file (its extension picks the import filter).
 * Throws ExportUnavailableError when LibreOffice is not installed, ExportFailedError when the
 * conversion fails or times out.
 */
export async function convertWithLibreOffice(
  input: Uint8Array,
  inputName: string,
  target: string,
  options: ConvertOptions = {},
): Promise<Uint8Array> {
  const soffice = options.sofficePath ?? findLibreOffice();
  if (!soffice || !isExecutable(soffice)) throw new ExportUnavailableError(LIBREOFFICE_MISSING);
  const timeoutMs = options.timeoutMs ?? 120_000;

  return withSlot(async () => {
    const dir = await mkdtemp(join(tmpdir(), 'dongsoan-lo-'));
    try {
      const inputPath = join(dir, inputName);
      await writeFile(inputPath, input);
      const { code, stderr } = await runSoffice(
        soffice,
        [
          `-env:UserInstallation=${pathToFileURL(join(dir, 'profile')).href}`,
          '--headless',
          '--invisible',
          '--norestore',
          '--nolockcheck',
          '--convert-to',
          target,
          '--outdir',
          join(dir, 'out'),
          inputPath,
        ],
        timeoutMs,
      );
      const extension = target.split(':')[0];
      const outputPath = join(dir, 'out', `${inputName.replace(/\.[^.]+$/, '')}.${extension}`);
      try {
        return new Uint8Array(await readFile(outputPath));
      } catch {
        throw new ExportFailedError(`LibreOffice produced no ${extension} (exit ${code})`, stderr.trim());
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
}
