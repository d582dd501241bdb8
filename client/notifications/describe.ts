// A notification in the interface language (the words of client/i18n/notifications.ts, the
// sentence built by shared/notifications.ts `notificationText`, as the e-mails are).
import { type NotificationEvent, type NotificationWords, notificationText } from '../../shared/notifications';
import type { Translate } from '../i18n';

export function notificationWords(t: Translate): NotificationWords {
  // Placeholders are kept as they are (t fills only the params it is given).
  return {
    kind: {
      submit: t('notifications.kind.submit'),
      approve: t('notifications.kind.approve'),
      return: t('notifications.kind.return'),
      reopen: t('notifications.kind.reopen'),
      lock: t('notifications.kind.lock'),
      unlock: t('notifications.kind.unlock'),
      reassign: t('notifications.kind.reassign'),
    },
    comment: t('notifications.comment'),
    reason: t('notifications.reason'),
    secretary: t('notifications.secretary'),
  };
}

export function describeNotification(notification: NotificationEvent, t: Translate) {
  return notificationText(notification, notificationWords(t));
}

/** Where a notification leads: the report, at its section when it names one. */
export function notificationHref(notification: NotificationEvent): string {
  const report = `/reports/${encodeURIComponent(notification.reportId)}`;
  return notification.sectionId ? `${report}#section-${encodeURIComponent(notification.sectionId)}` : report;
}
