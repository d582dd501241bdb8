// REST calls of the inbox (server/routes/notifications.ts).
import type { Notification } from '../../shared/notifications';
import { request } from '../api';

export interface Inbox {
  notifications: Notification[];
  unread: number;
}

export const STREAM_PATH = '/api/notifications/stream';

export const notificationsApi = {
  inbox: () => request<Inbox>('GET', '/api/notifications'),
  markRead: (ids: string[]) =>
    request<{ marked: number; unread: number }>('POST', '/api/notifications/read', { ids }),
  markAllRead: () =>
    request<{ marked: number; unread: number }>('POST', '/api/notifications/read', { all: true }),
};
