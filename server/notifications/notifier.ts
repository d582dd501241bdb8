// The one place workflow events become notifications: the report and lock services call `notify`
// after the change is stored; the notifier names the people concerned (shared/notifications.ts),
// puts a notification in each inbox, pushes it to their open streams and, when SMTP is set, mails
// it. A failure here is logged and never undoes or fails the change that caused it.
import { newId } from '../../shared/ids';
import {
  kindOfStatusChange,
  type Notification,
  type NotificationEvent,
  notificationRecipients,
} from '../../shared/notifications';
import type { SectionStatus, User } from '../../shared/types';
import type { Logger } from '../log';
import type { MetaStore } from '../store/meta-store';
import type { NotificationFeed } from './live-feed';
import { mailText } from './mail-text';
import type { Mailer } from './mailer';
import type { NotificationStore } from './notification-store';

/** What a service knows when something happens; the notifier adds names and the recipients. */
export type WorkflowEvent = Omit<
  NotificationEvent,
  'reportTitle' | 'actorId' | 'actorName' | 'fromDepartmentName' | 'toDepartmentName'
>;

export interface NotifierDeps {
  meta: MetaStore;
  store: NotificationStore;
  feed: NotificationFeed;
  /** Departments owning a section of a report (after inheritance), for lock and unlock. */
  reportDepartments: (reportId: string) => Promise<string[]>;
  mailer?: Mailer | null;
  /** The server's public address, for links in e-mails. */
  publicUrl?: string | null;
  logger: Logger;
}

export class Notifier {
  /** E-mails on their way (tests and shutdown wait for them). */
  private readonly sending = new Set<Promise<void>>();

  constructor(private readonly deps: NotifierDeps) {}

  /** Tell the people concerned of `event`, done by `actor`. Never throws. */
  async notify(event: WorkflowEvent, actor: User): Promise<void> {
    try {
      await this.deliver(event, actor);
    } catch (error) {
      this.deps.logger.error(`notifying ${event.kind} of report ${event.reportId} failed:`, error);
    }
  }

  /** Tell of a section's new status (submitted, approved, returned, reopened as draft). Never throws. */
  async statusChanged(status: SectionStatus, event: Omit<WorkflowEvent, 'kind'>, actor: User): Promise<void> {
    const kind = kindOfStatusChange(status);
    if (kind) await this.notify({ ...event, kind }, actor);
  }

  /** Resolves once every e-mail started so far has been sent or has failed. */
  async settled(): Promise<void> {
    while (this.sending.size > 0) await Promise.allSettled([...this.sending]);
  }

  private async deliver(event: WorkflowEvent, actor: User): Promise<void> {
    const { meta } = this.deps;
    const report = meta.data.reports.find((candidate) => candidate.id === event.reportId);
    if (!report) return;
    const departmentName = (id: string | null | undefined) =>
      id ? (meta.data.departments.find((department) => department.id === id)?.name ?? id) : undefined;
    const full: NotificationEvent = {
      ...event,
      reportTitle: report.title,
      actorId: actor.id,
      actorName: actor.name,
      ...(event.kind === 'reassign'
        ? {
            fromDepartmentName: departmentName(event.fromDepartment),
            toDepartmentName: departmentName(event.toDepartment),
          }
        : {}),
    };
    const reportDepartments =
      event.kind === 'lock' || event.kind === 'unlock'
        ? await this.deps.reportDepartments(event.reportId)
        : [];
    const recipients = notificationRecipients(full, { users: meta.data.users, reportDepartments });
    const at = new Date().toISOString();
    for (const userId of recipients) {
      const stored = { ...dropUndefined(full), id: newId('n'), at };
      await this.deps.store.add(userId, stored);
      const notification: Notification = { ...stored, read: false };
      this.deps.feed.publish(userId, { type: 'notification', notification });
      this.mail(userId, notification);
    }
  }

  private mail(userId: string, notification: Notification): void {
    const { mailer, meta, logger } = this.deps;
    const email = meta.data.users.find((user) => user.id === userId)?.email;
    if (!mailer || !email) return;
    const base = this.deps.publicUrl?.replace(/\/$/, '');
    const link = base ? `${base}/reports/${encodeURIComponent(notification.reportId)}` : null;
    const { subject, text } = mailText(notification, link);
    const sending = mailer.send(email, subject, text).catch((error) => {
      logger.warn(`e-mail of a notification to ${userId} failed:`, error);
    });
    this.sending.add(sending);
    void sending.finally(() => this.sending.delete(sending));
  }
}

function dropUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined)) as T;
}
