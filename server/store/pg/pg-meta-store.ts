// The cluster metadata store (server/store/meta-store.ts) in PostgreSQL: one row per department,
// user, token and report (tables meta_* of migrations.ts).
//
// The guard reads `data` synchronously on every update, so each process keeps the whole metadata
// in memory and refreshes it when another process changes it. The change notice is PostgreSQL's
// LISTEN/NOTIFY, not Redis: NOTIFY is sent by the writing transaction itself and delivered only if
// and once it commits, in commit order, so no process can hear of a change it cannot read yet, and
// no notice is lost while the listening connection is up (Redis pub/sub may drop messages). When the
// listening connection breaks, the process reconnects and reloads everything, so a missed notice
// costs one reload, never a stale judgement for longer than the outage. A notice carries the rows
// the write changed when they fit (metadata-notice.ts), and they are applied as it arrives: a
// section approved through one process is judged approved by the others before the approval's
// HTTP answer can have led anyone to send the next edit, with no read in between.
//
// Writes are serialised across processes by the row lock on meta_revision; each `update` applies
// its mutation to the metadata as committed (read under that lock), not to this process's copy,
// so no process overwrites another's change.
import pg, { type Pool, type PoolClient } from 'pg';
import type { Logger } from '../../log';
import { emptyMeta, type MetaData, type MetaStore } from '../meta-store';
import {
  applyRowChanges,
  diffMeta,
  encodeNotice,
  parseNotice,
  type RowChange,
  TABLES,
} from './metadata-notice';
import { withTransaction } from './migrations';

const CHANNEL = 'dongsoan_meta';
const RECONNECT_MS = 1000;

export class PgMetaStore implements MetaStore {
  private current: MetaData;
  private revision: number;
  private chain: Promise<unknown> = Promise.resolve();
  private listener: pg.Client | null = null;
  private reconnectTimer: NodeJS.Timeout | null = null;
  private reloading: Promise<void> | null = null;
  private reloadAgain = false;
  private closed = false;

  private constructor(
    private readonly pool: Pool,
    private readonly connectionString: string,
    private readonly logger: Logger,
    loaded: { data: MetaData; revision: number },
  ) {
    this.current = loaded.data;
    this.revision = loaded.revision;
  }

  /** Load the metadata and listen for changes (the schema must be migrated: migrations.ts). */
  static async open(pool: Pool, connectionString: string, logger: Logger): Promise<PgMetaStore> {
    const loaded = await withTransaction(
      pool,
      (client) => loadAll(client),
      'BEGIN ISOLATION LEVEL REPEATABLE READ',
    );
    const store = new PgMetaStore(pool, connectionString, logger, loaded);
    await store.listen();
    return store;
  }

  get data(): Readonly<MetaData> {
    return this.current;
  }

  get existed(): boolean {
    return this.revision > 0;
  }

