// The embedded notification store on real files: what it keeps across reopening, read marks,
// a torn last line (a crash) dropped, a bad line refused naming the file.
import { appendFile, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FileNotificationStore } from '../../../../server/notifications/file-notification-store';
import type { StoredNotification } from '../../../../server/notifications/notification-store';
import { CorruptFileError } from '../../../../server/store/errors';
import { type CapturedLog, captureLogger, makeTempDir } from '../../../helpers/server';

const news = (id: string, at = '2026-01-01T00:00:00.000Z'): StoredNotification => ({
  id,
  at,
  kind: 'return',
  reportId: 'r-1',
  reportTitle: 'Báo cáo',
  actorId: 'u-secretary',
  actorName: 'Thư ký',
  sectionId: 's-1',
  comment: 'Thiếu số liệu',
});

describe('FileNotificationStore', () => {
  let dir: string;
  let logs: CapturedLog[];
  const open = () => FileNotificationStore.open(dir, captureLogger(logs, false));
  const fileOf = (userId: string) => join(dir, 'notifications', userId, 'inbox.jsonl');

  beforeEach(async () => {
    dir = await makeTempDir('dongsoan-notify-');
    logs = [];
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('lists newest first with the unread count, keeps read marks, and finds it all again after reopening', async () => {
    const store = await open();
    for (const id of ['n-1', 'n-2', 'n-3']) await store.add('u-a', news(id));
    await store.add('u-b', news('n-other'));
    expect(await store.markRead('u-a', ['n-2', 'n-unknown'])).toBe(1);
    const before = await store.inbox('u-a', 2);
    expect(before.notifications.map((n) => [n.id, n.read])).toEqual([
      ['n-3', false],
      ['n-2', true],
    ]);
    expect(before.unread).toBe(2);
    await store.close();

    const reopened = await open();
    expect(await reopened.inbox('u-a', 10)).toEqual({
      notifications: [...before.notifications, { ...news('n-1'), read: false }],
      unread: 2,
    });
    expect(await reopened.markRead('u-a', 'all')).toBe(2);
    expect(await reopened.markRead('u-a', 'all')).toBe(0);
    expect((await reopened.inbox('u-a', 10)).unread).toBe(0);
    expect((await reopened.inbox('u-b', 10)).unread).toBe(1);
    expect(await reopened.inbox('u-nobody', 10)).toEqual({ notifications: [], unread: 0 });
    await reopened.close();
  });

  it('drops a line torn by a crash at the end, with a warning, and appends after it', async () => {
    const store = await open();
    await store.add('u-a', news('n-1'));
    await store.close();
    await appendFile(fileOf('u-a'), '{"type":"notification","notif');
    const reopened = await open();
    expect((await reopened.inbox('u-a', 10)).notifications.map((n) => n.id)).toEqual(['n-1']);
    expect(logs.some((log) => log.level === 'warn' && log.message.includes('incomplete last line'))).toBe(
      true,
    );
    await reopened.add('u-a', news('n-2'));
    await reopened.close();
    expect((await readFile(fileOf('u-a'), 'utf8')).trim().split('\n')).toHaveLength(2);
  });

  it('refuses to open on a damaged line, naming the file and leaving it as it is', async () => {
    await mkdir(join(dir, 'notifications', 'u-a'), { recursive: true });
    const damaged = '{"type":"something else"}\n';
    await writeFile(fileOf('u-a'), damaged);
    const failure = await open().catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(CorruptFileError);
    expect((failure as CorruptFileError).file).toBe(fileOf('u-a'));
    expect(await readFile(fileOf('u-a'), 'utf8')).toBe(damaged);
  });
});
