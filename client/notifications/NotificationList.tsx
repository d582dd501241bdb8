// The inbox: newest first, unread ones marked; opening one marks it read and goes to its section.
import type { Notification } from '../../shared/notifications';
import { useI18n } from '../i18n';
import { formatDateTime } from '../i18n/dates';
import { NotificationLink } from './NotificationLink';
import { openNotification } from './openNotification';
import type { NotificationsState } from './useNotifications';

export function NotificationList({ state, onOpen }: { state: NotificationsState; onOpen: () => void }) {
  const { t } = useI18n();
  if (state.loading && state.notifications.length === 0) {
    return <p className="notification-note">{t('notifications.loading')}</p>;
  }
  if (state.error && state.notifications.length === 0) {
    return (
      <p className="notification-note" role="alert">
        {t('notifications.loadFailed', { error: state.error })}
      </p>
    );
  }
  if (state.notifications.length === 0)
    return <p className="notification-note">{t('notifications.empty')}</p>;
  return (
    <ul className="notification-list">
      {state.notifications.map((notification) => (
        <NotificationItem
          key={notification.id}
          notification={notification}
          onOpen={() => {
            if (!notification.read) void state.markRead([notification.id]);
            onOpen();
            openNotification(notification);
          }}
          onMarkRead={() => void state.markRead([notification.id])}
        />
      ))}
    </ul>
  );
}

function NotificationItem({
  notification,
  onOpen,
  onMarkRead,
}: {
  notification: Notification;
  onOpen: () => void;
  onMarkRead: () => void;
}) {
  const { t, lang } = useI18n();
  return (
    <li
      className={`notification-item${notification.read ? '' : ' is-unread'}`}
      data-notification-kind={notification.kind}
      data-read={notification.read}
    >
      <NotificationLink notification={notification} onOpen={onOpen}>
        <time dateTime={notification.at}>{formatDateTime(lang, notification.at)}</time>
      </NotificationLink>
      {!notification.read && (
        <button type="button" className="notification-link-button notification-mark" onClick={onMarkRead}>
          <span className="visually-hidden">{t('notifications.unread')} · </span>
          {t('notifications.markRead')}
        </button>
      )}
    </li>
  );
}
