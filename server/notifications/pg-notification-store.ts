// The cluster NotificationStore (notification-store.ts): inboxes in PostgreSQL (table
// `notifications`, server/store/pg/migrations.ts), so every process lists and marks the same
// inbox. A notification is durable once its INSERT has committed; a read mark is one UPDATE.
import type { Pool } from 'pg';
import type { Notification } from '../../shared/notifications';
import type { Inbox, NotificationStore, StoredNotification } from './notification-store';

export class PgNotificationStore implements NotificationStore {
  constructor(private readonly pool: Pool) {}

  async add(userId: string, notification: StoredNotification): Promise<void> {
    // The same notification twice (a retried call) stays one.
    await this.pool.query(
      'INSERT INTO notifications (user_id, id, body) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING',
      [userId, notification.id, JSON.stringify(notification)],
    );
  }

  async inbox(userId: string, limit: number): Promise<Inbox> {
    const [listed, unread] = await Promise.all([
      this.pool.query<{ body: StoredNotification; read: boolean }>(
        `SELECT body, read_at IS NOT NULL AS read FROM notifications
         WHERE user_id = $1 ORDER BY seq DESC LIMIT $2`,
        [userId, limit],
      ),
      this.pool.query<{ count: string }>(
        'SELECT count(*) AS count FROM notifications WHERE user_id = $1 AND read_at IS NULL',
        [userId],
      ),
    ]);
    const notifications: Notification[] = listed.rows.map((row) => ({ ...row.body, read: row.read }));
    return { notifications, unread: Number(unread.rows[0]?.count ?? 0) };
  }

  async markRead(userId: string, which: readonly string[] | 'all'): Promise<number> {
    const result =
      which === 'all'
        ? await this.pool.query(
            'UPDATE notifications SET read_at = now() WHERE user_id = $1 AND read_at IS NULL',
            [userId],
          )
        : await this.pool.query(
            'UPDATE notifications SET read_at = now() WHERE user_id = $1 AND id = ANY($2) AND read_at IS NULL',
            [userId, [...which]],
          );
    return result.rowCount ?? 0;
  }

  /** The pool belongs to the cluster seams (server/cluster/cluster-seams.ts), which end it. */
  async close(): Promise<void> {}
}
