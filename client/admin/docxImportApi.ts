// POST /api/reports/import (server/routes/import.ts) with the .docx as the body. XMLHttpRequest,
// not fetch, because only it reports upload progress.
import type { ImportPreview } from '../../shared/import/import-preview';
import { ApiError } from '../api';
import { getSession, setSession } from '../session';

export const DOCX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
/** Same limit as the server (server/import/limits.ts MAX_DOCX_BYTES). */
export const MAX_DOCX_BYTES = 20 * 1024 * 1024;

export type { ImportPreview };

function upload<T>(query: string, file: Blob, onProgress?: (fraction: number) => void): Promise<T> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api/reports/import${query}`);
    const session = getSession();
    if (session) xhr.setRequestHeader('Authorization', `Bearer ${session.token}`);
    xhr.setRequestHeader('Content-Type', DOCX_MEDIA_TYPE);
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress?.(event.loaded / event.total);
    };
    xhr.onerror = () => reject(new ApiError(0, 'network'));
    xhr.onload = () => {
      let data: unknown = null;
      try {
        data = xhr.responseText ? JSON.parse(xhr.responseText) : null;
      } catch {
        data = xhr.responseText;
      }
      if (xhr.status >= 200 && xhr.status < 300) return resolve(data as T);
      if (xhr.status === 401 && session) setSession(null);
      const message =
        data && typeof data === 'object' && 'error' in data
          ? String((data as { error: unknown }).error)
          : xhr.statusText;
      reject(new ApiError(xhr.status, message, data));
    };
    xhr.send(file);
  });
}

export const docxImportApi = {
  preview: (file: Blob, onProgress?: (fraction: number) => void) =>
    upload<ImportPreview>('?dryRun=1', file, onProgress),
  create: (
    file: Blob,
    options: { title?: string; period?: string; assign: Record<string, string | null> },
    onProgress?: (fraction: number) => void,
  ) => {
    const params = new URLSearchParams();
    if (options.title) params.set('title', options.title);
    if (options.period) params.set('period', options.period);
    params.set('assign', JSON.stringify(options.assign));
    return upload<{ id: string }>(`?${params}`, file, onProgress);
  },
};

/** The refusal code of a failed import ("not-docx", "encrypted", …), if the server gave one. */
export function refusalCode(error: unknown): string | null {
  if (!(error instanceof ApiError) || !error.body || typeof error.body !== 'object') return null;
  const code = (error.body as { code?: unknown }).code;
  return typeof code === 'string' ? code : null;
}
