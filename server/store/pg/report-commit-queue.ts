// Group commit of one open report into PostgreSQL. Bindings, deletions and updates recorded while a
// transaction runs wait for the next one, which stores them all at once: one transaction per batch,
// so a burst of keystrokes costs one commit, and the order within a report is the order recorded.
// Each update gets its sequence number from the report's head row (server/store/pg/migrations.ts):
// raising last_seq locks the row until commit, so sequence numbers follow commit order across
// processes. Bindings and deletions commit in the same transaction as the update they belong to
// (never later: the contract of server/store/report-store.ts).
// A binding is also a claim: a client id already bound in PostgreSQL to another user (by another
// process, which this one had not heard of yet) refuses the update that claimed it, and every later
// update of another user written with it, with ClientIdTakenError; nothing of a refused update is
// stored and it gets no sequence number.
import type { Pool, PoolClient } from 'pg';
import * as Y from 'yjs';
import type { DeleteRange } from '../../history/deleted-by';
import { ClientIdTakenError, type UpdateAuthor } from '../report-store';
import { bytea, withTransaction } from './migrations';

interface Binding {
  clientId: number;
  userId: string;
}

interface Deletion {
  userId: string;
  at: string;
  ranges: DeleteRange[];
}

interface PendingUpdate {
  update: Uint8Array;
  author: UpdateAuthor;
  /** Recorded for this update (in the same turn, just before it): stored only if it is. */
  bindings: Binding[];
  deletions: Deletion[];
  resolve: (seq: number) => void;
  reject: (error: unknown) => void;
}

interface Batch {
  /** Recorded without an update after them (stored unconditionally). */
  bindings: Binding[];
  deletions: Deletion[];
  updates: PendingUpdate[];
}

/** What a batch's transaction decided: the first sequence number, and each update's refusal if any. */
interface BatchOutcome {
  firstSeq: number;
  refusals: (ClientIdTakenError | null)[];
}

const emptyBatch = (): Batch => ({ bindings: [], deletions: [], updates: [] });

export class ReportCommitQueue {
  private pending = emptyBatch();
  private running: Promise<void> | null = null;
  private scheduled = false;
  /** Client ids found bound to another user than the one who claimed them (client id → owner). */
  private readonly taken = new Map<number, string>();
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

  /** The bindings and deletions recorded since the last append belong to this update. */
  append(update: Uint8Array, author: UpdateAuthor): Promise<number> {
    return new Promise((resolve, reject) => {
      const { pending } = this;
      pending.updates.push({
        update,
        author,
        bindings: pending.bindings,
        deletions: pending.deletions,
        resolve,
        reject,
      });
      pending.bindings = [];
      pending.deletions = [];
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
        const { firstSeq, refusals } = await this.commit(batch);
        let seq = firstSeq;
        batch.updates.forEach((pending, i) => {
          const refusal = refusals[i];
          if (refusal) {
            pending.reject(refusal);
            return;
          }
          this.bytesWritten += pending.update.byteLength;
          this.updatesWritten++;
          pending.resolve(seq++);
        });
      } catch (error) {
        for (const pending of batch.updates) pending.reject(error);
        this.failed(error);
      }
    }
  }

  /**
   * One transaction for the batch. A batch claiming no client id (nearly all of them: a client
   * claims its id with its first update) is stored by one statement, committed as it ends: one
   * round trip to PostgreSQL, and the head row is locked only while the server runs it and
   * flushes the commit, never across round trips — with several processes writing one report
   * their batches queue on that lock. A batch with claims is judged against the stored bindings
   * under the lock first, in a transaction of several statements (so is every batch once a client
   * id was found taken).
   */
  private commit(batch: Batch): Promise<BatchOutcome> {
    // After a clash (rare) every update is also checked for client ids found taken.
    if (this.taken.size > 0 || batch.updates.some((u) => u.bindings.length > 0))
      return this.commitWithClaims(batch);
    return this.commitInOneStatement(batch);
  }

  private async commitInOneStatement(batch: Batch): Promise<BatchOutcome> {
    const { updates, bindings } = batch;
    const deletions = [...batch.deletions, ...updates.flatMap((u) => u.deletions)];
    // Every CTE runs even when unreferenced; the updates take their sequence numbers from the
    // raised head (WITH ORDINALITY counts from 1). With no update the head is left as it is.
    const result = await this.pool.query<{ last_seq: string }>({
      name: 'dongsoan-append-batch',
      text: `WITH head AS (
               UPDATE report_heads SET last_seq = last_seq + $2
               WHERE report_id = $1 AND $2 > 0 RETURNING last_seq
             ), bound AS (
               INSERT INTO report_client_bindings (report_id, client_id, user_id)
               SELECT $1, * FROM unnest($3::bigint[], $4::text[]) ON CONFLICT DO NOTHING
             ), deleted AS (
               INSERT INTO report_deletions (report_id, user_id, at, ranges)
               SELECT $1, u, a, r FROM unnest($5::text[], $6::timestamptz[], $7::jsonb[]) AS t(u, a, r)
             ), stored AS (
               INSERT INTO report_updates (report_id, seq, body, user_id, source_id, instance_id)
               SELECT $1, head.last_seq - $2 + u.n, u.body, u.user_id, u.source_id, u.instance_id
               FROM head, unnest($8::bytea[], $9::text[], $10::text[], $11::text[])
                 WITH ORDINALITY AS u(body, user_id, source_id, instance_id, n)
             )
             SELECT last_seq FROM head`,
      values: [
        this.reportId,
        updates.length,
        bindings.map((b) => b.clientId),
        bindings.map((b) => b.userId),
        ...deletionColumns(deletions),
        updates.map((u) => bytea(u.update)),
        updates.map((u) => u.author.userId),
        updates.map((u) => u.author.sourceId),
        updates.map((u) => u.author.instanceId),
      ],
    });
    // No head row: nothing of the updates was stored (the statement inserted from no row).
    if (updates.length > 0 && result.rowCount === 0) throw new Error(`report ${this.reportId} is not stored`);
    const firstSeq = updates.length > 0 ? Number(result.rows[0].last_seq) - updates.length + 1 : 0;
    return { firstSeq, refusals: updates.map(() => null) };
  }

