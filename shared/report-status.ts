// A report's lifecycle status and what it allows, one rule for the server (the guard's lock, the
// report list) and the browser (the editor's read-only state, the list's filter):
//   draft        no section has left "draft" yet (the departments are still writing)
//   in-progress  some section was submitted, returned or approved
//   locked       the final version is locked (read-only until unlocked)
//   archived     put away by the secretary: read-only, out of the default list, still exportable
// archived wins over locked, which wins over the section states.
import type { ReportMeta, SectionStatus } from './types';

export const REPORT_STATUSES = ['draft', 'in-progress', 'locked', 'archived'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

/** The fields of a report the status rules read (the server's metadata, the client's REST detail). */
export type ReportStatusFields = Partial<Pick<ReportMeta, 'locked' | 'archived'>>;

export function reportStatus(
  report: ReportStatusFields & { sections: Readonly<Record<string, { status: SectionStatus }>> },
): ReportStatus {
  if (report.archived) return 'archived';
  if (report.locked) return 'locked';
  const started = Object.values(report.sections).some((state) => state.status !== 'draft');
  return started ? 'in-progress' : 'draft';
}

/** Nobody may change an archived or locked report's document. No report given: not read-only by this rule. */
export function isReadOnlyReport(report: ReportStatusFields | null | undefined): boolean {
  return Boolean(report?.locked || report?.archived);
}
