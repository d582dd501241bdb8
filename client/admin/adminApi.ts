// REST calls of the administration, account and report-lifecycle pages (server/routes/users.ts,
// departments.ts, auth.ts, report-lifecycle.ts).
import type { ReportStatus } from '../../shared/report-status';
import type { Department, LayoutProfile, Role, User } from '../../shared/types';
import { type ReportDetail, type ReportListItem, request } from '../api';

const enc = encodeURIComponent;

export interface NewUser {
  username: string;
  name: string;
  role: Role;
  departmentId: string | null;
  /** Where notifications are e-mailed (when the server sends e-mail). */
  email?: string;
}

export interface UserChange {
  name?: string;
  role?: Role;
  departmentId?: string | null;
  active?: boolean;
  /** null clears it. */
  email?: string | null;
}

export interface DepartmentChange {
  name?: string;
  shortName?: string;
  color?: string;
  active?: boolean;
}

/** The report list's filter, as `GET /api/reports` takes it. */
export interface ReportFilter {
  period: string;
  status: '' | ReportStatus;
  showArchived: boolean;
}

export type NewReportRequest =
  | { source: 'blank'; title?: string; period?: string; profile?: LayoutProfile }
  | { source: 'text'; text: string; title?: string; period?: string }
  | { source: 'previous'; previousReportId: string; title?: string; period?: string };

/** Last period's text of one section (`GET /api/reports/:id/previous/:sectionId`). */
export interface PreviousSection {
  sectionId: string;
  previousSectionId: string;
  sourceReportId: string;
  text: string;
}

/** The list item with the lifecycle fields the server adds. */
export interface LifecycleListItem extends ReportListItem {
  archived?: boolean;
  status?: string;
}

export function reportListQuery(filter: ReportFilter): string {
  const query = new URLSearchParams();
  if (filter.period.trim()) query.set('period', filter.period.trim());
  if (filter.status) query.set('status', filter.status);
  else if (filter.showArchived) query.set('archived', 'all');
  const text = query.toString();
  return text ? `?${text}` : '';
}

export const adminApi = {
  departments: () => request<Department[]>('GET', '/api/departments'),
  createDepartment: (body: { name: string; shortName?: string; color?: string }) =>
    request<Department>('POST', '/api/departments', body),
  updateDepartment: (id: string, body: DepartmentChange) =>
    request<Department>('PATCH', `/api/departments/${enc(id)}`, body),
  deleteDepartment: (id: string) => request<{ ok: true }>('DELETE', `/api/departments/${enc(id)}`),

  users: () => request<User[]>('GET', '/api/users'),
  createUser: (body: NewUser) => request<{ user: User; password: string }>('POST', '/api/users', body),
  updateUser: (id: string, body: UserChange) => request<User>('PATCH', `/api/users/${enc(id)}`, body),
  resetPassword: (id: string) =>
    request<{ user: User; password: string }>('POST', `/api/users/${enc(id)}/reset-password`),

  changeOwnPassword: (currentPassword: string, newPassword: string) =>
    request<{ ok: true }>('POST', '/api/me/password', { currentPassword, newPassword }),

  reports: (filter: ReportFilter) =>
    request<LifecycleListItem[]>('GET', `/api/reports${reportListQuery(filter)}`),
  allReports: () => request<LifecycleListItem[]>('GET', '/api/reports?archived=all'),
  createReport: (body: NewReportRequest) => request<ReportDetail>('POST', '/api/reports', body),
  setArchived: (id: string, archived: boolean) =>
    request<{ id: string; archived: boolean }>(
      'POST',
      `/api/reports/${enc(id)}/${archived ? 'archive' : 'unarchive'}`,
    ),
  previousSection: (reportId: string, sectionId: string) =>
    request<PreviousSection>('GET', `/api/reports/${enc(reportId)}/previous/${enc(sectionId)}`),
};
