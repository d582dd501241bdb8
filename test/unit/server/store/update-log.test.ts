import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseRecords } from '../../../../server/store/records';
import { LOG_FILE, STATE_FILE, UpdateLog } from '../../../../server/store/update-log';

const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'dongsoan-log-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function payloads(file: string): number[] {
  return parseRecords(readFileSync(file)).payloads.map((record) => record[0]);
}

describe('UpdateLog', () => {
  it('has the record in the file as soon as append returns, before the sync resolves', async () => {
    const dir = tempDir();
    const log = await UpdateLog.open(dir, 0);
    const synced = log.append(Uint8Array.of(7));
    // No await: this is what a relay right after `append` can rely on if the process is killed.
    expect(payloads(join(dir, LOG_FILE))).toEqual([7]);
    await synced;
    await log.close();
  });

  it('keeps every record appended while a compaction runs', async () => {
    const dir = tempDir();
    const log = await UpdateLog.open(dir, 0);
    for (let i = 0; i < 5; i++) void log.append(Uint8Array.of(i));
    const compaction = log.compact(Uint8Array.of(99));
    for (let i = 5; i < 10; i++) void log.append(Uint8Array.of(i));
    await compaction;
    for (let i = 10; i < 12; i++) void log.append(Uint8Array.of(i));
    await log.flush();
    await log.close();
    expect(parseRecords(readFileSync(join(dir, STATE_FILE))).payloads.map((r) => r[0])).toEqual([99]);
    expect(payloads(join(dir, LOG_FILE))).toEqual([5, 6, 7, 8, 9, 10, 11]);
  });

  it('keeps records appended at any moment of a compaction, in order', async () => {
    const dir = tempDir();
    const log = await UpdateLog.open(dir, 0);
    for (let i = 0; i < 50; i++) void log.append(new Uint8Array(Uint16Array.of(i).buffer));
    let done = false;
    const compaction = log.compact(Uint8Array.of(99)).finally(() => {
      done = true;
    });
    // Appends on every turn of the event loop while the compaction's phases run.
    let next = 1000;
    while (!done) {
      void log.append(new Uint8Array(Uint16Array.of(next++).buffer));
      await new Promise((resolve) => setImmediate(resolve));
    }
    await compaction;
    void log.append(new Uint8Array(Uint16Array.of(next++).buffer));
    await log.flush();
    await log.close();
    const records = parseRecords(readFileSync(join(dir, LOG_FILE))).payloads.map(
      (record) => new Uint16Array(record.slice().buffer)[0],
    );
    expect(next - 1000).toBeGreaterThan(2);
    expect(records).toEqual(Array.from({ length: next - 1000 }, (_, i) => 1000 + i));
  });
});
