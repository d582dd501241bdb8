// PostgreSQL and Redis for the cluster-mode tests. Each test file gets a database of its own,
// dongsoan_test_<random>, made from the administration database (TEST_DATABASE_URL, default
// postgres://postgres@127.0.0.1:5432/postgres) and dropped afterwards: only what the test created
// is ever dropped. Redis is TEST_REDIS_URL (default redis://127.0.0.1:6379); the tests' keys and
// channels are per report, and report ids are random. When a service cannot be reached the tests
// are skipped with the reason (`probeClusterServices`), unless REQUIRE_CLUSTER_SERVICES=1 (CI, where
// both run: .ci/run) makes that a failure.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { createClient } from 'redis';

export const ADMIN_DATABASE_URL =
  process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
export const TEST_REDIS_URL = process.env.TEST_REDIS_URL || 'redis://127.0.0.1:6379';

export type ServicesProbe = { ok: true } | { ok: false; reason: string };

/**
 * Whether PostgreSQL (with the right to create databases) and Redis answer; logs why not. Throws
 * instead when REQUIRE_CLUSTER_SERVICES=1: there the tests must run, never be skipped.
 */
export async function probeClusterServices(): Promise<ServicesProbe> {
  const probe = await probeServices();
  if (!probe.ok && process.env.REQUIRE_CLUSTER_SERVICES === '1')
    throw new Error(`cluster-mode tests required (REQUIRE_CLUSTER_SERVICES=1): ${probe.reason}`);
  if (!probe.ok) console.warn(`cluster-mode tests skipped: ${probe.reason}`);
  return probe;
}

async function probeServices(): Promise<ServicesProbe> {
  const client = new pg.Client({ connectionString: ADMIN_DATABASE_URL, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    const role = await client.query<{ allowed: boolean }>(
      'SELECT rolcreatedb OR rolsuper AS allowed FROM pg_roles WHERE rolname = current_user',
    );
    if (!role.rows[0]?.allowed)
      return { ok: false, reason: `${ADMIN_DATABASE_URL}: this role may not create databases` };
  } catch (error) {
    return {
      ok: false,
      reason: `PostgreSQL not reachable at ${ADMIN_DATABASE_URL} (${(error as Error).message})`,
    };
  } finally {
    await client.end().catch(() => {});
  }
  const redis = createClient({
    url: TEST_REDIS_URL,
    socket: { connectTimeout: 3000, reconnectStrategy: false },
  });
  redis.on('error', () => {});
  try {
    await redis.connect();
    await redis.ping();
  } catch (error) {
    return { ok: false, reason: `Redis not reachable at ${TEST_REDIS_URL} (${(error as Error).message})` };
  } finally {
    await redis.quit().catch(() => {});
  }
  return { ok: true };
}

export interface TestDatabase {
  name: string;
  url: string;
  /** Drop the database this helper created (closing its other connections first). */
  drop(): Promise<void>;
}

export async function createTestDatabase(): Promise<TestDatabase> {
  const name = `dongsoan_test_${randomBytes(6).toString('hex')}`;
  await adminQuery(`CREATE DATABASE ${name}`);
  const url = new URL(ADMIN_DATABASE_URL);
  url.pathname = `/${name}`;
  return {
    name,
    url: url.toString(),
    drop: () => adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}

async function adminQuery(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: ADMIN_DATABASE_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
