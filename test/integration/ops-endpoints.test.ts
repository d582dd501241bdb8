// What an operator reads: GET /metrics (Prometheus text, to this machine only unless METRICS_TOKEN),
// GET /api/health (liveness) and /api/health/ready (readiness: 503 while draining, and in cluster
// mode while Redis is down). Cluster cases use a Redis of their own (stopped and started again)
// and are skipped, with the reason, when PostgreSQL or Redis cannot be reached.
import { afterAll, describe, expect, it } from 'vitest';
import { CloseCode } from '../../shared/protocol';
import { createTestDatabase, probeClusterServices, type TestDatabase } from '../helpers/cluster-services';
import { connectClient, type TestClient } from '../helpers/collab';
import { apiRequest, login } from '../helpers/http';
import { type OwnRedis, startOwnRedis } from '../helpers/redis-server';
import { demoReport, sectionOwnedBy } from '../helpers/reports';
import { startTestServer, type TestServer } from '../helpers/server';
import { waitFor, waitForDoc } from '../helpers/wait';
import { docContains, typeInSection } from '../helpers/ydoc';

const services = await probeClusterServices();

/** The value of one sample of the text format (0 when absent). */
function sample(text: string, name: string): number {
  const escaped = name.replace(/[{}"=]/g, (c) => `\\${c}`);
  const match = new RegExp(`^${escaped} (\\S+)$`, 'm').exec(text);
  return match ? Number(match[1]) : 0;
}

async function metrics(server: TestServer, headers: Record<string, string> = {}) {
  const response = await fetch(`${server.url}/metrics`, { headers });
  return { status: response.status, text: await response.text(), type: response.headers.get('content-type') };
}

describe('operations endpoints (embedded mode)', () => {
  const servers: TestServer[] = [];
  const clients: TestClient[] = [];

  afterAll(async () => {
    for (const client of clients) client.destroy();
    await Promise.all(servers.map((server) => server.close()));
  });

  it('counts rooms, sockets, accepted updates, refusals and file commits', async () => {
    const server = await startTestServer();
    servers.push(server);
    const secretary = await login(server.url, 'secretary');
    const postal = await login(server.url, 'buuchinh');
    const report = await demoReport(server.url, secretary.token);
    const writer = connectClient(server.wsUrl, report.id, postal.token, { shouldReconnect: false });
    const reader = connectClient(server.wsUrl, report.id, secretary.token, { shouldReconnect: false });
    const stranger = connectClient(server.wsUrl, report.id, 'not-a-token', { shouldReconnect: false });
    clients.push(writer, reader, stranger);
    await Promise.all([writer.synced, reader.synced]);
    expect((await stranger.closed).code).toBe(CloseCode.Unauthenticated);
    typeInSection(writer.doc, sectionOwnedBy(report, 'buuchinh').id, '<counted>');
    await waitForDoc(reader.doc, (doc) => docContains(doc, '<counted>'));
    // The file commit is observed once fdatasync returns, a moment after the relay.
    let scraped = await metrics(server);
    await waitFor(
      () => sample(scraped.text, 'dongsoan_commit_seconds_count{store="file"}') >= 1,
      (onEvent) => {
        const timer = setInterval(async () => {
          scraped = await metrics(server);
          onEvent();
        }, 50);
        return () => clearInterval(timer);
      },
    );
    expect(scraped.status).toBe(200);
    expect(scraped.type).toContain('text/plain');
    expect(sample(scraped.text, 'dongsoan_open_rooms')).toBe(1);
    expect(sample(scraped.text, 'dongsoan_open_sockets')).toBe(2);
    expect(sample(scraped.text, 'dongsoan_updates_accepted_total')).toBeGreaterThanOrEqual(1);
    expect(sample(scraped.text, `dongsoan_socket_refusals_total{code="${CloseCode.Unauthenticated}"}`)).toBe(
      1,
    );
  });

  it('answers /metrics to this machine only, unless a token is set', async () => {
    const open = await startTestServer();
    const guarded = await startTestServer({ metricsToken: 's3cret-token' });
    servers.push(open, guarded);
    expect((await metrics(open, { 'X-Forwarded-For': '203.0.113.9' })).status).toBe(403);
    expect((await metrics(guarded)).status).toBe(401);
    expect((await metrics(guarded, { Authorization: 'Bearer wrong-token!' })).status).toBe(401);
    expect((await metrics(guarded, { Authorization: 'Bearer s3cret-token' })).status).toBe(200);
  });

  it('is live and ready, then not ready and refusing new work while it drains', async () => {
    const server = await startTestServer();
    servers.push(server);
    const health = await apiRequest<{ ok: boolean; uptimeSeconds: number; mode: string }>(
      server.url,
      'GET',
      '/api/health',
    );
    expect(health.status).toBe(200);
    expect(health.body).toMatchObject({ ok: true, mode: 'embedded', draining: false });
    expect(typeof health.body.uptimeSeconds).toBe('number');
    expect((await apiRequest(server.url, 'GET', '/api/health/ready')).status).toBe(200);

    const closing = server.server.close();
    const { app } = server.server;
    const ready = await app.request('/api/health/ready');
    expect(ready.status).toBe(503);
    expect(await ready.json()).toMatchObject({ ready: false, draining: true });
    expect((await app.request('/api/health')).status).toBe(200);
    const refused = await app.request('/api/reports');
    expect(refused.status).toBe(503);
    expect(await refused.json()).toEqual({ error: 'server is shutting down' });
    await closing;
  });
});

describe.skipIf(!services.ok)('operations endpoints (cluster mode)', () => {
  let database: TestDatabase;
  let redis: OwnRedis;
  const servers: TestServer[] = [];
  const clients: TestClient[] = [];

  afterAll(async () => {
    for (const client of clients) client.destroy();
    await Promise.all(servers.map((server) => server.close()));
    await redis?.stop();
    await database?.drop();
  }, 60_000);

  it('measures PostgreSQL commits and the Redis lag; readiness follows Redis', async () => {
    database = await createTestDatabase();
    redis = await startOwnRedis();
    const cluster = { databaseUrl: database.url, redisUrl: redis.url };
    const [a, b] = [await startTestServer({ cluster }), await startTestServer({ cluster, seed: 'none' })];
    servers.push(a, b);
    const secretary = await login(a.url, 'secretary');
    const postal = await login(a.url, 'buuchinh');
    const report = await demoReport(a.url, secretary.token);
    const writer = connectClient(a.wsUrl, report.id, postal.token, { shouldReconnect: false });
    const reader = connectClient(b.wsUrl, report.id, secretary.token, { shouldReconnect: false });
    clients.push(writer, reader);
    await Promise.all([writer.synced, reader.synced]);
    typeInSection(writer.doc, sectionOwnedBy(report, 'buuchinh').id, '<across>');
    await waitForDoc(reader.doc, (doc) => docContains(doc, '<across>'));

    const onA = (await metrics(a)).text;
    expect(sample(onA, 'dongsoan_commit_seconds_count{store="postgres"}')).toBeGreaterThanOrEqual(1);
    expect(sample(onA, 'dongsoan_updates_accepted_total')).toBeGreaterThanOrEqual(1);
    expect(sample((await metrics(b)).text, 'dongsoan_redis_bus_lag_seconds_count')).toBeGreaterThanOrEqual(1);

    const ready = await apiRequest(b.url, 'GET', '/api/health/ready');
    expect(ready.status).toBe(200);
    expect(ready.body).toEqual({
      ready: true,
      draining: false,
      checks: { postgres: 'ok', migrations: 'ok', redis: 'ok' },
    });

    await redis.stop();
    // The clients notice the lost connection a moment after the process is gone: poll readiness.
    let down = await apiRequest<{ checks: Record<string, string> }>(b.url, 'GET', '/api/health/ready');
    await waitFor(
      () => down.status === 503,
      (onEvent) => {
        const timer = setInterval(async () => {
          down = await apiRequest(b.url, 'GET', '/api/health/ready');
          onEvent();
        }, 50);
        return () => clearInterval(timer);
      },
      { timeoutMs: 10_000, what: 'readiness to turn 503' },
    );
    expect(down.body.checks.redis).not.toBe('ok');
    expect(down.body.checks.postgres).toBe('ok');
  }, 120_000);
});
