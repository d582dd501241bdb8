// Cluster mode: a Yjs client id is bound to one user only, even when two users on different
// processes claim it at the same moment (neither process has heard of the other's binding). The
// test holds the report's head row so both claims wait for the same commit, then lets them race:
// the loser's process must refuse its update with 4403 and store nothing of it. Skipped, with the
// reason, when PostgreSQL or Redis cannot be reached.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CloseCode } from '../../shared/protocol';
import { connectOn, startCluster, type TestCluster } from '../helpers/cluster-processes';
import { probeClusterServices } from '../helpers/cluster-services';
import type { CloseInfo, TestClient } from '../helpers/collab';
import { login } from '../helpers/http';
import { demoReport, type ReportDetailBody, sectionOwnedBy } from '../helpers/reports';
import { waitForDoc } from '../helpers/wait';
import { docContains, typeInSection } from '../helpers/ydoc';

const services = await probeClusterServices();

/** Re-run `check` until it holds (PostgreSQL announces nothing here, so it is asked again). */
async function waitForQuery(check: () => Promise<boolean>, what: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe.skipIf(!services.ok)('cluster mode: one Yjs client id, two users on two processes', () => {
  let cluster: TestCluster;
  let report: ReportDetailBody;
  let db: pg.Client;
  const clients: TestClient[] = [];

  beforeAll(async () => {
    cluster = await startCluster(2);
    const secretary = await login(cluster.processes[0].url, 'secretary');
    report = await demoReport(cluster.processes[0].url, secretary.token);
    db = new pg.Client({ connectionString: cluster.database.url });
    await db.connect();
  }, 180_000);

  afterAll(async () => {
    for (const client of clients) client.destroy();
    await db?.end();
    await cluster?.close();
  }, 60_000);

  const connected = (n: number, username: string): Promise<TestClient> =>
    connectOn(cluster.processes[n], report.id, username, clients);

  it('binds the client id to one of them; the other process refuses its update with 4403', async () => {
    const users = [
      { id: 'u-buuchinh', client: await connected(0, 'buuchinh'), mark: `POSTAL-${Date.now()}` },
      { id: 'u-cntt', client: await connected(1, 'cntt'), mark: `IT-${Date.now()}` },
    ];
    const sections = [sectionOwnedBy(report, 'buuchinh').id, sectionOwnedBy(report, 'cntt').id];
    // The same client id for the text of both (presence keeps each provider's own id).
    const shared = 0x7fff0000 + (Date.now() % 0xffff);
    const closes: (CloseInfo | null)[] = [null, null];
    users.forEach((user, i) => {
      user.client.closed.then((info) => {
        closes[i] = info;
      });
    });

    // Hold the head row: both processes guard, apply and queue their update, then wait to commit.
    await db.query('BEGIN');
    await db.query('SELECT 1 FROM report_heads WHERE report_id = $1 FOR UPDATE', [report.id]);
    users.forEach((user, i) => {
      user.client.doc.clientID = shared;
      typeInSection(user.client.doc, sections[i], user.mark);
      // Sent (synchronously, in the transaction): back to its own id, which presence uses.
      user.client.doc.clientID = user.client.provider.awareness.clientID;
    });
    await waitForQuery(async () => {
      const waiting = await db.query<{ n: number }>(
        "SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'",
      );
      return waiting.rows[0].n >= 2;
    }, 'both processes waiting to commit');
    await db.query('COMMIT');

    // One claim wins; the other's socket is closed with 4403.
    const loserIndex = await Promise.race([
      ...users.map((user, i) => user.client.closed.then(() => i)),
      new Promise<never>((_, reject) =>
        setTimeout(() => reject(new Error('neither socket was refused within 20 s')), 20_000).unref(),
      ),
    ]);
    const loser = users[loserIndex];
    const winner = users[1 - loserIndex];
    expect(closes[loserIndex]?.code).toBe(CloseCode.Forbidden);
    expect(closes[loserIndex]?.reason).toContain('belongs to another user');

    const bindings = await db.query<{ user_id: string }>(
      'SELECT user_id FROM report_client_bindings WHERE report_id = $1 AND client_id = $2',
      [report.id, shared],
    );
    expect(bindings.rows.map((row) => row.user_id)).toEqual([winner.id]);

    // Fresh clients on both processes see the winner's text and never the loser's (the losing
    // process reloaded the report from PostgreSQL).
    for (const n of [0, 1]) {
      const fresh = await connected(n, 'secretary');
      await waitForDoc(fresh.doc, (doc) => docContains(doc, winner.mark), {
        what: `the winner's text on process ${n}`,
        timeoutMs: 20_000,
      });
      expect(docContains(fresh.doc, loser.mark)).toBe(false);
    }
    expect(closes[1 - loserIndex]).toBeNull();

    // Every stored item written with the shared client id carries the winner as author.
    const updates = await db.query<{ body: Buffer; user_id: string | null }>(
      'SELECT body, user_id FROM report_updates WHERE report_id = $1 ORDER BY seq',
      [report.id],
    );
    const authors = updates.rows
      .filter((row) => Y.decodeUpdate(row.body).structs.some((struct) => struct.id.client === shared))
      .map((row) => row.user_id);
    expect(authors.length).toBeGreaterThan(0);
    expect(new Set(authors)).toEqual(new Set([winner.id]));
  }, 120_000);
});
