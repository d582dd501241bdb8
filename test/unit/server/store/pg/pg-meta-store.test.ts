// The PostgreSQL metadata store: several processes (two stores on separate pools here) judge with
// the same metadata — a change written by one reaches the other's in-memory copy through
// LISTEN/NOTIFY — and concurrent writes never overwrite each other.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../../../../../server/log';
import { migrate } from '../../../../../server/store/pg/migrations';
import { PgMetaStore } from '../../../../../server/store/pg/pg-meta-store';
import {
  createTestDatabase,
  probeClusterServices,
  type TestDatabase,
} from '../../../../helpers/cluster-services';
import { waitFor } from '../../../../helpers/wait';

const services = await probeClusterServices();

describe.skipIf(!services.ok)('PgMetaStore', () => {
  let database: TestDatabase;
  const pools: pg.Pool[] = [];
  const stores: PgMetaStore[] = [];

  /** Resolve once `check` holds, re-checked on a short timer (notices arrive on a socket we do not see). */
  const eventually = (check: () => boolean, what: string) =>
    waitFor(
      check,
      (onEvent) => {
        const timer = setInterval(onEvent, 5);
        return () => clearInterval(timer);
      },
      { what },
    );

  beforeAll(async () => {
    database = await createTestDatabase();
    for (let i = 0; i < 2; i++) {
      const pool = new pg.Pool({ connectionString: database.url, max: 4 });
      pools.push(pool);
      await migrate(pool);
      stores.push(await PgMetaStore.open(pool, database.url, silentLogger));
    }
  });

  afterAll(async () => {
    await Promise.all(stores.map((store) => store.close()));
    await Promise.all(pools.map((pool) => pool.end()));
    await database?.drop();
  });

  it('starts empty, then shows one process’s writes to the other', async () => {
    const [a, b] = stores;
    expect(a.existed).toBe(false);
    expect(a.data.users).toEqual([]);
    await a.update((data) => {
      data.departments.push({ id: 'd1', name: 'Phòng 1', shortName: 'P1', color: '#000' });
      data.reports.push({ id: 'r1', title: 'Báo cáo', sections: { s1: { status: 'draft' } } } as never);
    });
    expect(a.data.departments.map((d) => d.id)).toEqual(['d1']);
    expect(a.existed).toBe(true);
    await eventually(() => b.data.departments.length === 1, 'the department on the other process');
    await b.update((data) => {
      (data.reports[0].sections as Record<string, { status: string }>).s1.status = 'approved';
    });
    await eventually(
      () => (a.data.reports[0].sections as Record<string, { status: string }>).s1.status === 'approved',
      'the approval on the first process',
    );
  });

  it('serialises concurrent writes of two processes: none is lost, the order of lists is kept', async () => {
    const [a, b] = stores;
    const writes = [];
    for (let i = 0; i < 10; i++) {
      const store = i % 2 === 0 ? a : b;
      writes.push(
        store.update((data) => {
          data.tokens.push({ hash: `h${i}`, userId: 'u', expiresAt: '2030-01-01T00:00:00Z' });
        }),
      );
    }
    await Promise.all(writes);
    await eventually(() => a.data.tokens.length === 10 && b.data.tokens.length === 10, 'every token on both');
    expect(new Set(a.data.tokens.map((t) => t.hash)).size).toBe(10);
    expect(a.data.tokens.map((t) => t.hash)).toEqual(b.data.tokens.map((t) => t.hash));
    await a.update((data) => {
      data.tokens = data.tokens.filter((t) => t.hash !== 'h3');
    });
    await eventually(() => b.data.tokens.length === 9, 'the removal on the other process');
    expect(b.data.tokens.some((t) => t.hash === 'h3')).toBe(false);
  });

  it('reloads after losing its listening connection', async () => {
    const [a, b] = stores;
    // Cut b's listener from the server side, as a network failure or a PostgreSQL restart would.
    await pools[0].query(
      "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND query LIKE 'LISTEN%'",
    );
    await a.update((data) => {
      data.departments.push({ id: 'd2', name: 'Phòng 2', shortName: 'P2', color: '#111' });
    });
    await eventually(
      () => b.data.departments.some((d) => d.id === 'd2'),
      'the change made while b was not listening',
    );
  });
});
