// Cluster mode, what crosses processes besides the document: control messages (a user deactivated
// through process 1 loses their sockets on processes 2 and 3), the login throttle's counters, the
// notification inboxes and live feed, and presence — kept for sockets that join later, and dropped
// within seconds when the process that relayed it is killed. Three real server processes (the CLI)
// on a fresh PostgreSQL database and Redis; skipped, with the reason, when they cannot be reached.
import { randomBytes } from 'node:crypto';
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CloseCode } from '../../shared/protocol';
import { startCluster, type TestCluster } from '../helpers/cluster-processes';
import { probeClusterServices } from '../helpers/cluster-services';
import { connectClient, type TestClient } from '../helpers/collab';
import { apiClient, login, type Session } from '../helpers/http';
import { openStream } from '../helpers/notification-stream';
import { demoReport, type ReportDetailBody, sectionOwnedBy } from '../helpers/reports';
import { waitFor } from '../helpers/wait';

const services = await probeClusterServices();

/** A stock client's awareness: whether it holds the state of client `clientId`. */
function sees(client: TestClient, clientId: number): boolean {
  return client.provider.awareness.getStates().has(clientId);
}

function awarenessUntil(client: TestClient, check: () => boolean, what: string, timeoutMs = 10_000) {
  return waitFor(
    check,
    (onEvent) => {
      client.provider.awareness.on('change', onEvent);
      return () => client.provider.awareness.off('change', onEvent);
    },
    { what, timeoutMs },
  );
}

