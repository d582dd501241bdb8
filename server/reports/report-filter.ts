// Which reports the report list shows (GET /api/reports?period=&status=&archived=). The statuses
// themselves are shared with the browser: shared/report-status.ts.
import { type ReportStatus, reportStatus } from '../../shared/report-status';
import type { ReportMeta } from '../../shared/types';

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
