// `npm run migrate -- --data-dir <dir>`: copy an embedded data directory into the PostgreSQL of
// DATABASE_URL (server/cluster/migrate-data-dir.ts), then start the cluster processes on it.
//   --data-dir <dir>   the data directory (default: DATA_DIR, else ./data); only read
//   DATABASE_URL       the target database; it must hold no dongsoan data yet
// Exit codes: 0 migrated, 1 refused or failed (nothing written), 2 bad arguments.
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { MigrationRefused, migrateDataDir } from './cluster/migrate-data-dir';
import { CorruptFileError } from './store/errors';

function settings(): { dataDir: string; databaseUrl: string } {
  let values: { 'data-dir'?: string };
  try {
    ({ values } = parseArgs({ options: { 'data-dir': { type: 'string' } }, strict: true }));
  } catch (error) {
    console.error(
      `${(error as Error).message}\nusage: npm run migrate -- --data-dir <dir>   (DATABASE_URL set)`,
    );
    process.exit(2);
  }
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) {
    console.error('DATABASE_URL (the PostgreSQL to migrate into) is not set');
    process.exit(2);
  }
  return { dataDir: resolve(values['data-dir'] || process.env.DATA_DIR || './data'), databaseUrl };
}

async function main(): Promise<void> {
  const { dataDir, databaseUrl } = settings();
  try {
    const summary = await migrateDataDir(dataDir, databaseUrl);
    console.log(
      `migrated ${dataDir}: ${summary.departments} departments, ${summary.users} users, ` +
        `${summary.reports} reports (${summary.bindings} client bindings, ${summary.deletions} deletion records, ` +
        `${summary.activity} activity entries, ${summary.versions} versions)`,
    );
  } catch (error) {
    if (error instanceof MigrationRefused || error instanceof CorruptFileError) {
      console.error(`migrate refused: ${error.message}`);
      process.exit(1);
    }
    throw error;
  }
}

main().catch((error) => {
  console.error('migrate failed; nothing was written:', error);
  process.exit(1);
});
