// Small metadata (departments, users, tokens, report metadata) in one lowdb JSON file, meta.json.
// lowdb rewrites the whole file on each write, so only small things live here. Writes go through
// an atomic, fsync'ed replace; a meta.json that cannot be read or parsed stops start-up untouched.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type Adapter, Low } from 'lowdb';
import type { Department, ReportMeta, User } from '../../shared/types';
import { CorruptFileError, describeError } from './errors';
import { isNotFound, writeFileAtomic } from './files';

export interface StoredUser extends User {
  passwordHash: string;
  createdAt: string;
}

export interface StoredToken {
  /** sha256 of the bearer token (hex); the token itself is never stored. */
  hash: string;
  userId: string;
  expiresAt: string;
}

export interface MetaData {
  version: 1;
  departments: Department[];
  users: StoredUser[];
  tokens: StoredToken[];
  reports: ReportMeta[];
}

export interface MetaStore {
  readonly data: Readonly<MetaData>;
  /** Change the data with `mutate` and persist it; writes are serialised. */
  update<T>(mutate: (data: MetaData) => T): Promise<T>;
  /** Whether meta.json existed when the store was opened. */
  readonly existed: boolean;
}

const emptyMeta = (): MetaData => ({ version: 1, departments: [], users: [], tokens: [], reports: [] });

/** lowdb adapter that reports which file failed and writes atomically with fsync. */
class DurableJsonFile implements Adapter<MetaData> {
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

export class LowMetaStore implements MetaStore {
  private chain: Promise<unknown> = Promise.resolve();

  private constructor(
    private readonly db: Low<MetaData>,
    readonly existed: boolean,
  ) {}

  static async open(dataDir: string): Promise<LowMetaStore> {
    const adapter = new DurableJsonFile(join(dataDir, 'meta.json'));
    const db = new Low<MetaData>(adapter, emptyMeta());
    await db.read();
    return new LowMetaStore(db, adapter.found);
  }

  get data(): Readonly<MetaData> {
    return this.db.data;
  }

  update<T>(mutate: (data: MetaData) => T): Promise<T> {
    const run = this.chain.then(async () => {
      const result = mutate(this.db.data);
      await this.db.write();
      return result;
    });
    this.chain = run.catch(() => {});
    return run;
  }
}
