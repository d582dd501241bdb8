// REST client: JSON in and out, Bearer token from the session, 401 ends the session.
import type { Department, ReportMeta, SectionStatus, SectionSummary, User } from '../shared/types';
import { getSession, setSession } from './session';

/** An HTTP failure with the status kept so pages can show the right message. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    /** The parsed error body (e.g. `{error, retryAfter}` of a 429). */
    readonly body: unknown = null,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** What `GET /api/reports` lists; fields beyond id/title/locked are optional extras of the server. */
export interface ReportListItem {
  id: string;
  title: string;
  locked: boolean;
  period?: string;
  sectionCount?: number;
  progress?: Partial<Record<SectionStatus, number>>;
  sections?: Record<string, { status: SectionStatus }>;
  updatedAt?: string;
}

/** What `GET /api/reports/:id` returns. */
export interface ReportDetail extends Partial<Omit<ReportMeta, 'sections'>> {
  id: string;
  title: string;
  locked: boolean;
  sections: SectionSummary[];
}

export async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
  const session = getSession();
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (session) headers.Authorization = `Bearer ${session.token}`;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, 'network');
  }
  if (response.status === 401 && session && path !== '/api/auth/login') {
    // The token expired or was revoked: back to the login form.
    setSession(null);
  }
  const text = await response.text();
  let data: unknown = null;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch {
      data = text;
    }
  }
  if (!response.ok) {
    const message =
      data && typeof data === 'object' && 'error' in data
        ? String((data as { error: unknown }).error)
        : typeof data === 'string' && data
          ? data
          : response.statusText;
    throw new ApiError(response.status, message, data);
  }
  return data as T;
}

export const api = {
  login: (username: string, password: string) =>
    request<{ token: string; user: User }>('POST', '/api/auth/login', { username, password }),
  me: () => request<User | { user: User }>('GET', '/api/me'),
  departments: () => request<Department[]>('GET', '/api/departments'),
  reports: () => request<ReportListItem[]>('GET', '/api/reports'),
  report: (id: string) => request<ReportDetail>('GET', `/api/reports/${encodeURIComponent(id)}`),
};
