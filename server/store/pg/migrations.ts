// The PostgreSQL schema of cluster mode, as numbered migrations run at start-up. Every process runs
// `migrate` when it starts: under an advisory lock, so processes starting together apply each
// migration once, and each migration commits with its row in dongsoan_migrations, so a crash halfway
// leaves either all of it or none. Append new migrations; never edit one that has shipped.
import type { Pool, PoolClient } from 'pg';

interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** Any constant key: the advisory lock that serialises migrations across processes. */
const MIGRATION_LOCK_KEY = 0x646f6e67;

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'reports, their update logs and attribution; metadata',
    sql: `
      -- One row per stored report. last_seq is the report's total order: a transaction appending
      -- n updates raises it by n under the row lock, so sequence numbers follow commit order.
      CREATE TABLE report_heads (
        report_id text PRIMARY KEY,
        last_seq bigint NOT NULL DEFAULT 0,
        previous jsonb,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      -- The ordered update log since the snapshot, each update with its author.
      CREATE TABLE report_updates (
        report_id text NOT NULL REFERENCES report_heads ON DELETE CASCADE,
        seq bigint NOT NULL,
        body bytea NOT NULL,
        user_id text,
        source_id text NOT NULL,
        instance_id text NOT NULL,
        stored_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (report_id, seq)
      );
      -- The state of every update up to upto_seq (the first state at creation, then compactions).
      CREATE TABLE report_snapshots (
        report_id text PRIMARY KEY REFERENCES report_heads ON DELETE CASCADE,
        upto_seq bigint NOT NULL,
        state bytea NOT NULL,
        compacted_at timestamptz NOT NULL DEFAULT now()
      );
      -- A Yjs client id is bound to the first user who writes with it.
      CREATE TABLE report_client_bindings (
        report_id text NOT NULL REFERENCES report_heads ON DELETE CASCADE,
        client_id bigint NOT NULL,
        user_id text NOT NULL,
        PRIMARY KEY (report_id, client_id)
      );
      CREATE TABLE report_deletions (
        id bigserial PRIMARY KEY,
        report_id text NOT NULL REFERENCES report_heads ON DELETE CASCADE,
        user_id text NOT NULL,
        at timestamptz NOT NULL,
        ranges jsonb NOT NULL
      );
      CREATE INDEX report_deletions_report ON report_deletions (report_id, id);
      CREATE TABLE report_activity (
        id bigserial PRIMARY KEY,
        report_id text NOT NULL REFERENCES report_heads ON DELETE CASCADE,
        entry jsonb NOT NULL
      );
      CREATE INDEX report_activity_report ON report_activity (report_id, id);
      CREATE TABLE report_versions (
        id bigserial PRIMARY KEY,
        report_id text NOT NULL REFERENCES report_heads ON DELETE CASCADE,
        version_id text NOT NULL,
        info jsonb NOT NULL,
        state bytea NOT NULL,
        UNIQUE (report_id, version_id)
      );
      -- Metadata (server/store/meta-store.ts): one row per entity, its JSON as the lowdb file had
      -- it, ord keeping the order of the lists.
      CREATE TABLE meta_departments (id text PRIMARY KEY, ord integer NOT NULL, data jsonb NOT NULL);
      CREATE TABLE meta_users (id text PRIMARY KEY, ord integer NOT NULL, data jsonb NOT NULL);
      CREATE TABLE meta_tokens (id text PRIMARY KEY, ord integer NOT NULL, data jsonb NOT NULL);
      CREATE TABLE meta_reports (id text PRIMARY KEY, ord integer NOT NULL, data jsonb NOT NULL);
      -- Raised by every metadata write (whose row lock serialises writers); 0 = never written.
      CREATE TABLE meta_revision (id integer PRIMARY KEY CHECK (id = 1), revision bigint NOT NULL);
      INSERT INTO meta_revision VALUES (1, 0);
    `,
  },
  {
    version: 2,
    name: 'notification inboxes',
    sql: `
      -- Each user's inbox (server/notifications/notification-store.ts): a notification per row,
      -- seq giving the order they were made in, read_at set by a read mark.
      CREATE TABLE notifications (
        seq bigserial PRIMARY KEY,
        user_id text NOT NULL,
        id text NOT NULL,
        body jsonb NOT NULL,
        read_at timestamptz,
        UNIQUE (user_id, id)
      );
      CREATE INDEX notifications_inbox ON notifications (user_id, seq DESC);
      CREATE INDEX notifications_unread ON notifications (user_id) WHERE read_at IS NULL;
    `,
  },
];

/** Apply the migrations this database lacks; returns the versions applied now. */
export async function migrate(pool: Pool): Promise<number[]> {
  const client = await pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    try {
      await client.query(`CREATE TABLE IF NOT EXISTS dongsoan_migrations (
        version integer PRIMARY KEY,
        name text NOT NULL,
        applied_at timestamptz NOT NULL DEFAULT now()
      )`);
      const applied = new Set(
        (await client.query<{ version: number }>('SELECT version FROM dongsoan_migrations')).rows.map(
          (row) => row.version,
        ),
      );
      const now: number[] = [];
      for (const migration of MIGRATIONS) {
        if (applied.has(migration.version)) continue;
        await inTransaction(client, async () => {
          await client.query(migration.sql);
          await client.query('INSERT INTO dongsoan_migrations (version, name) VALUES ($1, $2)', [
            migration.version,
            migration.name,
          ]);
        });
        now.push(migration.version);
      }
      return now;
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
    }
  } finally {
    client.release();
  }
}

/** Run `work` in a transaction on `client`: committed if it resolves, rolled back if it throws. */
export async function inTransaction<T>(
  client: PoolClient,
  work: () => Promise<T>,
  begin = 'BEGIN',
): Promise<T> {
  await client.query(begin);
  try {
    const result = await work();
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  }
}

/** Run `work` in a transaction on a client of `pool`. */
export async function withTransaction<T>(
  pool: Pool,
  work: (client: PoolClient) => Promise<T>,
  begin = 'BEGIN',
): Promise<T> {
  const client = await pool.connect();
  try {
    return await inTransaction(client, () => work(client), begin);
  } finally {
    client.release();
  }
}

/** A Uint8Array as the Buffer pg sends as bytea (no copy). */
export function bytea(data: Uint8Array): Buffer {
  return Buffer.from(data.buffer, data.byteOffset, data.byteLength);
}
