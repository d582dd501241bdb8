// The `:id` of /api/reports/:id/… routes: a known report's metadata, or a 404.
import type { ReportMeta } from '../../shared/types';
import { notFound } from '../http/errors';
import type { ReportService } from '../reports/service';
import { isValidReportId } from '../store/ids';

export function knownReport(reports: ReportService, id: string): ReportMeta {
  const report = isValidReportId(id) ? reports.meta(id) : undefined;
  if (!report) throw notFound('unknown report');
  return report;
}
