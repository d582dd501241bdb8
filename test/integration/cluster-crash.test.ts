// Cluster mode under SIGKILL: a writer types on process 1 while readers on both processes receive
// its edits; 100 ms after the first keystroke process 1 is killed. Every edit a reader had received
// (an update is relayed only once its transaction has committed) is in PostgreSQL and on the
// surviving process, and every stored item has an author. Skipped, with the reason, when
// PostgreSQL or Redis cannot be reached.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { connectOn, startCluster, type TestCluster } from '../helpers/cluster-processes';
import { probeClusterServices } from '../helpers/cluster-services';
import type { TestClient } from '../helpers/collab';
import { login } from '../helpers/http';
import { killWhenReceived } from '../helpers/process';
import { demoReport, type ReportDetailBody, sectionOwnedBy } from '../helpers/reports';
import { waitForDoc } from '../helpers/wait';
import { clientsWhoWrote, FRAGMENT, typeInSection } from '../helpers/ydoc';

const services = await probeClusterServices();

const KILL_AFTER_MS = 100;
const KEYSTROKE_EVERY_MS = 4;
const KEYSTROKE = /<k\d+>/g;

function keystrokes(doc: Y.Doc): string[] {
  return doc.getXmlFragment(FRAGMENT).toString().match(KEYSTROKE) ?? [];
}

/** The report as stored in PostgreSQL: snapshot and updates, and its client bindings. */
async function stored(db: pg.Client, reportId: string): Promise<{ doc: Y.Doc; owners: Map<number, string> }> {
  const doc = new Y.Doc();
  const snapshot = await db.query<{ state: Buffer }>(
    'SELECT state FROM report_snapshots WHERE report_id = $1',
    [reportId],
  );
  for (const row of snapshot.rows) Y.applyUpdate(doc, row.state);
  const updates = await db.query<{ body: Buffer }>(
    'SELECT body FROM report_updates WHERE report_id = $1 ORDER BY seq',
    [reportId],
  );
  for (const row of updates.rows) Y.applyUpdate(doc, row.body);
  const bindings = await db.query<{ client_id: string; user_id: string }>(
    'SELECT client_id, user_id FROM report_client_bindings WHERE report_id = $1',
    [reportId],
  );
  return { doc, owners: new Map(bindings.rows.map((row) => [Number(row.client_id), row.user_id])) };
}

describe.skipIf(!services.ok)('cluster mode: SIGKILL of a process 100 ms after edits', () => {
  let cluster: TestCluster;
  let report: ReportDetailBody;
  const clients: TestClient[] = [];

  beforeAll(async () => {
    cluster = await startCluster(2);
    const secretary = await login(cluster.processes[0].url, 'secretary');
    report = await demoReport(cluster.processes[0].url, secretary.token);
  }, 180_000);

  afterAll(async () => {
    for (const client of clients) client.destroy();
    await cluster?.close();
  }, 60_000);

  const connected = (n: number, username: string): Promise<TestClient> =>
    connectOn(cluster.processes[n], report.id, username, clients);

  it('loses no acknowledged edit, and every stored item has its author', async () => {
    const victim = cluster.processes[0];
    const section = sectionOwnedBy(report, 'buuchinh').id;
    const writer = await connected(0, 'buuchinh');
    const readers = [await connected(0, 'secretary'), await connected(1, 'secretary')];

    let typed = 0;
    const typing = setInterval(() => typeInSection(writer.doc, section, `<k${typed++}>`), KEYSTROKE_EVERY_MS);
    typeInSection(writer.doc, section, `<k${typed++}>`);
    // 100 ms after the first keystroke, the process dies inside the local reader's receipt of the
    // next relayed keystroke, with no turn of the event loop in between.
    // (A delay the scenario prescribes, not a wait for something to happen.)
    await new Promise((resolve) => setTimeout(resolve, KILL_AFTER_MS));
    const before = keystrokes(readers[0].doc).length;
    await killWhenReceived(victim, readers[0].doc, () => keystrokes(readers[0].doc).length > before);
    clearInterval(typing);
    expect((await victim.exited).signal).toBe('SIGKILL');
    await readers[0].closed;
    // Whatever a reader received was relayed, hence committed, before the process died.
    const acknowledged = new Set(readers.flatMap((reader) => keystrokes(reader.doc)));
    expect(acknowledged.size).toBeGreaterThan(0);

    // The surviving process serves every acknowledged edit.
    const fresh = await connected(1, 'secretary');
    await waitForDoc(fresh.doc, (doc) => [...acknowledged].every((mark) => keystrokes(doc).includes(mark)), {
      what: 'every acknowledged edit on the surviving process',
      timeoutMs: 20_000,
    });

    const db = new pg.Client({ connectionString: cluster.database.url });
    await db.connect();
    try {
      const { doc, owners } = await stored(db, report.id);
      const kept = new Set(keystrokes(doc));
      expect([...acknowledged].filter((mark) => !kept.has(mark))).toEqual([]);
      // Every item stored has a bound author; the writer's keystrokes are theirs.
      const unowned = [...doc.store.clients.keys()].filter((client) => !owners.has(client));
      expect(unowned).toEqual([]);
      for (const mark of kept) {
        expect(clientsWhoWrote(doc, mark).map((client) => owners.get(client))).toEqual(['u-buuchinh']);
      }
      doc.destroy();
    } finally {
      await db.end();
    }

    // Nothing unacknowledged is lost either: the writer's client, reconnected to the survivor,
    // sends what never committed, and every keystroke it typed arrives.
    const resumed = await connected(1, 'buuchinh');
    Y.applyUpdate(resumed.doc, Y.encodeStateAsUpdate(writer.doc));
    await waitForDoc(readers[1].doc, (doc) => keystrokes(doc).length === typed, {
      what: `all ${typed} keystrokes on the surviving process`,
      timeoutMs: 20_000,
    });
  }, 120_000);
});
