// The lowdb adapter of meta.json: it names the file that failed to read and writes atomically with
// fsync; a meta.json that cannot be read or parsed stops start-up untouched.
import { readFile } from 'node:fs/promises';
import type { Adapter } from 'lowdb';
import { CorruptFileError, describeError } from './errors';
import { isNotFound, writeFileAtomic } from './files';
import type { MetaData } from './meta-store';

export class DurableJsonFile implements Adapter<MetaData> {
  /** Whether the last read found a file. */
  found = false;

  constructor(readonly file: string) {}

  async read(): Promise<MetaData | null> {
    let text: string;
    try {
      text = await readFile(this.file, 'utf8');
    } catch (error) {
      if (isNotFound(error)) return null;
      throw new CorruptFileError(this.file, describeError(error));
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (error) {
      throw new CorruptFileError(this.file, `malformed JSON (${describeError(error)})`);
    }
    const problem = shapeProblem(parsed);
    if (problem) throw new CorruptFileError(this.file, problem);
    this.found = true;
    return parsed as MetaData;
  }

  write(data: MetaData): Promise<void> {
    return writeFileAtomic(this.file, `${JSON.stringify(data, null, 2)}\n`);
  }
}

function shapeProblem(value: unknown): string | null {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return 'not a JSON object';
  const data = value as Record<string, unknown>;
  for (const key of ['departments', 'users', 'tokens', 'reports']) {
    if (!Array.isArray(data[key])) return `"${key}" is not a list`;
  }
  return null;
}
