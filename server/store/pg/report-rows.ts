// Reading a report's document and attribution from PostgreSQL: one consistent snapshot of its
// rows (REPEATABLE READ), so the snapshot, the updates after it and the head's last_seq agree even
// while other processes append or compact.
import type { Pool, PoolClient } from 'pg';
import * as Y from 'yjs';
import { DeletedByIndex, type DeleteRecord, deleteRecordProblem } from '../../history/deleted-by';
import { CorruptFileError, describeError } from '../errors';
import type { SequencedUpdate } from '../report-store';
import { withTransaction } from './migrations';

export const CONSISTENT_READ = 'BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY';

/** Where a report lives, as errors name it. */
export const reportPlace = (reportId: string) => `PostgreSQL report ${reportId}`;

export class ReportNotFoundError extends Error {
  constructor(readonly reportId: string) {
    super(`report ${reportId} is not stored`);
    this.name = 'ReportNotFoundError';
  }
}

export interface StoredDocRows {
  /** The snapshot first (as a SequencedUpdate with snapshot: true), then the updates after it. */
  entries: SequencedUpdate[];
  /** The report's last sequence number in this read. */
  lastSeq: number;
}

/** The snapshot and the updates after `after` (all of them for 0), in one read. */
export async function readDocRows(client: PoolClient, reportId: string, after = 0): Promise<StoredDocRows> {
  const head = await client.query<{ last_seq: string }>(
    'SELECT last_seq FROM report_heads WHERE report_id = $1',
    [reportId],
  );
  if (head.rowCount === 0) throw new ReportNotFoundError(reportId);
  const entries: SequencedUpdate[] = [];
  const snapshot = await client.query<{ upto_seq: string; state: Buffer }>(
    'SELECT upto_seq, state FROM report_snapshots WHERE report_id = $1',
    [reportId],
  );
  let from = after;
  const row = snapshot.rows[0];
  if (row && (after === 0 || Number(row.upto_seq) > after)) {
    entries.push({ seq: Number(row.upto_seq), update: row.state, userId: null, snapshot: true });
    from = Math.max(after, Number(row.upto_seq));
  }
  const updates = await client.query<{ seq: string; body: Buffer; user_id: string | null }>(
    'SELECT seq, body, user_id FROM report_updates WHERE report_id = $1 AND seq > $2 ORDER BY seq',
    [reportId, from],
  );
  for (const update of updates.rows) {
    entries.push({ seq: Number(update.seq), update: update.body, userId: update.user_id });
  }
  return { entries, lastSeq: Number(head.rows[0].last_seq) };
}

/** A document rebuilt from stored rows; an update Yjs cannot apply is reported, never dropped. */
export function docFromRows(reportId: string, entries: SequencedUpdate[]): Y.Doc {
  const doc = new Y.Doc();
  for (const entry of entries) {
    try {
      Y.applyUpdate(doc, entry.update);
    } catch (error) {
      doc.destroy();
      throw new CorruptFileError(reportPlace(reportId), `update ${entry.seq}: ${describeError(error)}`);
    }
  }
  return doc;
}

export async function readDoc(pool: Pool, reportId: string): Promise<Y.Doc> {
  const rows = await withTransaction(pool, (client) => readDocRows(client, reportId), CONSISTENT_READ);
  return docFromRows(reportId, rows.entries);
}

export async function readBindings(
  client: Pool | PoolClient,
  reportId: string,
): Promise<Map<number, string>> {
  const result = await client.query<{ client_id: string; user_id: string }>(
    'SELECT client_id, user_id FROM report_client_bindings WHERE report_id = $1',
    [reportId],
  );
  return new Map(result.rows.map((row) => [Number(row.client_id), row.user_id]));
}

export async function readDeletedBy(client: Pool | PoolClient, reportId: string): Promise<DeletedByIndex> {
  const result = await client.query<{ user_id: string; at: Date; ranges: unknown }>(
    'SELECT user_id, at, ranges FROM report_deletions WHERE report_id = $1 ORDER BY id',
    [reportId],
  );
  const records = result.rows.map((row) => ({
    userId: row.user_id,
    at: row.at.toISOString(),
    ranges: row.ranges,
  }));
  records.forEach((record, i) => {
    const problem = deleteRecordProblem(record);
    if (problem) throw new CorruptFileError(reportPlace(reportId), `deletion ${i + 1}: ${problem}`);
  });
  return DeletedByIndex.fromRecords(records as DeleteRecord[]);
}
