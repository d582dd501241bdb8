// Downloads an export with the session's Bearer token (a plain link could not send it), reporting
// byte progress when the server says how long the file is, and saves it under the server's name.
import { ApiError } from '../api';
import { getSession, setSession } from '../session';

export type ExportFormat = 'md' | 'html' | 'docx' | 'pdf';
export const EXPORT_FORMATS: readonly ExportFormat[] = ['docx', 'pdf', 'html', 'md'];

export interface ExportProgress {
  received: number;
  /** From Content-Length; null when the server streams without announcing a length. */
  total: number | null;
}

export interface ExportedFile {
  filename: string;
  blob: Blob;
}

/**
 * The file name of a Content-Disposition header: the RFC 5987 `filename*` (which carries the
 * Vietnamese title) when present and decodable, else the plain `filename`, else `fallback`.
 */
export function filenameFromDisposition(header: string | null, fallback: string): string {
  if (!header) return fallback;
  const extended = /filename\*\s*=\s*([^']*)'[^']*'([^;]+)/i.exec(header);
  if (extended) {
    try {
      const name = decodeURIComponent(extended[2].trim());
      if (name) return safeName(name);
    } catch {
      // A malformed escape: use the plain name below.
    }
  }
  const plain = /filename\s*=\s*("([^"]*)"|[^;]+)/i.exec(header);
  const name = plain ? (plain[2] ?? plain[1]).trim() : '';
  return name ? safeName(name) : fallback;
}

/** No path separators or control characters in a name we hand to the browser. */
function safeName(name: string): string {
  return name.replace(/[\\/\p{Cc}]+/gu, '_');
}

async function readBody(response: Response, onProgress: (progress: ExportProgress) => void): Promise<Blob> {
  const length = Number(response.headers.get('Content-Length'));
  const total = Number.isFinite(length) && length > 0 ? length : null;
  const type = response.headers.get('Content-Type') ?? 'application/octet-stream';
  if (!response.body) return response.blob();
  const reader = response.body.getReader();
  const chunks: Uint8Array<ArrayBuffer>[] = [];
  let received = 0;
  onProgress({ received, total });
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    received += value.byteLength;
    onProgress({ received, total });
  }
  return new Blob(chunks, { type });
}

async function errorOf(response: Response): Promise<ApiError> {
  const text = await response.text().catch(() => '');
  let message = response.statusText;
  try {
    const data = JSON.parse(text) as { error?: unknown };
    if (data && typeof data.error === 'string') message = data.error;
  } catch {
    if (text) message = text.slice(0, 300);
  }
  return new ApiError(response.status, message);
}

/**
 * Fetches `GET /api/reports/:id/export?format=…` (with `markup`: the comments and suggestions as
 * Word's comments and tracked changes); throws ApiError (503: converter missing).
 */
export async function fetchExport(
  reportId: string,
  format: ExportFormat,
  onProgress: (progress: ExportProgress) => void,
  signal?: AbortSignal,
  markup = false,
): Promise<ExportedFile> {
  const session = getSession();
  let response: Response;
  try {
    response = await fetch(
      `/api/reports/${encodeURIComponent(reportId)}/export?format=${encodeURIComponent(format)}${markup ? '&markup=1' : ''}`,
      { headers: session ? { Authorization: `Bearer ${session.token}` } : {}, signal },
    );
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new ApiError(0, 'network');
  }
  if (response.status === 401 && session) setSession(null);
  if (!response.ok) throw await errorOf(response);
  const blob = await readBody(response, onProgress);
  const filename = filenameFromDisposition(response.headers.get('Content-Disposition'), `bao-cao.${format}`);
  return { filename, blob };
}

/** Hands a blob to the browser as a download named `filename`. */
export function saveFile({ filename, blob }: ExportedFile): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started from the click; the URL may go once the browser has read it.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
