// The signed-in user's notifications in the browser: the inbox loaded once, then kept current by
// the live stream (reconnected with backoff; on each reconnect the inbox is read again, so nothing
// sent while disconnected is missed); new arrivals also become toasts.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Notification } from '../../shared/notifications';
import { ApiError } from '../api';
import { getSession, setSession } from '../session';
import { keepEventStreamOpen } from './eventStream';
import { notificationsApi, STREAM_PATH } from './notificationsApi';

export interface NotificationsState {
  notifications: Notification[];
  unread: number;
  /** Arrived live and not dismissed yet, newest last. */
  toasts: Notification[];
  loading: boolean;
  error: string | null;
  /** The live stream: connecting at first, open once the server listens for us, down while retrying. */
  stream: 'connecting' | 'open' | 'down';
  markRead: (ids: string[]) => Promise<void>;
  markAllRead: () => Promise<void>;
  dismissToast: (id: string) => void;
  reload: () => Promise<void>;
}

/** How many toasts stay on screen at once (the inbox keeps them all). */
const MAX_TOASTS = 4;

export function useNotifications(token: string): NotificationsState {
  const [notifications, setNotifications] = useState<Notification[]>([]);
  const [unread, setUnread] = useState(0);
  const [toasts, setToasts] = useState<Notification[]>([]);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [stream, setStream] = useState<NotificationsState['stream']>('connecting');
  const loadSeq = useRef(0);

  const reload = useCallback(async () => {
    const seq = ++loadSeq.current;
    try {
      const inbox = await notificationsApi.inbox();
      if (seq !== loadSeq.current) return;
      setNotifications(inbox.notifications);
      setUnread(inbox.unread);
      setError(null);
    } catch (failure) {
      if (seq === loadSeq.current) setError(failure instanceof ApiError ? failure.message : String(failure));
    } finally {
      if (seq === loadSeq.current) setLoading(false);
    }
  }, []);

  useEffect(() => {
    const controller = new AbortController();
    void keepEventStreamOpen({
      url: STREAM_PATH,
      headers: () => {
        const session = getSession();
        return session?.token === token
          ? { Authorization: `Bearer ${token}`, Accept: 'text/event-stream' }
          : null;
      },
      signal: controller.signal,
      onConnected: (up) => {
        if (!up) setStream('down');
      },
      onRefused: (status) => {
        if (status === 401) setSession(null);
      },
      onEvent: (event) => {
        if (event.event === 'notification') {
          const notification = JSON.parse(event.data) as Notification;
          setNotifications((current) =>
            current.some((known) => known.id === notification.id) ? current : [notification, ...current],
          );
          setUnread((count) => count + 1);
          setToasts((current) => [...current, notification].slice(-MAX_TOASTS));
        } else if (event.event === 'ready') {
          // The server listens for us from here on; what arrived while the stream was down is in
          // the inbox, read again on every (re)connect.
          setStream('open');
          void reload();
        } else if (event.event === 'read') {
          setUnread((JSON.parse(event.data) as { unread: number }).unread);
          void reload();
        }
      },
    });
    return () => controller.abort();
  }, [token, reload]);

  const markRead = useCallback(async (ids: string[]) => {
    if (ids.length === 0) return;
    const result = await notificationsApi.markRead(ids);
    setNotifications((current) =>
      current.map((notification) =>
        ids.includes(notification.id) ? { ...notification, read: true } : notification,
      ),
    );
    setUnread(result.unread);
  }, []);

  const markAllRead = useCallback(async () => {
    const result = await notificationsApi.markAllRead();
    setNotifications((current) => current.map((notification) => ({ ...notification, read: true })));
    setUnread(result.unread);
  }, []);

  const dismissToast = useCallback((id: string) => {
    setToasts((current) => current.filter((toast) => toast.id !== id));
  }, []);

  return {
    notifications,
    unread,
    toasts,
    loading,
    error,
    stream,
    markRead,
    markAllRead,
    dismissToast,
    reload,
  };
}
