// The cluster's notification inboxes in PostgreSQL: newest first within the limit, the unread count
// of the whole inbox, read marks by id or all, and the same notification added twice kept once; two
// stores on separate pools (two processes) see the same inbox. Skipped without the services.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StoredNotification } from '../../../../server/notifications/notification-store';
import { PgNotificationStore } from '../../../../server/notifications/pg-notification-store';
import { migrate } from '../../../../server/store/pg/migrations';
import {
  createTestDatabase,
  probeClusterServices,
  type TestDatabase,
} from '../../../helpers/cluster-services';

const services = await probeClusterServices();

function notification(id: string): StoredNotification {
  return {
    id,
    at: new Date().toISOString(),
    kind: 'submit',
    reportId: 'r1',
    reportTitle: 'Báo cáo',
    actorId: 'u-a',
    actorName: 'A',
  } as StoredNotification;
}

describe.skipIf(!services.ok)('PgNotificationStore', () => {
  let database: TestDatabase;
  const pools: pg.Pool[] = [];
  let one: PgNotificationStore;
  let two: PgNotificationStore;

  beforeAll(async () => {
    database = await createTestDatabase();
    for (let i = 0; i < 2; i++) pools.push(new pg.Pool({ connectionString: database.url, max: 2 }));
    await migrate(pools[0]);
    one = new PgNotificationStore(pools[0]);
    two = new PgNotificationStore(pools[1]);
  });

  afterAll(async () => {
    await Promise.all(pools.map((pool) => pool.end()));
    await database?.drop();
  });

  it('lists an inbox newest first with its unread count, on every process', async () => {
    for (const id of ['n1', 'n2', 'n3']) await one.add('u-b', notification(id));
    await two.add('u-b', notification('n2'));
    await one.add('u-c', notification('n9'));
    const inbox = await two.inbox('u-b', 2);
    expect(inbox.notifications.map((entry) => [entry.id, entry.read])).toEqual([
      ['n3', false],
      ['n2', false],
    ]);
    expect(inbox.unread).toBe(3);
    expect(await two.inbox('nobody', 10)).toEqual({ notifications: [], unread: 0 });
  });

  it('marks read by id and all, counting only what changed', async () => {
    expect(await two.markRead('u-b', ['n1', 'n9', 'missing'])).toBe(1);
    expect(await one.markRead('u-b', ['n1'])).toBe(0);
    expect((await one.inbox('u-b', 10)).unread).toBe(2);
    expect(await one.markRead('u-b', 'all')).toBe(2);
    const inbox = await two.inbox('u-b', 10);
    expect(inbox.unread).toBe(0);
    expect(inbox.notifications.every((entry) => entry.read)).toBe(true);
    // Another user's inbox is untouched.
    expect((await one.inbox('u-c', 10)).unread).toBe(1);
  });
});
