// The embedded NotificationStore: DATA_DIR/notifications/<user>/inbox.jsonl, append-only JSON
// lines (a notification, or a read mark naming the ids it marks), 0700 directories and 0600 files
// like every store. All inboxes are read at start-up (`open`), so a damaged file stops start-up
// with a CorruptFileError naming it instead of failing later; then they are served from memory.
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Logger } from '../log';
import { CorruptFileError, describeError } from '../store/errors';
import { isNotFound } from '../store/files';
import { ReportJsonlFiles } from '../store/report-jsonl';
import type { Inbox, NotificationStore, StoredNotification } from './notification-store';

export const NOTIFICATIONS_DIR = 'notifications';
const INBOX_FILE = 'inbox.jsonl';

/** One line of an inbox file. */
export type InboxRecord =
  | { type: 'notification'; notification: StoredNotification }
  | { type: 'read'; at: string; ids: string[] };

/** How many notifications a user keeps in memory (older ones stay in the file, unlisted). */
const KEPT_PER_USER = 500;

interface LoadedInbox {
  /** Oldest first. */
  notifications: StoredNotification[];
  read: Set<string>;
}

export class FileNotificationStore implements NotificationStore {
  private readonly inboxes = new Map<string, LoadedInbox>();

  private constructor(
    private readonly files: ReportJsonlFiles<InboxRecord>,
    private readonly root: string,
  ) {}

  static async open(dataDir: string, logger: Logger): Promise<FileNotificationStore> {
    const root = join(dataDir, NOTIFICATIONS_DIR);
    const files = new ReportJsonlFiles<InboxRecord>(
      (userId) => join(root, userDirName(userId)),
      INBOX_FILE,
      logger,
    );
    const store = new FileNotificationStore(files, root);
    await store.load();
    return store;
  }

  async add(userId: string, notification: StoredNotification): Promise<void> {
    await this.files.append(userId, { type: 'notification', notification });
    const inbox = this.inboxOf(userId);
    inbox.notifications.push(notification);
    if (inbox.notifications.length > KEPT_PER_USER) inbox.notifications.shift();
  }

  async inbox(userId: string, limit: number): Promise<Inbox> {
    const inbox = this.inboxes.get(userId);
    if (!inbox) return { notifications: [], unread: 0 };
    const unread = inbox.notifications.filter((notification) => !inbox.read.has(notification.id)).length;
    const notifications = inbox.notifications
      .slice(-limit)
      .reverse()
      .map((notification) => ({ ...notification, read: inbox.read.has(notification.id) }));
    return { notifications, unread };
  }

  async markRead(userId: string, which: readonly string[] | 'all'): Promise<number> {
    const inbox = this.inboxes.get(userId);
    if (!inbox) return 0;
    const wanted = which === 'all' ? null : new Set(which);
    const ids = inbox.notifications
      .filter((notification) => !inbox.read.has(notification.id) && (!wanted || wanted.has(notification.id)))
      .map((notification) => notification.id);
    if (ids.length === 0) return 0;
    await this.files.append(userId, { type: 'read', at: new Date().toISOString(), ids });
    for (const id of ids) inbox.read.add(id);
    return ids.length;
  }

  close(): Promise<void> {
    return this.files.close();
  }

  private inboxOf(userId: string): LoadedInbox {
    let inbox = this.inboxes.get(userId);
    if (!inbox) {
      inbox = { notifications: [], read: new Set() };
      this.inboxes.set(userId, inbox);
    }
    return inbox;
  }

  private async load(): Promise<void> {
    let entries: string[];
    try {
      entries = await readdir(this.root);
    } catch (error) {
      if (isNotFound(error)) return;
      throw new CorruptFileError(this.root, describeError(error));
    }
    for (const entry of entries) {
      const userId = decodeURIComponent(entry);
      const records = await this.files.read(userId);
      const inbox = this.inboxOf(userId);
      for (const record of records) {
        if (record?.type === 'notification' && typeof record.notification?.id === 'string') {
          inbox.notifications.push(record.notification);
        } else if (record?.type === 'read' && Array.isArray(record.ids)) {
          for (const id of record.ids) inbox.read.add(id);
        } else {
          throw new CorruptFileError(
            this.files.fileOf(userId),
            'a line that is neither a notification nor a read mark',
          );
        }
      }
      if (inbox.notifications.length > KEPT_PER_USER)
        inbox.notifications.splice(0, inbox.notifications.length - KEPT_PER_USER);
    }
  }
}

/** A user's directory name: the id, encoded so it is one plain path segment. */
function userDirName(userId: string): string {
  const name = encodeURIComponent(userId);
  if (name === '' || name === '.' || name === '..')
    throw new Error(`user id "${userId}" cannot name a directory`);
  return name;
}
