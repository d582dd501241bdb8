// Group commit of one open report into PostgreSQL. Bindings, deletions and updates recorded while a
// transaction runs wait for the next one, which stores them all at once: one transaction per batch,
// so a burst of keystrokes costs one commit, and the order within a report is the order recorded.
// Each update gets its sequence number from the report's head row (server/store/pg/migrations.ts):
// raising last_seq locks the row until commit, so sequence numbers follow commit order across
// processes. Bindings and deletions commit in the same transaction as the update they belong to
// (never later: the contract of server/store/report-store.ts).
import type { Pool } from 'pg';
import type { DeleteRange } from '../../history/deleted-by';
import type { UpdateAuthor } from '../report-store';
import { bytea, withTransaction } from './migrations';

interface PendingUpdate {
  update: Uint8Array;
  author: UpdateAuthor;
  resolve: (seq: number) => void;
  reject: (error: unknown) => void;
}

interface Batch {
  bindings: { clientId: number; userId: string }[];
  deletions: { userId: string; at: string; ranges: DeleteRange[] }[];
  updates: PendingUpdate[];
}

const emptyBatch = (): Batch => ({ bindings: [], deletions: [], updates: [] });

export class ReportCommitQueue {
  private pending = emptyBatch();
  private running: Promise<void> | null = null;
  private scheduled = false;
  /** Bytes and updates committed by this queue (the log's stats). */
  bytesWritten = 0;
  updatesWritten = 0;

  constructor(
    private readonly pool: Pool,
    private readonly reportId: string,
    /** Told of a batch that could not be stored (its updates' promises reject as well). */
    private readonly failed: (error: unknown) => void,
  ) {}

  bind(clientId: number, userId: string): void {
    this.pending.bindings.push({ clientId, userId });
    this.schedule();
  }

  record(userId: string, ranges: DeleteRange[]): void {
    this.pending.deletions.push({ userId, at: new Date().toISOString(), ranges });
    this.schedule();
  }

  append(update: Uint8Array, author: UpdateAuthor): Promise<number> {
    return new Promise((resolve, reject) => {
      this.pending.updates.push({ update, author, resolve, reject });
      this.schedule();
    });
  }

  /** Resolves once everything recorded so far is committed (or has failed). */
  async flush(): Promise<void> {
    while (this.running || this.scheduled || !isEmpty(this.pending)) {
      if (!this.running) this.start();
      await this.running;
    }
  }

  /**
   * The batch starts after the current turn: the room records a binding, applies the update and
   * appends it synchronously, so all three land in the same batch.
   */
  private schedule(): void {
    if (this.scheduled || this.running) return;
    this.scheduled = true;
    queueMicrotask(() => {
      this.scheduled = false;
      if (!this.running) this.start();
    });
  }

  private start(): void {
    this.running = this.drain().finally(() => {
      this.running = null;
      // Recorded after the last batch was taken but before `running` was cleared: schedule() saw
      // a batch running and left it to this one.
      if (!isEmpty(this.pending)) this.schedule();
    });
  }

  private async drain(): Promise<void> {
    while (!isEmpty(this.pending)) {
      const batch = this.pending;
      this.pending = emptyBatch();
      try {
        const firstSeq = await this.commit(batch);
        batch.updates.forEach((pending, i) => {
          this.bytesWritten += pending.update.byteLength;
          this.updatesWritten++;
          pending.resolve(firstSeq + i);
        });
      } catch (error) {
        for (const pending of batch.updates) pending.reject(error);
        this.failed(error);
      }
    }
  }

  /** One transaction for the batch; resolves with the sequence number of its first update. */
  private commit(batch: Batch): Promise<number> {
    const { reportId } = this;
    return withTransaction(this.pool, async (client) => {
      let firstSeq = 0;
      if (batch.updates.length > 0) {
        const head = await client.query<{ last_seq: string }>(
          'UPDATE report_heads SET last_seq = last_seq + $2 WHERE report_id = $1 RETURNING last_seq',
          [reportId, batch.updates.length],
        );
        if (head.rowCount === 0) throw new Error(`report ${reportId} is not stored`);
        firstSeq = Number(head.rows[0].last_seq) - batch.updates.length + 1;
      }
      if (batch.bindings.length > 0) {
        await client.query(
          `INSERT INTO report_client_bindings (report_id, client_id, user_id)
           SELECT $1, * FROM unnest($2::bigint[], $3::text[]) ON CONFLICT DO NOTHING`,
          [reportId, batch.bindings.map((b) => b.clientId), batch.bindings.map((b) => b.userId)],
        );
      }
      if (batch.deletions.length > 0) {
        await client.query(
          `INSERT INTO report_deletions (report_id, user_id, at, ranges)
           SELECT $1, u, a, r FROM unnest($2::text[], $3::timestamptz[], $4::jsonb[]) AS t(u, a, r)`,
          [
            reportId,
            batch.deletions.map((d) => d.userId),
            batch.deletions.map((d) => d.at),
            batch.deletions.map((d) => JSON.stringify(d.ranges)),
          ],
        );
      }
      if (batch.updates.length > 0) {
        await client.query(
          `INSERT INTO report_updates (report_id, seq, body, user_id, source_id, instance_id)
           SELECT $1, * FROM unnest($2::bigint[], $3::bytea[], $4::text[], $5::text[], $6::text[])`,
          [
            reportId,
            batch.updates.map((_, i) => firstSeq + i),
            batch.updates.map((u) => bytea(u.update)),
            batch.updates.map((u) => u.author.userId),
            batch.updates.map((u) => u.author.sourceId),
            batch.updates.map((u) => u.author.instanceId),
          ],
        );
      }
      return firstSeq;
    });
  }
}

function isEmpty(batch: Batch): boolean {
  return batch.bindings.length === 0 && batch.deletions.length === 0 && batch.updates.length === 0;
}
