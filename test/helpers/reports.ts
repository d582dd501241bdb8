// Finding things in the demo report through the API, the way a client would.
import type { SectionSummary } from '../../shared/types';
import { apiRequest } from './http';

export interface ReportDetailBody {
  id: string;
  title: string;
  locked: boolean;
  sections: SectionSummary[];
  [key: string]: unknown;
}

export function flattenSections(sections: readonly SectionSummary[]): SectionSummary[] {
  return sections.flatMap((section) => [section, ...flattenSections(section.children)]);
}

/** The first report listed (the demo report on a seeded server), with its outline. */
export async function demoReport(baseUrl: string, token: string): Promise<ReportDetailBody> {
  const list = await apiRequest<{ id: string }[]>(baseUrl, 'GET', '/api/reports', { token });
  if (list.status !== 200 || list.body.length === 0) throw new Error(`no report listed (${list.status})`);
  const detail = await apiRequest<ReportDetailBody>(baseUrl, 'GET', `/api/reports/${list.body[0].id}`, {
    token,
  });
  if (detail.status !== 200) throw new Error(`report detail failed (${detail.status})`);
  return detail.body;
}

/** A section whose stored owner is `departmentId` (a section assigned to that department). */
export function sectionOwnedBy(report: ReportDetailBody, departmentId: string): SectionSummary {
  const section = flattenSections(report.sections).find((candidate) => candidate.owner === departmentId);
  if (!section) throw new Error(`no section assigned to ${departmentId}`);
  return section;
}
