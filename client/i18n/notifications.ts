// UI strings of notifications: the bell, the inbox, the toasts (client/notifications/) and, in
// Vietnamese, the e-mails (server/notifications/mail-text.ts reads `notificationsVi`).
// Parameters: {actor}, {report}, {section} ("2.1. Title"), {comment}, {reason}, {from}, {to}.
export const notificationsVi = {
  'notifications.bell': 'Thông báo',
  'notifications.bellUnread': 'Thông báo ({count} chưa đọc)',
  'notifications.title': 'Thông báo',
  'notifications.empty': 'Chưa có thông báo nào.',
  'notifications.loading': 'Đang tải thông báo…',
  'notifications.loadFailed': 'Không tải được thông báo: {error}',
  'notifications.markAllRead': 'Đánh dấu tất cả đã đọc',
  'notifications.markRead': 'Đánh dấu đã đọc',
  'notifications.unread': 'Chưa đọc',
  'notifications.close': 'Đóng',
  'notifications.open': 'Mở',
  'notifications.dismiss': 'Ẩn thông báo',
  'notifications.offline': 'Mất kết nối thông báo; đang kết nối lại…',
  'notifications.comment': 'Ý kiến: {comment}',
  'notifications.reason': 'Lý do: {reason}',
  'notifications.secretary': 'Văn phòng (thư ký)',
  'notifications.kind.submit': '{actor} đã nộp mục {section} của báo cáo «{report}».',
  'notifications.kind.approve': '{actor} đã duyệt mục {section} của báo cáo «{report}».',
  'notifications.kind.return': '{actor} đã trả lại mục {section} của báo cáo «{report}» để sửa.',
  'notifications.kind.reopen': '{actor} đã mở lại mục {section} của báo cáo «{report}» để sửa tiếp.',
  'notifications.kind.lock': '{actor} đã khóa báo cáo «{report}» (bản cuối cùng).',
  'notifications.kind.unlock': '{actor} đã mở khóa báo cáo «{report}».',
  'notifications.kind.reassign':
    '{actor} đã giao lại mục {section} của báo cáo «{report}»: từ {from} sang {to}.',
  'notifications.mailSubject': '[Đồng soạn] {summary}',
} as const;

export const notificationsEn: Record<keyof typeof notificationsVi, string> = {
  'notifications.bell': 'Notifications',
  'notifications.bellUnread': 'Notifications ({count} unread)',
  'notifications.title': 'Notifications',
  'notifications.empty': 'No notifications yet.',
  'notifications.loading': 'Loading notifications…',
  'notifications.loadFailed': 'Could not load notifications: {error}',
  'notifications.markAllRead': 'Mark all as read',
  'notifications.markRead': 'Mark as read',
  'notifications.unread': 'Unread',
  'notifications.close': 'Close',
  'notifications.open': 'Open',
  'notifications.dismiss': 'Dismiss',
  'notifications.offline': 'Notifications disconnected; reconnecting…',
  'notifications.comment': 'Comment: {comment}',
  'notifications.reason': 'Reason: {reason}',
  'notifications.secretary': 'the office (secretary)',
  'notifications.kind.submit': '{actor} submitted section {section} of the report “{report}”.',
  'notifications.kind.approve': '{actor} approved section {section} of the report “{report}”.',
  'notifications.kind.return': '{actor} returned section {section} of the report “{report}” for changes.',
  'notifications.kind.reopen':
    '{actor} reopened section {section} of the report “{report}” for further work.',
  'notifications.kind.lock': '{actor} locked the report “{report}” (final version).',
  'notifications.kind.unlock': '{actor} unlocked the report “{report}”.',
  'notifications.kind.reassign':
    '{actor} reassigned section {section} of the report “{report}” from {from} to {to}.',
  'notifications.mailSubject': '[Dongsoan] {summary}',
};