  private commitWithClaims(batch: Batch): Promise<BatchOutcome> {
    const { reportId } = this;
    return withTransaction(this.pool, async (client) => {
      const refusals = await this.judgeClaims(client, batch);
      const accepted = batch.updates.filter((_, i) => !refusals[i]);
      const bindings = [...batch.bindings, ...accepted.flatMap((u) => u.bindings)];
      const deletions = [...batch.deletions, ...accepted.flatMap((u) => u.deletions)];
      let firstSeq = 0;
      if (accepted.length > 0) {
        const raised = await client.query<{ last_seq: string }>(
          'UPDATE report_heads SET last_seq = last_seq + $2 WHERE report_id = $1 RETURNING last_seq',
          [reportId, accepted.length],
        );
        if (raised.rowCount === 0) throw new Error(`report ${reportId} is not stored`);
        firstSeq = Number(raised.rows[0].last_seq) - accepted.length + 1;
      }
      if (bindings.length > 0) {
        // The primary key (report_id, client_id) keeps one owner per client id; judgeClaims has
        // already refused every update that claimed a bound one for another user.
        await client.query(
          `INSERT INTO report_client_bindings (report_id, client_id, user_id)
           SELECT $1, * FROM unnest($2::bigint[], $3::text[]) ON CONFLICT DO NOTHING`,
          [reportId, bindings.map((b) => b.clientId), bindings.map((b) => b.userId)],
        );
      }
      if (deletions.length > 0) {
        await client.query(
          `INSERT INTO report_deletions (report_id, user_id, at, ranges)
           SELECT $1, u, a, r FROM unnest($2::text[], $3::timestamptz[], $4::jsonb[]) AS t(u, a, r)`,
          [reportId, ...deletionColumns(deletions)],
        );
      }
      if (accepted.length > 0) {
        await client.query(
          `INSERT INTO report_updates (report_id, seq, body, user_id, source_id, instance_id)
           SELECT $1, * FROM unnest($2::bigint[], $3::bytea[], $4::text[], $5::text[], $6::text[])`,
          [
            reportId,
            accepted.map((_, i) => firstSeq + i),
            accepted.map((u) => bytea(u.update)),
            accepted.map((u) => u.author.userId),
            accepted.map((u) => u.author.sourceId),
            accepted.map((u) => u.author.instanceId),
          ],
        );
      }
      return { firstSeq, refusals };
    });
  }

  /**
   * Per update of the batch, in order: refused when one of its claimed client ids is bound to
   * another user in PostgreSQL (or by an earlier update of the batch), or when it is written with a
   * client id already found taken from its author.
   */
  private async judgeClaims(client: PoolClient, batch: Batch): Promise<(ClientIdTakenError | null)[]> {
    const claimed = batch.updates.flatMap((u) => u.bindings.map((b) => b.clientId));
    const owners = new Map<number, string>();
    if (claimed.length > 0) {
      // The head row first: batches of the report then commit one at a time across processes, so
      // the bindings read here cannot change before this transaction commits.
      await client.query('SELECT 1 FROM report_heads WHERE report_id = $1 FOR UPDATE', [this.reportId]);
      const stored = await client.query<{ client_id: string; user_id: string }>(
        'SELECT client_id, user_id FROM report_client_bindings WHERE report_id = $1 AND client_id = ANY($2::bigint[])',
        [this.reportId, claimed],
      );
      for (const row of stored.rows) owners.set(Number(row.client_id), row.user_id);
    }
    for (const binding of batch.bindings)
      if (!owners.has(binding.clientId)) owners.set(binding.clientId, binding.userId);
    return batch.updates.map((pending) => {
      const userId = pending.author.userId;
      for (const binding of pending.bindings) {
        const owner = owners.get(binding.clientId);
        if (owner !== undefined && owner !== binding.userId) {
          this.taken.set(binding.clientId, owner);
          return new ClientIdTakenError(binding.clientId, owner);
        }
      }
      if (this.taken.size > 0 && userId !== null) {
        // Rare (only after a clash): decode to find later updates still written with a taken id.
        for (const struct of Y.decodeUpdate(pending.update).structs) {
          const owner = this.taken.get(struct.id.client);
          if (owner !== undefined && owner !== userId) return new ClientIdTakenError(struct.id.client, owner);
        }
      }
      for (const binding of pending.bindings) owners.set(binding.clientId, binding.userId);
      return null;
    });
  }
}

/** Deletions as the columns unnest() reads: users, times, ranges. */
function deletionColumns(deletions: Deletion[]): [string[], string[], string[]] {
  return [
    deletions.map((d) => d.userId),
    deletions.map((d) => d.at),
    deletions.map((d) => JSON.stringify(d.ranges)),
  ];
}

function isEmpty(batch: Batch): boolean {
  return batch.bindings.length === 0 && batch.deletions.length === 0 && batch.updates.length === 0;
}
