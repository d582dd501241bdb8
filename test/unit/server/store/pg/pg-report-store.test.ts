// What the PostgreSQL report store adds to the ReportStore contract (report-store-contract.test.ts):
// a shared log with one total order, read back by other processes, and compaction by several
// processes at once. Two PgReportStores on separate pools stand for two processes.
import pg from 'pg';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { silentLogger } from '../../../../../server/log';
import { compactReport } from '../../../../../server/store/pg/compaction';
import { MIGRATIONS, migrate } from '../../../../../server/store/pg/migrations';
import { PgReportStore } from '../../../../../server/store/pg/pg-report-store';
import {
  ClientIdTakenError,
  type ReportStorage,
  type SharedReportLog,
} from '../../../../../server/store/report-store';
import {
  createTestDatabase,
  probeClusterServices,
  type TestDatabase,
} from '../../../../helpers/cluster-services';

const services = await probeClusterServices();

describe.skipIf(!services.ok)('PgReportStore: the shared log', () => {
  let database: TestDatabase;
  const pools: pg.Pool[] = [];
  let one: PgReportStore;
  let two: PgReportStore;
  let reportId: string;
  let counter = 0;

  const author = (userId: string) => ({ userId, sourceId: 'socket-1', instanceId: 'test' });
  const shared = (storage: ReportStorage): SharedReportLog => {
    if (!storage.log.shared) throw new Error('not a shared log');
    return storage.log.shared;
  };
  /** Insert `text` at the end of the storage's doc and store the update; resolves with its seq. */
  function type(storage: ReportStorage, userId: string, text: string): Promise<number> {
    let update: Uint8Array | null = null;
    const capture = (u: Uint8Array) => {
      update = u;
    };
    storage.doc.on('update', capture);
    const t = storage.doc.getText('t');
    t.insert(t.length, text);
    storage.doc.off('update', capture);
    return shared(storage).appendCommitted(update as unknown as Uint8Array, author(userId));
  }

  beforeAll(async () => {
    database = await createTestDatabase();
    for (let i = 0; i < 2; i++) pools.push(new pg.Pool({ connectionString: database.url, max: 4 }));
    // Migrating twice (two processes starting) applies each migration once.
    const applied = await Promise.all(pools.map((pool) => migrate(pool)));
    expect(applied.flat()).toEqual(MIGRATIONS.map((migration) => migration.version));
    one = new PgReportStore(pools[0], { logger: silentLogger, instanceId: 'one', compactAfterRecords: 1000 });
    two = new PgReportStore(pools[1], { logger: silentLogger, instanceId: 'two', compactAfterRecords: 1000 });
  });

  afterAll(async () => {
    await Promise.all(pools.map((pool) => pool.end()));
    await database?.drop();
  });

  beforeEach(async () => {
    reportId = `r-shared-${++counter}`;
    const doc = new Y.Doc();
    doc.clientID = 1;
    doc.getText('t').insert(0, '·');
    await one.create(reportId, {
      state: Y.encodeStateAsUpdate(doc),
      creator: { clientId: 1, userId: 'u-sec' },
    });
    doc.destroy();
  });

  it('numbers the updates of every process in one order, and lets each read what the other stored', async () => {
    const a = await one.open(reportId);
    const b = await two.open(reportId);
    expect(shared(a).openedAt).toBe(0);
    a.doc.clientID = 10;
    b.doc.clientID = 20;
    a.bindings.bind(10, 'u-a');
    b.bindings.bind(20, 'u-b');
    const seqs = await Promise.all([
      type(a, 'u-a', 'A1'),
      type(b, 'u-b', 'B1'),
      type(a, 'u-a', 'A2'),
      type(b, 'u-b', 'B2'),
    ]);
    expect([...seqs].sort((x, y) => x - y)).toEqual([1, 2, 3, 4]);
    // Within one process, the order is the order of appending.
    expect(seqs[0]).toBeLessThan(seqs[2]);
    expect(seqs[1]).toBeLessThan(seqs[3]);

    const fromB = await shared(a).readSince(0);
    expect(fromB[0]).toMatchObject({ seq: 0, snapshot: true });
    expect(fromB.slice(1).map((entry) => [entry.seq, entry.userId])).toEqual(
      [1, 2, 3, 4].map((seq) => [seq, seqs.indexOf(seq) % 2 === 0 ? 'u-a' : 'u-b']),
    );
    for (const entry of fromB) Y.applyUpdate(a.doc, entry.update);
    for (const entry of await shared(b).readSince(0)) Y.applyUpdate(b.doc, entry.update);
    expect(a.doc.getText('t').toString()).toBe(b.doc.getText('t').toString());
    expect(a.doc.getText('t').toString()).toHaveLength(9);

    await Promise.all([a.close(), b.close()]);
    const attribution = await one.readAttribution(reportId);
    expect(Object.fromEntries(attribution.clientOwners)).toEqual({ 1: 'u-sec', 10: 'u-a', 20: 'u-b' });
    a.doc.destroy();
    b.doc.destroy();
  });

  it('stores a binding in the same transaction as the update it belongs to', async () => {
    const a = await one.open(reportId);
    a.doc.clientID = 30;
    a.bindings.bind(30, 'u-a');
    await type(a, 'u-a', 'x');
    // Committed together: the binding is readable once the update's promise resolved.
    expect((await two.readAttribution(reportId)).clientOwners.get(30)).toBe('u-a');
    await a.close();
    a.doc.destroy();
  });

  it('binds a client id claimed by two processes at once to one user, refusing the other update', async () => {
    const a = await one.open(reportId);
    const b = await two.open(reportId);
    a.doc.clientID = 30;
    b.doc.clientID = 30;
    a.bindings.bind(30, 'u-a');
    const fromA = type(a, 'u-a', 'A');
    b.bindings.bind(30, 'u-b');
    const fromB = type(b, 'u-b', 'B');
    const [first, second] = await Promise.allSettled([fromA, fromB]);
    const outcomes = [first, second].map((result) => result.status);
    expect(outcomes.sort()).toEqual(['fulfilled', 'rejected']);
    const [winner, loser] = first.status === 'fulfilled' ? [a, b] : [b, a];
    const [winnerId, loserId] = first.status === 'fulfilled' ? ['u-a', 'u-b'] : ['u-b', 'u-a'];
    const refusal = (
      first.status === 'rejected' ? first.reason : (second as PromiseRejectedResult).reason
    ) as unknown;
    expect(refusal).toBeInstanceOf(ClientIdTakenError);
    expect((refusal as ClientIdTakenError).ownerId).toBe(winnerId);
    expect(loser.bindings.owners.get(30)).toBe(winnerId);

    // The loser's next update with that id is refused too; the winner's is stored, next in order.
    await expect(type(loser, loserId, 'again')).rejects.toBeInstanceOf(ClientIdTakenError);
    expect(await type(winner, winnerId, '!')).toBe(2);
    const rows = await pools[0].query<{ user_id: string }>(
      'SELECT user_id FROM report_updates WHERE report_id = $1 ORDER BY seq',
      [reportId],
    );
    expect(rows.rows.map((row) => row.user_id)).toEqual([winnerId, winnerId]);
    expect((await one.readAttribution(reportId)).clientOwners.get(30)).toBe(winnerId);
    await Promise.all([a.close(), b.close()]);
  });

  it('compacts from the stored rows, by two processes at once, losing nothing', async () => {
    const a = await one.open(reportId);
    a.doc.clientID = 40;
    for (let i = 0; i < 30; i++) await type(a, 'u-a', `${i % 10}`);
    const results = await Promise.all([compactReport(pools[0], reportId), compactReport(pools[1], reportId)]);
    // At least one stored the snapshot; a second one covering no more changed nothing.
    expect(results).toContain(true);
    const left = await pools[0].query('SELECT count(*)::int AS n FROM report_updates WHERE report_id = $1', [
      reportId,
    ]);
    expect(left.rows[0].n).toBe(0);
    const snapshot = await pools[0].query('SELECT upto_seq FROM report_snapshots WHERE report_id = $1', [
      reportId,
    ]);
    expect(Number(snapshot.rows[0].upto_seq)).toBe(30);
    // Appending continues after the snapshot; a reader behind it gets the snapshot first.
    expect(await type(a, 'u-a', '!')).toBe(31);
    const since = await shared(a).readSince(5);
    expect(since.map((entry) => [entry.seq, entry.snapshot ?? false])).toEqual([
      [30, true],
      [31, false],
    ]);
    const doc = await two.readDoc(reportId);
    expect(doc.getText('t').toString()).toBe(a.doc.getText('t').toString());
    doc.destroy();
    await a.close();
    a.doc.destroy();
  });
});
