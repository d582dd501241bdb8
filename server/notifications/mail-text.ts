// The e-mail of a notification, in Vietnamese (the users' language), in the same words as the inbox.

import { notificationsVi } from '../../client/i18n/notifications';
import { type Notification, type NotificationWords, notificationText } from '../../shared/notifications';

const words: NotificationWords = {
  kind: {
    submit: notificationsVi['notifications.kind.submit'],
    approve: notificationsVi['notifications.kind.approve'],
    return: notificationsVi['notifications.kind.return'],
    reopen: notificationsVi['notifications.kind.reopen'],
    lock: notificationsVi['notifications.kind.lock'],
    unlock: notificationsVi['notifications.kind.unlock'],
    reassign: notificationsVi['notifications.kind.reassign'],
  },
  comment: notificationsVi['notifications.comment'],
  reason: notificationsVi['notifications.reason'],
  secretary: notificationsVi['notifications.secretary'],
};

export interface MailText {
  subject: string;
  text: string;
}

/** Subject and plain-text body; `link` is the report's address when the server knows its origin. */
export function mailText(notification: Notification, link: string | null): MailText {
  const { summary, detail } = notificationText(notification, words);
  const subject = notificationsVi['notifications.mailSubject'].replace('{summary}', summary);
  const text = [summary, detail, link].filter((line): line is string => Boolean(line)).join('\n\n');
  return { subject, text: `${text}\n` };
}
