// English UI strings.
import { adminEn } from './admin';
import { commentsEn } from './comments';
import { docxImportEn } from './docxImport';
import { historyEn } from './history';
import { notificationsEn } from './notifications';
import { outlineEn } from './outline';
import { previewEn } from './preview';
import { recoveryEn } from './recovery';
import { rightsEn } from './rights';
import { searchEn } from './search';
import { suggestEn } from './suggest';
import { tableEn } from './table';
import type { MessageKey } from './vi';
import { workflowEn } from './workflow';

export const en: Record<MessageKey, string> = {
  ...workflowEn,
  ...historyEn,
  ...adminEn,
  ...recoveryEn,
  ...searchEn,
  ...previewEn,
  ...rightsEn,
  ...tableEn,
  ...notificationsEn,
  ...outlineEn,
  ...docxImportEn,
  ...commentsEn,
  ...suggestEn,
  'app.name': 'Đồng soạn',
  'app.tagline': 'Drafting reports together',
  'header.logout': 'Log out',
  'header.reports': 'Reports',
  'header.language': 'Language',
  'role.secretary': 'Office (secretary)',
  'role.editor': 'Editor',
  'role.viewer': 'Viewer',
  'login.title': 'Log in',
  'login.username': 'Username',
  'login.password': 'Password',
  'login.submit': 'Log in',
  'login.submitting': 'Logging in…',
  'login.failed': 'Wrong username or password.',
  'error.network': 'Cannot reach the server. Please try again.',
  'error.forbidden': 'You are not allowed to do this.',
  'error.notFound': 'Not found.',
  'error.badRequest': 'Invalid request: {message}',
  'error.generic': 'Something went wrong ({status}): {message}',
  'error.retry': 'Retry',
  'reports.title': 'Reports',
  'reports.empty': 'No reports yet.',
  'reports.period': 'Period',
  'reports.progress': 'Progress',
  'reports.progressValue': '{approved}/{total} sections approved, {submitted} submitted',
  'reports.locked': 'Locked',
  'reports.open': 'In progress',
  'reports.loading': 'Loading…',
  'notFound.title': 'Page not found',
  'notFound.report': 'This report does not exist or was removed.',
  'notFound.back': 'Back to reports',
  'report.loading': 'Loading report…',
  'report.syncing': 'Synchronising content…',
  'report.locked': 'This report is locked: read only.',
  'report.viewerOnly': 'You are viewing (read only).',
  'report.editRefused':
    'The server refused a change outside your sections; the content is reloaded from the server.',
  'report.sessionExpired': 'Your session has expired.',
  'report.tooLarge': 'The change was too large; the server refused it.',
  'report.retryIn': 'Reconnecting in {seconds} s.',
  'report.tooMany':
    'Too many connections are open (several browser tabs?); close some of them. Reconnecting in {seconds} s.',
  'report.unrenderable':
    'Part of this report cannot be shown on this computer; it is kept unchanged, not deleted.',
  'conn.connected': 'Connected',
  'conn.connecting': 'Reconnecting…',
  'conn.offline': 'Offline',
  'conn.unsynced': 'Offline — unsynced changes',
  'presence.title': 'Online',
  'presence.you': '(you)',
  'outline.title': 'Outline',
  'outline.yours': 'Your department’s sections',
  'owner.secretary': 'Office',
  'status.draft': 'Draft',
  'status.submitted': 'Submitted',
  'status.approved': 'Approved',
  'status.returned': 'Returned',
  'toolbar.bold': 'Bold',
  'toolbar.italic': 'Italic',
  'toolbar.underline': 'Underline',
  'toolbar.bulletList': 'Bullet list',
  'toolbar.orderedList': 'Numbered list',
  'toolbar.footnote': 'Insert footnote',
  'toolbar.subsection': 'Add sub-section',
  'toolbar.undo': 'Undo',
  'toolbar.redo': 'Redo',
  'toolbar.addRow': 'Add indicator row',
  'toolbar.removeRow': 'Remove indicator row',
  'footnotes.title': 'Footnotes',
  'footnotes.empty': 'No footnotes yet.',
  'footnote.placeholder': 'Footnote text…',
  'evaluation.achieved': 'Achieved (Đạt)',
  'evaluation.notAchieved': 'Not achieved (Chưa đạt)',
  'evaluation.notEvaluated': 'Not evaluated (Chưa đánh giá)',
  'evaluation.empty': '—',
  'indicator.summary': 'Achieved {achieved}/{total}',
  'section.newTitle': 'New section',
  'section.readOnly': 'Read only',
};
