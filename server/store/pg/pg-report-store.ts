// The cluster report store (server/store/report-store.ts) in PostgreSQL: the tables of
// migrations.ts. Several processes use it at once; each open report is a PgReportStorage.
import type { Pool } from 'pg';
import type * as Y from 'yjs';
import type { ActivityEntry } from '../../../shared/types';
import { isValidVersionId, newVersionInfo, type VersionInfo } from '../../history/versions';
import type { Logger } from '../../log';
import type { PreviousText } from '../../reports/previous-text';
import { type CompactionThresholds, DEFAULT_COMPACTION_THRESHOLDS } from '../compaction-policy';
import { assertReportId } from '../ids';
import type {
  NewStoredReport,
  ReportActivity,
  ReportStorage,
  ReportStore,
  ReportVersions,
  StoredAttribution,
} from '../report-store';
import { bytea, withTransaction } from './migrations';
import { PgReportStorage } from './pg-report-storage';
import { readBindings, readDeletedBy, readDoc } from './report-rows';

export interface PgReportStoreOptions {
  logger: Logger;
  /** Names this process in the updates it stores. */
  instanceId: string;
  compactAfterRecords?: number;
  compactAfterBytes?: number;
}

export class PgReportStore implements ReportStore {
  private readonly thresholds: CompactionThresholds;

  constructor(
    private readonly pool: Pool,
    private readonly options: PgReportStoreOptions,
  ) {
    this.thresholds = {
      afterRecords: options.compactAfterRecords ?? DEFAULT_COMPACTION_THRESHOLDS.afterRecords,
      afterBytes: options.compactAfterBytes ?? DEFAULT_COMPACTION_THRESHOLDS.afterBytes,
    };
  }

  async create(reportId: string, report: NewStoredReport): Promise<void> {
    assertReportId(reportId);
    await withTransaction(this.pool, async (client) => {
      await client.query('INSERT INTO report_heads (report_id, previous) VALUES ($1, $2)', [
        reportId,
        report.previous ? JSON.stringify(report.previous) : null,
      ]);
      await client.query('INSERT INTO report_snapshots (report_id, upto_seq, state) VALUES ($1, 0, $2)', [
        reportId,
        bytea(report.state),
      ]);
      await client.query(
        'INSERT INTO report_client_bindings (report_id, client_id, user_id) VALUES ($1, $2, $3)',
        [reportId, report.creator.clientId, report.creator.userId],
      );
    });
  }

  open(reportId: string): Promise<ReportStorage> {
    assertReportId(reportId);
    return PgReportStorage.open(reportId, {
      pool: this.pool,
      logger: this.options.logger,
      thresholds: this.thresholds,
      activity: this.activity(reportId),
      versions: this.versions(reportId),
      instanceId: this.options.instanceId,
    });
  }

  readDoc(reportId: string): Promise<Y.Doc> {
    return readDoc(this.pool, assertReportId(reportId));
  }

  async readAttribution(reportId: string): Promise<StoredAttribution> {
    return {
      clientOwners: await readBindings(this.pool, reportId),
      deletedBy: await readDeletedBy(this.pool, reportId),
    };
  }

  async readPrevious(reportId: string): Promise<PreviousText | null> {
    const result = await this.pool.query<{ previous: PreviousText | null }>(
      'SELECT previous FROM report_heads WHERE report_id = $1',
      [reportId],
    );
    return result.rows[0]?.previous ?? null;
  }

  activity(reportId: string): ReportActivity {
    const pool = this.pool;
    return {
      async append(entry: ActivityEntry) {
        await pool.query('INSERT INTO report_activity (report_id, entry) VALUES ($1, $2)', [
          reportId,
          JSON.stringify(entry),
        ]);
      },
      async read() {
        const result = await pool.query<{ entry: ActivityEntry }>(
          'SELECT entry FROM report_activity WHERE report_id = $1 ORDER BY id',
          [reportId],
        );
        return result.rows.map((row) => row.entry);
      },
    };
  }

  versions(reportId: string): ReportVersions {
    const pool = this.pool;
    const list = async (): Promise<VersionInfo[]> => {
      const result = await pool.query<{ info: VersionInfo }>(
        'SELECT info FROM report_versions WHERE report_id = $1 ORDER BY id',
        [reportId],
      );
      return result.rows.map((row) => row.info);
    };
    const info = async (versionId: string): Promise<VersionInfo | null> => {
      if (!isValidVersionId(versionId)) return null;
      const result = await pool.query<{ info: VersionInfo }>(
        'SELECT info FROM report_versions WHERE report_id = $1 AND version_id = $2',
        [reportId, versionId],
      );
      return result.rows[0]?.info ?? null;
    };
    return {
      async create(state, options) {
        const version = newVersionInfo(options, state.byteLength);
        await pool.query(
          'INSERT INTO report_versions (report_id, version_id, info, state) VALUES ($1, $2, $3, $4)',
          [reportId, version.id, JSON.stringify(version), bytea(state)],
        );
        return version;
      },
      list,
      info,
      async get(versionId) {
        if (!isValidVersionId(versionId)) return null;
        const result = await pool.query<{ state: Buffer }>(
          'SELECT state FROM report_versions WHERE report_id = $1 AND version_id = $2',
          [reportId, versionId],
        );
        return result.rows[0]?.state ?? null;
      },
      async latest() {
        const result = await pool.query<{ info: VersionInfo }>(
          'SELECT info FROM report_versions WHERE report_id = $1 ORDER BY id DESC LIMIT 1',
          [reportId],
        );
        return result.rows[0]?.info ?? null;
      },
    };
  }

  async verify(reportId: string): Promise<void> {
    const doc = await this.readDoc(reportId);
    doc.destroy();
    await readDeletedBy(this.pool, reportId);
  }

  async delete(reportId: string): Promise<void> {
    // The report's rows go with its head (ON DELETE CASCADE).
    await this.pool.query('DELETE FROM report_heads WHERE report_id = $1', [reportId]);
  }

  async list(): Promise<string[]> {
    const result = await this.pool.query<{ report_id: string }>(
      'SELECT report_id FROM report_heads ORDER BY report_id',
    );
    return result.rows.map((row) => row.report_id);
  }

  async close(): Promise<void> {
    // The pool belongs to whoever made it (server/store/pg/cluster.ts).
  }
}
