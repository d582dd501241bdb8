// Cluster mode: a report opened and closed over and over (sockets on this process and on another,
// edits and presence crossing Redis, the room loaded from and flushed to PostgreSQL each time)
// leaves the server's heap where it was. The measured server is a child started with --expose-gc
// (heap-server-child.ts), the heap read after full collections; the bound is generous (a leak of one
// room per cycle is several times larger) but fails. Skipped, with the reason, without the services.
import { type ChildProcess, fork } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCluster, type TestCluster } from '../helpers/cluster-processes';
import { probeClusterServices, TEST_REDIS_URL } from '../helpers/cluster-services';
import { connectClient } from '../helpers/collab';
import type { HeapChildReply, HeapChildRequest } from '../helpers/heap-server-child';
import { apiClient, login } from '../helpers/http';
import { PROJECT_ROOT } from '../helpers/process';
import { flattenSections, type ReportDetailBody } from '../helpers/reports';
import { waitForDoc } from '../helpers/wait';
import { docContains, typeInSection } from '../helpers/ydoc';

const services = await probeClusterServices();

const WARM_UP_CYCLES = 3;
const CYCLES = 12;
/**
 * Heap growth allowed over CYCLES cycles after warming up: 512 KB a cycle. Generous — the heap
 * measured after full collections moves by about 1.5 MB between readings on a busy machine — but a
 * report's room, its sockets' buffers or its subscriptions kept after each close, on a report of
 * this size (an open room of it measured about 2 MB), fail it. The test logs the growth and the heap
 * an open room takes.
 */
const MAX_GROWTH_BYTES = 6 * 1024 * 1024;

/** About 200 KB of report text: 40 parts of 25 paragraphs. */
function largeReportText(): string {
  const parts: string[] = [];
  for (let part = 1; part <= 40; part++) {
    parts.push(`${part}. Phần ${part}`);
    for (let paragraph = 0; paragraph < 25; paragraph++)
      parts.push(`Nội dung đoạn ${paragraph} của phần ${part}: ${'kết quả thực hiện nhiệm vụ, '.repeat(6)}`);
  }
  return parts.join('\n\n');
}

/** The child's next reply. */
function reply(child: ChildProcess, timeoutMs = 60_000): Promise<HeapChildReply> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the heap child did not answer')), timeoutMs);
    child.once('message', (message: HeapChildReply) => {
      clearTimeout(timer);
      resolve(message);
    });
  });
}

describe.skipIf(!services.ok)('cluster mode: memory of rooms opened and closed repeatedly', () => {
  let cluster: TestCluster;
  let child: ChildProcess;
  let childUrl: string;
  let unusedDir: string;
  let report: ReportDetailBody;
  let secretaryToken: string;

  async function stats(reportId: string, collect = true) {
    const answer = reply(child);
    child.send({ kind: 'stats', reportId, collect } satisfies HeapChildRequest);
    const message = await answer;
    if (message.kind !== 'stats') throw new Error(`unexpected reply ${message.kind}`);
    return message;
  }

  beforeAll(async () => {
    cluster = await startCluster(1);
    unusedDir = await mkdtemp(join(tmpdir(), 'dongsoan-heap-unused-'));
    child = fork(fileURLToPath(new URL('../helpers/heap-server-child.ts', import.meta.url)), [], {
      cwd: PROJECT_ROOT,
      execArgv: ['--expose-gc', '--import', 'tsx'],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    const listening = reply(child);
    child.send({
      kind: 'start',
      options: {
        dataDir: unusedDir,
        cluster: { databaseUrl: cluster.database.url, redisUrl: TEST_REDIS_URL },
      },
    } satisfies HeapChildRequest);
    const message = await listening;
    if (message.kind !== 'listening') throw new Error(`heap child failed: ${JSON.stringify(message)}`);
    childUrl = message.url;
    secretaryToken = (await login(childUrl, 'secretary')).token;
    const created = await apiClient(childUrl, secretaryToken).post<{ id: string }>('/api/reports', {
      title: 'Báo cáo lớn',
      text: largeReportText(),
    });
    if (created.status !== 201) throw new Error(`report not created: ${created.status} ${created.text}`);
    const detail = await apiClient(childUrl, secretaryToken).get<ReportDetailBody>(
      `/api/reports/${created.body.id}`,
    );
    report = detail.body;
  }, 180_000);

  afterAll(async () => {
    if (child && child.exitCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
    await cluster?.close();
    if (unusedDir) await rm(unusedDir, { recursive: true, force: true });
  }, 60_000);

  it('returns to its baseline heap', async () => {
    const here = secretaryToken;
    const there = (await login(cluster.processes[0].url, 'secretary')).token;
    const wsHere = `${childUrl.replace('http', 'ws')}/collab`;
    const section = flattenSections(report.sections)[0].id;

    let openRoomBytes = 0;
    const cycle = async (n: number) => {
      const writer = connectClient(wsHere, report.id, here, {
        shouldReconnect: false,
        user: { name: `w${n}` },
      });
      const reader = connectClient(cluster.processes[0].wsUrl, report.id, there, {
        shouldReconnect: false,
        user: { name: `r${n}` },
      });
      await Promise.all([writer.synced, reader.synced]);
      const mark = `<c${n}>`;
      typeInSection(writer.doc, section, mark);
      await waitForDoc(reader.doc, (doc) => docContains(doc, mark), {
        what: `edit ${n} on the other process`,
      });
      const open = n === WARM_UP_CYCLES ? (await stats(report.id)).heapUsed : 0;
      writer.destroy();
      reader.destroy();
      // The room unloads once its last socket is gone: ask until it has.
      while ((await stats(report.id, false)).roomOpen);
      if (open) openRoomBytes = open - (await stats(report.id)).heapUsed;
    };

    for (let n = 0; n < WARM_UP_CYCLES; n++) await cycle(n);
    const baseline = (await stats(report.id)).heapUsed;
    for (let n = WARM_UP_CYCLES; n < WARM_UP_CYCLES + CYCLES; n++) await cycle(n);
    const after = (await stats(report.id)).heapUsed;
    const growth = after - baseline;
    const kb = (bytes: number) => `${(bytes / 2 ** 10).toFixed(0)} KB`;
    console.log(
      `heap after ${CYCLES} open/close cycles: ${kb(baseline)} → ${kb(after)} (${kb(growth)}); one open room: ${kb(openRoomBytes)}`,
    );
    expect(growth).toBeLessThan(MAX_GROWTH_BYTES);
  }, 300_000);
});
