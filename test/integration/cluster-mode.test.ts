// Cluster mode end to end: three real server processes (the CLI with DATABASE_URL and REDIS_URL)
// sharing a fresh PostgreSQL database and Redis, stock y-websocket clients on different processes.
// Skipped, with the reason, when PostgreSQL or Redis cannot be reached.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CloseCode } from '../../shared/protocol';
import { startCluster, type TestCluster } from '../helpers/cluster-processes';
import { probeClusterServices } from '../helpers/cluster-services';
import { connectClient, type TestClient } from '../helpers/collab';
import { apiRequest, login } from '../helpers/http';
import { demoReport, type ReportDetailBody, sectionOwnedBy } from '../helpers/reports';
import { waitForDoc } from '../helpers/wait';
import { docContains, typeInSection } from '../helpers/ydoc';

const services = await probeClusterServices();

describe.skipIf(!services.ok)('cluster mode: three processes on PostgreSQL and Redis', () => {
  let cluster: TestCluster;
  let report: ReportDetailBody;
  const clients: TestClient[] = [];
  const tokens: Record<string, string> = {};

  /** A stock client of `username` on process `n` (0-based), synced. */
  async function connected(n: number, username: string): Promise<TestClient> {
    const client = connectClient(cluster.processes[n].wsUrl, report.id, tokens[username]);
    clients.push(client);
    await client.synced;
    return client;
  }

  beforeAll(async () => {
    cluster = await startCluster(3);
    // Sessions are metadata: a token issued by one process is valid on every other.
    for (const [i, username] of ['secretary', 'buuchinh', 'cntt', 'baochi'].entries()) {
      tokens[username] = (await login(cluster.processes[i % 3].url, username)).token;
    }
    report = await demoReport(cluster.processes[1].url, tokens.secretary);
  }, 180_000);

  afterAll(async () => {
    for (const client of clients) client.destroy();
    await cluster?.close();
  }, 60_000);

  it('seeds the demo organisation once although the three processes started together', async () => {
    const db = new pg.Client({ connectionString: cluster.database.url });
    await db.connect();
    try {
      const reports = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM meta_reports');
      expect(reports.rows[0].n).toBe(1);
      const users = await db.query<{ n: number; names: number }>(
        "SELECT count(*)::int AS n, count(DISTINCT data->>'username')::int AS names FROM meta_users",
      );
      expect(users.rows[0].n).toBe(users.rows[0].names);
    } finally {
      await db.end();
    }
  });

  it('converges: edits made on three processes reach every client, stored with their authors', async () => {
    const secretary = await connected(0, 'secretary');
    const postal = await connected(1, 'buuchinh');
    const it = await connected(2, 'cntt');
    const marks = { secretary: `SEC-${Date.now()}`, postal: `BC-${Date.now()}`, it: `IT-${Date.now()}` };
    typeInSection(secretary.doc, sectionOwnedBy(report, 'baochi').id, marks.secretary);
    typeInSection(postal.doc, sectionOwnedBy(report, 'buuchinh').id, marks.postal);
    typeInSection(it.doc, sectionOwnedBy(report, 'cntt').id, marks.it);
    for (const client of [secretary, postal, it]) {
      await waitForDoc(client.doc, (doc) => Object.values(marks).every((mark) => docContains(doc, mark)), {
        what: 'all three edits on every process',
        timeoutMs: 20_000,
      });
    }
    // Every client holds the same document, and so does a fresh client on any process.
    const states = [secretary, postal, it].map((client) => Y.encodeStateVector(client.doc).toString());
    expect(new Set(states).size).toBe(1);
    const late = await connected(2, 'secretary');
    expect(Object.values(marks).every((mark) => docContains(late.doc, mark))).toBe(true);

    // In PostgreSQL: one total order, every update with its author.
    const db = new pg.Client({ connectionString: cluster.database.url });
    await db.connect();
    try {
      const rows = await db.query<{ seq: string; user_id: string | null }>(
        'SELECT seq, user_id FROM report_updates WHERE report_id = $1 ORDER BY seq',
        [report.id],
      );
      const seqs = rows.rows.map((row) => Number(row.seq));
      expect(seqs.length).toBeGreaterThanOrEqual(3);
      expect(seqs).toEqual(Array.from({ length: seqs.length }, (_, i) => seqs[0] + i));
      expect(new Set(rows.rows.map((row) => row.user_id))).toEqual(
        new Set(['u-secretary', 'u-buuchinh', 'u-cntt']),
      );
    } finally {
      await db.end();
    }
  }, 60_000);

  it('refuses an editor’s edit in another department’s section on every process', async () => {
    const foreign = sectionOwnedBy(report, 'buuchinh');
    const watcher = await connected(0, 'secretary');
    for (const n of [0, 1, 2]) {
      const offender = await connected(n, 'baochi');
      const forbidden = `FORBIDDEN-${n}-${Date.now()}`;
      typeInSection(offender.doc, foreign.id, forbidden);
      expect((await offender.closed).code).toBe(CloseCode.Forbidden);
      // An honest edit sent afterwards arrives; the refused one never does.
      const honest = await connected((n + 1) % 3, 'buuchinh');
      const allowed = `ALLOWED-${n}-${Date.now()}`;
      typeInSection(honest.doc, foreign.id, allowed);
      await waitForDoc(watcher.doc, (doc) => docContains(doc, allowed), {
        what: 'the honest edit',
        timeoutMs: 20_000,
      });
      expect(docContains(watcher.doc, forbidden)).toBe(false);
    }
  }, 90_000);

  it('a section approved through process 2 refuses an edit through process 3 at once', async () => {
    const section = sectionOwnedBy(report, 'cntt');
    const editor = await connected(2, 'cntt');
    const before = `BEFORE-${Date.now()}`;
    typeInSection(editor.doc, section.id, before);
    const patch = (n: number, token: string, body: unknown) =>
      apiRequest(cluster.processes[n].url, 'PATCH', `/api/reports/${report.id}/sections/${section.id}`, {
        token,
        body,
      });
    expect((await patch(0, tokens.cntt, { status: 'submitted' })).status).toBe(200);
    expect((await patch(1, tokens.secretary, { status: 'approved' })).status).toBe(200);
    // No waiting: the edit is sent as soon as the approval is answered.
    typeInSection(editor.doc, section.id, `AFTER-${Date.now()}`);
    expect((await editor.closed).code).toBe(CloseCode.Forbidden);
    const watcher = await connected(0, 'secretary');
    expect(docContains(watcher.doc, before)).toBe(true);
  }, 60_000);
});
