// Compaction of a report in PostgreSQL, by any process, safe to run twice and concurrently. The new
// snapshot is built from the stored rows only (one consistent read), never from a live document, so
// it can hold no update that has not committed. It replaces the stored snapshot only if it covers
// more (the snapshot row is locked for the check), and then the updates it covers are deleted; a
// compaction that lost the race changes nothing.
import type { Pool } from 'pg';
import * as Y from 'yjs';
import { bytea, withTransaction } from './migrations';
import { CONSISTENT_READ, docFromRows, readDocRows } from './report-rows';

/** Whether a new snapshot was stored (false: nothing to fold, or another process got there first). */
export async function compactReport(pool: Pool, reportId: string): Promise<boolean> {
  const rows = await withTransaction(pool, (client) => readDocRows(client, reportId), CONSISTENT_READ);
  const updates = rows.entries.filter((entry) => !entry.snapshot);
  if (updates.length === 0) return false;
  const uptoSeq = updates[updates.length - 1].seq;
  const doc = docFromRows(reportId, rows.entries);
  const state = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return withTransaction(pool, async (client) => {
    const current = await client.query<{ upto_seq: string }>(
      'SELECT upto_seq FROM report_snapshots WHERE report_id = $1 FOR UPDATE',
      [reportId],
    );
    if (current.rowCount === 0 || Number(current.rows[0].upto_seq) >= uptoSeq) return false;
    await client.query(
      'UPDATE report_snapshots SET upto_seq = $2, state = $3, compacted_at = now() WHERE report_id = $1',
      [reportId, uptoSeq, bytea(state)],
    );
    await client.query('DELETE FROM report_updates WHERE report_id = $1 AND seq <= $2', [reportId, uptoSeq]);
    return true;
  });
}
