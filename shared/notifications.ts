// Notifications of workflow events (issue 16): what an event carries and who is told of it. One
// rule, pure, on plain JSON: the server's notifier calls it for every event; the tests read it.
//
// - submit: the secretaries (the department hands the section over to them);
// - approve, return (with the comment), reopen: the editors of the section's department;
// - lock, unlock (with the reason): the editors of every department owning a section of the
//   report, and the secretaries;
// - reassignment: the editors of the department the section leaves and of the one it goes to.
// A department means its active editors; inactive accounts, viewers and the actor are never told.
import type { User } from './types';

export type NotificationKind = 'submit' | 'approve' | 'return' | 'reopen' | 'lock' | 'unlock' | 'reassign';

export const NOTIFICATION_KINDS = [
  'submit',
  'approve',
  'return',
  'reopen',
  'lock',
  'unlock',
  'reassign',
] as const satisfies readonly NotificationKind[];

/** One event as the notifier is given it; names are resolved when it happens, so the text stays. */
export interface NotificationEvent {
  kind: NotificationKind;
  reportId: string;
  reportTitle: string;
  actorId: string;
  actorName: string;
  /** For section events. */
  sectionId?: string;
  /** The section's number and title as shown in the outline ("2.1.", "Công tác…"). */
  sectionNumber?: string;
  sectionTitle?: string;
  /** The department owning the section (after inheritance) when it happened; null = the secretary. */
  department?: string | null;
  /** For return (and any status change carrying one): the secretary's comment. */
  comment?: string;
  /** For unlock: the secretary's reason. */
  reason?: string;
  /** For reassignment: the department before and after (after inheritance), and their names. */
  fromDepartment?: string | null;
  toDepartment?: string | null;
  fromDepartmentName?: string;
  toDepartmentName?: string;
}

/** A notification as one user's inbox holds it. */
export interface Notification extends NotificationEvent {
  id: string;
  at: string;
  read: boolean;
}

/** What the rule needs to know about the report's departments and the people. */
export interface RecipientContext {
  users: readonly Pick<User, 'id' | 'role' | 'departmentId' | 'active'>[];
  /** Departments owning at least one section of the report (after inheritance). */
  reportDepartments: readonly string[];
}

const isActive = (user: Pick<User, 'active'>) => user.active !== false;

/** The ids of the users told of `event`, in the order of `context.users`. */
export function notificationRecipients(
  event: Pick<NotificationEvent, 'kind' | 'actorId' | 'department' | 'fromDepartment' | 'toDepartment'>,
  context: RecipientContext,
): string[] {
  const departments = new Set<string>();
  let secretaries = false;
  switch (event.kind) {
    case 'submit':
      secretaries = true;
      break;
    case 'approve':
    case 'return':
    case 'reopen':
      if (event.department) departments.add(event.department);
      break;
    case 'lock':
    case 'unlock':
      secretaries = true;
      for (const department of context.reportDepartments) departments.add(department);
      break;
    case 'reassign':
      if (event.fromDepartment) departments.add(event.fromDepartment);
      if (event.toDepartment) departments.add(event.toDepartment);
      break;
  }
  return context.users
    .filter((user) => isActive(user) && user.id !== event.actorId)
    .filter(
      (user) =>
        (secretaries && user.role === 'secretary') ||
        (user.role === 'editor' && user.departmentId !== null && departments.has(user.departmentId)),
    )
    .map((user) => user.id);
}

/** The notification kind of a status change (comment-only changes tell nobody). */
export function kindOfStatusChange(status: string | undefined): NotificationKind | null {
  switch (status) {
    case 'submitted':
      return 'submit';
    case 'approved':
      return 'approve';
    case 'returned':
      return 'return';
    case 'draft':
      return 'reopen';
    default:
      return null;
  }
}

/** The words a notification is told in (one language's templates, `{name}` placeholders). */
export interface NotificationWords {
  kind: Record<NotificationKind, string>;
  /** With {comment}. */
  comment: string;
  /** With {reason}. */
  reason: string;
  /** The name of "no department" (a section of the secretary alone). */
  secretary: string;
}

const fill = (template: string, params: Record<string, string>) =>
  template.replace(/\{(\w+)\}/g, (whole, name: string) => params[name] ?? whole);

/**
 * A notification as text: the one-line summary, and the detail line (the return comment or the
 * unlock reason) when there is one. The inbox, the toasts and the e-mails all say it this way.
 */
export function notificationText(
  notification: NotificationEvent,
  words: NotificationWords,
): { summary: string; detail: string | null } {
  const section = [notification.sectionNumber, notification.sectionTitle].filter(Boolean).join(' ');
  const summary = fill(words.kind[notification.kind], {
    actor: notification.actorName,
    report: notification.reportTitle,
    section: section || '—',
    from: notification.fromDepartmentName ?? words.secretary,
    to: notification.toDepartmentName ?? words.secretary,
  });
  const detail =
    notification.kind === 'unlock' && notification.reason
      ? fill(words.reason, { reason: notification.reason })
      : notification.comment
        ? fill(words.comment, { comment: notification.comment })
        : null;
  return { summary, detail };
}
