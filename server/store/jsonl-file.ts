// An append-only JSON-lines file: one object per line, written at once and fdatasync'ed in batches.
// A line cut off by a crash at the very end is dropped with a warning; a bad line before the end
// means the file is corrupt.
import { closeSync, fstatSync, ftruncateSync, openSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { Logger } from '../log';
import { CorruptFileError, describeError } from './errors';
import { isNotFound, mkdirPrivate, PRIVATE_FILE_MODE } from './files';
import { GroupCommitFile } from './group-commit';

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

/**
 * Appends to a JSON-lines file. Each line is handed to the OS synchronously inside `append` (so it
 * survives a crash of this process from then on) and fdatasync'ed with group commit.
 */
export class JsonlAppender {
  private constructor(
    readonly file: string,
    private readonly output: GroupCommitFile,
  ) {}

  /** Open for appending, cutting off a torn last line first (see readJsonl's validBytes). */
  static async open(file: string, validBytes: number): Promise<JsonlAppender> {
    await mkdirPrivate(dirname(file));
    const fd = openSync(file, 'a+', PRIVATE_FILE_MODE);
    try {
      if (fstatSync(fd).size > validBytes) ftruncateSync(fd, validBytes);
    } catch (error) {
      closeSync(fd);
      throw error;
    }
    return new JsonlAppender(file, new GroupCommitFile(fd));
  }

  /** Write `entry` now (throws if that fails); resolves once it is synced. */
  append(entry: unknown): Promise<void> {
    return this.output.write(Buffer.from(`${JSON.stringify(entry)}\n`));
  }

  flush(): Promise<void> {
    return this.output.flush();
  }

  close(): Promise<void> {
    return this.output.close();
  }
}
