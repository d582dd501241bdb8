// Growth seam: the NOTIFICATION STORE. Each user's inbox: notifications appended as they happen,
// read marks appended when the user reads them. Kept out of the metadata store on purpose: lowdb
// rewrites its whole file on every write, and inboxes grow with every workflow step.
//
// The embedded implementation is append-only JSON lines, one file per user
// (file-notification-store.ts); a cluster implementation (a table in PostgreSQL) plugs in here.
// Nothing that crosses this seam names a file.
import type { Notification } from '../../shared/notifications';

/** A notification as it is stored: everything but its read state, which the marks decide. */
export type StoredNotification = Omit<Notification, 'read'>;

export interface Inbox {
  /** Newest first, at most the limit asked for. */
  notifications: Notification[];
  /** Unread notifications in the whole inbox (not only the page returned). */
  unread: number;
}

export interface NotificationStore {
  /** Put `notification` into `userId`'s inbox; resolves once it is durable. */
  add(userId: string, notification: StoredNotification): Promise<void>;
  /** `userId`'s newest notifications (at most `limit`) and the unread count. */
  inbox(userId: string, limit: number): Promise<Inbox>;
  /** Mark these notifications (or all) read; resolves with how many changed, once durable. */
  markRead(userId: string, which: readonly string[] | 'all'): Promise<number>;
  close(): Promise<void>;
}