  update<T>(mutate: (data: MetaData) => T): Promise<T> {
    const run = this.chain.then(() =>
      withTransaction(this.pool, async (client) => {
        await client.query('SELECT revision FROM meta_revision WHERE id = 1 FOR UPDATE');
        const committed = await loadAll(client);
        const before = structuredClone(committed.data);
        const result = mutate(committed.data);
        const changes = await writeChanges(client, before, committed.data);
        const revision = committed.revision + 1;
        await client.query('UPDATE meta_revision SET revision = $1 WHERE id = 1', [revision]);
        await client.query('SELECT pg_notify($1, $2)', [CHANNEL, encodeNotice(revision, changes)]);
        return { result, data: committed.data, revision };
      }).then(({ result, data, revision }) => {
        if (revision > this.revision) {
          this.current = data;
          this.revision = revision;
        }
        return result;
      }),
    );
    this.chain = run.catch(() => {});
    return run;
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer);
    await this.chain;
    await this.reloading;
    const listener = this.listener;
    this.listener = null;
    await listener?.end().catch(() => {});
  }

  /** A dedicated connection LISTENing on the channel; on its loss, reconnect and reload. */
  private async listen(): Promise<void> {
    const client = new pg.Client({ connectionString: this.connectionString });
    client.on('notification', (message) => {
      const notice = parseNotice(message.payload ?? '');
      if (!notice || notice.revision <= this.revision) return;
      if (notice.changes && notice.revision === this.revision + 1 && !this.reloading) {
        this.current = applyRowChanges(this.current, notice.changes);
        this.revision = notice.revision;
      } else {
        this.reload();
      }
    });
    const lost = (error?: unknown) => {
      if (this.closed || this.listener !== client) return;
      this.listener = null;
      this.logger.warn('metadata: lost the PostgreSQL change notices; reconnecting', error ?? '');
      client.end().catch(() => {});
      this.reconnectTimer = setTimeout(() => this.relisten(), RECONNECT_MS);
      this.reconnectTimer.unref();
    };
    client.on('error', lost);
    client.on('end', () => lost());
    await client.connect();
    await client.query(`LISTEN ${CHANNEL}`);
    this.listener = client;
  }

  private relisten(): void {
    this.reconnectTimer = null;
    if (this.closed) return;
    this.listen().then(
      // Notices sent while the connection was down are lost: read everything once.
      () => this.reload(),
      (error) => {
        this.logger.warn('metadata: could not listen for changes; retrying', error);
        this.reconnectTimer = setTimeout(() => this.relisten(), RECONNECT_MS);
        this.reconnectTimer.unref();
      },
    );
  }

  /** Read the committed metadata (coalescing notices that arrive while a read runs). */
  private reload(): void {
    if (this.reloading) {
      this.reloadAgain = true;
      return;
    }
    this.reloading = (async () => {
      do {
        this.reloadAgain = false;
        try {
          const loaded = await withTransaction(
            this.pool,
            (client) => loadAll(client),
            'BEGIN ISOLATION LEVEL REPEATABLE READ',
          );
          if (loaded.revision > this.revision) {
            this.current = loaded.data;
            this.revision = loaded.revision;
          }
        } catch (error) {
          this.logger.error('metadata: could not reload after a change notice', error);
        }
      } while (this.reloadAgain && !this.closed);
    })().finally(() => {
      this.reloading = null;
    });
  }
}

async function loadAll(client: PoolClient): Promise<{ data: MetaData; revision: number }> {
  const revision = await client.query<{ revision: string }>(
    'SELECT revision FROM meta_revision WHERE id = 1',
  );
  const data = emptyMeta();
  for (const { list, table } of TABLES) {
    const rows = await client.query<{ data: never }>(`SELECT data FROM ${table} ORDER BY ord`);
    (data[list] as unknown[]) = rows.rows.map((row) => row.data);
  }
  return { data, revision: Number(revision.rows[0]?.revision ?? 0) };
}

/**
 * Store what `mutate` changed: rows added, changed or moved, and rows removed. Returns them.
 * (`dongsoan migrate` writes a whole meta.json with it, from `emptyMeta()`.)
 */
export async function writeChanges(
  client: PoolClient,
  before: MetaData,
  after: MetaData,
): Promise<RowChange[]> {
  const changes = diffMeta(before, after);
  for (const { list, table } of TABLES) {
    const mine = changes.filter((change) => change.list === list);
    for (const change of mine) {
      if (change.row === null) continue;
      await client.query(
        `INSERT INTO ${table} (id, ord, data) VALUES ($1, $2, $3)
         ON CONFLICT (id) DO UPDATE SET ord = EXCLUDED.ord, data = EXCLUDED.data`,
        [change.id, change.ord, JSON.stringify(change.row)],
      );
    }
    const gone = mine.filter((change) => change.row === null).map((change) => change.id);
    if (gone.length > 0) await client.query(`DELETE FROM ${table} WHERE id = ANY($1)`, [gone]);
  }
  return changes;
}
