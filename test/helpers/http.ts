// REST calls against a test server: status and parsed body, never throwing on HTTP errors.
import type { User } from '../../shared/types';

/**
 * Bodies default to `any` on purpose: tests read whatever JSON came back and assert on it.
 */
// biome-ignore lint/suspicious/noExplicitAny: see above
type Json = any;

export interface ApiResponse<T = Json> {
  status: number;
  body: T;
  headers: Headers;
  text: string;
}

export async function apiRequest<T = Json>(
  baseUrl: string,
  method: string,
  path: string,
  options: { token?: string; body?: unknown; rawBody?: string; headers?: Record<string, string> } = {},
): Promise<ApiResponse<T>> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token) headers.Authorization = `Bearer ${options.token}`;
  let body: string | undefined;
  if (options.rawBody !== undefined) body = options.rawBody;
  else if (options.body !== undefined) body = JSON.stringify(options.body);
  if (body !== undefined) headers['Content-Type'] ??= 'application/json';
  const response = await fetch(`${baseUrl}${path}`, { method, headers, body });
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    // Not JSON (exports): the text is the body.
  }
  return { status: response.status, body: parsed as T, headers: response.headers, text };
}

export interface Session {
  token: string;
  user: User;
}

/** Log in (demo password by default); throws when the login fails. */
export async function login(baseUrl: string, username: string, password = 'demo'): Promise<Session> {
  const response = await apiRequest<Session>(baseUrl, 'POST', '/api/auth/login', {
    body: { username, password },
  });
  if (response.status !== 200)
    throw new Error(`login of ${username} failed: ${response.status} ${response.text}`);
  return response.body;
}

/** A small client bound to one token. */
export function apiClient(baseUrl: string, token?: string) {
  return {
    get: <T = Json>(path: string) => apiRequest<T>(baseUrl, 'GET', path, { token }),
    post: <T = Json>(path: string, body?: unknown) => apiRequest<T>(baseUrl, 'POST', path, { token, body }),
    patch: <T = Json>(path: string, body?: unknown) => apiRequest<T>(baseUrl, 'PATCH', path, { token, body }),
  };
}
