// Temp directories and on-disk sizes for the servers' data.
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export function tempDataDir(label: string): string {
  return mkdtempSync(join(tmpdir(), `dongsoan-bench-${label}-`));
}

export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

/** Total size of the files under `dir` (bytes). */
export function dirSize(dir: string): number {
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    try {
      if (entry.isDirectory()) total += dirSize(path);
      else if (entry.isFile()) total += statSync(path).size;
    } catch {
      // A file renamed away between readdir and stat (compaction) is simply not counted.
    }
  }
  return total;
}
