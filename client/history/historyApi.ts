// REST calls of the history pages (issue 6): activity log, versions, diff and attribution.
import type { JSONContent } from '@tiptap/core';
import type { AttributionPayload } from '../../shared/history/attribution';
import type { ActivityEntry as SharedActivityEntry, User } from '../../shared/types';
import { ApiError, request } from '../api';
import { getSession } from '../session';

export type { ActivityKind } from '../../shared/types';

/** One entry of GET /api/reports/:id/activity (newest first). */
export interface ActivityEntry extends SharedActivityEntry {
  /** Pass as `before` for the entries after this one. */
  cursor: string;
}

export interface ActivityFilter {
  userId?: string;
  sectionId?: string;
  /** ISO times. */
  since?: string;
  until?: string;
}

export interface ActivityPage {
  entries: ActivityEntry[];
  /** Cursor of the next (older) page, or null at the end. */
  next: string | null;
}

export interface VersionInfo {
  id: string;
  name: string;
  userId: string;
  createdAt: string;
  auto?: 'hourly' | 'lock' | 'restore';
}

/** POST /api/reports/:id/versions/:versionId/restore. */
export interface RestoreResult {
  restored: VersionInfo;
  /** The automatic version of the document as it was just before the restore. */
  before: VersionInfo;
}

export interface Change {
  kind: 'insert' | 'delete';
  text: string;
  userId: string | null;
  sectionId: string | null;
}

export interface DiffResult {
  from: VersionInfo;
  to: VersionInfo | 'current';
  changes: Change[];
}

const reportPath = (reportId: string) => `/api/reports/${encodeURIComponent(reportId)}`;

function query(params: Record<string, string | number | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params))
    if (value !== undefined && value !== '') search.set(key, String(value));
  const text = search.toString();
  return text ? `?${text}` : '';
}

/** The activity log reads the next-page cursor from a header, so it cannot go through `request`. */
async function fetchWithToken(path: string): Promise<Response> {
  const session = getSession();
  let response: Response;
  try {
    response = await fetch(path, { headers: session ? { Authorization: `Bearer ${session.token}` } : {} });
  } catch {
    throw new ApiError(0, 'network');
  }
  if (!response.ok) {
    const text = await response.text();
    let message = response.statusText;
    try {
      message = String(JSON.parse(text).error ?? message);
    } catch {
      // Not JSON: keep the status text.
    }
    throw new ApiError(response.status, message);
  }
  return response;
}

export const historyApi = {
  async activity(
    reportId: string,
    filter: ActivityFilter,
    options: { limit?: number; before?: string } = {},
  ): Promise<ActivityPage> {
    const response = await fetchWithToken(
      `${reportPath(reportId)}/activity${query({ ...filter, limit: options.limit, before: options.before })}`,
    );
    const entries = (await response.json()) as ActivityEntry[];
    return { entries, next: response.headers.get('X-Next-Cursor') };
  },
  versions: (reportId: string) => request<VersionInfo[]>('GET', `${reportPath(reportId)}/versions`),
  createVersion: (reportId: string, name: string) =>
    request<VersionInfo>('POST', `${reportPath(reportId)}/versions`, { name }),
  versionDocument: (reportId: string, versionId: string) =>
    request<VersionInfo & { doc: JSONContent }>(
      'GET',
      `${reportPath(reportId)}/versions/${encodeURIComponent(versionId)}`,
    ),
  /** Give the live document this version's content again (secretary; 409 while read-only). */
  restoreVersion: (reportId: string, versionId: string) =>
    request<RestoreResult>(
      'POST',
      `${reportPath(reportId)}/versions/${encodeURIComponent(versionId)}/restore`,
    ),
  /** The version's raw Yjs V2 state, for snapshot rendering. */
  async versionState(reportId: string, versionId: string): Promise<Uint8Array> {
    const response = await fetchWithToken(
      `${reportPath(reportId)}/versions/${encodeURIComponent(versionId)}/state`,
    );
    return new Uint8Array(await response.arrayBuffer());
  },
  diff: (reportId: string, from: string, to: string) =>
    request<DiffResult>('GET', `${reportPath(reportId)}/diff${query({ from, to })}`),
  attribution: (reportId: string) =>
    request<AttributionPayload>('GET', `${reportPath(reportId)}/attribution`),
  /** Everyone the server lets this user see (the secretary: all accounts). */
  users: () => request<User[]>('GET', '/api/users'),
};
