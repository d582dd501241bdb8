// What cluster mode needs before a process takes traffic (server/ops/readiness.ts): PostgreSQL
// answering, every migration this code knows applied (a process started against a database another
// version migrated further still runs, but one behind must not serve), and Redis connected.
import type { Pool } from 'pg';
import type { RoomBus } from '../collab/bus';
import type { ReadinessCheck } from '../ops/readiness';
import { MIGRATIONS } from '../store/pg/migrations';

export function clusterReadinessChecks(pool: Pool, bus: RoomBus): ReadinessCheck[] {
  const latest = Math.max(...MIGRATIONS.map((migration) => migration.version));
  return [
    {
      name: 'postgres',
      async check() {
        await pool.query('SELECT 1');
        return null;
      },
    },
    {
      name: 'migrations',
      async check() {
        const result = await pool.query<{ version: number | null }>(
          'SELECT max(version) AS version FROM dongsoan_migrations',
        );
        const applied = result.rows[0]?.version ?? 0;
        return applied >= latest ? null : `schema at migration ${applied}, this version needs ${latest}`;
      },
    },
    {
      name: 'redis',
      async check() {
        return bus.connected === false ? 'not connected' : null;
      },
    },
  ];
}
