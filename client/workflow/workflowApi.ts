// REST calls of the workflow area: section owner/status, lock and unlock, the activity log.
import type { SectionStatus, User } from '../../shared/types';
import { request } from '../api';

const reportPath = (reportId: string) => `/api/reports/${encodeURIComponent(reportId)}`;

/** Locking with pending suggestions: accept them all, reject them all, or leave them out of the clean export. */
export type PendingChoice = 'accept' | 'reject' | 'leave';

/** What `GET /api/reports/:id/review/summary` answers. */
export interface ReviewSummary {
  suggestions: number;
  openComments: number;
}

/** What `PATCH /api/reports/:id/sections/:sectionId` answers. */
export interface SectionChangeResult {
  id: string;
  owner: string | null;
  effectiveOwner: string | null;
  status: SectionStatus;
  comment?: string;
}

/** An entry of `GET /api/reports/:id/activity` (newest first); only the fields the client reads. */
export interface ActivityEntry {
  at: string;
  userId: string;
  kind: string;
  sectionIds: string[];
  inserted?: number;
  deleted?: number;
}

export const workflowApi = {
  /** Assign a section (owner: a department id, or null to inherit / leave to the office). */
  setOwner: (reportId: string, sectionId: string, owner: string | null) =>
    request<SectionChangeResult>(
      'PATCH',
      `${reportPath(reportId)}/sections/${encodeURIComponent(sectionId)}`,
      { owner },
    ),
  setStatus: (reportId: string, sectionId: string, status: SectionStatus, comment?: string) =>
    request<SectionChangeResult>(
      'PATCH',
      `${reportPath(reportId)}/sections/${encodeURIComponent(sectionId)}`,
      comment === undefined ? { status } : { status, comment },
    ),
  /** `pending`: what happens to pending suggestions (the server asks when there are some). */
  lock: (reportId: string, pending?: PendingChoice) =>
    request<{ locked: true; versionId: string }>(
      'POST',
      `${reportPath(reportId)}/lock`,
      pending === undefined ? {} : { pending },
    ),
  reviewSummary: (reportId: string) =>
    request<ReviewSummary>('GET', `${reportPath(reportId)}/review/summary`),
  unlock: (reportId: string, reason: string) =>
    request<{ locked: false }>('POST', `${reportPath(reportId)}/unlock`, { reason }),
  activity: (reportId: string, limit = 1000) =>
    request<ActivityEntry[]>('GET', `${reportPath(reportId)}/activity?limit=${limit}`),
  users: () => request<User[]>('GET', '/api/users'),
};
