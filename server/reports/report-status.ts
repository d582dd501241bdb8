// A report's lifecycle status as the report list shows and filters it:
//   draft        no section has left "draft" yet (the departments are still writing)
//   in-progress  some section was submitted, returned or approved
//   locked       the final version is locked (read-only until unlocked)
//   archived     put away by the secretary: read-only, out of the default list, still exportable
// archived wins over locked, which wins over the section states.
import type { ReportMeta } from '../../shared/types';

export const REPORT_STATUSES = ['draft', 'in-progress', 'locked', 'archived'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

export function reportStatus(report: Pick<ReportMeta, 'archived' | 'locked' | 'sections'>): ReportStatus {
  if (report.archived) return 'archived';
  if (report.locked) return 'locked';
  const started = Object.values(report.sections).some((state) => state.status !== 'draft');
  return started ? 'in-progress' : 'draft';
}

/** Nobody may change an archived or locked report's document. */
export function isReadOnlyReport(report: Pick<ReportMeta, 'archived' | 'locked'> | undefined): boolean {
  return Boolean(report?.locked || report?.archived);
}

export interface ReportFilter {
  /** Matches reports whose period label contains this (case-insensitive): "2025", "6 tháng đầu năm 2025". */
  period?: string;
  status?: ReportStatus;
  /** 'exclude' (default), 'only', or 'include' archived reports. A status of "archived" implies 'only'. */
  archived?: 'exclude' | 'only' | 'include';
}

const fold = (text: string) => text.normalize('NFC').replace(/\s+/g, ' ').trim().toLocaleLowerCase('vi');

export function matchesFilter(report: ReportMeta, filter: ReportFilter): boolean {
  const status = reportStatus(report);
  if (filter.status && status !== filter.status) return false;
  const archived = filter.status === 'archived' ? 'only' : (filter.archived ?? 'exclude');
  if (archived === 'exclude' && report.archived) return false;
  if (archived === 'only' && !report.archived) return false;
  if (filter.period && !fold(report.period ?? '').includes(fold(filter.period))) return false;
  return true;
}
