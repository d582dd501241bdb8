// A notification as a link to its section: its summary and detail (and, in the inbox, its time).
// A plain left click opens it in the page (marking it read, scrolling to the section); a click
// with a modifier keeps the browser's own meaning (a new tab, a new window).
import type { ReactNode } from 'react';
import type { Notification } from '../../shared/notifications';
import { useI18n } from '../i18n';
import { describeNotification, notificationHref } from './describe';

export function NotificationLink({
  notification,
  onOpen,
  children,
}: {
  notification: Notification;
  onOpen: () => void;
  children?: ReactNode;
}) {
  const { t } = useI18n();
  const { summary, detail } = describeNotification(notification, t);
  return (
    <a
      href={notificationHref(notification)}
      onClick={(event) => {
        if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey) return;
        event.preventDefault();
        onOpen();
      }}
    >
      <span className="notification-summary">{summary}</span>
      {detail && <span className="notification-detail">{detail}</span>}
      {children}
    </a>
  );
}
