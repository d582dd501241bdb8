// Cluster mode while Redis is down: the processes keep serving, and what one stores reaches the
// clients of another from PostgreSQL; once Redis is back, fan-out goes through it again; a Redis
// restart while three people type loses nothing and every client holds every keystroke within 3 s
// of Redis's return (measured). Uses a redis-server of its own. Skipped, with the reason, when PostgreSQL or Redis cannot be reached.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { startCluster, type TestCluster } from '../helpers/cluster-processes';
import { probeClusterServices } from '../helpers/cluster-services';
import { connectClient, type TestClient } from '../helpers/collab';
import { login } from '../helpers/http';
import { type OwnRedis, startOwnRedis } from '../helpers/redis-server';
import { demoReport, type ReportDetailBody, sectionOwnedBy } from '../helpers/reports';
import { waitFor, waitForDoc } from '../helpers/wait';
import { docContains, FRAGMENT, typeInSection } from '../helpers/ydoc';

const services = await probeClusterServices();

/** After Redis is back, every client must hold every edit within this (measured, not slept). */
const CONVERGE_WITHIN_MS = 3000;
const KEYSTROKE_EVERY_MS = 10;
/** Keystrokes each writer types while Redis is down, before it is started again. */
const TYPED_WHILE_DOWN = 20;
const KEYSTROKE = /<[a-z]+\d+>/g;

function keystrokes(doc: Y.Doc): Set<string> {
  return new Set(doc.getXmlFragment(FRAGMENT).toString().match(KEYSTROKE) ?? []);
}

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

  it('loses nothing when Redis restarts while people type; all converge within 3 s of its return', async () => {
    const writers = [
      { username: 'buuchinh', process: 0, tag: 'p' },
      { username: 'cntt', process: 1, tag: 'i' },
      { username: 'baochi', process: 1, tag: 'b' },
    ];
    const typists = await Promise.all(
      writers.map(async (writer) => {
        const { url, wsUrl } = cluster.processes[writer.process];
        const client = connectClient(wsUrl, report.id, (await login(url, writer.username)).token);
        clients.push(client);
        await client.synced;
        return {
          ...writer,
          client,
          section: sectionOwnedBy(report, writer.username).id,
          typed: [] as string[],
        };
      }),
    );
    const typeOne = () => {
      for (const typist of typists) {
        const mark = `<${typist.tag}${typist.typed.length}>`;
        typist.typed.push(mark);
        typeInSection(typist.client.doc, typist.section, mark);
      }
    };
    const typing = setInterval(typeOne, KEYSTROKE_EVERY_MS);
    const typedAtLeast = (count: number, what: string) =>
      waitFor(
        () => typists.every((typist) => typist.typed.length >= count),
        (onEvent) => {
          const timer = setInterval(onEvent, KEYSTROKE_EVERY_MS);
          return () => clearInterval(timer);
        },
        { what, timeoutMs: 20_000 },
      );
    try {
      await typedAtLeast(5, 'typing before the restart');
      await redis.stop();
      const down = typists[0].typed.length;
      await typedAtLeast(down + TYPED_WHILE_DOWN, 'typing while Redis is down');
      await redis.start();
    } finally {
      clearInterval(typing);
    }
    const back = performance.now();
    const everything = typists.flatMap((typist) => typist.typed);
    const holdsAll = (doc: Y.Doc) => {
      const held = keystrokes(doc);
      return everything.every((mark) => held.has(mark));
    };
    const docs = typists.map((typist) => typist.client.doc);
    await waitFor(
      () => docs.every(holdsAll),
      (onEvent) => {
        for (const doc of docs) doc.on('update', onEvent);
        return () => {
          for (const doc of docs) doc.off('update', onEvent);
        };
      },
      { what: `all ${everything.length} keystrokes on every client`, timeoutMs: CONVERGE_WITHIN_MS },
    );
    expect(performance.now() - back).toBeLessThanOrEqual(CONVERGE_WITHIN_MS);
    const vectors = docs.map((doc) => Buffer.from(Y.encodeStateVector(doc)).toString('hex'));
    expect(new Set(vectors).size).toBe(1);

    // Nothing lost in PostgreSQL either.
    const db = new pg.Client({ connectionString: cluster.database.url });
    await db.connect();
    try {
      const updates = await db.query<{ body: Buffer }>(
        'SELECT body FROM report_updates WHERE report_id = $1 ORDER BY seq',
        [report.id],
      );
      const snapshot = await db.query<{ state: Buffer }>(
        'SELECT state FROM report_snapshots WHERE report_id = $1',
        [report.id],
      );
      const doc = new Y.Doc();
      for (const row of [...snapshot.rows.map((r) => r.state), ...updates.rows.map((r) => r.body)]) {
        Y.applyUpdate(doc, row);
      }
      expect(holdsAll(doc)).toBe(true);
      doc.destroy();
    } finally {
      await db.end();
    }
  }, 120_000);
});
