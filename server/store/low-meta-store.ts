// The embedded metadata store (server/store/meta-store.ts): one lowdb JSON file, DATA_DIR/meta.json.
// lowdb rewrites the whole file on each write, so only small things live here.
import { join } from 'node:path';
import { Low } from 'lowdb';
import { DurableJsonFile } from './durable-json-file';
import { emptyMeta, type MetaData, type MetaStore } from './meta-store';

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

  async close(): Promise<void> {
    await this.chain;
  }
}
