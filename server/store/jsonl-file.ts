// An append-only JSON-lines file: one object per line, appends batched and fdatasync'ed in order.
// A line cut off by a crash at the very end is dropped with a warning; a bad line before the end
// means the file is corrupt.
import { type FileHandle, mkdir, open, readFile, truncate } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { Logger } from '../log';
import { CorruptFileError, describeError } from './errors';
import { isNotFound } from './files';

export interface JsonlContents<T> {
  entries: T[];
  validBytes: number;
}

/** Read a JSON-lines file; a missing file is empty. */
export async function readJsonl<T>(file: string, logger: Logger): Promise<JsonlContents<T>> {
  let data: Buffer;
  try {
    data = await readFile(file);
  } catch (error) {
    if (isNotFound(error)) return { entries: [], validBytes: 0 };
    throw new CorruptFileError(file, describeError(error));
  }
  const entries: T[] = [];
  let offset = 0;
  while (offset < data.length) {
    const newline = data.indexOf(0x0a, offset);
    const end = newline === -1 ? data.length : newline;
    const line = data.subarray(offset, end).toString('utf8');
    if (newline === -1) {
      // Every complete entry ends with a newline: this one was cut off by a crash.
      logger.warn(`${file}: dropping an incomplete last line, left by a crash`);
      break;
    }
    if (line.trim() !== '') {
      try {
        entries.push(JSON.parse(line) as T);
      } catch {
        throw new CorruptFileError(file, `malformed JSON on the line at byte ${offset}`);
      }
    }
    offset = end + 1;
  }
  return { entries, validBytes: offset };
}

export class JsonlAppender {
  private handle: FileHandle | null = null;
  private pending: string[] = [];
  private chain: Promise<void> = Promise.resolve();
  private scheduled = false;

  private constructor(readonly file: string) {}

  /** Open for appending, cutting off a torn last line first (see readJsonl's validBytes). */
  static async open(file: string, validBytes: number): Promise<JsonlAppender> {
    await mkdir(dirname(file), { recursive: true });
    const appender = new JsonlAppender(file);
    const handle = await open(file, 'a+');
    const { size } = await handle.stat();
    if (size > validBytes) await truncate(file, validBytes);
    appender.handle = handle;
    return appender;
  }

  append(entry: unknown): Promise<void> {
    this.pending.push(`${JSON.stringify(entry)}\n`);
    if (!this.scheduled) {
      this.scheduled = true;
      return this.enqueue(() => this.flushPending());
    }
    return this.chain;
  }

  flush(): Promise<void> {
    return this.enqueue(() => this.flushPending());
  }

  async close(): Promise<void> {
    await this.enqueue(async () => {
      await this.flushPending();
      await this.handle?.close();
      this.handle = null;
    });
  }

  private enqueue(task: () => Promise<void>): Promise<void> {
    const run = this.chain.then(task);
    this.chain = run.catch(() => {});
    return run;
  }

  private async flushPending(): Promise<void> {
    this.scheduled = false;
    if (this.pending.length === 0 || !this.handle) return;
    const data = this.pending.join('');
    this.pending = [];
    await this.handle.write(data);
    await this.handle.datasync();
  }
}
