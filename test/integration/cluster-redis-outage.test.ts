// Cluster mode while Redis is down: the processes keep serving, and what one stores reaches the
// clients of another from PostgreSQL; once Redis is back, fan-out goes through it again. Uses a
// redis-server of its own. Skipped, with the reason, when PostgreSQL or Redis cannot be reached.
import { afterAll, beforeAll, describe, it } from 'vitest';
import { startCluster, type TestCluster } from '../helpers/cluster-processes';
import { probeClusterServices } from '../helpers/cluster-services';
import { connectClient, type TestClient } from '../helpers/collab';
import { login } from '../helpers/http';
import { type OwnRedis, startOwnRedis } from '../helpers/redis-server';
import { demoReport, type ReportDetailBody, sectionOwnedBy } from '../helpers/reports';
import { waitForDoc } from '../helpers/wait';
import { docContains, typeInSection } from '../helpers/ydoc';

const services = await probeClusterServices();

describe.skipIf(!services.ok)('cluster mode: Redis down and back', () => {
  let redis: OwnRedis;
  let cluster: TestCluster;
  let report: ReportDetailBody;
  const clients: TestClient[] = [];

  beforeAll(async () => {
    redis = await startOwnRedis();
    cluster = await startCluster(2, { REDIS_URL: redis.url });
    const secretary = await login(cluster.processes[0].url, 'secretary');
    report = await demoReport(cluster.processes[0].url, secretary.token);
  }, 180_000);

  afterAll(async () => {
    for (const client of clients) client.destroy();
    await cluster?.close();
    await redis?.stop();
  }, 60_000);

  it('relays through PostgreSQL while Redis is down, and keeps relaying once it is back', async () => {
    const reader = connectClient(
      cluster.processes[0].wsUrl,
      report.id,
      (await login(cluster.processes[0].url, 'secretary')).token,
    );
    const writer = connectClient(
      cluster.processes[1].wsUrl,
      report.id,
      (await login(cluster.processes[1].url, 'buuchinh')).token,
    );
    clients.push(reader, writer);
    await Promise.all([reader.synced, writer.synced]);
    const section = sectionOwnedBy(report, 'buuchinh').id;
    const typeAndSee = async (mark: string, what: string) => {
      typeInSection(writer.doc, section, mark);
      await waitForDoc(reader.doc, (doc) => docContains(doc, mark), { what, timeoutMs: 20_000 });
    };

    await typeAndSee(`UP-${Date.now()}`, 'an edit relayed through Redis');
    await redis.stop();
    await typeAndSee(`DOWN-1-${Date.now()}`, 'an edit made while Redis is down');
    await typeAndSee(`DOWN-2-${Date.now()}`, 'a second edit made while Redis is down');
    await redis.start();
    await typeAndSee(`BACK-${Date.now()}`, 'an edit made after Redis came back');
  }, 120_000);
});
