// `dongsoan migrate` (server/migrate.ts): copy an embedded data directory into the PostgreSQL of
// cluster mode. Everything the report and metadata stores hold moves: meta.json (departments,
// users, tokens, reports with their sections), and per report its document (state.bin and
// updates.log folded into one snapshot), client bindings, deletion records, activity, versions and
// last period's text. Notification inboxes stay in the data directory (cluster mode does not keep
// them in PostgreSQL).
//
// The data directory is only read: it goes through the file stores' read paths, which never write.
// Every report is read and checked before anything is written, and the whole copy is one
// transaction: a database gets all of it or nothing. A database that already holds dongsoan data
// is refused (MigrationRefused), so running it twice changes nothing and says why.
import pg, { type PoolClient } from 'pg';
import * as Y from 'yjs';
import type { ActivityEntry } from '../../shared/types';
import type { DeleteRecord } from '../history/deleted-by';
import type { VersionInfo } from '../history/versions';
import { silentLogger } from '../log';
import type { PreviousText } from '../reports/previous-text';
import { FileReportStore } from '../store/file-report-store';
import { LowMetaStore } from '../store/low-meta-store';
import { emptyMeta, type MetaData } from '../store/meta-store';
import { bytea, migrate, withTransaction } from '../store/pg/migrations';
import { writeChanges } from '../store/pg/pg-meta-store';

/** Why a migration was not done; nothing was written. */
export class MigrationRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MigrationRefused';
  }
}

export interface MigrationSummary {
  departments: number;
  users: number;
  reports: number;
  bindings: number;
  deletions: number;
  activity: number;
  versions: number;
}

/** One report as read from the data directory. */
interface ReportCopy {
  id: string;
  state: Uint8Array;
  previous: PreviousText | null;
  bindings: Map<number, string>;
  deletions: DeleteRecord[];
  activity: ActivityEntry[];
  versions: { info: VersionInfo; state: Uint8Array }[];
}

export async function migrateDataDir(dataDir: string, databaseUrl: string): Promise<MigrationSummary> {
  const meta = await LowMetaStore.open(dataDir);
  if (!meta.existed)
    throw new MigrationRefused(`${dataDir} holds no meta.json: not a dongsoan data directory`);
  const data = structuredClone(meta.data) as MetaData;
  const reports = await readReports(dataDir, data);

  const pool = new pg.Pool({ connectionString: databaseUrl, max: 2 });
  try {
    await migrate(pool);
    await withTransaction(pool, async (client) => {
      await refuseUnlessEmpty(client, data);
      await writeChanges(client, emptyMeta(), data);
      await client.query('UPDATE meta_revision SET revision = revision + 1 WHERE id = 1');
      for (const report of reports) await writeReport(client, report);
    });
  } finally {
    await pool.end();
  }
  return {
    departments: data.departments.length,
    users: data.users.length,
    reports: reports.length,
    bindings: sum(reports, (r) => r.bindings.size),
    deletions: sum(reports, (r) => r.deletions.length),
    activity: sum(reports, (r) => r.activity.length),
    versions: sum(reports, (r) => r.versions.length),
  };
}

/** Every report of meta.json, read through the file store (CorruptFileError on damage). */
async function readReports(dataDir: string, data: MetaData): Promise<ReportCopy[]> {
  const store = new FileReportStore(dataDir, { logger: silentLogger });
  const stored = new Set(await store.list());
  const copies: ReportCopy[] = [];
  for (const { id } of data.reports) {
    if (!stored.has(id)) throw new MigrationRefused(`report ${id} is listed in meta.json but has no files`);
    await store.verify(id);
    const doc = await store.readDoc(id);
    const state = Y.encodeStateAsUpdate(doc);
    doc.destroy();
    const versions = store.versions(id);
    const versionCopies: ReportCopy['versions'] = [];
    for (const info of await versions.list()) {
      const versionState = await versions.get(info.id);
      if (versionState) versionCopies.push({ info, state: versionState });
    }
    copies.push({
      id,
      state,
      previous: await store.readPrevious(id),
      bindings: (await store.readAttribution(id)).clientOwners,
      deletions: await store.readDeletionRecords(id),
      activity: await store.activity(id).read(),
      versions: versionCopies,
    });
  }
  return copies;
}

/** Refuse a database that holds metadata or any report already (a second run included). */
async function refuseUnlessEmpty(client: PoolClient, data: MetaData): Promise<void> {
  // The row lock also keeps a cluster process from seeding the database meanwhile.
  const revision = await client.query<{ revision: string }>(
    'SELECT revision FROM meta_revision WHERE id = 1 FOR UPDATE',
  );
  const ids = data.reports.map((report) => report.id);
  const clash = await client.query<{ report_id: string }>(
    'SELECT report_id FROM report_heads WHERE report_id = ANY($1) ORDER BY report_id',
    [ids],
  );
  if (clash.rowCount) {
    const names = clash.rows.map((row) => row.report_id).join(', ');
    throw new MigrationRefused(`the database already holds report(s) ${names}: nothing was migrated`);
  }
  const reports = await client.query<{ count: string }>('SELECT count(*) AS count FROM report_heads');
  if (Number(revision.rows[0]?.revision ?? 0) > 0 || Number(reports.rows[0]?.count) > 0) {
    throw new MigrationRefused(
      'the database already holds dongsoan data (users or reports): migrate only into an empty database; nothing was migrated',
    );
  }
}

async function writeReport(client: PoolClient, report: ReportCopy): Promise<void> {
  const { id } = report;
  await client.query('INSERT INTO report_heads (report_id, previous) VALUES ($1, $2)', [
    id,
    report.previous ? JSON.stringify(report.previous) : null,
  ]);
  await client.query('INSERT INTO report_snapshots (report_id, upto_seq, state) VALUES ($1, 0, $2)', [
    id,
    bytea(report.state),
  ]);
  if (report.bindings.size > 0) {
    await client.query(
      `INSERT INTO report_client_bindings (report_id, client_id, user_id)
       SELECT $1, * FROM unnest($2::bigint[], $3::text[])`,
      [id, [...report.bindings.keys()], [...report.bindings.values()]],
    );
  }
  if (report.deletions.length > 0) {
    await client.query(
      `INSERT INTO report_deletions (report_id, user_id, at, ranges)
       SELECT $1, u, a, r FROM unnest($2::text[], $3::timestamptz[], $4::jsonb[]) WITH ORDINALITY AS t(u, a, r, n)
       ORDER BY n`,
      [
        id,
        report.deletions.map((d) => d.userId),
        report.deletions.map((d) => d.at),
        report.deletions.map((d) => JSON.stringify(d.ranges)),
      ],
    );
  }
  // One row at a time for activity and versions: their serial ids keep the order.
  for (const entry of report.activity) {
    await client.query('INSERT INTO report_activity (report_id, entry) VALUES ($1, $2)', [
      id,
      JSON.stringify(entry),
    ]);
  }
  for (const version of report.versions) {
    await client.query(
      'INSERT INTO report_versions (report_id, version_id, info, state) VALUES ($1, $2, $3, $4)',
      [id, version.info.id, JSON.stringify(version.info), bytea(version.state)],
    );
  }
}

function sum<T>(items: T[], count: (item: T) => number): number {
  return items.reduce((total, item) => total + count(item), 0);
}
