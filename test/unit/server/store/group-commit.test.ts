import { appendFileSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../../../../server/log';
import { GroupCommitFile } from '../../../../server/store/group-commit';
import { JsonlAppender } from '../../../../server/store/jsonl-file';
import { ReportJsonlFiles } from '../../../../server/store/report-jsonl';

const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'dongsoan-commit-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve = () => {};
  const promise = new Promise<void>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

describe('GroupCommitFile', () => {
  it('has the bytes in the file when write returns, and resolves once synced', async () => {
    const file = join(tempDir(), 'f');
    const output = new GroupCommitFile(openSync(file, 'a+'));
    const synced = output.write(Buffer.from('ab'));
    expect(readFileSync(file, 'utf8')).toBe('ab');
    await synced;
    await output.close();
    expect(() => output.write(Buffer.from('c'))).toThrow(/closed/);
  });

  it('syncs the writes of one event-loop turn together, with one promise for them', async () => {
    const output = new GroupCommitFile(openSync(join(tempDir(), 'f'), 'a+'));
    const first = output.write(Buffer.from('a'));
    const second = output.write(Buffer.from('b'));
    expect(second).toBe(first);
    await first;
    // A write after that sync belongs to the next batch.
    const third = output.write(Buffer.from('c'));
    expect(third).not.toBe(first);
    await third;
    await output.close();
  });

  it('does not sync a write before what it was told to wait for', async () => {
    const output = new GroupCommitFile(openSync(join(tempDir(), 'f'), 'a+'));
    const attribution = deferred();
    output.syncAfter(attribution.promise);
    let synced = false;
    const write = output.write(Buffer.from('x')).then(() => {
      synced = true;
    });
    // Another file's sync taking its time: this one must keep waiting.
    await new Promise((resolve) => setImmediate(resolve));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(synced).toBe(false);
    attribution.resolve();
    await write;
    expect(synced).toBe(true);
    await output.close();
  });
});

describe('JSON-lines appends', () => {
  it('are written before append returns once the file is open', async () => {
    const dir = tempDir();
    const files = new ReportJsonlFiles<{ n: number }>(() => dir, 'log.jsonl', silentLogger);
    expect(files.isReady('r')).toBe(false);
    await files.open('r');
    expect(files.isReady('r')).toBe(true);
    const synced = files.appendNow('r', { n: 1 });
    expect(readFileSync(join(dir, 'log.jsonl'), 'utf8')).toBe('{"n":1}\n');
    await synced;
    await files.closeReport('r');
    expect(() => files.appendNow('r', { n: 2 })).toThrow(/not open/);
    // Appending without `open` still works (opened on first use), asynchronously.
    await files.append('r', { n: 3 });
    await files.close();
    expect(readFileSync(join(dir, 'log.jsonl'), 'utf8')).toBe('{"n":1}\n{"n":3}\n');
  });

  it('cut off a torn last line before appending', async () => {
    const dir = tempDir();
    const file = join(dir, 'x.jsonl');
    const setup = await JsonlAppender.open(file, 0);
    await setup.append({ a: 1 });
    await setup.close();
    appendFileSync(file, '{"a":');
    const appender = await JsonlAppender.open(file, 8);
    await appender.append({ a: 2 });
    await appender.close();
    expect(readFileSync(file, 'utf8')).toBe('{"a":1}\n{"a":2}\n');
  });
});