/** `promise`, or a failure naming `what` after `ms` (a close that would come anyway, later, must not pass). */
function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms waiting for ${what}`)), ms);
  });
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

/** POST a login from a loopback address of our choosing (Linux routes all of 127/8 to lo). */
function loginFrom(url: string, localAddress: string, username: string, password: string) {
  const payload = JSON.stringify({ username, password });
  return new Promise<{ status: number; retryAfter: string | undefined }>((resolve, reject) => {
    const req = request(
      `${url}/api/auth/login`,
      {
        method: 'POST',
        localAddress,
        headers: { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(payload) },
      },
      (res) => {
        res.resume();
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            retryAfter: res.headers['retry-after'] as string | undefined,
          }),
        );
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

describe.skipIf(!services.ok)('cluster mode: control messages, throttle, notifications, presence', () => {
  let cluster: TestCluster;
  let report: ReportDetailBody;
  let secretary: Session;
  const clients: TestClient[] = [];

  function connected(n: number, token: string, user?: Record<string, unknown>): TestClient {
    const client = connectClient(cluster.processes[n].wsUrl, report.id, token, {
      shouldReconnect: false,
      user,
    });
    clients.push(client);
    return client;
  }

  beforeAll(async () => {
    cluster = await startCluster(3);
    secretary = await login(cluster.processes[0].url, 'secretary');
    report = await demoReport(cluster.processes[0].url, secretary.token);
  }, 180_000);

  afterAll(async () => {
    for (const client of clients) client.destroy();
    await cluster?.close();
  }, 60_000);

  it('counts failed logins on every process against the same counters', async () => {
    // A username and an address of this test only: the counters in Redis are shared by every test.
    const username = `ghost-${randomBytes(4).toString('hex')}`;
    const address = `127.${1 + (randomBytes(1)[0] % 250)}.${randomBytes(1)[0]}.${1 + (randomBytes(1)[0] % 250)}`;
    // Five free failures, spread over the three processes (two or fewer on each)…
    for (let i = 0; i < 5; i++) {
      const reply = await loginFrom(cluster.processes[i % 3].url, address, username, 'wrong');
      expect(reply.status, `failure ${i + 1}`).toBe(401);
    }
    // …so the sixth waits, on whichever process it reaches.
    for (const server of cluster.processes) {
      const refused = await loginFrom(server.url, address, username, 'wrong');
      expect(refused.status).toBe(429);
      expect(Number(refused.retryAfter)).toBeGreaterThanOrEqual(1);
    }
  });

  it('delivers a notification made through process 1 to the stream open on process 2, and its read mark back', async () => {
    const postal = await login(cluster.processes[2].url, 'buuchinh');
    const stream = openStream(cluster.processes[1].url, postal.token);
    await stream.ready;
    const section = sectionOwnedBy(report, 'buuchinh');
    const patch = (session: Session, n: number, body: unknown) =>
      apiClient(cluster.processes[n].url, session.token).patch(
        `/api/reports/${report.id}/sections/${section.id}`,
        body,
      );
    expect((await patch(postal, 2, { status: 'submitted' })).status).toBe(200);
    const comment = `Bổ sung số liệu ${Date.now()}`;
    expect((await patch(secretary, 0, { status: 'returned', comment })).status).toBe(200);
    await stream.until(() => stream.notifications().length > 0, 'the return on the stream of process 2');
    expect(stream.notifications()[0]).toMatchObject({ kind: 'return', comment, sectionId: section.id });

    // The inbox is the same on every process (PostgreSQL); a read mark on process 3 reaches the stream.
    const inbox = await apiClient(cluster.processes[2].url, postal.token).get('/api/notifications');
    expect(inbox.body).toMatchObject({
      unread: 1,
      notifications: [{ kind: 'return', comment, read: false }],
    });
    const read = await apiClient(cluster.processes[2].url, postal.token).post('/api/notifications/read', {
      all: true,
    });
    expect(read.body).toEqual({ marked: 1, unread: 0 });
    await stream.until(
      () => stream.events.some((event) => event.event === 'read' && JSON.parse(event.data).unread === 0),
      'the read mark on the stream of process 2',
    );
    const again = await apiClient(cluster.processes[0].url, postal.token).get('/api/notifications');
    expect(again.body).toMatchObject({ unread: 0, notifications: [{ comment, read: true }] });
    await stream.close();
  }, 60_000);

  it('closes a deactivated user’s sockets on every process (4401)', async () => {
    const press = await login(cluster.processes[1].url, 'baochi');
    const sockets = [0, 1, 2].map((n) => connected(n, press.token));
    await Promise.all(sockets.map((socket) => socket.synced));
    const deactivated = await apiClient(cluster.processes[0].url, secretary.token).patch(
      '/api/users/u-baochi',
      {
        active: false,
      },
    );
    expect(deactivated.status).toBe(200);
    // At once, not at a keepalive check (every 30 s).
    const closes = await Promise.all(
      sockets.map((socket, n) => within(socket.closed, 10_000, `the socket on process ${n + 1} to close`)),
    );
    expect(closes.map((close) => close.code)).toEqual([
      CloseCode.Unauthenticated,
      CloseCode.Unauthenticated,
      CloseCode.Unauthenticated,
    ]);
    // The token is gone on every process.
    for (const server of cluster.processes)
      expect((await apiClient(server.url, press.token).get('/api/me')).status).toBe(401);
  }, 60_000);

  it('shows a cursor to sockets joining on other processes, and drops it within seconds of a kill -9', async () => {
    const postal = await login(cluster.processes[0].url, 'buuchinh');
    const watcher = await login(cluster.processes[1].url, 'cntt');
    const writer = connected(0, postal.token, { name: 'Bưu chính', color: '#c00' });
    await writer.synced;
    const writerId = writer.provider.awareness.clientID;
    const onTwo = connected(1, watcher.token);
    const onThree = connected(2, watcher.token);
    await Promise.all([onTwo.synced, onThree.synced]);
    // Renew the writer's presence so its state is relayed while the others listen.
    writer.provider.awareness.setLocalStateField('cursor', { at: 1 });
    for (const client of [onTwo, onThree])
      await awarenessUntil(client, () => sees(client, writerId), 'the writer’s cursor on another process');
    // A socket joining process 2 later is told of it at once (the room holds other processes' presence).
    const late = connected(1, watcher.token);
    await late.synced;
    await awarenessUntil(late, () => sees(late, writerId), 'the writer’s cursor for a late joiner');

    const killedAt = Date.now();
    cluster.processes[0].child.kill('SIGKILL');
    await cluster.processes[0].exited;
    // A stock client forgets a silent state only after 30 s; the heartbeats make it a few seconds.
    for (const client of [onTwo, onThree, late])
      await awarenessUntil(client, () => !sees(client, writerId), 'the dead process’s cursor to go', 10_000);
    console.log(`cursor of the killed process gone after ${Date.now() - killedAt} ms`);
  }, 60_000);
});
