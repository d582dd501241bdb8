// Toasts of notifications arriving live: announced politely to screen readers, each with a link
// to its section and a close button; each leaves by itself after a while (it stays in the inbox).
import { useEffect } from 'react';
import type { Notification } from '../../shared/notifications';
import { useI18n } from '../i18n';
import { NotificationLink } from './NotificationLink';
import { openNotification } from './openNotification';
import type { NotificationsState } from './useNotifications';

/** How long a toast stays; long enough to read a return comment. */
const TOAST_MS = 12_000;

export function NotificationToasts({ state }: { state: NotificationsState }) {
  return (
    <div className="notification-toasts" role="status" aria-live="polite">
      {state.toasts.map((toast) => (
        <Toast
          key={toast.id}
          notification={toast}
          onDismiss={state.dismissToast}
          onOpen={() => {
            state.dismissToast(toast.id);
            void state.markRead([toast.id]);
            openNotification(toast);
          }}
        />
      ))}
    </div>
  );
}

function Toast({
  notification,
  onDismiss,
  onOpen,
}: {
  notification: Notification;
  /** Stable (useNotifications' dismissToast), so re-renders do not restart the timer. */
  onDismiss: (id: string) => void;
  onOpen: () => void;
}) {
  const { t } = useI18n();
  useEffect(() => {
    const timer = window.setTimeout(() => onDismiss(notification.id), TOAST_MS);
    return () => window.clearTimeout(timer);
  }, [onDismiss, notification.id]);
  return (
    <div className="notification-toast" data-notification-kind={notification.kind}>
      <NotificationLink notification={notification} onOpen={onOpen} />
      <button
        type="button"
        className="notification-toast-close"
        aria-label={t('notifications.dismiss')}
        onClick={() => onDismiss(notification.id)}
      >
        ×
      </button>
    </div>
  );
}
